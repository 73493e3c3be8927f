import { z } from 'zod';
import { CRITERIA } from '../requirements/vocabulary.js';

/**
 * The result of `recommend` — the versioned JSON contract (schemaVersion 1). The engine's types are
 * inferred from this schema (src/engine/types.ts), so the documentation, the JSON Schema printed by
 * `mqselect schema result` and the code cannot drift apart. Fields may be added within a version.
 */
const criterion = z.enum(CRITERIA).describe('one of the six dimensions, or "features" (preferred features)');
const confidence = z.enum(['high', 'low']).describe('low: rests on an estimate, not a measured figure');
const perCriterion = <T extends z.ZodType>(schema: T) => z.object(Object.fromEntries(CRITERIA.map((c) => [c, schema])) as Record<(typeof CRITERIA)[number], T>);

export const contributionSchema = z.object({
  criterion,
  part: z.string().describe('sub-criterion, e.g. throughput.nodes, staffCost.experience, rule:<id>'),
  observed: z.string().describe('what the knowledge base says'),
  expected: z.string().describe('what the requirements ask'),
  fit: z.number().describe('0..1 for a part; the change in fit for a rule'),
  points: z.number().describe('the most this part can earn (weight share x part weight x 100)'),
  contribution: z.number().describe('points earned, one decimal; contributions add up to the score'),
  reasonId: z.string().describe('stable id of the reason (a KB rule id or an engine reason)'),
  reason: z.string(),
  confidence,
  sources: z.array(z.string()),
});

export const criterionScoreSchema = z.object({
  weight: z.number(),
  weightShare: z.number(),
  fit: z.number(),
  contribution: z.number(),
  confidence,
});

export const nodeCountSchema = z.object({ role: z.string(), count: z.number().int(), note: z.string().optional() });

export const clusterModeChoiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  aliases: z.array(z.string()),
  nodes: z.array(nodeCountSchema).describe('node count per role, sized for the stated peak'),
  totalNodes: z.number().int(),
  nodesAtGrowth: z.array(nodeCountSchema).optional().describe('the same at peak x growthFactor, when different'),
  configuration: z.array(z.string()).describe('the settings that make the guarantees hold'),
  guarantees: z.object({ acknowledgedLoss: z.string(), failover: z.string(), rto: z.string() }),
  why: z.array(z.string()),
  managed: z.object({ name: z.string(), platform: z.string(), note: z.string().optional(), sources: z.array(z.string()) }).optional(),
  multiDatacenter: z
    .object({ id: z.string(), name: z.string(), replication: z.string(), rpo: z.string(), failover: z.string(), why: z.array(z.string()), sources: z.array(z.string()) })
    .optional(),
  sources: z.array(z.string()),
});

export const rankedBrokerSchema = z.object({
  rank: z.number().int(),
  broker: z.string(),
  name: z.string(),
  profile: z.string().describe('profile id, or ids joined by " + " when several run side by side'),
  profiles: z.array(z.object({ id: z.string(), name: z.string() })),
  score: z.number().describe('0..100, one decimal'),
  breakdown: perCriterion(criterionScoreSchema),
  contributions: z.array(contributionSchema),
  reasons: z.object({ for: z.array(z.string()), against: z.array(z.string()) }),
  clusterMode: clusterModeChoiceSchema,
  lowConfidence: z.array(criterion),
  alternatives: z
    .array(z.object({ profile: z.string(), score: z.number(), behindBy: z.array(z.string()) }))
    .describe('other feasible profiles of the same broker, and what the chosen one does better'),
});

export const weightInfoSchema = z.object({
  weight: z.number(),
  from: z.enum(['priority', 'weights', 'override', 'default']),
  priority: z.string().optional(),
});

