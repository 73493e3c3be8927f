import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { recommend } from '../src/engine/recommend.js';
import { mulberry32 } from '../src/engine/sensitivity.js';
import { competitiveRequirementsArb, requirementsArb } from './arbitraries.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { example, requirements, ROOT, shippedKb } from './helpers.js';

const kb = await shippedKb();
const winnerOf = (reqs: Parameters<typeof recommend>[0], overrides: Record<string, number> = {}) =>
  recommend(reqs, kb, { weightOverrides: overrides }).recommendation?.broker ?? null;
const EPSILON = 0.01;

describe('sensitivity: weight intervals are exact', () => {
  test.prop([competitiveRequirementsArb], { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) })(
    'the winner holds just inside each interval and changes just outside it',
    (reqs) => {
      const result = recommend(reqs, kb, { sensitivity: { robustnessSamples: 0 } });
      fc.pre(result.sensitivity !== undefined && result.ranking.length >= 2);
      const winner = result.recommendation!.broker;
      for (const w of result.sensitivity!.weights) {
        // Edges a user can reach: weights are 0..10.
        if (w.holdsTo !== null && w.holdsTo <= 10) {
          fc.pre(w.holdsTo - w.holdsFrom > 2 * EPSILON);
          expect(winnerOf(reqs, { [w.criterion]: w.holdsTo - EPSILON }), `${w.criterion} below ${w.holdsTo}`).toBe(
            winner,
          );
          expect(winnerOf(reqs, { [w.criterion]: w.holdsTo + EPSILON }), `${w.criterion} above ${w.holdsTo}`).not.toBe(
            winner,
          );
        }
        if (w.holdsFrom > 0 && w.holdsFrom <= 10) {
          fc.pre(w.holdsFrom > EPSILON);
          expect(winnerOf(reqs, { [w.criterion]: w.holdsFrom + EPSILON }), `${w.criterion} above ${w.holdsFrom}`).toBe(
            winner,
          );
          expect(
            winnerOf(reqs, { [w.criterion]: w.holdsFrom - EPSILON }),
            `${w.criterion} below ${w.holdsFrom}`,
          ).not.toBe(winner);
        }
        expect(w.weight).toBeGreaterThanOrEqual(w.holdsFrom);
        if (w.holdsTo !== null) expect(w.weight).toBeLessThanOrEqual(w.holdsTo);
      }
    },
  );
});

describe('sensitivity: where three candidates meet at one weight', () => {
  it('does not end the interval at the meeting point when the same broker wins on both sides', async () => {
    // Kafka, RabbitMQ streams and RabbitMQ quorum queues tie exactly at features = 3; RabbitMQ wins on both sides.
    const reqs = {
      version: 1 as const,
      priorities: { throughput: 'ignore' as const, staffCost: 'critical' as const },
      reliability: { delivery: 'exactly-once' as const },
      features: {
        delayedMessages: 'preferred' as const,
        requestReply: 'preferred' as const,
        streamProcessing: 'preferred' as const,
      },
    };
    const w = recommend(reqs, kb, { sensitivity: { robustnessSamples: 0 } }).sensitivity!.weights.find(
      (x) => x.criterion === 'features',
    )!;
    expect(winnerOf(reqs, { features: 3.01 })).toBe('rabbitmq');
    expect(w.holdsTo).toBeGreaterThan(3.01);
    expect(winnerOf(reqs, { features: w.holdsTo! + EPSILON })).toBe(w.winnerAbove);
  });
});

