import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { combinations } from '../src/engine/feasibility.js';
import { parseHumanNumber } from '../src/requirements/numbers.js';
import { jsonSchema } from '../src/schemas/json-schemas.js';
import { CLI, ROOT, runCli } from './helpers.js';
import { tempDir } from './temp.js';
import { CRITERIA } from '../src/requirements/vocabulary.js';

const dir = tempDir('mqselect-scripting-');
const taskQueue = JSON.parse(readFileSync(join(ROOT, 'examples/task-queue.json'), 'utf8'));
const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('recommend --batch', () => {
  it(
    'answers every record in order; a bad record in the middle is reported by index and the rest still run (exit ' +
      '2)',
    async () => {
      const records = [
        JSON.stringify(taskQueue),
        JSON.stringify({ version: 1, workload: { peakMessagesPerSecond: 'fast' } }),
        '{ not json',
        JSON.stringify({ ...taskQueue, protocols: [] }),
        JSON.stringify({ version: 1, features: { xaTransactions: 'strict', replay: 'strict' } }),
      ];
      const file = join(dir, 'mixed.ndjson');
      writeFileSync(file, `${records.join('\n')}\n`);
      const run = await runCli(['recommend', '--batch', file]);
      expect(run.code).toBe(2);
      const out = lines(run.stdout);
      expect(out.map((o) => o.index)).toEqual([0, 1, 2, 3, 4]);
      expect(out[0].result.recommendation.broker).toBe('rabbitmq');
      expect(out[1].error).toEqual({
        path: 'workload.peakMessagesPerSecond',
        message: 'expected a number, got "fast"',
      });
      expect(out[2].error.message).toMatch(/^malformed JSON/);
      expect(out[3].result.recommendation.broker).toBe('rabbitmq');
      expect(out[4].result.recommendation).toBeNull();
      // The contract's key order: fits by criterion in the documented order.
      expect(Object.keys(out[0].result.ranking[0].fits)).toEqual([...CRITERIA]);
      const validate = new Ajv2020({ strict: false })
        .addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i)
        .compile(jsonSchema('batch'));
      for (const o of out.filter((o) => o.result))
        expect(validate(o.result), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
    },
  );

  it('reads a JSON array from stdin and exits 0 when every record is valid', async () => {
    const input = JSON.stringify([
      taskQueue,
      { version: 1 },
      { ...taskQueue, workload: { peakMessagesPerSecond: 900000 } },
    ]);
    const run = await runCli(['recommend', '--batch', '-'], { input });
    expect(run.code).toBe(0);
    expect(lines(run.stdout).map((o) => o.index)).toEqual([0, 1, 2]);
  });

  it('applies the size limit per record, not per file', async () => {
    const huge = JSON.stringify({ version: 1, context: 'x'.repeat(1_100_000) });
    const run = await runCli(['recommend', '--batch', '-'], {
      input: `${JSON.stringify({ version: 1 })}\n${huge}\n${JSON.stringify({ version: 1 })}\n`,
    });
    expect(run.code).toBe(2);
    const out = lines(run.stdout);
    expect(out[1].error.message).toMatch(/over the \d+-character limit/);
    expect(out[2].result).toBeDefined();
  });

  it('--detail full writes the whole result; --sensitivity adds the analysis', async () => {
    const run = await runCli(
      ['recommend', '--batch', '-', '--detail', 'full', '--sensitivity', '--robustness', '100'],
      { input: JSON.stringify(taskQueue) },
    );
    const [record] = lines(run.stdout);
    expect(record.result.ranking[0].contributions.length).toBeGreaterThan(0);
    expect(record.result.sensitivity.robustness.samples).toBe(100);
    const plain = lines((await runCli(['recommend', '--batch', '-'], { input: JSON.stringify(taskQueue) })).stdout)[0];
    expect(plain.result.sensitivity).toBeUndefined();
  });

  it('refuses empty input, naming it, with exit 2', async () => {
    const run = await runCli(['recommend', '--batch', '-'], { input: '\n' });
    expect([run.code, run.stderr.trim()]).toEqual([
      2,
      'mqselect: <stdin>: the input is empty (expected a JSON array or NDJSON of requirement objects)',
    ]);
  });

  it('refuses a FILE together with --batch, and neither', async () => {
    expect((await runCli(['recommend', 'examples/task-queue.json', '--batch', '-'])).code).toBe(2);
    expect((await runCli(['recommend'])).code).toBe(2);
  });
});

