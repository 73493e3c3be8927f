import type { Capability, PlanningFigure } from '../kb/schema.js';
import type { Requirements } from '../requirements/schema.js';
import { canonicalLanguage, type Dimension, type Language } from '../requirements/vocabulary.js';
import { FEATURES } from '../requirements/vocabulary.js';
import { commercialAllowed, neededProtocols } from './constraints.js';
import { FEATURE_LABELS, PROTOCOL_LABELS, formatBytes, formatCount } from './labels.js';
import type { MultiDcChoice } from './multidc.js';
import type { ResolvedProfile } from './profiles.js';
import type { Model } from '../kb/model-schema.js';
import { applyCurve } from './curves.js';
import { growthFactor, nodesFor, perNodeCapacity, writeLoad } from './sizing.js';
import type { Confidence, Criterion } from './types.js';
import { round3 } from './rounding.js';

/**
 * Fit of one profile on one criterion, as weighted parts. Each part says what was observed in the KB,
 * what the requirements expect, and why; the scorer turns parts into contributions that add up.
 */
export interface FitPart {
  part: string;
  weight: number;
  fit: number;
  /**
   * What was observed and what was expected, in words. A function: the words are built only for the
   * candidates a result prints, never for the thousands a batch or the sensitivity analysis scores.
   */
  text: () => PartText;
  reasonId: string;
  reason: string;
  confidence: Confidence;
  sources: string[];
}

export interface PartText {
  observed: string;
  expected: string;
}

const confidenceOf = (figure: Pick<PlanningFigure, 'basis'> | undefined): Confidence => (figure && figure.basis !== 'estimate' ? 'high' : 'low');

/** The stated team languages the KB knows (aliases such as typescript or c# resolved), each once. */
export function knownLanguages(requirements: Requirements): Language[] {
  const known: Language[] = [];
  for (const name of requirements.team?.languages ?? []) {
    const language = canonicalLanguage(name);
    if (language && !known.includes(language)) known.push(language);
  }
  return known;
}

/** Words that are fixed, or built on demand. */
type Words = string | (() => string);
const words = (w: Words) => (typeof w === 'string' ? w : w());

function ratingPart(resolved: ResolvedProfile, dimension: Dimension, expected: Words, model: Model, weight = 1): FitPart {
  const rating = resolved.ratings[dimension];
  return {
    part: `${dimension}.rating`,
    weight,
    fit: model.scales.rating.value[String(rating.rating) as '1'],
    text: () => ({ observed: `rated ${rating.rating}/5`, expected: words(expected) }),
    reasonId: 'kb-rating',
    reason: rating.rationale,
    confidence: 'high',
    sources: rating.sources,
  };
}

/** The same words with a note before what was observed. */
function prefixObserved(part: FitPart, prefix: string): () => PartText {
  return () => {
    const text = part.text();
    return { observed: `${prefix}${text.observed}`, expected: text.expected };
  };
}

function throughputParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const load = writeLoad(requirements, resolved.profile, model);
  if (!load) return [ratingPart(resolved, 'throughput', 'no peak rate stated: judged by the KB rating', model)];
  const planning = resolved.profile.planning;
  const capacity = perNodeCapacity(resolved.profile, load.bytesPerMessage, model);
  const nodes = nodesFor(load, resolved.profile, model);
  const spec = model.criteria.throughput.nodes;
  const copies = () =>
    resolved.profile.model === 'queue' && (requirements.workload?.consumerGroups ?? 1) > 1 ? ` (peak × ${requirements.workload?.consumerGroups} consumer groups: one queue copy each)` : '';
  if (capacity === undefined || nodes === undefined) {
    const rated = ratingPart(resolved, 'throughput', () => `${formatCount(load.messagesPerSecond)} msg/s${copies()}`, model, spec.weight);
    return [{ ...rated, part: 'throughput.nodes', fit: round3(rated.fit * model.confidence.noFigure.value), text: prefixObserved(rated, 'no per-node figure; '), reasonId: 'no-figure', confidence: 'low' }];
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
        observed: `≈${formatCount(capacity.messagesPerSecond)} msg/s per node at ${formatBytes(load.bytesPerMessage)} (${figure.basis}${figure.replicated ? '' : ', unreplicated'}${trusted ? `: ${formatCount(capacity.claimed)} derated ×${round3(capacity.confidence)}` : ''})`,
        expected: `${formatCount(load.messagesPerSecond)} msg/s${copies()} → ${nodes} node${nodes === 1 ? '' : 's'} at ${model.sizing.headroom.value * 100}% load`,
      }),
      reasonId: nodes <= base ? 'fits-base-cluster' : nodes <= ceiling ? 'needs-scale-out' : 'beyond-ceiling',
      reason: `${figure.note} Hardware: ${figure.hardware}.`,
      confidence: confidenceOf(figure) === 'low' || !planning.maxClusterNodes ? 'low' : 'high',
      sources: [figure.source],
    },
  ];
}

function scalabilityParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const topics = topicsPart(resolved, requirements, model);
  return topics ? [...loadScalabilityParts(resolved, requirements, model), topics] : loadScalabilityParts(resolved, requirements, model);
}

/** Stated topics / queues against what one cluster of this profile holds comfortably (only where the KB has a figure). */
function topicsPart(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart | undefined {
  const topics = requirements.workload?.topics;
  const figure = resolved.profile.planning.comfortableQueuesPerCluster;
  if (topics === undefined || !figure) return undefined;
  const spec = model.criteria.scalability.topics;
  return {
    part: 'scalability.topics',
    weight: spec.weight,
    fit: round3(applyCurve(spec.curve, { value: topics, reference: figure.value })),
    text: () => ({ observed: `comfortable up to ≈${formatCount(figure.value)} per cluster (${figure.basis})`, expected: `${formatCount(topics)} topics / queues` }),
    reasonId: topics <= figure.value ? 'topics-fit' : 'topics-beyond',
    reason: figure.note,
    confidence: confidenceOf(figure),
    sources: [figure.source],
  };
}

function loadScalabilityParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const growth = growthFactor(requirements);
  const load = writeLoad(requirements, resolved.profile, model, growth);
  const ceilingFigure = resolved.profile.planning.maxClusterNodes;
  const spec = model.criteria.scalability;
  if (!load) return [ratingPart(resolved, 'scalability', 'no peak rate stated: judged by the KB rating', model)];
  const nodes = nodesFor(load, resolved.profile, model);
  const rating = ratingPart(resolved, 'scalability', () => `growth ×${growth}`, model, spec.rating.weight);
  if (nodes === undefined || !ceilingFigure) {
    return [rating, { ...rating, part: 'scalability.headroom', weight: spec.headroom.weight, fit: round3(rating.fit * model.confidence.noFigure.value), text: () => ({ ...rating.text(), observed: 'no per-node or ceiling figure' }), reasonId: 'no-figure', confidence: 'low' }];
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
        expected: `${formatCount(load.messagesPerSecond)} msg/s at growth ×${growth} → ${nodes} node${nodes === 1 ? '' : 's'}`,
      }),
      reasonId: ratio <= 0.5 ? 'room-to-grow' : ratio <= 1 ? 'near-ceiling' : 'beyond-ceiling',
      reason: ceilingFigure.note,
      confidence: confidenceOf(ceilingFigure),
      sources: [ceilingFigure.source],
    },
  ];
}

function latencyParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const target = requirements.latency?.p99Ms;
  if (target === undefined) return [ratingPart(resolved, 'latency', 'no p99 target stated: judged by the KB rating', model)];
  const figure = resolved.profile.planning.p99LatencyMs;
  const spec = model.criteria.latency.p99;
  if (!figure) {
    const rated = ratingPart(resolved, 'latency', () => `p99 ≤ ${target} ms`, model, spec.weight);
    return [{ ...rated, part: 'latency.p99', fit: round3(rated.fit * model.confidence.noFigure.value), text: prefixObserved(rated, 'no p99 figure; '), reasonId: 'no-figure', confidence: 'low' }];
  }
  const typical = figure.value;
  return [
    {
      part: 'latency.p99',
      weight: spec.weight,
      fit: round3(applyCurve(spec.curve, { value: typical, reference: target })),
      text: () => ({ observed: `p99 ≈${typical} ms at moderate load (${figure.basis})`, expected: `p99 ≤ ${target} ms` }),
      reasonId: typical <= target ? 'meets-latency' : 'misses-latency',
      reason: figure.note,
      confidence: confidenceOf(figure),
      sources: [figure.source],
    },
  ];
}

function reliabilityParts(resolved: ResolvedProfile, requirements: Requirements, model: Model, multiDc: MultiDcChoice | undefined): FitPart[] {
  const spec = model.criteria.reliability;
  const parts = [ratingPart(resolved, 'reliability', () => describeReliabilityNeed(requirements), model, spec.rating.weight)];
  if (multiDc) parts.push({ ...multiDc.part, weight: spec.multiDatacenter.weight });
  return parts;
}