export const sensitivitySchema = z
  .object({
    weights: z
      .array(
        z.object({
          criterion,
          weight: z.number(),
          holdsFrom: z.number().describe('lowest weight (others fixed) at which the winner still wins'),
          holdsTo: z.number().nullable().describe('highest such weight; null = any higher weight'),
          winnerBelow: z.string().nullable().describe('who wins just below holdsFrom (null when holdsFrom is 0)'),
          winnerAbove: z.string().nullable().describe('who wins just above holdsTo (null when holdsTo is null)'),
        }),
      )
      .describe('exact intervals: scores are linear in the weights'),
    thresholds: z
      .array(
        z.object({
          field: z.string(),
          value: z.number(),
          direction: z.enum(['above', 'below']),
          holdsAt: z.number().describe('the farthest value checked at which the winner still holds'),
          changesAt: z.number().describe('the nearest value checked at which the winner has changed (within 1% of holdsAt)'),
          newWinner: z.string().nullable().describe('null: no broker is feasible beyond it'),
          searchedTo: z.number().describe('the documented bound searched'),
        }),
      )
      .describe('stated numbers whose change alone would change the winner, within documented bounds'),
    featureFlips: z
      .array(z.object({ feature: z.string(), from: z.string(), to: z.string(), newWinner: z.string().nullable() }))
      .describe('feature needs that, changed alone, change the winner'),
    robustness: z
      .object({
        samples: z.number().int(),
        seed: z.number().int(),
        perturbation: z.number().describe('each weight multiplied by a factor drawn from 1 ± this'),
        share: z.number().describe('share of samples in which the winner holds, 0..1'),
        winners: z.record(z.string(), z.number().int()).describe('how often each broker won'),
      })
      .optional(),
  })
  .describe('what would change the answer');

export const resultSchema = z
  .object({
    schemaVersion: z.literal(1),
    kb: z.object({ version: z.string(), asOf: z.string(), extraFiles: z.array(z.object({ file: z.string(), sha256: z.string() })) }),
    title: z.string().optional(),
    recommendation: z
      .object({
        broker: z.string(),
        name: z.string(),
        profile: z.string(),
        clusterMode: z.object({ id: z.string(), name: z.string() }),
        score: z.number(),
        margin: z.number().nullable().describe('points ahead of #2; null when it is the only feasible broker'),
        clearWinner: z.boolean(),
        tiedWith: z.array(z.string()).optional().describe('brokers within the no-clear-winner margin'),
        summary: z.string(),
      })
      .nullable()
      .describe('null when no broker meets the hard constraints'),
    ranking: z.array(rankedBrokerSchema),
    eliminated: z.array(z.object({ broker: z.string(), name: z.string(), reasons: z.array(z.string()) })),
    assumed: z.array(z.object({ field: z.string(), value: z.string(), note: z.string() })),
    warnings: z.array(z.object({ id: z.string(), message: z.string() })),
    weights: perCriterion(weightInfoSchema),
    comparison: z
      .object({ winner: z.string(), runnerUp: z.string(), decisive: z.array(z.string()), wouldChange: z.array(z.string()) })
      .optional(),
    sensitivity: sensitivitySchema.optional(),
  })
  .describe('mqselect recommend result, schemaVersion 1');

/**
 * One `recommend --batch` record: the same answer as the full result without the explanation text, so
 * hundreds of thousands of scenarios stay fast and small. Use a single-file run for the explanation.
 */
export const resultSummarySchema = z
  .object({
    schemaVersion: z.literal(1),
    kb: resultSchema.shape.kb,
    recommendation: resultSchema.shape.recommendation,
    ranking: z.array(
      z.object({
        rank: z.number().int(),
        broker: z.string(),
        profile: z.string(),
        score: z.number(),
        fits: perCriterion(z.number()).describe('fit 0..1 per criterion'),
        clusterMode: z.object({ id: z.string(), name: z.string(), nodes: z.array(z.object({ role: z.string(), count: z.number().int() })), multiDatacenter: z.string().optional() }),
        lowConfidence: z.array(criterion),
      }),
    ),
    eliminated: resultSchema.shape.eliminated,
    warnings: resultSchema.shape.warnings,
    sensitivity: sensitivitySchema.optional(),
  })
  .describe('mqselect recommend --batch record result, schemaVersion 1');
