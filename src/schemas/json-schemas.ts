import * as z from 'zod/mini';
import { kbFileSchema } from '../kb/files.js';
import { requirementsSchema } from '../requirements/schema.js';
import { resultSchema, resultSummarySchema } from '../result/schema.js';
import { SCHEMA_NAMES, type SchemaName } from './names.js';

/**
 * JSON Schemas generated from the zod schemas: printed by `mqselect schema NAME`, committed under
 * data/schema/ (a test keeps them in sync) so editors and other languages can validate.
 */
export { type SchemaName };

const SCHEMAS: Record<SchemaName, { id: string; schema: z.core.$ZodType; io: 'input' | 'output' }> = {
  // Input documents are described as written (e.g. "no" accepted for "not-needed").
  requirements: { id: 'https://mqselect.dev/schema/requirements-v1.json', schema: requirementsSchema, io: 'input' },
  kb: { id: 'https://mqselect.dev/schema/kb-file.json', schema: kbFileSchema, io: 'input' },
  // The result is described as mqselect writes it.
  result: { id: 'https://mqselect.dev/schema/result-v1.json', schema: resultSchema, io: 'output' },
  batch: { id: 'https://mqselect.dev/schema/batch-result-v1.json', schema: resultSummarySchema, io: 'output' },
};

export function jsonSchema(name: SchemaName): object {
  const { id, schema, io } = SCHEMAS[name];
  return { $id: id, ...z.toJSONSchema(schema, { io, unrepresentable: 'any' }) };
}

export function jsonSchemas(): Record<SchemaName, object> {
  return Object.fromEntries(SCHEMA_NAMES.map((name) => [name, jsonSchema(name)])) as Record<SchemaName, object>;
}
