import { fc, test } from '@fast-check/vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkDecision } from '../src/adr/check.js';
import { buildAdr, readDecisionBlock } from '../src/adr/decision.js';
import { isRetired, parseAdr, withStatus } from '../src/adr/parse.js';
import { recommend } from '../src/engine/recommend.js';
import { requirementsArb } from './arbitraries.js';
import { ROOT, runCli, shippedKb } from './helpers.js';
import { tempDir } from './temp.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'adr-log-pipeline.md');
const fresh = () => tempDir('mqselect-adr-');
const only = (dir: string) =>
  join(
    dir,
    readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .at(-1)!,
  );

describe('mqselect adr new', () => {
  it('writes a MADR 4 record, byte-identical for the same inputs and date (golden file)', async () => {
    const dir = fresh();
    const args = [
      'adr',
      'new',
      join(ROOT, 'examples/log-pipeline.yaml'),
      '--dir',
      dir,
      '--date',
      '2026-11-25',
      '--decision-makers',
      'Dana Ortiz, Lee Park',
      '--consulted',
      'SRE',
    ];
    const run = await runCli(args);
    expect(run.code).toBe(0);
    const file = only(dir);
    expect(file).toMatch(/0001-use-apache-kafka-topic-with-consumer-groups-for-central-log\.md$/);
    expect(run.stdout.trim()).toBe(file);
    const text = readFileSync(file, 'utf8');
    await expect(text).toMatchFileSnapshot(GOLDEN);
    for (const heading of [
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '### Consequences',
      '### Confirmation',
      '## Pros and Cons of the Options',
      '## More Information',
    ]) {
      expect(text).toContain(`\n${heading}\n`);
    }
    expect(text).toMatch(
      /^---\nstatus: proposed\ndate: 2026-11-25\ndecision-makers: Dana Ortiz, Lee Park\nconsulted: SRE\n---\n/,
    );
    expect(text).toContain('Chosen option: "Apache Kafka", because');
  });

  it('continues the numbering and never overwrites', async () => {
    const dir = fresh();
    writeFileSync(join(dir, '0007-something-else.md'), '# Something else\n');
    await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', dir, '--date', '2026-11-25']);
    await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', dir, '--date', '2026-11-25']);
    expect(readdirSync(dir).sort()).toEqual([
      '0007-something-else.md',
      '0008-use-rabbitmq-quorum-queue-for-background-jobs-and-notificati.md',
      '0009-use-rabbitmq-quorum-queue-for-background-jobs-and-notificati.md',
    ]);
    expect(readFileSync(join(dir, '0007-something-else.md'), 'utf8')).toBe('# Something else\n');
  });

  it('writes nothing and exits 1 when no broker is feasible', async () => {
    const dir = fresh();
    const file = join(dir, 'impossible.yaml');
    writeFileSync(file, 'version: 1\nfeatures:\n  xaTransactions: strict\n  replay: strict\n');
    const run = await runCli(['adr', 'new', file, '--dir', join(dir, 'adrs')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no ADR was written');
    // What would make a broker feasible, so the decision can go on.
    expect(run.stdout).toContain('Closest options');
    expect(existsSync(join(dir, 'adrs')) ? readdirSync(join(dir, 'adrs')) : []).toEqual([]);
  });

  it('records a human choice that differs from the top rank, and refuses an eliminated one', async () => {
    const dir = fresh();
    const run = await runCli([
      'adr',
      'new',
      'examples/log-pipeline.yaml',
      '--dir',
      dir,
      '--date',
      '2026-11-25',
      '--choose',
      'rocketmq',
      '--because',
      'the platform team already runs RocketMQ for payments',
    ]);
    expect(run.code).toBe(0);
    const text = readFileSync(only(dir), 'utf8');
    expect(text).toContain(
      'Chosen option: "Apache RocketMQ", because the platform team already runs RocketMQ for payments (chosen by ' +
        'hand over Apache Kafka',
    );
    expect(text).toContain('"chosenByHand": true');
    // Nothing changed since: clean, even with --fail-on warning.
    const check = await runCli(['adr', 'check', dir, '--fail-on', 'warning']);
    expect([check.code, check.stdout]).toEqual([
      0,
      expect.stringContaining('1 decision(s) checked, 0 skipped, 0 error(s), 0 warning(s)'),
    ]);
    // The ranking moved since the decision (here: the block recorded another first): a warning.
    writeFileSync(only(dir), text.replace(/("recommended": \{\n\s+"broker": )"kafka"/, '$1"rabbitmq"'));
    const moved = await runCli(['adr', 'check', dir, '--fail-on', 'warning']);
    expect(moved.code).toBe(1);
    expect(moved.stdout).toMatch(
      /warning \[ranking-changed\] the ranking changed since the decision: Apache Kafka now ranks first with [\d.]+ against [\d.]+ for Apache RocketMQ \(recorded first: RabbitMQ\)/,
    );
    writeFileSync(only(dir), text);
    const refused = await runCli([
      'adr',
      'new',
      'examples/log-pipeline.yaml',
      '--dir',
      dir,
      '--choose',
      'activemq',
      '--because',
      'x',
    ]);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/--choose activemq: it is eliminated/)]);
    expect(
      (await runCli(['adr', 'new', 'examples/log-pipeline.yaml', '--dir', dir, '--choose', 'rocketmq'])).code,
    ).toBe(2);
  });

  it('--supersedes N edits only the old status line and links both', async () => {
    const dir = fresh();
    await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', dir, '--date', '2026-11-25']);
    const first = only(dir);
    const before = readFileSync(first, 'utf8');
    const run = await runCli([
      'adr',
      'new',
      'examples/task-queue.json',
      '--dir',
      dir,
      '--date',
      '2026-11-26',
      '--title',
      'Move jobs to RabbitMQ streams',
      '--supersedes',
      '1',
    ]);
    expect(run.code).toBe(0);
    const after = readFileSync(first, 'utf8');
    expect(after).toBe(
      before.replace('status: proposed', 'status: superseded by [ADR-0002](0002-move-jobs-to-rabbitmq-streams.md)'),
    );
    expect(readFileSync(join(dir, '0002-move-jobs-to-rabbitmq-streams.md'), 'utf8')).toContain(
      `Supersedes [ADR-0001](${first.split('/').at(-1)}).`,
    );
    const check = await runCli(['adr', 'check', dir]);
    expect(check.stdout).toContain('1 decision(s) checked, 1 skipped');
  });
});

