import type { KnowledgeBase } from '../kb/schema.js';
import { getAt, withValueAt } from '../requirements/access.js';
import type { Requirements } from '../requirements/schema.js';
import { FEATURE_NEEDS, FEATURES } from '../requirements/vocabulary.js';
import { brokerOf, evaluate, type Evaluation } from './evaluate.js';
import { rankingUnitsOf } from './score.js';
import { nothingStated } from './weights.js';
import { CRITERIA, type Criterion, type Sensitivity } from './types.js';
import { byCodeUnits } from '../order.js';
import { round4 } from './rounding.js';

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

export const DEFAULT_ROBUSTNESS_SAMPLES = 1000;
export const DEFAULT_SEED = 1;
export const PERTURBATION = 0.5;

/** Documented search bounds for each number (also the schema's limits where it has them). */
export const NUMBER_BOUNDS: Record<string, { min: number; max: number; integer?: boolean }> = {
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

/** A candidate's fits as a vector in CRITERIA order: its score is a line in any one weight. */
type Line = { broker: string; fits: number[]; tieUnits: number };

function lines(evaluation: Evaluation): Line[] {
  // With nothing stated a broker is its general-purpose profile, whatever the weights: only that line counts.
  const fallback = nothingStated(evaluation.weights);
  return evaluation.ranked.flatMap(({ best, others }) => (fallback ? [best] : [best, ...others]).map((c) => ({ broker: brokerOf(c), fits: CRITERIA.map((k) => c.fits[k]), tieUnits: c.tieUnits })));
}

/** Weights as a vector in CRITERIA order. */
type Weights = number[];

function winnerFor(all: Line[], weights: Weights): string | null {
  // The same order as the ranking: score, then (an exact tie) the general standing, then broker id.
  let bestBroker: string | null = null;
  let bestUnits = -Infinity;
  let bestTie = -Infinity;
  for (const line of all) {
    const units = rankingUnitsOf(line.fits, weights);
    const better = units > bestUnits || (units === bestUnits && (line.tieUnits > bestTie || (line.tieUnits === bestTie && bestBroker !== null && line.broker < bestBroker)));
    if (better) {
      bestUnits = units;
      bestTie = line.tieUnits;
      bestBroker = line.broker;
    }
  }
  return bestBroker;
}

export function weightIntervals(evaluation: Evaluation): Sensitivity['weights'] {
  const all = lines(evaluation);
  const base: Weights = CRITERIA.map((c) => evaluation.weights[c].weight);
  const winner = winnerFor(all, base);
  if (!winner) return [];
  return CRITERIA.map((criterion, k) => {
    const at = (w: number) => winnerFor(all, base.map((b, i) => (i === k ? w : b)));
    const rest = (line: Line) => base.reduce((sum, b, i) => (i === k ? sum : sum + b * line.fits[i]!), 0);
    const breaks = new Set<number>();
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const slope = all[i]!.fits[k]! - all[j]!.fits[k]!;
        if (Math.abs(slope) < 1e-12) continue;
        const w = (rest(all[j]!) - rest(all[i]!)) / slope;
        if (w > 0 && Number.isFinite(w)) breaks.add(w);
      }
    }
    const w0 = base[k]!;
    const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    // Where three or more lines meet, float error scatters one crossing into several points a hair apart;
    // merged, no sliver segment between them can report a spurious winner.
    const sorted = [...breaks]
      .filter((b) => !near(b, w0))
      .sort((a, b) => a - b)
      .filter((b, i, all) => i === 0 || !near(b, all[i - 1]!));
    // Walk outward from w0 segment by segment (the winner is constant inside a segment) until it changes.
    const above = sorted.filter((b) => b > w0);
    let holdsTo: number | null = null;
    let winnerAbove: string | null = null;
    let from = w0;
    for (let i = 0; i <= above.length; i++) {
      const to = above[i];
      const inside = at(to === undefined ? from + 1 : (from + to) / 2);
      if (inside !== winner) {
        holdsTo = from;
        winnerAbove = inside;
        break;
      }
      if (to === undefined) break;
      from = to;
    }
    const below = sorted.filter((b) => b < w0).reverse();
    let holdsFrom = 0;
    let winnerBelow: string | null = null;
    let upper = w0;
    for (let i = 0; i <= below.length; i++) {
      const lower = below[i] ?? 0;
      if (upper <= 0) break;
      const inside = at((lower + upper) / 2);
      if (inside !== winner) {
        holdsFrom = upper;
        winnerBelow = inside;
        break;
      }
      upper = lower;
    }
    return {
      criterion,
      weight: w0,
      holdsFrom: round4(holdsFrom),
      holdsTo: holdsTo === null ? null : round4(holdsTo),
      winnerBelow,
      winnerAbove,
    };
  });
}


