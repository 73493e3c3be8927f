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

/**
 * The fired rules' effects by broker, indexed once per evaluation: feasibility and scoring ask for them
 * per broker and per candidate. Order is firing order, then effect order (adjustments clamp: order matters).
 */
export interface RuleEffects {
  eliminations(broker: string): Array<{ rule: Rule; profile?: string }>;
  adjustments(broker: string, profiles: string[]): FitAdjustment[];
}

const NO_EFFECTS: RuleEffects = { eliminations: () => [], adjustments: () => [] };

export function indexEffects(fired: FiredRule[]): RuleEffects {
  if (fired.length === 0) return NO_EFFECTS;
  const eliminations = new Map<string, Array<{ rule: Rule; profile?: string }>>();
  const adjustments = new Map<string, Array<{ adjustment: FitAdjustment; profile: string | undefined }>>();
  const add = <T>(map: Map<string, T[]>, broker: string, value: T) =>
    (map.get(broker) ?? map.set(broker, []).get(broker)!).push(value);
  for (const { rule, effects } of fired) {
    for (const effect of effects) {
      if ('eliminate' in effect)
        add(eliminations, effect.eliminate.broker, {
          rule,
          ...(effect.eliminate.profile ? { profile: effect.eliminate.profile } : {}),
        });
      if ('adjust' in effect) {
        const { broker, profile, dimension, by } = effect.adjust;
        add(adjustments, broker, {
          adjustment: { ruleId: rule.id, because: rule.because, criterion: dimension, by, sources: rule.sources },
          profile,
        });
      }
    }
  }
  return {
    eliminations: (broker) => eliminations.get(broker) ?? [],
    adjustments: (broker, profiles) => {
      const list = adjustments.get(broker);
      return list
        ? list.filter((a) => a.profile === undefined || profiles.includes(a.profile)).map((a) => a.adjustment)
        : [];
    },
  };
}

interface FitAdjustment {
  ruleId: string;
  because: string;
  criterion: Criterion;
  by: number;
  sources: string[];
}

export function ruleWarnings(fired: FiredRule[]): Array<{ id: string; message: string }> {
  return fired
    .filter(({ effects }) => effects.some((e) => 'warn' in e))
    .map(({ rule }) => ({ id: `rule:${rule.id}`, message: rule.because }));
}
