import type { Requirements } from './schema.js';
import type { Protocol } from './vocabulary.js';

export interface ProtocolNeeds {
  /** Every one must be supported. */
  required: readonly Protocol[];
  /** At least one must be supported (empty: no such need). */
  anyOf: readonly Protocol[];
  /** Needed by producers only: a profile whose clients of it can publish but not consume still serves it. */
  publishOnly: readonly Protocol[];
}

const NONE: ProtocolNeeds = { required: [], anyOf: [], publishOnly: [] };

/** `protocols` as written — a list (all required) or {required, anyOf, publishOnly} — in one shape. */
export function protocolNeeds(requirements: Requirements): ProtocolNeeds {
  const stated = requirements.protocols;
  if (stated === undefined) return NONE;
  if (Array.isArray(stated)) return { required: stated, anyOf: [], publishOnly: [] };
  return { required: stated.required ?? [], anyOf: stated.anyOf ?? [], publishOnly: stated.publishOnly ?? [] };
}
