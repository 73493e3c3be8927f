import * as z from 'zod/mini';
import {
  COMMERCIAL_EDITIONS,
  DELIVERY,
  DIMENSIONS,
  FAILOVER,
  FEATURE_NEED_ALIAS,
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
 * Requirements format v1 — the public input contract. The `describe()` texts are the field
 * documentation: they flow into the generated JSON Schema (data/schema/requirements.schema.json),
 * the questionnaire hints and the README table. Written with zod/mini: this schema is on every
 * start-up path, and the mini build loads a small fraction of the full one.
 */
const described = <T extends z.ZodMiniType>(schema: T, text: string) => schema.check(z.describe(text));
const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(schema);
const positive = (what: string) => described(z.number().check(z.positive()), what);
const nonNegative = (what: string) => described(z.number().check(z.nonnegative()), what);
const count = (what: string) => described(z.int().check(z.minimum(1)), what);

/** On input "no" is accepted for "not-needed"; output always writes "not-needed". */
const featureNeed = (text: string) =>
  described(
    z.union([
      z.enum(FEATURE_NEEDS),
      z.pipe(
        z.literal(FEATURE_NEED_ALIAS.word),
        z.transform(() => FEATURE_NEED_ALIAS.means),
      ),
    ]),
    text,
  );

const FEATURE_DOCS: Record<Feature, string> = {
  transactionalMessages:
    'a send that commits or rolls back together with a local database transaction (half / transactional messages, ' +
    'not an outbox you write yourself)',
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
  embeddedBroker: 'the broker runs inside the application process (an in-JVM broker shipped with a product)',
  multiTenancy:
    'isolated tenants on one cluster: their own users, permissions and limits (e.g. RabbitMQ virtual hosts)',
  perMessageRetry:
    'the broker redelivers a failed message after a delay (back-off) up to a limit, then dead-letters it',
};

const DIMENSION_DOCS: Record<Dimension, string> = {
  throughput: 'sustained message rate the broker can carry',
  reliability: 'no loss of acknowledged messages, failover behaviour',
  latency: 'end-to-end delay at the stated load',
  backlog: 'unconsumed messages and retained history it holds without degrading (堆积)',
  scalability: 'growing by adding nodes',
  staffCost: 'people and skills needed to run it (higher fit = cheaper)',
};

const protocolList = z.array(z.enum(PROTOCOLS)).check(z.maxLength(PROTOCOLS.length * 2));

function perKey<K extends string, S extends z.ZodMiniType>(keys: readonly K[], schema: (key: K) => S) {
  return z.strictObject(
    Object.fromEntries(keys.map((key) => [key, z.optional(schema(key))])) as Record<K, z.ZodMiniOptional<S>>,
  );
}

export const requirementsSchema = described(
  z.strictObject({
    $schema: optional(described(z.string(), 'optional pointer to the JSON Schema, for editors')),
    version: described(z.literal(1), 'format version (required)'),
    title: optional(described(z.string().check(z.maxLength(200)), 'what the decision is about; copied into ADRs')),
    context: optional(
      described(z.string().check(z.maxLength(10_000)), 'background for the decision; copied into ADRs'),
    ),
    workload: optional(
      described(
        z.strictObject({
          peakMessagesPerSecond: optional(positive('peak produce rate, whole system (msgs/s)')),
          averageMessagesPerSecond: optional(
            positive('sustained average rate (msgs/s), for storage; it sizes nodes too when no peak is stated'),
          ),
          averageMessageBytes: optional(positive('average payload size (bytes)')),
          maxMessageBytes: optional(positive('largest single message (bytes)')),
          retentionHours: optional(
            nonNegative('how long messages stay re-readable after consumption (replay window, hours)'),
          ),
          peakBacklogMessages: optional(
            nonNegative('how many unconsumed messages may pile up while consumers lag (堆积)'),
          ),
          consumerGroups: optional(count('independent consumers that each read every message (fan-out)')),
          topics: optional(count('number of topics / queues')),
          maxDelayHours: optional(positive('longest delay needed for delayed / scheduled messages (hours)')),
          growthFactor: optional(
            described(z.number().check(z.minimum(1)), 'expected growth of the peak within the planning horizon'),
          ),
        }),
        'load the broker must carry',
      ),
    ),
    priorities: optional(
      described(
        perKey(DIMENSIONS, (d) =>
          described(z.enum(PRIORITIES), `how much ${DIMENSION_DOCS[d]} matters (not stated = medium)`),
        ),
        'how much each dimension matters: critical, high, medium, low, ignore',
      ),
    ),
    weights: optional(
      described(
        perKey(DIMENSIONS, (d) =>
          described(
            z.number().check(z.minimum(0), z.maximum(10)),
            `explicit weight 0..10 for ${d}; overrides priorities`,
          ),
        ),
        'explicit weights 0..10; override priorities',
      ),
    ),
    latency: optional(
      z.strictObject({ p99Ms: optional(positive('end-to-end p99 target in milliseconds at the stated peak')) }),
    ),
    reliability: optional(
      z.strictObject({
        delivery: optional(described(z.enum(DELIVERY), 'delivery semantics needed')),
        messageLoss: optional(
          described(
            z.enum(MESSAGE_LOSS),
            'acceptable loss when a broker node fails (never = no acknowledged message lost on a node failure)',
          ),
        ),
        failover: optional(
          described(z.enum(FAILOVER), "whether a failed node's role must be taken over without an operator"),
        ),
        rpoSeconds: optional(nonNegative('tolerated data-loss window on losing a whole datacenter (seconds)')),
        rtoSeconds: optional(nonNegative('tolerated recovery time on losing a whole datacenter (seconds)')),
      }),
    ),
    features: optional(
      described(
        perKey(FEATURES, (f) => featureNeed(FEATURE_DOCS[f])),
        'feature needs; required is a hard constraint',
      ),
    ),
    protocols: optional(
      described(
        z.union([
          described(protocolList, 'every listed protocol must be supported'),
          z.strictObject({
            required: optional(described(protocolList, 'every listed protocol must be supported')),
            anyOf: optional(
              described(
                protocolList.check(z.minLength(1)),
                'at least one of these must be supported (e.g. mqtt or mqtt-5)',
              ),
            ),
            publishOnly: optional(
              described(
                protocolList,
                'needed only by producers (e.g. devices publishing telemetry); consumers use another protocol',
              ),
            ),
            strict: optional(
              described(
                z.boolean(),
                'true: the broker itself must speak each listed protocol; a gateway or adapter you run in front of ' +
                  'it does not count (by default it counts, as a cost)',
              ),
            ),
          }),
        ]),
        'client protocols / APIs: a list (all required), or {required: [...], anyOf: [...], publishOnly: [...], ' +
          'strict}',
      ),
    ),
    deployment: optional(
      z.strictObject({
        multiDatacenter: optional(described(z.enum(MULTI_DATACENTER), 'cross-datacenter need')),
        platform: optional(described(z.enum(PLATFORMS), 'where it will run')),
        managedService: optional(described(z.enum(MANAGED_SERVICE), 'whether a cloud-managed offering should count')),
        commercialEditions: optional(
          described(z.enum(COMMERCIAL_EDITIONS), 'whether features of paid editions may count (default excluded)'),
        ),
      }),
    ),
    team: optional(
      z.strictObject({
        languages: optional(
          described(
            z
              .array(
                z
                  .string()
                  .check(
                    z.regex(/^[A-Za-z.#+][A-Za-z0-9.#+-]{0,39}$/, 'a language name such as java, go or typescript'),
                  ),
              )
              .check(z.maxLength(50)),
            `languages the team writes and debugs (${LANGUAGES.join(', ')}; also typescript, c#, golang…; others ` +
              `are accepted with a warning)`,
          ),
        ),
        experience: optional(
          described(
            z.array(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'a broker id such as kafka'))).check(z.maxLength(50)),
            `brokers the team already operates in production (${SHIPPED_BROKERS.join(', ')})`,
          ),
        ),
        opsEngineers: optional(
          described(z.int().check(z.minimum(0), z.maximum(100_000)), 'people available to operate the cluster'),
        ),
      }),
    ),
  }),
  'mqselect requirements, format v1',
);

export type Requirements = z.output<typeof requirementsSchema>;
export type RequirementsInput = z.input<typeof requirementsSchema>;
export { FEATURE_DOCS, DIMENSION_DOCS };
