/**
 * The questionnaire as data: one spec per requirements field, in the order an architect thinks about
 * them. `ask` walks these through a prompt adapter; tests walk them with scripted answers. Every spec
 * has a "why it matters" hint; every question can be left "not stated".
 */
type QuestionKind = 'text' | 'number' | 'choice' | 'multi' | 'confirm';

/** A condition on answers given so far (same shape of thinking as KB rules, kept tiny on purpose). */
interface AskWhen {
  path: string;
  in?: readonly string[];
  notIn?: readonly (string | number)[];
  equals?: string | boolean;
  /** Asked when the answers under `path` hold anything (e.g. any protocol chosen in any of its lists). */
  holdsAny?: true;
}

export interface QuestionSpec {
  /** The requirements field it fills, or a "_"-prefixed helper question that is never saved. */
  path: string;
  section: string;
  kind: QuestionKind;
  message: string;
  hint: string;
  choices?: ReadonlyArray<{ value: string; label: string }>;
  /** Asked only when this holds — or when the field already has a value (so --from never loses one). */
  when?: AskWhen;
}

export const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
