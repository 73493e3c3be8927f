import { z } from 'zod';
import { DIMENSIONS, FEATURES, LANGUAGES, MESSAGE_LOSS, PLATFORMS, PROTOCOLS, type Dimension, type Feature, type Protocol } from '../requirements/vocabulary.js';

/**
 * The knowledge-base schema. Every field is documented here (the schema is the documentation) and
 * data/README.md explains the conventions. Shape only: cross-references, uniqueness and sourcing are
 * checked by the named integrity rules in integrity.ts.
 */
export const SUPPORT = ['native', 'plugin', 'commercial', 'deprecated', 'via-pattern', 'none'] as const;
export type Support = (typeof SUPPORT)[number];
export const CLIENT_SUPPORT = ['official', 'community', 'via-protocol', 'none'] as const;
export const STATUS = ['current', 'legacy', 'removed'] as const;
export const BASIS = ['measured', 'derived', 'vendor-claim', 'estimate'] as const;
export const FAILOVER_KIND = ['automatic', 'manual', 'none'] as const;

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case id: letters, digits, dashes');
const url = z.url({ protocol: /^https$/ }).describe('a public https URL');
const sources = z.array(url).min(1).describe('where the claim can be checked (at least one URL)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const text = z.string().min(3);

export const ratingSchema = z
  .number()
  .int()
  .min(1)
  .max(5)
  .describe('1 poor, 2 limited, 3 adequate, 4 strong, 5 excellent — always "higher is better for the user" (staffCost 5 = cheapest to staff)');

export const figureSchema = z.strictObject({
  metric: z.enum(['messagesPerSecond', 'megabytesPerSecond', 'p99LatencyMs', 'p50LatencyMs', 'nodes']).describe('what was measured'),
  value: z.number().positive(),
  conditions: text.describe('test setup: nodes, hardware, message size, replication, client count, load level'),
  version: z.string().optional().describe('product version measured'),
  year: z.number().int().min(2000).max(2100),
  profile: id.optional().describe('the profile the figure was measured on'),
  source: url,
});

export const dimensionRatingSchema = z.strictObject({
  rating: ratingSchema,
  rationale: text.describe('one line: why this rating, citing the figures or facts'),
  sources,
  figures: z.array(figureSchema).default([]).describe('measured figures behind the rating, with their conditions'),
});
export type DimensionRating = z.infer<typeof dimensionRatingSchema>;

export const planningFigureSchema = z.strictObject({
  value: z.number().positive(),
  basis: z.enum(BASIS).describe('measured: a published test; derived: computed from measured figures; vendor-claim; estimate: no figure exists (engine flags low confidence)'),
  note: text.describe('how the value was obtained, and its conditions'),
  source: url,
});
export type PlanningFigure = z.infer<typeof planningFigureSchema>;

export const planningSchema = z
  .strictObject({
    messagesPerSecondPerNode: planningFigureSchema
      .extend({ messageBytes: z.number().positive().describe('message size the figure holds for') })
      .optional()
      .describe('sustainable produce rate per broker node with the replication of the recommended cluster mode'),
    megabytesPerSecondPerNode: planningFigureSchema.optional().describe('sustainable ingress MB/s per broker node, replicated'),
    perQueueMessagesPerSecond: planningFigureSchema.optional().describe('ceiling of one queue / partition (single leader), where it binds'),
    p99LatencyMs: planningFigureSchema.optional().describe('end-to-end p99 at moderate load (well below saturation)'),
    comfortableBacklogMessages: planningFigureSchema
      .optional()
      .describe('backlog per queue it holds without degrading; absent for logs bounded only by disk'),
    maxClusterNodes: planningFigureSchema.optional().describe('practical scale-out ceiling of one cluster (broker nodes)'),
    maxMessageBytes: z
      .strictObject({ default: z.number().positive(), configurableMax: z.number().positive(), source: url })
      .optional()
      .describe('largest message by default and the most it can be configured to'),
  })
  .describe('sizing figures the engine compares stated numbers against; a missing figure makes the fit cautious and flagged');

export const capabilitySchema = z.strictObject({
  support: z.enum(SUPPORT).describe('how the feature is had: native, plugin, commercial (paid edition only), deprecated, via-pattern (the user builds it), none'),
  since: z.string().optional().describe('product version that introduced it'),
  note: z.string().optional().describe('how it works and its limits, in one line'),
  maxDelayHours: z.number().positive().optional().describe('delayed messages: longest supported delay'),
  priorityLevels: z.number().int().positive().optional().describe('priority queues: number of levels'),
  sources: z.array(url).default([]).describe('required for anything but none'),
});
export type Capability = z.infer<typeof capabilitySchema>;

const featureMap = z.strictObject(Object.fromEntries(FEATURES.map((f) => [f, capabilitySchema.optional()])) as Record<Feature, z.ZodOptional<typeof capabilitySchema>>);
const protocolMap = z.strictObject(Object.fromEntries(PROTOCOLS.map((p) => [p, capabilitySchema.optional()])) as Record<Protocol, z.ZodOptional<typeof capabilitySchema>>);
const ratingMap = z.strictObject(Object.fromEntries(DIMENSIONS.map((d) => [d, dimensionRatingSchema.optional()])) as Record<Dimension, z.ZodOptional<typeof dimensionRatingSchema>>);

export const profileSchema = z.strictObject({
  id: id.describe('stable id within the broker, e.g. quorum-queue'),
  name: text,
  product: z.string().optional().describe('product the profile belongs to, where a broker id covers several (ActiveMQ Classic / Artemis)'),
  since: z.string().describe('version that introduced it'),
  status: z.enum(STATUS),
  model: z.enum(['queue', 'log']).describe('queue: messages leave when acknowledged; log: retained and re-readable'),
  description: text,
  ratings: ratingMap.optional().describe('dimension ratings that differ from the broker-wide ones'),
  planning: planningSchema.default({}),
  capabilities: featureMap.default({}).describe('features that differ from the broker-wide defaults'),
  protocols: protocolMap.default({}).describe('protocols that differ from the broker-wide defaults'),
});
export type Profile = z.infer<typeof profileSchema>;

const guaranteeSchema = z.strictObject({
  acknowledgedLoss: z.enum(MESSAGE_LOSS).describe('never: no acknowledged message lost; rare: a small window can be lost; tolerated: loss is possible'),
  failover: z.enum(FAILOVER_KIND),
  rto: text.describe('how long until service resumes, in words with a figure where known'),
});

export const roleSchema = z.strictObject({
  role: z.string().min(2),
  min: z.number().int().min(0).describe('count at the smallest production size'),
  scalesWithLoad: z.boolean().default(false).describe('true for the role that carries the traffic; the engine sizes it from the load'),
  perRole: z.string().optional().describe('count is per instance of this other role (e.g. one slave per master)'),
  odd: z.boolean().default(false).describe('count must be odd (Raft majorities)'),
  max: z.number().int().positive().optional(),
  note: z.string().optional(),
});

export const clusterModeSchema = z.strictObject({
  id: id.describe('stable id qualified by product, e.g. artemis-replicated-pair'),
  name: text,
  status: z.enum(STATUS),
  statusNote: z.string().optional().describe('e.g. "removed in 4.0: use quorum queues"'),
  replacedBy: id.optional().describe('for legacy/removed modes: the mode to use instead'),
  aliases: z.array(z.string()).default([]).describe('names people know it by (e.g. the classic "mirror mode")'),
  profiles: z.array(id).min(1).describe('profiles this mode serves'),
  whenToUse: text,
  whenNotToUse: text,
  roles: z.array(roleSchema).min(1),
  configuration: z.array(z.string()).default([]).describe('the settings that make the guarantees hold'),
  guarantees: z.strictObject({ nodeLoss: guaranteeSchema }),
  sources,
});
export type ClusterMode = z.infer<typeof clusterModeSchema>;

export const multiDatacenterOptionSchema = z.strictObject({
  id: id.describe('stable id qualified by product, e.g. kafka-mirrormaker2'),
  name: text,
  aliases: z.array(z.string()).default([]).describe('names people know it by (e.g. the classic "Shovel / remote mode")'),
  statusNote: z.string().optional(),
  status: z.enum(STATUS),
  support: z.enum(SUPPORT),
  profiles: z.array(id).min(1),
  topologies: z.array(z.enum(['disaster-recovery', 'active-active'])).min(1),
  replication: z.enum(['sync', 'async']),
  rpo: text.describe('data-loss window on losing a site, in words'),
  typicalRpoSeconds: z.number().min(0).optional().describe('typical lag under normal load, if documented'),
  failover: z.enum(FAILOVER_KIND).describe('how clients move to the other site'),
  whenToUse: text,
  sources,
});
export type MultiDatacenterOption = z.infer<typeof multiDatacenterOptionSchema>;

export const managedOfferingSchema = z.strictObject({
  platform: z.enum(PLATFORMS),
  name: text,
  kind: z.enum(['managed-service', 'operator']),
  commercial: z.boolean().describe('true when the offering is a paid edition beyond cloud usage fees (e.g. a vendor platform)'),
  compatibility: z.enum(['same-software', 'api-compatible']).describe('api-compatible: a different implementation of the same API'),
  profiles: z.array(id).min(1),
  note: z.string().optional(),
  sources,
});

export const productSchema = z.strictObject({
  name: text,
  versionsCovered: z.string().describe('e.g. "4.0–4.3"'),
  latest: z.strictObject({ version: z.string(), released: isoDate }),
  license: z.string(),
  implementationLanguages: z.array(z.enum(LANGUAGES)).min(1),
  sources,
});

const clientSchema = z.strictObject({ support: z.enum(CLIENT_SUPPORT), note: z.string().optional(), source: url });

export const brokerSchema = z.strictObject({
  kind: z.literal('broker'),
  id: id.describe('stable broker id, never reused: activemq, rabbitmq, rocketmq, kafka'),
  name: text,
  asOf: isoDate.describe('date the facts in this file were last checked'),
  summary: text,
  products: z.array(productSchema).min(1),
  dimensions: z.strictObject(Object.fromEntries(DIMENSIONS.map((d) => [d, dimensionRatingSchema])) as Record<Dimension, typeof dimensionRatingSchema>),
  capabilities: featureMap.describe('broker-wide feature support; profiles override'),
  protocols: protocolMap.describe('broker-wide protocol support; profiles override'),
  clientLanguages: z
    .strictObject(
      Object.fromEntries(
        LANGUAGES.map((l) => [l, clientSchema.optional()]),
      ) as unknown as Record<(typeof LANGUAGES)[number], z.ZodOptional<typeof clientSchema>>,
    )
    .describe('client library quality per language; a language not listed has no client'),
  profiles: z.array(profileSchema).min(1),
  clusterModes: z.array(clusterModeSchema).min(1),
  multiDatacenter: z.array(multiDatacenterOptionSchema).default([]),
  managedOfferings: z.array(managedOfferingSchema).default([]),
});
export type BrokerEntry = z.infer<typeof brokerSchema>;

export const CONDITION_OPS = ['equals', 'in', 'contains', 'gte', 'gt', 'lte', 'lt', 'stated', 'notStated'] as const;
export type Condition =
  | { path: string; op: (typeof CONDITION_OPS)[number]; value?: unknown }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      path: z.string().describe('a requirements field path, e.g. workload.peakMessagesPerSecond (never priorities or weights)'),
      op: z.enum(CONDITION_OPS),
      value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
    }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

