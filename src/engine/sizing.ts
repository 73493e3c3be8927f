import type { Profile } from '../kb/schema.js';
import type { Model } from '../kb/model-schema.js';
import type { Requirements } from '../requirements/schema.js';

export interface Load {
  /** Messages per second the brokers must write: the peak, times consumer groups on queue models. */
  messagesPerSecond: number;
  bytesPerMessage: number;
}

export function writeLoad(requirements: Requirements, profile: Profile, model: Model, growth = 1): Load | undefined {
  const peak = requirements.workload?.peakMessagesPerSecond;
  if (peak === undefined) return undefined;
  // A queue holds one copy per consuming group (fan-out writes a message to each bound queue);
  // a log is written once and read by every group.
  const copies = profile.model === 'queue' ? (requirements.workload?.consumerGroups ?? 1) : 1;
  return {
    messagesPerSecond: peak * growth * copies,
    bytesPerMessage: requirements.workload?.averageMessageBytes ?? profile.planning.messagesPerSecondPerNode?.messageBytes ?? model.sizing.defaultMessageBytes.value,
  };
}

/** Messages per second one node sustains at this message size, or undefined without a figure. */
export function perNodeCapacity(profile: Profile, bytesPerMessage: number, model: Model): number | undefined {
  const figure = profile.planning.messagesPerSecondPerNode;
  const bandwidth = profile.planning.megabytesPerSecondPerNode;
  let capacity: number | undefined;
  if (figure) {
    // Below the per-message cost size a rate measured with small messages holds; above it, it falls in proportion.
    const validUpTo = Math.max(figure.messageBytes, model.sizing.perMessageCostBytes.value);
    capacity = bytesPerMessage <= validUpTo ? figure.value : (figure.value * validUpTo) / bytesPerMessage;
  }
  if (bandwidth) {
    const bound = (bandwidth.value * 1e6) / bytesPerMessage;
    capacity = capacity === undefined ? bound : Math.min(capacity, bound);
  }
  return capacity;
}

export function nodesFor(load: Load, profile: Profile, model: Model): number | undefined {
  const capacity = perNodeCapacity(profile, load.bytesPerMessage, model);
  if (capacity === undefined) return undefined;
  return Math.max(1, Math.ceil(load.messagesPerSecond / (capacity * model.sizing.headroom.value)));
}

export function growthFactor(requirements: Requirements): number {
  return requirements.workload?.growthFactor ?? 1;
}
