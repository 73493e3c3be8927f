import * as z from 'zod/mini';
import { describeIssue } from '../input/schema-issues.js';
import { parseHumanNumber } from './numbers.js';
import { requirementLeaves } from './paths.js';
import type { QuestionSpec } from './questions.js';

/**
 * The prompt adapter (the only thing that talks to a terminal: inquirer in the CLI, scripted answers in
 * tests), the navigation sentinels, and one question asked and validated through it, so both reject the
 * same answers, inline.
 */
export interface PromptAdapter {
  section(title: string): void;
  /** Prints lines as they are (the review of the answers). */
  show(text: string): void;
  /** '' means "not stated". `validate` returns true or the reason to show. */
  text(
    q: { message: string; hint: string; default?: string },
    validate: (raw: string) => true | string,
  ): Promise<string>;
  /** Returns one of the choice values, or NOT_STATED. */
  select(q: {
    message: string;
    hint: string;
    choices: ReadonlyArray<{ value: string; label: string }>;
    default?: string;
  }): Promise<string>;
  /** Returns the chosen values, or undefined for "not stated". A sentinel choice ("(…)") is chosen alone. */
  multi(q: {
    message: string;
    hint: string;
    choices: ReadonlyArray<{ value: string; label: string }>;
    defaults?: string[];
  }): Promise<string[] | undefined>;
  confirm(q: { message: string; hint: string; default: boolean }): Promise<boolean>;
}

export const NOT_STATED = '(not stated)';
/** Choice values (and typed answers) that move through the questionnaire instead of answering. */
export const BACK = '(back)';
export const SKIP = '(skip section)';
export const BACK_TYPED = '<';
const SKIP_TYPED = '>>';
/** Sentinel choices are chosen alone in a multiple choice. */
export const isSentinel = (value: string) => value.startsWith('(') && value.endsWith(')');
export const NAVIGATION_HINT =
  `"${BACK_TYPED}" (or the ← choice) goes back a question, "${SKIP_TYPED}" (or the » ` +
  `choice) skips the rest of a section`;

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
    if (value === undefined)
      return { ok: false, reason: 'enter a number such as 2000, 50k, 1.5M or 2e6, or leave it empty for "not stated"' };
  }
  const schema = leaves().get(spec.path);
  if (!schema) return { ok: true, value };
  const result = z.safeParse(schema, value, { reportInput: true });
  return result.success ? { ok: true, value } : { ok: false, reason: describeIssue(result.error.issues[0]!) };
}

export type Outcome = { value: unknown } | typeof BACK | typeof SKIP;

/** One question through the adapter: its answer, or a move back or past the section. */
export async function ask(
  adapter: PromptAdapter,
  spec: QuestionSpec,
  current: unknown,
  brokerIds: readonly string[],
  canGoBack: boolean,
): Promise<Outcome> {
  const navigation = [
    ...(canGoBack ? [{ value: BACK, label: '← back to the previous question' }] : []),
    { value: SKIP, label: `» skip the rest of "${spec.section}"` },
  ];
  switch (spec.kind) {
    case 'confirm': {
      const picked = await adapter.select({
        message: spec.message,
        hint: spec.hint,
        choices: [{ value: 'no', label: 'no' }, { value: 'yes', label: 'yes' }, ...navigation],
        default: current === true ? 'yes' : 'no',
      });
      return picked === BACK || picked === SKIP ? picked : { value: picked === 'yes' };
    }
    case 'text':
    case 'number': {
      const raw = await adapter.text(
        { message: spec.message, hint: spec.hint, ...(current !== undefined ? { default: String(current) } : {}) },
        (input) => {
          if (isNavigation(input)) return true;
          const answer = validateAnswer(spec, input);
          return answer.ok ? true : answer.reason;
        },
      );
      if (raw.trim() === BACK_TYPED) return BACK;
      if (raw.trim() === SKIP_TYPED) return SKIP;
      const answer = validateAnswer(spec, raw);
      if (!answer.ok) throw new Error(`adapter returned an invalid answer for ${spec.path}: ${answer.reason}`);
      return { value: answer.value };
    }
    case 'choice': {
      const picked = await adapter.select({
        message: spec.message,
        hint: spec.hint,
        choices: [...spec.choices!, { value: NOT_STATED, label: NOT_STATED }, ...navigation],
        default: typeof current === 'string' ? current : NOT_STATED,
      });
      return picked === BACK || picked === SKIP ? picked : { value: picked === NOT_STATED ? undefined : picked };
    }
    case 'multi': {
      const extra =
        spec.path === 'team.experience'
          ? brokerIds.filter((id) => !spec.choices!.some((c) => c.value === id)).map((id) => ({ value: id, label: id }))
          : [];
      const picked = await adapter.multi({
        message: spec.message,
        hint: spec.hint,
        choices: [...spec.choices!, ...extra, ...navigation],
        ...(Array.isArray(current) ? { defaults: current as string[] } : {}),
      });
      if (picked?.length === 1 && (picked[0] === BACK || picked[0] === SKIP)) return picked[0];
      return { value: picked };
    }
  }
}

const isNavigation = (input: string) => input.trim() === BACK_TYPED || input.trim() === SKIP_TYPED;
