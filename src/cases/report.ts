import { recommend } from '../engine/recommend.js';
import type { KnowledgeBase } from '../kb/schema.js';
import { CRITERIA } from '../requirements/vocabulary.js';
import { CONFIDENCE, type Case } from './schema.js';

/**
 * The case library against a knowledge base: top-1 and top-2 agreement with the chosen broker (overall,
 * by chosen broker, weighted by confidence), must-not violations (a broker the organisation said it
 * rejected ranked first, unless it rejected them all) and, for each miss, who won and the contributions that
 * decided it. Pure.
 */
const CONFIDENCE_WEIGHT: Record<(typeof CONFIDENCE)[number], number> = { high: 3, medium: 2, low: 1 };

interface CaseOutcome {
  id: string;
  organisation: string;
  confidence: Case['confidence'];
  chosen: string;
  inScope: boolean;
  ranking: Array<{ broker: string; profile: string; score: number }>;
  eliminated: string[];
  winner: string | null;
  top1: boolean;
  top2: boolean;
  mustNot: boolean;
  /** For a miss: why the winner beat the chosen broker (or why the chosen one was eliminated). */
  decisive: string[];
  /** Expected strengths of the winner that it does not show. */
  missingStrengths: string[];
}

export interface CaseReport {
  schemaVersion: 1;
  kb: { version: string; asOf: string };
  cases: number;
  inScope: number;
  top1: number;
  top2: number;
  top1Share: number;
  top2Share: number;
  weightedTop1Share: number;
  byBroker: Array<{ broker: string; cases: number; top1: number; share: number }>;
  mustNotViolations: Array<{ id: string; winner: string }>;
  outcomes: CaseOutcome[];
}

const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((1000 * n) / of) / 1000);

export function caseReport(cases: readonly Case[], kb: KnowledgeBase): CaseReport {
  const outcomes = [...cases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((c) => outcomeOf(c, kb));
  const scoped = outcomes.filter((o) => o.inScope);
  const weight = (o: CaseOutcome) => CONFIDENCE_WEIGHT[o.confidence];
  const weighted = scoped.reduce((sum, o) => sum + weight(o), 0);
  const brokers = [...new Set(scoped.map((o) => o.chosen))].sort();
  return {
    schemaVersion: 1,
    kb: { version: kb.version, asOf: kb.asOf },
    cases: outcomes.length,
    inScope: scoped.length,
    top1: scoped.filter((o) => o.top1).length,
    top2: scoped.filter((o) => o.top2).length,
    top1Share: share(scoped.filter((o) => o.top1).length, scoped.length),
    top2Share: share(scoped.filter((o) => o.top2).length, scoped.length),
    weightedTop1Share: share(
      scoped.filter((o) => o.top1).reduce((sum, o) => sum + weight(o), 0),
      weighted,
    ),
    byBroker: brokers.map((broker) => {
      const of = scoped.filter((o) => o.chosen === broker);
      const hits = of.filter((o) => o.top1).length;
      return { broker, cases: of.length, top1: hits, share: share(hits, of.length) };
    }),
    mustNotViolations: outcomes.filter((o) => o.mustNot).map((o) => ({ id: o.id, winner: o.winner! })),
    outcomes,
  };
}

function outcomeOf(c: Case, kb: KnowledgeBase): CaseOutcome {
  const result = recommend(c.requirements, kb, { sensitivity: false });
  const ranking = result.ranking.map((r) => ({ broker: r.broker, profile: r.profile, score: r.score }));
  const winner = ranking[0]?.broker ?? null;
  const inScope = !c.chosen.startsWith('other:') && kb.brokers.some((b) => b.id === c.chosen);
  const top1 = inScope && winner === c.chosen;
  const rejected = c.rejected.filter((r) => r.stated).map((r) => r.broker);
  // An organisation that rejected every broker in the KB leaves no answer to avoid: no violation is possible.
  const rejectsAll = kb.brokers.every((b) => rejected.includes(b.id));
  const mustNot = winner !== null && !rejectsAll && rejected.includes(winner);
  const decisive: string[] = [];
  if (inScope && !top1) {
    const first = result.ranking[0];
    const chosen = result.ranking.find((r) => r.broker === c.chosen);
    const eliminated = result.eliminated.find((e) => e.broker === c.chosen);
    if (eliminated) decisive.push(...eliminated.reasons.map((reason) => `${c.chosen} eliminated: ${reason}`));
    else if (first && chosen) {
      const gaps = CRITERIA.map((criterion) => ({
        criterion,
        points: first.breakdown[criterion].contribution - chosen.breakdown[criterion].contribution,
      }))
        .filter((g) => Math.abs(g.points) >= 0.05)
        .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (a.criterion < b.criterion ? -1 : 1))
        .slice(0, 3);
      for (const g of gaps) {
        const lead = g.points > 0 ? first.broker : c.chosen;
        decisive.push(
          `${g.criterion}: ${lead} +${Math.abs(g.points).toFixed(1)} ` +
            `(fit ${first.breakdown[g.criterion].fit.toFixed(2)} vs ${chosen.breakdown[g.criterion].fit.toFixed(2)})`,
        );
      }
      if (first.score === chosen.score) {
        const staff = (r: typeof first) => r.breakdown.staffCost.fit.toFixed(2);
        decisive.push(
          `tied at ${first.score.toFixed(1)} on what was stated; ordered by the ` +
            `${kb.model.thresholds.tieMarginDimensions.value.join(' and ')} ratings, then staff cost ` +
            `(${first.broker} ${staff(first)} vs ${c.chosen} ${staff(chosen)}), then general KB ratings`,
        );
      }
    } else if (!first) decisive.push('no broker is feasible');
  }
  const winnerResult = result.ranking[0];
  const strengthAt = kb.model.thresholds.strength.value;
  const missingStrengths = (c.expect?.strengths ?? []).filter(
    (part) => !winnerResult?.contributions.some((x) => x.part === part && x.fit >= strengthAt),
  );
  return {
    id: c.id,
    organisation: c.organisation,
    confidence: c.confidence,
    chosen: c.chosen,
    inScope,
    ranking,
    eliminated: result.eliminated.map((e) => e.broker),
    winner,
    top1,
    top2: inScope && ranking.slice(0, 2).some((r) => r.broker === c.chosen),
    mustNot,
    decisive,
    missingStrengths,
  };
}
