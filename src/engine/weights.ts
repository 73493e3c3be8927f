import type { Requirements } from '../requirements/schema.js';
import { DIMENSIONS, FEATURES } from '../requirements/vocabulary.js';
import { CRITERIA, type Criterion, type WeightInfo } from './types.js';

/**
 * Priority words -> weights. Each step doubles, so one "critical" outweighs a "high" and a "medium"
 * together: a priority the user calls critical should be able to decide the answer on its own.
 */
export const PRIORITY_WEIGHTS = { critical: 8, high: 4, medium: 2, low: 1, ignore: 0 } as const;

/** Preferred features count like a "medium" dimension; the requirements format has no priority for them. */
export const FEATURES_WEIGHT = PRIORITY_WEIGHTS.medium;

export function effectiveWeights(
  requirements: Requirements,
  overrides: Partial<Record<Criterion, number>> = {},
): Record<Criterion, WeightInfo> {
  const weights = {} as Record<Criterion, WeightInfo>;
  for (const dimension of DIMENSIONS) {
    const explicit = requirements.weights?.[dimension];
    const priority = requirements.priorities?.[dimension];
    weights[dimension] =
      explicit !== undefined
        ? { weight: explicit, from: 'weights' }
        : priority !== undefined
          ? { weight: PRIORITY_WEIGHTS[priority], from: 'priority', priority }
          : { weight: PRIORITY_WEIGHTS.medium, from: 'default', priority: 'medium' };
  }
  const anyPreferred = FEATURES.some((f) => requirements.features?.[f] === 'preferred');
  weights.features = { weight: anyPreferred ? FEATURES_WEIGHT : 0, from: 'default' };
  for (const criterion of CRITERIA) {
    const value = overrides[criterion];
    if (value !== undefined) weights[criterion] = { weight: value, from: 'override' };
  }
  return weights;
}
