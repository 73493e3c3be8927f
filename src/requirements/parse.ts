import { parseDocumentText, type ParsedDocument } from '../input/document.js';
import { TOO_DEEP, duplicateJsonKey, findRefusedKey } from '../input/guards.js';
import { formatPath, inputError } from '../errors.js';
import { describeIssue, issuePath, schemaError } from '../input/schema-issues.js';
import { applyAssignments, isAssigned, type Assignment } from './assignments.js';
import type { Requirements } from './schema.js';
import { validAsWritten } from './valid-as-written.js';

export type RequirementsSchema = typeof import('./schema.js').requirementsSchema;

/** The zod schema, loaded only for documents the compiled validator does not pass as written. */
export async function loadRequirementsSchema(): Promise<RequirementsSchema> {
  return (await import('./schema.js')).requirementsSchema;
}

/**
 * Text of a requirements file (JSON or YAML) plus any --set assignments -> validated requirements, or an
 * input error naming the file (or "--set") and the field.
 */
export async function parseRequirementsText(
  text: string,
  file: string,
  assignments: Assignment[] = [],
): Promise<Requirements> {
  const parsed = await parseDocumentText(text, file);
  return validateRequirements(applyAssignments(parsed.data, assignments), file, parsed, assignments);
}

export async function validateRequirements(
  data: unknown,
  file: string,
  parsed: ParsedDocument,
  assignments: Assignment[] = [],
): Promise<Requirements> {
  const valid = validAsWritten(data);
  if (valid) return valid;
  const result = (await loadRequirementsSchema()).safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const first = result.error.issues[0]!;
  // A value that came from --set is reported against --set, without a line in the file.
  if (isAssigned(assignments, first.path))
    throw await schemaError(result.error.issues, { ...parsed, locate: () => undefined }, '--set');
  throw await schemaError(result.error.issues, parsed, file);
}

/**
 * One JSON record of a batch, synchronously: the same checks as a file (forbidden keys, --set, schema)
 * without line numbers, which a batch error object does not carry. Throws an input error with the path.
 */
export function parseRequirementsRecord(
  text: string,
  file: string,
  schema: RequirementsSchema,
  assignments: Assignment[] = [],
): Requirements {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw inputError(`malformed JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}`, {
      file,
    });
  }
  const refused = findRefusedKey(data);
  if (refused?.deep) throw inputError(TOO_DEEP, { file });
  if (refused)
    throw inputError(`the key "${String(refused.path[refused.path.length - 1])}" is not allowed`, {
      file,
      path: formatPath(refused.path),
    });
  const duplicate = duplicateJsonKey(text, data);
  if (duplicate)
    throw inputError(`duplicate key "${duplicate.key}" (JSON.parse would silently keep the last one)`, { file });
  const document = applyAssignments(data, assignments);
  const valid = validAsWritten(document);
  if (valid) return valid;
  const result = schema.safeParse(document, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issuePath(issue);
  const more =
    result.error.issues.length > 1
      ? ` (and ${result.error.issues.length - 1} more problem${result.error.issues.length > 2 ? 's' : ''})`
      : '';
  throw inputError(`${describeIssue(issue)}${more}`, {
    file: isAssigned(assignments, issue.path) ? '--set' : file,
    path: formatPath(path) || '(document)',
  });
}
