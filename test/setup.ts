import fc from 'fast-check';
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.js';

/**
 * In CI the property tests use a fixed seed, so a run is reproducible and a landing never depends on the
 * dice; on developer machines the seed is random, so new counterexamples keep being searched for.
 */
if (process.env.CI) fc.configureGlobal({ seed: 20_261_125 });

// Every test file removes the temporary folders it made (test/temp.ts).
afterAll(removeTempDirs);
