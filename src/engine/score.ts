import type { Model } from '../kb/model-schema.js';
import type { Requirements } from '../requirements/schema.js';
import { combinedFit, criterionParts, featureParts, type FitPart } from './fit.js';
import { chooseMultiDc, type MultiDcChoice } from './multidc.js';
import type { ResolvedProfile } from './profiles.js';
import { indexEffects, type FiredRule, type RuleEffects } from './rules.js';
import { CRITERIA, type Criterion, type WeightInfo } from './types.js';
import { round3 } from './rounding.js';
import { nothingStated } from './weights.js';
import type { Dimension } from '../requirements/vocabulary.js';

/**
 * Scores one candidate (a profile, or profiles run side by side) of one broker.
 *
 * Ranking uses the score in integer units of 1e-8 points, computed in a fixed order (rankingUnits). The displayed
 * score is that rounded to tenths, and the contributions are rounded with the largest-remainder method so they add up
 * to it exactly.
 */
export interface ScoredCandidate {
  profiles: ResolvedProfile[];
  /** Score in units of 1e-8 points: the ranking key (see rankingUnits). */
  scoreUnits: number;
  /**
   * Exact ties between brokers on what was stated go first to the one rated higher on the qualities weighed (the
   * model's tieMarginDimensions: both meet the need, so the margin beyond it is what is left to tell them apart), then
   * to the one cheaper to staff (the simplest to run), then to the general standing (every dimension weighed equally).
   * With nothing stated, only the general standing.
   */
  marginTieUnits: number;
  /** The ratings behind marginTieUnits, in CRITERIA order (marginRatings); the weight analysis reuses them. */
  marginRatings: number[];
  staffTieUnits: number;
  tieUnits: number;
  /** Displayed score in tenths (= sum of contributions). */
  scoreTenths: number;
  /** Fit per criterion after rules, unrounded; fits never depend on weights (sensitivity uses them). */
  fits: Record<Criterion, number>;
  multiDc: MultiDcChoice | undefined;
  /** What explain() needs; kept as plain data so scoring stays cheap when nothing is printed. */
  drafts: Draft[];
  confidence: Record<Criterion, 'high' | 'low'>;
  weights: Record<Criterion, WeightInfo>;
  shares: Record<Criterion, number>;
}

export const UNITS_PER_POINT = 10_000;
/** Fine enough that a 0.01 change of one weight always shows in the key; coarse enough to absorb float noise. */
const RANK_UNITS_PER_POINT = 1e8;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const EQUAL_WEIGHTS = Object.fromEntries(CRITERIA.map((c) => [c, { weight: c === 'features' ? 0 : 1 }])) as Record<
  Criterion,
  { weight: number }
>;

export function weightShares(weights: Record<Criterion, WeightInfo>): Record<Criterion, number> {
  let total = 0;
  for (const c of CRITERIA) total += weights[c].weight;
  const shares = {} as Record<Criterion, number>;
  for (const c of CRITERIA) shares[c] = total === 0 ? 0 : weights[c].weight / total;
  return shares;
}

function partsFor(
  criterion: Criterion,
  profiles: ResolvedProfile[],
  requirements: Requirements,
  model: Model,
  asOf: string,
  multiDc: MultiDcChoice | undefined,
): FitPart[] {
  if (criterion === 'features') return featureParts(profiles, requirements, model, asOf);
  // Profiles run side by side are only as good as the weakest of them on each dimension, except the load:
  // not all traffic uses a special message type, so throughput and scale are judged on the set's general
  // flow (its most capable member), and the cluster-mode note says the special flows cost more.
  if (profiles.length === 1) return criterionParts(profiles[0]!, requirements, criterion, model, multiDc);
  const perProfile = profiles.map((p) => ({ p, parts: criterionParts(p, requirements, criterion, model, multiDc) }));
  const byLoad = criterion === 'throughput' || criterion === 'scalability';
  const chosen = perProfile.reduce((a, b) =>
    (byLoad ? combinedFit(b.parts) > combinedFit(a.parts) : combinedFit(b.parts) < combinedFit(a.parts)) ? b : a,
  );
  const allEqual = perProfile.every((x) => combinedFit(x.parts) === combinedFit(chosen.parts));
  if (allEqual) return chosen.parts;
  const note = byLoad
    ? ` [${chosen.p.profile.id}, the set's general flow; special types cost more per message]`
    : ` [${chosen.p.profile.id}, the weakest of the set]`;
  return chosen.parts.map((part) => ({
    ...part,
    text: () => {
      const text = part.text();
      return { observed: `${text.observed}${note}`, expected: text.expected };
    },
  }));
}

interface Draft {
  criterion: Criterion;
  /** The scored part, or a rule adjustment (fit = change in fit). */
  part: FitPart;
  points: number;
  /** Exact points earned (may be negative for a rule). */
  earned: number;
}

