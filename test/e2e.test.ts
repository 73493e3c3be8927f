import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from './helpers.js';
import { tempDir } from './temp.js';

/** The built CLI, spawned the way users and scripts run it: stdout, stderr and exit code. */
let dir: string;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  dir = tempDir('mqselect-e2e-');
  readFileSync(CLI); // fails clearly when dist/ was not built
});

describe('mqselect recommend', () => {
  it('prints the ranking table for a bundled example and exits 0', async () => {
    const run = await runCli(['recommend', 'examples/log-pipeline.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Apache Kafka (Topic with consumer groups)');
    expect(run.stdout).toContain('MirrorMaker 2');
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/\u001b\[/); // not a TTY: no colour
  });

  it('reads JSON from stdin with "-" and writes the JSON contract', async () => {
    const run = await runCli(['recommend', '-', '--format', 'json'], {
      input: readFileSync(join(ROOT, 'examples/task-queue.json'), 'utf8'),
    });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.schemaVersion).toBe(1);
    expect(result.recommendation).toMatchObject({
      broker: 'rabbitmq',
      profile: 'quorum-queue',
      clusterMode: { id: 'rabbitmq-quorum-cluster' },
    });
  });

  it('gives byte-identical output for the same input', async () => {
    const [a, b] = await Promise.all([
      runCli(['recommend', 'examples/order-transactions.yaml', '-f', 'json']),
      runCli(['recommend', 'examples/order-transactions.yaml', '-f', 'json']),
    ]);
    expect(a.stdout).toBe(b.stdout);
  });

  it('exits 1 when no broker meets the hard constraints, still printing why', async () => {
    const run = await runCli([
      'recommend',
      file('none.yaml', 'version: 1\nfeatures:\n  xaTransactions: strict\n  replay: strict\n'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('No broker meets the hard constraints.');
  });

  it('applies --weight overrides and rejects bad ones with exit 2', async () => {
    const ok = await runCli(['recommend', 'examples/task-queue.json', '-f', 'json', '--weight', 'latency=9']);
    expect(JSON.parse(ok.stdout).weights.latency).toEqual({ weight: 9, from: 'override' });
    for (const bad of ['latency=11', 'speed=3', 'latency', 'latency=abc']) {
      const run = await runCli(['recommend', 'examples/task-queue.json', '--weight', bad]);
      expect(run.code, bad).toBe(2);
      expect(run.stderr.trim().split('\n'), bad).toHaveLength(1);
    }
  });

  it('prints every contribution with --explain and Markdown with --format markdown', async () => {
    const explained = await runCli(['recommend', 'examples/jms-integration.yaml', '--explain']);
    expect(explained.stdout).toContain('Every contribution: Apache ActiveMQ');
    const md = await runCli(['recommend', 'examples/jms-integration.yaml', '--format', 'markdown']);
    expect(md.stdout).toMatch(/^# mqselect recommendation: Integration bus/);
  });

  it('colours only when asked: FORCE_COLOR forces it, NO_COLOR and --no-color win over a TTY guess', async () => {
    expect((await runCli(['recommend', 'examples/task-queue.json'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(
      /\u001b\[/,
    );
    expect(
      (await runCli(['recommend', 'examples/task-queue.json', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout,
    ).not.toMatch(/\u001b\[/);
    expect((await runCli(['recommend', 'examples/task-queue.json'], { env: { NO_COLOR: '1' } })).stdout).not.toMatch(
      /\u001b\[/,
    );
  });

  it('layers a user KB file (--kb): a new broker competes and the KB version says custom', async () => {
    const kafka = readFileSync(join(ROOT, 'data/brokers/kafka.yaml'), 'utf8')
      .replace(/^id: kafka$/m, 'id: pulsar')
      .replace(/^name: .*$/m, 'name: Apache Pulsar (test copy)');
    const run = await runCli([
      'recommend',
      'examples/log-pipeline.yaml',
      '-f',
      'json',
      '--kb',
      file('pulsar.yaml', kafka),
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.kb.version).toMatch(/\+custom$/);
    expect(result.kb.extraFiles[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.ranking.map((r: { broker: string }) => r.broker)).toContain('pulsar');
  });
});

describe('bad input: one line on stderr naming file and field, exit 2, no stack trace', () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      'negative.yaml',
      'version: 1\nworkload:\n  peakMessagesPerSecond: -5\n',
      /negative\.yaml:3:26: workload\.peakMessagesPerSecond: must be > 0, got -5/,
    ],
    [
      'text-number.yaml',
      'version: 1\nworkload:\n  peakMessagesPerSecond: fast\n',
      /text-number\.yaml:3:26: workload\.peakMessagesPerSecond: expected a number, got "fast"/,
    ],
    [
      'unknown-key.yaml',
      'version: 1\nworkload:\n  peak: 5\n',
      /unknown-key\.yaml:3:3: workload\.peak: unknown key "peak"/,
    ],
    [
      'unknown-enum.yaml',
      'version: 1\nreliability:\n  messageLoss: sometimes\n',
      /unknown-enum\.yaml:3:16: reliability\.messageLoss: expected one of "never", "rare", "tolerated", got "sometimes"/,
    ],
    [
      'unknown-broker.yaml',
      'version: 1\nteam:\n  experience: [kafka, pulsar]\n',
      /unknown-broker\.yaml:3:23: team\.experience\[1\]: unknown broker "pulsar"/,
    ],
    ['broken.json', '{"version": 1, "workload": {', /broken\.json:1:29: malformed JSON/],
    [
      'infinite.json',
      '{"version": 1, "workload": {"peakMessagesPerSecond": 1e400}}',
      /infinite\.json:1:54: workload\.peakMessagesPerSecond: expected a number, got Infinity/,
    ],
    [
      'infinite.yaml',
      'version: 1\nlatency:\n  p99Ms: .inf\n',
      /infinite\.yaml:3:10: latency\.p99Ms: expected a number, got Infinity/,
    ],
    ['broken.yaml', 'version: 1\nworkload: [\n', /broken\.yaml:\d+:\d+: malformed YAML/],
    [
      'proto.json',
      '{"version": 1, "__proto__": {"polluted": true}}',
      /proto\.json:1:\d+: __proto__: the key "__proto__" is not allowed/,
    ],
    [
      'constructor.yaml',
      'version: 1\nworkload:\n  constructor: 1\n',
      /constructor\.yaml:3:3: workload\.constructor: the key "constructor" is not allowed/,
    ],
    ['empty.yaml', '', /empty\.yaml: the file is empty/],
    ['no-version.yaml', 'title: x\n', /no-version\.yaml:1:1: version: is required/],
    ['wrong-version.yaml', 'version: 2\n', /wrong-version\.yaml:1:10: version: expected one of 1, got 2/],
    ['list.json', '[1, 2]', /list\.json:1:1: \(document\): expected an object, got a list/],
    ['duplicate.json', '{"version": 1, "title": "a",\n "title": "b"}', /duplicate\.json:2:2: duplicate key "title"/],
    [
      'two-docs.yaml',
      'version: 1\n---\nversion: 1\n',
      /two-docs\.yaml:\d+:\d+: malformed YAML: the file holds several YAML documents/,
    ],
    [
      'bomb.yaml',
      `version: 1\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c ` +
        `[*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`,
      /bomb\.yaml: refused YAML: .*alias/,
    ],
  ];
  it.each(cases)('%s', async (name, text, expected) => {
    const run = await runCli(['recommend', file(name, text)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(run.stderr).not.toMatch(/\s+at \S+ \(/);
  });

  it('--set cannot turn a list into a document', async () => {
    const run = await runCli(['recommend', file('list-set.json', '[]'), '--set', 'version=1']);
    expect([run.code, run.stderr.trim()]).toEqual([
      2,
      expect.stringMatching(/list-set\.json:1:1: \(document\): expected an object, got a list/),
    ]);
  });

  it('a reader that closes the pipe early ends the run quietly', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'recommend', 'examples/log-pipeline.yaml', '--format', 'json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect([code, stderr]).toEqual([0, '']);
  });

  it('a missing file, a directory and a file over the size limit', async () => {
    const missing = await runCli(['recommend', join(dir, 'nope.yaml')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/nope\.yaml: no such file/)]);
    const directory = await runCli(['recommend', dir]);
    expect([directory.code, directory.stderr]).toEqual([2, expect.stringMatching(/is a directory/)]);
    const huge = await runCli([
      'recommend',
      file('huge.yaml', `version: 1\ncontext: "${'x'.repeat(2 * 1024 * 1024)}"\n`),
    ]);
    expect([huge.code, huge.stderr]).toEqual([
      2,
      expect.stringMatching(/huge\.yaml: file is 2 MiB, over the 1 MiB limit/),
    ]);
  });

  it('usage errors: unknown command, option or format', async () => {
    for (const args of [
      ['frobnicate'],
      ['recommend', 'examples/task-queue.json', '--format', 'xml'],
      ['recommend'],
      ['recommend', 'examples/task-queue.json', '--nope'],
    ]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
    }
  });

  it('--help and --version succeed', async () => {
    expect((await runCli(['--help'])).code).toBe(0);
    expect((await runCli(['recommend', '--help'])).stdout).toContain('--weight');
    expect((await runCli(['--version'])).stdout).toMatch(
      /^\d+\.\d+\.\d+\nknowledge base \S+ \(as of \d{4}-\d{2}-\d{2}\)\n$/,
    );
  });
});

describe('mqselect kb', () => {
  it('kb validate: the shipped KB is valid (exit 0)', async () => {
    const run = await runCli(['kb', 'validate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^valid: 4 brokers/m);
  });

  it('kb validate FILE: integrity errors are listed, every one, with exit 1', async () => {
    const rules =
      'kind: rules\nrules:\n  - id: reads-weights\n    when: {path: weights.latency, op: gt, value: 3}\n    then: [{warn: true}]\n    because: not allowed\n  - id: ghost\n    when: {path: workload.topics, op: gt, value: 3}\n    then: [{eliminate: {broker: pulsar}}]\n    because: unknown broker\n';
    const run = await runCli(['kb', 'validate', file('rules.yaml', rules)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[rules-read-requirements] rules.reads-weights.when');
    expect(run.stdout).toContain('[references-resolve] rules.ghost: unknown broker "pulsar"');
  });

  it('kb validate FILE: a schema error is unreadable input (exit 2) with file:line:col', async () => {
    const run = await runCli(['kb', 'validate', file('bad-broker.yaml', 'kind: broker\nid: Bad Id\n')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-broker\.yaml:2:5: id: /);
  });

  it('kb validate FILE lists every schema problem with line:col, and -f json prints a JSON document', async () => {
    const broken = file('many-problems.yaml', 'kind: broker\nid: Bad Id\nname: 3\nasOf: yesterday\n');
    const text = await runCli(['kb', 'validate', broken]);
    expect(text.code).toBe(2);
    const listed = text.stdout.trim().split('\n');
    expect(listed.length).toBeGreaterThan(5);
    expect(listed).toContain(`error: [schema] ${broken}:2:5: id: lower-case id: letters, digits, dashes, got "Bad Id"`);
    expect(listed).toContain(`error: [schema] ${broken}:3:7: name: expected a string, got 3`);
    expect(listed.at(-1)).toMatch(
      /^invalid: \d+ problem\(s\) in 1 file\(s\); the integrity rules run once every file passes the schema$/,
    );
    expect(text.stderr).toMatch(
      new RegExp(`^mqselect: ${broken}:2:5: id: .*\\(and \\d+ more, listed on stdout\\)\\n$`),
    );
    const json = await runCli(['kb', 'validate', broken, '-f', 'json']);
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ integrityChecked: false, errors: listed.length - 1 });
    expect(report.findings[0]).toEqual({
      rule: 'schema',
      severity: 'error',
      where: `${broken}:2:5: id`,
      message: 'lower-case id: letters, digits, dashes, got "Bad Id"',
      file: broken,
      line: 2,
      column: 5,
      path: 'id',
    });
    const unreadable = JSON.parse(
      (await runCli(['kb', 'validate', file('not-yaml.yaml', 'kind: [\n'), '-f', 'json'])).stdout,
    );
    expect(unreadable.findings[0]).toMatchObject({
      rule: 'unreadable',
      line: 2,
      message: expect.stringMatching(/^malformed YAML/),
    });
  });

  it('kb show lists brokers; kb show BROKER prints its record with sources', async () => {
    const list = await runCli(['kb', 'show']);
    expect(list.stdout).toMatch(/kafka\s+Apache Kafka/);
    const kafka = await runCli(['kb', 'show', 'kafka']);
    expect(kafka.code).toBe(0);
    expect(kafka.stdout).toContain('kafka-mirrormaker2');
    expect(kafka.stdout).toMatch(/https:\/\/kafka\.apache\.org/);
    const unknown = await runCli(['kb', 'show', 'pulsar']);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringMatching(/unknown broker "pulsar"/)]);
  });
});

describe('every bundled and shared example is accepted', () => {
  const shared = join(ROOT, '..', 'shared', 'examples');
  const bundled = readdirSync(join(ROOT, 'examples')).map((f) => join('examples', f));
  const fromShared = existsSync(shared)
    ? readdirSync(shared)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .map((f) => join(shared, f))
    : [];
  it.each([...bundled, ...fromShared])('%s', async (path) => {
    const run = await runCli(['recommend', path, '-f', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).schemaVersion).toBe(1);
  });

  // ../shared sits beside the clone in CI; a lone clone skips this visibly rather than passing it empty.
  it.skipIf(fromShared.length === 0)(
    'the bundled copies of the shared examples are identical to shared/examples',
    () => {
      for (const path of fromShared)
        expect(readFileSync(join(ROOT, 'examples', basename(path)), 'utf8')).toBe(readFileSync(path, 'utf8'));
    },
  );
});

describe('mqselect compare', () => {
  it('prints the brokers side by side; unknown broker is exit 2', async () => {
    const run = await runCli(['compare', 'kafka', 'rabbitmq']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/delayed \/ scheduled messages\s+│ none\s+│ via-pattern: quorum-queue/);
    const json = JSON.parse((await runCli(['compare', '--format', 'json'])).stdout);
    expect(json.brokers.map((b: { id: string }) => b.id)).toEqual(['activemq', 'kafka', 'rabbitmq', 'rocketmq']);
    expect((await runCli(['compare', 'pulsar'])).code).toBe(2);
  });
});

describe('start-up loads only what the command needs', () => {
  it('recommend FILE --format json, --help and --version load no yaml, cli-table3, chalk or inquirer', async () => {
    const { spawnSync } = await import('node:child_process');
    const trace = file(
      'trace.cjs',
      "const M = require('node:module'); const load = M._load; const seen = []; M._load = function (request) { if (/vendor/.test(request)) seen.push(request); return load.apply(this, arguments); }; process.on('exit', () => require('node:fs').writeSync(2, `LOADED ${JSON.stringify(seen)}\\n`));",
    );
    for (const args of [
      ['recommend', 'examples/task-queue.json', '--format', 'json'],
      ['recommend', 'examples/task-queue.json', '-f', 'json', '--no-sensitivity'],
      ['--help'],
      ['--version'],
    ]) {
      const run = spawnSync(process.execPath, ['--require', trace, CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stderr, args.join(' ')).toBe('LOADED []\n');
    }
  });
});

describe('installing from a packed tarball (the README pre-commit section)', () => {
  it(
    'npm pack holds everything the command needs: it runs outside the checkout, without node_modules, as an ' +
      'installed bin',
    async () => {
      const { execFileSync } = await import('node:child_process');
      const { mkdirSync, symlinkSync } = await import('node:fs');
      const out = tempDir('mqselect-pack-');
      // --ignore-scripts: dist/ is built already (prepare would rebuild it under the other tests' feet).
      const name = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', out], {
        cwd: ROOT,
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .at(-1)!;
      execFileSync('tar', ['-xzf', join(out, name), '-C', out]);
      const bin = join(out, 'bin');
      mkdirSync(bin);
      symlinkSync(join(out, 'package', 'dist', 'mqselect.js'), join(bin, 'mqselect'));
      // A repository of its own with an ADR, checked by the hook's entry command.
      const repo = join(out, 'repo');
      mkdirSync(join(repo, '.git'), { recursive: true });
      const made = await runCli([
        'adr',
        'new',
        join(ROOT, 'examples/task-queue.json'),
        '--dir',
        join(repo, 'docs/decisions'),
        '--date',
        '2026-11-25',
        '--robustness',
        '0',
      ]);
      expect(made.code).toBe(0);
      const hook = execFileSync('/bin/sh', ['-c', 'mqselect adr check docs/decisions; echo "exit $?"'], {
        cwd: repo,
        encoding: 'utf8',
        env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: out },
      });
      expect(hook).toBe('adr check: 1 decision(s) checked, 0 skipped, 0 error(s), 0 warning(s)\nexit 0\n');
    },
  );
});
