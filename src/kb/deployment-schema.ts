import * as z from 'zod/mini';
import { d, id, isoDate, list, listOrEmpty, opt, sources, text } from './schema-helpers.js';
import { FAILOVER_KIND, STATUS, SUPPORT } from './enums.js';
import { MESSAGE_LOSS, PLATFORMS, PROTOCOLS } from '../requirements/vocabulary.js';

/** How a broker is deployed: cluster modes with their roles and guarantees, cross-site options, managed offerings. */
const guaranteeSchema = z.strictObject({
  acknowledgedLoss: d(
    z.enum(MESSAGE_LOSS),
    'never: no acknowledged message lost; rare: a small window can be lost; tolerated: loss is possible',
  ),
  failover: z.enum(FAILOVER_KIND),
  rto: d(text(), 'how long until service resumes, in words with a figure where known'),
});

const roleSchema = z.strictObject({
  role: z.string().check(z.minLength(2)),
  min: d(z.int().check(z.minimum(0)), 'count at the smallest production size'),
  scalesWithLoad: d(
    z._default(z.boolean(), false),
    'true for the role that carries the traffic; the engine sizes it from the load',
  ),
  perRole: opt(z.string(), 'count is per instance of this other role (e.g. one slave per master)'),
  odd: d(z._default(z.boolean(), false), 'count must be odd (Raft majorities)'),
  max: opt(z.int().check(z.positive())),
  note: opt(z.string()),
});

export const clusterModeSchema = z.strictObject({
  id: d(id, 'stable id qualified by product, e.g. artemis-replicated-pair'),
  name: text(),
  status: z.enum(STATUS),
  copies: d(
    z.int().check(z.positive()),
    'copies of each message this mode stores (replication factor; 1 for shared storage), for disk sizing',
  ),
  statusNote: opt(z.string(), 'e.g. "removed in 4.0: use quorum queues"'),
  replacedBy: opt(id, 'for legacy/removed modes: the mode to use instead'),
  aliases: listOrEmpty(z.string(), 'names people know it by (e.g. the classic "mirror mode")'),
  profiles: d(list(id, 1), 'profiles this mode serves'),
  whenToUse: text(),
  whenNotToUse: text(),
  roles: list(roleSchema, 1),
  configuration: listOrEmpty(z.string(), 'the settings that make the guarantees hold'),
  guarantees: z.strictObject({ nodeLoss: guaranteeSchema }),
  sources,
});
export type ClusterMode = z.output<typeof clusterModeSchema>;

const CONSUMER_POSITIONS = ['replicated', 'not-replicated', 'unknown'] as const;

export const multiDatacenterOptionSchema = z.strictObject({
  id: d(id, 'stable id qualified by product, e.g. kafka-mirrormaker2'),
  name: text(),
  aliases: listOrEmpty(z.string(), 'names people know it by (e.g. the classic "Shovel / remote mode")'),
  statusNote: opt(z.string()),
  status: z.enum(STATUS),
  support: z.enum(SUPPORT),
  profiles: list(id, 1),
  topologies: list(z.enum(['disaster-recovery', 'active-active']), 1),
  replication: z.enum(['sync', 'async']),
  rpo: d(text(), 'data-loss window on losing a site, in words'),
  released: opt(isoDate, 'release date of the version that made it production-ready (maturity)'),
  typicalRpoSeconds: opt(z.number().check(z.nonnegative()), 'typical lag under normal load, if documented'),
  failover: d(z.enum(FAILOVER_KIND), 'how clients move to the other site'),
  consumerPositions: d(
    z.enum(CONSUMER_POSITIONS),
    'whether the other site knows what consumers already took: replicated (offsets or acks copied, or one cluster), ' +
      'not-replicated (messages only), unknown',
  ),
  whenToUse: text(),
  sources,
});
export type MultiDatacenterOption = z.output<typeof multiDatacenterOptionSchema>;

export const managedOfferingSchema = z.strictObject({
  platform: z.enum(PLATFORMS),
  name: text(),
  kind: z.enum(['managed-service', 'operator']),
  commercial: d(
    z.boolean(),
    'true when the offering is a paid edition beyond cloud usage fees (e.g. a vendor platform)',
  ),
  compatibility: d(
    z.enum(['same-software', 'api-compatible']),
    'api-compatible: a different implementation of the same API',
  ),
  profiles: list(id, 1),
  protocols: opt(
    d(list(z.enum(PROTOCOLS), 1), 'the protocols the offering exposes, when it is fewer than the software speaks'),
  ),
  note: opt(z.string()),
  sources,
});
