import type { Model } from '../../kb/model-schema.js';
import type { Requirements } from '../../requirements/schema.js';
import { applyCurve } from '../curves.js';
import { formatBytes, formatCount } from '../labels.js';
import type { ResolvedProfile } from '../profiles.js';
import { round3 } from '../rounding.js';
import { growthFactor, sizingOf, type Capacity } from '../sizing.js';
import { confidenceOf, prefixObserved, ratingPart, type FitPart } from './parts.js';

/** Throughput, scalability and latency: the stated load and target against each profile's planning figures. */
export function throughputParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const parts = clusterThroughputParts(resolved, requirements, model);
  const ordered = orderedQueuePart(resolved, requirements, model);
  return ordered ? [...parts, ordered] : parts;
}

function clusterThroughputParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const { load, capacity, nodes } = sizingOf(resolved.profile, requirements, model);
  if (!load) return [ratingPart(resolved, 'throughput', 'no peak rate stated: judged by the KB rating', model)];
  const planning = resolved.profile.planning;
  const spec = model.criteria.throughput.nodes;
  const copies = () =>
    resolved.profile.model === 'queue' && (requirements.workload?.consumerGroups ?? 1) > 1
      ? ` (peak × ${requirements.workload?.consumerGroups} consumer groups: one queue copy each)`
      : '';
  if (capacity === undefined || nodes === undefined) {
    const rated = ratingPart(
      resolved,
      'throughput',
      () => `${formatCount(load.messagesPerSecond)} msg/s${copies()}`,
      model,
      spec.weight,
    );
    return [
      {
        ...rated,
        part: 'throughput.nodes',
        fit: round3(rated.fit * model.confidence.noFigure.value),
        text: prefixObserved(rated, 'no per-node figure; '),
        reasonId: 'no-figure',
        confidence: 'low',
      },
    ];
  }
  const ceiling = planning.maxClusterNodes?.value ?? model.sizing.baseNodes.value;
  const base = model.sizing.baseNodes.value;
  const figure = capacity.figure;
  const trusted = capacity.confidence < 1;
  return [
    {
      part: 'throughput.nodes',
      weight: spec.weight,
      fit: round3(applyCurve(spec.curve, { value: nodes, reference: ceiling })),
      text: () => ({
        observed:
          `≈${formatCount(capacity.messagesPerSecond)} msg/s per node at ${formatBytes(load.bytesPerMessage)} ` +
          `(${figure.basis}${figure.replicated ? '' : ', unreplicated'}` +
          `${trusted ? `: ${formatCount(capacity.claimed)} derated ×${round3(capacity.confidence)}` : ''})`,
        expected:
          `${formatCount(load.messagesPerSecond)} msg/s${copies()} → ${nodes} ` +
          `node${nodes === 1 ? '' : 's'} at ${model.sizing.headroom.value * 100}% load`,
      }),
      reasonId: nodes <= base ? 'fits-base-cluster' : nodes <= ceiling ? 'needs-scale-out' : 'beyond-ceiling',
      reason: `${figure.note} Hardware: ${figure.hardware}.`,
      confidence: confidenceOf(figure) === 'low' || !planning.maxClusterNodes ? 'low' : 'high',
      sources: [figure.source],
    },
  ];
}

/**
 * A required global order puts the whole load through one queue / partition: its single leader's ceiling (the KB's
 * per-queue figure, derated by its basis, else one node's capacity as the upper bound) against the stated load.
 */
function orderedQueuePart(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart | undefined {
  const need = requirements.features?.globalOrdering;
  if (need !== 'required' && need !== 'strict') return undefined;
  const { load, capacity } = sizingOf(resolved.profile, requirements, model);
  if (!load) return undefined;
  const figure = resolved.profile.planning.perQueueMessagesPerSecond;
  const ceiling = figure ? figure.value * model.confidence.basis.value[figure.basis] : capacity?.messagesPerSecond;
  if (ceiling === undefined) return undefined;
  const spec = model.criteria.throughput.orderedQueue;
  return {
    part: 'throughput.orderedQueue',
    weight: spec.weight,
    fit: round3(applyCurve(spec.curve, { value: load.messagesPerSecond / ceiling, reference: 1 })),
    text: () => ({
      observed: figure
        ? `one queue / partition carries ≈${formatCount(ceiling)} msg/s (${figure.basis})`
        : `no per-queue figure; one node's ≈${formatCount(ceiling)} msg/s as the upper bound`,
      expected: `${formatCount(load.messagesPerSecond)} msg/s in one global order`,
    }),
    reasonId: load.messagesPerSecond <= ceiling ? 'ordered-queue-fits' : 'ordered-queue-beyond',
    reason: figure?.note ?? capacity?.figure.note ?? '',
    confidence: figure ? confidenceOf(figure) : 'low',
    sources: figure ? [figure.source] : capacity ? [capacity.figure.source] : [],
  };
}

export function scalabilityParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const topics = topicsPart(resolved, requirements, model);
  return topics
    ? [...loadScalabilityParts(resolved, requirements, model), topics]
    : loadScalabilityParts(resolved, requirements, model);
}

/**
 * Stated topics / queues against what one cluster of this profile holds comfortably (only where the KB has a
 * figure).
 */
