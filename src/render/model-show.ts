import type { Model } from '../kb/model-schema.js';
import type { Style } from './style.js';

/**
 * `kb show --model`: the scoring model as a reviewer reads it — every value with its why (and source),
 * every criterion's parts with their weights and curves.
 */
type Param = { value: unknown; why: string; source?: string | undefined };
const isParam = (x: unknown): x is Param => typeof x === 'object' && x !== null && 'value' in x && 'why' in x;
const show = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(show).join(', ')}]`
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
          .map(([k, v]) => `${k} ${show(v)}`)
          .join(', ')
      : String(value);

export function renderModel(model: Model, style: Style): string {
  const out: string[] = [
    style.bold('mqselect scoring model (data/model.yaml)'),
    style.dim('score = 100 × Σ weight × fit / Σ weight; fits never read weights'),
    '',
  ];
  const section = (title: string, entries: Record<string, unknown>) => {
    out.push(style.bold(title));
    for (const [key, entry] of Object.entries(entries)) {
      if (isParam(entry))
        out.push(
          `  ${key}: ${show(entry.value)}`,
          `      ${style.dim(entry.why)}`,
          ...(entry.source ? [`      ${style.dim(entry.source)}`] : []),
        );
    }
    out.push('');
  };
  section('Weights', model.weights);
  out.push(style.bold('What makes an unranked criterion count'));
  for (const [criterion, implied] of Object.entries(model.impliedBy)) out.push(`  ${criterion}: ${implied.why}`);
  out.push('');
  section('Thresholds', model.thresholds);
  section('Sizing', model.sizing);
  section('Confidence in figures', model.confidence);
  section('Momentum', model.momentum);
  section('Maturity', model.maturity);
  section('Scales', model.scales);
  out.push(style.bold('Criteria and their parts'));
  for (const [criterion, parts] of Object.entries(model.criteria)) {
    out.push(`  ${criterion}`);
    for (const [name, part] of Object.entries(
      parts as Record<string, { weight: number; why: string; source?: string } & Record<string, unknown>>,
    )) {
      // Parameters beyond weight/why/source (a curve, the rating each loss need asks for, runtimes) in file order.
      const params = Object.entries(part)
        .filter(([key]) => !['weight', 'why', 'source'].includes(key))
        .map(([key, value]) => `, ${key} ${show(value)}`)
        .join('');
      out.push(
        `    ${name}: weight ${part.weight}${params}`,
        `        ${style.dim(part.why)}`,
        ...(part.source ? [`        ${style.dim(part.source)}`] : []),
      );
    }
  }
  return `${out.join('\n')}\n`;
}
