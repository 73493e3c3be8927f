import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recommend } from '../src/engine/recommend.js';
import type { Result } from '../src/engine/types.js';
import { compareBrokers } from '../src/render/compare.js';
import { renderCompareHtml } from '../src/render/html/compare.js';
import { KNOWN } from '../src/render/html/extra.js';
import { HEAT_MAX, PALETTE, PRINT_SCRIPT, PRINT_SCRIPT_SHA256 } from '../src/render/html/page.js';
import { renderHtml } from '../src/render/html/report.js';
import { escapeHtml, html, link, trusted } from '../src/render/html/template.js';
import { PLAIN } from '../src/render/style.js';
import { clusterModeChoiceSchema, nodeCountSchema, rankedBrokerSchema, resultSchema } from '../src/result/schema.js';
import { EXAMPLES, example, requirements, shippedKb } from './helpers.js';

const HOSTILE = '<script>alert(1)</script>';
const render = (result: Result, explain = false) => renderHtml(result, { style: PLAIN, explain });
const exampleFiles = readdirSync(EXAMPLES)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();

describe('html templating', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    expect(html`<p title="${`" onmouseover="x`}">${HOSTILE}</p>`.text).toBe(
      '<p title="&quot; onmouseover=&quot;x">&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('a\u001b[31mb\u0000c\u007f\td\ne')).toBe('a\\x1b[31mb\\x00c\\x7f\td\ne');
  });

  it('keeps fragments, joins lists, drops null, undefined and false, prints numbers', () => {
    const inner = html`<b>${'a&b'}</b>`;
    expect(html`${inner}|${['<i>', inner]}|${null}${undefined}${false}|${0}|${1.5}`.text).toBe(
      '<b>a&amp;b</b>|&lt;i&gt;<b>a&amp;b</b>||0|1.5',
    );
    expect(html`${trusted('<hr>')}`.text).toBe('<hr>');
  });

  it('links only http(s) addresses; anything else stays text', () => {
    expect(link('https://kafka.apache.org/documentation/').text).toBe(
      '<a href="https://kafka.apache.org/documentation/">https://kafka.apache.org/documentation/</a>',
    );
    expect(link('javascript:alert(1)').text).toBe('javascript:alert(1)');
    expect(link('https://x.example/"onmouseover="alert(1)').text).not.toContain('<a');
  });
});

