import type { Model } from '../kb/model-schema.js';
import type { Capability, ClusterMode } from '../kb/schema.js';
import { protocolNeeds } from '../requirements/protocols.js';
import type { Requirements } from '../requirements/schema.js';
import { FEATURES, MESSAGE_LOSS, type Feature, type MessageLoss } from '../requirements/vocabulary.js';
import { FEATURE_LABELS, PROTOCOL_LABELS, formatBytes, formatCount } from './labels.js';
import { sizingOf } from './sizing.js';
import type { ResolvedProfile } from './profiles.js';

/**
 * Hard constraints, checked per (broker, profile): what the user marked required, or stated as an
 * absolute (message loss, failover, cross-datacenter need), that the profile cannot give. A required
 * feature the profile can only approximate (a pattern you build, a deprecated component) is not a hard
 * failure: it is scored as cost and risk, unless the need is `strict`.
 */
export function commercialAllowed(requirements: Requirements): boolean {
  return requirements.deployment?.commercialEditions === 'allowed';
}

/** How a capability serves a need: as it is, only as something you build or keep alive yourself, or not at all. */
export type Coverage = 'full' | 'approximate' | 'none';

function coverage(capability: Capability, requirements: Requirements): Coverage {
  switch (capability.support) {
    case 'native':
    case 'plugin':
    case 'partial':
      return 'full';
    case 'commercial':
      return commercialAllowed(requirements) ? 'full' : 'none';
    case 'via-pattern':
    case 'deprecated':
      return 'approximate';
    case 'none':
      return 'none';
  }
}

/** A protocol serves a need when it is covered, and lets clients consume unless only producers need it. */
function servesProtocol(capability: Capability, requirements: Requirements, publishOnly: boolean): boolean {
  return coversProtocol(capability, requirements) && (publishOnly || !capability.publishOnly);
}

/**
 * Spoken as it is, or bridged by a gateway you run in front of the broker (a cost, like a feature you build) unless
 * the protocols are strict.
 */
export function coversProtocol(capability: Capability, requirements: Requirements): boolean {
  const covered = coverage(capability, requirements);
  return covered === 'full' || (covered === 'approximate' && !protocolNeeds(requirements).strict);
}

/** Given as it is (native, bundled plugin, partial, or a paid edition that may count). */
export function satisfies(capability: Capability, requirements: Requirements): boolean {
  return coverage(capability, requirements) === 'full';
}

/**
 * The same words for the same KB capability every time: batches word the same eliminations over and
 * over, and one string per (capability, label, edition policy) is built, hashed and compared only once.
 */
const described = [new WeakMap<Capability, Map<string, string>>(), new WeakMap<Capability, Map<string, string>>()];

/** `label` should be a constant string (its hash is then computed once), e.g. FEATURE_LABELS[feature]. */
function describeCapability(label: string, capability: Capability, requirements: Requirements): string {
  const memo = described[commercialAllowed(requirements) ? 1 : 0]!;
  let words = memo.get(capability);
  if (!words) memo.set(capability, (words = new Map()));
  let text = words.get(label);
  if (text === undefined) words.set(label, (text = wordCapability(label, capability, requirements)));
  return text;
}

const protocolLabels = (suffix: string) =>
  Object.fromEntries(Object.entries(PROTOCOL_LABELS).map(([id, label]) => [id, `${label} ${suffix}`])) as Record<
    keyof typeof PROTOCOL_LABELS,
    string
  >;
const PROTOCOL_FAILURE_LABELS = protocolLabels('protocol');
/** Under strict protocols a gateway does not count: the reason says so, since the KB note names one. */
const STRICT_PROTOCOL_FAILURE_LABELS = protocolLabels('protocol, spoken by the broker itself (strict)');

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
            : capability.support === 'partial'
              ? 'partial'
              : capability.publishOnly
                ? `${capability.support}, publish only (its clients cannot consume here)`
                : capability.support;
  return `${label}: ${how}${capability.note ? ` — ${capability.note}` : ''}`;
}

const lossRank = (loss: MessageLoss) => MESSAGE_LOSS.indexOf(loss);

