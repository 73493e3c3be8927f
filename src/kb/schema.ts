import * as z from 'zod/mini';
import type { Model } from './model-schema.js';
import { d, id, isoDate, list, listOrEmpty, opt, positive, sources, text, url } from './schema-helpers.js';
import { ruleSchema, type Rule } from './rule-schema.js';
import { BASIS, CLIENT_SUPPORT, STATUS, SUPPORT } from './enums.js';
import { clusterModeSchema, managedOfferingSchema, multiDatacenterOptionSchema } from './deployment-schema.js';
import {
  DIMENSIONS,
  FEATURES,
  LANGUAGES,
  PROTOCOLS,
  type Dimension,
  type Feature,
  type Protocol,
} from '../requirements/vocabulary.js';

/**
 * The knowledge-base schema. Every field is documented here (the schema is the documentation) and
 * data/README.md explains the conventions. Shape only: cross-references, uniqueness and sourcing are
 * checked by the named integrity rules in integrity.ts. Written with zod/mini, like every schema of
 * mqselect, so the CLI loads one small validation core.
 */
export { d } from './schema-helpers.js';
export { BASIS, CLIENT_SUPPORT, SUPPORT } from './enums.js';
export type { ClusterMode, MultiDatacenterOption } from './deployment-schema.js';
export { conditionSchema, type Condition, type Effect, type Rule } from './rule-schema.js';

const ratingSchema = d(
  z.int().check(z.minimum(1), z.maximum(5)),
  '1 poor, 2 limited, 3 adequate, 4 strong, 5 excellent — always "higher is better for the user" (staffCost 5 = ' +
    'cheapest to staff)',
);

const figureSchema = z.strictObject({
  metric: d(
    z.enum(['messagesPerSecond', 'megabytesPerSecond', 'p99LatencyMs', 'p50LatencyMs', 'nodes']),
    'what was measured',
  ),
  value: positive(),
  conditions: d(text(), 'test setup: nodes, hardware, message size, replication, client count, load level'),
  version: opt(z.string(), 'product version measured'),
  year: z.int().check(z.minimum(2000), z.maximum(2100)),
  profile: opt(id, 'the profile the figure was measured on'),
  source: url,
});

export const dimensionRatingSchema = z.strictObject({
  rating: ratingSchema,
  rationale: d(text(), 'one line: why this rating, citing the figures or facts'),
  sources,
  figures: listOrEmpty(figureSchema, 'measured figures behind the rating, with their conditions'),
});
export type DimensionRating = z.output<typeof dimensionRatingSchema>;

const planningFigureShape = {
  value: positive(),
  basis: d(
    z.enum(BASIS),
    'measured: a published test; derived: computed from measured figures; vendor-claim; estimate: no figure ' +
      'exists (engine flags low confidence)',
  ),
  note: d(text(), 'how the value was obtained, and its conditions'),
  source: url,
};
const planningFigureSchema = z.strictObject(planningFigureShape);
/** What a throughput figure needs before it can be compared with another broker's. */
const throughputConditions = {
  replicated: d(z.boolean(), 'measured (or estimated) with replication to other nodes, as a production cluster runs'),
  hardware: d(text(), 'the machines it was measured on, or "none published" for an estimate'),
};
export type PlanningFigure = z.output<typeof planningFigureSchema>;

const planningSchema = d(
  z.strictObject({
    messagesPerSecondPerNode: opt(
      z.strictObject({
        ...planningFigureShape,
        ...throughputConditions,
        messageBytes: d(positive(), 'message size the figure was measured with'),
      }),
      'sustainable produce rate per broker node with the replication of the recommended cluster mode',
    ),
    megabytesPerSecondPerNode: opt(
      z.strictObject({ ...planningFigureShape, ...throughputConditions }),
      'sustainable ingress MB/s per broker node, replicated',
    ),
    perQueueMessagesPerSecond: opt(
      planningFigureSchema,
      'ceiling of one queue / partition (single leader), where it binds',
    ),
    p99LatencyMs: opt(planningFigureSchema, 'end-to-end p99 at moderate load (well below saturation)'),
    comfortableBacklogMessages: opt(
      planningFigureSchema,
      'backlog per queue it holds without degrading; absent for logs bounded only by disk',
    ),
    maxClusterNodes: opt(planningFigureSchema, 'practical scale-out ceiling of one cluster (broker nodes)'),
    maxMessageBytes: opt(
      z.strictObject({ default: positive(), configurableMax: positive(), source: url }),
      'largest message by default and the most it can be configured to',
    ),
    tieredStorage: opt(
      z.strictObject({
        support: z.enum(['native', 'preview', 'commercial', 'none']),
        since: opt(z.string()),
        note: text(),
        source: url,
      }),
      'whether old log segments can move to object storage, so local disks hold only recent data',
    ),
    comfortableQueuesPerCluster: opt(
      planningFigureSchema,
      'topics / queues (Kafka: partitions) one cluster holds without special tuning',
    ),
  }),
  'sizing figures the engine compares stated numbers against; a missing figure makes the fit cautious and flagged',
);

