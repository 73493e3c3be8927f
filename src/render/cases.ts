import type { CaseReport } from '../cases/report.js';
import { wrapText } from './wrap.js';
import type { Style } from './style.js';

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** `kb cases`: agreement with real decisions, then every miss with what decided it. */
export function renderCaseReport(report: CaseReport, style: Style, width?: number): string {
  const out: string[] = [];
  out.push(
    style.bold(
      `mqselect kb cases — ${report.inScope} decisions in scope, ${report.cases - report.inScope} out of scope ` +
        `(knowledge base ${report.kb.version})`,
    ),
    '',
  );
  out.push(
    `top-1 agreement: ${report.top1}/${report.inScope} (${pct(report.top1Share)})    ` +
      `top-2: ${report.top2}/${report.inScope} (${pct(report.top2Share)})    ` +
      `weighted by confidence: ${pct(report.weightedTop1Share)}`,
  );
  const violations = report.mustNotViolations;
  out.push(
    `must-not violations (a broker the organisation rejected ranked ` +
      `first): ${violations.length === 0 ? 'none' : violations.map((v) => `${v.id} (${v.winner})`).join(', ')}`,
    '',
  );
  out.push(style.bold('by chosen broker'));
  for (const b of report.byBroker)
    out.push(`  ${b.broker.padEnd(10)} ${`${b.top1}/${b.cases}`.padStart(5)}  ${pct(b.share).padStart(4)}`);
  const misses = report.outcomes.filter((o) => o.inScope && !o.top1);
  if (misses.length > 0) {
    out.push('', style.bold('misses'));
    for (const o of misses) {
      const ranking = o.ranking.map((r) => `${r.broker} ${r.score.toFixed(1)}`).join(' > ') || 'nothing feasible';
      out.push(
        `  ${style.bad(o.id)} (${o.confidence}): chose ${o.chosen}; mqselect ranks ${ranking}`,
        ...o.decisive.map((d) => `      ${d}`),
      );
    }
  }
  const weak = report.outcomes.filter((o) => o.missingStrengths.length > 0);
  if (weak.length > 0) {
    out.push('', style.bold('expected strengths not shown by the winner'));
    for (const o of weak) out.push(`  ${o.id}: ${o.missingStrengths.join(', ')}`);
  }
  const outside = report.outcomes.filter((o) => !o.inScope);
  if (outside.length > 0) {
    out.push('', style.bold('out of scope (chose a system outside the knowledge base)'));
    for (const o of outside)
      out.push(
        `  ${o.id}: chose ${o.chosen.replace(/^other:/, '')}; mqselect ranks ${o.winner ?? 'nothing'} ` +
          `first${o.mustNot ? ` — ${style.bad('which it rejected')}` : ''}`,
      );
  }
  return `${wrapText(out.join('\n'), width)}\n`;
}