describe('sensitivity: where the tie-break moves with a weight', () => {
  it('orders an exact tie as the ranking does while a capacity weight moves (capacity is no tie margin)', async () => {
    // Throughput low, reliability high, PHP: RabbitMQ and Kafka tie exactly; RabbitMQ wins the tie on reliability.
    // Moving throughput or scalability changes the scores, and every interval edge must be where the ranking itself
    // changes.
    const php = await requirements(
      'version: 1\npriorities: {throughput: low, reliability: high}\n' +
        'reliability: {delivery: at-least-once, messageLoss: rare}\nteam: {languages: [php]}\n',
    );
    const result = recommend(php, kb, { sensitivity: { robustnessSamples: 0 } });
    expect(result.ranking[0]!.score).toBe(result.ranking[1]!.score);
    expect(result.recommendation!.broker).toBe('rabbitmq');
    for (const criterion of ['throughput', 'scalability', 'backlog'] as const) {
      const w = result.sensitivity!.weights.find((x) => x.criterion === criterion)!;
      expect(winnerOf(php, { [criterion]: w.weight }), criterion).toBe('rabbitmq');
      if (w.holdsTo !== null && w.holdsTo < 10) {
        expect(winnerOf(php, { [criterion]: w.holdsTo - EPSILON }), `${criterion} below`).toBe('rabbitmq');
        expect(winnerOf(php, { [criterion]: w.holdsTo + EPSILON }), `${criterion} above`).toBe(w.winnerAbove);
      }
      if (w.holdsFrom > EPSILON) {
        expect(winnerOf(php, { [criterion]: w.holdsFrom + EPSILON }), `${criterion} above`).toBe('rabbitmq');
        expect(winnerOf(php, { [criterion]: w.holdsFrom - EPSILON }), `${criterion} below`).toBe(w.winnerBelow);
      }
    }
  });

  it('ends an interval where the margins of two brokers tied on score cross', () => {
    // A KB variant in which Kafka is rated 5/5 on latency (4/5 on reliability) while RabbitMQ quorum queues and
    // RocketMQ are 5/5 on reliability (4/5 on latency). Both needs are met by all, so scores tie at every weight
    // and the margin decides: Kafka while latency weighs more than reliability, then RabbitMQ (the simpler to run of
    // the two rated 5/5 on reliability) once reliability weighs more.
    const variant = structuredClone(kb);
    const kafka = variant.brokers.find((b) => b.id === 'kafka')!;
    const topic = kafka.profiles.find((p) => p.id === 'topic')!;
    topic.ratings = { ...topic.ratings, latency: { ...kafka.dimensions.latency, rating: 5 } };
    const reqs = {
      version: 1 as const,
      latency: { p99Ms: 1000 },
      reliability: { messageLoss: 'rare' as const },
      priorities: { latency: 'high' as const, reliability: 'medium' as const },
    };
    const winnerIn = (overrides: Record<string, number>) =>
      recommend(reqs, variant, { weightOverrides: overrides }).recommendation?.broker ?? null;
    const w = recommend(reqs, variant, { sensitivity: { robustnessSamples: 0 } }).sensitivity!.weights.find(
      (x) => x.criterion === 'reliability',
    )!;
    expect(w).toMatchObject({ holdsTo: 4, winnerAbove: 'rabbitmq' });
    expect(winnerIn({ reliability: 3.99 })).toBe('kafka');
    expect(winnerIn({ reliability: 4.01 })).toBe('rabbitmq');
  });
});

describe('sensitivity: number thresholds and feature flips', () => {
  test.prop([requirementsArb], { numRuns: 60 })(
    'the winner holds at holdsAt and has changed at changesAt, within 1%',
    (reqs) => {
      const result = recommend(reqs, kb, { sensitivity: { robustnessSamples: 0 } });
      fc.pre(result.sensitivity !== undefined);
      const winner = result.recommendation!.broker;
      for (const t of result.sensitivity!.thresholds) {
        const at = (value: number) => {
          const copy = structuredClone(reqs) as unknown as Record<string, Record<string, unknown>>;
          const [group, key] = t.field.split('.') as [string, string];
          copy[group] = { ...(copy[group] ?? {}), [key]: value };
          return winnerOf(copy as unknown as typeof reqs);
        };
        expect(at(t.holdsAt), `${t.field} at ${t.holdsAt}`).toBe(winner);
        expect(at(t.changesAt), `${t.field} at ${t.changesAt}`).toBe(t.newWinner);
        const ratio = Math.max(t.holdsAt, t.changesAt) / Math.max(Math.min(t.holdsAt, t.changesAt), 1e-9);
        expect(
          ratio <= 1.0100001 || Math.abs(t.changesAt - t.holdsAt) <= 1 || Math.min(t.holdsAt, t.changesAt) === 0,
        ).toBe(true);
      }
      for (const f of result.sensitivity!.featureFlips) {
        const flipped = { ...reqs, features: { ...reqs.features, [f.feature]: f.to } };
        expect(winnerOf(flipped as typeof reqs)).toBe(f.newWinner);
      }
    },
  );

  it('log-pipeline: requiring transactional messages strictly (no outbox) makes RocketMQ win', async () => {
    const result = recommend(await example('log-pipeline.yaml'), kb, { sensitivity: {} });
    expect(result.sensitivity!.featureFlips).toContainEqual({
      feature: 'transactionalMessages',
      from: 'not-needed',
      to: 'strict',
      newWinner: 'rocketmq',
    });
  });

  it('order-transactions: a delay beyond 24 h leaves no feasible broker', async () => {
    const result = recommend(await example('order-transactions.yaml'), kb, { sensitivity: {} });
    expect(result.sensitivity!.thresholds).toContainEqual(
      expect.objectContaining({ field: 'workload.maxDelayHours', direction: 'above', newWinner: null }),
    );
  });
});

describe('sensitivity: robustness', () => {
  it('is reproducible for a seed and counts every sample', async () => {
    const reqs = await requirements(readFileSync(join(ROOT, 'test/fixtures/near-tie.yaml'), 'utf8'));
    const a = recommend(reqs, kb, { sensitivity: { robustnessSamples: 2000, seed: 7 } }).sensitivity!.robustness!;
    const b = recommend(reqs, kb, { sensitivity: { robustnessSamples: 2000, seed: 7 } }).sensitivity!.robustness!;
    expect(a).toEqual(b);
    expect(Object.values(a.winners).reduce((s, n) => s + n, 0)).toBe(2000);
    expect(a.share).toBeGreaterThan(0);
    expect(a.share).toBeLessThan(1); // a near tie: some perturbed weights flip it
  });

  it('the PRNG is deterministic and uniform enough', () => {
    const random = mulberry32(42);
    const values = Array.from({ length: 10_000 }, random);
    expect(mulberry32(42)()).toBe(values[0]);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});
