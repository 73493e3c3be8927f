import { CRITERION_LABELS } from '../engine/labels.js';
import { CRITERIA, type ClusterModeChoice, type Criterion, type RankedBroker, type Result } from '../engine/types.js';

/** Text pieces shared by the table and Markdown renderers, so both say the same thing. */
export const SHORT: Record<Criterion, string> = {
  throughput: 'thru',
  reliability: 'rel',
  latency: 'lat',
  backlog: 'backlog',
  scalability: 'scale',
  staffCost: 'staff',
  features: 'feat',
};

export function nodesLine(mode: ClusterModeChoice): string {
  return mode.nodes.map((n) => `${n.count} × ${n.role}`).join(', ');
}

export function clusterLines(mode: ClusterModeChoice): string[] {
  const lines = [`${mode.name} (${mode.id}${mode.aliases.length > 0 ? `; known as ${mode.aliases.join(', ')}` : ''}): ${nodesLine(mode)}`];
  lines.push(...mode.nodes.filter((n) => n.note).map((n) => `${n.role}: ${n.note}`));
  if (mode.nodesAtGrowth) lines.push(`at the stated growth: ${nodesLine({ ...mode, nodes: mode.nodesAtGrowth })}`);
  if (mode.configuration.length > 0) lines.push(`settings: ${mode.configuration.map((c) => c.replace(/\.$/, '')).join('; ')}`);
  lines.push(...mode.why);
  if (mode.managed) lines.push(`managed equivalent on ${mode.managed.platform}: ${mode.managed.name}${mode.managed.note ? ` — ${mode.managed.note}` : ''}`);
  if (mode.multiDatacenter) {
    const m = mode.multiDatacenter;
    lines.push(`across datacenters: ${m.name} (${m.id}; ${m.replication}, ${m.failover} failover) — ${m.why.join('; ')}`);
  }
  return lines;
}

export function fitCell(broker: RankedBroker, criterion: Criterion): string {
  const b = broker.breakdown[criterion];
  if (b.weight === 0) return '—';
  return `${b.fit.toFixed(2)}${b.confidence === 'low' ? '*' : ''}`;
}

export function weightLine(result: Result): string {
  return CRITERIA.map((c) => `${CRITERION_LABELS[c]} ${result.weights[c].weight}${result.weights[c].from === 'override' ? ' (override)' : ''}`).join(', ');
}

export function headline(result: Result): string {
  const rec = result.recommendation;
  if (!rec) return 'No broker meets the hard constraints.';
  return rec.summary;
}

export function sourcesOf(broker: RankedBroker): string[] {
  return [...new Set([...broker.contributions.flatMap((c) => c.sources), ...broker.clusterMode.sources])].sort();
}
