import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../src/render/wrap.js';
import { CLI, ROOT, runCli } from './helpers.js';
import { TmuxSession } from './tmux.js';

/**
 * 80 columns: on a terminal prose wraps and tables narrow or stack to its width (COLUMNS, or the
 * terminal's own); --width N does the same for files; piped output without --width is as it always was.
 */
const hasTmux = spawnSync('/bin/sh', ['-c', 'command -v tmux'], { stdio: 'ignore' }).status === 0;
if (!hasTmux)
  console.warn(
    'test/terminal.test.ts: tmux is not installed, so the tests "on a terminal" are skipped (install tmux, e.g. ' +
      'apt-get install tmux)',
  );
/** Lines wider than `width`, leaving out the ones that are a single URL (kept whole so a terminal can open it). */
const tooWide = (text: string, width: number) =>
  text.split('\n').filter((line) => displayWidth(line) > width && !/^\s*\S*https?:\/\/\S+$/.test(line));

describe('--width for files and pipes', () => {
  it.each([
    ['recommend', 'examples/log-pipeline.yaml'],
    ['recommend', 'examples/order-transactions.yaml'],
    ['recommend', 'examples/task-queue.json', '--explain'],
    ['recommend', 'examples/rpc-microservices.json'],
    ['compare'],
    ['kb', 'show', 'kafka'],
    ['kb', 'show'],
    ['kb', 'cases'],
  ])('mqselect %s … --width 80 fits 80 columns', async (...args) => {
    for (const width of [80, 60]) {
      const run = await runCli([...args, '--width', String(width)]);
      expect(run.code, args.join(' ')).toBe(0);
      expect(tooWide(run.stdout, width), `${args.join(' ')} at ${width}`).toEqual([]);
    }
  });

  it('the ranking table narrows (compact, the profile column left out) or stacks; nothing is lost', async () => {
    const score = JSON.parse((await runCli(['recommend', 'examples/order-transactions.yaml', '-f', 'json'])).stdout)
      .ranking[0].score.toFixed(1)
      .replace('.', '\\.');
    const at80 = (await runCli(['recommend', 'examples/order-transactions.yaml', '--width', '80'])).stdout;
    expect(at80).toMatch(/^│ #│ broker +│ score│ thru +│ rel +│/m);
    expect(at80).toMatch(new RegExp(`^│ 1│ rocketmq│ ${score} +│`, 'm'));
    const at50 = (await runCli(['recommend', 'examples/order-transactions.yaml', '--width', '50'])).stdout;
    expect(at50).not.toContain('┌');
    expect(at50).toMatch(
      new RegExp(
        `^1 rocketmq\\n  profile: fifo-topic \\+ delay-topic \\+\\n +transaction-topic; score: ${score};`,
        'm',
      ),
    );
  });

  it('piped output without --width is byte-identical to the golden files, whatever COLUMNS says', async () => {
    for (const env of [{}, { COLUMNS: '40' }] as Array<Record<string, string>>) {
      const run = await runCli(['recommend', 'examples/log-pipeline.yaml'], { env });
      expect(run.stdout).toBe(readFileSync(join(ROOT, 'test/golden/log-pipeline.txt'), 'utf8'));
    }
    expect((await runCli(['recommend', 'examples/log-pipeline.yaml', '--width', '0'])).stdout).toBe(
      readFileSync(join(ROOT, 'test/golden/log-pipeline.txt'), 'utf8'),
    );
  });

  it('--width must be 0 or 20..1000', async () => {
    for (const bad of ['10', 'wide', '-5', '1e3x']) {
      const run = await runCli(['recommend', 'examples/task-queue.json', '--width', bad]);
      expect([run.code, run.stderr], bad).toEqual([
        2,
        `mqselect: --width: expected 0 (no wrapping) or a whole number from 20 to 1000 (got "${bad}")\n`,
      ]);
    }
  });
});

describe.skipIf(!hasTmux)('on a terminal', { timeout: 120_000 }, () => {
  let session: TmuxSession | undefined;
  afterEach(() => session?.kill());
  /** The whole output of a command run in a pane of this width; -J joins lines the terminal wrapped. */
  async function inTerminal(
    name: string,
    command: string,
    width: number,
    env: Record<string, string> = {},
  ): Promise<string> {
    session = new TmuxSession(name, command, env, { width, height: 40 });
    const screen = await session.waitFor(/EXIT:\d+/);
    return screen.slice(0, screen.indexOf('EXIT:'));
  }

  it('recommend wraps to an 80-column terminal', async () => {
    const screen = await inTerminal(
      'recommend-80',
      `node ${CLI} recommend ${join(ROOT, 'examples/log-pipeline.yaml')}`,
      80,
    );
    expect(screen).toContain('Apache Kafka (Topic with consumer groups)');
    expect(tooWide(screen, 80)).toEqual([]);
  });

  it('COLUMNS wins over the terminal width', async () => {
    const screen = await inTerminal(
      'recommend-columns',
      `node ${CLI} recommend ${join(ROOT, 'examples/task-queue.json')}`,
      120,
      { COLUMNS: '60' },
    );
    expect(tooWide(screen, 60)).toEqual([]);
    expect(screen).not.toContain('┌');
  });

  it('help fits the terminal too (commander wraps descriptions down to 40 columns of their own)', async () => {
    const screen = await inTerminal('help-columns', `node ${CLI} recommend --help`, 120, { COLUMNS: '72' });
    expect(screen).toContain('Exit codes:');
    expect(tooWide(screen, 72)).toEqual([]);
  });

  it('ask: hints and the introduction wrap at word boundaries, never cut by the terminal', async () => {
    session = new TmuxSession(
      'ask-80',
      `node ${CLI} ask --from ${join(ROOT, 'examples/log-pipeline.yaml')}`,
      {},
      { width: 80, height: 40 },
    );
    await session.waitFor(/^\? Title of the decision/m);
    for (let i = 0; i < 12; i++) {
      const before = session.screen().match(/^✔ /gm)?.length ?? 0;
      session.keys('Enter');
      await session.waitFor((screen) => (screen.match(/^✔ /gm)?.length ?? 0) > before);
    }
    const screen = session.screen();
    expect(screen).toMatch(/How much does throughput matter\?/);
    expect(tooWide(screen, 80)).toEqual([]);
  });
});
