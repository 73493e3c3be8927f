import { fc, it as prop } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeBaseWith } from '../src/cli/shipped-kb.js';
import { recommendSummary } from '../src/engine/recommend.js';
import { withValueAt } from '../src/requirements/access.js';
import { requirementLeaves } from '../src/requirements/paths.js';
import { requirementsSchema } from '../src/requirements/schema.js';
import { validAsWritten } from '../src/requirements/valid-as-written.js';
import { requirementsValidatorSource } from '../scripts/requirements-validator.js';
import { requirementsArb } from './arbitraries.js';
import { ROOT } from './helpers.js';

/**
 * The compiled validator is a fast path in front of zod: it must accept exactly what zod accepts (else
 * batches silently lose their speed, or worse, let through what zod refuses) and give the same document.
 */
const leaves = [...requirementLeaves().keys()];
const awkward = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(-1, 0, 0.5, 1, 1.5, 10, 100_000, 100_001, 2 ** 53, 2 ** 53 - 1, -0, 1e308, 'no', 'No', 'not-needed', 'required', 'kafka', 'Kafka', '', [], {}),
  fc.constantFrom('x'.repeat(200), 'x'.repeat(201), '😀'.repeat(100), '😀'.repeat(101), 'x'.repeat(10_000), 'x'.repeat(10_001)),
  fc.array(fc.constantFrom('kafka', 'rabbitmq', 'Kafka', 'java', 'go', 'amqp-0-9-1', 'mqtt', 1), { maxLength: 4 }),
);
/** Valid documents with one field set to an awkward value, or an unknown key added somewhere. */
const mutatedArb = fc.oneof(
  requirementsArb,
  fc.tuple(requirementsArb, fc.constantFrom(...leaves), awkward).map(([doc, path, value]) => withValueAt(doc, path, value)),
  fc.tuple(requirementsArb, fc.constantFrom('', 'workload.', 'features.', 'team.'), fc.constantFrom('unknown', 'peak', '$schema', 'version')).map(([doc, group, key]) =>
    withValueAt(doc, `${group}${key}`, 1),
  ),
);

describe('compiled requirements validator (fast path before zod)', () => {
  it('is in sync with the requirements schema (npm run schemas regenerates it)', () => {
    const committed = readFileSync(join(ROOT, 'src/requirements/valid-as-written.generated.js'), 'utf8');
    expect(committed === requirementsValidatorSource(), 'run npm run schemas').toBe(true);
  });

  prop.prop([mutatedArb], { numRuns: 3000 })('agrees with zod: the same verdict, the same document', (document) => {
    const zod = requirementsSchema.safeParse(document);
    const fast = validAsWritten(document);
    expect(fast !== undefined).toBe(zod.success);
    if (fast !== undefined) expect(fast).toEqual(zod.data);
  });

  it('gives the same results as zod-parsed input for 500 varied documents', async () => {
    const { kb } = await knowledgeBaseWith([]);
    for (const document of fc.sample(requirementsArb, { numRuns: 500, seed: 7 })) {
      const viaZod = requirementsSchema.parse(structuredClone(document));
      expect(JSON.stringify(recommendSummary(validAsWritten(document)!, kb))).toBe(JSON.stringify(recommendSummary(viaZod, kb)));
    }
  });
});
