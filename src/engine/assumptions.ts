import type { Model } from '../kb/model-schema.js';
import type { Requirements } from '../requirements/schema.js';
import { DIMENSIONS } from '../requirements/vocabulary.js';
import { ASSUMED_FAILOVER, ASSUMED_MESSAGE_LOSS } from './cluster.js';
import { formatBytes, formatCount } from './labels.js';
import type { Assumption, Criterion, WeightInfo } from './types.js';
import { nothingStated } from './weights.js';

/** Fields the user did not state that the engine uses, and what it did instead. */
export function assumptions(r: Requirements, weights: Record<Criterion, WeightInfo>, model: Model): Assumption[] {
  const out: Assumption[] = [];
  const add = (field: string, stated: unknown, value: string, note: string) => {
    if (stated === undefined) out.push({ field, value, note });
  };
  const fallback = nothingStated(weights);
  for (const d of DIMENSIONS) {
    if (r.weights?.[d] !== undefined || r.priorities?.[d] !== undefined) continue;
    const w = weights[d];
    if (w.from === 'implied')
      add(
        `priorities.${d}`,
        undefined,
        w.priority ?? String(w.weight),
        `weight ${w.weight}: not ranked, but a stated fact ` +
          `(${model.impliedBy[d].why.replace(/\.$/, '').toLowerCase()})`,
      );
    else if (fallback)
      add(
        `priorities.${d}`,
        undefined,
        w.priority ?? String(w.weight),
        w.weight > 0
          ? `weight ${w.weight}: nothing was ranked or stated, so the general KB ratings of what every ` +
              'deployment needs decide'
          : `weight 0: nothing was ranked or stated; ${d} counts once a load or a priority for it is stated`,
      );
    else if (w.from === 'default')
      add(
        `priorities.${d}`,
        undefined,
        'not weighed',
        `weight ${w.weight}: nothing stated about ${d}; it only breaks exact ties between brokers`,
      );
  }
  const average = r.workload?.averageMessagesPerSecond;
  add(
    'workload.peakMessagesPerSecond',
    r.workload?.peakMessagesPerSecond,
    average === undefined ? 'not used' : `${formatCount(average)} msg/s (the average)`,
    average === undefined
      ? 'throughput and scalability judged by KB ratings; no node count from load'
      : 'the peak is at least the average: nodes are sized for it; state the peak to size for bursts',
  );
  add(
    'workload.averageMessageBytes',
    r.workload?.averageMessageBytes,
    formatBytes(model.sizing.defaultMessageBytes.value),
    "every broker's per-node capacity compared at this size",
  );
  add(
    'workload.consumerGroups',
    r.workload?.consumerGroups,
    '1',
    'no fan-out: queue brokers hold one copy of each message',
  );
  add('workload.growthFactor', r.workload?.growthFactor, '1', "sized for today's peak only");
  add(
    'workload.topics',
    r.workload?.topics,
    '1',
    'backlog judged per queue for one queue; the number of topics is not checked against a ceiling',
  );
  add('latency.p99Ms', r.latency?.p99Ms, 'not used', 'latency judged by KB ratings');
  add(
    'reliability.messageLoss',
    r.reliability?.messageLoss,
    ASSUMED_MESSAGE_LOSS,
    'used to choose the cluster mode and to judge reliability ratings (4/5 meets it in full), never to eliminate',
  );
  add(
    'reliability.failover',
    r.reliability?.failover,
    ASSUMED_FAILOVER,
    'used to choose the cluster mode, never to eliminate',
  );
  add(
    'deployment.multiDatacenter',
    r.deployment?.multiDatacenter,
    'none',
    'one site; no cross-datacenter option chosen',
  );
  add(
    'deployment.platform',
    r.deployment?.platform,
    'any',
    r.deployment?.managedService === 'preferred'
      ? 'a preferred managed service is looked for on AWS, Azure and Google Cloud'
      : 'managed offerings not counted',
  );
  add(
    'deployment.commercialEditions',
    r.deployment?.commercialEditions,
    'excluded',
    'paid-edition features do not count',
  );
  add('team.experience', r.team?.experience, 'none', 'no broker gets an experience advantage');
  add('team.languages', r.team?.languages, 'any', 'client-library coverage not compared');
  add(
    'team.opsEngineers',
    r.team?.opsEngineers,
    'not used',
    'no extra cost for brokers with more component types (the one-operator rules do not fire)',
  );
  return out;
}
