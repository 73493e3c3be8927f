import type * as z from 'zod/mini';
import type {
  clusterModeChoiceSchema,
  contributionSchema,
  criterionScoreSchema,
  nodeCountSchema,
  rankedBrokerSchema,
  resultSchema,
  resultSummarySchema,
  weightInfoSchema,
} from '../result/schema.js';
import type { sensitivitySchema } from '../result/analysis-schema.js';
import type { Criterion } from '../requirements/vocabulary.js';

/**
 * Engine types, inferred from the result contract (src/result/schema.ts) — never written twice. Only
 * types are imported, so the engine does not load zod at run time.
 */
export { CRITERIA } from '../requirements/vocabulary.js';
export type { Criterion };

export type Confidence = 'high' | 'low';
export type Contribution = z.output<typeof contributionSchema>;
export type CriterionScore = z.output<typeof criterionScoreSchema>;
export type NodeCount = z.output<typeof nodeCountSchema>;
export type ClusterModeChoice = z.output<typeof clusterModeChoiceSchema>;
export type RankedBroker = z.output<typeof rankedBrokerSchema>;
export type WeightInfo = z.output<typeof weightInfoSchema>;
export type Sensitivity = z.output<typeof sensitivitySchema>;
export type Result = z.output<typeof resultSchema>;
export type ResultSummary = z.output<typeof resultSummarySchema>;
export type Recommendation = NonNullable<Result['recommendation']>;
export type Elimination = Result['eliminated'][number];
export type Assumption = Result['assumed'][number];
export type Warning = Result['warnings'][number];
