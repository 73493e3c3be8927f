import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from './helpers.js';
import { tempDir } from './temp.js';

/** Hostile surroundings, end to end: outputs that cannot be written, inputs that never end or are not text. */
const STACK_TRACE = /\s+at \S+ \(|node:internal|^\s*throw /m;

describe('a failed write is one line on stderr and exit 2, never a stack trace', () => {
  const full = openSync('/dev/full', 'w');
  afterAll(() => closeSync(full));

  it.each([
    ['recommend examples/task-queue.json'],
    ['recommend examples/task-queue.json -f json'],
    ['recommend examples/task-queue.json -f markdown'],
    ['recommend --batch examples/task-queue.json'],
    ['--help'],
    ['recommend --help'],
    ['--version'],
    ['compare'],
    ['schema requirements'],
    ['kb show kafka'],
    ['kb validate'],
    ['adr check test/fixtures/madr'],
  ])('mqselect %s > /dev/full', async (command) => {
    const run = await runCli(command.split(' '), { stdout: full });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('mqselect: cannot write the output: no space left on device (ENOSPC)\n');
  });

  it('2>/dev/full keeps the exit code the command chose', async () => {
    expect((await runCli(['recommend', 'examples/task-queue.json'], { stderr: full })).code).toBe(0);
    expect((await runCli(['recommend', 'no-such-file.yaml'], { stderr: full })).code).toBe(2);
    expect((await runCli(['frobnicate'], { stderr: full })).code).toBe(2);
    expect((await runCli(['recommend', 'examples/task-queue.json'], { stdout: full, stderr: full })).code).toBe(2);
  });

  it('no stack trace when stdout is closed early either', async () => {
    const run = await runCli(['compare', '--format', 'json'], { stdout: full });
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('every input goes through one capped reader', () => {
  it.each([
    [['recommend', '/dev/zero'], /^mqselect: \/dev\/zero: input is over the 1 MiB limit\n$/],
    [['adr', 'check', '/dev/zero'], /^mqselect: \/dev\/zero: input is over the 4 MiB limit\n$/],
    [['kb', 'validate', '/dev/zero'], /^mqselect: \/dev\/zero: input is over the 4 MiB limit\n$/],
    [['recommend', '/dev/zero', '--set', 'title=x'], /over the 1 MiB limit/],
  ])('mqselect %j stops at the limit', async (args, expected) => {
    const run = await runCli(args, { timeoutMs: 10_000 });
    expect([run.code, run.stderr]).toEqual([2, expect.stringMatching(expected)]);
  });

  it('stdin, a process substitution and a FIFO are capped too', async () => {
    const zero = openSync('/dev/zero', 'r');
    const stdin = await runCli(['recommend', '-'], { stdin: zero, timeoutMs: 10_000 });
    closeSync(zero);
    expect([stdin.code, stdin.stderr]).toEqual([2, 'mqselect: <stdin>: input is over the 1 MiB limit\n']);
    const yes = spawnSync('bash', ['-c', `node ${CLI} recommend <(yes)`], { encoding: 'utf8', timeout: 10_000 });
    expect([yes.status, yes.stderr]).toEqual([
      2,
      expect.stringMatching(/^mqselect: \/dev\/fd\/\d+: input is over the 1 MiB limit\n$/),
    ]);
    const dir = tempDir('mqselect-fifo-');
    const fifo = join(dir, 'requirements.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('bash', ['-c', `yes > ${fifo}`]);
    const run = await runCli(['recommend', fifo], { timeoutMs: 10_000 });
    writer.kill();
    expect([run.code, run.stderr]).toEqual([2, `mqselect: ${fifo}: input is over the 1 MiB limit\n`]);
  });

  it('a FIFO is read like a file', async () => {
    const dir = tempDir('mqselect-fifo-');
    const fifo = join(dir, 'requirements.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('bash', ['-c', `cat ${join(ROOT, 'examples/task-queue.json')} > ${fifo}`]);
    const run = await runCli(['recommend', fifo, '-f', 'json'], { timeoutMs: 10_000 });
    writer.kill();
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).recommendation.broker).toBe('rabbitmq');
  });

  it('Ctrl-C while waiting for a FIFO without a writer ends the run as cancelled (130 in the shell)', async () => {
    const dir = tempDir('mqselect-fifo-');
    const fifo = join(dir, 'never.fifo');
    execFileSync('mkfifo', [fifo]);
    const shell = spawn(
      'bash',
      ['-c', `node ${CLI} recommend ${fifo} & pid=$!; sleep 0.5; kill -INT $pid; wait $pid; echo "exit $?"`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    shell.stdout.on('data', (d) => (stdout += d));
    shell.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => shell.kill('SIGKILL'), 10_000);
    await new Promise((resolve) => shell.on('close', resolve));
    clearTimeout(timer);
    expect(stdout).toBe('exit 130\n');
    expect(stderr).toBe('mqselect: cancelled\n');
  });
});

describe('text encodings: UTF-8 or a clear refusal', () => {
  const dir = tempDir('mqselect-encoding-');
  const write = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('invalid UTF-8 names the line and column of the first bad byte', async () => {
    const latin1 = write('latin1.yaml', Buffer.from('version: 1\ntitle: caf\xe9 au lait\n', 'latin1'));
    const run = await runCli(['recommend', latin1]);
    expect([run.code, run.stderr]).toEqual([
      2,
      `mqselect: ${latin1}:2:11: not valid UTF-8 (byte 0xe9); save the file as UTF-8\n`,
    ]);
    const adrs = tempDir('mqselect-adr-');
    writeFileSync(join(adrs, '0001-latin1.md'), Buffer.from('# Caf\xe9\n', 'latin1'));
    const check = await runCli(['adr', 'check', adrs]);
    expect([check.code, check.stderr]).toEqual([
      2,
      expect.stringContaining('0001-latin1.md:1:6: not valid UTF-8 (byte 0xe9)'),
    ]);
  });

  it('UTF-16 and UTF-32, with or without a byte-order mark, are named', async () => {
    const text = 'version: 1\ntitle: x\n';
    const cases: Array<[string, Buffer, string]> = [
      ['utf16le-bom.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'UTF-16'],
      ['utf16le.yaml', Buffer.from(text, 'utf16le'), 'UTF-16'],
      ['utf16be.yaml', Buffer.from(text, 'utf16le').swap16(), 'UTF-16'],
      [
        'utf32le.yaml',
        Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(text, 'utf16le').swap16().swap32()]),
        'UTF-32',
      ],
    ];
    for (const [name, bytes, encoding] of cases) {
      const path = write(name, bytes);
      const run = await runCli(['recommend', path]);
      expect([run.code, run.stderr], name).toEqual([
        2,
        `mqselect: ${path}: ${encoding} is not supported; save the file as UTF-8\n`,
      ]);
    }
    const stdin = await runCli(['kb', 'validate', '-'], { input: Buffer.from(text, 'utf16le').toString('latin1') });
    expect(stdin.code).toBe(2);
  });

  it('a UTF-8 byte-order mark is fine; NUL bytes are binary', async () => {
    const bom = write('bom.yaml', Buffer.from('\ufeffversion: 1\ntitle: x\n'));
    expect((await runCli(['recommend', bom, '-f', 'json'])).code).toBe(0);
    const binary = write('binary.yaml', Buffer.from('version: 1\ntitle: a\u0000b\n'));
    expect((await runCli(['recommend', binary])).stderr).toBe(
      `mqselect: ${binary}:2:9: looks like a binary file (contains NUL bytes)\n`,
    );
  });

  it('--batch refuses bytes that are not UTF-8 once, after writing the answers before them', async () => {
    const input = Buffer.concat([
      Buffer.from('{"version":1}\n{"version":1,"title":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n{"version":1}\n'),
    ]);
    const path = write('batch.ndjson', input);
    const run = await runCli(['recommend', '--batch', path]);
    expect(run.code).toBe(2);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).index),
    ).toEqual([0]);
    expect(run.stderr).toBe(
      `mqselect: ${path}: not valid UTF-8 in record 1 (counting from 0); save the input as UTF-8\n`,
    );
    const utf16 = await runCli([
      'recommend',
      '--batch',
      write('batch16.ndjson', Buffer.from('{"version":1}\n', 'utf16le')),
    ]);
    expect([utf16.code, utf16.stderr]).toEqual([2, expect.stringContaining('UTF-16 is not supported')]);
  });
});

describe('nesting is capped early, with a clear message', () => {
  const dir = tempDir('mqselect-deep-');
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const TOO_DEEP = 'nested more than 64 levels deep (no requirements or knowledge-base document nests like this)';
  const blockNesting = (levels: number) =>
    `version: 1\n${Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`;

  it.each([
    ['500k-arrays.json', `${'['.repeat(500_000)}${']'.repeat(500_000)}`, '1:65'],
    ['500k-open.json', `{"version": 1, "x": ${'['.repeat(500_000)}`, '1:84'],
    ['100k-flow.yaml', `version: 1\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, '2:68'],
    ['100k-flow-maps.yaml', `version: 1\nx: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`, '2:260'],
    ['100k-dashes.yaml', `version: 1\nx:\n  ${'- '.repeat(100_000)}1\n`, '3:1'],
    ['block-100.yaml', blockNesting(100), '66:65'],
    ['block-1400.yaml', blockNesting(1400), undefined],
  ])('%s', async (name, text, at) => {
    const path = write(name, text);
    const started = performance.now();
    const run = await runCli(['recommend', path]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^mqselect: ${path}:${at ?? '\\d+:\\d+'}: ${TOO_DEEP.replace(/[()]/g, '\\$&')}\\n$`),
    );
  });

  it('a bracket in a string or a comment does not count', async () => {
    const brackets = '['.repeat(100);
    const json = write('strings.json', JSON.stringify({ version: 1, title: brackets, context: `{${brackets}` }));
    const yaml = write('strings.yaml', `version: 1\ntitle: "${brackets}"\ncontext: '${brackets}'\n# ${brackets}\n`);
    for (const path of [json, yaml]) expect((await runCli(['recommend', path, '-f', 'json'])).code, path).toBe(0);
  });

  it('in --batch and kb validate too', async () => {
    const batch = await runCli(['recommend', '--batch', '-'], {
      input: `{"version":1}\n{"version":1,"x":${'['.repeat(100)}${']'.repeat(100)}}\n`,
    });
    expect(batch.code).toBe(2);
    expect(JSON.parse(batch.stdout.trim().split('\n')[1]!).error.message).toBe(TOO_DEEP);
    const kb = await runCli(['kb', 'validate', write('deep-kb.yaml', `kind: rules\nrules: ${'['.repeat(1000)}\n`)]);
    expect([kb.code, kb.stderr]).toEqual([2, expect.stringContaining(`deep-kb.yaml:2:72: ${TOO_DEEP}`)]);
  });
});

describe('control characters in user text are shown, never obeyed', () => {
  const requirements = {
    version: 1,
    title: 'Jobs \u001b[31mRED\u001b[0m\rOVER\nnext',
    context: 'line one\r\nline two \u001b]0;pwned\u0007 end\u202e',
  };
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/;

  it(
    'table, Markdown and ADR escape them; the ADR heading stays one line; the context keeps its ' + 'newlines',
    async () => {
      const input = JSON.stringify(requirements);
      const table = await runCli(['recommend', '-', '--no-sensitivity'], { input });
      expect(table.stdout).not.toMatch(RAW);
      expect(table.stdout.split('\n')[0]).toBe('mqselect — Jobs \\x1b[31mRED\\x1b[0m\\rOVER\\nnext');
      const markdown = await runCli(['recommend', '-', '-f', 'markdown', '--no-sensitivity'], { input });
      expect(markdown.stdout.split('\n')[0]).toBe('# mqselect recommendation: Jobs \\x1b[31mRED\\x1b[0m\\rOVER\\nnext');
      const dir = tempDir('mqselect-adr-');
      expect(
        (await runCli(['adr', 'new', '-', '--dir', dir, '--date', '2026-11-25', '--robustness', '0'], { input })).code,
      ).toBe(0);
      const text = readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8');
      const body = text.slice(0, text.indexOf('<!-- mqselect-decision'));
      expect(body).not.toMatch(RAW);
      expect(body).toContain('\n# Use RabbitMQ (Quorum queue) for Jobs \\x1b[31mRED\\x1b[0m\\rOVER\\nnext\n');
      expect(body).toContain('\nline one\nline two \\x1b]0;pwned\\x07 end\\u202e\n');
      expect((await runCli(['adr', 'check', dir])).code).toBe(0);
    },
  );

  it('an error line that names such a file stays one line', async () => {
    const run = await runCli(['recommend', 'x\u001b[2J\ny.yaml']);
    expect([run.code, run.stderr]).toEqual([2, 'mqselect: x\\x1b[2J\\ny.yaml: no such file\n']);
  });
});
