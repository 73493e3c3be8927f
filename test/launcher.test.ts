import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * The built launcher runs dist/cli.js from a V8 code cache. V8 checks a cache only against the source's
 * length, and may crash on a damaged one: the launcher must never run stale code or die because of it.
 */
const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyOfDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mqselect-dist-'));
  copies.push(dir);
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  return dir;
}

const run = (dist: string, args: string[]) => spawnSync(process.execPath, [join(dist, 'mqselect.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('launcher and code cache', () => {
  it('runs the bundle as it is now, even after an edit of the same length (the cache was made from other code)', () => {
    const dist = copyOfDist();
    const bundle = join(dist, 'cli.js');
    const text = readFileSync(bundle, 'utf8');
    expect(text).toContain('"0.1.0"');
    writeFileSync(bundle, text.replace('"0.1.0"', '"9.9.9"'));
    const result = run(dist, ['--version']);
    expect(result.stdout.trim()).toBe('9.9.9');
    expect(result.status).toBe(0);
  });

  it('ignores a damaged or empty cache and still gives the same answer', () => {
    const dist = copyOfDist();
    const expected = run(dist, ['recommend', 'examples/task-queue.json', '--format', 'json']).stdout;
    const cache = readFileSync(join(dist, 'cli.js.cache'));
    for (const offset of [100, 50_000, cache.length - 200]) for (let i = 0; i < 64; i++) cache[offset + i]! ^= 0xff;
    writeFileSync(join(dist, 'cli.js.cache'), cache);
    const damaged = run(dist, ['recommend', 'examples/task-queue.json', '--format', 'json']);
    expect(damaged.status).toBe(0);
    expect(damaged.stdout).toBe(expected);
    writeFileSync(join(dist, 'cli.js.cache'), '');
    expect(run(dist, ['recommend', 'examples/task-queue.json', '--format', 'json']).stdout).toBe(expected);
  });
});
