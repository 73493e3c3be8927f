import fc from 'fast-check';
import type { Requirements } from '../src/requirements/schema.js';
import {
  COMMERCIAL_EDITIONS,
  DELIVERY,
  DIMENSIONS,
  FAILOVER,
  FEATURE_NEEDS,
  FEATURES,
  LANGUAGES,
  MANAGED_SERVICE,
  MESSAGE_LOSS,
  MULTI_DATACENTER,
  PLATFORMS,
  PRIORITIES,
  PROTOCOLS,
  SHIPPED_BROKERS,
} from '../src/requirements/vocabulary.js';

/** Valid requirements v1 documents, built from the same vocabulary as the schema. */
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) => fc.record(shape, { requiredKeys: [] });
const rate = fc.integer({ min: 1, max: 5_000_000 });

export const requirementsArb: fc.Arbitrary<Requirements> = fc
  .record(
    {
      version: fc.constant(1 as const),
      workload: partial({
        peakMessagesPerSecond: rate,
        averageMessagesPerSecond: rate,
        averageMessageBytes: fc.integer({ min: 10, max: 1_000_000 }),
        maxMessageBytes: fc.integer({ min: 10, max: 200_000_000 }),
        retentionHours: fc.integer({ min: 0, max: 24 * 60 }),
        peakBacklogMessages: fc.integer({ min: 0, max: 5_000_000_000 }),
        consumerGroups: fc.integer({ min: 1, max: 50 }),
        topics: fc.integer({ min: 1, max: 10_000 }),
        maxDelayHours: fc.integer({ min: 1, max: 100 }),
        growthFactor: fc.integer({ min: 1, max: 20 }),
      }),
      priorities: partial(Object.fromEntries(DIMENSIONS.map((d) => [d, fc.constantFrom(...PRIORITIES)]))),
      latency: partial({ p99Ms: fc.integer({ min: 1, max: 2000 }) }),
      reliability: partial({
        delivery: fc.constantFrom(...DELIVERY),
        messageLoss: fc.constantFrom(...MESSAGE_LOSS),
        failover: fc.constantFrom(...FAILOVER),
        rpoSeconds: fc.integer({ min: 0, max: 3600 }),
      }),
      features: partial(Object.fromEntries(FEATURES.map((f) => [f, fc.constantFrom(...FEATURE_NEEDS)]))),
      // Mostly the plain list; sometimes the object form, strict or not (a gateway then does or does not count).
      protocols: fc.oneof(
        { weight: 3, arbitrary: fc.uniqueArray(fc.constantFrom(...PROTOCOLS), { maxLength: 2 }) },
        {
          weight: 1,
          arbitrary: fc.record({
            required: fc.uniqueArray(fc.constantFrom(...PROTOCOLS), { minLength: 1, maxLength: 2 }),
            strict: fc.boolean(),
          }),
        },
      ),
      deployment: partial({
        multiDatacenter: fc.constantFrom(...MULTI_DATACENTER),
        platform: fc.constantFrom(...PLATFORMS),
        managedService: fc.constantFrom(...MANAGED_SERVICE),
        commercialEditions: fc.constantFrom(...COMMERCIAL_EDITIONS),
      }),
      team: partial({
        languages: fc.uniqueArray(fc.constantFrom(...LANGUAGES), { maxLength: 3 }),
        experience: fc.uniqueArray(fc.constantFrom(...SHIPPED_BROKERS), { maxLength: 2 }),
        opsEngineers: fc.integer({ min: 0, max: 20 }),
      }),
    },
    { requiredKeys: ['version'] },
  )
  .map((r) => r as Requirements);

/**
 * Requirements where most brokers stay feasible (no required features, no protocols): for properties
 * about how feasible brokers compare, which random hard constraints would mostly leave nothing to test.
 */
export const competitiveRequirementsArb: fc.Arbitrary<Requirements> = requirementsArb.map((r) => {
  const { protocols: _protocols, features, ...rest } = r;
  const softened =
    features && Object.fromEntries(Object.entries(features).map(([k, v]) => [k, v === 'required' ? 'preferred' : v]));
  return { ...rest, ...(softened ? { features: softened } : {}) } as Requirements;
});
