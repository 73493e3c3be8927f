import { parseDocumentText } from '../input/document.js';
import { inputError } from '../errors.js';
import { schemaError } from '../input/schema-issues.js';
import { caseSchema, type Case } from './schema.js';

/** One case file (YAML or JSON) validated against the case schema; errors name the file, field and line. */
export async function parseCaseText(text: string, file: string): Promise<Case> {
  const parsed = await parseDocumentText(text, file);
  const result = caseSchema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) throw await schemaError(result.error.issues, parsed, file);
  return result.data;
}

/** Case ids are unique across the library: a duplicate would count one decision twice. */
export function checkUniqueCases(cases: Array<{ file: string; case: Case }>): Case[] {
  const seen = new Map<string, string>();
  for (const { file, case: c } of cases) {
    const other = seen.get(c.id);
    if (other) throw inputError(`case id "${c.id}" is also used by ${other}`, { file, path: 'id' });
    seen.set(c.id, file);
  }
  return cases.map((c) => c.case);
}
