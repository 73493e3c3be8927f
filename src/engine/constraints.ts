import type { Model } from '../kb/model-schema.js';
import type { Capability, ClusterMode } from '../kb/schema.js';
import type { Requirements } from '../requirements/schema.js';
import { FEATURES, MESSAGE_LOSS, type Feature, type MessageLoss } from '../requirements/vocabulary.js';
import { FEATURE_LABELS, PROTOCOL_LABELS, formatBytes, formatCount } from './labels.js';
import { nodesFor, writeLoad } from './sizing.js';
import type { ResolvedProfile } from './profiles.js';

/**
 * Hard constraints, checked per (broker, profile): what the user marked required, or stated as an
 * absolute (message loss, failover, cross-datacenter need), that the profile cannot give.
 */
export function commercialAllowed(requirements: Requirements): boolean {
  return requirements.deployment?.commercialEditions === 'allowed';
}

export function satisfies(capability: Capability, requirements: Requirements): boolean {
  return (
    capability.support === 'native' ||
    capability.support === 'plugin' ||
    (capability.support === 'commercial' && commercialAllowed(requirements))
  );
}

/**
 * The same words for the same KB capability every time: batches word the same eliminations over and
 * over, and one string per (capability, label, edition policy) is built, hashed and compared only once.
 */
const described = [new WeakMap<Capability, Map<string, string>>(), new WeakMap<Capability, Map<string, string>>()];

/** `label` should be a constant string (its hash is then computed once), e.g. FEATURE_LABELS[feature]. */
export function describeCapability(label: string, capability: Capability, requirements: Requirements): string {
  const memo = described[commercialAllowed(requirements) ? 1 : 0]!;
  let words = memo.get(capability);
  if (!words) memo.set(capability, (words = new Map()));
  let text = words.get(label);
  if (text === undefined) words.set(label, (text = wordCapability(label, capability, requirements)));
  return text;
}

const PROTOCOL_FAILURE_LABELS = Object.fromEntries(Object.entries(PROTOCOL_LABELS).map(([id, label]) => [id, `${label} protocol`])) as Record<
  keyof typeof PROTOCOL_LABELS,
  string
>;

function wordCapability(label: string, capability: Capability, requirements: Requirements): string {
  const how =
    capability.support === 'commercial' && !commercialAllowed(requirements)
      ? 'commercial edition only (commercialEditions: excluded)'
      : capability.support === 'deprecated'
        ? 'only through a deprecated component'
        : capability.support === 'via-pattern'
          ? 'not built in (you would build it yourself)'
          : capability.support === 'none'
            ? 'not supported'
            : capability.support;
  return `${label}: ${how}${capability.note ? ` — ${capability.note}` : ''}`;
}

const lossRank = (loss: MessageLoss) => MESSAGE_LOSS.indexOf(loss);

export function modeMeetsReliability(mode: ClusterMode, loss: MessageLoss | undefined, failover: string | undefined): boolean {
  const guarantee = mode.guarantees.nodeLoss;
  if (loss && lossRank(guarantee.acknowledgedLoss) > lossRank(loss)) return false;
  if (failover === 'automatic' && guarantee.failover !== 'automatic') return false;
  if (failover === 'manual' && guarantee.failover === 'none') return false;
  return true;
}

export function currentModesFor(resolved: ResolvedProfile): ClusterMode[] {
  return resolved.currentModes;
}

/**
 * A failed check, described on demand: feasibility needs only whether a check failed; the words are
 * built for brokers that end up eliminated.
 */
export type Failure = () => string;

/** Checks that hold for the whole deployment, so every profile used must pass them. */
export function profileWideFailures(resolved: ResolvedProfile, requirements: Requirements, model: Model): Failure[] {
  const failures: Failure[] = [];
  for (const protocol of requirements.protocols ?? []) {
    const capability = resolved.protocols[protocol];
    if (!satisfies(capability, requirements)) failures.push(() => describeCapability(PROTOCOL_FAILURE_LABELS[protocol], capability, requirements));
  }
  const maxBytes = requirements.workload?.maxMessageBytes;
  const limit = resolved.profile.planning.maxMessageBytes;
  if (maxBytes !== undefined && limit && maxBytes > limit.configurableMax) {
    failures.push(() => `messages of ${formatBytes(maxBytes)}: above the configurable maximum of ${formatBytes(limit.configurableMax)}`);
  }
  // A load needing several times a profile's practical ceiling would take independent clusters with
  // the traffic split by hand: a different design (model.sizing.outOfReach).
  const load = writeLoad(requirements, resolved.profile, model);
  const ceiling = resolved.profile.planning.maxClusterNodes?.value;
  const nodes = load && nodesFor(load, resolved.profile, model);
  if (nodes !== undefined && ceiling !== undefined && nodes > model.sizing.outOfReach.value * ceiling) {
    failures.push(() => `${formatCount(load!.messagesPerSecond)} msg/s needs ≈${formatCount(nodes)} nodes at half of the per-node capacity; one cluster tops out near ${ceiling}`);
  }
  const loss = requirements.reliability?.messageLoss;
  const failover = requirements.reliability?.failover;
  if ((loss || failover) && !resolved.currentModes.some((m) => modeMeetsReliability(m, loss, failover))) {
    failures.push(() => {
      const wanted = [loss && `message loss ${loss}`, failover && `${failover} failover`].filter(Boolean).join(' with ');
      return `no current cluster mode gives ${wanted} on a node failure`;
    });
  }
  const topology = requirements.deployment?.multiDatacenter;
  if (topology && topology !== 'none') {
    const options = resolved.currentMultiDatacenter.filter((o) => o.topologies.includes(topology));
    if (!options.some((o) => satisfies({ support: o.support, sources: [] }, requirements))) {
      const commercialOnly = options.find((o) => o.support === 'commercial');
      failures.push(() =>
        commercialOnly
          ? `${topology} across datacenters: only ${commercialOnly.name} (commercial edition; commercialEditions: excluded)`
          : `${topology} across datacenters: no current option`,
      );
    }
  }
  return failures;
}

export function requiredFeatures(requirements: Requirements): Feature[] {
  return FEATURES.filter((f) => requirements.features?.[f] === 'required');
}

/** Whether this profile gives a required feature (see featureFailure for why not). */
export function coversFeature(resolved: ResolvedProfile, feature: Feature, requirements: Requirements): boolean {
  const capability = resolved.capabilities[feature];
  if (!satisfies(capability, requirements)) return false;
  const wantedDelay = requirements.workload?.maxDelayHours;
  return !(feature === 'delayedMessages' && wantedDelay !== undefined && capability.maxDelayHours !== undefined && wantedDelay > capability.maxDelayHours);
}

/** Why this profile does not give a required feature, or undefined when it does. */
export function featureFailure(resolved: ResolvedProfile, feature: Feature, requirements: Requirements): string | undefined {
  if (coversFeature(resolved, feature, requirements)) return undefined;
  const capability = resolved.capabilities[feature];
  if (!satisfies(capability, requirements)) return describeCapability(FEATURE_LABELS[feature], capability, requirements);
  return `${FEATURE_LABELS[feature]}: at most ${capability.maxDelayHours} h, ${requirements.workload?.maxDelayHours} h needed`;
}
