import type { Profile } from '../kb/schema.js';
import type { Model } from '../kb/model-schema.js';
import type { Requirements } from '../requirements/schema.js';

interface Load {
  /** Messages per second the brokers must write: the peak, times consumer groups on queue models. */
  messagesPerSecond: number;
  bytesPerMessage: number;
}

/**
 * The rate the brokers are sized for, and the field it comes from: the peak, else the average (the peak is at least
 * the average; the assumptions say so).
 */
export function sizedRate(
  requirements: Requirements,
): { field: 'workload.peakMessagesPerSecond' | 'workload.averageMessagesPerSecond'; value: number } | undefined {
  const { peakMessagesPerSecond: peak, averageMessagesPerSecond: average } = requirements.workload ?? {};
  if (peak !== undefined) return { field: 'workload.peakMessagesPerSecond', value: peak };
  return average === undefined ? undefined : { field: 'workload.averageMessagesPerSecond', value: average };
}

function writeLoad(requirements: Requirements, profile: Profile, model: Model, growth = 1): Load | undefined {
  const peak = sizedRate(requirements)?.value;
  if (peak === undefined) return undefined;
  // A queue holds one copy per consuming group (fan-out writes a message to each bound queue);
  // a log is written once and read by every group.
  const copies = profile.model === 'queue' ? (requirements.workload?.consumerGroups ?? 1) : 1;
  // Every broker is compared at the same size: the stated average, else the model's default.
  return { messagesPerSecond: peak * growth * copies, bytesPerMessage: messageBytes(requirements, model) };
}

export function messageBytes(requirements: Requirements, model: Model): number {
  return requirements.workload?.averageMessageBytes ?? model.sizing.defaultMessageBytes.value;
}

type ThroughputFigure =
  | NonNullable<Profile['planning']['messagesPerSecondPerNode']>
  | NonNullable<Profile['planning']['megabytesPerSecondPerNode']>;

export interface Capacity {
  /** Messages per second one node is planned at, at the compared size: the figure derated by its confidence. */
  messagesPerSecond: number;
  /** What the figure itself says, before derating. */
  claimed: number;
  /** The figure that bounds it (the lower of the rate and the bandwidth figure). */
  figure: ThroughputFigure;
  /** How far the fit trusts it: the figure's basis, and whether it was replicated (data/model.yaml, confidence). */
  confidence: number;
}

/**
 * What one node is planned at for this message size, or undefined without a figure. A rate holds at
 * its own message size; measured with messages of at least the per-message-cost size, it falls in
 * proportion above it (bandwidth-bound); measured with smaller messages it is only an upper bound, and
 * is derated as such. A bandwidth figure caps either. Each figure is derated by how far it is trusted
 * (basis, replication), and the lowest planned capacity binds.
 */
export function perNodeCapacity(profile: Profile, bytesPerMessage: number, model: Model): Capacity | undefined {
  const rate = profile.planning.messagesPerSecondPerNode;
  const bandwidth = profile.planning.megabytesPerSecondPerNode;
  const trust = model.confidence;
  const trusted = (figure: ThroughputFigure) =>
    trust.basis.value[figure.basis] * (figure.replicated ? 1 : trust.unreplicated.value);
  const options: Capacity[] = [];
  const add = (claimed: number, figure: ThroughputFigure, factor = 1) => {
    const confidence = trusted(figure) * factor;
    options.push({ messagesPerSecond: claimed * confidence, claimed, figure, confidence });
  };
  if (rate) {
    if (bytesPerMessage <= rate.messageBytes) add(rate.value, rate);
    else if (rate.messageBytes >= model.sizing.perMessageCostBytes.value)
      add((rate.value * rate.messageBytes) / bytesPerMessage, rate);
    else add(rate.value, rate, trust.smallerMessages.value);
  }
  if (bandwidth) add((bandwidth.value * 1e6) / bytesPerMessage, bandwidth);
  return options.sort((a, b) => a.messagesPerSecond - b.messagesPerSecond)[0];
}

function nodesFor(load: Load, profile: Profile, model: Model): number | undefined {
  const capacity = perNodeCapacity(profile, load.bytesPerMessage, model);
  if (capacity === undefined) return undefined;
  return Math.max(1, Math.ceil(load.messagesPerSecond / (capacity.messagesPerSecond * model.sizing.headroom.value)));
}

/** What a profile must carry and how many nodes that takes, today and at the stated growth. */
export interface Sizing {
  load: Load | undefined;
  capacity: Capacity | undefined;
  nodes: number | undefined;
  loadAtGrowth: Load | undefined;
  nodesAtGrowth: number | undefined;
}

/**
 * One facts record per (requirements, model, profile), computed once: feasibility, every fit, the
 * cluster-mode sizing and the relaxations read it instead of recomputing load and nodes each.
 */
const sizings = new WeakMap<Requirements, WeakMap<Model, WeakMap<Profile, Sizing>>>();

export function sizingOf(profile: Profile, requirements: Requirements, model: Model): Sizing {
  let byModel = sizings.get(requirements);
  if (!byModel) sizings.set(requirements, (byModel = new WeakMap()));
  let byProfile = byModel.get(model);
  if (!byProfile) byModel.set(model, (byProfile = new WeakMap()));
  let sizing = byProfile.get(profile);
  if (!sizing) {
    const load = writeLoad(requirements, profile, model);
    const loadAtGrowth = writeLoad(requirements, profile, model, growthFactor(requirements));
    sizing = {
      load,
      capacity: load && perNodeCapacity(profile, load.bytesPerMessage, model),
      nodes: load && nodesFor(load, profile, model),
      loadAtGrowth,
      nodesAtGrowth: loadAtGrowth && nodesFor(loadAtGrowth, profile, model),
    };
    byProfile.set(profile, sizing);
  }
  return sizing;
}

export function growthFactor(requirements: Requirements): number {
  return requirements.workload?.growthFactor ?? 1;
}