describe('html page', () => {
  it('allows its one inline script by hash, and nothing else to load', async () => {
    expect(createHash('sha256').update(PRINT_SCRIPT).digest('base64')).toBe(PRINT_SCRIPT_SHA256);
    const page = render(recommend(await example('task-queue.json'), await shippedKb(), { sensitivity: {} }));
    expect(page).toContain(`script-src 'sha256-${PRINT_SCRIPT_SHA256}'`);
    expect(page).toContain("default-src 'none'");
    expect(page.match(/<script/g)).toHaveLength(1);
    // No external resource: no src=, no url(), no @import, no <link>.
    expect(page).not.toMatch(/\ssrc=|url\(|@import|<link\b/);
  });

  it('shows a hostile title and hostile KB text as text', async () => {
    const result = recommend(await requirements(`version: 1\ntitle: "${HOSTILE}"\n`), await shippedKb(), {
      sensitivity: { robustnessSamples: 0 },
    });
    const first = result.ranking[0]!;
    const hostile: Result = {
      ...result,
      ranking: [
        {
          ...first,
          name: `<img src=x onerror=alert(1)>`,
          contributions: first.contributions.map((c) => ({
            ...c,
            reason: `"><svg onload=alert(1)>`,
            sources: ['javascript:alert(1)'],
          })),
        },
        ...result.ranking.slice(1),
      ],
    };
    const page = render(hostile);
    expect(page).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(page).toContain('<title>mqselect — &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<svg onload');
    expect(page).not.toContain('href="javascript:');
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('text and charts keep their contrast in light and dark (WCAG: text 4.5:1, graphics 3:1)', () => {
    for (const [scheme, p] of Object.entries(PALETTE)) {
      for (const back of [p.bg, p.panel]) {
        for (const text of [p.fg, p.muted, p.accent, p.good, p.bad, p.warn])
          expect(contrast(text, back), `${scheme}: ${text} on ${back}`).toBeGreaterThanOrEqual(4.5);
      }
      for (const graphic of [p.accent, p.bar, p.bad, p.warn])
        expect(contrast(graphic, p.bg), `${scheme}: ${graphic} on ${p.bg}`).toBeGreaterThanOrEqual(3);
      // Chart labels are drawn beside bars, never on them, but the heat map's text sits on its tint.
      expect(contrast(p.fg, blend(p.accent, p.bg, HEAT_MAX)), `${scheme}: heat-map text`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('html report content', () => {
  it(
    'every bundled example: at most 200 KB, byte-identical for the same input, every contribution ' + 'present',
    async () => {
      for (const file of exampleFiles) {
        const reqs = await example(file);
        const page = render(recommend(reqs, await shippedKb(), { sensitivity: {} }));
        const again = render(recommend(reqs, await shippedKb(), { sensitivity: {} }));
        expect(again === page, file).toBe(true);
        expect(Buffer.byteLength(page), file).toBeLessThanOrEqual(200 * 1024);
        const result = recommend(reqs, await shippedKb(), { sensitivity: {} });
        expect(page.match(/<tr data-criterion="[^"]*" data-part=/g)?.length ?? 0, file).toBe(
          result.ranking.reduce((sum, r) => sum + r.contributions.length, 0),
        );
      }
    },
  );

  it(
    'no feasible broker: the closest options and every elimination; --explain opens the contribution ' + 'tables',
    async () => {
      const result = recommend(
        await requirements('version: 1\nfeatures: { xaTransactions: strict, replay: strict }\n'),
        await shippedKb(),
        { sensitivity: {} },
      );
      expect(result.relaxations?.length).toBeGreaterThan(0);
      const page = render(result);
      expect(page).toContain('No broker meets the hard constraints.');
      expect(page).toContain('id="closest"');
      for (const r of result.relaxations!)
        expect(page).toContain(`<tr data-broker="${r.broker}"><th scope="row">${escapeHtml(r.name)}</th>`);
      for (const e of result.eliminated)
        for (const reason of e.reasons) expect(page).toContain(`<li>${escapeHtml(reason)}</li>`);
      const explained = render(recommend(await example('task-queue.json'), await shippedKb()), true);
      expect(explained).toContain('-contributions" open>');
    },
  );

  it('without the analysis it lists what would change the answer from the comparison', async () => {
    const result = recommend(await example('log-pipeline.yaml'), await shippedKb());
    expect(result.sensitivity).toBeUndefined();
    const page = render(result);
    for (const line of result.comparison!.wouldChange) expect(page).toContain(`<li>${escapeHtml(line)}</li>`);
  });

  it('fields it does not know yet (added within schemaVersion 1) are shown, escaped, not dropped', async () => {
    const result = recommend(await example('log-pipeline.yaml'), await shippedKb(), { sensitivity: {} });
    const first = result.ranking[0]!;
    const extended = {
      ...result,
      storage: { note: HOSTILE, perBrokerGiB: 1234, link: 'javascript:alert(1)' },
      ranking: [
        {
          ...first,
          storageSizing: [{ tier: 'hot', gib: 5678 }],
          clusterMode: {
            ...first.clusterMode,
            diskPerNodeGiB: 4321,
            nodes: first.clusterMode.nodes.map((x) => ({ ...x, diskGiB: 99 })),
          },
        },
        ...result.ranking.slice(1),
      ],
    } as Result;
    const page = render(extended);
    expect(page).toContain('id="more"');
    expect(page).toContain('data-extra="storage"');
    expect(page).toContain('<dt>perBrokerGiB</dt><dd class="wrap">1234</dd>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('href="javascript:');
    for (const text of ['storageSizing', '5678', 'diskPerNodeGiB', '4321', 'diskGiB']) expect(page).toContain(text);
  });

  it('the fields it draws are fields of the result contract', () => {
    const keys = (schema: unknown) => Object.keys((schema as { shape: Record<string, unknown> }).shape);
    expect(keys(resultSchema)).toEqual(expect.arrayContaining([...KNOWN.result]));
    expect(keys(rankedBrokerSchema)).toEqual(expect.arrayContaining([...KNOWN.ranked]));
    expect(keys(clusterModeChoiceSchema)).toEqual(expect.arrayContaining([...KNOWN.clusterMode]));
    expect(keys(nodeCountSchema)).toEqual(expect.arrayContaining([...KNOWN.node]));
  });

  it('compare: every rating is in the heat map', async () => {
    const kb = await shippedKb();
    const comparison = compareBrokers(kb, kb.brokers);
    const page = renderCompareHtml(comparison);
    for (const b of comparison.brokers)
      for (const [d, x] of Object.entries(b.dimensions))
        expect(page).toContain(`data-broker="${b.id}" data-dimension="${d}" data-rating="${x.rating}"`);
  });
});

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** `top` at `alpha` over `bottom`, as color-mix(in srgb, top alpha, transparent) over the page draws it. */
function blend(top: string, bottom: string, alpha: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
  return `#${[1, 3, 5]
    .map((i) =>
      Math.round(channel(top, i) * alpha + channel(bottom, i) * (1 - alpha))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
