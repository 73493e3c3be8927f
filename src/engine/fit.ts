import type { Model } from '../kb/model-schema.js';
import type { Requirements } from '../requirements/schema.js';
import { backlogParts, reliabilityParts } from './fit/durability.js';
import { latencyParts, scalabilityParts, throughputParts } from './fit/load.js';
import type { FitPart } from './fit/parts.js';
import { staffCostParts } from './fit/staff.js';
import type { MultiDcChoice } from './multidc.js';
import type { ResolvedProfile } from './profiles.js';
import type { Criterion } from './types.js';

/**
 * Fit of one profile on one criterion, as weighted parts (src/engine/fit/*): each part says what was
 * observed in the KB, what the requirements expect, and why; the scorer turns parts into contributions.
 */
export { combinedFit, type FitPart } from './fit/parts.js';
export { featureParts, isNew } from './fit/features.js';
export function criterionParts(
  resolved: ResolvedProfile,
  requirements: Requirements,
  criterion: Exclude<Criterion, 'features'>,
  model: Model,
  multiDc?: MultiDcChoice,
): FitPart[] {
  switch (criterion) {
    case 'throughput':
      return throughputParts(resolved, requirements, model);
    case 'scalability':
      return scalabilityParts(resolved, requirements, model);
    case 'latency':
      return latencyParts(resolved, requirements, model);
    case 'reliability':
      return reliabilityParts(resolved, requirements, model, multiDc);
    case 'backlog':
      return backlogParts(resolved, requirements, model);
    case 'staffCost':
      return staffCostParts(resolved, requirements, model);
  }
}
