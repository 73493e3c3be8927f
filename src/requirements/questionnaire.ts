import * as z from 'zod/mini';
import { describeIssue } from '../schema-issues.js';
import { parseHumanNumber } from './numbers.js';
import { requirementLeaves } from './paths.js';
import { getAt, setAt } from './access.js';
import { QUESTIONS, shouldAsk, type QuestionSpec } from './questions.js';

/**
 * Walks the question specs through a prompt adapter and builds a requirements document holding only
 * what was stated. The adapter is the only thing that talks to a terminal (inquirer in the CLI,
 * scripted answers in tests); validation lives here so both reject the same answers, inline.
 */
export interface PromptAdapter {
  section(title: string): void;
  /** '' means "not stated". `validate` returns true or the reason to show. */
  text(q: { message: string; hint: string; default?: string }, validate: (raw: string) => true | string): Promise<string>;
  /** Returns one of the choice values, or NOT_STATED. */
  select(q: { message: string; hint: string; choices: ReadonlyArray<{ value: string; label: string }>; default?: string }): Promise<string>;
  /** Returns the chosen values, or undefined for "not stated". */
  multi(q: { message: string; hint: string; choices: ReadonlyArray<{ value: string; label: string }>; defaults?: string[] }): Promise<string[] | undefined>;
  confirm(q: { message: string; hint: string; default: boolean }): Promise<boolean>;
}

export const NOT_STATED = '(not stated)';

export type Answer = { ok: true; value: unknown } | { ok: false; reason: string };

const leaves = () => (cachedLeaves ??= requirementLeaves());
let cachedLeaves: Map<string, z.ZodMiniType> | undefined;

/** The same checks as file input: the field's own schema, after reading human number forms. */
export function validateAnswer(spec: QuestionSpec, raw: string): Answer {
  const text = raw.trim();
  // Empty keeps nothing; "-" clears a pre-filled value: both mean "not stated".
  if (text === '' || text === '-') return { ok: true, value: undefined };
  // Text keeps what was typed (or pre-filled) exactly; only numbers are read from their trimmed form.
  let value: unknown = raw;
  if (spec.kind === 'number') {
    value = parseHumanNumber(text);
    if (value === undefined) return { ok: false, reason: 'enter a number such as 2000, 50k, 1.5M or 2e6, or leave it empty for "not stated"' };
  }
  const schema = leaves().get(spec.path);
  if (!schema) return { ok: true, value };
  const result = z.safeParse(schema, value, { reportInput: true });
  return result.success ? { ok: true, value } : { ok: false, reason: describeIssue(result.error.issues[0]!) };
}

export async function runQuestionnaire(adapter: PromptAdapter, given: Record<string, unknown> = {}, brokerIds: readonly string[] = []): Promise<Record<string, unknown>> {
  // The questions ask the object form of protocols; a list is its required part.
  const prefilled = Array.isArray(given.protocols) ? { ...given, protocols: { required: given.protocols } } : given;
  const answers: Record<string, unknown> = {};
  if (prefilled.weights !== undefined) answers._weights = true;
  let section = '';
  for (const spec of QUESTIONS) {
    if (!shouldAsk(spec, answers, { ...prefilled, ...(prefilled.weights !== undefined ? { _weights: true } : {}) })) continue;
    if (spec.section !== section) adapter.section((section = spec.section));
    const current = getAt(prefilled, spec.path);
    const value = await ask(adapter, spec, current, brokerIds, answers);
    if (value !== undefined) setAt(answers, spec.path, value);
  }
  return document(answers, prefilled);
}

async function ask(adapter: PromptAdapter, spec: QuestionSpec, current: unknown, brokerIds: readonly string[], answers: Record<string, unknown>): Promise<unknown> {
  switch (spec.kind) {
    case 'confirm':
      return adapter.confirm({ message: spec.message, hint: spec.hint, default: answers[spec.path] === true });
    case 'text':
    case 'number': {
      const raw = await adapter.text({ message: spec.message, hint: spec.hint, ...(current !== undefined ? { default: String(current) } : {}) }, (input) => {
        const answer = validateAnswer(spec, input);
        return answer.ok ? true : answer.reason;
      });
      const answer = validateAnswer(spec, raw);
      if (!answer.ok) throw new Error(`adapter returned an invalid answer for ${spec.path}: ${answer.reason}`);
      return answer.value;
    }
    case 'choice': {
      const picked = await adapter.select({ message: spec.message, hint: spec.hint, choices: [...spec.choices!, { value: NOT_STATED, label: NOT_STATED }], default: typeof current === 'string' ? current : NOT_STATED });
      return picked === NOT_STATED ? undefined : picked;
    }
    case 'multi': {
      const extra = spec.path === 'team.experience' ? brokerIds.filter((id) => !spec.choices!.some((c) => c.value === id)).map((id) => ({ value: id, label: id })) : [];
      return adapter.multi({ message: spec.message, hint: spec.hint, choices: [...spec.choices!, ...extra], ...(Array.isArray(current) ? { defaults: current as string[] } : {}) });
    }
  }
}

/** version first, $schema kept from --from, helper answers ("_…") dropped, empty groups left out. */
function document(answers: Record<string, unknown>, prefilled: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof prefilled.$schema === 'string') out.$schema = prefilled.$schema;
  out.version = 1;
  for (const [key, value] of Object.entries(answers)) if (!key.startsWith('_')) out[key] = value;
  // Only required protocols: written as the plain list most files use.
  const protocols = out.protocols as Record<string, unknown> | undefined;
  if (protocols && Object.keys(protocols).length === 1 && Array.isArray(protocols.required)) out.protocols = protocols.required;
  return out;
}
