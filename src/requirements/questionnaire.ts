import { getAt, setAt } from './access.js';
import { BACK, NOT_STATED, SKIP, ask, type PromptAdapter } from './prompt-adapter.js';
import { QUESTIONS, shouldAsk } from './questions.js';

/**
 * Walks the question specs through a prompt adapter and builds a requirements document holding only
 * what was stated (one question at a time: prompt-adapter.ts).
 */
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

/** version first, $schema kept from --from, helper answers ("_…") dropped, empty groups left out. */
function document(answers: Record<string, unknown>, prefilled: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof prefilled.$schema === 'string') out.$schema = prefilled.$schema;
  out.version = 1;
  for (const [key, value] of Object.entries(answers)) if (!key.startsWith('_')) out[key] = value;
  // Only required protocols: written as the plain list most files use ("strict: false" is the default).
  let protocols = out.protocols as Record<string, unknown> | undefined;
  if (protocols?.strict === false) {
    const { strict: _default, ...rest } = protocols;
    out.protocols = protocols = rest;
  }
  if (protocols && Object.keys(protocols).length === 1 && Array.isArray(protocols.required))
    out.protocols = protocols.required;
  return out;
}
