// Regenerates data/schema/*.schema.json from the zod schemas, and the compiled requirements
// validator from the requirements schema (npm run schemas).
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../src/schemas/json-schemas.js';
import { requirementsValidatorSource } from './requirements-validator.js';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`data/schema/${name}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`);
}
writeFileSync('src/requirements/valid-as-written.generated.js', requirementsValidatorSource());
