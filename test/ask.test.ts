import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from './helpers.js';
import { tempDir } from './temp.js';
import { TmuxSession } from './tmux.js';

/** End to end in a real pseudo-terminal (tmux), with keystrokes, as an architect would use it. */
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

/** The prompt waiting for an answer: inquirer marks it "?" (answered ones become "✔"). */
const ACTIVE = /^\? (.*)$/m;

/** Answers every prompt (Enter, after typing what `answer` returns) until the command ends or `until` shows. */
async function answerAll(
  s: TmuxSession,
  answer: (question: string) => string | undefined,
  until?: RegExp,
): Promise<string> {
  let answered = 0;
  for (;;) {
    const screen = await s.waitFor(/^\? |EXIT:\d+/m, 30_000);
    if (/EXIT:\d+/.test(screen) || (until && until.test(screen))) return screen;
    const question = ACTIVE.exec(screen)![1]!;
    const typed = answer(question);
    // Answered prompts turn into "✔" lines: one more of them means this one is done (the active line
    // itself changes as soon as anything is typed, so it cannot tell).
    const done = (text: string) => text.match(/^✔ /gm)?.length ?? 0;
    const before = done(screen);
    if (typed !== undefined) s.type(typed);
    s.keys('Enter');
    answered++;
    await s.waitFor((next) => /EXIT:\d+/.test(next) || done(next) > before, 30_000);
    if (answered > 200) throw new Error('too many prompts');
  }
}

// These tests need tmux for a real pseudo-terminal (README, Development): without it they are skipped, and say so.
const hasTmux = spawnSync('/bin/sh', ['-c', 'command -v tmux'], { stdio: 'ignore' }).status === 0;
if (!hasTmux)
  console.warn(
    'test/ask.test.ts: tmux is not installed, so "mqselect ask in a terminal" is skipped (install tmux, e.g. ' +
      'apt-get install tmux)',
  );

