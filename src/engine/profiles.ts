import type {
  BrokerEntry,
  Capability,
  ClusterMode,
  DimensionRating,
  MultiDatacenterOption,
  Profile,
} from '../kb/schema.js';
import {
  DIMENSIONS,
  FEATURES,
  PROTOCOLS,
  type Dimension,
  type Feature,
  type Protocol,
} from '../requirements/vocabulary.js';

/** A profile with the broker-wide defaults filled in: what a user deploying it actually gets. */
export interface ResolvedProfile {
  broker: BrokerEntry;
  profile: Profile;
  capabilities: Record<Feature, Capability>;
  protocols: Record<Protocol, Capability>;
  ratings: Record<Dimension, DimensionRating>;
  /** Client libraries per language for this profile (profile overrides, then the broker's). */
  clients: BrokerEntry['clientLanguages'];
  /** Current cluster modes that serve this profile, in KB order. */
  currentModes: ClusterMode[];
  /** Current cross-datacenter options that serve this profile, in KB order. */
  currentMultiDatacenter: MultiDatacenterOption[];
}

const NONE: Capability = { support: 'none', sources: [] };

export function resolveProfile(broker: BrokerEntry, profile: Profile): ResolvedProfile {
  const capabilities = {} as Record<Feature, Capability>;
  for (const f of FEATURES) capabilities[f] = profile.capabilities[f] ?? broker.capabilities[f] ?? NONE;
  const protocols = {} as Record<Protocol, Capability>;
  for (const p of PROTOCOLS) protocols[p] = profile.protocols[p] ?? broker.protocols[p] ?? NONE;
  const ratings = {} as Record<Dimension, DimensionRating>;
  for (const d of DIMENSIONS) ratings[d] = profile.ratings?.[d] ?? broker.dimensions[d];
  const clients = { ...broker.clientLanguages, ...profile.clientLanguages };
  const currentModes = broker.clusterModes.filter((m) => m.status === 'current' && m.profiles.includes(profile.id));
  const currentMultiDatacenter = broker.multiDatacenter.filter(
    (o) => o.status === 'current' && o.profiles.includes(profile.id),
  );
  return { broker, profile, capabilities, protocols, ratings, clients, currentModes, currentMultiDatacenter };
}

/** KB objects are immutable during a run, so resolved profiles are cached per broker object. */
const resolvedCache = new WeakMap<BrokerEntry, ResolvedProfile[]>();

export function resolveProfiles(broker: BrokerEntry): ResolvedProfile[] {
  let resolved = resolvedCache.get(broker);
  if (!resolved) {
    resolved = broker.profiles.filter((p) => p.status !== 'removed').map((p) => resolveProfile(broker, p));
    resolvedCache.set(broker, resolved);
  }
  return resolved;
}
