import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';
import { tempDir } from './temp.js';
import { TmuxSession } from './tmux.js';

/** Help, version and shell completion: what a new user reaches for first, end to end. */
const COMMANDS = [
  'recommend',
  'ask',
  'compare',
  'schema',
  'adr',
  'adr new',
  'adr check',
  'kb',
  'kb validate',
  'kb cases',
  'kb show',
  'completion',
];
const has = (program: string) =>
  spawnSync('/bin/sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;

describe('help and version', () => {
  it.each(COMMANDS)('mqselect %s --help ends with examples and the exit codes', async (command) => {
    const run = await runCli([...command.split(' '), '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nExamples:\n  \$ mqselect .+\n/);
    expect(run.stdout).toMatch(
      /\nExit codes:\n  0 +.+\n(?: {7}.+\n)*(?:  1 +.+\n(?: {7}.+\n)*)?  2 +.+\n(?: {7}.+\n)*  130  cancelled with Ctrl-C\n$/,
    );
  });

  it('mqselect help adr new prints the help of adr new; an unknown path is exit 2', async () => {
    const run = await runCli(['help', 'adr', 'new']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe((await runCli(['adr', 'new', '--help'])).stdout);
    expect(run.stdout).toMatch(/^Usage: mqselect adr new \[options\] <file>/);
    expect((await runCli(['help', 'kb', 'show'])).stdout).toMatch(/^Usage: mqselect kb show/);
    const unknown = await runCli(['help', 'adr', 'old']);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      'mqselect: help: unknown command "adr old" (see mqselect --help)\n',
    ]);
  });

  it('--version prints the version, then the knowledge base it carries', async () => {
    const run = await runCli(['--version']);
    const kb = JSON.parse((await runCli(['kb', 'show', '-f', 'json'])).stdout);
    expect(run.stdout).toBe(
      `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\nknowledge base ${kb.version} (as ` +
        `of ${kb.asOf})\n`,
    );
  });
});

describe('kb show and compare', () => {
  it('take broker ids in any case', async () => {
    const show = await runCli(['kb', 'show', 'RabbitMQ']);
    expect([show.code, show.stdout.split('\n')[0]]).toEqual([0, 'RabbitMQ (rabbitmq)']);
    const compare = await runCli(['compare', 'Kafka', 'RABBITMQ', '-f', 'json']);
    expect(JSON.parse(compare.stdout).brokers.map((b: { id: string }) => b.id)).toEqual(['kafka', 'rabbitmq']);
    const unknown = await runCli(['compare', 'Pulsar']);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('unknown broker "Pulsar"')]);
  });

  it('take --kb: a broker of our own is shown and compared', async () => {
    const dir = tempDir('mqselect-kb-');
    const pulsar = join(dir, 'pulsar.yaml');
    writeFileSync(
      pulsar,
      readFileSync(join(ROOT, 'data/brokers/kafka.yaml'), 'utf8')
        .replace(/^id: kafka$/m, 'id: pulsar')
        .replace(/^name: .*$/m, 'name: Apache Pulsar (test copy)'),
    );
    const show = await runCli(['kb', 'show', 'Pulsar', '--kb', pulsar]);
    expect([show.code, show.stdout.split('\n')[0]]).toEqual([0, 'Apache Pulsar (test copy) (pulsar)']);
    const compare = await runCli(['compare', 'pulsar', 'kafka', '--kb', pulsar, '-f', 'json']);
    expect(JSON.parse(compare.stdout).brokers.map((b: { id: string }) => b.id)).toEqual(['pulsar', 'kafka']);
    expect(JSON.parse(compare.stdout).kb.version).toMatch(/\+custom$/);
  });
});

describe('mqselect completion', () => {
  it('bash: commands, subcommands, options, option values, broker ids, --set fields', async () => {
    const dir = tempDir('mqselect-completion-');
    const script = join(dir, 'mqselect.bash');
    const run = await runCli(['completion', 'bash']);
    expect(run.code).toBe(0);
    writeFileSync(script, run.stdout);
    const complete = (line: string) => {
      const words = line.split(' ');
      const program =
        `source ${script}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); ` +
        `COMP_CWORD=${words.length - 1}; _mqselect; echo "\${COMPREPLY[*]}"`;
      return execFileSync('bash', ['--norc', '-c', program], { encoding: 'utf8' }).trim();
    };
    expect(complete('mqselect re')).toBe('recommend');
    expect(complete('mqselect adr ')).toBe('new check');
    expect(complete('mqselect compare ka')).toBe('kafka');
    expect(complete('mqselect kb show r')).toBe('rabbitmq rocketmq');
    expect(complete('mqselect recommend x.yaml --format j')).toBe('json');
    expect(complete('mqselect adr new x.yaml --choose r')).toBe('rabbitmq rocketmq');
    expect(complete('mqselect adr check --fail-on ')).toBe('error warning');
    expect(complete('mqselect recommend -w la')).toBe('latency=');
    expect(complete('mqselect recommend --set workload.peakM')).toBe('workload.peakMessagesPerSecond=');
    expect(complete('mqselect adr new --su')).toBe('--supersedes');
    expect(complete('mqselect schema ')).toBe('requirements kb result batch');
  });

  it.skipIf(!has('fish'))('fish: the same from the tree (fish complete -C)', async () => {
    const dir = tempDir('mqselect-completion-');
    const script = join(dir, 'mqselect.fish');
    writeFileSync(script, (await runCli(['completion', 'fish'])).stdout);
    const complete = (line: string) =>
      execFileSync('fish', ['--no-config', '-c', `source ${script}; complete -C '${line}'`], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]);
    expect(complete('mqselect ')).toEqual(expect.arrayContaining(['recommend', 'adr', 'kb', 'completion']));
    expect(complete('mqselect adr ')).toEqual(['check', 'new']);
    expect(complete('mqselect compare ka')).toEqual(['kafka']);
    expect(complete('mqselect recommend -f ')).toEqual(['html', 'json', 'markdown', 'table']);
    expect(complete('mqselect adr new x --choose ')).toEqual(['activemq', 'kafka', 'rabbitmq', 'rocketmq']);
  });

  let session: TmuxSession | undefined;
  afterEach(() => session?.kill());
  it.skipIf(!has('zsh') || !has('tmux'))('zsh: completes in a real zsh (Tab in tmux)', async () => {
    const dir = tempDir('mqselect-completion-');
    const script = join(dir, '_mqselect');
    writeFileSync(script, (await runCli(['completion', 'zsh'])).stdout);
    session = new TmuxSession('zsh-completion', `zsh -f`, { HOME: dir, PS1: '%% ' });
    session.type(`autoload -U compinit && compinit -u -d ${dir}/zcompdump && source ${script} && mqselect() { : }`);
    session.keys('Enter');
    session.type('mqselect compare ka');
    session.keys('Tab');
    await session.waitFor(/mqselect compare kafka/);
    session.keys('C-u');
    session.type('mqselect adr new x --sta');
    session.keys('Tab');
    await session.waitFor(/mqselect adr new x --status/);
    session.keys('C-u');
    session.type('mqselect a');
    session.keys('Tab');
    await session.waitFor(/adr +-- architecture decision records/);
  });
});
