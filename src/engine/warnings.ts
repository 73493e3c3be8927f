import type { KnowledgeBase } from '../kb/schema.js';
import type { Requirements } from '../requirements/schema.js';
import { LANGUAGES, canonicalLanguage } from '../requirements/vocabulary.js';
import { sizeStorage } from './cluster.js';
import { satisfies } from './constraints.js';
import { contradictions } from './contradictions.js';
import type { Evaluation } from './evaluate.js';
import { brokerOf, profileNames, type Ranked } from './ranked.js';
import { ruleWarnings } from './rules.js';
import { CRITERIA, type Criterion, type Warning } from './types.js';

const MISSED_TARGET = new Set(['misses-latency', 'beyond-ceiling', 'backlog-degrades', 'retention-queue']);

/** What the reader should know beside the ranking: contradictions, rule notes, estimates, missed targets. */
export function warnings(
  requirements: Requirements,
  kb: KnowledgeBase,
  evaluation: Evaluation,
  ranked: Ranked[],
  overrides: Partial<Record<Criterion, number>> = {},
): Warning[] {
  const out: Warning[] = [...contradictions(requirements, kb), ...ruleWarnings(evaluation.fired)];
  for (const name of requirements.team?.languages ?? []) {
    if (!canonicalLanguage(name))
      out.push({
        id: `unknown-language:${name}`,
        message:
          `team.languages: the knowledge base has no client data for "${name}", so it is not compared ` +
          `(known: ${LANGUAGES.join(', ')})`,
      });
  }
  for (const r of ranked) {
    const broker = brokerOf(r.candidate);
    if (r.candidate.profiles.length > 1) {
      out.push({
        id: `profile-set:${broker.id}`,
        message:
          `${broker.name} meets the required features only with ${profileNames(r.candidate)} side by side: ` +
          `each flow uses the one it needs; a single flow needing two of these at once is not covered`,
      });
    }
    if (r.lowConfidence.length > 0 && r.rank <= 2) {
      out.push({
        id: `low-confidence:${broker.id}`,
        message: `${broker.name}: ${r.lowConfidence.join(', ')} rest on estimates, not measured figures`,
      });
    }
  }
  const winner = ranked[0]?.candidate;
  if (winner) {
    const storage = sizeStorage(
      winner.profiles,
      requirements,
      kb.model,
      ranked[0]!.clusterMode.mode,
      Math.max(1, ranked[0]!.clusterMode.nodes[0]?.count ?? 1),
    );
    if (storage?.beyondPractical) {
      out.push({
        id: 'storage-beyond-practical',
        message:
          `${brokerOf(winner).name} would hold ${storage.basis}: more than one node holds in practice — add nodes` +
          `${storage.tieredStorage ? ', or move old data to tiered storage' : ''}, shorten retention, ` +
          `or split the data by domain`,
      });
    }
  }
  for (const d of winner?.drafts.filter((d) => MISSED_TARGET.has(d.part.reasonId) && d.points > 0) ?? []) {
    const { observed, expected } = d.part.text();
    out.push({
      id: `target-missed:${d.part.part}`,
      message: `${brokerOf(winner!).name} does not meet a stated target: ${observed} vs ${expected}`,
    });
  }
  if (
    winner &&
    requirements.reliability?.delivery === 'exactly-once' &&
    !winner.profiles.some((p) => satisfies(p.capabilities.exactlyOnceProcessing, requirements))
  ) {
    out.push({
      id: 'exactly-once-not-given',
      message:
        `delivery: exactly-once is stated, but ${brokerOf(winner).name} delivers at least once: consumers ` +
        `must be idempotent (deduplicate by message id or key)`,
    });
  }
  if (overrides.features !== undefined && evaluation.weights.features.from !== 'override') {
    out.push({
      id: 'weight-ignored:features',
      message:
        `the features weight (${overrides.features}) is ignored: no feature or protocol is required or ` +
        `preferred, so there is nothing to judge`,
    });
  }
  if (CRITERIA.every((c) => evaluation.weights[c].weight === 0))
    out.push({ id: 'all-weights-zero', message: 'every weight is zero: nothing distinguishes the brokers' });
  return out;
}
