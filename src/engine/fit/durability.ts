import type { Model } from '../../kb/model-schema.js';
import type { Requirements } from '../../requirements/schema.js';
import { ASSUMED_MESSAGE_LOSS } from '../cluster.js';
import { applyCurve } from '../curves.js';
import { formatCount } from '../labels.js';
import type { MultiDcChoice } from '../multidc.js';
import type { ResolvedProfile } from '../profiles.js';
import { round3 } from '../rounding.js';
import { confidenceOf, ratingPart, type FitPart } from './parts.js';

/** Reliability (the rating and the cross-site option) and backlog (what a queue holds, what a log retains). */
export function reliabilityParts(
  resolved: ResolvedProfile,
  requirements: Requirements,
  model: Model,
  multiDc: MultiDcChoice | undefined,
): FitPart[] {
  const spec = model.criteria.reliability;
  const parts = [neededRatingPart(resolved, requirements, model)];
  if (multiDc) parts.push({ ...multiDc.part, weight: spec.multiDatacenter.weight });
  return parts;
}

/**
 * The reliability rating against the loss need: full at the rating that meets it, in proportion below.
 * Fits never read priorities, so a critical "rare" need asks no more of a broker than a low one.
 */
function neededRatingPart(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart {
  const spec = model.criteria.reliability.rating;
  const loss = requirements.reliability?.messageLoss ?? ASSUMED_MESSAGE_LOSS;
  const needed = spec.needed[loss];
  const rated = ratingPart(
    resolved,
    'reliability',
    () => describeReliabilityNeed(requirements, needed),
    model,
    spec.weight,
  );
  const stepsShort = Math.max(0, needed - resolved.ratings.reliability.rating);
  return { ...rated, fit: round3(Math.max(0, 1 - spec.perStepShort * stepsShort)) };
}

function describeReliabilityNeed(requirements: Requirements, needed: number): string {
  const r = requirements.reliability;
  const said = [
    `loss ${r?.messageLoss ?? `${ASSUMED_MESSAGE_LOSS} (assumed)`}`,
    r?.failover && `${r.failover} failover`,
    r?.delivery,
  ].filter(Boolean);
  return `${said.join(', ')}: met in full from ${needed}/5`;
}

export function backlogParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const spec = model.criteria.backlog;
  const parts: FitPart[] = [];
  const backlog = requirements.workload?.peakBacklogMessages;
  const retention = requirements.workload?.retentionHours;
  const { profile } = resolved;
  if (backlog !== undefined) {
    const comfortable = profile.planning.comfortableBacklogMessages;
    const queues = requirements.workload?.topics ?? 1;
    const perQueue = backlog / queues;
    const expected = () =>
      `${formatCount(backlog)} messages${queues > 1 ? ` (≈${formatCount(perQueue)} per queue over ${queues})` : ''}`;
    if (comfortable) {
      const fit = applyCurve(spec.messages.curve, { value: perQueue, reference: comfortable.value });
      parts.push({
        part: 'backlog.messages',
        weight: spec.messages.weight,
        fit: round3(fit),
        text: () => ({
          observed: `comfortable up to ≈${formatCount(comfortable.value)} per queue (${comfortable.basis})`,
          expected: expected(),
        }),
        reasonId: perQueue <= comfortable.value ? 'backlog-fits' : 'backlog-degrades',
        reason: comfortable.note,
        confidence: confidenceOf(comfortable),
        sources: [comfortable.source],
      });
    } else if (profile.model === 'log') {
      parts.push({
        ...ratingPart(resolved, 'backlog', expected, model, spec.messages.weight),
        part: 'backlog.messages',
        fit: 1,
        text: () => ({ observed: 'log: backlog bounded by disk, not by memory', expected: expected() }),
        reasonId: 'log-backlog',
      });
    } else {
      const rated = ratingPart(resolved, 'backlog', expected, model, spec.messages.weight);
      parts.push({
        ...rated,
        part: 'backlog.messages',
        fit: round3(rated.fit * model.confidence.noFigure.value),
        reasonId: 'no-figure',
        confidence: 'low',
      });
    }
  }
  if (retention !== undefined && retention > 0) {
    const isLog = profile.model === 'log';
    parts.push({
      part: 'backlog.retention',
      weight: spec.retention.weight,
      fit: isLog ? 1 : 0,
      text: () => ({
        observed: isLog
          ? 'messages stay re-readable until retention expires'
          : 'messages are deleted once acknowledged',
        expected: `re-readable for ${retention} h after consumption`,
      }),
      reasonId: isLog ? 'retention-log' : 'retention-queue',
      reason: profile.description,
      confidence: 'high',
      sources: resolved.ratings.backlog.sources,
    });
  }
  return parts.length > 0
    ? parts
    : [ratingPart(resolved, 'backlog', 'no backlog or retention stated: judged by the KB rating', model)];
}
