import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { tempDir } from './temp.js';

/**
 * The test suite itself, run as a developer or CI would: it leaves nothing in the temp directory, says
 * clearly what it skips without tmux, and prints no validator noise.
 */
describe('npm test hygiene', { timeout: 180_000 }, () => {
  it(
    'a run leaves no mqselect-* folders behind, skips the terminal tests with a message without tmux, and prints ' +
      'no "unknown format" noise',
    () => {
      const sandbox = tempDir('mqselect-hygiene-');
      const tmp = join(sandbox, 'tmp');
      const bin = join(sandbox, 'bin');
      mkdirSync(tmp);
      mkdirSync(bin);
      // PATH without tmux (nor anything else: the tests spawn node by its full path).
      const run = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
          'run',
          '--no-file-parallelism',
          'test/scripting.test.ts',
          'test/ask.test.ts',
          'test/schemas.test.ts',
        ],
        {
          cwd: ROOT,
          env: { PATH: bin, HOME: process.env.HOME ?? sandbox, TMPDIR: tmp, NO_COLOR: '1' },
          encoding: 'utf8',
        },
      );
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output.slice(-2000)).toBe(0);
      expect(output).toContain('tmux is not installed, so "mqselect ask in a terminal" is skipped');
      expect(output).not.toContain('unknown format');
      expect(readdirSync(tmp).filter((name) => name.startsWith('mqselect-'))).toEqual([]);
    },
  );
});