describe('mqselect adr check', () => {
  it(
    'exit 0 on a fresh ADR; exit 1 naming both brokers after the embedded requirements change; exit 2 on a ' +
      'malformed block',
    async () => {
      const dir = fresh();
      await runCli(['adr', 'new', 'examples/log-pipeline.yaml', '--dir', dir, '--date', '2026-11-25']);
      expect((await runCli(['adr', 'check', dir])).code).toBe(0);
      const file = only(dir);
      const text = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        text.replace('"replay": "required",', '"replay": "required",\n      "delayedMessages": "required",'),
      );
      const changed = await runCli(['adr', 'check', dir]);
      expect(changed.code).toBe(1);
      expect(changed.stdout).toMatch(
        /error \[eliminated\] Apache Kafka is now eliminated .*; Apache RocketMQ ranks first/,
      );
      const github = await runCli(['adr', 'check', dir, '--format', 'github']);
      expect(github.stdout).toMatch(
        /^::error file=.*\.md,line=\d+,title=mqselect adr check \(eliminated\)::Apache Kafka is now eliminated/m,
      );
      const json = JSON.parse((await runCli(['adr', 'check', dir, '--format', 'json'])).stdout);
      expect(json.findings[0]).toMatchObject({ severity: 'error', rule: 'eliminated' });
      writeFileSync(file, text.replace('"schemaVersion": 1,', '"schemaVersion": 1,,'));
      const malformed = await runCli(['adr', 'check', dir]);
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toMatch(/\.md:\d+: mqselect-decision block is not valid JSON/);
      writeFileSync(file, text.replace('"broker": "kafka"', '"broker": 42'));
      expect((await runCli(['adr', 'check', dir])).stderr).toMatch(
        /mqselect-decision block: decision\.broker: expected a string/,
      );
    },
  );

  it('reports a "Chosen option" line that disagrees with the block', async () => {
    const dir = fresh();
    await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', dir, '--date', '2026-11-25']);
    const file = only(dir);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('Chosen option: "RabbitMQ"', 'Chosen option: "Apache Kafka"'),
    );
    const run = await runCli(['adr', 'check', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '[chosen-line-mismatch] "Chosen option: Apache Kafka" disagrees with the mqselect block, which records RabbitMQ',
    );
  });

  it('a folder of ordinary MADR and Nygard files passes, every file skipped and counted', async () => {
    const dir = fresh();
    cpSync(join(ROOT, 'test/fixtures/madr'), dir, { recursive: true });
    const run = await runCli(['adr', 'check', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('adr check: 0 decision(s) checked, 7 skipped, 0 error(s), 0 warning(s)');
    expect(run.stdout).toMatch(/skipped .*0004-log-to-files\.md: status: superseded by/);
    expect(run.stdout).toMatch(/skipped .*0006-message-broker-for-billing\.md: status: deprecated/);
  });

  it('warns about a changed KB version and a missing or changed extra KB file', async () => {
    const dir = fresh();
    const rules = join(dir, 'our-rules.yaml');
    writeFileSync(
      rules,
      'kind: rules\nrules:\n  - id: our-note\n    when: {path: workload.topics, op: gt, value: 1000}\n    then: ' +
        '[{warn: true}]\n    because: too many topics for our platform team\n',
    );
    const adrs = join(dir, 'adrs');
    expect(
      (await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', adrs, '--date', '2026-11-25', '--kb', rules]))
        .code,
    ).toBe(0);
    const file = only(adrs);
    expect(readFileSync(file, 'utf8')).toMatch(/"sha256": "[0-9a-f]{64}"/);
    expect((await runCli(['adr', 'check', adrs])).stdout).toContain('0 error(s), 0 warning(s)');
    writeFileSync(rules, `${readFileSync(rules, 'utf8')}# edited\n`);
    expect((await runCli(['adr', 'check', adrs])).stdout).toMatch(
      /warning \[kb-file-changed\] extra knowledge-base file .*our-rules\.yaml changed since the decision/,
    );
    const edited = readFileSync(rules, 'utf8');
    rmSync(rules);
    // The decision rests on the file: without it, it cannot be checked, and that is an error.
    const missing = await runCli(['adr', 'check', adrs]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(
      /error \[kb-file-missing\] the decision rests on the extra knowledge-base file .*our-rules\.yaml, which is not in .*; not re-checked/,
    );
    writeFileSync(rules, edited);
    const version = (JSON.parse(readFileSync(join(ROOT, 'dist', 'kb.json'), 'utf8')) as { version: string }).version;
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(`"version": "${version}+custom"`, '"version": "2025.01.1+custom"'),
    );
    const older = await runCli(['adr', 'check', adrs, '--fail-on', 'warning']);
    expect(older.code).toBe(1);
    expect(older.stdout).toContain(
      `[kb-version-changed] knowledge base 2025.01.1+custom at the decision, ${version}+custom now`,
    );
  });

  it('checks every file even when one block is unreadable, then exits 2', async () => {
    const dir = fresh();
    await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', dir, '--date', '2026-11-25']);
    await runCli(['adr', 'new', 'examples/log-pipeline.yaml', '--dir', dir, '--date', '2026-11-25']);
    const [first, second] = readdirSync(dir)
      .sort()
      .map((f) => join(dir, f));
    writeFileSync(
      first!,
      readFileSync(first!, 'utf8').replace('Chosen option: "RabbitMQ"', 'Chosen option: "Apache Kafka"'),
    );
    writeFileSync(second!, readFileSync(second!, 'utf8').replace('"schemaVersion": 1,', '"schemaVersion": 1,,'));
    const run = await runCli(['adr', 'check', dir, '--format', 'github']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /^::error file=.*0002-.*\.md,line=\d+,title=mqselect adr check \(unreadable-block\)::mqselect-decision block is not valid JSON/m,
    );
    expect(run.stdout).toMatch(
      /^::error file=.*0001-.*\.md,line=\d+,title=mqselect adr check \(chosen-line-mismatch\)/m,
    );
  });

  it('a --dir that cannot be created fails at once, also where a parent refuses new entries (/proc, a dangling link)', async () => {
    const dir = fresh();
    symlinkSync(join(dir, 'nothing'), join(dir, 'dangling'));
    const targets = [join(dir, 'dangling', 'decisions'), ...(existsSync('/proc/self') ? ['/proc/mqselect-nope'] : [])];
    for (const target of targets) {
      // Node's own recursive mkdir spins forever on these paths; the test would time out rather than fail.
      const run = await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', target]);
      expect([run.code, run.stderr.trim()]).toEqual([
        2,
        `mqselect: ${target}: cannot create this folder: its parent takes no new entries (ENOENT)`,
      ]);
    }
    const nested = join(dir, 'a', 'b', 'c');
    expect((await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', nested])).code).toBe(0);
    expect(readdirSync(nested)).toHaveLength(1);
  });

  it('refuses a --dir that is a file and an ADR that is already superseded', async () => {
    const dir = fresh();
    const notDir = join(dir, 'file.md');
    writeFileSync(notDir, '# not a folder\n');
    const run = await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', notDir]);
    expect([run.code, run.stderr.trim()]).toEqual([2, expect.stringMatching(/file\.md: not a directory$/)]);
    await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', dir, '--date', '2026-11-25']);
    await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', dir, '--date', '2026-11-25', '--supersedes', '1']);
    const again = await runCli([
      'adr',
      'new',
      'examples/task-queue.json',
      '--dir',
      dir,
      '--date',
      '2026-11-25',
      '--supersedes',
      '1',
    ]);
    expect([again.code, again.stderr]).toEqual([
      2,
      expect.stringMatching(/--supersedes 1: 0001-.*\.md is already "superseded by/),
    ]);
  });

  it('a missing directory is a usage error', async () => {
    expect((await runCli(['adr', 'check', join(fresh(), 'nope')])).code).toBe(2);
  });
});

describe('ADR parsing', () => {
  it('finds the status in front matter, MADR 2 lists and Nygard sections', () => {
    expect(parseAdr('---\nstatus: "accepted"\n---\n# T\n').status).toEqual({
      value: 'accepted',
      line: 2,
      kind: 'front-matter',
    });
    expect(parseAdr('# T\n\n* Status: superseded by ADR-2\n').status).toMatchObject({
      value: 'superseded by ADR-2',
      kind: 'list',
    });
    expect(parseAdr('# T\n\n## Status\n\nDeprecated\n').status).toMatchObject({
      value: 'Deprecated',
      line: 5,
      kind: 'section',
    });
    expect(isRetired('Superseded by [ADR-3](x.md)')).toBe(true);
    expect(isRetired('accepted')).toBe(false);
  });

  it('replaces only the status line, keeping CRLF line ends', () => {
    const text = '---\r\nstatus: accepted\r\ndate: 2024-01-01\r\n---\r\n# T\r\n';
    expect(withStatus(text, parseAdr(text), 'superseded by X')).toBe(
      text.replace('status: accepted', 'status: superseded by X'),
    );
  });
});

const kb = await shippedKb();
describe('property: adr new then adr check is clean', () => {
  test.prop([requirementsArb], { numRuns: 60 })(
    'for any valid requirements with a feasible broker, a fresh ADR has no findings',
    (requirements) => {
      const result = recommend(requirements, kb, { sensitivity: { robustnessSamples: 50 } });
      fc.pre(result.recommendation !== null);
      const { text } = buildAdr(
        result,
        requirements,
        { title: 'T', status: 'accepted', date: '2026-11-25', decisionMakers: [], consulted: [], informed: [] },
        {},
        'mqselect test',
      );
      const parsed = parseAdr(text);
      const reading = readDecisionBlock(parsed.block!.json);
      if (!reading.ok) throw new Error(reading.message);
      const again = recommend(reading.requirements, kb, { weightOverrides: reading.block.weightOverrides });
      expect(checkDecision('x.md', parsed, reading.block, again, { changed: [] })).toEqual([]);
    },
  );
});

describe('adr check never passes what it could not check', () => {
  /** A repository with requirements, our own rules file and an ADR written from its root. */
  async function repository() {
    const repo = fresh();
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'kb'));
    writeFileSync(join(repo, 'reqs.yaml'), readFileSync(join(ROOT, 'examples/log-pipeline.yaml')));
    // Our platform team's rule: Kafka is not offered here, which makes RocketMQ first.
    writeFileSync(
      join(repo, 'kb', 'our-rules.yaml'),
      'kind: rules\nrules:\n  - id: no-kafka-here\n    when: {path: version, op: equals, value: 1}\n    then: ' +
        '[{eliminate: {broker: kafka}}]\n    because: our platform does not offer Kafka\n',
    );
    const run = await runCli(
      [
        'adr',
        'new',
        'reqs.yaml',
        '--kb',
        'kb/our-rules.yaml',
        '--dir',
        'docs/decisions',
        '--date',
        '2026-11-25',
        '--robustness',
        '0',
      ],
      { cwd: repo },
    );
    expect(run.code).toBe(0);
    return { repo, adr: join(repo, 'docs', 'decisions', readdirSync(join(repo, 'docs', 'decisions'))[0]!) };
  }

  it(
    'extra KB files are recorded from the repository root and found from any folder; a missing one is an ' + 'error',
    async () => {
      const { repo, adr } = await repository();
      const text = readFileSync(adr, 'utf8');
      expect(text).toContain('"file": "kb/our-rules.yaml"');
      expect(text).toContain('Chosen option: "Apache RocketMQ"');
      // From a subfolder: the rules file is found, the decision holds.
      const sub = await runCli(['adr', 'check', 'decisions', '--fail-on', 'warning'], { cwd: join(repo, 'docs') });
      expect([sub.code, sub.stdout]).toEqual([
        0,
        expect.stringContaining('1 decision(s) checked, 0 skipped, 0 error(s), 0 warning(s)'),
      ]);
      // A real "no longer first" (here: RocketMQ now eliminated by the requirements) is reported from there as such.
      writeFileSync(
        adr,
        text.replace('"replay": "required",', '"replay": "required",\n      "xaTransactions": "strict",'),
      );
      const changed = await runCli(['adr', 'check', 'decisions'], { cwd: join(repo, 'docs') });
      expect(changed.code).toBe(1);
      expect(changed.stdout).toMatch(/error \[eliminated\] Apache RocketMQ is now eliminated/);
      expect(changed.stdout).not.toContain('kb-file-missing');
      writeFileSync(adr, text);
      // Without the file the decision cannot be checked: an error and exit 1, never a pass.
      const rules = readFileSync(join(repo, 'kb', 'our-rules.yaml'));
      rmSync(join(repo, 'kb', 'our-rules.yaml'));
      const missing = await runCli(['adr', 'check', 'docs/decisions'], { cwd: repo });
      expect(missing.code).toBe(1);
      expect(missing.stdout).toContain(
        `error [kb-file-missing] the decision rests on the extra knowledge-base file kb/our-rules.yaml, which is ` +
          `not in ${join(repo, 'kb/our-rules.yaml')}`,
      );
      // --kb gives the file from elsewhere (matched by name); --root says where recorded paths start.
      const elsewhere = fresh();
      writeFileSync(join(elsewhere, 'our-rules.yaml'), rules);
      expect(
        (await runCli(['adr', 'check', join(repo, 'docs/decisions'), '--kb', join(elsewhere, 'our-rules.yaml')])).code,
      ).toBe(0);
      mkdirSync(join(elsewhere, 'kb'));
      writeFileSync(join(elsewhere, 'kb', 'our-rules.yaml'), rules);
      expect((await runCli(['adr', 'check', join(repo, 'docs/decisions'), '--root', elsewhere])).code).toBe(0);
      const wrongName = await runCli([
        'adr',
        'check',
        join(repo, 'docs/decisions'),
        '--kb',
        join(ROOT, 'data/rules.yaml'),
      ]);
      expect([wrongName.code, wrongName.stderr]).toEqual([
        2,
        expect.stringMatching(
          /--kb .*rules\.yaml: no checked decision rests on a knowledge-base file named rules\.yaml/,
        ),
      ]);
    },
  );

  it('a block of an unknown version needs a newer mqselect (exit 2), not "no block"', async () => {
    const dir = fresh();
    await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', dir, '--date', '2026-11-25', '--robustness', '0']);
    const file = only(dir);
    writeFileSync(file, readFileSync(file, 'utf8').replace('<!-- mqselect-decision v1', '<!-- mqselect-decision v2'));
    const run = await runCli(['adr', 'check', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /\.md:\d+: the mqselect-decision block is v2, which needs a newer mqselect \(mqselect \d+\.\d+\.\d+ reads v1\)\n$/,
    );
    expect(run.stdout).not.toMatch(/^skipped /m);
  });

  it('two blocks, front matter that is not YAML and an unknown status are findings', async () => {
    const dir = fresh();
    await runCli(['adr', 'new', 'examples/task-queue.json', '--dir', dir, '--date', '2026-11-25', '--robustness', '0']);
    const file = only(dir);
    const text = readFileSync(file, 'utf8');
    const block = text.slice(text.indexOf('<!-- mqselect-decision v1'));
    writeFileSync(file, `${text}\n${block}`);
    const two = await runCli(['adr', 'check', dir]);
    expect(two.code).toBe(1);
    expect(two.stdout).toMatch(
      /:\d+: error \[several-blocks\] a second mqselect-decision block; an ADR records one decision \(the block at line \d+ was checked\)/,
    );
    writeFileSync(file, text.replace('status: proposed', 'status: [proposed'));
    const yaml = await runCli(['adr', 'check', dir]);
    expect(yaml.code).toBe(1);
    expect(yaml.stdout).toMatch(
      /:\d+: error \[front-matter\] the front matter is not valid YAML: .*; the status cannot be read/,
    );
    writeFileSync(file, text.replace('status: proposed', 'status: acepted'));
    const status = await runCli(['adr', 'check', dir]);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(
      /:2: error \[unknown-status\] unknown status "acepted" \(expected proposed, accepted, rejected, deprecated or superseded by …\)/,
    );
    writeFileSync(file, text.replace('status: proposed', 'status: Accepted'));
    expect((await runCli(['adr', 'check', dir])).code).toBe(0);
  });

  it('accepts the Chosen option line with emphasis or without quotes, and says precisely what is wrong', async () => {
    const dir = fresh();
    await runCli([
      'adr',
      'new',
      'examples/log-pipeline.yaml',
      '--dir',
      dir,
      '--date',
      '2026-11-25',
      '--robustness',
      '0',
    ]);
    const file = only(dir);
    const text = readFileSync(file, 'utf8');
    for (const line of [
      'Chosen option: Kafka, because',
      '**Chosen option:** "Apache Kafka", because',
      'Chosen option: **Apache Kafka**, because',
      '* Chosen option: `kafka` because',
    ]) {
      writeFileSync(file, text.replace('Chosen option: "Apache Kafka", because', line));
      const run = await runCli(['adr', 'check', dir]);
      expect([run.code, line, run.stdout]).toEqual([0, line, expect.stringContaining('0 error(s)')]);
    }
    writeFileSync(
      file,
      text.replace('Chosen option: "Apache Kafka", because', 'Chosen option: "Apache Kafka, because'),
    );
    expect((await runCli(['adr', 'check', dir])).stdout).toMatch(
      /error \[chosen-line-mismatch\] the option after "Chosen option:" has no closing "; the mqselect block records Apache Kafka/,
    );
    writeFileSync(file, text.replace(/Chosen option: "Apache Kafka", because[^\n]*/, 'Chosen option:'));
    expect((await runCli(['adr', 'check', dir])).stdout).toMatch(
      /error \[chosen-line-mismatch\] the "Chosen option:" line names no option/,
    );
  });

  it('--because for the broker that ranks first anyway is kept, not dropped', async () => {
    const dir = fresh();
    const run = await runCli([
      'adr',
      'new',
      'examples/log-pipeline.yaml',
      '--dir',
      dir,
      '--date',
      '2026-11-25',
      '--robustness',
      '0',
      '--choose',
      'Kafka',
      '--because',
      'the data platform standardised on it',
    ]);
    expect(run.code).toBe(0);
    const text = readFileSync(only(dir), 'utf8');
    expect(text).toMatch(
      /Chosen option: "Apache Kafka", because the data platform standardised on it; it also ranks first with [\d.]+ of 100, [\d.]+ points ahead of Apache RocketMQ\./,
    );
    expect(text).toContain('"because": "the data platform standardised on it"');
    expect(text).toContain('"chosenByHand": false');
    expect((await runCli(['adr', 'check', dir, '--fail-on', 'warning'])).code).toBe(0);
  });
});

describe('ADR front matter and drivers', () => {
  it('front matter is written as YAML: names with ": " are quoted and read back', async () => {
    const dir = fresh();
    const run = await runCli([
      'adr',
      'new',
      'examples/task-queue.json',
      '--dir',
      dir,
      '--date',
      '2026-11-25',
      '--robustness',
      '0',
      '--decision-makers',
      'Ana: platform lead',
      '--consulted',
      '#sre, "ops"',
    ]);
    expect(run.code).toBe(0);
    const text = readFileSync(only(dir), 'utf8');
    const front = text.slice(4, text.indexOf('\n---\n'));
    expect(parseYaml(front)).toEqual({
      status: 'proposed',
      date: '2026-11-25',
      'decision-makers': 'Ana: platform lead',
      consulted: '#sre, "ops"',
    });
    expect((await runCli(['adr', 'check', dir])).code).toBe(0);
  });

  it.each([
    [{ workload: { retentionHours: 24 } }, ['Retention 24 h']],
    [{ workload: { peakBacklogMessages: 5e6 } }, ['Backlog up to 5M messages']],
    [{ workload: { maxMessageBytes: 2 * 1024 * 1024 } }, ['2 MiB largest message']],
    [{ workload: { topics: 12 } }, ['12 topics']],
    [
      { workload: { maxDelayHours: 48 }, features: { delayedMessages: 'required' } },
      ['Required: delayed / scheduled messages', 'Delays up to 48 h'],
    ],
    [{ workload: { averageMessagesPerSecond: 1500 } }, ['Average 1.5k msg/s']],
    [{ workload: { growthFactor: 4 } }, ['Growing ×4']],
    [{ workload: { consumerGroups: 1 } }, ['1 consumer group']],
    [
      { deployment: { commercialEditions: 'allowed' }, features: { replay: 'not-needed' } },
      ['Not needed: replay of retained messages', 'Deployment: commercial editions allowed'],
    ],
    [
      { priorities: { latency: 'high' }, weights: { throughput: 3 } },
      ['Priorities: latency high', 'Weights: throughput 3'],
    ],
  ])('Decision Drivers record exactly what was stated: %j', async (stated, expected) => {
    const dir = fresh();
    const run = await runCli(['adr', 'new', '-', '--dir', dir, '--date', '2026-11-25', '--robustness', '0'], {
      input: JSON.stringify({ version: 1, ...stated }),
    });
    expect(run.code).toBe(0);
    const text = readFileSync(only(dir), 'utf8');
    const section = text.slice(text.indexOf('## Decision Drivers\n\n') + 21, text.indexOf('\n\n## Considered Options'));
    expect(section.split('\n')).toEqual(expected.map((line) => `* ${line}`));
  });

  it('weights given with --weight are recorded as such', async () => {
    const dir = fresh();
    await runCli(
      ['adr', 'new', '-', '--dir', dir, '--date', '2026-11-25', '--robustness', '0', '--weight', 'latency=9'],
      { input: '{"version":1}' },
    );
    expect(readFileSync(only(dir), 'utf8')).toContain(
      '\n## Decision Drivers\n\n* Weights set with --weight: latency 9\n\n',
    );
  });
});
