import type { Requirements } from '../requirements/schema.js';
import { chooseClusterMode } from './cluster.js';
import { combinedFit, criterionParts, featureParts, type FitPart } from './fit.js';
import { chooseMultiDc } from './multidc.js';
import type { ResolvedProfile } from './profiles.js';
import { adjustmentsFor, type FiredRule } from './rules.js';
import { CRITERIA, type ClusterModeChoice, type Contribution, type Criterion, type CriterionScore, type WeightInfo } from './types.js';

/**
 * Scores one candidate (a profile, or profiles run side by side) of one broker. Every part becomes a
 * contribution in integer tenths of a point, so contributions add up exactly to the score whatever
 * the order of summation.
 */
export interface ScoredCandidate {
  profiles: ResolvedProfile[];
  scoreTenths: number;
  breakdown: Record<Criterion, CriterionScore>;
  contributions: Contribution[];
  /** Fit per criterion after rules, unrounded; used for sensitivity and "what would change". */
  fits: Record<Criterion, number>;
  clusterMode: ClusterModeChoice;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const round3 = (value: number) => Math.round(value * 1000) / 1000;

export function weightShares(weights: Record<Criterion, WeightInfo>): Record<Criterion, number> {
  const total = CRITERIA.reduce((sum, c) => sum + weights[c].weight, 0);
  return Object.fromEntries(CRITERIA.map((c) => [c, total === 0 ? 0 : weights[c].weight / total])) as Record<Criterion, number>;
}

function partsFor(criterion: Criterion, profiles: ResolvedProfile[], requirements: Requirements, multiDc: ReturnType<typeof chooseMultiDc>): FitPart[] {
  if (criterion === 'features') return featureParts(profiles, requirements);
  // Profiles run side by side are only as good as the weakest of them on each dimension.
  const perProfile = profiles.map((p) => ({ p, parts: criterionParts(p, requirements, criterion, multiDc) }));
  const weakest = perProfile.reduce((a, b) => (combinedFit(b.parts) < combinedFit(a.parts) ? b : a));
  const allEqual = perProfile.every((x) => combinedFit(x.parts) === combinedFit(weakest.parts));
  if (profiles.length === 1 || allEqual) return weakest.parts;
  return weakest.parts.map((part) => ({ ...part, observed: `${part.observed} [${weakest.p.profile.id}, the weakest of the set]` }));
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
  const contributions: Contribution[] = [];
  const breakdown = {} as Record<Criterion, CriterionScore>;
  const fits = {} as Record<Criterion, number>;
  let scoreTenths = 0;

  for (const criterion of CRITERIA) {
    const parts = partsFor(criterion, profiles, requirements, multiDc);
    const totalWeight = parts.reduce((sum, p) => sum + p.weight, 0);
    let criterionTenths = 0;
    for (const part of parts) {
      const points = (100 * shares[criterion] * part.weight) / totalWeight;
      const tenths = Math.round(10 * points * part.fit);
      criterionTenths += tenths;
      contributions.push({ criterion, ...pick(part), points: round1(points), contribution: tenths / 10 });
    }
    let fit = combinedFit(parts);
    for (const adjustment of adjustments.filter((a) => a.criterion === criterion)) {
      const adjusted = clamp01(fit + adjustment.by);
      const delta = adjusted - fit;
      fit = adjusted;
      const tenths = Math.round(10 * 100 * shares[criterion] * delta);
      criterionTenths += tenths;
      contributions.push({
        criterion,
        part: `rule:${adjustment.ruleId}`,
        observed: `${broker.name}: fit ${delta >= 0 ? '+' : ''}${round3(delta)}`,
        expected: 'rule condition holds',
        fit: round3(delta),
        points: round1(100 * shares[criterion]),
        contribution: tenths / 10,
        reasonId: adjustment.ruleId,
        reason: adjustment.because,
        confidence: 'high',
        sources: adjustment.sources,
      });
    }
    fits[criterion] = fit;
    breakdown[criterion] = {
      weight: weights[criterion].weight,
      weightShare: round3(shares[criterion]),
      fit: round3(fit),
      contribution: criterionTenths / 10,
      confidence: parts.some((p) => p.confidence === 'low') ? 'low' : 'high',
    };
    scoreTenths += criterionTenths;
  }
  return { profiles, scoreTenths, breakdown, contributions, fits, clusterMode: chooseClusterMode(profiles, requirements, multiDc) };
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

const round1 = (value: number) => Math.round(value * 10) / 10;
