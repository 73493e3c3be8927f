import { FEATURE_LABELS, PROTOCOL_LABELS, formatCount } from '../engine/labels.js';
import { resolveProfiles, type ResolvedProfile } from '../engine/profiles.js';
import type { BrokerEntry, Capability, KnowledgeBase } from '../kb/schema.js';
import { DIMENSIONS, FEATURES, PROTOCOLS, type Feature, type Protocol } from '../requirements/vocabulary.js';
import { fitTable } from './layout.js';
import { markdownCell } from './text.js';
import { wrapText } from './wrap.js';
import type { Style } from './style.js';

/**
 * `mqselect compare`: the knowledge base side by side — ratings with their figures, capabilities per
 * profile, protocols and cluster modes, with sources. Pure: KB in, text out.
 */
const COMPARE_FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface Comparison {
  schemaVersion: 1;
  kb: { version: string; asOf: string };
  brokers: Array<{
    id: string;
    name: string;
    asOf: string;
    dimensions: Record<string, { rating: number; rationale: string; figures: string[]; sources: string[] }>;
    features: Record<string, Record<string, string>>;
    protocols: Record<string, Record<string, string>>;
    clusterModes: Array<{ id: string; name: string; status: string; statusNote?: string }>;
    multiDatacenter: Array<{ id: string; name: string; status: string; replication: string }>;
  }>;
}

const RANK = { native: 5, plugin: 4, commercial: 3, 'via-pattern': 2, deprecated: 1, none: 0 } as const;

export function compareBrokers(kb: KnowledgeBase, brokers: BrokerEntry[]): Comparison {
  return {
    schemaVersion: 1,
    kb: { version: kb.version, asOf: kb.asOf },
    brokers: brokers.map((b) => {
      const profiles = resolveProfiles(b);
      const perProfile = (pick: (p: ResolvedProfile) => Capability) =>
        Object.fromEntries(profiles.map((p) => [p.profile.id, pick(p).support]));
      return {
        id: b.id,
        name: b.name,
        asOf: b.asOf,
        dimensions: Object.fromEntries(
          DIMENSIONS.map((d) => [
            d,
            {
              rating: b.dimensions[d].rating,
              rationale: b.dimensions[d].rationale,
              figures: b.dimensions[d].figures.map(
                (f) => `${formatCount(f.value)} ${f.metric} (${f.year}): ${f.conditions}`,
              ),
              sources: b.dimensions[d].sources,
            },
          ]),
        ),
        features: Object.fromEntries(FEATURES.map((f) => [f, perProfile((p) => p.capabilities[f])])),
        protocols: Object.fromEntries(PROTOCOLS.map((x) => [x, perProfile((p) => p.protocols[x])])),
        clusterModes: b.clusterModes.map((m) => ({
          id: m.id,
          name: m.name,
          status: m.status,
          ...(m.statusNote ? { statusNote: m.statusNote } : {}),
        })),
        multiDatacenter: b.multiDatacenter.map((m) => ({
          id: m.id,
          name: m.name,
          status: m.status,
          replication: m.replication,
        })),
      };
    }),
  };
}

/** "native" when every profile has it; else the best support with the profiles that have it. */
function summarize(perProfile: Record<string, string>): string {
  const values = Object.values(perProfile);
  if (values.every((v) => v === values[0])) return values[0]!;
  const best = values.reduce((a, b) => (RANK[b as keyof typeof RANK] > RANK[a as keyof typeof RANK] ? b : a));
  const where = Object.entries(perProfile)
    .filter(([, v]) => v === best)
    .map(([id]) => id);
  return `${best}: ${where.join(', ')}`;
}

