import type { Result } from '../engine/types.js';

/** The versioned JSON contract (schemaVersion). Key order follows the Result type's construction. */
export function renderJson(result: Result): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
