import type { Model } from './model-schema.js';
import type { BrokerEntry, Rule } from './schema.js';

/** What an integrity rule reports, and the small helpers every rule uses. */
export interface IntegrityFinding {
  rule: string;
  severity: 'error' | 'warning';
  where: string;
  message: string;
}

export interface Input {
  brokers: BrokerEntry[];
  rules: Rule[];
  /** Absent when a single layer is checked for duplicates. */
  model?: Model;
}

export type IntegrityRule = (kb: Input) => IntegrityFinding[];

export const error = (rule: string, where: string, message: string): IntegrityFinding => ({
  rule,
  severity: 'error',
  where,
  message,
});
export const warning = (rule: string, where: string, message: string): IntegrityFinding => ({
  rule,
  severity: 'warning',
  where,
  message,
});

export function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}
