// End-to-end batch throughput of the built CLI: N varied scenarios (the bundled examples with seeded
// random numbers and feature needs) through `mqselect recommend --batch`, timed as a whole process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const count = Number(process.env.RECORDS ?? 20_000);
let state = 42;
const random = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
const pick = (items) => items[Math.floor(random() * items.length)];
const examples = readdirSync('examples').map((f) => (f.endsWith('.json') ? JSON.parse(readFileSync(join('examples', f), 'utf8')) : parse(readFileSync(join('examples', f), 'utf8'))));
const features = ['replay', 'ordering', 'delayedMessages', 'priorityQueues', 'deadLetterQueue', 'transactionalMessages', 'complexRouting'];
const lines = [];
for (let i = 0; i < count; i++) {
  const record = structuredClone(pick(examples));
  record.workload = { ...record.workload, peakMessagesPerSecond: Math.round(10 ** (2 + random() * 4.5)) };
  record.features = { ...record.features, [pick(features)]: pick(['required', 'preferred', 'not-needed']) };
  lines.push(JSON.stringify(record));
}
const dir = mkdtempSync(join(tmpdir(), 'mqselect-bench-'));
const file = join(dir, 'scenarios.ndjson');
writeFileSync(file, `${lines.join('\n')}\n`);
const start = process.hrtime.bigint();
const run = spawnSync(process.execPath, ['dist/mqselect.js', 'recommend', '--batch', file], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
rmSync(dir, { recursive: true, force: true });
if (run.status !== 0) throw new Error(`batch exited ${run.status}`);
console.log(`batch (CLI, end to end): ${Math.round(count / seconds).toLocaleString('en')} scenarios/s (${count} records in ${seconds.toFixed(2)} s, one process, summary records)`);
