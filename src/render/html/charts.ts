import { CRITERION_LABELS } from '../../engine/labels.js';
import type { ClusterModeChoice, Result, Sensitivity } from '../../engine/types.js';
import { fmt } from '../common.js';
import { html, n, type HtmlValue, type SafeHtml } from './template.js';

/**
 * Inline SVG charts of a result. Every number drawn is read from the result (never recomputed), and is
 * also written as a data-* attribute, so the browser test can hold the picture to the JSON. Each chart
 * has a <title> and <desc>; colours come from the page's CSS variables (light, dark, print).
 */

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function svg(id: string, width: number, height: number, title: string, desc: string, body: HtmlValue): SafeHtml {
  return html`<svg id="${id}" viewBox="0 0 ${width} ${n(height)}" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${title}</title><desc id="${id}-desc">${desc}</desc>${body}</svg>`;
}

/** Scores 0–100 as horizontal bars, the winner's lead over #2 as a bracket, eliminated brokers below. */
export function scoreChart(result: Result): SafeHtml {
  const rec = result.recommendation;
  const rows = result.ranking;
  const W = 760;
  const left = 320;
  const span = 370;
  const rowH = 44;
  const top = 26;
  const height = top + (rows.length + result.eliminated.length) * rowH + 6;
  const x = (score: number) => left + (Math.max(0, Math.min(100, score)) / 100) * span;
  const tied = new Set(rec && !rec.clearWinner ? [rec.broker, ...(rec.tiedWith ?? [])] : []);
  const ticks = [0, 20, 40, 60, 80, 100].map(
    (t) =>
      html`<line class="grid" x1="${n(x(t))}" x2="${n(x(t))}" y1="${top - 6}" y2="${n(height - 6)}"/><text class="muted" x="${n(x(t))}" y="${top - 10}" text-anchor="middle" font-size="11">${t}</text>`,
  );
  const bars = rows.map((r, i) => {
    const y = top + i * rowH;
    const kind = tied.has(r.broker) ? 'tie' : i === 0 && rec?.clearWinner ? 'win' : 'bar';
    const profile = r.profiles.map((p) => p.name).join(' + ');
    return html`<g class="score-row" data-broker="${r.broker}" data-rank="${r.rank}" data-score="${r.score.toFixed(1)}"><title>${`${r.rank}. ${r.name} (${profile}): score ${r.score.toFixed(1)} of 100`}</title><text x="0" y="${y + 14}" font-weight="600">${cut(`${r.rank}. ${r.name}`, 38)}</text><text class="muted" x="0" y="${y + 29}" font-size="11">${cut(profile, 56)}</text><rect class="${kind}" x="${left}" y="${y + 4}" width="${n(x(r.score) - left)}" height="20" rx="2"/><text class="score-value" x="${n(x(r.score) + 6)}" y="${y + 19}" font-weight="600">${r.score.toFixed(1)}</text></g>`;
  });
  let bracket: SafeHtml | undefined;
  if (rec && rec.margin !== null && rows.length >= 2) {
    const [x1, x2] = [x(rows[1]!.score), x(rows[0]!.score)];
    const y = top + rowH - 8;
    const label = `margin ${rec.margin.toFixed(1)} points: ${rec.clearWinner ? 'clear winner' : 'no clear winner'}`;
    bracket = html`<g class="margin" data-margin="${rec.margin.toFixed(1)}" data-clear-winner="${String(rec.clearWinner)}"><title>${label}</title><path class="bracket" d="M${n(x1)} ${y - 4}V${y}H${n(x2)}V${y - 4}"/>${x2 + 210 <= W ? html`<text x="${n(x2 + 6)}" y="${y + 4}" font-size="11">${label}</text>` : html`<text x="${n(x1 - 6)}" y="${y + 4}" font-size="11" text-anchor="end">${label}</text>`}</g>`;
  }
  const gone = result.eliminated.map((e, i) => {
    const y = top + (rows.length + i) * rowH;
    return html`<g class="eliminated-row" data-broker="${e.broker}"><title>${`${e.name}: eliminated — ${e.reasons.join('; ')}`}</title><text class="muted" x="0" y="${y + 14}">${cut(e.name, 42)}</text><text class="muted" x="${left}" y="${y + 19}" font-size="12">${cut(`eliminated: ${e.reasons[0] ?? ''}${e.reasons.length > 1 ? ` (+${e.reasons.length - 1} more)` : ''}`, 64)}</text></g>`;
  });
  const desc =
    rows.length === 0
      ? 'No broker meets the hard constraints.'
      : `${rows.map((r) => `${r.name} ${r.score.toFixed(1)}`).join(', ')}${rec?.margin != null ? `; margin ${rec.margin.toFixed(1)}` : ''}${result.eliminated.length > 0 ? `; eliminated: ${result.eliminated.map((e) => e.name).join(', ')}` : ''}`;
  return svg('chart-scores', W, height, 'Score of each broker, 0 to 100', desc, [ticks, bars, bracket, gone]);
}

