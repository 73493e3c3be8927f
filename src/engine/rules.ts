import type { Condition, Effect, Rule } from '../kb/schema.js';
import { getAt } from '../requirements/access.js';
import type { Requirements } from '../requirements/schema.js';
import type { Criterion } from './types.js';

/**
 * Rules as data: a condition on the requirements, effects on brokers. Conditions read requirement
 * fields only (the KB integrity rule "rules-read-requirements" forbids priorities and weights), so a
 * rule can change fits but never the weights — scores stay linear in the weights.
 */

export function holds(condition: Condition, requirements: Requirements): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, requirements));
  if ('any' in condition) return condition.any.some((c) => holds(c, requirements));
  if ('not' in condition) return !holds(condition.not, requirements);
  const actual = getAt(requirements, condition.path);
  const expected = condition.value;
  switch (condition.op) {
    case 'stated':
      return actual !== undefined;
    case 'notStated':
      return actual === undefined;
    case 'equals':
      return actual === expected;
    case 'in':
      return Array.isArray(expected) && (expected as unknown[]).includes(actual);
    case 'contains':
      return Array.isArray(actual) && actual.includes(expected);
    case 'gte':
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
    case 'gt':
      return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    case 'lte':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
    case 'lt':
      return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
  }
}

export interface FiredRule {
  rule: Rule;
  effects: Effect[];
}

export function firedRules(rules: Rule[], requirements: Requirements): FiredRule[] {
  return rules.filter((rule) => holds(rule.when, requirements)).map((rule) => ({ rule, effects: rule.then }));
}

export interface FitAdjustment {
  ruleId: string;
  because: string;
  criterion: Criterion;
  by: number;
  sources: string[];
}

const applies = (target: { broker: string; profile?: string | undefined }, broker: string, profiles: string[]) =>
  target.broker === broker && (target.profile === undefined || profiles.includes(target.profile));

export function adjustmentsFor(fired: FiredRule[], broker: string, profiles: string[]): FitAdjustment[] {
  if (fired.length === 0) return [];
  return fired.flatMap(({ rule, effects }) =>
    effects.flatMap((effect) =>
      'adjust' in effect && applies(effect.adjust, broker, profiles)
        ? [{ ruleId: rule.id, because: rule.because, criterion: effect.adjust.dimension, by: effect.adjust.by, sources: rule.sources }]
        : [],
    ),
  );
}

export function eliminationsFor(fired: FiredRule[], broker: string): Array<{ rule: Rule; profile?: string }> {
  if (fired.length === 0) return [];
  return fired.flatMap(({ rule, effects }) =>
    effects.flatMap((effect) =>
      'eliminate' in effect && effect.eliminate.broker === broker ? [{ rule, ...(effect.eliminate.profile ? { profile: effect.eliminate.profile } : {}) }] : [],
    ),
  );
}

export function ruleWarnings(fired: FiredRule[]): Array<{ id: string; message: string }> {
  return fired.filter(({ effects }) => effects.some((e) => 'warn' in e)).map(({ rule }) => ({ id: `rule:${rule.id}`, message: rule.because }));
}