export function modeMeetsReliability(
  mode: ClusterMode,
  loss: MessageLoss | undefined,
  failover: string | undefined,
): boolean {
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
  const protocols = protocolNeeds(requirements);
  const labels = protocols.strict ? STRICT_PROTOCOL_FAILURE_LABELS : PROTOCOL_FAILURE_LABELS;
  for (const protocol of protocols.required) {
    const capability = resolved.protocols[protocol];
    if (!servesProtocol(capability, requirements, false))
      failures.push(() => describeCapability(labels[protocol], capability, requirements));
  }
  for (const protocol of protocols.publishOnly) {
    const capability = resolved.protocols[protocol];
    if (!servesProtocol(capability, requirements, true))
      failures.push(() => describeCapability(labels[protocol], capability, requirements));
  }
  if (
    protocols.anyOf.length > 0 &&
    !protocols.anyOf.some((p) => servesProtocol(resolved.protocols[p], requirements, false))
  ) {
    failures.push(
      () =>
        `none of ${protocols.anyOf.map((p) => PROTOCOL_LABELS[p]).join(', ')}: ` +
        protocols.anyOf.map((p) => describeCapability(labels[p], resolved.protocols[p], requirements)).join('; '),
    );
  }
  const maxBytes = requirements.workload?.maxMessageBytes;
  const limit = resolved.profile.planning.maxMessageBytes;
  if (maxBytes !== undefined && limit && maxBytes > limit.configurableMax) {
    failures.push(
      () =>
        `messages of ${formatBytes(maxBytes)}: above the configurable maximum of ${formatBytes(limit.configurableMax)}`,
    );
  }
  // A load needing several times a profile's practical ceiling would take independent clusters with
  // the traffic split by hand: a different design (model.sizing.outOfReach).
  const { load, nodes } = sizingOf(resolved.profile, requirements, model);
  const ceiling = resolved.profile.planning.maxClusterNodes?.value;
  if (nodes !== undefined && ceiling !== undefined && nodes > model.sizing.outOfReach.value * ceiling) {
    failures.push(
      () =>
        `${formatCount(load!.messagesPerSecond)} msg/s needs ≈${formatCount(nodes)} nodes at half of the per-node ` +
        `capacity; one cluster tops out near ${ceiling}`,
    );
  }
  const loss = requirements.reliability?.messageLoss;
  const failover = requirements.reliability?.failover;
  if ((loss || failover) && !resolved.currentModes.some((m) => modeMeetsReliability(m, loss, failover))) {
    failures.push(() => {
      const wanted = [loss && `message loss ${loss}`, failover && `${failover} failover`]
        .filter(Boolean)
        .join(' with ');
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
          ? `${topology} across datacenters: only ${commercialOnly.name} (commercial edition; commercialEditions: ` +
            `excluded)`
          : `${topology} across datacenters: no current option`,
      );
    }
  }
  return failures;
}

/** Features the user requires, strictly or not. */
export function requiredFeatures(requirements: Requirements): Feature[] {
  return FEATURES.filter((f) => {
    const need = requirements.features?.[f];
    return need === 'required' || need === 'strict';
  });
}

/** How this profile serves a required feature, given what the user accepts (strict: nothing approximate). */
export function featureCoverage(resolved: ResolvedProfile, feature: Feature, requirements: Requirements): Coverage {
  const capability = resolved.capabilities[feature];
  const wantedDelay = requirements.workload?.maxDelayHours;
  if (
    feature === 'delayedMessages' &&
    wantedDelay !== undefined &&
    capability.maxDelayHours !== undefined &&
    wantedDelay > capability.maxDelayHours
  )
    return 'none';
  const covered = coverage(capability, requirements);
  return covered === 'approximate' && requirements.features?.[feature] === 'strict' ? 'none' : covered;
}

/** Whether this profile meets a required feature, fully or (unless strict) approximately. */
export function coversFeature(resolved: ResolvedProfile, feature: Feature, requirements: Requirements): boolean {
  return featureCoverage(resolved, feature, requirements) !== 'none';
}

/** Why this profile does not give a required feature, or undefined when it does. */
export function featureFailure(
  resolved: ResolvedProfile,
  feature: Feature,
  requirements: Requirements,
): string | undefined {
  if (coversFeature(resolved, feature, requirements)) return undefined;
  const capability = resolved.capabilities[feature];
  const wantedDelay = requirements.workload?.maxDelayHours;
  if (
    feature === 'delayedMessages' &&
    wantedDelay !== undefined &&
    capability.maxDelayHours !== undefined &&
    wantedDelay > capability.maxDelayHours
  ) {
    return `${FEATURE_LABELS[feature]}: at most ${capability.maxDelayHours} h, ${wantedDelay} h needed`;
  }
  const words = describeCapability(FEATURE_LABELS[feature], capability, requirements);
  return coverage(capability, requirements) === 'approximate'
    ? `${words} (strict: an approximation does not count)`
    : words;
}
