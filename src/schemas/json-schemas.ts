import { z } from 'zod';
import { kbFileSchema } from '../kb/schema.js';
import { requirementsSchema } from '../requirements/schema.js';

/** JSON Schemas generated from the zod schemas, committed under data/schema/ and kept in sync by a test. */
export function jsonSchemas(): Record<'requirements' | 'kb', object> {
  return {
    requirements: { $id: 'https://mqselect.dev/schema/requirements-v1.json', ...z.toJSONSchema(requirementsSchema, { io: 'input', unrepresentable: 'any' }) },
    kb: { $id: 'https://mqselect.dev/schema/kb-file.json', ...z.toJSONSchema(kbFileSchema, { io: 'input', unrepresentable: 'any' }) },
  };
}
