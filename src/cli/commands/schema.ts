import { EXIT, type ExitCode } from '../../errors.js';
import { jsonSchema, type SchemaName } from '../../schemas/json-schemas.js';
import { writeStdout } from '../io.js';

/** `mqselect schema NAME`: the JSON Schema of requirements, KB files or the result, generated from zod. */
export async function runSchema(name: SchemaName): Promise<ExitCode> {
  writeStdout(JSON.stringify(jsonSchema(name), null, 2));
  return EXIT.ok;
}
