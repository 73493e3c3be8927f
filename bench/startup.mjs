// Cold-start benchmark: median wall time of the built CLI against bare `node -e 0` on this machine.
// Prints figures; asserts nothing (speed is measured here, never in tests).
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

const runs = Number(process.env.RUNS ?? 21);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const base = time(['-e', '0']);
const cases = [
  ['--help', ['dist/mqselect.js', '--help']],
  ['recommend --format json', ['dist/mqselect.js', 'recommend', 'examples/task-queue.json', '--format', 'json']],
  ['recommend --format json --no-sensitivity', ['dist/mqselect.js', 'recommend', 'examples/task-queue.json', '--format', 'json', '--no-sensitivity']],
  ['recommend (table)', ['dist/mqselect.js', 'recommend', 'examples/log-pipeline.yaml', '--no-color']],
];
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, node ${process.version}; median of ${runs} runs`);
console.log(`node -e 0: ${base.toFixed(1)} ms`);
for (const [name, args] of cases) {
  const ms = time(args);
  console.log(`${name}: ${ms.toFixed(1)} ms = ${(ms / base).toFixed(2)}x node -e 0`);
}
