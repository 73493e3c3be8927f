import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { coversFeature, coversProtocol, requiredFeatures, satisfies } from '../src/engine/constraints.js';
import { protocolNeeds } from '../src/requirements/protocols.js';
import { resolveProfile } from '../src/engine/profiles.js';
import { recommend } from '../src/engine/recommend.js';
import { assessBroker } from '../src/engine/feasibility.js';
import { firedRules } from '../src/engine/rules.js';
import { scoreCandidate } from '../src/engine/score.js';
import { effectiveWeights } from '../src/engine/weights.js';
import { DIMENSIONS } from '../src/requirements/vocabulary.js';
import { competitiveRequirementsArb, requirementsArb } from './arbitraries.js';
import { shippedKb } from './helpers.js';

const kb = await shippedKb();
const runs = { numRuns: 300 };

describe('engine invariants', () => {
  test.prop([requirementsArb], runs)('is deterministic: same input, byte-identical output', (reqs) => {
    expect(JSON.stringify(recommend(reqs, kb))).toBe(JSON.stringify(recommend(structuredClone(reqs), kb)));
  });

  test.prop([requirementsArb, fc.integer()], runs)(
    'does not depend on the order of brokers or rules in the KB',
    (reqs, seed) => {
      const shuffle = <T>(items: T[]) =>
        [...items].sort(() => 0).sort((a, b) => hash(JSON.stringify(a), seed) - hash(JSON.stringify(b), seed));
      const reordered = { ...kb, brokers: shuffle(kb.brokers), rules: shuffle(kb.rules) };
      expect(JSON.stringify(recommend(reqs, reordered))).toBe(JSON.stringify(recommend(reqs, kb)));
    },
  );

  test.prop([requirementsArb], runs)('never ranks a broker that fails a hard constraint', (reqs) => {
    const result = recommend(reqs, kb);
    const eliminated = new Set(result.eliminated.map((e) => e.broker));
    for (const ranked of result.ranking) {
      expect(eliminated.has(ranked.broker)).toBe(false);
      const broker = kb.brokers.find((b) => b.id === ranked.broker)!;
      const profiles = ranked.profiles.map((p) =>
        resolveProfile(
          broker,
          broker.profiles.find((x) => x.id === p.id)!,
        ),
      );
      for (const feature of requiredFeatures(reqs)) {
        expect(
          profiles.some((p) => coversFeature(p, feature, reqs)),
          `${ranked.broker} ${feature}`,
        ).toBe(true);
        if (reqs.features?.[feature] === 'strict')
          expect(
            profiles.some((p) => satisfies(p.capabilities[feature], reqs)),
            `${ranked.broker} ${feature} (strict)`,
          ).toBe(true);
      }
      const protocols = protocolNeeds(reqs);
      for (const protocol of protocols.required) {
        expect(
          profiles.every((p) => coversProtocol(p.protocols[protocol], reqs)),
          `${ranked.broker} ${protocol}`,
        ).toBe(true);
        // Strict: spoken by the broker itself, never through a gateway you build.
        if (protocols.strict)
          expect(
            profiles.every((p) => satisfies(p.protocols[protocol], reqs)),
            `${ranked.broker} ${protocol} (strict)`,
          ).toBe(true);
      }
    }
  });

  test.prop([requirementsArb], runs)('always says why the winner beats the runner-up, ties included', (reqs) => {
    const result = recommend(reqs, kb);
    fc.pre(result.ranking.length >= 2);
    expect(result.comparison!.decisive.length).toBeGreaterThan(0);
  });

  test.prop([requirementsArb], runs)(
    'contributions add up exactly to each score, and scores stay within 0..100',
    (reqs) => {
      for (const r of recommend(reqs, kb).ranking) {
        const tenths = r.contributions.reduce((sum, c) => sum + Math.round(c.contribution * 10), 0);
        expect(tenths).toBe(Math.round(r.score * 10));
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
      }
    },
  );

  test.prop([competitiveRequirementsArb, fc.constantFrom(...DIMENSIONS), fc.integer({ min: 1, max: 6 })], runs)(
    'raising the weight of a dimension where a broker fits best never lowers its rank',
    (reqs, dimension, raise) => {
      const before = recommend(reqs, kb);
      fc.pre(before.ranking.length >= 2);
      // A broker's score is the best of its candidates (profiles or profile sets), so "fits best" means
      // its chosen candidate fits the dimension better than every candidate of every other broker.
      const fired = firedRules(
        [...kb.rules].sort((a, b) => a.id.localeCompare(b.id)),
        reqs,
      );
      const weights = effectiveWeights(reqs, kb.model);
      const bestCandidateFit = (id: string) => {
        const assessed = assessBroker(
          kb.brokers.find((b) => b.id === id)!,
          reqs,
          kb.model,
          fired,
        );
        return assessed.feasible
          ? Math.max(
              ...assessed.candidates.map(
                (c) => scoreCandidate(c, reqs, kb.model, kb.asOf, weights, fired).fits[dimension],
              ),
            )
          : -1;
      };
      const best = [...before.ranking].sort((a, b) => b.breakdown[dimension].fit - a.breakdown[dimension].fit)[0]!;
      const others = before.ranking.filter((r) => r.broker !== best.broker).map((r) => bestCandidateFit(r.broker));
      fc.pre(others.every((fit) => best.breakdown[dimension].fit > fit + 0.001));
      const weight = before.weights[dimension].weight;
      fc.pre(weight + raise <= 10);
      const after = recommend(reqs, kb, { weightOverrides: { [dimension]: weight + raise } });
      const rank = (r: typeof before, id: string) => r.ranking.find((x) => x.broker === id)!.rank;
      // Scores are sums of parts rounded to tenths; exclude near-ties that rounding alone can reorder.
      const nearTie = [before, after].some((r) =>
        r.ranking.some(
          (x) =>
            x.broker !== best.broker && Math.abs(x.score - r.ranking.find((y) => y.broker === best.broker)!.score) < 1,
        ),
      );
      fc.pre(!nearTie);
      expect(rank(after, best.broker)).toBeLessThanOrEqual(rank(before, best.broker));
    },
  );

  test.prop([requirementsArb], runs)(
    'a recommendation exists exactly when some broker is feasible, and reports ties honestly',
    (reqs) => {
      const result = recommend(reqs, kb);
      expect(result.recommendation === null).toBe(result.ranking.length === 0);
      if (result.recommendation && !result.recommendation.clearWinner)
        expect(result.recommendation.tiedWith?.length).toBeGreaterThan(0);
    },
  );
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 2654435761);
  return h;
}
