import { CRITERION_LABELS } from '../engine/labels.js';
import { CRITERIA, type Result } from '../engine/types.js';
import {
  alternativeLine,
  clusterLines,
  fitCell,
  headline,
  relaxationLines,
  sensitivityLines,
  sourcesOf,
  weightLine,
} from './common.js';
import type { RenderOptions } from './index.js';
import { markdownCell, oneLine } from './text.js';

/** Markdown for pull requests, wikis and ADRs: the same content as the table, as plain Markdown. */
export function renderMarkdown(result: Result, { explain }: RenderOptions): string {
  const out: string[] = [
    `# mqselect recommendation${result.title ? `: ${oneLine(result.title)}` : ''}`,
    '',
    `Knowledge base ${result.kb.version} (as of ${result.kb.asOf}).`,
    '',
    `**${headline(result)}**`,
    '',
  ];
  if (result.ranking.length > 0) {
    out.push(
      `| # | broker | profile | score | ${CRITERIA.map((c) => CRITERION_LABELS[c]).join(' | ')} |`,
      `|---|---|---|---:|${CRITERIA.map(() => '---:').join('|')}|`,
    );
    for (const r of result.ranking)
      out.push(
        `| ${r.rank} | ${r.name} | ${markdownCell(r.profile)} | ${r.score.toFixed(1)} ` +
          `| ${CRITERIA.map((c) => fitCell(r, c)).join(' | ')} |`,
      );
    out.push('', `Fit 0..1 per criterion; \\* = rests on an estimate; weights: ${weightLine(result)}.`, '');
  }
  for (const r of result.ranking) {
    out.push(`## ${r.rank}. ${r.name} — ${r.profiles.map((p) => p.name).join(' + ')} (${r.score.toFixed(1)})`, '');
    out.push(
      ...clusterLines(r.clusterMode).map((line, i) =>
        i === 0 ? `- **Cluster mode:** ${markdownCell(line)}` : `  - ${markdownCell(line)}`,
      ),
    );
    out.push(...r.alternatives.map((alt) => `- C${alternativeLine(alt).slice(1)}`));
    out.push(
      ...r.reasons.for.map((x) => `- Good: ${markdownCell(x)}`),
      ...r.reasons.against.map((x) => `- Bad: ${markdownCell(x)}`),
      '',
    );
    if (explain) {
      out.push('| criterion | part | observed | expected | fit | points |', '|---|---|---|---|---:|---:|');
      for (const c of r.contributions)
        out.push(
          `| ${CRITERION_LABELS[c.criterion]} | ${c.part} | ${markdownCell(c.observed)} | ` +
            `${markdownCell(c.expected)} | ${c.fit.toFixed(3)} | ${c.contribution.toFixed(1)} |`,
        );
      out.push('');
    }
    out.push(
      `Sources: ${sourcesOf(r)
        .map((s) => `<${s}>`)
        .join(', ')}`,
      '',
    );
  }
  if (result.comparison) {
    out.push('## Why the winner', '', ...result.comparison.decisive.map((d) => `- ${markdownCell(d)}`), '');
  }
  const changes = sensitivityLines(result);
  if (changes.length > 0)
    out.push('## What would change the answer', '', ...changes.map((d) => `- ${markdownCell(d)}`), '');
  const closest = relaxationLines(result);
  if (closest.length > 0)
    out.push(
      '## Closest options',
      '',
      'No broker meets every hard constraint; the fewest changes that make each one feasible:',
      '',
      ...closest.map((line) => `- ${markdownCell(line)}`),
      '',
    );
  if (result.eliminated.length > 0) {
    out.push('## Eliminated', '');
    for (const e of result.eliminated)
      out.push(`- **${e.name}**`, ...e.reasons.map((reason) => `  - ${markdownCell(reason)}`));
    out.push('');
  }
  if (result.warnings.length > 0)
    out.push('## Warnings', '', ...result.warnings.map((w) => `- ${markdownCell(w.message)} (\`${w.id}\`)`), '');
  if (result.assumed.length > 0)
    out.push(
      '## Not stated, assumed',
      '',
      ...result.assumed.map((a) => `- \`${a.field}\` = ${a.value}: ${a.note}`),
      '',
    );
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