export const effectSchema = z.union([
  z.strictObject({
    adjust: z.strictObject({
      broker: id,
      profile: id.optional().describe('limit to one profile'),
      dimension: z.enum([...DIMENSIONS, 'features']),
      by: z.number().min(-1).max(1).describe('added to the fit (0..1), result clamped'),
    }),
  }),
  z.strictObject({ eliminate: z.strictObject({ broker: id, profile: id.optional() }) }),
  z.strictObject({ warn: z.literal(true) }),
]);
export type Effect = z.infer<typeof effectSchema>;

export const ruleSchema = z.strictObject({
  id: id.describe('stable rule id, never reused'),
  when: conditionSchema,
  then: z.array(effectSchema).min(1),
  because: text.describe('the reason shown to users when the rule fires'),
  sources: z.array(url).default([]),
});
export type Rule = z.infer<typeof ruleSchema>;

export const rulesFileSchema = z.strictObject({ kind: z.literal('rules'), rules: z.array(ruleSchema) });
export const metaFileSchema = z.strictObject({
  kind: z.literal('meta'),
  version: z.string().describe('knowledge-base version, bumped on every change of data'),
  asOf: isoDate,
});
export const kbFileSchema = z.discriminatedUnion('kind', [brokerSchema, rulesFileSchema, metaFileSchema]);
export type KbFile = z.infer<typeof kbFileSchema>;

export interface KnowledgeBase {
  version: string;
  asOf: string;
  brokers: BrokerEntry[];
  rules: Rule[];
  /** Extra files the user layered on top (name and sha256), for ADR reproducibility. */
  extraFiles: Array<{ file: string; sha256: string }>;
}