export const capabilitySchema = z.strictObject({
  support: d(
    z.enum(SUPPORT),
    'how the feature is had: native, plugin (bundled with the broker), partial (works, with gaps the note names), ' +
      'commercial (paid edition only), deprecated, via-pattern (the user builds it), none',
  ),
  since: opt(z.string(), 'product version that introduced it'),
  released: opt(isoDate, "release date of that version: within the model's maturity window it scores as new"),
  preview: opt(z.boolean(), 'true while it is a preview or early-access feature'),
  publishOnly: opt(z.boolean(), 'protocols: its clients can publish into this profile but not consume from it'),
  note: opt(z.string(), 'how it works and its limits, in one line'),
  maxDelayHours: opt(positive(), 'delayed messages: longest supported delay'),
  priorityLevels: opt(z.int().check(z.positive()), 'priority queues: number of levels'),
  sources: listOrEmpty(url, 'required for anything but none'),
});
export type Capability = z.output<typeof capabilitySchema>;

const keyed = <K extends string, S extends z.ZodMiniType>(keys: readonly K[], schema: S) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, z.optional(schema)])) as Record<K, z.ZodMiniOptional<S>>);
const featureMap = keyed<Feature, typeof capabilitySchema>(FEATURES, capabilitySchema);
const protocolMap = keyed<Protocol, typeof capabilitySchema>(PROTOCOLS, capabilitySchema);
const ratingMap = keyed<Dimension, typeof dimensionRatingSchema>(DIMENSIONS, dimensionRatingSchema);

const clientSchema = z.strictObject({ support: z.enum(CLIENT_SUPPORT), note: opt(z.string()), source: url });
const clientMap = keyed<(typeof LANGUAGES)[number], typeof clientSchema>(LANGUAGES, clientSchema);

const profileSchema = z.strictObject({
  id: d(id, 'stable id within the broker, e.g. quorum-queue'),
  name: text(),
  product: opt(
    z.string(),
    'product the profile belongs to, where a broker id covers several (ActiveMQ Classic / Artemis)',
  ),
  since: d(z.string(), 'version that introduced it'),
  status: z.enum(STATUS),
  model: d(z.enum(['queue', 'log']), 'queue: messages leave when acknowledged; log: retained and re-readable'),
  description: text(),
  ratings: opt(ratingMap, 'dimension ratings that differ from the broker-wide ones'),
  planning: z._default(planningSchema, {}),
  capabilities: d(z._default(featureMap, {}), 'features that differ from the broker-wide defaults'),
  protocols: d(z._default(protocolMap, {}), 'protocols that differ from the broker-wide defaults'),
  clientLanguages: opt(
    clientMap,
    'client libraries that differ for this profile (e.g. stream-protocol clients, share consumers)',
  ),
});
export type Profile = z.output<typeof profileSchema>;

const productSchema = z.strictObject({
  name: text(),
  versionsCovered: d(z.string(), 'e.g. "4.0–4.3"'),
  latest: z.strictObject({ version: z.string(), released: isoDate }),
  license: z.string(),
  implementationLanguages: list(z.enum(LANGUAGES), 1),
  momentum: opt(
    z.strictObject({
      status: d(
        z.enum(['active', 'maintenance', 'end-of-life']),
        'active: new feature releases; maintenance: fixes only; end-of-life: none',
      ),
      releasesLast12Months: d(
        z.int().check(z.nonnegative()),
        'releases (feature and fix) in the twelve months before asOf that could be confirmed',
      ),
      note: text(),
      sources,
    }),
    'where the product is going: a broker in maintenance mode costs a migration later',
  ),
  sources,
});

export const brokerSchema = z.strictObject({
  kind: z.literal('broker'),
  id: d(id, 'stable broker id, never reused: activemq, rabbitmq, rocketmq, kafka'),
  name: text(),
  asOf: d(isoDate, 'date the facts in this file were last checked'),
  summary: text(),
  products: list(productSchema, 1),
  dimensions: z.strictObject(
    Object.fromEntries(DIMENSIONS.map((dim) => [dim, dimensionRatingSchema])) as Record<
      Dimension,
      typeof dimensionRatingSchema
    >,
  ),
  capabilities: d(featureMap, 'broker-wide feature support; profiles override'),
  protocols: d(protocolMap, 'broker-wide protocol support; profiles override'),
  clientLanguages: d(clientMap, 'client library quality per language; a language not listed has no client'),
  profiles: list(profileSchema, 1),
  clusterModes: list(clusterModeSchema, 1),
  multiDatacenter: z._default(z.array(multiDatacenterOptionSchema), []),
  managedOfferings: z._default(z.array(managedOfferingSchema), []),
});
export type BrokerEntry = z.output<typeof brokerSchema>;

export const rulesFileSchema = z.strictObject({ kind: z.literal('rules'), rules: z.array(ruleSchema) });
export const metaFileSchema = z.strictObject({
  kind: z.literal('meta'),
  version: d(z.string(), 'knowledge-base version, bumped on every change of data'),
  asOf: isoDate,
});

export interface KnowledgeBase {
  version: string;
  asOf: string;
  brokers: BrokerEntry[];
  rules: Rule[];
  /** The scoring model (data/model.yaml, or a user's replacement). */
  model: Model;
  /** Extra files the user layered on top (name and sha256), for ADR reproducibility. */
  extraFiles: Array<{ file: string; sha256: string }>;
}
