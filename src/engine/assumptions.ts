import type { Requirements } from '../requirements/schema.js';
import { DIMENSIONS } from '../requirements/vocabulary.js';
import { ASSUMED_FAILOVER, ASSUMED_MESSAGE_LOSS } from './cluster.js';
import type { Assumption } from './types.js';

/** Fields the user did not state that the engine uses, and what it did instead. */
export function assumptions(r: Requirements): Assumption[] {
  const out: Assumption[] = [];
  const add = (field: string, stated: unknown, value: string, note: string) => {
    if (stated === undefined) out.push({ field, value, note });
  };
  for (const d of DIMENSIONS) {
    if (r.weights?.[d] === undefined) add(`priorities.${d}`, r.priorities?.[d], 'medium', 'weight 2 of 8');
  }
  add('workload.peakMessagesPerSecond', r.workload?.peakMessagesPerSecond, 'not used', 'throughput and scalability judged by KB ratings; no node count from load');
  add('workload.averageMessageBytes', r.workload?.averageMessageBytes, 'size of the measured figure', 'per-node capacity taken at the message size it was measured with');
  add('workload.consumerGroups', r.workload?.consumerGroups, '1', 'no fan-out: queue brokers hold one copy of each message');
  add('workload.growthFactor', r.workload?.growthFactor, '1', 'sized for today\'s peak only');
  add('latency.p99Ms', r.latency?.p99Ms, 'not used', 'latency judged by KB ratings');
  add('reliability.messageLoss', r.reliability?.messageLoss, ASSUMED_MESSAGE_LOSS, 'used to choose the cluster mode, never to eliminate');
  add('reliability.failover', r.reliability?.failover, ASSUMED_FAILOVER, 'used to choose the cluster mode, never to eliminate');
  add('deployment.multiDatacenter', r.deployment?.multiDatacenter, 'none', 'one site; no cross-datacenter option chosen');
  add('deployment.platform', r.deployment?.platform, 'any', 'managed offerings not counted');
  add('deployment.commercialEditions', r.deployment?.commercialEditions, 'excluded', 'paid-edition features do not count');
  add('team.experience', r.team?.experience, 'none', 'no broker gets an experience advantage');
  add('team.languages', r.team?.languages, 'any', 'client-library coverage not compared');
  return out;
}
