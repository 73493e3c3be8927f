import type { Requirements } from './schema.js';
import { validate } from './valid-as-written.generated.js';
import { FEATURE_NEED_ALIAS } from './vocabulary.js';

/**
 * The fast path of validation, for start-up and batches: the requirements JSON Schema — generated from
 * the zod schema — compiled by ajv into plain code at development time (npm run schemas). A document it
 * accepts is the result (with the one input alias, "no", written as "not-needed", as zod does), and zod
 * is never loaded. Every other document goes to zod, the one source of truth, for its error messages.
 * A property test holds both to the same verdicts and results.
 */
export function validAsWritten(data: unknown): Requirements | undefined {
  if (!validate(data)) return undefined;
  const document = data as Requirements;
  const features = document.features as Record<string, string> | undefined;
  if (!features || !Object.values(features).includes(FEATURE_NEED_ALIAS.word)) return document;
  const canonical = Object.fromEntries(
    Object.entries(features).map(([feature, need]) => [
      feature,
      need === FEATURE_NEED_ALIAS.word ? FEATURE_NEED_ALIAS.means : need,
    ]),
  );
  return { ...document, features: canonical } as Requirements;
}
