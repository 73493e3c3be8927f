import { getAt } from './access.js';
import { FEATURE_DOCS } from './schema.js';
import {
  COMMERCIAL_EDITIONS,
  DELIVERY,
  DIMENSIONS,
  FAILOVER,
  FEATURE_NEEDS,
  FEATURES,
  LANGUAGES,
  MANAGED_SERVICE,
  MESSAGE_LOSS,
  MULTI_DATACENTER,
  PLATFORMS,
  PRIORITIES,
  PROTOCOLS,
  SHIPPED_BROKERS,
  type Dimension,
} from './vocabulary.js';

/**
 * The questionnaire as data: one spec per requirements field, in the order an architect thinks about
 * them. `ask` walks these through a prompt adapter; tests walk them with scripted answers. Every spec
 * has a "why it matters" hint; every question can be left "not stated".
 */
type QuestionKind = 'text' | 'number' | 'choice' | 'multi' | 'confirm';

/** A condition on answers given so far (same shape of thinking as KB rules, kept tiny on purpose). */
interface AskWhen {
  path: string;
  in?: readonly string[];
  notIn?: readonly (string | number)[];
  equals?: string | boolean;
}

export interface QuestionSpec {
  /** The requirements field it fills, or a "_"-prefixed helper question that is never saved. */
  path: string;
  section: string;
  kind: QuestionKind;
  message: string;
  hint: string;
  choices?: ReadonlyArray<{ value: string; label: string }>;
  /** Asked only when this holds — or when the field already has a value (so --from never loses one). */
  when?: AskWhen;
}

const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

const DIMENSION_HINTS: Record<Dimension, string> = {
  throughput: "decides how much a broker's messages-per-second capacity counts",
  reliability: 'decides how much replication and failover guarantees count',
  latency: 'decides how much end-to-end delay counts',
  backlog: 'decides how much holding unconsumed or retained messages counts',
  scalability: 'decides how much growing by adding nodes counts',
  staffCost: 'decides how much the people and skills to run it count',
};

const FEATURE_HINT =
  'required: a must (a pattern you build yourself counts, at a cost); strict: a must, built in; preferred: adds ' +
  'to the score';

export const QUESTIONS: readonly QuestionSpec[] = [
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

  ...FEATURES.map((f): QuestionSpec => ({
    path: `features.${f}`,
    section: 'Features',
    kind: 'choice',
    message: `${f}: ${FEATURE_DOCS[f]}`,
    hint: FEATURE_HINT,
    choices: plain(FEATURE_NEEDS),
  })),
  {
    path: 'workload.retentionHours',
    section: 'Features',
    kind: 'number',
    message: 'How long must messages stay re-readable after consumption (hours)?',
    hint: 'the replay window: only logs keep consumed messages',
    when: { path: 'features.replay', in: ['required', 'preferred'] },
  },
  {
    path: 'workload.maxDelayHours',
    section: 'Features',
    kind: 'number',
    message: 'Longest delay needed for delayed messages (hours)',
    hint: 'eliminates brokers whose maximum delay is shorter',
    when: { path: 'features.delayedMessages', in: ['required', 'preferred'] },
  },

  {
    path: 'protocols.required',
    section: 'Protocols',
    kind: 'multi',
    message: 'Client protocols / APIs every client needs',
    hint: 'each one is a hard constraint',
    choices: plain(PROTOCOLS),
  },
  {
    path: 'protocols.anyOf',
    section: 'Protocols',
    kind: 'multi',
    message: 'Protocols of which any one will do (e.g. mqtt or mqtt-5)',
    hint: 'at least one must be supported; the best one counts',
    choices: plain(PROTOCOLS),
  },
  {
    path: 'protocols.publishOnly',
    section: 'Protocols',
    kind: 'multi',
    message: 'Protocols only producers use (e.g. devices publishing over MQTT)',
    hint: 'counts where its clients can publish even if consumers use another protocol',
    choices: plain(PROTOCOLS),
  },

  {
    path: 'deployment.multiDatacenter',
    section: 'Deployment',
    kind: 'choice',
    message: 'Cross-datacenter need',
    hint: 'picks the cross-site option (mirroring, federation, stretch cluster)',
    choices: plain(MULTI_DATACENTER),
  },
  {
    path: 'reliability.rpoSeconds',
    section: 'Deployment',
    kind: 'number',
    message: 'Tolerated data loss when a whole datacenter is lost (RPO, seconds)',
    hint: '0 needs synchronous cross-site replication; asynchronous mirroring loses its lag',
    when: { path: 'deployment.multiDatacenter', in: ['disaster-recovery', 'active-active'] },
  },
  {
    path: 'reliability.rtoSeconds',
    section: 'Deployment',
    kind: 'number',
    message: 'Tolerated recovery time when a whole datacenter is lost (RTO, seconds)',
    hint: 'how fast clients must be served from the other site',
    when: { path: 'deployment.multiDatacenter', in: ['disaster-recovery', 'active-active'] },
  },
  {
    path: 'deployment.platform',
    section: 'Deployment',
    kind: 'choice',
    message: 'Where will it run?',
    hint: 'decides which managed services and operators count',
    choices: plain(PLATFORMS),
  },
  {
    path: 'deployment.managedService',
    section: 'Deployment',
    kind: 'choice',
    message: 'Should a cloud-managed offering count?',
    hint: 'a managed service lowers staff cost when the platform has one',
    choices: plain(MANAGED_SERVICE),
    when: { path: 'deployment.platform', notIn: ['on-premises'] },
  },
  {
    path: 'deployment.commercialEditions',
    section: 'Deployment',
    kind: 'choice',
    message: 'May features of paid editions count?',
    hint: 'excluded (the default) ignores commercial-only features',
    choices: plain(COMMERCIAL_EDITIONS),
  },

  {
    path: 'team.languages',
    section: 'Team',
    kind: 'multi',
    message: 'Languages the team writes and debugs',
    hint: "compared with each broker's official and community clients",
    choices: plain(LANGUAGES),
  },
  {
    path: 'team.experience',
    section: 'Team',
    kind: 'multi',
    message: 'Brokers the team already operates in production',
    hint: 'experience lowers staff cost for that broker',
    choices: plain(SHIPPED_BROKERS),
  },
  {
    path: 'team.opsEngineers',
    section: 'Team',
    kind: 'number',
    message: 'People available to operate the cluster (count)',
    hint: 'one operator or none makes multi-component brokers costlier',
  },
];

/** Fields deliberately not asked: `version` is always 1; `$schema` is an editor pointer kept from --from. */
export const NOT_ASKED = ['version', '$schema'] as const;

export function shouldAsk(
  spec: QuestionSpec,
  answers: Record<string, unknown>,
  prefilled: Record<string, unknown>,
): boolean {
  if (!spec.when || getAt(prefilled, spec.path) !== undefined) return true;
  const value = getAt(answers, spec.when.path);
  if (spec.when.equals !== undefined) return value === spec.when.equals;
  if (spec.when.in) return typeof value === 'string' && spec.when.in.includes(value);
  if (spec.when.notIn) return !spec.when.notIn.includes(value as string);
  return true;
}
