import { plain, type QuestionSpec } from './question-spec.js';
import { DELIVERY, DIMENSIONS, FAILOVER, MESSAGE_LOSS, PRIORITIES, type Dimension } from './vocabulary.js';

const DIMENSION_HINTS: Record<Dimension, string> = {
  throughput: "decides how much a broker's messages-per-second capacity counts",
  reliability: 'decides how much replication and failover guarantees count',
  latency: 'decides how much end-to-end delay counts',
  backlog: 'decides how much holding unconsumed or retained messages counts',
  scalability: 'decides how much growing by adding nodes counts',
  staffCost: 'decides how much the people and skills to run it count',
};

/** About the system, workload, priorities, latency and reliability. */
export const SYSTEM_QUESTIONS: readonly QuestionSpec[] = [
  {
    path: 'title',
    section: 'About the system',
    kind: 'text',
    message: 'Title of the decision (one line)',
    hint: 'names the decision; copied into ADRs',
  },
  {
    path: 'context',
    section: 'About the system',
    kind: 'text',
    message: 'What does the system do, and why does it need a broker?',
    hint: 'the context an ADR reader needs; copied into ADRs',
  },

  {
    path: 'workload.peakMessagesPerSecond',
    section: 'Workload',
    kind: 'number',
    message: 'Peak produce rate, whole system (msg/s)',
    hint: 'sizes the cluster: nodes needed at half of the measured per-node capacity',
  },
  {
    path: 'workload.averageMessagesPerSecond',
    section: 'Workload',
    kind: 'number',
    message: 'Sustained average rate (msg/s)',
    hint: 'for storage sizing; should not exceed the peak',
  },
  {
    path: 'workload.averageMessageBytes',
    section: 'Workload',
    kind: 'number',
    message: 'Average message size (bytes)',
    hint: 'large messages make brokers bandwidth-bound, which lowers msg/s per node',
  },
  {
    path: 'workload.maxMessageBytes',
    section: 'Workload',
    kind: 'number',
    message: 'Largest single message (bytes)',
    hint: 'eliminates brokers that cannot be configured for messages this large',
  },
  {
    path: 'workload.peakBacklogMessages',
    section: 'Workload',
    kind: 'number',
    message: 'Unconsumed messages that may pile up while consumers lag (messages)',
    hint: 'queues degrade with millions of waiting messages; logs hold them on disk (堆积)',
  },
  {
    path: 'workload.consumerGroups',
    section: 'Workload',
    kind: 'number',
    message: 'Independent consumer groups that each read every message (count)',
    hint: 'queue brokers keep one copy per group; logs are read by every group from one copy',
  },
  {
    path: 'workload.topics',
    section: 'Workload',
    kind: 'number',
    message: 'Number of topics / queues (count)',
    hint: 'spreads backlog and load across queues',
  },
  {
    path: 'workload.growthFactor',
    section: 'Workload',
    kind: 'number',
    message: 'Growth of the peak within the planning horizon (×, e.g. 3)',
    hint: 'checks that the cluster can scale out to the grown peak',
  },

  ...DIMENSIONS.map((d): QuestionSpec => ({
    path: `priorities.${d}`,
    section: 'How much each dimension matters',
    kind: 'choice',
    message: `How much does ${d === 'staffCost' ? 'staff cost (people and skills to run it)' : d} matter?`,
    hint: `${DIMENSION_HINTS[d]} (not stated = medium)`,
    choices: plain(PRIORITIES),
  })),
  {
    path: '_weights',
    section: 'How much each dimension matters',
    kind: 'confirm',
    message: 'Also give explicit numeric weights (0–10), overriding the priorities?',
    hint: 'for fine control; most people leave this off',
  },
  ...DIMENSIONS.map((d): QuestionSpec => ({
    path: `weights.${d}`,
    section: 'How much each dimension matters',
    kind: 'number',
    message: `Weight of ${d} (0–10)`,
    hint: `overrides the priority of ${d}`,
    when: { path: '_weights', equals: true },
  })),

  {
    path: 'latency.p99Ms',
    section: 'Latency',
    kind: 'number',
    message: 'End-to-end p99 latency target at the peak (ms)',
    hint: "compared with each profile's p99 at moderate load",
    when: { path: 'priorities.latency', notIn: ['ignore'] },
  },

  {
    path: 'reliability.delivery',
    section: 'Reliability',
    kind: 'choice',
    message: 'Delivery semantics needed',
    hint: 'exactly-once favours brokers with transactions between topics',
    choices: plain(DELIVERY),
  },
  {
    path: 'reliability.messageLoss',
    section: 'Reliability',
    kind: 'choice',
    message: 'Acceptable loss of acknowledged messages when a broker node fails',
    hint: 'never = only cluster modes with synchronous replication or shared storage remain',
    choices: plain(MESSAGE_LOSS),
  },
  {
    path: 'reliability.failover',
    section: 'Reliability',
    kind: 'choice',
    message: 'Must a failed node be replaced without an operator?',
    hint: 'automatic rules out master/slave modes that need manual promotion',
    choices: plain(FAILOVER),
  },
];
