import type { Model } from '../kb/model-schema.js';
import type { Requirements } from '../requirements/schema.js';
import { FEATURES } from '../requirements/vocabulary.js';
import { satisfies } from './constraints.js';
import { CRITERION_LABELS, FEATURE_LABELS } from './labels.js';
import type { ExplainedCandidate as ScoredCandidate } from './explain-score.js';
import { CRITERIA, type Contribution, type Criterion, type Result, type WeightInfo } from './types.js';
import { byCodeUnits } from './order.js';

const MAX_WEIGHT = 10;

/**
 * The contribution that says most about a criterion for a broker: for a strength its largest-weighted
 * part, for a weakness the part that fits worst (the missing feature, not a satisfied one).
 */
function mainPart(candidate: ScoredCandidate, criterion: Criterion, weakest = false): Contribution | undefined {
  const parts = candidate.contributions.filter(
    (c) => c.criterion === criterion && !c.part.startsWith('rule:') && c.points > 0,
  );
  return parts.sort((a, b) => (weakest ? a.fit - b.fit : 0) || b.points - a.points)[0];
}

const describe = (c: Contribution | undefined) => (c ? c.observed : 'n/a');

/**
 * The part of a criterion that gives its leader the widest lead in points (the protocol one needs a gateway for, not
 * the feature both have): what a "why A over B" line should name. Without such a part, each one's main part.
 */
function differingParts(
  winner: ScoredCandidate,
  runnerUp: ScoredCandidate,
  criterion: Criterion,
  winnerLeads: boolean,
): [Contribution | undefined, Contribution | undefined] {
  const own = (candidate: ScoredCandidate) =>
    new Map(
      candidate.contributions
        .filter((c) => c.criterion === criterion && !c.part.startsWith('rule:'))
        .map((c) => [c.part, c] as const),
    );
  const [mine, theirs] = [own(winner), own(runnerUp)];
  const shared = [...mine.keys()].filter((part) => theirs.has(part));
  // The part that gives the criterion's leader its lead, not one where the other is ahead.
  const gap = (part: string) =>
    (mine.get(part)!.contribution - theirs.get(part)!.contribution) * (winnerLeads ? 1 : -1);
  const widest = shared.sort((x, y) => gap(y) - gap(x) || byCodeUnits(x, y))[0];
  return widest !== undefined && gap(widest) > 0
    ? [mine.get(widest), theirs.get(widest)]
    : [mainPart(winner, criterion), mainPart(runnerUp, criterion)];
}

/** The rule adjustments a candidate got on a criterion, named with their effect on the fit and in points. */
function ruleNotes(candidate: ScoredCandidate, criterion: Criterion): string[] {
  return candidate.contributions
    .filter((c) => c.criterion === criterion && c.part.startsWith('rule:') && c.fit !== 0)
    .map(
      (c) =>
        `rule ${c.reasonId}: fit ${c.fit > 0 ? '+' : ''}${c.fit} ` +
        `(${c.contribution > 0 ? '+' : ''}${c.contribution.toFixed(1)} points)`,
    );
}

export function keyReasons(candidate: ScoredCandidate, model: Model): { for: string[]; against: string[] } {
  const strength = model.thresholds.strength.value;
  const weighted = CRITERIA.filter((c) => candidate.breakdown[c].weight > 0);
  const best = [...weighted].sort(
    (a, b) => candidate.breakdown[b].contribution - candidate.breakdown[a].contribution || byCodeUnits(a, b),
  );
  const worst = weighted
    .filter((c) => candidate.breakdown[c].fit < strength)
    .sort((a, b) => candidate.breakdown[a].fit - candidate.breakdown[b].fit || byCodeUnits(a, b));
  const line = (weakest: boolean) => (c: Criterion) => {
    const part = mainPart(candidate, c, weakest);
    const why = part?.reason ? ` — ${part.reason}` : '';
    const rules = ruleNotes(candidate, c);
    return (
      `${CRITERION_LABELS[c]} (fit ${candidate.breakdown[c].fit.toFixed(2)}): ${describe(part)}` +
      `${part?.reasonId === 'kb-rating' ? '' : ` vs ${part?.expected}`}${why}` +
      `${rules.length > 0 ? ` [${rules.join('; ')}]` : ''}`
    );
  };
  // One threshold: a strength fits at least model.thresholds.strength, a weakness below it.
  return {
    for: best
      .filter((c) => candidate.breakdown[c].fit >= strength)
      .slice(0, 3)
      .map(line(false)),
    against: worst.slice(0, 3).map(line(true)),
  };
}

