import type { Requirements } from '../requirements/schema.js';
import { combinedFit, criterionParts, featureParts, type FitPart } from './fit.js';
import { chooseMultiDc, type MultiDcChoice } from './multidc.js';
import type { ResolvedProfile } from './profiles.js';
import { adjustmentsFor, type FiredRule } from './rules.js';
import { CRITERIA, type Contribution, type Criterion, type CriterionScore, type WeightInfo } from './types.js';

/**
 * Scores one candidate (a profile, or profiles run side by side) of one broker.
 *
 * Ranking uses the exact score in integer units of 1e-4 points (sums of integers do not depend on
 * order). The displayed score is that rounded to tenths, and the contributions are rounded with the
 * largest-remainder method so they add up to it exactly.
 */
export interface ScoredCandidate {
  profiles: ResolvedProfile[];
  /** Exact score in 1e-4 points: the ranking key. */
  scoreUnits: number;
  /** Displayed score in tenths (= sum of contributions). */
  scoreTenths: number;
  breakdown: Record<Criterion, CriterionScore>;
  contributions: Contribution[];
  /** Fit per criterion after rules, unrounded; fits never depend on weights (sensitivity uses them). */
  fits: Record<Criterion, number>;
  multiDc: MultiDcChoice | undefined;
}

const UNITS_PER_POINT = 10_000;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const round1 = (value: number) => Math.round(value * 10) / 10;

export function weightShares(weights: Record<Criterion, WeightInfo>): Record<Criterion, number> {
  const total = CRITERIA.reduce((sum, c) => sum + weights[c].weight, 0);
  return Object.fromEntries(CRITERIA.map((c) => [c, total === 0 ? 0 : weights[c].weight / total])) as Record<Criterion, number>;
}

function partsFor(criterion: Criterion, profiles: ResolvedProfile[], requirements: Requirements, multiDc: MultiDcChoice | undefined): FitPart[] {
  if (criterion === 'features') return featureParts(profiles, requirements);
  // Profiles run side by side are only as good as the weakest of them on each dimension.
  const perProfile = profiles.map((p) => ({ p, parts: criterionParts(p, requirements, criterion, multiDc) }));
  const weakest = perProfile.reduce((a, b) => (combinedFit(b.parts) < combinedFit(a.parts) ? b : a));
  const allEqual = perProfile.every((x) => combinedFit(x.parts) === combinedFit(weakest.parts));
  if (profiles.length === 1 || allEqual) return weakest.parts;
  return weakest.parts.map((part) => ({ ...part, observed: `${part.observed} [${weakest.p.profile.id}, the weakest of the set]` }));
}

interface Draft {
  contribution: Omit<Contribution, 'contribution'>;
  /** Exact points earned (may be negative for a rule). */
  earned: number;
}

export function scoreCandidate(
  profiles: ResolvedProfile[],
  requirements: Requirements,
  weights: Record<Criterion, WeightInfo>,
  fired: FiredRule[],
): ScoredCandidate {
  const shares = weightShares(weights);
  const multiDc = chooseMultiDc(profiles, requirements);
  const broker = profiles[0]!.broker;
  const adjustments = adjustmentsFor(fired, broker.id, profiles.map((p) => p.profile.id));
  const drafts: Draft[] = [];
  const fits = {} as Record<Criterion, number>;
  const confidence = {} as Record<Criterion, 'high' | 'low'>;

  for (const criterion of CRITERIA) {
    const parts = partsFor(criterion, profiles, requirements, multiDc);
    const totalWeight = parts.reduce((sum, p) => sum + p.weight, 0);
    for (const part of parts) {
      const points = (100 * shares[criterion] * part.weight) / totalWeight;
      drafts.push({ contribution: { criterion, ...pick(part), points: round1(points) }, earned: points * part.fit });
    }
    let fit = combinedFit(parts);
    for (const adjustment of adjustments.filter((a) => a.criterion === criterion)) {
      const adjusted = clamp01(fit + adjustment.by);
      const delta = adjusted - fit;
      fit = adjusted;
      drafts.push({
        contribution: {
          criterion,
          part: `rule:${adjustment.ruleId}`,
          observed: `${broker.name}: fit ${delta >= 0 ? '+' : ''}${round3(delta)}`,
          expected: 'rule condition holds',
          fit: round3(delta),
          points: round1(100 * shares[criterion]),
          reasonId: adjustment.ruleId,
          reason: adjustment.because,
          confidence: 'high',
          sources: adjustment.sources,
        },
        earned: 100 * shares[criterion] * delta,
      });
    }
    fits[criterion] = fit;
    confidence[criterion] = parts.some((p) => p.confidence === 'low') ? 'low' : 'high';
  }

  const units = drafts.map((d) => Math.round(d.earned * UNITS_PER_POINT));
  const scoreUnits = units.reduce((sum, u) => sum + u, 0);
  const scoreTenths = Math.round(scoreUnits / (UNITS_PER_POINT / 10));
  const tenths = apportion(units.map((u) => u / (UNITS_PER_POINT / 10)), scoreTenths);
  const contributions = drafts.map((d, i) => ({ ...d.contribution, contribution: tenths[i]! / 10 }));
  const breakdown = {} as Record<Criterion, CriterionScore>;
  for (const criterion of CRITERIA) {
    const criterionTenths = contributions.reduce((sum, c, i) => (c.criterion === criterion ? sum + tenths[i]! : sum), 0);
    breakdown[criterion] = {
      weight: weights[criterion].weight,
      weightShare: round3(shares[criterion]),
      fit: round3(fits[criterion]),
      contribution: criterionTenths / 10,
      confidence: confidence[criterion],
    };
  }
  return { profiles, scoreUnits, scoreTenths, breakdown, contributions, fits, multiDc };
}

/**
 * Rounds values to integers whose sum is `total` (largest remainder; ties to the earlier part), so the
 * displayed contributions add up exactly to the displayed score.
 */
export function apportion(values: number[], total: number): number[] {
  const floors = values.map((v) => Math.floor(v));
  let missing = total - floors.reduce((sum, f) => sum + f, 0);
  const order = values.map((v, i) => ({ i, remainder: v - floors[i]! })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = floors[i]! + 1;
    missing -= 1;
  }
  return floors;
}

function pick(part: FitPart): Omit<Contribution, 'criterion' | 'points' | 'contribution'> {
  return {
    part: part.part,
    observed: part.observed,
    expected: part.expected,
    fit: part.fit,
    reasonId: part.reasonId,
    reason: part.reason,
    confidence: part.confidence,
    sources: part.sources,
  };
}
