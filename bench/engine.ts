// Engine figures: batch-path throughput (recommendSummary) and full results on one core with the shipped
// KB over varied inputs, and the robustness analysis with 10,000 samples. Prints figures, asserts nothing.
// Run: npx tsx bench/engine.ts
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { assembleKnowledgeBase } from '../src/kb/load.js';
import { shippedKbFileNames } from '../src/kb/shipped-files.js';
import { evaluate } from '../src/engine/evaluate.js';
import { recommend, recommendSummary } from '../src/engine/recommend.js';
import { robustness } from '../src/engine/sensitivity.js';
import { parseRequirementsText } from '../src/requirements/parse.js';
import { requirementsArb } from '../test/arbitraries.js';

const files = shippedKbFileNames(readdirSync('data/brokers')).map((f) => `data/${f}`);
const { kb } = await assembleKnowledgeBase(
  files.map((file) => ({ file, text: readFileSync(file, 'utf8'), layer: 'shipped' as const })),
);
const inputs = fc.sample(requirementsArb, { numRuns: 5000, seed: 42 });

function perSecond(label: string, run: (input: (typeof inputs)[number]) => unknown): void {
  for (const input of inputs.slice(0, 500)) run(input); // warm up
  const start = performance.now();
  for (const input of inputs) run(input);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${label}: ${Math.round(inputs.length / seconds).toLocaleString('en')} scenarios/s (${inputs.length} varied ` +
      `inputs, one core)`,
  );
}

// Warm every path first so the first figure is not the JIT's.
for (const input of inputs) (JSON.stringify(recommendSummary(input, kb)), recommend(input, kb));
perSecond('engine, batch summary + JSON.stringify', (input) => JSON.stringify(recommendSummary(input, kb)));
perSecond('engine, full result (recommend)', (input) => recommend(input, kb));

const example = await parseRequirementsText(readFileSync('examples/log-pipeline.yaml', 'utf8'), 'log-pipeline.yaml');
const evaluation = evaluate(example, kb);
robustness(evaluation, 10_000, 1); // warm up
const runs = 20;
const start = performance.now();
for (let i = 0; i < runs; i++) robustness(evaluation, 10_000, i + 1);
console.log(`robustness, 10,000 samples: ${((performance.now() - start) / runs).toFixed(1)} ms (log-pipeline example)`);
const full = performance.now();
recommend(example, kb, { sensitivity: { robustnessSamples: 10_000 } });
console.log(
  `full sensitivity analysis (weights, numbers, features, 10,000 ` +
    `samples): ${(performance.now() - full).toFixed(1)} ms (log-pipeline example)`,
);
