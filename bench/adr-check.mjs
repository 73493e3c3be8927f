// adr check benchmark: wall time of one `mqselect adr check` over a folder of 100 ADRs, as CI runs it.
// Prints figures; asserts nothing. The ADRs are written once by `adr new` (one per bundled example) and
// copied under new numbers, so the check re-runs 100 recorded decisions of every kind the examples cover.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COUNT = 100;
const runs = Number(process.env.RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cli = (args) => spawnSync(process.execPath, ['dist/mqselect.js', ...args], { encoding: 'utf8' });

const root = mkdtempSync(join(tmpdir(), 'mqselect-bench-adr-'));
try {
  const written = join(root, 'written');
  const decisions = join(root, 'docs', 'decisions');
  mkdirSync(written, { recursive: true });
  mkdirSync(decisions, { recursive: true });
  // minimal.yaml has no clear winner and still gets an ADR; every example is a decision CI re-checks.
  for (const example of readdirSync('examples').sort()) {
    const run = cli(['adr', 'new', join('examples', example), '--dir', written, '--date', '2026-12-03']);
    if (run.status !== 0) throw new Error(`adr new ${example} exited ${run.status}: ${run.stderr}`);
  }
  const sources = readdirSync(written).sort();
  for (let i = 0; i < COUNT; i++) {
    const source = sources[i % sources.length];
    const number = String(i + 1).padStart(4, '0');
    copyFileSync(join(written, source), join(decisions, `${number}${source.slice(4)}`));
  }
  const times = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    const run = cli(['adr', 'check', decisions, '--root', root]);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (run.status !== 0) throw new Error(`adr check exited ${run.status}: ${run.stdout}${run.stderr}`);
    if (r === 0) console.log(run.stdout.trim().split('\n').at(-1));
  }
  console.log(
    `adr check, ${COUNT} ADRs (${sources.length} kinds): ${(median(times) / 1000).toFixed(2)} s (median of ${runs})`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
