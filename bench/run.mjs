// Prints every benchmark figure: cold start of the built CLI, adr check, batch throughput, engine and sensitivity.
import { spawnSync } from 'node:child_process';

for (const args of [
  ['bench/startup.mjs'],
  ['bench/adr-check.mjs'],
  ['bench/batch.mjs'],
  ['--import', 'tsx', 'bench/engine.ts'],
]) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
