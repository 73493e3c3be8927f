/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (the page.evaluate callbacks run in the browser and use its DOM types)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/engine/types.js';
import type { Comparison } from '../src/render/compare.js';
import { EXAMPLES, ROOT, runCli } from './helpers.js';

/**
 * The HTML reports in a real browser: Debian's chromium, driven by playwright-core (which never downloads
 * a browser of its own; .ci/run installs chromium when it is missing). Each bundled example's report is
 * opened from file:// with every other request refused; the page must log no error and ask for nothing,
 * and what its charts say must be what the JSON result says. Screenshots go to a temporary folder;
 * UPDATE_SCREENSHOT=1 also replaces the one in docs/ that the README shows.
 */
const CHROMIUM = '/usr/bin/chromium';
const HOSTILE = '<script>alert(1)</script>';
const SCREENSHOT = join(ROOT, 'docs', 'report-log-pipeline.png');
const examples = readdirSync(EXAMPLES)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();

let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (what .ci/run does)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  dir = mkdtempSync(join(tmpdir(), 'mqselect-browser-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  context: BrowserContext;
  /** console errors, page errors, dialogs and every request that was not for a file:// URL */
  problems: string[];
}

async function open(file: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 1400 },
    colorScheme,
    javaScriptEnabled: true,
  });
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    problems.push(`network request: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, context, problems };
}

/** Runs the CLI for the JSON result and the HTML report (-o) of one requirements file. */
async function report(input: string, name: string): Promise<{ result: Result; file: string }> {
  const file = join(dir, `${name}.html`);
  const [json, html] = await Promise.all([
    runCli(['recommend', input, '--format', 'json']),
    runCli(['recommend', input, '--format', 'html', '-o', file]),
  ]);
  expect(html.stderr).toBe('');
  expect(html.stdout.trim()).toBe(file);
  expect(html.code).toBe(json.code);
  return { result: JSON.parse(json.stdout) as Result, file };
}

/** What the page draws, read from its charts and tables. */
function drawn(page: Page) {
  return page.evaluate(() => {
    const all = (selector: string) => [...document.querySelectorAll(selector)];
    const data = (e: Element, name: string) => e.getAttribute(`data-${name}`);
    return {
      h1: document.querySelector('h1')?.textContent ?? '',
      title: document.title,
      scripts: all('script').length,
      scores: all('#chart-scores .score-row').map((e) => ({
        broker: data(e, 'broker'),
        rank: data(e, 'rank'),
        score: data(e, 'score'),
        text: e.querySelector('.score-value')?.textContent,
      })),
      margin: all('#chart-scores .margin').map((e) => ({
        margin: data(e, 'margin'),
        clear: data(e, 'clear-winner'),
        text: e.querySelector('text')?.textContent,
      })),
      eliminated: all('#chart-scores .eliminated-row').map((e) => data(e, 'broker')),
      heat: all('#fit-heat td[data-criterion]').map((e) => ({
        broker: data(e, 'broker'),
        criterion: data(e, 'criterion'),
        fit: data(e, 'fit'),
        weight: data(e, 'weight'),
        text: e.firstChild?.textContent,
      })),
      weights: all('#chart-weights .weight-row').map((e) => ({
        criterion: data(e, 'criterion'),
        weight: data(e, 'weight'),
        from: data(e, 'holds-from'),
        to: data(e, 'holds-to'),
        below: data(e, 'winner-below'),
        above: data(e, 'winner-above'),
      })),
      roles: all('#cluster-winner .role-group').map((e) => ({
        role: data(e, 'role'),
        count: data(e, 'count'),
        text: e.querySelector('.role-count')?.textContent,
      })),
      secondSite: all('#cluster-winner .second-site').map((e) => data(e, 'multi-datacenter')),
      contributions: all('#brokers tr[data-part]').length,
      svgsWithoutTitle: all('svg').filter((s) => !s.querySelector(':scope > title')).length,
      headerCellsWithoutScope: all('th').filter((th) => !th.hasAttribute('scope') && th.textContent !== '').length,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
}

describe('HTML reports in chromium', () => {
  for (const example of examples) {
    it(`${example}: no error, no request, the charts say what the JSON says`, async () => {
      const name = example.replace(/\.(ya?ml|json)$/, '');
      const { result, file } = await report(join(EXAMPLES, example), name);
      const { page, context, problems } = await open(file);
      try {
        const d = await drawn(page);
        expect(problems).toEqual([]);
        expect(d.title).toBe(`mqselect — ${result.title ?? 'Message broker recommendation'}`);
        expect(d.scripts).toBe(1);
        expect(d.svgsWithoutTitle).toBe(0);
        expect(d.headerCellsWithoutScope).toBe(0);
        expect(d.scores).toEqual(
          result.ranking.map((r) => ({
            broker: r.broker,
            rank: String(r.rank),
            score: r.score.toFixed(1),
            text: r.score.toFixed(1),
          })),
        );
        expect(d.eliminated).toEqual(result.eliminated.map((e) => e.broker));
        const rec = result.recommendation!;
        if (rec.margin !== null && result.ranking.length > 1)
          expect(d.margin).toEqual([
            {
              margin: rec.margin.toFixed(1),
              clear: String(rec.clearWinner),
              text: `margin ${rec.margin.toFixed(1)} points: ${rec.clearWinner ? 'clear winner' : 'no clear winner'}`,
            },
          ]);
        else expect(d.margin).toEqual([]);
        const top = result.ranking.slice(0, 5);
        expect(d.heat).toHaveLength(top.length * 7);
        for (const cell of d.heat) {
          const b = top.find((r) => r.broker === cell.broker)!.breakdown[
            cell.criterion as keyof Result['ranking'][number]['breakdown']
          ];
          expect(Number(cell.fit)).toBe(b.fit);
          expect(Number(cell.weight)).toBe(b.weight);
          expect(cell.text).toBe(b.weight === 0 ? '—' : `${b.fit.toFixed(2)}${b.confidence === 'low' ? '*' : ''}`);
        }
        expect(d.weights).toEqual(
          result.sensitivity!.weights.map((w) => ({
            criterion: w.criterion,
            weight: String(w.weight),
            from: String(w.holdsFrom),
            to: w.holdsTo === null ? 'none' : String(w.holdsTo),
            below: w.winnerBelow ?? '',
            above: w.winnerAbove ?? '',
          })),
        );
        const winner = result.ranking.find((r) => r.broker === rec.broker)!;
        expect(d.roles).toEqual(
          winner.clusterMode.nodes.map((x) => ({ role: x.role, count: String(x.count), text: `× ${x.count}` })),
        );
        expect(d.secondSite).toEqual(winner.clusterMode.multiDatacenter ? [winner.clusterMode.multiDatacenter.id] : []);
        expect(d.contributions).toBe(result.ranking.reduce((sum, r) => sum + r.contributions.length, 0));
        const shot = await page.screenshot({ path: join(dir, `${name}.png`) });
        expect(shot.subarray(1, 4).toString()).toBe('PNG');
        if (name === 'log-pipeline' && process.env.UPDATE_SCREENSHOT === '1') {
          mkdirSync(join(ROOT, 'docs'), { recursive: true });
          writeFileSync(SCREENSHOT, await page.screenshot({ clip: { x: 0, y: 0, width: 1100, height: 1400 } }));
        }
      } finally {
        await context.close();
      }
    });
  }

  it('a hostile title is shown as text and runs nothing', async () => {
    const input = join(dir, 'hostile.yaml');
    writeFileSync(input, `version: 1\ntitle: "${HOSTILE}"\n`);
    const { file } = await report(input, 'hostile');
    const { page, context, problems } = await open(file);
    try {
      const d = await drawn(page);
      expect(problems).toEqual([]);
      expect(d.h1).toBe(HOSTILE);
      expect(d.title).toBe(`mqselect — ${HOSTILE}`);
      expect(d.scripts).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('no feasible broker: the closest options and the eliminations are shown, nothing fails', async () => {
    const input = join(dir, 'infeasible.yaml');
    writeFileSync(input, 'version: 1\nfeatures: { xaTransactions: strict, replay: strict }\n');
    const { result, file } = await report(input, 'infeasible');
    expect(result.recommendation).toBeNull();
    const { page, context, problems } = await open(file);
    try {
      const d = await drawn(page);
      expect(problems).toEqual([]);
      expect(d.eliminated).toEqual(result.eliminated.map((e) => e.broker));
      expect(await page.locator('#relaxations tbody tr').count()).toBe(result.relaxations!.length);
    } finally {
      await context.close();
    }
  });

  it('dark, and printed to A4 with every contribution open', async () => {
    const file = join(dir, 'task-queue.html');
    if (!existsSync(file)) await report(join(EXAMPLES, 'task-queue.json'), 'task-queue');
    const dark = await open(file, 'dark');
    try {
      expect((await drawn(dark.page)).background).toBe('rgb(13, 17, 23)');
      await dark.page.screenshot({ path: join(dir, 'task-queue-dark.png') });
      expect(await dark.page.locator('details[open]').count()).toBe(0);
      const pdf = await dark.page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // The page's one script opened every <details> before printing.
      expect(await dark.page.locator('details:not([open])').count()).toBe(0);
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.context.close();
    }
  });

  it('compare --format html: every rating in the heat map is the JSON one', async () => {
    const file = join(dir, 'compare.html');
    const [json, html] = await Promise.all([
      runCli(['compare', '--format', 'json']),
      runCli(['compare', '--format', 'html', '-o', file]),
    ]);
    expect(html.code).toBe(0);
    const comparison = JSON.parse(json.stdout) as Comparison;
    const { page, context, problems } = await open(file);
    try {
      const ratings = await page.evaluate(() =>
        [...document.querySelectorAll('#ratings td[data-rating]')].map((e) => [
          e.getAttribute('data-broker'),
          e.getAttribute('data-dimension'),
          e.getAttribute('data-rating'),
          e.textContent,
        ]),
      );
      expect(problems).toEqual([]);
      expect(ratings).toEqual(
        comparison.brokers
          .flatMap((b) =>
            Object.keys(b.dimensions).map((dim) => [
              b.id,
              dim,
              String(b.dimensions[dim]!.rating),
              `${b.dimensions[dim]!.rating}/5`,
            ]),
          )
          .sort(byDimension(comparison)),
      );
      expect(readFileSync(file, 'utf8')).toContain('<h1>Message brokers compared</h1>');
    } finally {
      await context.close();
    }
  });
});

/** The heat map lists rows (dimensions) then brokers; the JSON lists brokers then dimensions. */
function byDimension(comparison: Comparison) {
  const dims = Object.keys(comparison.brokers[0]!.dimensions);
  const ids = comparison.brokers.map((b) => b.id);
  return (a: Array<string | null>, b: Array<string | null>) =>
    dims.indexOf(a[1]!) - dims.indexOf(b[1]!) || ids.indexOf(a[0]!) - ids.indexOf(b[0]!);
}
