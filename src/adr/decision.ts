import { formatPath } from '../errors.js';
import type { RankedBroker, Result } from '../engine/types.js';
import type { Requirements } from '../requirements/schema.js';
import { requirementsSchema } from '../requirements/schema.js';
import type { Criterion } from '../requirements/vocabulary.js';
import { describeIssue } from '../input/schema-issues.js';
import { decisionBlockSchema, type DecisionBlock } from './block.js';
import { renderAdr, type AdrMeta } from './render.js';

/**
 * The pure halves of `adr new` and `adr check`: result -> (ADR text, block), and block text -> a
 * validated block and requirements, or the reason it cannot be read.
 */
export function buildAdr(
  result: Result,
  requirements: Requirements,
  meta: Omit<AdrMeta, 'decided'> & { choose?: string },
  weightOverrides: Partial<Record<Criterion, number>>,
  generatedBy: string,
): { text: string; block: DecisionBlock; decided: RankedBroker } {
  const top = result.ranking[0]!;
  const decided = meta.choose === undefined ? top : result.ranking.find((r) => r.broker === meta.choose)!;
  const byHand = decided.broker !== top.broker;
  const block: DecisionBlock = {
    schemaVersion: 1,
    generatedBy,
    // In the schema's field order, however the file was written: the block reads the same for the same decision.
    requirements: requirementsSchema.parse(requirements) as Record<string, unknown>,
    weightOverrides,
    effectiveWeights: Object.fromEntries(Object.entries(result.weights).map(([c, w]) => [c, w.weight])),
    kb: { version: result.kb.version, asOf: result.kb.asOf, extraFiles: result.kb.extraFiles },
    decision: { broker: decided.broker, profile: decided.profile, clusterMode: decided.clusterMode.id },
    recommended: { broker: top.broker, profile: top.profile, clusterMode: top.clusterMode.id },
    chosenByHand: byHand,
    // The reason is kept whenever it was given, also when the choice agrees with the ranking.
    ...(meta.because !== undefined ? { because: meta.because } : {}),
  };
  const { choose: _choose, ...rest } = meta;
  const text = renderAdr(result, requirements, { ...rest, decided }, block);
  return { text, block, decided };
}

export type BlockReading =
  { ok: true; block: DecisionBlock; requirements: Requirements } | { ok: false; message: string };

export function readDecisionBlock(json: string): BlockReading {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return {
      ok: false,
      message:
        `mqselect-decision block is not valid ` +
        `JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}`,
    };
  }
  const block = decisionBlockSchema.safeParse(data);
  if (!block.success) {
    const issue = block.error.issues[0]!;
    return {
      ok: false,
      message: `mqselect-decision block: ${formatPath(issue.path) || '(block)'}: ${describeIssue(issue)}`,
    };
  }
  const requirements = requirementsSchema.safeParse(block.data.requirements, { reportInput: true });
  if (!requirements.success) {
    const issue = requirements.error.issues[0]!;
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    return {
      ok: false,
      message: `mqselect-decision block: ${formatPath(['requirements', ...path])}: ${describeIssue(issue)}`,
    };
  }
  return { ok: true, block: block.data, requirements: requirements.data };
}
