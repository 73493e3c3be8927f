import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recommend } from '../src/engine/recommend.js';
import { RENDERERS, RECOMMEND_FORMATS } from '../src/render/index.js';
import { PLAIN } from '../src/render/style.js';
import { compareBrokers, renderCompareMarkdown, renderCompareTable } from '../src/render/compare.js';
import { renderCompareHtml } from '../src/render/html/compare.js';
import { ROOT, example, shippedKb } from './helpers.js';

/**
 * Golden files: the exact text each renderer prints for each shipped example. A change to the output
 * shows up as a diff to review; regenerate with npx vitest run -u test/render.test.ts.
 */
const GOLDEN = join(ROOT, 'test', 'golden');
const EXTENSION = { table: 'txt', json: 'json', markdown: 'md', html: 'html' } as const;
const EXAMPLE_FILES = ['log-pipeline.yaml', 'order-transactions.yaml', 'task-queue.json', 'jms-integration.yaml'];

const golden = (name: string, actual: string) => expect(actual).toMatchFileSnapshot(join(GOLDEN, name));

describe('renderers (golden files)', () => {
  for (const file of EXAMPLE_FILES) {
    for (const format of RECOMMEND_FORMATS) {
      it(`${format}: ${file}`, async () => {
        // As the CLI does by default: with the sensitivity analysis (1000 samples, seed 1).
        const result = recommend(await example(file), await shippedKb(), { sensitivity: {} });
        const render = await RENDERERS[format]();
        await golden(
          `${file.replace(/\.(yaml|json)$/, '')}.${EXTENSION[format]}`,
          render(result, { style: PLAIN, explain: format !== 'json' && file === 'task-queue.json' }),
        );
      });
    }
  }

  for (const format of ['table', 'markdown', 'json', 'html'] as const) {
    it(`compare: ${format}`, async () => {
      const kb = await shippedKb();
      const comparison = compareBrokers(kb, kb.brokers);
      const text =
        format === 'table'
          ? renderCompareTable(comparison, PLAIN)
          : format === 'markdown'
            ? renderCompareMarkdown(comparison)
            : format === 'html'
              ? renderCompareHtml(comparison)
              : `${JSON.stringify(comparison, null, 2)}\n`;
      await golden(`compare.${EXTENSION[format]}`, text);
    });
  }

  it('table --explain lists every contribution and their sum equals the score', async () => {
    const result = recommend(await example('log-pipeline.yaml'), await shippedKb());
    const text = (await RENDERERS.table())(result, { style: PLAIN, explain: true });
    for (const r of result.ranking)
      expect(text).toContain(`sum of contributions = ${r.score.toFixed(1)} = score ${r.score.toFixed(1)}`);
  });

  it('the table for no feasible broker says so and lists every elimination', async () => {
    const reqs = { version: 1 as const, features: { xaTransactions: 'strict' as const, replay: 'strict' as const } };
    const text = (await RENDERERS.table())(recommend(reqs, await shippedKb()), { style: PLAIN, explain: false });
    expect(text).toContain('No broker meets the hard constraints.');
    for (const id of ['activemq', 'kafka', 'rabbitmq', 'rocketmq']) expect(text).toContain(`  ${id}:`);
  });

  it('JSON follows the documented contract keys in a stable order', async () => {
    const result = JSON.parse(
      (await RENDERERS.json())(recommend(await example('task-queue.json'), await shippedKb()), {
        style: PLAIN,
        explain: false,
      }),
    );
    expect(Object.keys(result)).toEqual([
      'schemaVersion',
      'kb',
      'title',
      'recommendation',
      'ranking',
      'eliminated',
      'assumed',
      'warnings',
      'weights',
      'comparison',
    ]);
    expect(Object.keys(result.recommendation)).toEqual([
      'broker',
      'name',
      'profile',
      'clusterMode',
      'score',
      'margin',
      'clearWinner',
      'summary',
    ]);
    expect(Object.keys(result.ranking[0])).toEqual([
      'rank',
      'broker',
      'name',
      'profile',
      'profiles',
      'score',
      'breakdown',
      'contributions',
      'reasons',
      'clusterMode',
      'lowConfidence',
      'alternatives',
    ]);
  });
});
