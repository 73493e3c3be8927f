// End-to-end batch throughput of the built CLI: varied scenarios (the bundled examples with seeded
// random numbers and feature needs) through `mqselect recommend --batch`, timed as a whole process —
// start-up, JIT warm-up and output through a pipe included. Two runs: 20,000 records, and 200,000 (the
// "hundreds of thousands in one process" case, where warm-up is amortised). Every output line is counted.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const sizes = process.env.RECORDS ? [Number(process.env.RECORDS)] : [20_000, 200_000];
const examples = readdirSync('examples').map((f) =>
  f.endsWith('.json')
    ? JSON.parse(readFileSync(join('examples', f), 'utf8'))
    : parse(readFileSync(join('examples', f), 'utf8')),
);
const features = [
  'replay',
  'ordering',
  'delayedMessages',
  'priorityQueues',
  'deadLetterQueue',
  'transactionalMessages',
  'complexRouting',
];

function scenarios(count) {
  let state = 42;
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pick = (items) => items[Math.floor(random() * items.length)];
  const lines = [];
  for (let i = 0; i < count; i++) {
    const record = structuredClone(pick(examples));
    record.workload = { ...record.workload, peakMessagesPerSecond: Math.round(10 ** (2 + random() * 4.5)) };
    record.features = { ...record.features, [pick(features)]: pick(['required', 'preferred', 'not-needed']) };
    lines.push(JSON.stringify(record));
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the batch with output to a pipe read here (line count checked); resolves to seconds. */
function timeBatch(file, count) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const command = [process.execPath, 'dist/mqselect.js', 'recommend', '--batch', file];
    // "One core": pinned to one CPU when taskset exists, so V8's compiler and GC threads share it too.
    const [program, ...args] = pinned ? ['taskset', '-c', '0', ...command] : command;
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let lines = 0;
    child.stdout.on('data', (chunk) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code !== 0) reject(new Error(`batch exited ${code}`));
      else if (lines !== count) reject(new Error(`batch wrote ${lines} lines for ${count} records`));
      else resolve(seconds);
    });
  });
}

const pinned = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'mqselect-bench-'));
try {
  for (const count of sizes) {
    const file = join(dir, `scenarios-${count}.ndjson`);
    writeFileSync(file, scenarios(count));
    const seconds = await timeBatch(file, count);
    const where = pinned ? 'one process pinned to one CPU' : 'one process (taskset not found: not pinned)';
    console.log(
      `batch (CLI, end to end, ${count.toLocaleString('en')} records): ${Math.round(count / seconds).toLocaleString('en')} scenarios/s (${seconds.toFixed(2)} s, ${where}, summary records)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
