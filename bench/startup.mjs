// Cold-start benchmark: median wall time of the built CLI against bare `node -e 0` on this machine.
// Prints figures; asserts nothing (speed is measured here, never in tests). The runs are interleaved
// (one of each per round), so a change in the machine's load shows in every figure alike.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

const runs = Number(process.env.RUNS ?? 21);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function once(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const cases = [
  ['node -e 0', ['-e', '0']],
  ['--help', ['dist/mqselect.js', '--help']],
  ['recommend --format json', ['dist/mqselect.js', 'recommend', 'examples/task-queue.json', '--format', 'json']],
  [
    'recommend --format json --no-sensitivity',
    ['dist/mqselect.js', 'recommend', 'examples/task-queue.json', '--format', 'json', '--no-sensitivity'],
  ],
  ['recommend (table)', ['dist/mqselect.js', 'recommend', 'examples/log-pipeline.yaml', '--no-color']],
];
const samples = cases.map(() => []);
for (let i = 0; i < runs; i++) cases.forEach(([, args], c) => samples[c].push(once(args)));
const [base, ...rest] = samples.map(median);
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, node ${process.version}; median of ${runs} runs`,
);
console.log(`node -e 0: ${base.toFixed(1)} ms`);
rest.forEach((ms, c) => console.log(`${cases[c + 1][0]}: ${ms.toFixed(1)} ms = ${(ms / base).toFixed(2)}x node -e 0`));
