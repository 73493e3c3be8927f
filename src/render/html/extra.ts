import { html, join, link, type HtmlValue, type SafeHtml } from './template.js';

/**
 * Fields the report does not know yet. The result may gain fields within schemaVersion 1 (storage
 * sizing, say); the report shows whatever else an object carries as a definition list, escaped like
 * everything else, instead of dropping it or failing.
 */
function extraValue(value: unknown, depth = 0): HtmlValue {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return /^https?:\/\//i.test(value) ? link(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'object') return '';
  if (depth > 6) return JSON.stringify(value) ?? '';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.every((v) => v === null || typeof v !== 'object'))
      return join(
        value.map((v) => extraValue(v, depth + 1)),
        ', ',
      );
    return html`<ul>${value.map((v) => html`<li>${extraValue(v, depth + 1)}</li>`)}</ul>`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '—';
  return html`<dl class="extra">${entries.map(([key, v]) => html`<dt>${key}</dt><dd class="wrap">${extraValue(v, depth + 1)}</dd>`)}</dl>`;
}

/** The keys of `object` that are not in `known`, or nothing when there are none. */
export function extraFields(object: unknown, known: readonly string[]): SafeHtml | undefined {
  if (object === null || typeof object !== 'object') return undefined;
  const rest = Object.entries(object as Record<string, unknown>).filter(([key]) => !known.includes(key));
  if (rest.length === 0) return undefined;
  return html`<dl class="extra" data-extra="${rest.map(([key]) => key).join(' ')}">${rest.map(([key, v]) => html`<dt>${key}</dt><dd class="wrap">${extraValue(v, 1)}</dd>`)}</dl>`;
}

/** The fields of the result contract the report draws (test/html.test.ts checks them against the schema). */
export const KNOWN = {
  result: [
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
    'relaxations',
    'sensitivity',
  ],
  ranked: [
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
  ],
  clusterMode: [
    'id',
    'name',
    'status',
    'aliases',
    'nodes',
    'totalNodes',
    'nodesAtGrowth',
    'configuration',
    'guarantees',
    'why',
    'managed',
    'multiDatacenter',
    'sources',
  ],
  node: ['role', 'count', 'note'],
} as const;