// Dozens of prompts, each awaited on screen: generous limits for a loaded 2-core machine.
describe.skipIf(!hasTmux)('mqselect ask in a terminal', { timeout: 180_000 }, () => {
  it('revisits a decision: pre-filled answers, one changed, saved file and printed winner', async () => {
    const dir = tempDir('mqselect-ask-');
    const saved = join(dir, 'revisited.yaml');
    const adrs = join(dir, 'decisions');
    session = new TmuxSession(
      'revisit',
      `node ${CLI} ask --from ${join(ROOT, 'examples/log-pipeline.yaml')} --save ${saved} --adr ${adrs}`,
    );
    const screen = await answerAll(session, (question) =>
      question.startsWith('Peak produce rate') ? '1.2M' : undefined,
    );
    expect(screen).toContain('EXIT:0');
    const winnerLine = /^Apache Kafka \(Topic with consumer groups\), [\d.]+ points ahead of .*$/m.exec(screen)?.[0];
    expect(winnerLine).toBeDefined();
    expect(screen).toContain(`saved ${saved}`);
    const original = parse(readFileSync(join(ROOT, 'examples/log-pipeline.yaml'), 'utf8'));
    expect(parse(readFileSync(saved, 'utf8'))).toEqual({
      ...original,
      workload: { ...original.workload, peakMessagesPerSecond: 1_200_000 },
    });
    // recommend on the saved file gives the result ask showed, and the ADR checks clean.
    expect((await runCli(['recommend', saved, '--no-color'])).stdout).toContain(winnerLine!);
    expect(readdirSync(adrs)).toHaveLength(1);
    expect((await runCli(['adr', 'check', adrs])).code).toBe(0);
  });

  it(
    'never replaces an existing file without confirmation, and offers another name instead of losing the ' + 'answers',
    async () => {
      const dir = tempDir('mqselect-ask-');
      const target = join(dir, 'mine.yaml');
      writeFileSync(target, 'version: 1\ntitle: keep me\n');
      session = new TmuxSession(
        'clobber',
        `node ${CLI} ask --from ${join(ROOT, 'examples/minimal.yaml')} --save ${target}`,
      );
      // Every answer accepted as is, including "Replace it?" whose default is no, and the other name offered.
      const screen = await answerAll(session, () => undefined);
      expect(screen).toMatch(/mine\.yaml exists: you will be asked before it is replaced/);
      expect(screen).toMatch(/mine\.yaml exists\. Replace it\?/);
      expect(screen).toMatch(/mine\.yaml: left as it was/);
      expect(screen).toMatch(/Save the answers under another name\?/);
      expect(screen).toContain(`saved ${join(dir, 'mine-2.yaml')}`);
      expect(screen).toContain('EXIT:0');
      expect(readFileSync(target, 'utf8')).toBe('version: 1\ntitle: keep me\n');
      expect(parse(readFileSync(join(dir, 'mine-2.yaml'), 'utf8'))).toEqual({ version: 1 });
    },
  );

  it('checks --save and --adr before the first question', async () => {
    const dir = tempDir('mqselect-ask-');
    writeFileSync(join(dir, 'file'), '');
    mkdirSync(join(dir, 'folder.yaml'));
    for (const [n, [args, message]] of [
      [
        `--save ${join(dir, 'nodir', 'x.yaml')}`,
        `mqselect: --save ${join(dir, 'nodir', 'x.yaml')}: the folder ${join(dir, 'nodir')} does not exist`,
      ],
      [
        `--save ${join(dir, 'folder.yaml')}`,
        `mqselect: --save ${join(dir, 'folder.yaml')}: is a folder; give a file name`,
      ],
      [
        `--adr ${join(dir, 'file', 'decisions')}`,
        `mqselect: --adr ${join(dir, 'file', 'decisions')}: ${join(dir, 'file')} is a file, not a folder`,
      ],
      [`--adr /proc/mqselect-decisions`, 'mqselect: --adr /proc/mqselect-decisions: cannot write in /proc'],
    ].entries()) {
      session = new TmuxSession(`destinations-${n}`, `node ${CLI} ask ${args}`);
      const screen = await session.waitFor(/EXIT:\d+/);
      session.kill();
      expect(screen, args).toContain(message);
      expect(screen, args).toContain('EXIT:2');
      expect(screen, args).not.toMatch(/^\? /m);
    }
  });

  it('a save that fails at the end offers another name', async () => {
    const dir = tempDir('mqselect-ask-');
    mkdirSync(join(dir, 'gone'));
    const target = join(dir, 'gone', 'x.yaml');
    session = new TmuxSession(
      'failed-save',
      `node ${CLI} ask --from ${join(ROOT, 'examples/minimal.yaml')} --save ${target}`,
    );
    await session.waitFor(/^\? Title of the decision/m);
    // The folder disappears while the questions are answered.
    rmSync(join(dir, 'gone'), { recursive: true });
    const screen = await answerAll(session, (question) =>
      question.startsWith('Save the answers under another name') ? join(dir, 'kept.yaml') : undefined,
    );
    expect(screen).toMatch(/x\.yaml: cannot write \(ENOENT\)/);
    expect(screen).toContain(`saved ${join(dir, 'kept.yaml')}`);
    expect(parse(readFileSync(join(dir, 'kept.yaml'), 'utf8'))).toEqual({ version: 1 });
  });

  it('goes back a question, skips a section, and reviews the answers before the result', async () => {
    const dir = tempDir('mqselect-ask-');
    const saved = join(dir, 'answers.yaml');
    session = new TmuxSession('navigate', `node ${CLI} ask --save ${saved}`);
    await session.waitFor(/^\? Title of the decision/m);
    session.type('First title');
    session.keys('Enter');
    await session.waitFor(/^\? What does the system do/m);
    session.type('<');
    session.keys('Enter');
    // Back at the title, with the answer given as the default: replace it.
    await session.waitFor(/^\? Title of the decision \(one line\) \(First title\)/m);
    session.keys('C-u');
    session.type('Second title');
    session.keys('Enter');
    await session.waitFor(/^\? What does the system do/m);
    session.type('>>');
    session.keys('Enter');
    // The rest of "About the system" is skipped (nothing left there); on to Workload, skipped as well.
    await session.waitFor(/^\? Peak produce rate/m);
    session.type('2k');
    session.keys('Enter');
    await session.waitFor(/^\? Sustained average rate/m);
    session.type('>>');
    session.keys('Enter');
    await session.waitFor(/^\? How much does throughput matter\?/m);
    // Everything else accepted as is, up to the review.
    const review = await answerAll(
      session,
      (question) => (question.startsWith('Use these answers?') ? '' : undefined),
      /^\? Use these answers\?/m,
    );
    expect(review).toMatch(/^Review\n  title: Second title\n  workload\.peakMessagesPerSecond: 2000\n/m);
    session.keys('Down');
    session.keys('Enter');
    await session.waitFor(/^\? Which answer\?/m);
    session.keys('Enter');
    await session.waitFor(/^\? Title of the decision \(one line\) \(Second title\)/m);
    session.keys('C-u');
    session.type('Third title');
    session.keys('Enter');
    // Only the changed question, then the review again.
    const again = await session.waitFor(/title: Third title[\s\S]*^\? Use these answers\?/m);
    expect(again.match(/^✔ Title of the decision/gm)).toHaveLength(3);
    expect(again.match(/^✔ Peak produce rate/gm)).toHaveLength(1);
    session.keys('Enter');
    const end = await session.waitFor(/EXIT:\d+/);
    expect(end).toContain('EXIT:0');
    expect(parse(readFileSync(saved, 'utf8'))).toEqual({
      version: 1,
      title: 'Third title',
      workload: { peakMessagesPerSecond: 2000 },
    });
  });

  it('rejects an invalid answer inline and asks again', async () => {
    const dir = tempDir('mqselect-ask-');
    session = new TmuxSession('invalid', `node ${CLI} ask --save ${join(dir, 'x.json')}`);
    await session.waitFor(/^\? Title of the decision/m);
    session.keys('Enter');
    await session.waitFor(/^\? What does the system do/m);
    session.keys('Enter');
    await session.waitFor(/^\? Peak produce rate/m);
    session.type('fast');
    session.keys('Enter');
    await session.waitFor(/enter a number such as 2000, 50k, 1\.5M or 2e6/);
    session.keys('C-u');
    session.type('-3');
    session.keys('Enter');
    await session.waitFor(/must be > 0, got -3/);
  });

  it('Ctrl-C exits 130, writes nothing and prints no stack trace', async () => {
    const dir = tempDir('mqselect-ask-');
    const target = join(dir, 'never.yaml');
    session = new TmuxSession('cancel', `node ${CLI} ask --save ${target}`);
    await session.waitFor(/^\? Title of the decision/m);
    session.type('half an answer');
    session.keys('C-c');
    const screen = await session.waitFor(/EXIT:\d+/);
    expect(screen).toContain('EXIT:130');
    expect(screen).not.toMatch(/\s+at \S+ \(/);
    expect(existsSync(target)).toBe(false);
  });
});

describe('mqselect ask without a terminal', () => {
  it('exits 2 at once, pointing to recommend', async () => {
    const run = await runCli(['ask']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'mqselect: ask needs an interactive terminal on stdin; for files and scripts use: mqselect recommend FILE',
    );
  });
});