export function rows(comparison: Comparison): {
  dimensions: string[][];
  features: string[][];
  protocols: string[][];
  modes: string[][];
} {
  const b = comparison.brokers;
  return {
    dimensions: DIMENSIONS.map((d) => [d, ...b.map((x) => `${x.dimensions[d]!.rating}/5`)]),
    features: FEATURES.map((f: Feature) => [FEATURE_LABELS[f], ...b.map((x) => summarize(x.features[f]!))]),
    protocols: PROTOCOLS.map((p: Protocol) => [PROTOCOL_LABELS[p], ...b.map((x) => summarize(x.protocols[p]!))]),
    modes: [
      [
        'current',
        ...b.map((x) =>
          x.clusterModes
            .filter((m) => m.status === 'current')
            .map((m) => m.id)
            .join('\n'),
        ),
      ],
      [
        'legacy / removed',
        ...b.map((x) =>
          x.clusterModes
            .filter((m) => m.status !== 'current')
            .map((m) => `${m.id} (${m.status})`)
            .join('\n'),
        ),
      ],
      [
        'across datacenters',
        ...b.map((x) =>
          x.multiDatacenter
            .filter((m) => m.status === 'current')
            .map((m) => `${m.id} (${m.replication})`)
            .join('\n'),
        ),
      ],
    ],
  };
}

/** `width`: fit the tables and wrap the prose to it (a terminal, --width); without one, as always. */
export function renderCompareTable(comparison: Comparison, style: Style, width?: number): string {
  const head = ['', ...comparison.brokers.map((b) => b.id)];
  const table = (body: string[][]) =>
    fitTable(
      {
        head,
        rows: body,
        options: {
          style: { head: [], border: [] },
          wordWrap: true,
          chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        },
      },
      width,
    );
  const r = rows(comparison);
  const out = [
    style.bold(
      `Knowledge base ${comparison.kb.version} (as of ${comparison.kb.asOf}) — ratings 1 poor … 5 excellent ` +
        `(staffCost 5 = cheapest)`,
    ),
    table(r.dimensions),
    '',
    style.bold('Features (how each is had; "x: a, b" = only on profiles a, b)'),
    table(r.features),
    '',
    style.bold('Protocols'),
    table(r.protocols),
    '',
    style.bold('Cluster modes'),
    table(r.modes),
    '',
  ];
  out.push(style.bold('Why each rating (with sources)'));
  for (const b of comparison.brokers) {
    for (const d of DIMENSIONS) {
      const x = b.dimensions[d]!;
      out.push(
        `  ${b.id} ${d} ${x.rating}/5: ${x.rationale}`,
        ...x.figures.map((f) => style.dim(`      figure: ${f}`)),
        ...x.sources.map((s) => style.dim(`      ${s}`)),
      );
    }
  }
  out.push('', style.dim("mqselect kb show BROKER prints a broker's full record, every capability with its source."));
  return `${wrapText(out.join('\n'), width)}\n`;
}

export function renderCompareMarkdown(comparison: Comparison): string {
  const table = (body: string[][]) =>
    [
      `| | ${comparison.brokers.map((b) => b.name).join(' | ')} |`,
      `|---|${comparison.brokers.map(() => '---').join('|')}|`,
      ...body.map((row) => `| ${row.map(markdownCell).join(' | ')} |`),
    ].join('\n');
  const r = rows(comparison);
  const out = [
    `# Message brokers compared`,
    '',
    `Knowledge base ${comparison.kb.version} (as of ${comparison.kb.asOf}). Ratings 1 poor … 5 excellent; ` +
      `staffCost 5 = cheapest to staff.`,
    '',
    '## Ratings',
    '',
    table(r.dimensions),
    '',
    '## Features',
    '',
    table(r.features),
    '',
    '## Protocols',
    '',
    table(r.protocols),
    '',
    '## Cluster modes',
    '',
    table(r.modes),
    '',
    '## Why each rating',
    '',
  ];
  for (const b of comparison.brokers) {
    out.push(`### ${b.name}`, '');
    for (const d of DIMENSIONS) {
      const x = b.dimensions[d]!;
      out.push(`- **${d} ${x.rating}/5** — ${x.rationale} (${x.sources.map((s) => `<${s}>`).join(', ')})`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
