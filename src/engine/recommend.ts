import type { Model } from '../kb/model-schema.js';
import type { KnowledgeBase } from '../kb/schema.js';
import type { Requirements } from '../requirements/schema.js';
import { assumptions } from './assumptions.js';
import { chooseClusterMode, pickClusterMode } from './cluster.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { compareTop, keyReasons } from './explain.js';
import { CRITERION_LABELS } from './labels.js';
import { relaxations } from './relaxations.js';
import { nothingStated } from './weights.js';
import { analyseSensitivity, type SensitivityOptions } from './sensitivity.js';
import { explainCandidate, type ExplainedCandidate } from './explain-score.js';
import type { ScoredCandidate } from './score.js';
import {
  CRITERIA,
  type Criterion,
  type RankedBroker,
  type Recommendation,
  type Result,
  type ResultSummary,
} from './types.js';
import { byCodeUnits } from './order.js';
import { round3 } from './rounding.js';
import { brokerOf, profileId, profileNames, type Ranked } from './ranked.js';
import { warnings } from './warnings.js';

export interface RecommendOptions {
  weightOverrides?: Partial<Record<Criterion, number>>;
  /** Compute what would change the answer (costs ~100 engine runs); off unless asked for. */
  sensitivity?: SensitivityOptions | false;
}

/** requirements + knowledge base -> result. Pure and deterministic: same input, same output. */
export function recommend(requirements: Requirements, kb: KnowledgeBase, options: RecommendOptions = {}): Result {
  const evaluation = evaluate(requirements, kb, options.weightOverrides);
  const ranked = rank(evaluation, requirements, kb.model);
  const explained = new Map<ScoredCandidate, ExplainedCandidate>();
  const explain = (c: ScoredCandidate) =>
    explained.get(c) ?? explained.set(c, explainCandidate(c, kb.model.thresholds.strength.value)).get(c)!;
  const ranking = ranked.map((r, i) =>
    toRanked(r, explain(r.candidate), evaluation.ranked[i]!.others.map(explain), evaluation, requirements, kb.model),
  );
  const result: Result = {
    schemaVersion: 1,
    kb: { version: kb.version, asOf: kb.asOf, extraFiles: kb.extraFiles },
    ...(requirements.title ? { title: requirements.title } : {}),
    recommendation: recommendation(ranked, kb.model, nothingStated(evaluation.weights)),
    ranking,
    eliminated: evaluation.eliminated,
    assumed: assumptions(requirements, evaluation.weights, kb.model),
    warnings: warnings(requirements, kb, evaluation, ranked, options.weightOverrides),
    weights: evaluation.weights,
  };
  if (ranked.length >= 2)
    result.comparison = compareTop(
      explain(ranked[0]!.candidate),
      explain(ranked[1]!.candidate),
      evaluation.weights,
      requirements,
    );
  if (ranked.length === 0) result.relaxations = relaxations(requirements, kb);
  if (options.sensitivity && ranked.length > 0) {
    result.sensitivity = analyseSensitivity(
      requirements,
      kb,
      evaluation,
      options.weightOverrides ?? {},
      options.sensitivity,
    );
  }
  return result;
}

/**
 * The same answer without the explanation text (contributions, reasons, cluster-mode prose): what
 * `recommend --batch` writes per record, cheap enough for hundreds of thousands of scenarios.
 */
export function recommendSummary(
  requirements: Requirements,
  kb: KnowledgeBase,
  options: RecommendOptions = {},
): ResultSummary {
  const evaluation = evaluate(requirements, kb, options.weightOverrides);
  const ranked = rank(evaluation, requirements, kb.model);
  const summary: ResultSummary = {
    schemaVersion: 1,
    kb: { version: kb.version, asOf: kb.asOf, extraFiles: kb.extraFiles },
    recommendation: recommendation(ranked, kb.model, nothingStated(evaluation.weights)),
    ranking: ranked.map(({ candidate, rank, clusterMode, lowConfidence }) => ({
      rank,
      broker: brokerOf(candidate).id,
      profile: profileId(candidate),
      score: candidate.scoreTenths / 10,
      fits: roundedFits(candidate.fits),
      clusterMode: {
        id: clusterMode.mode.id,
        name: clusterMode.mode.name,
        nodes: clusterMode.nodes.map(({ role, count }) => ({ role, count })),
        ...(candidate.multiDc ? { multiDatacenter: candidate.multiDc.option.id } : {}),
      },
      lowConfidence,
    })),
    eliminated: evaluation.eliminated,
    warnings: warnings(requirements, kb, evaluation, ranked, options.weightOverrides),
  };
  if (options.sensitivity && ranked.length > 0) {
    summary.sensitivity = analyseSensitivity(
      requirements,
      kb,
      evaluation,
      options.weightOverrides ?? {},
      options.sensitivity,
    );
  }
  return summary;
}