/** Which tie-break put #1 ahead of a runner-up with the same score (the order evaluate() sorts by). */
function tieBreak(winner: ScoredCandidate, runnerUp: ScoredCandidate, weights: Record<Criterion, WeightInfo>): string {
  const a = winner.profiles[0]!.broker.name;
  const b = runnerUp.profiles[0]!.broker.name;
  if (winner.marginTieUnits !== runnerUp.marginTieUnits) {
    // Weight x rating decided; when the winner is behind on one quality, say what outweighed it.
    const apart = CRITERIA.flatMap((c, i) => {
      const [mine, theirs, weight] = [winner.marginRatings[i]!, runnerUp.marginRatings[i]!, weights[c].weight];
      const text = `${CRITERION_LABELS[c]} ${mine}/5 vs ${theirs}/5`;
      return weight > 0 && mine !== theirs
        ? [{ ahead: mine > theirs, text, weighed: `${text} (weight ${weight})` }]
        : [];
    });
    const behind = apart.filter((x) => !x.ahead);
    return behind.length === 0
      ? `equal scores: ${a} is rated higher on the qualities weighed (${apart.map((x) => x.text).join(', ')})`
      : `equal scores: ${a}'s margin on the qualities weighed, weight times rating, is larger: ` +
          `${apart
            .filter((x) => x.ahead)
            .map((x) => x.weighed)
            .join(', ')} outweighs ` +
          behind.map((x) => x.weighed).join(', ');
  }
  if (winner.staffTieUnits !== runnerUp.staffTieUnits)
    return (
      `equal scores, and no margin between them on the qualities weighed: ${a} is the simpler to run ` +
      `(staff cost fit ${winner.fits.staffCost.toFixed(2)} vs ${runnerUp.fits.staffCost.toFixed(2)})`
    );
  if (winner.tieUnits !== runnerUp.tieUnits)
    return (
      `equal on everything weighed: ${a} stands higher on the general KB ratings ` + '(every dimension weighed equally)'
    );
  return `${a} and ${b} are equal on everything the KB rates; listed by id`;
}

/**
 * Why #1 beats #2 and what would change it. Scores are linear in the weights, so the weight at which
 * the runner-up catches up is exact: advantage / fit difference.
 */
export function compareTop(
  winner: ScoredCandidate,
  runnerUp: ScoredCandidate,
  weights: Record<Criterion, WeightInfo>,
  requirements: Requirements,
): NonNullable<Result['comparison']> {
  const w = (c: Criterion) => weights[c].weight;
  const total = CRITERIA.reduce((sum, c) => sum + w(c), 0);
  const diff = (c: Criterion) => winner.fits[c] - runnerUp.fits[c];
  const advantage = CRITERIA.reduce((sum, c) => sum + w(c) * diff(c), 0);
  const a = winner.profiles[0]!.broker;
  const b = runnerUp.profiles[0]!.broker;
  const decisive = CRITERIA.filter((c) => w(c) > 0 && Math.abs(diff(c)) >= 0.005)
    .sort((x, y) => Math.abs(w(y) * diff(y)) - Math.abs(w(x) * diff(x)) || byCodeUnits(x, y))
    .slice(0, 4)
    .map((c) => {
      const points = total === 0 ? 0 : (100 * w(c) * diff(c)) / total;
      const lead = points >= 0 ? a.name : b.name;
      const rules = [
        ...ruleNotes(winner, c).map((r) => `${a.name} ${r}`),
        ...ruleNotes(runnerUp, c).map((r) => `${b.name} ${r}`),
      ];
      const [mine, theirs] = differingParts(winner, runnerUp, c, points >= 0);
      return (
        `${CRITERION_LABELS[c]}: ${lead} +${Math.abs(points).toFixed(1)} points — ` +
        `${a.name}: ${describe(mine)}; ${b.name}: ${describe(theirs)}` +
        `${rules.length > 0 ? ` (${rules.join('; ')})` : ''}`
      );
    });
  if (winner.scoreUnits === runnerUp.scoreUnits) decisive.push(tieBreak(winner, runnerUp, weights));
  else if (decisive.length === 0)
    decisive.push(
      `${a.name} leads by ${((100 * advantage) / total).toFixed(2)} points, from fit differences under 0.005 on ` +
        'every criterion',
    );
  const wouldChange: string[] = [];
  for (const c of CRITERIA) {
    const d = diff(c);
    // Only thresholds a user can set: weights are 0..10.
    if (d < -0.005 && w(c) + advantage / -d <= MAX_WEIGHT) {
      const needed = w(c) + advantage / -d;
      wouldChange.push(
        `${b.name} would win if the weight of ${CRITERION_LABELS[c]} rose from ${w(c)} to ` +
          `above ${needed.toFixed(1)} (others unchanged)`,
      );
    } else if (d > 0.005 && advantage - w(c) * d < 0) {
      const needed = w(c) - advantage / d;
      wouldChange.push(
        `${b.name} would win if the weight of ${CRITERION_LABELS[c]} fell from ${w(c)} to ` +
          `below ${needed.toFixed(1)} (others unchanged)`,
      );
    }
  }
  if (wouldChange.length === 0)
    wouldChange.push(`no single weight between 0 and ${MAX_WEIGHT} makes ${b.name} win (others unchanged)`);
  const commercial = (c: { support: string }) => c.support === 'commercial';
  for (const feature of FEATURES) {
    if (requirements.features?.[feature] === 'required') continue;
    const winnerHas = winner.profiles.some((p) => satisfies(p.capabilities[feature], requirements));
    const runnerHas =
      runnerUp.profiles[0]!.broker.profiles.length > 0 &&
      runnerUp.profiles.some((p) => satisfies(p.capabilities[feature], requirements));
    if (!winnerHas && runnerHas && !winner.profiles.some((p) => commercial(p.capabilities[feature]))) {
      wouldChange.push(
        `requiring ${FEATURE_LABELS[feature]} would rule out ${a.name} (${runnerUp.profiles[0]!.broker.name} has it)`,
      );
    }
  }
  return { winner: a.id, runnerUp: b.id, decisive, wouldChange };
}