/** Who wins: the ranking alone, without wording eliminations (the analysis runs it hundreds of times). */
function winnerOf(requirements: Requirements, kb: KnowledgeBase, overrides: Partial<Record<Criterion, number>>): string | null {
  const best = evaluate(requirements, kb, overrides, { eliminationReasons: false }).ranked[0]?.best;
  return best ? brokerOf(best) : null;
}

export function numberThresholds(requirements: Requirements, kb: KnowledgeBase, winner: string, overrides: Partial<Record<Criterion, number>>): Sensitivity['thresholds'] {
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
        out.push({ field, value, direction, holdsAt: edge.holds, changesAt: edge.changed, newWinner: idAt(edge.changed), searchedTo: bound });
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
function bisect(holds: number, changed: number, stillHolds: (v: number) => boolean, integer: boolean): { holds: number; changed: number } {
  let a = holds;
  let b = changed;
  for (let i = 0; i < 40; i++) {
    const close = integer ? Math.abs(b - a) <= 1 : a > 0 && b > 0 ? Math.max(a, b) / Math.min(a, b) <= PRECISION : Math.abs(b - a) < 1e-6;
    if (close) break;
    let mid = a > 0 && b > 0 ? Math.sqrt(a * b) : (a + b) / 2;
    if (integer) mid = Math.round(mid);
    if (mid === a || mid === b) break;
    if (stillHolds(mid)) a = mid;
    else b = mid;
  }
  return { holds: a, changed: b };
}

export function featureFlips(requirements: Requirements, kb: KnowledgeBase, winner: string, overrides: Partial<Record<Criterion, number>>): Sensitivity['featureFlips'] {
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

/** Small, seeded, deterministic PRNG (mulberry32): the same seed gives the same samples everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function robustness(evaluation: Evaluation, samples: number, seed: number): NonNullable<Sensitivity['robustness']> {
  const all = lines(evaluation);
  const base: Weights = CRITERIA.map((c) => evaluation.weights[c].weight);
  const winner = winnerFor(all, base);
  const random = mulberry32(seed);
  const wins: Record<string, number> = {};
  const weights = [...base];
  for (let i = 0; i < samples; i++) {
    for (let k = 0; k < weights.length; k++) weights[k] = base[k]! * (1 + PERTURBATION * (2 * random() - 1));
    const w = winnerFor(all, weights) ?? 'none';
    wins[w] = (wins[w] ?? 0) + 1;
  }
  const sorted = Object.fromEntries(Object.entries(wins).sort(([a], [b]) => byCodeUnits(a, b)));
  return { samples, seed, perturbation: PERTURBATION, share: samples === 0 ? 1 : round4((wins[winner ?? 'none'] ?? 0) / samples), winners: sorted };
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
  const winner = brokerOf(top);
  const samples = options.robustnessSamples ?? DEFAULT_ROBUSTNESS_SAMPLES;
  return {
    weights: weightIntervals(evaluation),
    thresholds: numberThresholds(requirements, kb, winner, overrides),
    featureFlips: featureFlips(requirements, kb, winner, overrides),
    ...(samples > 0 ? { robustness: robustness(evaluation, samples, options.seed ?? DEFAULT_SEED) } : {}),
  };
}