function topicsPart(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart | undefined {
  const topics = requirements.workload?.topics;
  const figure = resolved.profile.planning.comfortableQueuesPerCluster;
  if (topics === undefined || !figure) return undefined;
  const spec = model.criteria.scalability.topics;
  return {
    part: 'scalability.topics',
    weight: spec.weight,
    fit: round3(applyCurve(spec.curve, { value: topics, reference: figure.value })),
    text: () => ({
      observed: `comfortable up to ≈${formatCount(figure.value)} per cluster (${figure.basis})`,
      expected: `${formatCount(topics)} topics / queues`,
    }),
    reasonId: topics <= figure.value ? 'topics-fit' : 'topics-beyond',
    reason: figure.note,
    confidence: confidenceOf(figure),
    sources: [figure.source],
  };
}

function loadScalabilityParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const growth = growthFactor(requirements);
  const { loadAtGrowth: load, nodesAtGrowth: nodes, capacity } = sizingOf(resolved.profile, requirements, model);
  const ceilingFigure = resolved.profile.planning.maxClusterNodes;
  const spec = model.criteria.scalability;
  if (!load) return [ratingPart(resolved, 'scalability', 'no peak rate stated: judged by the KB rating', model)];
  const rated = ratingPart(resolved, 'scalability', () => `growth ×${growth}`, model, spec.rating.weight);
  const atGrowth = `${formatCount(load.messagesPerSecond)} msg/s at growth ×${growth}`;
  const rating =
    spec.rating.byLoadShare === true && nodes !== undefined && capacity
      ? byLoadShare(rated, atGrowth, nodes, capacity.figure, model)
      : rated;
  if (nodes === undefined || !ceilingFigure) {
    // Without a ceiling, room to grow is judged by the rating itself (not its share), at the no-figure discount.
    return [
      rating,
      {
        ...rated,
        part: 'scalability.headroom',
        weight: spec.headroom.weight,
        fit: round3(rated.fit * model.confidence.noFigure.value),
        text: () => ({
          ...rated.text(),
          observed: nodes === undefined ? 'no per-node or ceiling figure' : 'no ceiling figure',
        }),
        reasonId: 'no-figure',
        confidence: 'low',
      },
    ];
  }
  const ratio = nodes / ceilingFigure.value;
  return [
    rating,
    {
      part: 'scalability.headroom',
      weight: spec.headroom.weight,
      fit: round3(applyCurve(spec.headroom.curve, { value: ratio, reference: 1 })),
      text: () => ({
        observed: `practical ceiling ≈${ceilingFigure.value} nodes (${ceilingFigure.basis})`,
        expected: `${atGrowth} → ${nodes} node${nodes === 1 ? '' : 's'}`,
      }),
      reasonId: ratio <= 0.5 ? 'room-to-grow' : ratio <= 1 ? 'near-ceiling' : 'beyond-ceiling',
      reason: ceilingFigure.note,
      confidence: confidenceOf(ceilingFigure),
      sources: [ceilingFigure.source],
    },
  ];
}

/**
 * How a broker scales out matters as far as the load will make it scale out: when the load at the stated growth needs
 * fewer nodes than the smallest production cluster has, the rating's gap to 5/5 counts for that share only. Counted
 * in whole nodes, so two brokers that each carry the load on one node score the same, however much faster one is. The
 * share rests on the per-node figure, so the part takes that figure's confidence.
 */
function byLoadShare(
  rated: FitPart,
  atGrowth: string,
  nodes: number,
  perNode: Capacity['figure'],
  model: Model,
): FitPart {
  const base = model.sizing.baseNodes.value;
  if (nodes >= base || rated.fit === 1) return rated;
  return {
    ...rated,
    fit: round3(1 - ((1 - rated.fit) * nodes) / base),
    text: () => ({
      observed: `${rated.text().observed}; ${nodes}/${base} of its gap to 5/5 counts`,
      expected: `${atGrowth} fills ${nodes} node${nodes === 1 ? '' : 's'} of a ${base}-node cluster`,
    }),
    reasonId: 'rating-by-load-share',
    confidence: confidenceOf(perNode),
    sources: [...rated.sources, perNode.source],
  };
}

export function latencyParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const target = requirements.latency?.p99Ms;
  if (target === undefined)
    return [ratingPart(resolved, 'latency', 'no p99 target stated: judged by the KB rating', model)];
  const figure = resolved.profile.planning.p99LatencyMs;
  const spec = model.criteria.latency.p99;
  if (!figure) {
    const rated = ratingPart(resolved, 'latency', () => `p99 ≤ ${target} ms`, model, spec.weight);
    return [
      {
        ...rated,
        part: 'latency.p99',
        fit: round3(rated.fit * model.confidence.noFigure.value),
        text: prefixObserved(rated, 'no p99 figure; '),
        reasonId: 'no-figure',
        confidence: 'low',
      },
    ];
  }
  const typical = figure.value;
  return [
    {
      part: 'latency.p99',
      weight: spec.weight,
      fit: round3(applyCurve(spec.curve, { value: typical, reference: target })),
      text: () => ({
        observed: `p99 ≈${typical} ms at moderate load (${figure.basis})`,
        expected: `p99 ≤ ${target} ms`,
      }),
      reasonId: typical <= target ? 'meets-latency' : 'misses-latency',
      reason: figure.note,
      confidence: confidenceOf(figure),
      sources: [figure.source],
    },
  ];
}
