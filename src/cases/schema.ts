import * as z from 'zod/mini';
import { d } from '../kb/schema.js';
import { requirementsSchema } from '../requirements/schema.js';

/**
 * A case of the library (data/cases/*.yaml): one real, public decision, written as the requirements an
 * architect would have stated from the source's facts, with the broker chosen and the brokers rejected.
 * `mqselect kb cases` runs the engine on every case and reports how often it agrees.
 */
const id = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'lower-case id: letters, digits, dashes'));
const url = d(z.url({ protocol: /^https$/ }), 'a public https URL');
const text = () => z.string().check(z.minLength(3));

export const CONFIDENCE = ['high', 'medium', 'low'] as const;

export const caseSchema = z.strictObject({
  kind: z.literal('case'),
  id: d(id, 'stable case id, never reused'),
  organisation: text(),
  year: d(z.string(), 'when the decision was made, as the source gives it'),
  summary: d(text(), 'the decision and its reasons in our own words (quotes stay short)'),
  sources: d(
    z.array(z.union([url, d(z.string().check(z.regex(/^repo:/)), 'repo:owner/name:path')])).check(z.minLength(1)),
    'where the decision is documented',
  ),
  confidence: d(
    z.enum(CONFIDENCE),
    'high: requirements and reasons stated by the organisation; medium: via a republished or summary source, or ' +
      'partly stated; low: the choice is documented, its reasons thin',
  ),
  chosen: d(
    z.string().check(z.regex(/^([a-z][a-z0-9-]*|other:.+)$/)),
    'broker id chosen, or other:<name> for a system outside the knowledge base',
  ),
  rejected: z._default(
    z.array(
      z.strictObject({
        broker: id,
        why: text(),
        stated: d(z.boolean(), 'true when the source states the rejection (only those count as must-not)'),
      }),
    ),
    [],
  ),
  requirements: requirementsSchema,
  expect: z.optional(
    z.strictObject({
      strengths: z.optional(
        d(
          z.array(z.string()),
          'scoring parts (e.g. features.multiTenancy, throughput.nodes) that must be strengths of the winner',
        ),
      ),
    }),
  ),
  notes: z.optional(z.string()),
});
export type Case = z.output<typeof caseSchema>;
