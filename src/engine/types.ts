import type { Dimension } from '../requirements/vocabulary.js';

/** A scoring criterion: the six dimensions plus "features" (how well preferred features are met). */
export const CRITERIA = ['throughput', 'reliability', 'latency', 'backlog', 'scalability', 'staffCost', 'features'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type { Dimension };

export type Confidence = 'high' | 'low';

/** One recorded step of a score: contributions of a broker add up exactly to its score (in tenths). */
export interface Contribution {
  criterion: Criterion;
  /** Sub-criterion id, e.g. "throughput.nodes", "staffCost.experience", "rule:small-ops-team". */
  part: string;
  observed: string;
  expected: string;
  /** Fit of this part, 0..1 (for rules: the change in fit, may be negative). */
  fit: number;
  /** Share of the 100 points this part can earn (criterion weight share x part weight). */
  points: number;
  /** Points earned, one decimal; sums to the score. */
  contribution: number;
  reasonId: string;
  reason: string;
  confidence: Confidence;
  sources: string[];
}

export interface CriterionScore {
  weight: number;
  weightShare: number;
  fit: number;
  contribution: number;
  confidence: Confidence;
}

export interface NodeCount {
  role: string;
  count: number;
  note?: string;
}

export interface ClusterModeChoice {
  id: string;
  name: string;
  status: string;
  aliases: string[];
  nodes: NodeCount[];
  totalNodes: number;
  /** Node count of the load-carrying role at peak x growthFactor, when that differs. */
  nodesAtGrowth?: NodeCount[];
  configuration: string[];
  guarantees: { acknowledgedLoss: string; failover: string; rto: string };
  why: string[];
  managed?: { name: string; platform: string; note?: string; sources: string[] };
  multiDatacenter?: { id: string; name: string; replication: string; rpo: string; failover: string; why: string[]; sources: string[] };
  sources: string[];
}

export interface RankedBroker {
  rank: number;
  broker: string;
  name: string;
  /** Profile id, or ids joined by " + " when several run side by side. */
  profile: string;
  profiles: Array<{ id: string; name: string }>;
  score: number;
  breakdown: Record<Criterion, CriterionScore>;
  contributions: Contribution[];
  reasons: { for: string[]; against: string[] };
  clusterMode: ClusterModeChoice;
  lowConfidence: Criterion[];
  /** Other feasible profiles of the same broker, and what the chosen one does better. */
  alternatives: Array<{ profile: string; score: number; behindBy: string[] }>;
}

export interface Elimination {
  broker: string;
  name: string;
  reasons: string[];
}

export interface Assumption {
  field: string;
  value: string;
  note: string;
}

export interface Warning {
  id: string;
  message: string;
}

export interface WeightInfo {
  weight: number;
  from: 'priority' | 'weights' | 'override' | 'default';
  priority?: string;
}

export interface Recommendation {
  broker: string;
  name: string;
  profile: string;
  clusterMode: { id: string; name: string };
  score: number;
  margin: number | null;
  clearWinner: boolean;
  tiedWith?: string[];
  summary: string;
}

export interface Result {
  schemaVersion: 1;
  kb: { version: string; asOf: string; extraFiles: Array<{ file: string; sha256: string }> };
  title?: string;
  recommendation: Recommendation | null;
  ranking: RankedBroker[];
  eliminated: Elimination[];
  assumed: Assumption[];
  warnings: Warning[];
  weights: Record<Criterion, WeightInfo>;
  /** Runner-up comparison: what separates #1 and #2 and what would change the answer. */
  comparison?: { winner: string; runnerUp: string; decisive: string[]; wouldChange: string[] };
}