function describeReliabilityNeed(requirements: Requirements): string {
  const r = requirements.reliability;
  const said = [r?.messageLoss && `loss ${r.messageLoss}`, r?.failover && `${r.failover} failover`, r?.delivery].filter(Boolean);
  return said.length > 0 ? said.join(', ') : 'no reliability need stated: judged by the KB rating';
}

function backlogParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const spec = model.criteria.backlog;
  const parts: FitPart[] = [];
  const backlog = requirements.workload?.peakBacklogMessages;
  const retention = requirements.workload?.retentionHours;
  const { profile } = resolved;
  if (backlog !== undefined) {
    const comfortable = profile.planning.comfortableBacklogMessages;
    const queues = requirements.workload?.topics ?? 1;
    const perQueue = backlog / queues;
    const expected = () => `${formatCount(backlog)} messages${queues > 1 ? ` (≈${formatCount(perQueue)} per queue over ${queues})` : ''}`;
    if (comfortable) {
      const fit = applyCurve(spec.messages.curve, { value: perQueue, reference: comfortable.value });
      parts.push({
        part: 'backlog.messages',
        weight: spec.messages.weight,
        fit: round3(fit),
        text: () => ({ observed: `comfortable up to ≈${formatCount(comfortable.value)} per queue (${comfortable.basis})`, expected: expected() }),
        reasonId: perQueue <= comfortable.value ? 'backlog-fits' : 'backlog-degrades',
        reason: comfortable.note,
        confidence: confidenceOf(comfortable),
        sources: [comfortable.source],
      });
    } else if (profile.model === 'log') {
      parts.push({ ...ratingPart(resolved, 'backlog', expected, model, spec.messages.weight), part: 'backlog.messages', fit: 1, text: () => ({ observed: 'log: backlog bounded by disk, not by memory', expected: expected() }), reasonId: 'log-backlog' });
    } else {
      const rated = ratingPart(resolved, 'backlog', expected, model, spec.messages.weight);
      parts.push({ ...rated, part: 'backlog.messages', fit: round3(rated.fit * model.confidence.noFigure.value), reasonId: 'no-figure', confidence: 'low' });
    }
  }
  if (retention !== undefined && retention > 0) {
    const isLog = profile.model === 'log';
    parts.push({
      part: 'backlog.retention',
      weight: spec.retention.weight,
      fit: isLog ? 1 : 0,
      text: () => ({
        observed: isLog ? 'messages stay re-readable until retention expires' : 'messages are deleted once acknowledged',
        expected: `re-readable for ${retention} h after consumption`,
      }),
      reasonId: isLog ? 'retention-log' : 'retention-queue',
      reason: profile.description,
      confidence: 'high',
      sources: resolved.ratings.backlog.sources,
    });
  }
  return parts.length > 0 ? parts : [ratingPart(resolved, 'backlog', 'no backlog or retention stated: judged by the KB rating', model)];
}

function staffCostParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const { broker } = resolved;
  const spec = model.criteria.staffCost;
  const clientFit = model.scales.clients.value;
  const parts = [ratingPart(resolved, 'staffCost', 'operations, community, skills', model, spec.rating.weight)];
  const experience = requirements.team?.experience ?? [];
  if (experience.length > 0) {
    const has = experience.includes(broker.id);
    parts.push({
      part: 'staffCost.experience',
      weight: spec.experience.weight,
      fit: has ? 1 : 0,
      text: () => ({
        observed: has ? `the team already operates ${broker.name}` : `the team operates ${experience.join(', ')}, not ${broker.name}`,
        expected: 'experience the team already has',
      }),
      reasonId: has ? 'team-experience' : 'no-team-experience',
      reason: has ? 'existing operational experience avoids a learning curve and a second platform' : 'a new platform to learn and run',
      confidence: 'high',
      sources: [],
    });
  }
  // Languages the KB has client data for (aliases resolved); others are left out, with a warning.
  const languages = knownLanguages(requirements);
  if (languages.length > 0) {
    type Client = { support: keyof typeof clientFit; source: string } | undefined;
    const clientFor = (language: Language) => resolved.clients[language] as Client;
    let total = 0;
    const sources: string[] = [];
    for (const language of languages) {
      const client = clientFor(language);
      total += clientFit[client?.support ?? 'none'];
      if (client && !sources.includes(client.source)) sources.push(client.source);
    }
    const fit = total / languages.length;
    parts.push({
      part: 'staffCost.languages',
      weight: spec.languages.weight,
      fit: round3(fit),
      text: () => ({ observed: languages.map((l) => `${l}: ${clientFor(l)?.support ?? 'no client'}`).join(', '), expected: `clients for ${languages.join(', ')}` }),
      reasonId: 'client-languages',
      reason: 'official clients are maintained with the broker; community clients vary; protocol-only access loses features',
      confidence: 'high',
      sources,
    });
  }
  const managed = managedPart(resolved, requirements, model);
  if (managed) parts.push(managed);
  const momentum = momentumPart(resolved, model);
  if (momentum) parts.push(momentum);
  return parts;
}

