// Regenerates data/schema/*.schema.json from the zod schemas (npm run schemas).
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../src/schemas/json-schemas.js';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`data/schema/${name}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`);
}
