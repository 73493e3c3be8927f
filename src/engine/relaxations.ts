import type { BrokerEntry, KnowledgeBase } from '../kb/schema.js';
import { getAt } from '../requirements/access.js';
import type { Requirements } from '../requirements/schema.js';
import { evaluate } from './evaluate.js';
import { assessBroker } from './feasibility.js';
import { firedRules } from './rules.js';
import type { Result } from './types.js';
import { candidateEasings, type Easing } from './easings.js';

/**
 * When no broker is feasible: for each broker, the smallest set of requirement changes that would make
 * it feasible (drop a protocol, allow a paid edition, make a required feature preferred, lower a number
 * to what the broker can do, ease a reliability or cross-site need), and how it would then rank.
 */
export type Relaxation = NonNullable<Result['relaxations']>[number];
type Change = Relaxation['changes'][number];

const MAX_CHANGES = 3;

export function relaxations(requirements: Requirements, kb: KnowledgeBase): Relaxation[] {
  const out: Relaxation[] = [];
  for (const broker of [...kb.brokers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const found = smallestFix(requirements, broker, kb, candidateEasings(requirements, broker, kb));
    if (!found) continue;
    const relaxed = apply(requirements, found);
    const evaluation = evaluate(relaxed, kb, {}, { eliminationReasons: false });
    const index = evaluation.ranked.findIndex((r) => r.best.profiles[0]!.broker.id === broker.id);
    const entry = evaluation.ranked[index];
    if (!entry) continue;
    out.push({
      broker: broker.id,
      name: broker.name,
      changes: describe(requirements, relaxed, found),
      rank: index + 1,
      score: entry.best.scoreTenths / 10,
      profile: entry.best.profiles.map((p) => p.profile.id).join(' + '),
      winner: evaluation.ranked[0]!.best.profiles[0]!.broker.id,
    });
  }
  return out.sort(
    (a, b) =>
      a.changes.length - b.changes.length || a.rank - b.rank || b.score - a.score || (a.broker < b.broker ? -1 : 1),
  );
}

function apply(requirements: Requirements, easings: Easing[]): Requirements {
  return easings.reduce((r, easing) => easing.apply(r), requirements);
}

/** One change per easing, each field's value before and after all of them. */
function describe(before: Requirements, after: Requirements, easings: Easing[]): Change[] {
  return easings.map((e) => ({
    field: e.field,
    from: getAt(before, e.field) ?? null,
    to: getAt(after, e.field) ?? null,
    says: e.says,
  }));
}

function feasible(requirements: Requirements, broker: BrokerEntry, kb: KnowledgeBase): boolean {
  const fired = firedRules(kb.rules, requirements);
  return assessBroker(broker, requirements, kb.model, fired, false).feasible;
}

/**
 * A smallest fix: if every easing together makes the broker feasible, drop easings one by one, the
 * heaviest first, while it stays feasible. What is left cannot lose any change (a minimal set, found in
 * a handful of checks rather than by trying every combination).
 */
function smallestFix(
  requirements: Requirements,
  broker: BrokerEntry,
  kb: KnowledgeBase,
  easings: Easing[],
): Easing[] | undefined {
  // Easings on one field are alternatives: keep the lightest one of each field in the starting set.
  const lightest = new Map<string, Easing>();
  for (const e of [...easings].sort((a, b) => a.weight - b.weight)) if (!lightest.has(e.key)) lightest.set(e.key, e);
  let kept = [...lightest.values()];
  if (!feasible(apply(requirements, kept), broker, kb)) {
    // The lightest ones may not be enough (e.g. strict -> required while the feature is missing): try the heavier.
    kept = [...new Map([...easings].sort((a, b) => a.weight - b.weight).map((e) => [e.key, e])).values()];
    if (!feasible(apply(requirements, kept), broker, kb)) return undefined;
  }
  for (const easing of [...kept].sort((a, b) => b.weight - a.weight)) {
    const without = kept.filter((e) => e !== easing);
    if (feasible(apply(requirements, without), broker, kb)) kept = without;
  }
  if (kept.length > MAX_CHANGES) return undefined;
  return easings.filter((e) => kept.includes(e));
}
