import type { ClusterModePick } from './cluster.js';
import type { ScoredCandidate } from './score.js';
import type { Criterion } from './types.js';

/** What both the full result and the batch summary say about each ranked broker. */
export interface Ranked {
  candidate: ScoredCandidate;
  rank: number;
  clusterMode: ClusterModePick;
  lowConfidence: Criterion[];
}

/** The broker of a candidate (all its profiles belong to one broker). */
export const brokerOf = (c: ScoredCandidate) => c.profiles[0]!.broker;
export const profileId = (c: ScoredCandidate) => c.profiles.map((p) => p.profile.id).join(' + ');
export const profileNames = (c: ScoredCandidate) => c.profiles.map((p) => p.profile.name).join(' + ');
