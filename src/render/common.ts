import { CRITERION_LABELS, formatCount } from '../engine/labels.js';
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

function nodesLine(mode: ClusterModeChoice): string {
  return mode.nodes.map((n) => `${n.count} × ${n.role}`).join(', ');
}

export function clusterLines(mode: ClusterModeChoice): string[] {
  const lines = [
    `${mode.name} (${mode.id}${mode.aliases.length > 0 ? `; known as ${mode.aliases.join(', ')}` : ''}): ` +
      `${nodesLine(mode)}`,
  ];
  lines.push(...mode.nodes.filter((n) => n.note).map((n) => `${n.role}: ${n.note}`));
  if (mode.nodesAtGrowth) lines.push(`at the stated growth: ${nodesLine({ ...mode, nodes: mode.nodesAtGrowth })}`);
  if (mode.configuration.length > 0)
    lines.push(`settings: ${mode.configuration.map((c) => c.replace(/\.$/, '')).join('; ')}`);
  lines.push(...mode.why);
  if (mode.managed)
    lines.push(
      `managed equivalent on ${mode.managed.platform}: ${mode.managed.name}` +
        `${mode.managed.note ? ` — ${mode.managed.note}` : ''}`,
    );
  if (mode.multiDatacenter) {
    const m = mode.multiDatacenter;
    lines.push(
      `across datacenters: ${m.name} (${m.id}; ${m.replication}, ${m.failover} failover) — ${m.why.join('; ')}`,
    );
  }
  if (mode.storage) {
    const s = mode.storage;
    lines.push(
      `disk: ${s.basis}${s.beyondPractical ? ' — beyond what one node holds in practice' : ''}` +
        `${s.tieredStorage ? `; tiered storage ${s.tieredStorage}` : ''}`,
    );
  }
  return lines;
}

export function fitCell(broker: RankedBroker, criterion: Criterion): string {
  const b = broker.breakdown[criterion];
  if (b.weight === 0) return '—';
  return `${b.fit.toFixed(2)}${b.confidence === 'low' ? '*' : ''}`;
}

/** Why the broker's chosen profile beat another of its profiles; on a tie, what decided instead. */
export function alternativeLine(alt: RankedBroker['alternatives'][number], chosen = 'chosen'): string {
  const why = alt.behindBy.length > 0 ? alt.behindBy.join(', ') : 'tied on what was stated; the KB lists it first';
  return `${chosen} over ${alt.profile} (${alt.score.toFixed(1)}): ${why}`;
}

export function weightLine(result: Result): string {
  return CRITERIA.map(
    (c) =>
      `${CRITERION_LABELS[c]} ${result.weights[c].weight}${result.weights[c].from === 'override' ? ' (override)' : ''}`,
  ).join(', ');
}

export function headline(result: Result): string {
  const rec = result.recommendation;
  if (!rec) return 'No broker meets the hard constraints.';
  return rec.summary;
}

export function sourcesOf(broker: RankedBroker): string[] {
  return [...new Set([...broker.contributions.flatMap((c) => c.sources), ...broker.clusterMode.sources])].sort();
}

/** "Closest options" when no broker is feasible: what to change for each broker, and where it would rank. */
export function relaxationLines(result: Result): string[] {
  return (result.relaxations ?? []).map((r) => {
    const then =
      r.winner === r.broker
        ? `it would rank first (score ${r.score.toFixed(1)}, ${r.profile})`
        : `it would rank #${r.rank} (score ${r.score.toFixed(1)}, ${r.profile}) behind ${r.winner}`;
    return `${r.name}: ${r.changes.map((c) => c.says).join('; and ')} — ${then}`;
  });
}

export const fmt = (value: number) =>
  Math.abs(value) >= 1000 ? formatCount(value) : String(Number(value.toPrecision(3)));

/** "What would change the answer", in words; shared by the table, Markdown and ADR renderers. */
export function sensitivityLines(result: Result): string[] {
  const s = result.sensitivity;
  const winner = result.recommendation?.broker;
  if (!s || !winner) return result.comparison?.wouldChange ?? [];
  const lines: string[] = [];
  for (const w of s.weights) {
    const low = w.holdsFrom > 0 && w.holdsFrom <= 10 ? `below ${fmt(w.holdsFrom)} ${w.winnerBelow} wins` : '';
    const high = w.holdsTo !== null && w.holdsTo <= 10 ? `above ${fmt(w.holdsTo)} ${w.winnerAbove} wins` : '';
    if (low || high)
      lines.push(
        `weight of ${CRITERION_LABELS[w.criterion]} (now ${fmt(w.weight)}): ${[low, high].filter(Boolean).join('; ')}`,
      );
  }
  if (lines.length === 0) lines.push(`no single weight between 0 and 10 changes the winner (others unchanged)`);
  for (const t of s.thresholds) {
    lines.push(
      `${t.field} ${t.direction === 'above' ? 'rising' : 'falling'} from ${fmt(t.value)} ` +
        `to ${fmt(t.changesAt)}: ${t.newWinner ?? 'no broker is feasible'}${t.newWinner ? ' wins' : ''}`,
    );
  }
  const groups = new Map<string, string[]>();
  for (const f of s.featureFlips) {
    const verb =
      {
        required: 'requiring',
        strict: 'strictly requiring (built in)',
        preferred: 'preferring',
        'not-needed': 'dropping',
      }[f.to as 'required' | 'strict' | 'preferred' | 'not-needed'] ?? f.to;
    const key = `${verb}|${f.newWinner ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), f.feature]);
  }
  for (const [key, features] of groups) {
    const [verb, newWinner] = key.split('|') as [string, string];
    lines.push(`${verb} ${features.join(', ')}: ${newWinner ? `${newWinner} wins` : 'no broker is feasible'}`);
  }
  if (s.robustness) {
    const r = s.robustness;
    lines.push(
      `${winner} stays first in ${(r.share * 100).toFixed(1)}% of ${r.samples} random weight vectors (each weight ` +
        `× 1 ± ${r.perturbation}, seed ${r.seed})`,
    );
  }
  return lines;
}
