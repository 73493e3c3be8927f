import type { Requirements } from './schema.js';
import { validate } from './valid-as-written.generated.js';

/**
 * The fast path of validation, for start-up and batches: the requirements JSON Schema — generated from
 * the zod schema — compiled by ajv into plain code at development time (npm run schemas). When it accepts
 * a document that zod would return unchanged, the document is the result and zod is never loaded. Any
 * other document goes to zod, which stays the one source of truth: for its error messages and for the
 * "no" alias, which zod rewrites. A property test holds both to the same verdicts and results.
 */
export function validAsWritten(data: unknown): Requirements | undefined {
  if (!validate(data)) return undefined;
  const features = (data as { features?: Record<string, unknown> }).features;
  if (features && Object.values(features).includes('no')) return undefined;
  return data as Requirements;
}
