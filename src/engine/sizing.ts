import type { Profile } from '../kb/schema.js';
import type { Requirements } from '../requirements/schema.js';

/**
 * Brokers are sized to run at half their measured capacity: the headroom operators keep for
 * failover (a lost node's load moves to the others), rebalancing and bursts. RocketMQ's tuning
 * guidance is 1/3–1/2 of the stress-tested maximum; we take the upper end.
 */
export const HEADROOM = 0.5;
export const HEADROOM_SOURCE =
  'https://learnworld.net/docs/geek/rocketmq-practical-guide-and-advanced-techniques-complete/16-rocketmq-cluster-performance-tuning';
/** Smallest replicated production cluster for every broker in the KB (Raft majorities, RF=3). */
export const BASE_NODES = 3;
/** Used when a profile has no measured message size, so sizes can still be compared. */
export const DEFAULT_MESSAGE_BYTES = 1024;

export interface Load {
  /** Messages per second the brokers must write: the peak, times consumer groups on queue models. */
  messagesPerSecond: number;
  bytesPerMessage: number;
}

export function writeLoad(requirements: Requirements, profile: Profile, growth = 1): Load | undefined {
  const peak = requirements.workload?.peakMessagesPerSecond;
  if (peak === undefined) return undefined;
  // A queue holds one copy per consuming group (fan-out writes a message to each bound queue);
  // a log is written once and read by every group.
  const copies = profile.model === 'queue' ? (requirements.workload?.consumerGroups ?? 1) : 1;
  return {
    messagesPerSecond: peak * growth * copies,
    bytesPerMessage: requirements.workload?.averageMessageBytes ?? profile.planning.messagesPerSecondPerNode?.messageBytes ?? DEFAULT_MESSAGE_BYTES,
  };
}

/**
 * Below about 1 KiB a broker's cost is per message (framing, routing, acks), so a rate measured with
 * small messages holds up to 1 KiB; above that it is bandwidth-bound and falls in proportion to size.
 */
export const PER_MESSAGE_COST_BYTES = 1024;

/** Messages per second one node sustains at this message size, or undefined without a figure. */
export function perNodeCapacity(profile: Profile, bytesPerMessage: number): number | undefined {
  const figure = profile.planning.messagesPerSecondPerNode;
  const bandwidth = profile.planning.megabytesPerSecondPerNode;
  let capacity: number | undefined;
  if (figure) {
    const validUpTo = Math.max(figure.messageBytes, PER_MESSAGE_COST_BYTES);
    capacity = bytesPerMessage <= validUpTo ? figure.value : (figure.value * validUpTo) / bytesPerMessage;
  }
  if (bandwidth) {
    const bound = (bandwidth.value * 1e6) / bytesPerMessage;
    capacity = capacity === undefined ? bound : Math.min(capacity, bound);
  }
  return capacity;
}

export function nodesFor(load: Load, profile: Profile): number | undefined {
  const capacity = perNodeCapacity(profile, load.bytesPerMessage);
  if (capacity === undefined) return undefined;
  return Math.max(1, Math.ceil(load.messagesPerSecond / (capacity * HEADROOM)));
}

export function growthFactor(requirements: Requirements): number {
  return requirements.workload?.growthFactor ?? 1;
}
