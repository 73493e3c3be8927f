import type { z } from 'zod';
import type {
  clusterModeChoiceSchema,
  contributionSchema,
  criterionScoreSchema,
  nodeCountSchema,
  rankedBrokerSchema,
  resultSchema,
  resultSummarySchema,
  sensitivitySchema,
  weightInfoSchema,
} from '../result/schema.js';
import type { Criterion, Dimension } from '../requirements/vocabulary.js';

/**
 * Engine types, inferred from the result contract (src/result/schema.ts) — never written twice. Only
 * types are imported, so the engine does not load zod at run time.
 */
export { CRITERIA } from '../requirements/vocabulary.js';
export type { Criterion, Dimension };

export type Confidence = 'high' | 'low';
export type Contribution = z.infer<typeof contributionSchema>;
export type CriterionScore = z.infer<typeof criterionScoreSchema>;
export type NodeCount = z.infer<typeof nodeCountSchema>;
export type ClusterModeChoice = z.infer<typeof clusterModeChoiceSchema>;
export type RankedBroker = z.infer<typeof rankedBrokerSchema>;
export type WeightInfo = z.infer<typeof weightInfoSchema>;
export type Sensitivity = z.infer<typeof sensitivitySchema>;
export type Result = z.infer<typeof resultSchema>;
export type ResultSummary = z.infer<typeof resultSummarySchema>;
export type Recommendation = NonNullable<Result['recommendation']>;
export type Elimination = Result['eliminated'][number];
export type Assumption = Result['assumed'][number];
export type Warning = Result['warnings'][number];
