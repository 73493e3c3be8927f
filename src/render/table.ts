import { CRITERION_LABELS } from '../engine/labels.js';
import { CRITERIA, type RankedBroker, type Result } from '../engine/types.js';
import {
  SHORT,
  alternativeLine,
  clusterLines,
  fitCell,
  headline,
  relaxationLines,
  sensitivityLines,
  weightLine,
} from './common.js';
import type { RenderOptions } from './index.js';
import { fitTable } from './layout.js';
import { wrapText } from './wrap.js';
import { oneLine } from './text.js';

/** The terminal view: ranking with per-dimension fits, the cluster mode, reasons, eliminations. */
export function renderTable(result: Result, { style, explain, width }: RenderOptions): string {
  const out: string[] = [];
  const title = result.title ? ` — ${oneLine(result.title)}` : '';
  out.push(
    style.bold(`mqselect${title}`),
    style.dim(`knowledge base ${result.kb.version} (as of ${result.kb.asOf})`),
    '',
  );
  const rec = result.recommendation;
  out.push(
    rec
      ? rec.clearWinner
        ? style.good(style.bold(headline(result)))
        : style.warn(style.bold(headline(result)))
      : style.bad(style.bold(headline(result))),
  );
  if (rec) out.push(`cluster mode: ${rec.clusterMode.name}`);
  out.push('');

  if (result.ranking.length > 0) {
    const rows = result.ranking.map((r) => [
      String(r.rank),
      r.broker,
      r.profile,
      r.score.toFixed(1),
      ...CRITERIA.map((c) => fitCell(r, c)),
    ]);
    rows.push(['', style.dim('weight'), '', '', ...CRITERIA.map((c) => style.dim(String(result.weights[c].weight)))]);
    // Narrower than the table: the profile column goes first (each broker's section names its profiles).
    const table = fitTable(
      {
        head: ['#', 'broker', 'profile', 'score', ...CRITERIA.map((c) => SHORT[c])],
        rows,
        options: {
          style: { head: [], border: [] },
          chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        },
        droppable: [2],
        labelColumns: 2,
      },
      width,
    );
    out.push(
      table,
      style.dim('fit 0..1 per criterion; * = rests on an estimate, not a measured figure; — = weight 0'),
      '',
    );
  }

  for (const r of result.ranking) out.push(...brokerSection(r, result, style), '');
  if (result.comparison) {
    const runnerUp = result.ranking[1]!;
    out.push(
      style.bold(`Why ${result.ranking[0]!.name} over ${runnerUp.name}`),
      ...result.comparison.decisive.map((d) => `  - ${d}`),
      '',
    );
  }
  const changes = sensitivityLines(result);
  if (changes.length > 0) out.push(style.bold('What would change the answer'), ...changes.map((d) => `  - ${d}`), '');
  const closest = relaxationLines(result);
  if (closest.length > 0)
    out.push(
      style.bold('Closest options (the fewest changes that make a broker feasible)'),
      ...closest.map((line) => `  - ${line}`),
      '',
    );
  if (result.eliminated.length > 0) {
    out.push(style.bold('Eliminated (hard constraints)'));
    for (const e of result.eliminated)
      out.push(`  ${style.bad(e.broker)}:`, ...e.reasons.map((reason) => `    - ${reason}`));
    out.push('');
  }
  if (result.warnings.length > 0)
    out.push(style.bold('Warnings'), ...result.warnings.map((w) => `  - ${style.warn(w.message)} [${w.id}]`), '');
  if (result.assumed.length > 0)
    out.push(
      style.bold('Not stated, assumed'),
      ...result.assumed.map((a) => `  - ${a.field} = ${a.value}: ${a.note}`),
      '',
    );
  out.push(style.dim(`weights: ${weightLine(result)}`));
  if (explain) out.push('', ...result.ranking.flatMap((r) => explainSection(r, style, width)));
  return `${wrapText(out.join('\n'), width)}\n`;
}

function brokerSection(r: RankedBroker, result: Result, style: RenderOptions['style']): string[] {
  const lines = [
    style.bold(`${r.rank}. ${r.name} — ${r.profiles.map((p) => p.name).join(' + ')} (score ${r.score.toFixed(1)})`),
  ];
  lines.push(...clusterLines(r.clusterMode).map((line, i) => `   ${i === 0 ? 'cluster: ' : '  '}${line}`));
  for (const alt of r.alternatives) lines.push(`   ${style.dim(alternativeLine(alt))}`);
  if (r.reasons.for.length > 0) lines.push(`   ${style.good('for')}:`, ...r.reasons.for.map((x) => `     + ${x}`));
  if (r.reasons.against.length > 0)
    lines.push(`   ${style.bad('against')}:`, ...r.reasons.against.map((x) => `     - ${x}`));
  if (r.lowConfidence.length > 0 && result.recommendation)
    lines.push(`   ${style.warn('low confidence')}: ${r.lowConfidence.map((c) => CRITERION_LABELS[c]).join(', ')}`);
  return lines;
}

function explainSection(r: RankedBroker, style: RenderOptions['style'], width: number | undefined): string[] {
  const table = fitTable(
    {
      head: ['criterion', 'part', 'observed', 'expected', 'fit', 'max', 'points'],
      rows: r.contributions.map((c) => [
        CRITERION_LABELS[c.criterion],
        c.part,
        c.observed,
        c.expected,
        c.fit.toFixed(3),
        c.points.toFixed(1),
        c.contribution.toFixed(1),
      ]),
      options: { style: { head: [], border: [] }, wordWrap: true, colWidths: [13, 24, 38, 30, 7, 6, 7] },
      labelColumns: 2,
    },
    width,
  );
  const total = r.contributions.reduce((sum, c) => sum + Math.round(c.contribution * 10), 0) / 10;
  return [
    style.bold(`Every contribution: ${r.name} (${r.profile})`),
    table,
    `   sum of contributions = ${total.toFixed(1)} = score ${r.score.toFixed(1)}`,
    '',
  ];
}
