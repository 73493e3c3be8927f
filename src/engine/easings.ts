import type { BrokerEntry, KnowledgeBase } from '../kb/schema.js';
import { withValueAt } from '../requirements/access.js';
import { protocolNeeds } from '../requirements/protocols.js';
import type { Requirements } from '../requirements/schema.js';
import { requiredFeatures } from './constraints.js';
import { FEATURE_LABELS, PROTOCOL_LABELS, formatBytes, formatCount } from './labels.js';
import { resolveProfiles } from './profiles.js';
import { messageBytes, perNodeCapacity, sizedRate } from './sizing.js';

/** One way to ease a requirement: applied to the document so far, so several can touch one field. */
export interface Easing {
  /** Two easings with the same key are alternatives, never taken together. */
  key: string;
  /** How much it gives up (1 small … 5 large): the heaviest are dropped first when minimising. */
  weight: number;
  field: string;
  says: string;
  apply: (r: Requirements) => Requirements;
}

const set = (field: string, value: unknown) => (r: Requirements) => withValueAt(r, field, value);

/** Every change that eases one stated requirement toward what this broker offers. */
export function candidateEasings(r: Requirements, broker: BrokerEntry, kb: KnowledgeBase): Easing[] {
  const easings: Easing[] = [];
  const protocols = protocolNeeds(r);
  for (const protocol of protocols.required) {
    const drop = (x: Requirements): Requirements => {
      const now = x.protocols;
      if (Array.isArray(now)) return { ...x, protocols: now.filter((p) => p !== protocol) };
      return { ...x, protocols: { ...now, required: (now?.required ?? []).filter((p) => p !== protocol) } };
    };
    easings.push({
      key: `protocols.${protocol}`,
      weight: 4,
      field: 'protocols',
      says: `drop the ${PROTOCOL_LABELS[protocol]} protocol`,
      apply: drop,
    });
  }
  for (const protocol of protocols.publishOnly) {
    const drop = (x: Requirements): Requirements =>
      Array.isArray(x.protocols)
        ? x
        : {
            ...x,
            protocols: { ...x.protocols, publishOnly: (x.protocols?.publishOnly ?? []).filter((p) => p !== protocol) },
          };
    easings.push({
      key: `protocols.publish.${protocol}`,
      weight: 4,
      field: 'protocols',
      says: `drop ${PROTOCOL_LABELS[protocol]} for producers`,
      apply: drop,
    });
  }
  if (protocols.strict)
    easings.push({
      key: 'protocols.strict',
      weight: 1,
      field: 'protocols.strict',
      says: 'accept a protocol bridged by a gateway you run (protocols not strict)',
      apply: set('protocols.strict', false),
    });
  if (protocols.anyOf.length > 0) {
    easings.push({
      key: 'protocols.anyOf',
      weight: 4,
      field: 'protocols',
      says: `drop the need for one of ${protocols.anyOf.map((p) => PROTOCOL_LABELS[p]).join(', ')}`,
      apply: (x) => {
        if (Array.isArray(x.protocols) || !x.protocols) return x;
        const { anyOf: _dropped, ...rest } = x.protocols;
        return { ...x, protocols: rest };
      },
    });
  }
  if (r.deployment?.commercialEditions !== 'allowed') {
    easings.push({
      key: 'commercialEditions',
      weight: 3,
      field: 'deployment.commercialEditions',
      says: 'allow features of paid editions',
      apply: set('deployment.commercialEditions', 'allowed'),
    });
  }
  for (const feature of requiredFeatures(r)) {
    const need = r.features![feature]!;
    const field = `features.${feature}`;
    if (need === 'strict')
      easings.push({
        key: field,
        weight: 1,
        field,
        says: `accept ${FEATURE_LABELS[feature]} built as a pattern (required, not strict)`,
        apply: set(field, 'required'),
      });
    easings.push({
      key: field,
      weight: 4,
      field,
      says: `make ${FEATURE_LABELS[feature]} preferred instead of ${need}`,
      apply: set(field, 'preferred'),
    });
  }
  if (r.reliability?.messageLoss === 'never') {
    easings.push({
      key: 'messageLoss',
      weight: 3,
      field: 'reliability.messageLoss',
      says: 'accept losing a small window of acknowledged messages on a node failure (messageLoss: rare)',
      apply: set('reliability.messageLoss', 'rare'),
    });
  }
  if (r.reliability?.failover === 'automatic')
    easings.push({
      key: 'failover',
      weight: 2,
      field: 'reliability.failover',
      says: 'accept manual failover',
      apply: set('reliability.failover', 'manual'),
    });
  const topology = r.deployment?.multiDatacenter;
  if (topology === 'active-active') {
    easings.push({
      key: 'multiDatacenter',
      weight: 2,
      field: 'deployment.multiDatacenter',
      says: 'use the second site for disaster recovery instead of active-active',
      apply: set('deployment.multiDatacenter', 'disaster-recovery'),
    });
  }
  if (topology === 'active-active' || topology === 'disaster-recovery') {
    easings.push({
      key: 'multiDatacenter',
      weight: 4,
      field: 'deployment.multiDatacenter',
      says: 'run in one datacenter',
      apply: set('deployment.multiDatacenter', 'none'),
    });
  }
  easings.push(...numberBounds(r, broker, kb));
  return easings;
}

