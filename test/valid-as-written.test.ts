import { fc, it as prop } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeBaseWith } from '../src/cli/shipped-kb.js';
import { recommend } from '../src/engine/recommend.js';
import { withValueAt } from '../src/requirements/access.js';
import { requirementLeaves } from '../src/requirements/paths.js';
import { requirementsSchema } from '../src/requirements/schema.js';
import { validAsWritten } from '../src/requirements/valid-as-written.js';
import { inexpressible, requirementsValidatorSource } from '../scripts/requirements-validator.js';
import { FEATURES } from '../src/requirements/vocabulary.js';
import { z } from 'zod/mini';
import { requirementsArb } from './arbitraries.js';
import { ROOT } from './helpers.js';

/**
 * The compiled validator is a fast path in front of zod: it must accept exactly what zod accepts (else
 * batches silently lose their speed, or worse, let through what zod refuses) and give the same document.
 */
const leaves = [...requirementLeaves().keys()];
const awkward = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    -1,
    0,
    0.5,
    1,
    1.5,
    10,
    100_000,
    100_001,
    2 ** 53,
    2 ** 53 - 1,
    -0,
    1e308,
    Infinity,
    -Infinity,
    NaN,
    'no',
    'No',
    'not-needed',
    'required',
    'kafka',
    'Kafka',
    '',
    [],
    {},
  ),
  fc.double(),
  fc.constantFrom(
    'x'.repeat(200),
    'x'.repeat(201),
    '😀'.repeat(100),
    '😀'.repeat(101),
    'x'.repeat(10_000),
    'x'.repeat(10_001),
  ),
  fc.array(fc.constantFrom('kafka', 'rabbitmq', 'Kafka', 'java', 'go', 'amqp-0-9-1', 'mqtt', 1), { maxLength: 4 }),
);
/** Documents the requirements arbitrary leaves out: text fields, explicit weights, the "no" alias. */
const richerArb = fc
  .tuple(
    requirementsArb,
    fc.record(
      {
        $schema: fc.constant('./requirements.schema.json'),
        title: fc.string({ maxLength: 200 }),
        context: fc.string({ maxLength: 300 }),
        weights: fc.record(
          { throughput: fc.integer({ min: 0, max: 10 }), latency: fc.double({ min: 0, max: 10, noNaN: true }) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
    fc.constantFrom(...FEATURES),
  )
  .map(([doc, extra, feature]) => ({ ...doc, ...extra, features: { ...doc.features, [feature]: 'no' } }));

/** Valid documents with one field set to an awkward value, an unknown key added, or not an object at all. */
const mutatedArb = fc.oneof(
  requirementsArb,
  richerArb,
  awkward,
  fc
    .tuple(fc.oneof(requirementsArb, richerArb), fc.constantFrom(...leaves), awkward)
    .map(([doc, path, value]) => withValueAt(doc, path, value)),
  fc
    .tuple(
      requirementsArb,
      fc.constantFrom('', 'workload.', 'features.', 'team.'),
      fc.constantFrom('unknown', 'peak', '$schema', 'version'),
    )
    .map(([doc, group, key]) => withValueAt(doc, `${group}${key}`, 1)),
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

  it('agrees with zod on every field for every special value (not left to chance)', () => {
    const specials = [
      Infinity,
      -Infinity,
      NaN,
      -0,
      0,
      -1,
      0.5,
      1,
      2 ** 53,
      2 ** 53 + 2,
      1e308,
      '',
      'no',
      null,
      true,
      [],
      {},
      ['no'],
    ];
    for (const path of leaves) {
      for (const value of specials) {
        const document = withValueAt({ version: 1 }, path, value);
        const verdict = requirementsSchema.safeParse(document).success;
        expect(validAsWritten(document) !== undefined, `${path} = ${String(value)}`).toBe(verdict);
      }
    }
  });

  it('gives the same results as zod-parsed input for 500 varied documents, and never changes the input', async () => {
    const { kb } = await knowledgeBaseWith([]);
    for (const document of fc.sample(fc.oneof(requirementsArb, richerArb), { numRuns: 500, seed: 7 })) {
      const viaZod = requirementsSchema.parse(structuredClone(document));
      // The fast path hands the caller's own object to the engine: frozen, any write would throw.
      const fast = validAsWritten(deepFreeze(document))!;
      expect(JSON.stringify(recommend(fast, kb, { sensitivity: { robustnessSamples: 50 } }))).toBe(
        JSON.stringify(recommend(viaZod, kb, { sensitivity: { robustnessSamples: 50 } })),
      );
    }
  });

  it('refuses to be generated for what the JSON Schema cannot carry (refinements, transforms, formats)', () => {
    const schema = z.object({
      a: z.string().check(z.refine((s) => s.length > 2)),
      b: z.pipe(
        z.string(),
        z.transform((s) => s.length),
      ),
      c: z.email(),
    });
    expect(inexpressible(schema)).toEqual(['a: check "custom"', 'b: a pipe or transform', 'c: format "email"']);
    expect(inexpressible(requirementsSchema)).toEqual([]);
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
