import type { KnowledgeBase } from '../kb/schema.js';
import { getAt, withValueAt } from '../requirements/access.js';
import type { Requirements } from '../requirements/schema.js';
import { FEATURE_NEEDS, FEATURES } from '../requirements/vocabulary.js';
import { brokerIdOf, evaluate, type Evaluation } from './evaluate.js';
import type { Criterion, Sensitivity } from './types.js';
import { mulberry32, robustness, weightIntervals } from './sensitivity/weights.js';
export { mulberry32, robustness };

/**
 * What would change the answer.
 *
 * Weights: fits never depend on weights (rules cannot read them), so every candidate's score is a line
 * in any one weight and the winner, as the weight moves, follows the upper envelope of those lines —
 * the intervals below are exact. Numbers: each stated number is moved alone toward a documented bound
 * on a geometric grid, and the first change of winner is narrowed by bisection to 1%. Features: each
 * feature need is changed alone to every other value. Robustness: the share of seeded random weight
 * vectors (each weight times 1 ± perturbation) for which the winner holds.
 */
export interface SensitivityOptions {
  robustnessSamples?: number;
  seed?: number;
}

const DEFAULT_ROBUSTNESS_SAMPLES = 1000;
const DEFAULT_SEED = 1;

/** Documented search bounds for each number (also the schema's limits where it has them). */
const NUMBER_BOUNDS: Record<string, { min: number; max: number; integer?: boolean }> = {
  'workload.peakMessagesPerSecond': { min: 1, max: 1e8 },
  'workload.averageMessagesPerSecond': { min: 1, max: 1e8 },
  'workload.averageMessageBytes': { min: 1, max: 1e8 },
  'workload.maxMessageBytes': { min: 1, max: 2 ** 31 },
  'workload.retentionHours': { min: 0, max: 24 * 365 * 10 },
  'workload.peakBacklogMessages': { min: 0, max: 1e12 },
  'workload.consumerGroups': { min: 1, max: 1000, integer: true },
  'workload.topics': { min: 1, max: 1e6, integer: true },
  'workload.maxDelayHours': { min: 0.01, max: 24 * 365 },
  'workload.growthFactor': { min: 1, max: 1000 },
  'latency.p99Ms': { min: 0.1, max: 1e5 },
  'reliability.rpoSeconds': { min: 0, max: 7 * 86400 },
  'reliability.rtoSeconds': { min: 0, max: 7 * 86400 },
  'team.opsEngineers': { min: 0, max: 1000, integer: true },
};
const GRID_STEPS = 8;
const PRECISION = 1.01;

/** Who wins: the ranking alone, without wording eliminations (the analysis runs it hundreds of times). */
function winnerOf(
  requirements: Requirements,
  kb: KnowledgeBase,
  overrides: Partial<Record<Criterion, number>>,
): string | null {
  const best = evaluate(requirements, kb, overrides, { eliminationReasons: false }).ranked[0]?.best;
  return best ? brokerIdOf(best) : null;
}

function numberThresholds(
  requirements: Requirements,
  kb: KnowledgeBase,
  winner: string,
  overrides: Partial<Record<Criterion, number>>,
): Sensitivity['thresholds'] {
  const out: Sensitivity['thresholds'] = [];
  for (const [field, bounds] of Object.entries(NUMBER_BOUNDS)) {
    const value = getAt(requirements, field);
    if (typeof value !== 'number') continue;
    const seen = new Map<number, string | null>();
    const idAt = (v: number) => {
      if (!seen.has(v)) seen.set(v, winnerOf(withValueAt(requirements, field, v), kb, overrides));
      return seen.get(v)!;
    };
    for (const direction of ['above', 'below'] as const) {
      const bound = direction === 'above' ? bounds.max : bounds.min;
      if ((direction === 'above' && value >= bound) || (direction === 'below' && value <= bound)) continue;
      const grid = gridTowards(value, bound, bounds.integer === true);
      let last = value;
      for (const next of grid) {
        if (idAt(next) === winner) {
          last = next;
          continue;
        }
        const edge = bisect(last, next, (v) => idAt(v) === winner, bounds.integer === true);
        out.push({
          field,
          value,
          direction,
          holdsAt: edge.holds,
          changesAt: edge.changed,
          newWinner: idAt(edge.changed),
          searchedTo: bound,
        });
        break;
      }
    }
  }
  return out;
}

function gridTowards(from: number, to: number, integer: boolean): number[] {
  const start = from === 0 ? (to > 0 ? Math.min(1, to) : 0) : from;
  const values: number[] = [];
  if (to === 0) {
    // Moving down to zero: geometric toward a small fraction of the value, then zero itself.
    for (let i = 1; i <= GRID_STEPS; i++) values.push(from * Math.pow(1e-3, i / GRID_STEPS));
    values.push(0);
  } else {
    for (let i = 1; i <= GRID_STEPS; i++) values.push(start * Math.pow(to / start, i / GRID_STEPS));
    if (from === 0) values.unshift(start);
  }
  const cleaned = values.map((v) => (integer ? Math.round(v) : v)).filter((v) => v !== from);
  return [...new Set(cleaned)];
}

/** Narrows [holds, changed] until within 1% (or adjacent integers). */
function bisect(
  holds: number,
  changed: number,
  stillHolds: (v: number) => boolean,
  integer: boolean,
): { holds: number; changed: number } {
  let a = holds;
  let b = changed;
  for (let i = 0; i < 40; i++) {
    const close = integer
      ? Math.abs(b - a) <= 1
      : a > 0 && b > 0
        ? Math.max(a, b) / Math.min(a, b) <= PRECISION
        : Math.abs(b - a) < 1e-6;
    if (close) break;
    let mid = a > 0 && b > 0 ? Math.sqrt(a * b) : (a + b) / 2;
    if (integer) mid = Math.round(mid);
    if (mid === a || mid === b) break;
    if (stillHolds(mid)) a = mid;
    else b = mid;
  }
  return { holds: a, changed: b };
}

function featureFlips(
  requirements: Requirements,
  kb: KnowledgeBase,
  winner: string,
  overrides: Partial<Record<Criterion, number>>,
): Sensitivity['featureFlips'] {
  const out: Sensitivity['featureFlips'] = [];
  for (const feature of FEATURES) {
    const from = requirements.features?.[feature] ?? 'not-needed';
    for (const to of FEATURE_NEEDS) {
      if (to === from) continue;
      const newWinner = winnerOf(withValueAt(requirements, `features.${feature}`, to), kb, overrides);
      if (newWinner !== winner) out.push({ feature, from, to, newWinner });
    }
  }
  return out;
}

export function analyseSensitivity(
  requirements: Requirements,
  kb: KnowledgeBase,
  evaluation: Evaluation,
  overrides: Partial<Record<Criterion, number>>,
  options: SensitivityOptions = {},
): Sensitivity | undefined {
  const top = evaluation.ranked[0]?.best;
  if (!top) return undefined;
  const winner = brokerIdOf(top);
  const samples = options.robustnessSamples ?? DEFAULT_ROBUSTNESS_SAMPLES;
  return {
    weights: weightIntervals(evaluation),
    thresholds: numberThresholds(requirements, kb, winner, overrides),
    featureFlips: featureFlips(requirements, kb, winner, overrides),
    ...(samples > 0 ? { robustness: robustness(evaluation, samples, options.seed ?? DEFAULT_SEED) } : {}),
  };
}
