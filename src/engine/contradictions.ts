import type { KnowledgeBase } from '../kb/schema.js';
import { protocolNeeds } from '../requirements/protocols.js';
import type { Requirements } from '../requirements/schema.js';
import { formatCount } from './labels.js';
import type { Warning } from './types.js';

/**
 * Requirements that cannot all hold, or that say less than they seem to. Each check is a named
 * function so a warning id is stable and its reason sits next to its condition.
 */
type Check = (r: Requirements, kb: KnowledgeBase) => string | undefined;

const need = (r: Requirements, f: keyof NonNullable<Requirements['features']>) => r.features?.[f];
const wants = (r: Requirements, f: keyof NonNullable<Requirements['features']>) =>
  need(r, f) === 'required' || need(r, f) === 'preferred';

const CHECKS: Record<string, Check> = {
  'zero-rpo-across-datacenters': (r, kb) => {
    if (r.reliability?.rpoSeconds !== 0 || !r.deployment?.multiDatacenter || r.deployment.multiDatacenter === 'none')
      return undefined;
    const sync = kb.brokers
      .flatMap((b) =>
        b.multiDatacenter.filter((o) => o.status === 'current' && o.replication === 'sync').map((o) => o.name),
      )
      .sort();
    return (
      `rpoSeconds: 0 across datacenters needs synchronous cross-site replication; only stretched clusters give it ` +
      `(${sync.join(', ') || 'none in the KB'}), which need ≥3 sites with low round-trip times ` +
      `and add that latency to every write — every mirroring/federation option is asynchronous`
    );
  },
  'global-ordering-at-scale': (r, kb) => {
    const peak = r.workload?.peakMessagesPerSecond;
    if (!wants(r, 'globalOrdering') || peak === undefined) return undefined;
    const ceilings = kb.brokers.flatMap((b) =>
      b.profiles.flatMap((p) =>
        p.planning.perQueueMessagesPerSecond ? [p.planning.perQueueMessagesPerSecond.value] : [],
      ),
    );
    const best = ceilings.length > 0 ? Math.max(...ceilings) : undefined;
    if (best === undefined || peak <= best) return undefined;
    return (
      `global ordering puts every message through one partition / queue, whose single leader carries at most ` +
      `≈${formatCount(best)} msg/s in the KB; the stated peak is ${formatCount(peak)} msg/s — ` +
      `use per-key ordering if it is enough`
    );
  },
  'average-above-peak': (r) => {
    const { averageMessagesPerSecond: avg, peakMessagesPerSecond: peak } = r.workload ?? {};
    return avg !== undefined && peak !== undefined && avg > peak
      ? `averageMessagesPerSecond (${avg}) is above peakMessagesPerSecond (${peak})`
      : undefined;
  },
  'max-below-average-size': (r) => {
    const { averageMessageBytes: avg, maxMessageBytes: max } = r.workload ?? {};
    return avg !== undefined && max !== undefined && max < avg
      ? `maxMessageBytes (${max}) is below averageMessageBytes (${avg})`
      : undefined;
  },
  'exactly-once-with-loss-tolerated': (r) =>
    r.reliability?.delivery === 'exactly-once' && r.reliability.messageLoss === 'tolerated'
      ? 'delivery: exactly-once with messageLoss: tolerated — exactly-once is pointless if acknowledged messages ' +
        'may be lost'
      : undefined,
  'no-loss-at-most-once': (r) =>
    r.reliability?.delivery === 'at-most-once' && r.reliability.messageLoss === 'never'
      ? 'delivery: at-most-once allows losing messages on redelivery, yet messageLoss: never'
      : undefined,
  'rpo-without-second-site': (r) =>
    (r.reliability?.rpoSeconds !== undefined || r.reliability?.rtoSeconds !== undefined) &&
    r.deployment?.multiDatacenter === 'none'
      ? 'rpoSeconds / rtoSeconds describe losing a whole datacenter, but multiDatacenter is none: they cannot be ' +
        'met with one site'
      : undefined,
  'retention-without-replay': (r) =>
    (r.workload?.retentionHours ?? 0) > 0 && need(r, 'replay') === 'not-needed'
      ? 'retentionHours keeps messages re-readable after consumption, which is replay — yet replay is not-needed'
      : undefined,
  'delay-without-delayed-messages': (r) =>
    r.workload?.maxDelayHours !== undefined && !wants(r, 'delayedMessages')
      ? 'maxDelayHours is stated but delayedMessages is not required or preferred, so no broker is checked against it'
      : undefined,
  'priority-versus-ordering': (r) =>
    need(r, 'priorityQueues') === 'required' &&
    (need(r, 'ordering') === 'required' || need(r, 'globalOrdering') === 'required')
      ? 'priority queues reorder messages by priority, which breaks the required ordering for messages of ' +
        'different priorities'
      : undefined,
  'strict-without-protocols': (r) => {
    const { strict, required, anyOf, publishOnly } = protocolNeeds(r);
    return strict && required.length + anyOf.length + publishOnly.length === 0
      ? 'protocols.strict is set but no protocol is listed, so it rules nothing out'
      : undefined;
  },
  'latency-target-ignored': (r) =>
    r.latency?.p99Ms !== undefined && (r.priorities?.latency === 'ignore' || r.weights?.latency === 0)
      ? 'a p99 latency target is stated but latency has no weight, so it does not affect the ranking'
      : undefined,
};

const CHECK_LIST = Object.entries(CHECKS);

export function contradictions(requirements: Requirements, kb: KnowledgeBase): Warning[] {
  const found: Warning[] = [];
  for (const [id, check] of CHECK_LIST) {
    const message = check(requirements, kb);
    if (message) found.push({ id, message });
  }
  return found;
}