export function scoreCandidate(
  profiles: ResolvedProfile[],
  requirements: Requirements,
  model: Model,
  asOf: string,
  weights: Record<Criterion, WeightInfo>,
  fired: FiredRule[],
  shares: Record<Criterion, number> = weightShares(weights),
  effects: RuleEffects = indexEffects(fired),
): ScoredCandidate {
  const multiDc = chooseMultiDc(profiles, requirements, model, asOf);
  const broker = profiles[0]!.broker;
  const adjustments = effects.adjustments(
    broker.id,
    profiles.map((p) => p.profile.id),
  );
  const drafts: Draft[] = [];
  const fits = {} as Record<Criterion, number>;
  const confidence = {} as Record<Criterion, 'high' | 'low'>;

  for (const criterion of CRITERIA) {
    const parts = partsFor(criterion, profiles, requirements, model, asOf, multiDc);
    let totalWeight = 0;
    let low = false;
    for (const part of parts) {
      totalWeight += part.weight;
      if (part.confidence === 'low') low = true;
    }
    for (const part of parts) {
      const points = (100 * shares[criterion] * part.weight) / totalWeight;
      drafts.push({ criterion, part, points, earned: points * part.fit });
    }
    let fit = combinedFit(parts);
    for (const adjustment of adjustments) {
      if (adjustment.criterion !== criterion) continue;
      const adjusted = clamp01(fit + adjustment.by);
      const delta = adjusted - fit;
      fit = adjusted;
      const part: FitPart = {
        part: `rule:${adjustment.ruleId}`,
        weight: 0,
        fit: round3(delta),
        text: () => ({
          observed: `${broker.name}: fit ${delta >= 0 ? '+' : ''}${round3(delta)}`,
          expected: 'rule condition holds',
        }),
        reasonId: adjustment.ruleId,
        reason: adjustment.because,
        confidence: 'high',
        sources: adjustment.sources,
      };
      drafts.push({ criterion, part, points: 100 * shares[criterion], earned: 100 * shares[criterion] * delta });
    }
    fits[criterion] = fit;
    confidence[criterion] = low ? 'low' : 'high';
  }

  const scoreUnits = rankingUnits(fits, weights);
  const scoreTenths = Math.round(scoreUnits / (RANK_UNITS_PER_POINT / 10));
  const tieUnits = rankingUnits(fits, EQUAL_WEIGHTS);
  const stated = !nothingStated(weights);
  const margin = marginRatings(profiles, model);
  const marginTieUnits = stated
    ? marginUnitsOf(
        margin,
        CRITERIA.map((c) => weights[c].weight),
      )
    : 0;
  const staffTieUnits = stated ? Math.round(fits.staffCost * RANK_UNITS_PER_POINT) : 0;
  return {
    profiles,
    scoreUnits,
    marginTieUnits,
    marginRatings: margin,
    staffTieUnits,
    tieUnits,
    scoreTenths,
    fits,
    multiDc,
    drafts,
    confidence,
    weights,
    shares,
  };
}

/** A candidate's KB rating on a dimension: the weakest of profiles run side by side. */
const ratingOn = (profiles: ResolvedProfile[], dimension: Dimension): number =>
  Math.min(...profiles.map((p) => p.ratings[dimension].rating));

/** The ratings the margin tie-break weighs (the model's tieMarginDimensions), in CRITERIA order, 0 elsewhere. */
const marginRatings = (profiles: ResolvedProfile[], model: Model): number[] => {
  const dimensions: readonly Criterion[] = model.thresholds.tieMarginDimensions.value;
  return CRITERIA.map((c) => (c !== 'features' && dimensions.includes(c) ? ratingOn(profiles, c) : 0));
};

/**
 * The margin tie-break key, Σ weight x rating over marginRatings: how far a candidate stands above needs that tied
 * candidates both meet. Linear in the weights, like the score, so the weight analysis orders ties the same way.
 */
export function marginUnitsOf(ratings: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < CRITERIA.length; i++) sum += weights[i]! * ratings[i]!;
  return Math.round(sum * 100);
}

/**
 * The ranking key: 100 x Σ weight x fit / Σ weight, in integer units of 1e-8 points, summed in the fixed
 * criteria order. The sensitivity analysis ranks candidates with this same function, so the two agree.
 */
function rankingUnits(fits: Record<Criterion, number>, weights: Record<Criterion, { weight: number }>): number {
  let weighted = 0;
  let total = 0;
  for (const c of CRITERIA) {
    weighted += weights[c].weight * fits[c];
    total += weights[c].weight;
  }
  return unitsOf(weighted, total);
}

/** rankingUnits over vectors in CRITERIA order (same sums in the same order): for the sensitivity analysis. */
export function rankingUnitsOf(fits: ArrayLike<number>, weights: ArrayLike<number>): number {
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < CRITERIA.length; i++) {
    weighted += weights[i]! * fits[i]!;
    total += weights[i]!;
  }
  return unitsOf(weighted, total);
}

const unitsOf = (weighted: number, total: number) =>
  total === 0 ? 0 : Math.round((100 * RANK_UNITS_PER_POINT * weighted) / total);
