import type { Model } from '../kb/model-schema.js';
import type { Requirements } from '../requirements/schema.js';
import { DIMENSIONS, FEATURES, type Dimension } from '../requirements/vocabulary.js';
import { holds } from './rules.js';
import { CRITERIA, type Criterion, type WeightInfo } from './types.js';

/**
 * Weights per criterion (data/model.yaml, `weights`): an explicit weight or a priority the user gave;
 * else a criterion the user stated a fact for counts at the "implied" priority; else it is unstated and
 * counts at the model's unstated weight. Only this function reads priorities and weights.
 */
export function effectiveWeights(requirements: Requirements, model: Model, overrides: Partial<Record<Criterion, number>> = {}): Record<Criterion, WeightInfo> {
  const spec = model.weights;
  const byPriority = spec.priorities.value;
  const weights = {} as Record<Criterion, WeightInfo>;
  const ranked = DIMENSIONS.some((d) => requirements.weights?.[d] !== undefined || requirements.priorities?.[d] !== undefined);
  const implied = (d: Dimension) => holds(model.impliedBy[d].when, requirements);
  const anyImplied = DIMENSIONS.some(implied);
  for (const dimension of DIMENSIONS) {
    const explicit = requirements.weights?.[dimension];
    const priority = requirements.priorities?.[dimension];
    if (explicit !== undefined) weights[dimension] = { weight: explicit, from: 'weights' };
    else if (priority !== undefined) weights[dimension] = { weight: byPriority[priority], from: 'priority', priority };
    else if (implied(dimension)) weights[dimension] = { weight: byPriority[spec.implied.value], from: 'implied', priority: spec.implied.value };
    else if (!ranked && !anyImplied) weights[dimension] = { weight: byPriority[spec.nothingStated.value], from: 'default', priority: spec.nothingStated.value };
    else weights[dimension] = { weight: spec.unstated.value, from: 'default' };
  }
  const anyPreferred = FEATURES.some((f) => requirements.features?.[f] === 'preferred');
  weights.features = anyPreferred ? { weight: byPriority[spec.features.value.preferred], from: 'default' } : { weight: 0, from: 'default' };
  for (const criterion of CRITERIA) {
    const value = overrides[criterion];
    if (value !== undefined) weights[criterion] = { weight: value, from: 'override' };
  }
  return weights;
}
