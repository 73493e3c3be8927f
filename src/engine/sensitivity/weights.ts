import { byCodeUnits } from '../order.js';
import { marginUnitsOf, rankingUnitsOf } from '../score.js';
import { round4 } from '../rounding.js';
import type { Evaluation } from '../evaluate.js';
import { brokerIdOf } from '../evaluate.js';
import { CRITERIA, type Sensitivity } from '../types.js';
import { nothingStated } from '../weights.js';

/**
 * The weight side of "what would change the answer": every candidate's score is a line in any one weight
 * (fits never read weights), so the winner follows the upper envelope of those lines — exact intervals —
 * and the robustness share samples seeded weight vectors against the same lines.
 */
const PERTURBATION = 0.5;

/** A candidate's fits as a vector in CRITERIA order: its score is a line in any one weight. */
type Line = {
  broker: string;
  fits: number[];
  /** marginRatings, or none with nothing stated (where only the general standing breaks ties). */
  ratings: number[] | undefined;
  staffTieUnits: number;
  tieUnits: number;
  /** How evaluate() orders a broker's own candidates on an equal score: fewer profiles, then the KB's order. */
  profileCount: number;
  kbOrder: number;
};

function lines(evaluation: Evaluation): Line[] {
  // With nothing stated a broker is its general-purpose profile, whatever the weights: only that line counts.
  const fallback = nothingStated(evaluation.weights);
  return evaluation.ranked.flatMap(({ best, others }) =>
    (fallback ? [best] : [best, ...others]).map((c) => ({
      broker: brokerIdOf(c),
      fits: CRITERIA.map((k) => c.fits[k]),
      ratings: fallback ? undefined : c.marginRatings,
      staffTieUnits: c.staffTieUnits,
      tieUnits: c.tieUnits,
      profileCount: c.profiles.length,
      kbOrder: c.profiles[0]!.broker.profiles.indexOf(c.profiles[0]!.profile),
    })),
  );
}

/** Weights as a vector in CRITERIA order. */
type Weights = number[];

function winnerFor(all: Line[], weights: Weights): string | null {
  // The same order as evaluate(): each broker is its best candidate (score, then fewer profiles, then the KB's
  // order); brokers go by score, then (an exact tie) the tie-margin ratings, staff cost, the general
  // standing, broker id. lines() lists each broker's candidates together; this runs thousands of times, so it
  // allocates nothing.
  let winner = -1;
  let winnerUnits = 0;
  let winnerMargin = 0;
  for (let i = 0; i < all.length;) {
    let best = i;
    let bestUnits = rankingUnitsOf(all[i]!.fits, weights);
    let j = i + 1;
    for (; j < all.length && all[j]!.broker === all[i]!.broker; j++) {
      const units = rankingUnitsOf(all[j]!.fits, weights);
      const b = all[best]!;
      const line = all[j]!;
      if ((units - bestUnits || b.profileCount - line.profileCount || b.kbOrder - line.kbOrder) > 0) {
        best = j;
        bestUnits = units;
      }
    }
    const line = all[best]!;
    const margin = line.ratings ? marginUnitsOf(line.ratings, weights) : 0;
    const leader = winner >= 0 ? all[winner]! : undefined;
    const order = leader
      ? bestUnits - winnerUnits ||
        margin - winnerMargin ||
        line.staffTieUnits - leader.staffTieUnits ||
        line.tieUnits - leader.tieUnits ||
        (line.broker < leader.broker ? 1 : 0)
      : 1;
    if (order > 0) {
      winner = best;
      winnerUnits = bestUnits;
      winnerMargin = margin;
    }
    i = j;
  }
  return winner >= 0 ? all[winner]!.broker : null;
}

export function weightIntervals(evaluation: Evaluation): Sensitivity['weights'] {
  const all = lines(evaluation);
  const base: Weights = CRITERIA.map((c) => evaluation.weights[c].weight);
  const winner = winnerFor(all, base);
  if (!winner) return [];
  return CRITERIA.map((criterion, k) => {
    const at = (w: number) =>
      winnerFor(
        all,
        base.map((b, i) => (i === k ? w : b)),
      );
    const rest = (v: number[]) => base.reduce((sum, b, i) => (i === k ? sum : sum + b * v[i]!), 0);
    const breaks = new Set<number>();
    // Where two score lines cross, and where two tie-break margins (also lines in the weight) cross: on an
    // exact tie of scores the margin decides, so its crossings are edges too.
    const crossing = (a: number[], b: number[]) => {
      const slope = a[k]! - b[k]!;
      if (Math.abs(slope) < 1e-12) return;
      const w = (rest(b) - rest(a)) / slope;
      if (w > 0 && Number.isFinite(w)) breaks.add(w);
    };
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        crossing(all[i]!.fits, all[j]!.fits);
        if (all[i]!.ratings && all[j]!.ratings) crossing(all[i]!.ratings!, all[j]!.ratings!);
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

export function robustness(
  evaluation: Evaluation,
  samples: number,
  seed: number,
): NonNullable<Sensitivity['robustness']> {
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
  return {
    samples,
    seed,
    perturbation: PERTURBATION,
    share: samples === 0 ? 1 : round4((wins[winner ?? 'none'] ?? 0) / samples),
    winners: sorted,
  };
}
