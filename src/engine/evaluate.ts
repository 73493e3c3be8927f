import type { KnowledgeBase } from '../kb/schema.js';
import type { Requirements } from '../requirements/schema.js';
import { requiredFeatures } from './constraints.js';
import { assessBroker } from './feasibility.js';
import { firedRules, indexEffects, type FiredRule } from './rules.js';
import { scoreCandidate, weightShares, type ScoredCandidate } from './score.js';
import type { Criterion, Elimination, WeightInfo } from './types.js';
import { effectiveWeights, nothingStated } from './weights.js';
import { byCodeUnits } from './order.js';

/**
 * The numeric core shared by `recommend` and the sensitivity analysis: which brokers are feasible,
 * every candidate's score, and the ranking. No explanation text beyond what scoring records.
 */
export interface Evaluation {
  weights: Record<Criterion, WeightInfo>;
  fired: FiredRule[];
  /** Best candidate per feasible broker, ranked: exact score desc, then broker id. */
  ranked: Array<{ best: ScoredCandidate; others: ScoredCandidate[] }>;
  eliminated: Elimination[];
}

/** Rule and broker order in the KB files must not matter: both are taken in id order (sorted once per KB). */
const sortedCache = new WeakMap<KnowledgeBase, { rules: KnowledgeBase['rules']; brokers: KnowledgeBase['brokers'] }>();
function sortedById(kb: KnowledgeBase): { rules: KnowledgeBase['rules']; brokers: KnowledgeBase['brokers'] } {
  let sorted = sortedCache.get(kb);
  if (!sorted) {
    const byId = (a: { id: string }, b: { id: string }) => byCodeUnits(a.id, b.id);
    sorted = { rules: [...kb.rules].sort(byId), brokers: [...kb.brokers].sort(byId) };
    sortedCache.set(kb, sorted);
  }
  return sorted;
}

export interface EvaluateOptions {
  /** Word why each eliminated broker is out (default). The sensitivity analysis needs only the ranking. */
  eliminationReasons?: boolean;
}

export function evaluate(
  requirements: Requirements,
  kb: KnowledgeBase,
  weightOverrides: Partial<Record<Criterion, number>> = {},
  options: EvaluateOptions = {},
): Evaluation {
  const model = kb.model;
  const weights = effectiveWeights(requirements, model, weightOverrides);
  const fallback = nothingStated(weights);
  const { rules, brokers } = sortedById(kb);
  const fired = firedRules(rules, requirements);
  const eliminated: Elimination[] = [];
  const ranked: Evaluation['ranked'] = [];
  const shares = weightShares(weights);
  const required = requiredFeatures(requirements);
  const effects = indexEffects(fired);
  for (const broker of brokers) {
    const assessed = assessBroker(
      broker,
      requirements,
      model,
      fired,
      options.eliminationReasons !== false,
      required,
      effects,
    );
    if (!assessed.feasible) {
      eliminated.push({ broker: broker.id, name: broker.name, reasons: assessed.reasons });
      continue;
    }
    // A broker's profiles compete on what the user stated; on a tie (or with nothing stated) the KB's
    // order decides, which lists each broker's general-purpose profile first.
    const order = (c: ScoredCandidate) => broker.profiles.indexOf(c.profiles[0]!.profile);
    const stated = (c: ScoredCandidate) => (fallback ? 0 : c.scoreUnits);
    const scored = assessed.candidates
      .map((profiles) => scoreCandidate(profiles, requirements, model, kb.asOf, weights, fired, shares, effects))
      .sort((x, y) => stated(y) - stated(x) || x.profiles.length - y.profiles.length || order(x) - order(y));
    ranked.push({ best: scored[0]!, others: scored.slice(1) });
  }
  // Brokers: score; on an exact tie on what was stated, the broker rated higher on the qualities weighed (the
  // model's thresholds.tieMarginDimensions), then the one cheaper to staff (the simplest that meets the stated
  // needs), then the general ratings, then id. With nothing stated at all, the general ratings alone.
  ranked.sort(
    (x, y) =>
      y.best.scoreUnits - x.best.scoreUnits ||
      y.best.marginTieUnits - x.best.marginTieUnits ||
      y.best.staffTieUnits - x.best.staffTieUnits ||
      y.best.tieUnits - x.best.tieUnits ||
      byCodeUnits(x.best.profiles[0]!.broker.id, y.best.profiles[0]!.broker.id),
  );
  return { weights, fired, ranked, eliminated };
}

export const brokerIdOf = (candidate: ScoredCandidate) => candidate.profiles[0]!.broker.id;
