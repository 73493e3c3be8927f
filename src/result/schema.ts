import * as z from 'zod/mini';
import { d } from '../kb/schema.js';
import { relaxationsSchema, sensitivitySchema } from './analysis-schema.js';
import { confidence, criterion, int, perCriterion, strings } from './fields.js';

/**
 * The result of `recommend` — the versioned JSON contract (schemaVersion 1). The engine's types are
 * inferred from this schema (src/engine/types.ts), so the documentation, the JSON Schema printed by
 * `mqselect schema result` and the code cannot drift apart. Fields may be added within a version.
 */

export const contributionSchema = z.object({
  criterion,
  part: d(z.string(), 'sub-criterion, e.g. throughput.nodes, staffCost.experience, rule:<id>'),
  observed: d(z.string(), 'what the knowledge base says'),
  expected: d(z.string(), 'what the requirements ask'),
  fit: d(z.number(), '0..1 for a part; the change in fit for a rule'),
  points: d(z.number(), 'the most this part can earn (weight share x part weight x 100)'),
  contribution: d(z.number(), 'points earned, one decimal; contributions add up to the score'),
  reasonId: d(z.string(), 'stable id of the reason (a KB rule id or an engine reason)'),
  reason: z.string(),
  confidence,
  sources: strings(),
});

export const criterionScoreSchema = z.object({
  weight: z.number(),
  weightShare: z.number(),
  fit: z.number(),
  contribution: z.number(),
  confidence,
  assessment: d(z.enum(['strength', 'weakness']), "fit at or above the model's strength threshold, or below it"),
});

export const nodeCountSchema = z.object({ role: z.string(), count: int(), note: z.optional(z.string()) });

export const clusterModeChoiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  aliases: strings(),
  nodes: d(z.array(nodeCountSchema), 'node count per role, sized for the stated peak'),
  totalNodes: int(),
  nodesAtGrowth: z.optional(d(z.array(nodeCountSchema), 'the same at peak x growthFactor, when different')),
  configuration: d(strings(), 'the settings that make the guarantees hold'),
  guarantees: z.object({ acknowledgedLoss: z.string(), failover: z.string(), rto: z.string() }),
  why: strings(),
  managed: z.optional(
    z.object({ name: z.string(), platform: z.string(), note: z.optional(z.string()), sources: strings() }),
  ),
  multiDatacenter: z.optional(
    z.object({
      id: z.string(),
      name: z.string(),
      replication: z.string(),
      rpo: z.string(),
      failover: z.string(),
      why: strings(),
      sources: strings(),
    }),
  ),
  storage: z.optional(
    d(
      z.object({
        retainedBytes: d(
          z.number(),
          'bytes held at once, all copies: retention window or backlog x message size x copies',
        ),
        perNodeBytes: d(z.number(), 'that, spread over the nodes that carry traffic'),
        copies: int(),
        basis: d(z.string(), 'what was sized, in words'),
        beyondPractical: d(z.boolean(), "more per node than the model's practical disk per node"),
        tieredStorage: z.optional(d(z.string(), 'how the broker can move old data to object storage, when it can')),
      }),
      'disk needed, when a retention window or backlog is stated',
    ),
  ),
  sources: strings(),
});

export const rankedBrokerSchema = z.object({
  rank: int(),
  broker: z.string(),
  name: z.string(),
  profile: d(z.string(), 'profile id, or ids joined by " + " when several run side by side'),
  profiles: z.array(z.object({ id: z.string(), name: z.string() })),
  score: d(z.number(), '0..100, one decimal'),
  breakdown: perCriterion(criterionScoreSchema),
  contributions: z.array(contributionSchema),
  reasons: z.object({ for: strings(), against: strings() }),
  clusterMode: clusterModeChoiceSchema,
  lowConfidence: z.array(criterion),
  alternatives: d(
    z.array(z.object({ profile: z.string(), score: z.number(), behindBy: strings() })),
    'other feasible profiles of the same broker, and what the chosen one does better',
  ),
});

export const weightInfoSchema = z.object({
  weight: z.number(),
  from: d(
    z.enum(['priority', 'weights', 'override', 'implied', 'default']),
    'implied: not ranked, but a stated fact makes it count; default: not stated',
  ),
  priority: z.optional(z.string()),
});

const kbInfo = z.object({
  version: z.string(),
  asOf: z.string(),
  extraFiles: z.array(z.object({ file: z.string(), sha256: z.string() })),
});
const recommendation = d(
  z.nullable(
    z.object({
      broker: z.string(),
      name: z.string(),
      profile: z.string(),
      clusterMode: z.object({ id: z.string(), name: z.string() }),
      score: z.number(),
      margin: d(z.nullable(z.number()), 'points ahead of #2; null when it is the only feasible broker'),
      clearWinner: z.boolean(),
      tiedWith: z.optional(d(strings(), 'brokers within the no-clear-winner margin')),
      summary: z.string(),
    }),
  ),
  'null when no broker meets the hard constraints',
);
const eliminated = z.array(z.object({ broker: z.string(), name: z.string(), reasons: strings() }));
const warnings = z.array(z.object({ id: z.string(), message: z.string() }));

export const resultSchema = d(
  z.object({
    schemaVersion: z.literal(1),
    kb: kbInfo,
    title: z.optional(z.string()),
    recommendation,
    ranking: z.array(rankedBrokerSchema),
    eliminated,
    assumed: z.array(z.object({ field: z.string(), value: z.string(), note: z.string() })),
    warnings,
    weights: perCriterion(weightInfoSchema),
    comparison: z.optional(
      z.object({ winner: z.string(), runnerUp: z.string(), decisive: strings(), wouldChange: strings() }),
    ),
    relaxations: z.optional(relaxationsSchema),
    sensitivity: z.optional(sensitivitySchema),
  }),
  'mqselect recommend result, schemaVersion 1',
);

/**
 * One `recommend --batch` record: the same answer as the full result without the explanation text, so
 * hundreds of thousands of scenarios stay fast and small. Use a single-file run for the explanation.
 */
export const resultSummarySchema = d(
  z.object({
    schemaVersion: z.literal(1),
    kb: kbInfo,
    recommendation,
    ranking: z.array(
      z.object({
        rank: int(),
        broker: z.string(),
        profile: z.string(),
        score: z.number(),
        fits: d(perCriterion(z.number()), 'fit 0..1 per criterion'),
        clusterMode: z.object({
          id: z.string(),
          name: z.string(),
          nodes: z.array(z.object({ role: z.string(), count: int() })),
          multiDatacenter: z.optional(z.string()),
        }),
        lowConfidence: z.array(criterion),
      }),
    ),
    eliminated,
    warnings,
    sensitivity: z.optional(sensitivitySchema),
  }),
  'mqselect recommend --batch record result, schemaVersion 1',
);
