// Engine throughput: recommendations per second on one core with the shipped KB, over varied inputs.
// Run: node scripts/run-ts.mjs bench/engine.ts
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { assembleKnowledgeBase } from '../src/kb/load.js';
import { recommend } from '../src/engine/recommend.js';
import { requirementsArb } from '../test/arbitraries.js';

const files = ['data/kb.yaml', 'data/rules.yaml', ...readdirSync('data/brokers').map((f) => `data/brokers/${f}`)];
const { kb } = await assembleKnowledgeBase(files.map((file) => ({ file, text: readFileSync(file, 'utf8'), layer: 'shipped' as const })));
const inputs = fc.sample(requirementsArb, { numRuns: 2000, seed: 42 });
for (const input of inputs.slice(0, 200)) recommend(input, kb); // warm up
const rounds = 5;
const start = performance.now();
for (let round = 0; round < rounds; round++) for (const input of inputs) recommend(input, kb);
const seconds = (performance.now() - start) / 1000;
console.log(`engine: ${Math.round((inputs.length * rounds) / seconds).toLocaleString('en')} recommendations/s (${inputs.length * rounds} varied inputs, one core)`);