/** Numbers lowered to the most this broker can take: message size, delay, and the peak one cluster carries. */
function numberBounds(r: Requirements, broker: BrokerEntry, kb: KnowledgeBase): Easing[] {
  const easings: Easing[] = [];
  const profiles = resolveProfiles(broker);
  const lower = (field: string, to: number, says: string, weight: number) =>
    easings.push({ key: field, weight, field, says, apply: set(field, to) });
  const maxBytes = r.workload?.maxMessageBytes;
  const largest = Math.max(0, ...profiles.map((p) => p.profile.planning.maxMessageBytes?.configurableMax ?? 0));
  if (maxBytes !== undefined && largest > 0 && maxBytes > largest) {
    lower(
      'workload.maxMessageBytes',
      largest,
      `keep messages at or under ${formatBytes(largest)} (larger payloads in object storage, a reference in the ` +
        `message)`,
      2,
    );
  }
  const delay = r.workload?.maxDelayHours;
  const longest = Math.max(0, ...profiles.map((p) => p.capabilities.delayedMessages.maxDelayHours ?? 0));
  if (delay !== undefined && longest > 0 && delay > longest)
    lower('workload.maxDelayHours', longest, `keep delays at or under ${longest} h`, 2);
  const rate = sizedRate(r);
  if (rate) {
    const model = kb.model;
    const bytes = messageBytes(r, model);
    const reach = Math.max(
      0,
      ...profiles.map((p) => {
        const capacity = perNodeCapacity(p.profile, bytes, model);
        const ceiling = p.profile.planning.maxClusterNodes?.value;
        if (!capacity || ceiling === undefined) return 0;
        const copies = p.profile.model === 'queue' ? (r.workload?.consumerGroups ?? 1) : 1;
        // Each cluster planned at its practical ceiling (not at the out-of-reach bound, where its fit is lowest).
        return (capacity.messagesPerSecond * model.sizing.headroom.value * ceiling) / copies;
      }),
    );
    const bound = roundDown(reach);
    if (bound > 0 && bound < rate.value) {
      const clusters = Math.ceil(rate.value / bound);
      lower(
        rate.field,
        bound,
        `split the load by domain over ≈${clusters} clusters of at most ${formatCount(bound)} msg/s each ` +
          `(the cost: ${clusters} clusters to run and route between, no ordering, transactions or consumer groups ` +
          `across them)`,
        5,
      );
    }
  }
  return easings;
}

/** Two significant digits, rounded down: a bound to plan with, not a figure to the message. */
function roundDown(value: number): number {
  if (value <= 0) return 0;
  const step = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.floor(value / step) * step;
}
