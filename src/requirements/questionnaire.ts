import * as z from 'zod/mini';
import { describeIssue } from '../input/schema-issues.js';
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
const BACK = '(back)';
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

type Outcome = { value: unknown } | typeof BACK | typeof SKIP;

/**
 * Walks the questions in order; an answer can go back a question, skip the rest of a section (keeping
 * what --from filled in there) and, at the end, the answers are reviewed before they are used: accept,
 * change one (then only follow-ups that became relevant are asked), or go back.
 */
export async function runQuestionnaire(
  adapter: PromptAdapter,
  given: Record<string, unknown> = {},
  brokerIds: readonly string[] = [],
): Promise<Record<string, unknown>> {
  // The questions ask the object form of protocols; a list is its required part.
  const prefilled = Array.isArray(given.protocols) ? { ...given, protocols: { required: given.protocols } } : given;
  const context = { ...prefilled, ...(prefilled.weights !== undefined ? { _weights: true } : {}) };
  /** Answers by question path (undefined = not stated), kept when going back so they show as defaults. */
  const state = new Map<string, unknown>();
  if (prefilled.weights !== undefined) state.set('_weights', true);
  const answers = () => nest(state);
  const history: number[] = [];
  const skipped = new Set<string>();
  let section = '';
  // "new" after a change in the review: only the changed question and follow-ups not yet answered.
  let mode: 'all' | 'new' = 'all';
  /** A question asked even though it is answered or in a skipped section (gone back to, or changed). */
  let target: number | undefined;
  let i = 0;
  const backTo = (previous: number | undefined) => {
    if (previous === undefined) return;
    i = target = previous;
    skipped.delete(QUESTIONS[previous]!.section);
  };
  for (;;) {
    if (i >= QUESTIONS.length) {
      const review = await reviewAnswers(adapter, state, answers(), context);
      if (review === 'accept') break;
      if (review === BACK) backTo(history.pop());
      else {
        const at = history.indexOf(review);
        if (at >= 0) history.splice(at);
        backTo(review);
        mode = 'new';
      }
      section = '';
      continue;
    }
    const spec = QUESTIONS[i]!;
    if (!shouldAsk(spec, answers(), context)) {
      i++;
      continue;
    }
    if (i !== target) {
      if (skipped.has(spec.section)) {
        if (!state.has(spec.path)) state.set(spec.path, getAt(prefilled, spec.path));
        i++;
        continue;
      }
      if (mode === 'new' && state.has(spec.path)) {
        i++;
        continue;
      }
    }
    if (spec.section !== section) adapter.section((section = spec.section));
    const current = state.has(spec.path) ? state.get(spec.path) : getAt(prefilled, spec.path);
    const outcome = await ask(adapter, spec, current, brokerIds, history.length > 0);
    if (outcome === BACK) {
      backTo(history.pop());
      continue;
    }
    if (outcome === SKIP) {
      skipped.add(spec.section);
      target = undefined;
      continue;
    }
    state.set(spec.path, outcome.value);
    history.push(i);
    if (i === target) target = undefined;
    i++;
  }
  return document(answered(state, context), prefilled);
}

/** The answers of the questions that still apply (a follow-up of a changed answer may no longer). */
function answered(state: Map<string, unknown>, context: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of QUESTIONS) {
    if (!state.has(spec.path) || !shouldAsk(spec, out, context)) continue;
    const value = state.get(spec.path);
    if (value !== undefined) setAt(out, spec.path, value);
  }
  return out;
}

function nest(state: Map<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of state) if (value !== undefined) setAt(out, path, value);
  return out;
}

const shown = (value: unknown) =>
  Array.isArray(value) ? (value.length === 0 ? '(none)' : value.join(', ')) : String(value);

/** The answers given, then: use them, change one (its question index), or go back to the last question. */
async function reviewAnswers(
  adapter: PromptAdapter,
  state: Map<string, unknown>,
  current: Record<string, unknown>,
  context: Record<string, unknown>,
): Promise<'accept' | number | typeof BACK> {
  const stated = QUESTIONS.map((q, index) => ({ q, index })).filter(
    ({ q }) => !q.path.startsWith('_') && state.has(q.path) && shouldAsk(q, current, context),
  );
  const given = stated.filter(({ q }) => state.get(q.path) !== undefined);
  adapter.section('Review');
  adapter.show(
    given.length === 0
      ? '  nothing stated: every field is assumed as documented'
      : given.map(({ q }) => `  ${q.path}: ${shown(state.get(q.path))}`).join('\n'),
  );
  const choice = await adapter.select({
    message: 'Use these answers?',
    hint: 'the recommendation is made from exactly these; every other field is not stated',
    choices: [
      { value: 'accept', label: 'yes: show the recommendation' },
      ...(stated.length > 0 ? [{ value: 'change', label: 'change an answer' }] : []),
      { value: BACK, label: '← back to the last question' },
    ],
    default: 'accept',
  });
  if (choice === 'accept' || choice === BACK) return choice;
  const pick = await adapter.select({
    message: 'Which answer?',
    hint: 'asked again; then only the follow-ups that became relevant',
    choices: stated.map(({ q, index }) => ({
      value: String(index),
      label: `${q.path} [${state.get(q.path) === undefined ? NOT_STATED : shown(state.get(q.path))}]`,
    })),
  });
  return Number(pick);
}

async function ask(
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

/** version first, $schema kept from --from, helper answers ("_…") dropped, empty groups left out. */
function document(answers: Record<string, unknown>, prefilled: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof prefilled.$schema === 'string') out.$schema = prefilled.$schema;
  out.version = 1;
  for (const [key, value] of Object.entries(answers)) if (!key.startsWith('_')) out[key] = value;
  // Only required protocols: written as the plain list most files use.
  const protocols = out.protocols as Record<string, unknown> | undefined;
  if (protocols && Object.keys(protocols).length === 1 && Array.isArray(protocols.required))
    out.protocols = protocols.required;
  return out;
}
