import { closeSync, openSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

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
