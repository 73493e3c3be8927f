import type { KnowledgeBase } from '../kb/schema.js';
import type { Requirements } from '../requirements/schema.js';
import { assumptions } from './assumptions.js';
import { contradictions } from './contradictions.js';
import { compareTop, keyReasons } from './explain.js';
import { CRITERION_LABELS } from './labels.js';
import { chooseClusterMode } from './cluster.js';
import { evaluate } from './evaluate.js';
import { analyseSensitivity, type SensitivityOptions } from './sensitivity.js';
import { ruleWarnings } from './rules.js';
import { explainCandidate, type ExplainedCandidate as ScoredCandidate } from './score.js';
import type { Criterion, RankedBroker, Result, Warning } from './types.js';

/**
 * Below this many points (of 100) two brokers are reported as "no clear winner": the ratings behind
 * the scores are judgements on a 1–5 scale, and a few points are within their uncertainty.
 */
export const CLEAR_WINNER_MARGIN = 3;
/**
 * When nothing the user stated separates the leaders — every scoring part is a general KB rating, not
 * a stated number, feature or team fact — a rating step (0.2 of a fit) is the real uncertainty, so a
 * lead must be wider to count.
 */
export const RATINGS_ONLY_MARGIN = 10;

export interface RecommendOptions {
  weightOverrides?: Partial<Record<Criterion, number>>;
  /** Compute what would change the answer (costs ~100 engine runs); off unless asked for. */
  sensitivity?: SensitivityOptions | false;
}

/** requirements + knowledge base -> result. Pure and deterministic: same input, same output. */
export function recommend(requirements: Requirements, kb: KnowledgeBase, options: RecommendOptions = {}): Result {
  const { weights, fired, ranked, eliminated } = evaluate(requirements, kb, options.weightOverrides);
  const warnings: Warning[] = [...contradictions(requirements, kb), ...ruleWarnings(fired)];
  const explained = ranked.map(({ best, others }) => ({ best: explainCandidate(best), others: others.map(explainCandidate) }));
  const ranking = explained.map(({ best, others }, index) => toRanked(best, index + 1, others, weights, requirements));
  for (const ranked of ranking) {
    if (ranked.profiles.length > 1) {
      warnings.push({
        id: `profile-set:${ranked.broker}`,
        message: `${ranked.name} meets the required features only with ${ranked.profiles.map((p) => p.name).join(' + ')} side by side: each flow uses the one it needs; a single flow needing two of these at once is not covered`,
      });
    }
    if (ranked.lowConfidence.length > 0 && ranked.rank <= 2) {
      warnings.push({ id: `low-confidence:${ranked.broker}`, message: `${ranked.name}: ${ranked.lowConfidence.join(', ')} rest on estimates, not measured figures` });
    }
  }
  const winner = ranking[0];
  const MISSED = new Set(['misses-latency', 'beyond-ceiling', 'backlog-degrades', 'retention-queue']);
  for (const part of winner?.contributions.filter((c) => MISSED.has(c.reasonId) && c.points > 0) ?? []) {
    warnings.push({ id: `target-missed:${part.part}`, message: `${winner!.name} does not meet a stated target: ${part.observed} vs ${part.expected}` });
  }
  if (Object.values(weights).every((w) => w.weight === 0)) warnings.push({ id: 'all-weights-zero', message: 'every weight is zero: nothing distinguishes the brokers' });

  const result: Result = {
    schemaVersion: 1,
    kb: { version: kb.version, asOf: kb.asOf, extraFiles: kb.extraFiles },
    ...(requirements.title ? { title: requirements.title } : {}),
    recommendation: null,
    ranking,
    eliminated,
    assumed: assumptions(requirements),
    warnings,
    weights,
  };
  const top = explained[0]?.best;
  const second = explained[1]?.best;
  if (top) {
    const first = ranking[0]!;
    const margin = second ? (top.scoreTenths - second.scoreTenths) / 10 : null;
    const ratingsOnly = ranking.slice(0, 2).every((r) => r.contributions.every((c) => c.points === 0 || c.reasonId === 'kb-rating'));
    const needed = ratingsOnly ? RATINGS_ONLY_MARGIN : CLEAR_WINNER_MARGIN;
    const tied = ranking.filter((r) => r.rank > 1 && first.score - r.score < needed).map((r) => r.broker);
    result.recommendation = {
      broker: first.broker,
      name: first.name,
      profile: first.profile,
      clusterMode: { id: first.clusterMode.id, name: first.clusterMode.name },
      score: first.score,
      margin,
      clearWinner: tied.length === 0,
      ...(tied.length > 0 ? { tiedWith: tied } : {}),
      summary:
        tied.length > 0
          ? `No clear winner: ${[first.name, ...tied.map((id) => ranking.find((r) => r.broker === id)!.name)].join(', ')} are within ${needed} points${ratingsOnly ? ' and the ranking rests only on general KB ratings — state the workload, features and team to decide' : ''}`
          : second
            ? `${first.name} (${first.profiles.map((p) => p.name).join(' + ')}), ${margin!.toFixed(1)} points ahead of ${ranking[1]!.name}`
            : `${first.name} (${first.profiles.map((p) => p.name).join(' + ')}), the only broker that meets the hard constraints`,
    };
    if (second) result.comparison = compareTop(top, second, weights, requirements);
    if (options.sensitivity) {
      result.sensitivity = analyseSensitivity(requirements, kb, { weights, fired, ranked, eliminated }, options.weightOverrides ?? {}, options.sensitivity);
    }
  }
  return result;
}

function toRanked(candidate: ScoredCandidate, rank: number, alternatives: ScoredCandidate[], weights: Result['weights'], requirements: Requirements): RankedBroker {
  const broker = candidate.profiles[0]!.broker;
  return {
    rank,
    broker: broker.id,
    name: broker.name,
    profile: candidate.profiles.map((p) => p.profile.id).join(' + '),
    profiles: candidate.profiles.map((p) => ({ id: p.profile.id, name: p.profile.name })),
    score: candidate.scoreTenths / 10,
    breakdown: candidate.breakdown,
    contributions: candidate.contributions,
    reasons: keyReasons(candidate),
    clusterMode: chooseClusterMode(candidate.profiles, requirements, candidate.multiDc),
    lowConfidence: (Object.keys(candidate.breakdown) as Criterion[]).filter((c) => candidate.breakdown[c].confidence === 'low' && candidate.breakdown[c].weight > 0),
    alternatives: alternatives.map((alt) => ({
      profile: alt.profiles.map((p) => p.profile.id).join(' + '),
      score: alt.scoreTenths / 10,
      behindBy: (Object.keys(candidate.breakdown) as Criterion[])
        .map((c) => ({ c, d: candidate.breakdown[c].contribution - alt.breakdown[c].contribution }))
        .filter((x) => Math.abs(x.d) >= 0.1 && weights[x.c].weight > 0)
        .sort((a, b) => b.d - a.d || a.c.localeCompare(b.c))
        .map((x) => `${CRITERION_LABELS[x.c]} ${x.d > 0 ? '+' : ''}${x.d.toFixed(1)}`),
    })),
  };
}
