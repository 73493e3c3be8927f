import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { recommend } from '../src/engine/recommend.js';
import { jsonSchema } from '../src/schemas/json-schemas.js';
import { EXAMPLES, ROOT, example, runCli, shippedKb } from './helpers.js';
import { shippedKbFileNames } from '../src/kb/shipped-files.js';

/** The published JSON Schemas, checked with an independent validator (ajv), not with zod. */
const ajv = new Ajv2020({ strict: false, allErrors: true });
// Sources are URLs: checked as URIs (a scheme, then no spaces), rather than ignored with a warning.
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
const validateRequirements = ajv.compile(jsonSchema('requirements'));
const validateResult = ajv.compile(jsonSchema('result'));
const validateKbFile = ajv.compile(jsonSchema('kb'));
const load = (path: string) =>
  path.endsWith('.json') ? JSON.parse(readFileSync(path, 'utf8')) : parse(readFileSync(path, 'utf8'));
const exampleFiles = readdirSync(EXAMPLES);

describe('JSON Schemas validated by ajv', () => {
  it.each(exampleFiles)('requirements schema accepts %s', (file) => {
    expect(validateRequirements(load(join(EXAMPLES, file))), JSON.stringify(validateRequirements.errors)).toBe(true);
  });

  it.each([
    ['an unknown key', { version: 1, workload: { peak: 5 } }],
    ['a negative rate', { version: 1, workload: { peakMessagesPerSecond: -1 } }],
    ['a wrong enum value', { version: 1, reliability: { messageLoss: 'sometimes' } }],
    ['a missing version', { title: 'x' }],
    ['a protocol not in v1', { version: 1, protocols: ['amqp'] }],
  ])('requirements schema rejects %s', (_, document) => {
    expect(validateRequirements(document)).toBe(false);
  });

  it.each(exampleFiles)('result schema accepts the result for %s (with sensitivity)', async (file) => {
    const result = JSON.parse(JSON.stringify(recommend(await example(file), await shippedKb(), { sensitivity: {} })));
    expect(validateResult(result), JSON.stringify(validateResult.errors?.slice(0, 3))).toBe(true);
  });

  it('result schema rejects a result with a misspelt field', async () => {
    const result = JSON.parse(JSON.stringify(recommend(await example('task-queue.json'), await shippedKb())));
    result.recommendation.clearwinner = result.recommendation.clearWinner;
    delete result.recommendation.clearWinner;
    expect(validateResult(result)).toBe(false);
  });

  it('kb schema accepts every shipped knowledge-base file', () => {
    const files = shippedKbFileNames(readdirSync(join(ROOT, 'data', 'brokers')));
    for (const file of files)
      expect(
        validateKbFile(load(join(ROOT, 'data', file))),
        `${file}: ${JSON.stringify(validateKbFile.errors?.slice(0, 2))}`,
      ).toBe(true);
  });

  it('`mqselect schema requirements` prints the committed schema', async () => {
    const run = await runCli(['schema', 'requirements']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      JSON.parse(readFileSync(join(ROOT, 'data', 'schema', 'requirements.schema.json'), 'utf8')),
    );
  });
});
