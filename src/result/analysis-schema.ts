import * as z from 'zod/mini';
import { d } from '../kb/schema.js';
import { criterion, int, nullableString } from './fields.js';

/** The parts of a result that say what would change the answer: sensitivity, and relaxations when nothing fits. */
export const sensitivitySchema = d(
  z.object({
    weights: d(
      z.array(
        z.object({
          criterion,
          weight: z.number(),
          holdsFrom: d(z.number(), 'lowest weight (others fixed) at which the winner still wins'),
          holdsTo: d(z.nullable(z.number()), 'highest such weight; null = any higher weight'),
          winnerBelow: nullableString('who wins just below holdsFrom (null when holdsFrom is 0)'),
          winnerAbove: nullableString('who wins just above holdsTo (null when holdsTo is null)'),
        }),
      ),
      'exact intervals: scores are linear in the weights',
    ),
    thresholds: d(
      z.array(
        z.object({
          field: z.string(),
          value: z.number(),
          direction: z.enum(['above', 'below']),
          holdsAt: d(z.number(), 'the farthest value checked at which the winner still holds'),
          changesAt: d(z.number(), 'the nearest value checked at which the winner has changed (within 1% of holdsAt)'),
          newWinner: nullableString('null: no broker is feasible beyond it'),
          searchedTo: d(z.number(), 'the documented bound searched'),
        }),
      ),
      'stated numbers whose change alone would change the winner, within documented bounds',
    ),
    featureFlips: d(
      z.array(z.object({ feature: z.string(), from: z.string(), to: z.string(), newWinner: z.nullable(z.string()) })),
      'feature needs that, changed alone, change the winner',
    ),
    robustness: z.optional(
      z.object({
        samples: int(),
        seed: int(),
        perturbation: d(z.number(), 'each weight multiplied by a factor drawn from 1 ± this'),
        share: d(z.number(), 'share of samples in which the winner holds, 0..1'),
        winners: d(z.record(z.string(), int()), 'how often each broker won'),
      }),
    ),
  }),
  'what would change the answer',
);

export const relaxationsSchema = d(
  z.array(
    z.object({
      broker: z.string(),
      name: z.string(),
      changes: z.array(
        z.object({
          field: d(z.string(), 'the requirements field to change'),
          from: d(z.unknown(), 'its value as stated'),
          to: d(z.unknown(), 'the value that makes this broker feasible'),
          says: d(z.string(), 'the change in words'),
        }),
      ),
      rank: d(int(), 'where this broker would then rank'),
      score: z.number(),
      profile: z.string(),
      winner: d(z.string(), 'who would then rank first'),
    }),
  ),
  'only when no broker is feasible: for each broker, the smallest set of changes that would make it feasible, ' +
    'fewest changes first',
);