type WeightRange = Sensitivity['weights'][number];

/** What the annotation of one weight's row says, in words (also its <title>). */
function weightRangeWords(w: WeightRange, winner: string): string {
  const words: string[] = [];
  if (w.holdsFrom > 0) words.push(`below ${fmt(w.holdsFrom)}: ${w.winnerBelow ?? 'another broker'} wins`);
  if (w.holdsTo === null) words.push(w.holdsFrom > 0 ? 'no upper limit' : `${winner} stays first at any weight`);
  else
    words.push(
      `above ${fmt(w.holdsTo)}${w.holdsTo > 10 ? ' (beyond 10)' : ''}: ${w.winnerAbove ?? 'another broker'} wins`,
    );
  return words.join('; ');
}

/** Each weight's interval (others fixed) in which the winner stays first, on a 0–10 axis. */
export function weightChart(result: Result, sensitivity: Sensitivity): SafeHtml {
  const winner = result.recommendation?.broker ?? '';
  const W = 860;
  const left = 200;
  const span = 350;
  const rowH = 32;
  const top = 26;
  const height = top + sensitivity.weights.length * rowH + 4;
  const x = (v: number) => left + (Math.max(0, Math.min(10, v)) / 10) * span;
  const ticks = [0, 2, 4, 6, 8, 10].map(
    (t) =>
      html`<line class="grid" x1="${n(x(t))}" x2="${n(x(t))}" y1="${top - 6}" y2="${n(height - 4)}"/><text class="muted" x="${n(x(t))}" y="${top - 10}" text-anchor="middle" font-size="11">${t}</text>`,
  );
  const rows = sensitivity.weights.map((w, i) => {
    const y = top + i * rowH;
    const to = w.holdsTo === null ? 10 : Math.min(w.holdsTo, 10);
    const words = weightRangeWords(w, winner);
    const lines = words.length > 44 ? words.split('; ') : [words];
    const annotation = lines.map(
      (line, k) =>
        html`<tspan x="${left + span + 14}" y="${lines.length === 1 ? y + 17 : y + 11 + k * 13}">${cut(line, 46)}</tspan>`,
    );
    const below =
      w.holdsFrom > 0
        ? html`<rect class="lose" x="${left}" y="${y + 7}" width="${n(x(w.holdsFrom) - left)}" height="12"><title>${`below ${fmt(w.holdsFrom)}: ${w.winnerBelow ?? ''}`}</title></rect>`
        : '';
    const above =
      w.holdsTo !== null && w.holdsTo < 10
        ? html`<rect class="lose" x="${n(x(w.holdsTo))}" y="${y + 7}" width="${n(x(10) - x(w.holdsTo))}" height="12"><title>${`above ${fmt(w.holdsTo)}: ${w.winnerAbove ?? ''}`}</title></rect>`
        : '';
    return html`<g class="weight-row" data-criterion="${w.criterion}" data-weight="${String(w.weight)}" data-holds-from="${String(w.holdsFrom)}" data-holds-to="${w.holdsTo === null ? 'none' : String(w.holdsTo)}" data-winner-below="${w.winnerBelow ?? ''}" data-winner-above="${w.winnerAbove ?? ''}"><title>${`weight of ${CRITERION_LABELS[w.criterion]}, now ${fmt(w.weight)}: ${winner} stays first from ${fmt(w.holdsFrom)} to ${w.holdsTo === null ? 'any weight' : fmt(w.holdsTo)}; ${words}`}</title><text x="0" y="${y + 17}">${CRITERION_LABELS[w.criterion]} <tspan class="muted" font-size="11">now ${fmt(w.weight)}</tspan></text><rect class="hold" x="${n(x(w.holdsFrom))}" y="${y + 7}" width="${n(x(to) - x(w.holdsFrom))}" height="12"/>${below}${above}<circle class="mark" cx="${n(x(w.weight))}" cy="${y + 13}" r="5.5"/><text class="range-words" font-size="12">${annotation}</text></g>`;
  });
  const desc = sensitivity.weights
    .map((w) => `${CRITERION_LABELS[w.criterion]} (now ${fmt(w.weight)}): ${weightRangeWords(w, winner)}`)
    .join('. ');
  return svg('chart-weights', W, height, `Weights between 0 and 10 at which ${winner} stays first`, desc, [
    ticks,
    rows,
  ]);
}

/** The share of random weight vectors each broker won, as one stacked bar. */
export function robustnessChart(robustness: NonNullable<Sensitivity['robustness']>, winner: string): SafeHtml {
  const W = 760;
  const span = 740;
  const entries = Object.entries(robustness.winners).sort((a, b) =>
    a[0] === winner ? -1 : b[0] === winner ? 1 : b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  );
  const total = Math.max(1, robustness.samples);
  let at = 10;
  const parts = entries.map(([broker, count]) => {
    const width = (count / total) * span;
    const part = html`<g class="robust-part" data-broker="${broker}" data-count="${count}"><title>${`${broker}: first in ${count} of ${robustness.samples}`}</title><rect class="${broker === winner ? 'win' : 'bar'}" x="${n(at)}" y="8" width="${n(width)}" height="22"/>${width > 110 ? html`<text x="${n(at + 6)}" y="46" font-size="12">${`${broker}: ${count} of ${robustness.samples}`}</text>` : ''}</g>`;
    at += width;
    return part;
  });
  const desc = entries.map(([broker, count]) => `${broker} first in ${count} of ${robustness.samples}`).join(', ');
  return svg('chart-robustness', W, 54, `Who wins under ${robustness.samples} random weight vectors`, desc, parts);
}

