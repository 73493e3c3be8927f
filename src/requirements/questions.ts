import { getAt } from './access.js';
import type { QuestionSpec } from './question-spec.js';
import { DEPLOYMENT_QUESTIONS } from './questions-deployment.js';
import { SYSTEM_QUESTIONS } from './questions-system.js';

export type { QuestionSpec } from './question-spec.js';

/** Every question, in the order an architect thinks about them. */
export const QUESTIONS: readonly QuestionSpec[] = [...SYSTEM_QUESTIONS, ...DEPLOYMENT_QUESTIONS];

/** Fields deliberately not asked: `version` is always 1; `$schema` is an editor pointer kept from --from. */
export const NOT_ASKED = ['version', '$schema'] as const;

export function shouldAsk(
  spec: QuestionSpec,
  answers: Record<string, unknown>,
  prefilled: Record<string, unknown>,
): boolean {
  if (!spec.when || getAt(prefilled, spec.path) !== undefined) return true;
  const value = getAt(answers, spec.when.path);
  if (spec.when.equals !== undefined) return value === spec.when.equals;
  if (spec.when.in) return typeof value === 'string' && spec.when.in.includes(value);
  if (spec.when.notIn) return !spec.when.notIn.includes(value as string);
  if (spec.when.holdsAny) return holdsAny(value);
  return true;
}

const holdsAny = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some(holdsAny)
    : value !== null && typeof value === 'object'
      ? Object.values(value).some(holdsAny)
      : value !== undefined;