/** The product behind the profile: still developed, and how often released (KB products[].momentum). */
function momentumPart(resolved: ResolvedProfile, model: Model): FitPart | undefined {
  const { broker, profile } = resolved;
  const product = broker.products.find((p) => p.name === profile.product) ?? broker.products[0]!;
  const m = product.momentum;
  if (!m) return undefined;
  const few = model.momentum.fewReleases.value;
  const fit = model.momentum.status.value[m.status] * (m.releasesLast12Months < few.below ? few.factor : 1);
  return {
    part: 'staffCost.momentum',
    weight: model.criteria.staffCost.momentum.weight,
    fit: round3(fit),
    text: () => ({ observed: `${product.name}: ${m.status}, ${m.releasesLast12Months} release${m.releasesLast12Months === 1 ? '' : 's'} in the last 12 months`, expected: 'an actively developed product' }),
    reasonId: m.status === 'active' ? (m.releasesLast12Months < few.below ? 'momentum-few-releases' : 'momentum-active') : `momentum-${m.status}`,
    reason: m.note,
    confidence: 'high',
    sources: m.sources,
  };
}

/** The clouds a managed wish with no stated platform is judged on. */
const MAJOR_CLOUDS = ['aws', 'azure', 'gcp'] as const;

function managedPart(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart | undefined {
  const stated = requirements.deployment?.platform;
  const wish = requirements.deployment?.managedService ?? 'acceptable';
  if (stated === 'on-premises' || wish === 'excluded' || (!stated && wish !== 'preferred')) return undefined;
  const scale = model.scales.managed.value;
  type Offering = ResolvedProfile['broker']['managedOfferings'][number];
  const value = (o: Offering) =>
    o.compatibility === 'api-compatible' ? scale['api-compatible'] : o.kind === 'operator' ? scale.operator : o.commercial ? scale.commercial : scale['same-software'];
  // A stated platform is judged alone; a managed wish with none is judged on the major clouds together.
  const platforms = stated ? [stated] : MAJOR_CLOUDS;
  const bestOn = platforms.map((platform) => {
    const offerings = resolved.broker.managedOfferings.filter((o) => o.platform === platform && o.profiles.includes(resolved.profile.id) && o.kind === 'managed-service');
    const any = stated ? resolved.broker.managedOfferings.filter((o) => o.platform === platform && o.profiles.includes(resolved.profile.id)) : offerings;
    return { platform, best: [...any].sort((a, b) => value(b) - value(a))[0] };
  });
  const fit = bestOn.reduce((sum, b) => sum + (b.best ? value(b.best) : 0), 0) / bestOn.length;
  const found = bestOn.filter((b) => b.best);
  const where = stated ?? MAJOR_CLOUDS.join(', ');
  return {
    part: 'staffCost.managed',
    weight: wish === 'preferred' ? model.criteria.staffCost.managedPreferred.weight : model.criteria.staffCost.managedAcceptable.weight,
    fit: round3(fit),
    text: () => ({
      observed:
        found.length > 0
          ? found.map((b) => `${b.best!.name} (${b.best!.kind}${b.best!.compatibility === 'api-compatible' ? ', API-compatible' : ''})`).join('; ')
          : `no managed offering on ${where}`,
      expected: `managed service ${wish} on ${stated ?? `a major cloud (${where}; no platform stated)`}`,
    }),
    reasonId: found.length > 0 ? 'managed-available' : 'managed-missing',
    reason: found.length === 1 && found[0]!.best!.note ? found[0]!.best!.note : found.length > 0 ? `managed on ${found.map((b) => b.platform).join(', ')}` : `you run it yourself on ${where}`,
    confidence: 'high',
    sources: [...new Set(found.flatMap((b) => b.best!.sources))],
  };
}

/**
 * The features criterion: every required feature and protocol (how it is had: native, partial, a
 * pattern you build…) and every preferred feature. Profiles run side by side give a feature through the
 * best of them, a protocol only as well as the weakest of them (every flow must speak it).
 */
export function featureParts(profiles: ResolvedProfile[], requirements: Requirements, model: Model, asOf: string): FitPart[] {
  const supportFit = model.scales.support.value;
  const value = (c: Capability) => (c.support === 'commercial' && !commercialAllowed(requirements) ? 0 : supportFit[c.support] * (isNew(c, model, asOf) ? model.maturity.newFactor.value : 1));
  const spec = model.criteria.features;
  const parts: FitPart[] = [];
  for (const feature of FEATURES) {
    const need = requirements.features?.[feature];
    if (need !== 'preferred' && need !== 'required' && need !== 'strict') continue;
    const best = profiles.map((p) => ({ p, c: p.capabilities[feature] })).sort((a, b) => value(b.c) - value(a.c))[0]!;
    const fit = value(best.c);
    parts.push({
      part: `features.${feature}`,
      weight: need === 'preferred' ? spec.preferred.weight : spec.required.weight,
      fit,
      text: () => ({
        observed: `${FEATURE_LABELS[feature]}: ${supportWords(best.c.support)}${best.c.since ? ` since ${best.c.since}` : ''}${isNew(best.c, model, asOf) ? ` (new: ${best.c.preview ? 'preview' : `released ${best.c.released}`})` : ''}${profiles.length > 1 ? ` (${best.p.profile.id})` : ''}`,
        expected: `${FEATURE_LABELS[feature]} ${need}`,
      }),
      reasonId: `support-${best.c.support}`,
      reason: best.c.note ?? '',
      confidence: 'high',
      sources: best.c.sources,
    });
  }
  for (const { protocols, anyOf, publishOnly } of neededProtocols(requirements)) {
    // Each alternative as well as the weakest profile of the set gives it; then the best alternative.
    // A publish-only protocol cannot serve consumers: it counts only when only producers need it.
    const protocolValue = (c: Capability) => (c.publishOnly && !publishOnly ? 0 : value(c));
    const options = protocols.map((protocol) => {
      const worst = profiles.map((p) => ({ p, c: p.protocols[protocol] })).sort((a, b) => protocolValue(a.c) - protocolValue(b.c))[0]!;
      return { protocol, ...worst };
    });
    const best = options.sort((a, b) => protocolValue(b.c) - protocolValue(a.c))[0]!;
    parts.push({
      part: `protocols.${anyOf ? 'anyOf' : best.protocol}`,
      weight: spec.protocol.weight,
      fit: protocolValue(best.c),
      text: () => ({
        observed: `${PROTOCOL_LABELS[best.protocol]}: ${supportWords(best.c.support)}${best.c.publishOnly ? ', publish only' : ''}${profiles.length > 1 && best.c.support !== 'native' ? ` (${best.p.profile.id})` : ''}`,
        expected: anyOf ? `one of ${protocols.map((p) => PROTOCOL_LABELS[p]).join(', ')}` : `${PROTOCOL_LABELS[best.protocol]} ${publishOnly ? 'for producers' : 'required'}`,
      }),
      reasonId: `support-${best.c.support}`,
      reason: best.c.note ?? '',
      confidence: 'high',
      sources: best.c.sources,
    });
  }
  return parts;
}

const DAY_MS = 86_400_000;

/** A preview, or released within the model's maturity window before the KB's date (never the clock). */
export function isNew(item: { released?: string | undefined; preview?: boolean | undefined }, model: Model, asOf: string): boolean {
  if (item.preview) return true;
  if (!item.released) return false;
  return (Date.parse(asOf) - Date.parse(item.released)) / DAY_MS <= model.maturity.newWithinDays.value;
}

const SUPPORT_WORDS: Record<Capability['support'], string> = {
  native: 'native',
  plugin: 'bundled plugin',
  partial: 'partial',
  commercial: 'commercial edition',
  deprecated: 'deprecated component',
  'via-pattern': 'you build it',
  none: 'none',
};
const supportWords = (support: Capability['support']) => SUPPORT_WORDS[support];

export function criterionParts(resolved: ResolvedProfile, requirements: Requirements, criterion: Exclude<Criterion, 'features'>, model: Model, multiDc?: MultiDcChoice): FitPart[] {
  switch (criterion) {
    case 'throughput':
      return throughputParts(resolved, requirements, model);
    case 'scalability':
      return scalabilityParts(resolved, requirements, model);
    case 'latency':
      return latencyParts(resolved, requirements, model);
    case 'reliability':
      return reliabilityParts(resolved, requirements, model, multiDc);
    case 'backlog':
      return backlogParts(resolved, requirements, model);
    case 'staffCost':
      return staffCostParts(resolved, requirements, model);
  }
}

export function combinedFit(parts: FitPart[]): number {
  let total = 0;
  let weighted = 0;
  for (const p of parts) {
    total += p.weight;
    weighted += p.weight * p.fit;
  }
  return total === 0 ? 0 : weighted / total;
}
