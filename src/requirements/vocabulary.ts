/**
 * The words of requirements format v1. One `as const` list per enumeration: types, zod enums, commander
 * choices, question specs and KB keys are all derived from these, so a value is never spelled twice.
 */
export const DIMENSIONS = ['throughput', 'reliability', 'latency', 'backlog', 'scalability', 'staffCost'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Scoring criteria: the six dimensions plus "features" (how required and preferred features and protocols are had). */
export const CRITERIA = [...DIMENSIONS, 'features'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const PRIORITIES = ['critical', 'high', 'medium', 'low', 'ignore'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** strict: required, and a pattern you would build yourself (an outbox, retry topics) does not count. */
export const FEATURE_NEEDS = ['required', 'strict', 'preferred', 'not-needed'] as const;
/** Accepted on input for a feature need, written as its canonical value. */
export const FEATURE_NEED_ALIAS = { word: 'no', means: 'not-needed' } as const;

export const FEATURES = [
  'transactionalMessages',
  'xaTransactions',
  'exactlyOnceProcessing',
  'ordering',
  'globalOrdering',
  'delayedMessages',
  'priorityQueues',
  'replay',
  'complexRouting',
  'messageFiltering',
  'deadLetterQueue',
  'messageTracing',
  'requestReply',
  'streamProcessing',
  'embeddedBroker',
  'multiTenancy',
  'perMessageRetry',
] as const;
export type Feature = (typeof FEATURES)[number];

export const PROTOCOLS = [
  'amqp-0-9-1',
  'amqp-1.0',
  'mqtt',
  'mqtt-5',
  'stomp',
  'jms',
  'openwire',
  'kafka',
  'rocketmq-grpc',
] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const DELIVERY = ['at-most-once', 'at-least-once', 'exactly-once'] as const;
export const MESSAGE_LOSS = ['never', 'rare', 'tolerated'] as const;
export type MessageLoss = (typeof MESSAGE_LOSS)[number];
export const FAILOVER = ['automatic', 'manual'] as const;

export const MULTI_DATACENTER = ['none', 'disaster-recovery', 'active-active'] as const;
export const PLATFORMS = ['on-premises', 'kubernetes', 'aws', 'azure', 'gcp', 'alibaba-cloud'] as const;
export const MANAGED_SERVICE = ['preferred', 'acceptable', 'excluded'] as const;
export const COMMERCIAL_EDITIONS = ['allowed', 'excluded'] as const;

export const LANGUAGES = [
  'java',
  'kotlin',
  'scala',
  'go',
  'python',
  'erlang',
  'elixir',
  'node',
  'dotnet',
  'cpp',
  'c',
  'php',
  'ruby',
  'rust',
  'swift',
] as const;
export type Language = (typeof LANGUAGES)[number];

/** Other names people write for a language the KB knows; any other name is accepted with a warning. */
const LANGUAGE_ALIASES: Readonly<Record<string, Language>> = {
  typescript: 'node',
  javascript: 'node',
  js: 'node',
  ts: 'node',
  nodejs: 'node',
  'node.js': 'node',
  deno: 'node',
  bun: 'node',
  'c#': 'dotnet',
  csharp: 'dotnet',
  '.net': 'dotnet',
  'f#': 'dotnet',
  'c++': 'cpp',
  golang: 'go',
  py: 'python',
  jvm: 'java',
  groovy: 'java',
  clojure: 'java',
};

/** The KB language a stated name means, or undefined for a language the KB has no client data for. */
export function canonicalLanguage(name: string): Language | undefined {
  const lower = name.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(lower) ? (lower as Language) : LANGUAGE_ALIASES[lower];
}

/** The four brokers mqselect ships knowledge for. A user KB may add more ids. */
export const SHIPPED_BROKERS = ['activemq', 'rabbitmq', 'rocketmq', 'kafka'] as const;