describe('--set', () => {
  it('overrides fields without editing the file, with numbers in human forms', async () => {
    const run = await runCli([
      'recommend',
      'examples/task-queue.json',
      '-f',
      'json',
      '--set',
      'workload.peakMessagesPerSecond=15k',
      '--set',
      'protocols=',
      '--set',
      'features.replay=strict',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.ranking[0].clusterMode.why.join(' ')).toContain('15k msg/s');
    expect(result.ranking.map((r: { broker: string }) => r.broker)).not.toContain('activemq');
    expect(readFileSync(join(ROOT, 'examples/task-queue.json'), 'utf8')).toContain('"amqp-0-9-1"');
  });

  it.each([
    [
      ['--set', 'workload.peakMessagesPerSecond=fast'],
      /--set workload\.peakMessagesPerSecond: expected a number such as 2000, 50k, 1\.5M or 2e6 \(got "fast"\)/,
    ],
    [
      ['--set', 'workload.peakMessagesPerSecond=-5'],
      /^mqselect: --set: workload\.peakMessagesPerSecond: must be > 0, got -5$/m,
    ],
    [
      ['--set', 'reliability.messageLoss=sometimes'],
      /--set: reliability\.messageLoss: expected one of "never", "rare", "tolerated"/,
    ],
    [['--set', 'workload.peak=5'], /--set workload\.peak: not a field of requirements v1/],
    [['--set', '__proto__.polluted=1'], /--set __proto__\.polluted: the segment "__proto__" is not allowed/],
    [['--set', 'team.constructor=1'], /the segment "constructor" is not allowed/],
    [['--set', 'novalue'], /--set expects PATH=VALUE/],
    [['--set', 'workload.maxMessageBytes=512B'], /expected a number such as 2000, 50k, 1\.5M or 2e6 \(got "512B"\)/],
  ])('%j is refused with exit 2 naming the path', async (args, expected) => {
    const run = await runCli(['recommend', 'examples/task-queue.json', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(expected);
  });
});

describe('human number forms', () => {
  it.each([
    ['50k', 50_000],
    ['1.5M', 1_500_000],
    ['2e6', 2_000_000],
    ['2_000', 2000],
    ['2 000', 2000],
    ['0.5', 0.5],
    ['3G', 3e9],
    [' 42 ', 42],
  ])('%s = %d', (text, value) => expect(parseHumanNumber(text)).toBe(value));

  it.each(['', 'fast', '1..2', '5kk', '1,000', 'NaN', 'Infinity', '1e999'])('%j is not a number', (text) =>
    expect(parseHumanNumber(text)).toBeUndefined(),
  );
});

describe('combinations', () => {
  it('lists every subset of a size in order', () => {
    expect(combinations([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [1, 3],
      [1, 4],
      [2, 3],
      [2, 4],
      [3, 4],
    ]);
    expect(combinations([1, 2], 3)).toEqual([]);
    expect(combinations([1, 2], 0)).toEqual([[]]);
  });
});

describe('recommend --batch from jq and slow producers', () => {
  it('accepts concatenated, pretty-printed JSON documents as jq writes them without -c', async () => {
    const records = [taskQueue, { version: 1, title: 'second', protocols: ['amqp-0-9-1'] }, { version: 1 }];
    const pretty = records.map((r) => JSON.stringify(r, null, 2)).join('\n');
    const run = await runCli(['recommend', '--batch', '-'], { input: `${pretty}\n` });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const out = lines(run.stdout);
    expect(out.map((o) => o.index)).toEqual([0, 1, 2]);
    expect(out.every((o) => o.result)).toBe(true);
    // Several documents on one line, and one broken line that does not swallow the next record.
    const mixed = await runCli(['recommend', '--batch', '-'], {
      input: '{"version":1} {"version":1}\n{ "version": 1,\n{"version":1}\n',
    });
    expect(lines(mixed.stdout).map((o) => (o.result ? 'ok' : 'error'))).toEqual(['ok', 'ok', 'error', 'ok']);
  });

  it("echoes each record's title beside its result", async () => {
    const run = await runCli(['recommend', '--batch', '-'], { input: `${JSON.stringify(taskQueue)}\n{"version":1}\n` });
    const [first, second] = lines(run.stdout);
    expect(Object.keys(first)).toEqual(['index', 'title', 'result']);
    expect(first.title).toBe(taskQueue.title);
    expect(Object.keys(second)).toEqual(['index', 'result']);
  });

  it('answers each record as soon as it arrives when the producer is slow', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'recommend', '--batch', '-'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    const arrived = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no answer for record ${count - 1} while stdin stays open; stdout so far: ${stdout}`)),
          10_000,
        );
        const check = () => {
          if (stdout.split('\n').filter(Boolean).length >= count) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', (d) => {
          stdout += d;
          check();
        });
        check();
      });
    child.stdin.write(`${JSON.stringify(taskQueue)}\n`);
    await arrived(1);
    child.stdin.write('{"version":1}\n');
    await arrived(2);
    child.stdin.end();
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
  });

  it('an invalid --set value fails once at the start, naming --set', async () => {
    const run = await runCli(['recommend', '--batch', '-', '--set', 'workload.peakMessagesPerSecond=-5'], {
      input: `${JSON.stringify(taskQueue)}\n`.repeat(3),
    });
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      'mqselect: --set: workload.peakMessagesPerSecond: must be > 0, got -5\n',
    ]);
    const list = await runCli(['recommend', '--batch', '-', '--set', 'protocols=amqp-0-9-1,smtp'], {
      input: '{"version":1}\n',
    });
    expect([list.code, list.stdout, list.stderr]).toEqual([
      2,
      '',
      expect.stringMatching(/^mqselect: --set: protocols\[1\]: expected one of .*got "smtp"\n$/),
    ]);
    const strict = await runCli(['recommend', '-', '--set', 'protocols.strict=maybe'], { input: '{"version":1}' });
    expect([strict.code, strict.stderr]).toEqual([
      2,
      'mqselect: --set protocols.strict: expected true or false (got "maybe")\n',
    ]);
  });

  it('--set protocols.strict=true turns a list of protocols strict: a broker that needs a gateway is eliminated', async () => {
    const input = JSON.stringify({ version: 1, protocols: ['mqtt'] });
    const run = await runCli(['recommend', '-', '--format', 'json', '--set', 'protocols.strict=true'], { input });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).eliminated.map((e: { broker: string }) => e.broker)).toEqual(['kafka']);
  });

  it('a protocols object with a bad field is reported at that field, not as "expected an array"', async () => {
    const json = await runCli(['recommend', '-'], {
      input: '{"version":1,"protocols":{"required":["mqtt"],"strict":"yes"}}',
    });
    expect([json.code, json.stderr]).toEqual([
      2,
      'mqselect: <stdin>:1:56: protocols.strict: expected a boolean, got "yes"\n',
    ]);
    const yaml = await runCli(['recommend', '-'], { input: 'version: 1\nprotocols:\n  anyOf: mqtt\n' });
    expect([yaml.code, yaml.stderr]).toEqual([
      2,
      'mqselect: <stdin>:3:10: protocols.anyOf: expected an array, got "mqtt"\n',
    ]);
  });
});
