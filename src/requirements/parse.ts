import { parseDocumentText } from '../document.js';
import { schemaError } from '../schema-issues.js';
import { requirementsSchema, type Requirements } from './schema.js';

/** Text of a requirements file (JSON or YAML) -> validated requirements, or an input error naming the field. */
export async function parseRequirementsText(text: string, file: string): Promise<Requirements> {
  const parsed = await parseDocumentText(text, file);
  return validateRequirements(parsed.data, file, parsed);
}

export async function validateRequirements(
  data: unknown,
  file: string,
  parsed: Parameters<typeof schemaError>[1],
): Promise<Requirements> {
  const result = requirementsSchema.safeParse(data, { reportInput: true });
  if (!result.success) throw await schemaError(result.error.issues, parsed, file);
  return result.data;
}
