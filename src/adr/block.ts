import * as z from 'zod/mini';
import { CRITERIA } from '../requirements/vocabulary.js';

/**
 * The machine-readable block an ADR carries so `adr check` can re-run the decision. It sits in an HTML
 * comment (invisible when rendered), so the human text around it can be edited freely:
 *
 *   <!-- mqselect-decision v1
 *   { …json… }
 *   -->
 */
export const BLOCK_VERSION = 'v1';
const BLOCK_START = `<!-- mqselect-decision ${BLOCK_VERSION}`;
/** The start of a block of any version: a later mqselect may write v2, which this one must not skip. */
export const BLOCK_MARK = /^<!--\s*mqselect-decision\b\s*(.*)$/;
export const BLOCK_END = '-->';

const choice = z.strictObject({ broker: z.string(), profile: z.string(), clusterMode: z.string() });

export const decisionBlockSchema = z.strictObject({
  schemaVersion: z.literal(1),
  generatedBy: z.string(),
  requirements: z.record(z.string(), z.unknown()),
  weightOverrides: z.partialRecord(z.enum(CRITERIA), z.number().check(z.minimum(0), z.maximum(10))),
  effectiveWeights: z.partialRecord(z.enum(CRITERIA), z.number()),
  kb: z.strictObject({
    version: z.string(),
    asOf: z.string(),
    extraFiles: z.array(z.strictObject({ file: z.string(), sha256: z.string() })),
  }),
  decision: choice,
  recommended: z.nullable(choice),
  chosenByHand: z.boolean(),
  because: z.optional(z.string()),
});
export type DecisionBlock = z.infer<typeof decisionBlockSchema>;

/** Key order is fixed by construction, so the same decision always serialises to the same bytes. */
export function renderBlock(block: DecisionBlock): string {
  // "--" cannot appear inside an HTML comment; JSON escapes keep it out of strings.
  const json = JSON.stringify(block, null, 2).replace(/--/g, '-\\u002d');
  return `${BLOCK_START}\n${json}\n${BLOCK_END}`;
}
