import * as z from 'zod/mini';
import { DIMENSIONS } from '../requirements/vocabulary.js';
import { d, id, list, opt, text, url } from './schema-helpers.js';

/** Rules as data: a condition on requirement fields (never priorities or weights), effects on brokers. */
const CONDITION_OPS = ['equals', 'in', 'contains', 'gte', 'gt', 'lte', 'lt', 'stated', 'notStated'] as const;
export type Condition =
  | { path: string; op: (typeof CONDITION_OPS)[number]; value?: unknown }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      path: d(
        z.string(),
        'a requirements field path, e.g. workload.peakMessagesPerSecond (never priorities or weights)',
      ),
      op: z.enum(CONDITION_OPS),
      value: z.optional(z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))])),
    }),
    z.strictObject({ all: list(conditionSchema, 1) }),
    z.strictObject({ any: list(conditionSchema, 1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
) as z.ZodMiniType<Condition>;

const effectSchema = z.union([
  z.strictObject({
    adjust: z.strictObject({
      broker: id,
      profile: opt(id, 'limit to one profile'),
      dimension: z.enum([...DIMENSIONS, 'features']),
      by: d(z.number().check(z.minimum(-1), z.maximum(1)), 'added to the fit (0..1), result clamped'),
    }),
  }),
  z.strictObject({ eliminate: z.strictObject({ broker: id, profile: z.optional(id) }) }),
  z.strictObject({ warn: z.literal(true) }),
]);
export type Effect = z.output<typeof effectSchema>;

export const ruleSchema = z.strictObject({
  id: d(id, 'stable rule id, never reused'),
  when: conditionSchema,
  then: list(effectSchema, 1),
  because: d(text(), 'the reason shown to users when the rule fires'),
  sources: z._default(z.array(url), []),
});
export type Rule = z.output<typeof ruleSchema>;
