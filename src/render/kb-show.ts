import { FEATURE_LABELS, PROTOCOL_LABELS, formatBytes, formatCount } from '../engine/labels.js';
import { resolveProfile } from '../engine/profiles.js';
import type { BrokerEntry, KnowledgeBase } from '../kb/schema.js';
import { DIMENSIONS, FEATURES, PROTOCOLS } from '../requirements/vocabulary.js';
import { wrapText } from './wrap.js';
import type { Style } from './style.js';

/** `kb list`: one line per broker with versions and dates. */
export function renderKbList(kb: KnowledgeBase, style: Style, width?: number): string {
  const lines = [style.bold(`knowledge base ${kb.version} (as of ${kb.asOf})`), ''];
  for (const b of kb.brokers) {
    lines.push(
      `${style.bold(b.id.padEnd(10))} ${b.name} — ` +
        b.products
          .map((p) => `${p.name} ${p.versionsCovered} (latest ${p.latest.version}, ${p.latest.released})`)
          .join('; ') +
        `; checked ${b.asOf}`,
    );
    lines.push(`${' '.repeat(11)}${DIMENSIONS.map((d) => `${d} ${b.dimensions[d].rating}/5`).join(', ')}`);
  }
  lines.push(
    '',
    `${kb.rules.length} rules: ${kb.rules.map((r) => r.id).join(', ')}`,
    '',
    'mqselect kb show BROKER prints the full record with sources.',
  );
  return `${wrapText(lines.join('\n'), width)}\n`;
}

/** `kb show BROKER`: the full record of one broker, every claim with its source. */
export function renderKbShow(b: BrokerEntry, style: Style, width?: number): string {
  const out: string[] = [style.bold(`${b.name} (${b.id})`), b.summary, `checked ${b.asOf}`, ''];
  for (const p of b.products)
    out.push(
      `${style.bold(p.name)} ${p.versionsCovered}; latest ${p.latest.version} ` +
        `(${p.latest.released}); ${p.license}; written in ${p.implementationLanguages.join(', ')}`,
      ...p.sources.map((s) => style.dim(`  ${s}`)),
    );
  out.push('', style.bold('Dimensions (1 poor … 5 excellent; staffCost 5 = cheapest to staff)'));
  for (const d of DIMENSIONS) {
    const r = b.dimensions[d];
    out.push(`  ${d}: ${r.rating}/5 — ${r.rationale}`, ...r.sources.map((s) => style.dim(`      ${s}`)));
    for (const f of r.figures)
      out.push(
        `      figure: ${formatCount(f.value)} ${f.metric} (${f.year}${f.version ? `, ${f.version}` : ''}) ` +
          `— ${f.conditions}`,
        style.dim(`        ${f.source}`),
      );
  }
  for (const p of b.profiles) {
    const resolved = resolveProfile(b, p);
    out.push(
      '',
      style.bold(`Profile ${p.id}: ${p.name}`) + ` [${p.status}, since ${p.since}, ${p.model}]`,
      `  ${p.description}`,
    );
    for (const d of DIMENSIONS)
      if (p.ratings?.[d]) out.push(`  ${d}: ${p.ratings[d]!.rating}/5 (profile) — ${p.ratings[d]!.rationale}`);
    const planning = p.planning;
    const figure = (
      label: string,
      f: { value: number; basis: string; note: string; source: string } | undefined,
      unit: string,
    ) => {
      if (f)
        out.push(`  ${label}: ${formatCount(f.value)}${unit} (${f.basis}) — ${f.note}`, style.dim(`      ${f.source}`));
    };
    figure(
      'msg/s per node',
      planning.messagesPerSecondPerNode,
      planning.messagesPerSecondPerNode ? ` at ${formatBytes(planning.messagesPerSecondPerNode.messageBytes)}` : '',
    );
    figure('MB/s per node', planning.megabytesPerSecondPerNode, '');
    figure('per queue / partition msg/s', planning.perQueueMessagesPerSecond, '');
    figure('p99 latency', planning.p99LatencyMs, ' ms');
    figure('comfortable backlog per queue', planning.comfortableBacklogMessages, ' messages');
    figure('practical cluster ceiling', planning.maxClusterNodes, ' nodes');
    if (planning.maxMessageBytes)
      out.push(
        `  max message: ${formatBytes(planning.maxMessageBytes.default)} ` +
          `default, ${formatBytes(planning.maxMessageBytes.configurableMax)} configurable`,
      );
    out.push('  features:');
    for (const f of FEATURES) {
      const c = resolved.capabilities[f];
      out.push(
        `    ${FEATURE_LABELS[f]}: ${c.support}${c.since ? ` since ${c.since}` : ''}${c.note ? ` — ${c.note}` : ''}`,
        ...c.sources.map((s) => style.dim(`        ${s}`)),
      );
    }
    out.push(
      `  protocols: ${PROTOCOLS.map((x) => `${PROTOCOL_LABELS[x]} ${resolved.protocols[x].support}`).join(', ')}`,
    );
  }
  out.push('', style.bold('Cluster modes'));
  for (const m of b.clusterModes) {
    out.push(
      `  ${m.id}: ${m.name} [${m.status}${m.statusNote ? `: ${m.statusNote}` : ''}]` +
        `${m.aliases.length ? ` (aka ${m.aliases.join(', ')})` : ''}`,
    );
    out.push(
      `    roles: ` +
        m.roles
          .map(
            (r) =>
              `${r.role} ≥${r.min}${r.perRole ? ` per ${r.perRole}` : ''}` +
              `${r.scalesWithLoad ? ' (scales with load)' : ''}`,
          )
          .join(', '),
    );
    out.push(
      `    node loss: acknowledged loss ${m.guarantees.nodeLoss.acknowledgedLoss}, ` +
        `${m.guarantees.nodeLoss.failover} failover, ${m.guarantees.nodeLoss.rto}`,
    );
    out.push(
      `    when: ${m.whenToUse}`,
      `    not when: ${m.whenNotToUse}`,
      ...m.sources.map((s) => style.dim(`      ${s}`)),
    );
  }
  if (b.multiDatacenter.length > 0) out.push('', style.bold('Across datacenters'));
  for (const m of b.multiDatacenter)
    out.push(
      `  ${m.id}: ${m.name} [${m.status}, ${m.support}] ${m.replication}, ${m.topologies.join('/')}; RPO: ${m.rpo}`,
      ...m.sources.map((s) => style.dim(`      ${s}`)),
    );
  if (b.managedOfferings.length > 0) out.push('', style.bold('Managed offerings and operators'));
  for (const m of b.managedOfferings)
    out.push(
      `  ${m.platform}: ${m.name} (${m.kind}, ${m.compatibility})${m.note ? ` — ${m.note}` : ''}`,
      ...m.sources.map((s) => style.dim(`      ${s}`)),
    );
  const clients = Object.entries(b.clientLanguages).filter(([, c]) => c);
  out.push(
    '',
    style.bold('Client languages'),
    `  ${clients.map(([l, c]) => `${l}: ${(c as { support: string }).support}`).join(', ')}`,
  );
  return `${wrapText(out.join('\n'), width)}\n`;
}
