import { FEATURE_DOCS } from './schema.js';
import { plain, type QuestionSpec } from './question-spec.js';
import {
  COMMERCIAL_EDITIONS,
  FEATURE_NEEDS,
  FEATURES,
  LANGUAGES,
  MANAGED_SERVICE,
  MULTI_DATACENTER,
  PLATFORMS,
  PROTOCOLS,
  SHIPPED_BROKERS,
} from './vocabulary.js';

const FEATURE_HINT =
  'required: a must (a pattern you build yourself counts, at a cost); strict: a must, built in; preferred: adds ' +
  'to the score';

/** Features, protocols, deployment and team. */
export const DEPLOYMENT_QUESTIONS: readonly QuestionSpec[] = [
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
    path: 'protocols.strict',
    section: 'Protocols',
    kind: 'confirm',
    message: 'Must the broker itself speak these protocols (no gateway or adapter in front of it)?',
    hint: 'by default a documented gateway counts, as a cost; yes rules out brokers that need one',
    when: { path: 'protocols', holdsAny: true },
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
