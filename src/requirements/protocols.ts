import type { Requirements } from './schema.js';
import type { Protocol } from './vocabulary.js';

export interface ProtocolNeeds {
  /** Every one must be supported. */
  required: readonly Protocol[];
  /** At least one must be supported (empty: no such need). */
  anyOf: readonly Protocol[];
  /** Needed by producers only: a profile whose clients of it can publish but not consume still serves it. */
  publishOnly: readonly Protocol[];
  /** Only the broker's own support counts: a gateway you run in front of it does not. */
  strict: boolean;
}

const NONE: ProtocolNeeds = { required: [], anyOf: [], publishOnly: [], strict: false };

/** `protocols` as written — a list (all required) or {required, anyOf, publishOnly, strict} — in one shape. */
export function protocolNeeds(requirements: Requirements): ProtocolNeeds {
  const stated = requirements.protocols;
  if (stated === undefined) return NONE;
  if (Array.isArray(stated)) return { required: stated, anyOf: [], publishOnly: [], strict: false };
  return {
    required: stated.required ?? [],
    anyOf: stated.anyOf ?? [],
    publishOnly: stated.publishOnly ?? [],
    strict: stated.strict === true,
  };
}

/** Protocols the user needs, as scored parts: every required or publish-only one, and the best of the alternatives. */
export function neededProtocols(
  requirements: Requirements,
): Array<{ protocols: readonly Protocol[]; anyOf: boolean; publishOnly: boolean }> {
  const needs = protocolNeeds(requirements);
  return [
    ...needs.required.map((p) => ({ protocols: [p] as const, anyOf: false, publishOnly: false })),
    ...needs.publishOnly.map((p) => ({ protocols: [p] as const, anyOf: false, publishOnly: true })),
    ...(needs.anyOf.length > 0 ? [{ protocols: needs.anyOf, anyOf: true, publishOnly: false }] : []),
  ];
}
