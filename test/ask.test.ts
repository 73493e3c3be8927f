import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

async function answerAll(s: TmuxSession, answer: (question: string) => string | undefined): Promise<string> {
  let answered = 0;
  for (;;) {
    const screen = await s.waitFor(/^\? |EXIT:\d+/m, 30_000);
    if (/EXIT:\d+/.test(screen)) return screen;
    const question = ACTIVE.exec(screen)![1]!;
    const typed = answer(question);
    if (typed !== undefined) s.type(typed);
    s.keys('Enter');
    answered++;
    // Wait until this prompt is answered (another one is active, or the command ended).
    await s.waitFor((next) => /EXIT:\d+/.test(next) || ACTIVE.exec(next)?.[1] !== question, 30_000);
    if (answered > 200) throw new Error('too many prompts');
  }
}


// Dozens of prompts, each awaited on screen: generous limits for a loaded 2-core machine.
describe('mqselect ask in a terminal', { timeout: 180_000 }, () => {
  it('revisits a decision: pre-filled answers, one changed, saved file and printed winner', async () => {
    const dir = tempDir('mqselect-ask-');
    const saved = join(dir, 'revisited.yaml');
    const adrs = join(dir, 'decisions');
    session = new TmuxSession('revisit', `node ${CLI} ask --from ${join(ROOT, 'examples/log-pipeline.yaml')} --save ${saved} --adr ${adrs}`);
    const screen = await answerAll(session, (question) => (question.startsWith('Peak produce rate') ? '1.2M' : undefined));
    expect(screen).toContain('EXIT:0');
    const winnerLine = /^Apache Kafka \(Topic with consumer groups\), [\d.]+ points ahead of .*$/m.exec(screen)?.[0];
    expect(winnerLine).toBeDefined();
    expect(screen).toContain(`saved ${saved}`);
    const original = parse(readFileSync(join(ROOT, 'examples/log-pipeline.yaml'), 'utf8'));
    expect(parse(readFileSync(saved, 'utf8'))).toEqual({ ...original, workload: { ...original.workload, peakMessagesPerSecond: 1_200_000 } });
    // recommend on the saved file gives the result ask showed, and the ADR checks clean.
    expect((await runCli(['recommend', saved, '--no-color'])).stdout).toContain(winnerLine!);
    expect(readdirSync(adrs)).toHaveLength(1);
    expect((await runCli(['adr', 'check', adrs])).code).toBe(0);
  });

  it('never replaces an existing file without confirmation', async () => {
    const dir = tempDir('mqselect-ask-');
    const target = join(dir, 'mine.yaml');
    writeFileSync(target, 'version: 1\ntitle: keep me\n');
    session = new TmuxSession('clobber', `node ${CLI} ask --from ${join(ROOT, 'examples/minimal.yaml')} --save ${target}`);
    // Every answer accepted as is, including "Replace it?" whose default is no.
    const screen = await answerAll(session, () => undefined);
    expect(screen).toMatch(/mine\.yaml exists\. Replace it\?/);
    expect(screen).toMatch(/mine\.yaml: left as it was; the answers were not saved/);
    expect(screen).toContain('EXIT:0');
    expect(readFileSync(target, 'utf8')).toBe('version: 1\ntitle: keep me\n');
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
    expect(run.stderr.trim()).toBe('mqselect: ask needs an interactive terminal on stdin; for files and scripts use: mqselect recommend FILE');
  });
});
