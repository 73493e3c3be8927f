import { z } from 'zod';
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
  type Dimension,
  type Feature,
} from './vocabulary.js';

/**
 * Requirements format v1 — the public input contract. The `.describe()` texts are the field
 * documentation: they flow into the generated JSON Schema (data/schema/requirements.schema.json),
 * the questionnaire hints and the README table.
 */
const positive = (what: string) => z.number().positive().finite().describe(what);
const nonNegative = (what: string) => z.number().min(0).finite().describe(what);
const count = (what: string) => z.number().int().min(1).describe(what);

/** On input "no" is accepted for "not-needed"; output always writes "not-needed". */
const featureNeed = z
  .union([z.enum(FEATURE_NEEDS), z.literal('no').transform(() => 'not-needed' as const)])
  .describe('required = hard constraint; preferred = counts in the score; not-needed (or no) = ignored');

const FEATURE_DOCS: Record<Feature, string> = {
  transactionalMessages:
    'a send that commits or rolls back together with a local database transaction (half / transactional messages, not an outbox you write yourself)',
  xaTransactions: 'JMS / XA distributed transactions with an application server or database',
  exactlyOnceProcessing: 'read-process-write between topics with exactly-once effect',
  ordering: 'per-key order (e.g. all events of one order in sequence)',
  globalOrdering: 'one total order over all messages of a topic (caps throughput)',
  delayedMessages: 'deliver a message after a delay or at a time',
  priorityQueues: 'higher-priority messages overtake lower ones',
  replay: 'consumers can rewind and re-read retained messages',
  complexRouting: 'broker-side routing by key patterns / headers / fan-out exchanges',
  messageFiltering: 'broker-side filtering by tag or property for a subscriber',
  deadLetterQueue: 'failed messages are parked after retries',
  messageTracing: 'look up a message and its delivery trail by id or key',
  requestReply: 'RPC-style request / reply over the broker',
  streamProcessing: 'stream processing and connector ecosystem next to the broker',
};

const DIMENSION_DOCS: Record<Dimension, string> = {
  throughput: 'sustained message rate the broker can carry',
  reliability: 'no loss of acknowledged messages, failover behaviour',
  latency: 'end-to-end delay at the stated load',
  backlog: 'unconsumed messages and retained history it holds without degrading (堆积)',
  scalability: 'growing by adding nodes',
  staffCost: 'people and skills needed to run it (higher fit = cheaper)',
};

function perKey<K extends string, S extends z.ZodType>(keys: readonly K[], schema: (key: K) => S) {
  return z.strictObject(Object.fromEntries(keys.map((key) => [key, schema(key).optional()])) as Record<K, z.ZodOptional<S>>);
}

export const requirementsSchema = z
  .strictObject({
    $schema: z.string().optional().describe('optional pointer to the JSON Schema, for editors'),
    version: z.literal(1).describe('format version (required)'),
    title: z.string().max(200).optional().describe('what the decision is about; copied into ADRs'),
    context: z.string().max(10_000).optional().describe('background for the decision; copied into ADRs'),
    workload: z
      .strictObject({
        peakMessagesPerSecond: positive('peak produce rate, whole system (msgs/s)').optional(),
        averageMessagesPerSecond: positive('sustained average rate (msgs/s), for storage and sizing').optional(),
        averageMessageBytes: positive('average payload size (bytes)').optional(),
        maxMessageBytes: positive('largest single message (bytes)').optional(),
        retentionHours: nonNegative('how long messages stay re-readable after consumption (replay window, hours)').optional(),
        peakBacklogMessages: nonNegative('how many unconsumed messages may pile up while consumers lag (堆积)').optional(),
        consumerGroups: count('independent consumers that each read every message (fan-out)').optional(),
        topics: count('number of topics / queues').optional(),
        maxDelayHours: positive('longest delay needed for delayed / scheduled messages (hours)').optional(),
        growthFactor: z.number().min(1).finite().describe('expected growth of the peak within the planning horizon').optional(),
      })
      .optional()
      .describe('load the broker must carry'),
    priorities: perKey(DIMENSIONS, (d) => z.enum(PRIORITIES).describe(`how much ${DIMENSION_DOCS[d]} matters (not stated = medium)`))
      .optional()
      .describe('how much each dimension matters: critical, high, medium, low, ignore'),
    weights: perKey(DIMENSIONS, (d) => z.number().min(0).max(10).describe(`explicit weight 0..10 for ${d}; overrides priorities`))
      .optional()
      .describe('explicit weights 0..10; override priorities'),
    latency: z
      .strictObject({ p99Ms: positive('end-to-end p99 target in milliseconds at the stated peak').optional() })
      .optional(),
    reliability: z
      .strictObject({
        delivery: z.enum(DELIVERY).optional().describe('delivery semantics needed'),
        messageLoss: z
          .enum(MESSAGE_LOSS)
          .optional()
          .describe('acceptable loss when a broker node fails (never = no acknowledged message lost on a node failure)'),
        failover: z.enum(FAILOVER).optional().describe("whether a failed node's role must be taken over without an operator"),
        rpoSeconds: nonNegative('tolerated data-loss window on losing a whole datacenter (seconds)').optional(),
        rtoSeconds: nonNegative('tolerated recovery time on losing a whole datacenter (seconds)').optional(),
      })
      .optional(),
    features: perKey(FEATURES, (f) => featureNeed.describe(FEATURE_DOCS[f]))
      .optional()
      .describe('feature needs; required is a hard constraint'),
    protocols: z
      .array(z.enum(PROTOCOLS))
      .max(PROTOCOLS.length * 2)
      .optional()
      .describe('client protocols / APIs that must be supported'),
    deployment: z
      .strictObject({
        multiDatacenter: z.enum(MULTI_DATACENTER).optional().describe('cross-datacenter need'),
        platform: z.enum(PLATFORMS).optional().describe('where it will run'),
        managedService: z.enum(MANAGED_SERVICE).optional().describe('whether a cloud-managed offering should count'),
        commercialEditions: z
          .enum(COMMERCIAL_EDITIONS)
          .optional()
          .describe('whether features of paid editions may count (default excluded)'),
      })
      .optional(),
    team: z
      .strictObject({
        languages: z.array(z.enum(LANGUAGES)).max(50).optional().describe('languages the team writes and debugs'),
        experience: z
          .array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a broker id such as kafka'))
          .max(50)
          .optional()
          .describe(`brokers the team already operates in production (${SHIPPED_BROKERS.join(', ')})`),
        opsEngineers: z.number().int().min(0).max(100_000).optional().describe('people available to operate the cluster'),
      })
      .optional(),
  })
  .describe('mqselect requirements, format v1');

export type Requirements = z.output<typeof requirementsSchema>;
export type RequirementsInput = z.input<typeof requirementsSchema>;
export { FEATURE_DOCS, DIMENSION_DOCS };
