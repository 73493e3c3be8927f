import type { Model } from '../kb/model-schema.js';
import type { Requirements } from '../requirements/schema.js';
import { DIMENSIONS, FEATURES, type Dimension } from '../requirements/vocabulary.js';
import { neededProtocols } from '../requirements/protocols.js';
import { holds } from './rules.js';
import { CRITERIA, type Criterion, type WeightInfo } from './types.js';

/**
 * Weights per criterion (data/model.yaml, `weights`): an explicit weight or a priority the user gave;
 * else a criterion the user stated a fact for counts at the "implied" priority; else it is unstated and
 * counts at the model's unstated weight (0: it only breaks ties). When nothing at all is weighed, each
 * dimension counts at its "nothing stated" priority, so the general ratings decide (and say so). Only
 * this function reads priorities and weights.
 */
export function effectiveWeights(
  requirements: Requirements,
  model: Model,
  overrides: Partial<Record<Criterion, number>> = {},
): Record<Criterion, WeightInfo> {
  const spec = model.weights;
  const byPriority = spec.priorities.value;
  const weights = {} as Record<Criterion, WeightInfo>;
  const implied = (d: Dimension) => holds(model.impliedBy[d].when, requirements);
  for (const dimension of DIMENSIONS) {
    const explicit = requirements.weights?.[dimension];
    const priority = requirements.priorities?.[dimension];
    if (explicit !== undefined) weights[dimension] = { weight: explicit, from: 'weights' };
    else if (priority !== undefined) weights[dimension] = { weight: byPriority[priority], from: 'priority', priority };
    else if (implied(dimension))
      weights[dimension] = { weight: byPriority[spec.implied.value], from: 'implied', priority: spec.implied.value };
    else weights[dimension] = { weight: spec.unstated.value, from: 'default' };
  }
  // The features criterion weighs what the user asked of features and protocols: required needs (and
  // protocols) at the "required" priority, otherwise preferred ones at the "preferred" priority.
  const needs = FEATURES.map((f) => requirements.features?.[f]);
  const anyRequired = needs.some((n) => n === 'required' || n === 'strict') || neededProtocols(requirements).length > 0;
  const anyPreferred = needs.includes('preferred');
  const featuresPriority = anyRequired
    ? spec.features.value.required
    : anyPreferred
      ? spec.features.value.preferred
      : undefined;
  weights.features = featuresPriority
    ? { weight: byPriority[featuresPriority], from: 'implied', priority: featuresPriority }
    : { weight: 0, from: 'default' };
  // Nothing in the document weighs anything: every dimension counts at the fallback priority. Decided
  // before overrides, so raising one weight with -w never drops the others to zero.
  const nothingWeighed = CRITERIA.every((c) => weights[c].weight === 0 && weights[c].from === 'default');
  if (nothingWeighed) {
    for (const dimension of DIMENSIONS)
      weights[dimension] = {
        weight: byPriority[spec.nothingStated.value[dimension]],
        from: 'default',
        priority: spec.nothingStated.value[dimension],
      };
  }
  for (const criterion of CRITERIA) {
    const value = overrides[criterion];
    // A criterion with nothing to judge (features, when no feature or protocol is asked for) keeps weight 0:
    // weighing it would only dilute every score (recommend() warns that the override was ignored).
    if (value !== undefined && (criterion !== 'features' || featuresPriority))
      weights[criterion] = { weight: value, from: 'override' };
  }
  return weights;
}

/** True when the document stated nothing, so the fallback weights (and any -w overrides) decide. */
export function nothingStated(weights: Record<Criterion, WeightInfo>): boolean {
  const fallback = (d: Criterion) => weights[d].from === 'default' && weights[d].priority !== undefined;
  return DIMENSIONS.some(fallback) && DIMENSIONS.every((d) => fallback(d) || weights[d].from === 'override');
}
