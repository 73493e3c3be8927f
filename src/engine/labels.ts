import type { Feature, Protocol } from '../requirements/vocabulary.js';
import type { Criterion } from './types.js';

/** Short human names, shared by every renderer so table, JSON and ADR say the same thing. */
export const FEATURE_LABELS: Record<Feature, string> = {
  transactionalMessages: 'transactional (half) messages',
  xaTransactions: 'XA / JMS distributed transactions',
  exactlyOnceProcessing: 'exactly-once read-process-write',
  ordering: 'per-key ordering',
  globalOrdering: 'global ordering',
  delayedMessages: 'delayed / scheduled messages',
  priorityQueues: 'priority queues',
  replay: 'replay of retained messages',
  complexRouting: 'broker-side routing',
  messageFiltering: 'broker-side filtering',
  deadLetterQueue: 'dead-letter queue',
  messageTracing: 'message tracing',
  requestReply: 'request / reply',
  streamProcessing: 'stream processing and connectors',
  embeddedBroker: 'embedded (in-process) broker',
  multiTenancy: 'multi-tenancy',
  perMessageRetry: 'per-message retry with back-off',
};

export const PROTOCOL_LABELS: Record<Protocol, string> = {
  'amqp-0-9-1': 'AMQP 0-9-1',
  'amqp-1.0': 'AMQP 1.0',
  mqtt: 'MQTT 3.1.1',
  'mqtt-5': 'MQTT 5',
  stomp: 'STOMP',
  jms: 'JMS',
  openwire: 'OpenWire',
  kafka: 'Kafka',
  'rocketmq-grpc': 'RocketMQ gRPC',
};

export const CRITERION_LABELS: Record<Criterion, string> = {
  throughput: 'throughput',
  reliability: 'reliability',
  latency: 'latency',
  backlog: 'backlog',
  scalability: 'scalability',
  staffCost: 'staff cost',
  features: 'features and protocols',
};

export function formatCount(value: number): string {
  if (value >= 1e9) return `${trim(value / 1e9)}G`;
  if (value >= 1e6) return `${trim(value / 1e6)}M`;
  if (value >= 1e3) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function trim(value: number): string {
  return Number(value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)).toString();
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 5) return `${trim(bytes / 1024 ** 5)} PiB`;
  if (bytes >= 1024 ** 4) return `${trim(bytes / 1024 ** 4)} TiB`;
  if (bytes >= 1024 * 1024 * 1024) return `${trim(bytes / 1024 ** 3)} GiB`;
  if (bytes >= 1024 * 1024) return `${trim(bytes / 1024 ** 2)} MiB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KiB`;
  return `${trim(bytes)} B`;
}