/** In CRITERIA order (the contract's key order), written out: this runs for every record of a batch. */
const roundedFits = (f: Record<Criterion, number>): Record<Criterion, number> => ({
  throughput: round3(f.throughput),
  reliability: round3(f.reliability),
  latency: round3(f.latency),
  backlog: round3(f.backlog),
  scalability: round3(f.scalability),
  staffCost: round3(f.staffCost),
  features: round3(f.features),
});

function rank(evaluation: Evaluation, requirements: Requirements, model: Model): Ranked[] {
  return evaluation.ranked.map(({ best }, index) => ({
    candidate: best,
    rank: index + 1,
    clusterMode: pickClusterMode(best.profiles, requirements, model),
    lowConfidence: CRITERIA.filter((c) => best.confidence[c] === 'low' && evaluation.weights[c].weight > 0),
  }));
}

/** Only general KB ratings, no stated number, feature or team fact, separate this candidate's score. */
const ratingsOnly = (c: ScoredCandidate) => c.drafts.every((d) => d.points === 0 || d.part.reasonId === 'kb-rating');

/** The criteria the "nothing stated" weights count, in words: "reliability, latency and staff cost". */
function fallbackCriteria(first: Ranked): string {
  const weights = first.candidate.weights;
  const labels = CRITERIA.filter((c) => weights[c].weight > 0).map((c) => CRITERION_LABELS[c]);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : (labels[0] ?? 'nothing');
}

function recommendation(ranked: Ranked[], model: Model, fallback: boolean): Recommendation | null {
  const first = ranked[0];
  if (!first) return null;
  const second = ranked[1];
  const score = (r: Ranked) => r.candidate.scoreTenths / 10;
  const name = (r: Ranked) => brokerOf(r.candidate).name;
  const margin = second ? (first.candidate.scoreTenths - second.candidate.scoreTenths) / 10 : null;
  const onlyRatings = ranked.slice(0, 2).every((r) => ratingsOnly(r.candidate));
  const needed = onlyRatings ? model.thresholds.ratingsOnlyPoints.value : model.thresholds.clearWinnerPoints.value;
  // With nothing stated there is nothing to win on: the ranking is the general ratings, never a decision.
  const tied = ranked.filter((r) => r.rank > 1 && (fallback || score(first) - score(r) < needed));
  return {
    broker: brokerOf(first.candidate).id,
    name: name(first),
    profile: profileId(first.candidate),
    clusterMode: { id: first.clusterMode.mode.id, name: first.clusterMode.mode.name },
    score: score(first),
    margin,
    clearWinner: tied.length === 0,
    ...(tied.length > 0 ? { tiedWith: tied.map((r) => brokerOf(r.candidate).id) } : {}),
    summary:
      tied.length > 0
        ? fallback
          ? `No clear winner: nothing was ranked or stated, so ${[first, ...tied].map(name).join(', ')} are ` +
            `ordered only by general KB ratings of ${fallbackCriteria(first)} — state the workload, features ` +
            'and team to decide'
          : `No clear winner: ${[first, ...tied].map(name).join(', ')} are within ${needed} points` +
            (onlyRatings
              ? ' and the ranking rests only on general KB ratings — state the workload, features and team to decide'
              : '') +
            (tied.some((r) => r.candidate.scoreTenths === first.candidate.scoreTenths)
              ? `; equal scores go to the one rated higher on ` +
                `${model.thresholds.tieMarginDimensions.value.join(', ')} where weighed, then the simpler to run, ` +
                'then general KB ratings'
              : '')
        : second
          ? `${name(first)} (${profileNames(first.candidate)}), ${margin!.toFixed(1)} points ahead of ${name(second)}`
          : `${name(first)} (${profileNames(first.candidate)}), the only broker that meets the hard constraints`,
  };
}

function toRanked(
  r: Ranked,
  candidate: ExplainedCandidate,
  alternatives: ExplainedCandidate[],
  evaluation: Evaluation,
  requirements: Requirements,
  model: Model,
): RankedBroker {
  const broker = brokerOf(candidate);
  return {
    rank: r.rank,
    broker: broker.id,
    name: broker.name,
    profile: profileId(candidate),
    profiles: candidate.profiles.map((p) => ({ id: p.profile.id, name: p.profile.name })),
    score: candidate.scoreTenths / 10,
    breakdown: candidate.breakdown,
    contributions: candidate.contributions,
    reasons: keyReasons(candidate, model),
    clusterMode: chooseClusterMode(candidate.profiles, requirements, model, candidate.multiDc, r.clusterMode),
    lowConfidence: r.lowConfidence,
    alternatives: alternatives.map((alt) => ({
      profile: profileId(alt),
      score: alt.scoreTenths / 10,
      behindBy: CRITERIA.map((c) => ({ c, d: candidate.breakdown[c].contribution - alt.breakdown[c].contribution }))
        .filter((x) => Math.abs(x.d) >= 0.1 && evaluation.weights[x.c].weight > 0)
        .sort((a, b) => b.d - a.d || byCodeUnits(a.c, b.c))
        .map((x) => `${CRITERION_LABELS[x.c]} ${x.d > 0 ? '+' : ''}${x.d.toFixed(1)}`),
    })),
  };
}