/** The cluster mode as boxes: one per role with its node count; the second site when one is planned. */
export function clusterDiagram(mode: ClusterModeChoice, id: string): SafeHtml {
  const W = 720;
  const roles = mode.nodes;
  const gap = 12;
  const roleW = Math.min(230, (W - 40 - gap * (roles.length - 1)) / Math.max(1, roles.length));
  const dot = 16;
  const perRow = Math.max(1, Math.floor((roleW - 20) / dot));
  const maxRows = 3;
  const rowsOf = (count: number) => Math.min(maxRows, Math.ceil(Math.max(1, count) / perRow));
  const roleH = 52 + Math.max(1, ...roles.map((r) => rowsOf(r.count))) * dot;
  const siteH = roleH + 44;
  const mdc = mode.multiDatacenter;
  const height = 10 + siteH + (mdc ? 70 + 58 : 0) + 10;
  const boxes = roles.map((r, i) => {
    const x0 = 20 + i * (roleW + gap);
    const y0 = 44;
    const shown = r.count > perRow * maxRows ? perRow * maxRows - 1 : r.count;
    const dots = Array.from(
      { length: shown },
      (_, k) =>
        html`<rect class="node" x="${n(x0 + 10 + (k % perRow) * dot)}" y="${n(y0 + 48 + Math.floor(k / perRow) * dot)}" width="12" height="12" rx="2"/>`,
    );
    const more =
      shown < r.count
        ? html`<text class="muted" x="${n(x0 + 10 + (shown % perRow) * dot)}" y="${n(y0 + 58 + Math.floor(shown / perRow) * dot)}" font-size="10">+${r.count - shown}</text>`
        : '';
    return html`<g class="role-group" data-role="${r.role}" data-count="${r.count}"><title>${`${r.count} × ${r.role}${r.note ? ` — ${r.note}` : ''}`}</title><rect class="role" x="${n(x0)}" y="${y0}" width="${n(roleW)}" height="${roleH}" rx="6"/><text x="${n(x0 + 10)}" y="${y0 + 20}" font-weight="600">${cut(r.role, Math.floor(roleW / 8))}</text><text class="role-count" x="${n(x0 + 10)}" y="${y0 + 38}" font-size="15" font-weight="700">${`× ${r.count}`}</text>${dots}${more}</g>`;
  });
  const site = html`<rect class="site" x="10" y="10" width="${W - 20}" height="${siteH}" rx="8"/><text x="22" y="32" font-weight="600">${mdc ? 'Site A (primary)' : 'One datacenter'}: ${cut(mode.name, 60)}</text><text class="muted" x="${W - 22}" y="32" text-anchor="end" font-size="12" data-total-nodes="${mode.totalNodes}">${`${mode.totalNodes} node${mode.totalNodes === 1 ? '' : 's'} in total`}</text>`;
  let second: HtmlValue = '';
  if (mdc) {
    const y1 = 10 + siteH;
    const y2 = y1 + 70;
    second = html`<g class="second-site" data-multi-datacenter="${mdc.id}"><title>${`${mdc.name}: ${mdc.replication} replication, ${mdc.failover} failover; RPO: ${mdc.rpo}`}</title><path class="link" d="M${W / 2} ${y1}V${y2 - 8}"/><path class="arrow" d="M${W / 2 - 6} ${y2 - 10}L${W / 2} ${y2}L${W / 2 + 6} ${y2 - 10}Z"/><text x="${W / 2 + 14}" y="${y1 + 30}" font-weight="600">${cut(mdc.name, 40)}</text><text class="muted" x="${W / 2 + 14}" y="${y1 + 48}" font-size="12">${`${mdc.replication} replication, ${mdc.failover} failover`}</text><rect class="site" x="10" y="${y2}" width="${W - 20}" height="58" rx="8"/><text x="22" y="${y2 + 24}" font-weight="600">Site B (second datacenter)</text><text class="muted" x="22" y="${y2 + 44}" font-size="12">${cut(`a second cluster; ${mdc.name} copies the data to it`, 100)}</text></g>`;
  }
  const desc = `${mode.name}: ${roles.map((r) => `${r.count} × ${r.role}`).join(', ')} (${mode.totalNodes} nodes)${mdc ? `; second site by ${mdc.name}, ${mdc.replication} replication, ${mdc.failover} failover` : ''}`;
  return svg(id, W, height, `Cluster mode: ${mode.name}`, desc, [site, boxes, second]);
}
