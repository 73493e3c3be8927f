/** Turns a scored candidate into what is shown: contributions that add up exactly to the displayed score. */
import { UNITS_PER_POINT, type ScoredCandidate } from './score.js';
import { CRITERIA, type Contribution, type Criterion, type CriterionScore } from './types.js';
import { round1, round3 } from './rounding.js';

export type ExplainedCandidate = ScoredCandidate & {
  breakdown: Record<Criterion, CriterionScore>;
  contributions: Contribution[];
};

export function explainCandidate(candidate: ScoredCandidate, strengthAt: number): ExplainedCandidate {
  return { ...candidate, ...explainScore(candidate, strengthAt) };
}

/** Contributions and per-criterion breakdown of a scored candidate, computed only for what is shown. */
function explainScore(
  candidate: ScoredCandidate,
  strengthAt: number,
): { breakdown: Record<Criterion, CriterionScore>; contributions: Contribution[] } {
  const units = candidate.drafts.map((d) => Math.round(d.earned * UNITS_PER_POINT));
  const tenths = apportion(
    units.map((u) => u / (UNITS_PER_POINT / 10)),
    candidate.scoreTenths,
  );
  const contributions: Contribution[] = candidate.drafts.map((d, i) => {
    const { observed, expected } = d.part.text();
    return {
      criterion: d.criterion,
      part: d.part.part,
      observed,
      expected,
      fit: d.part.fit,
      points: round1(d.points),
      contribution: tenths[i]! / 10,
      reasonId: d.part.reasonId,
      reason: d.part.reason,
      confidence: d.part.confidence,
      sources: d.part.sources,
    };
  });
  const breakdown = {} as Record<Criterion, CriterionScore>;
  for (const criterion of CRITERIA) {
    let criterionTenths = 0;
    candidate.drafts.forEach((d, i) => {
      if (d.criterion === criterion) criterionTenths += tenths[i]!;
    });
    breakdown[criterion] = {
      weight: candidate.weights[criterion].weight,
      weightShare: round3(candidate.shares[criterion]),
      fit: round3(candidate.fits[criterion]),
      contribution: criterionTenths / 10,
      confidence: candidate.confidence[criterion],
      assessment: candidate.fits[criterion] >= strengthAt ? 'strength' : 'weakness',
    };
  }
  return { breakdown, contributions };
}

/**
 * Rounds values to integers whose sum is `total` (largest remainder; ties to the earlier part), so the
 * displayed contributions add up exactly to the displayed score.
 */
function apportion(values: number[], total: number): number[] {
  const floors = values.map((v) => Math.floor(v));
  let missing = total - floors.reduce((sum, f) => sum + f, 0);
  const order = values
    .map((v, i) => ({ i, remainder: v - floors[i]! }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = floors[i]! + 1;
    missing -= 1;
  }
  return floors;
}
