import { parseDocumentText, type ParsedDocument } from '../document.js';
import { schemaError } from '../schema-issues.js';
import { requirementsSchema, type Requirements } from './schema.js';
import { applyAssignments, isAssigned, type Assignment } from './set.js';

/**
 * Text of a requirements file (JSON or YAML) plus any --set assignments -> validated requirements, or an
 * input error naming the file (or "--set") and the field.
 */
export async function parseRequirementsText(text: string, file: string, assignments: Assignment[] = []): Promise<Requirements> {
  const parsed = await parseDocumentText(text, file);
  return validateRequirements(applyAssignments(parsed.data, assignments), file, parsed, assignments);
}

export async function validateRequirements(data: unknown, file: string, parsed: ParsedDocument, assignments: Assignment[] = []): Promise<Requirements> {
  const result = requirementsSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const first = result.error.issues[0]!;
  // A value that came from --set is reported against --set, without a line in the file.
  if (isAssigned(assignments, first.path)) throw await schemaError(result.error.issues, { ...parsed, locate: () => undefined }, '--set');
  throw await schemaError(result.error.issues, parsed, file);
}
