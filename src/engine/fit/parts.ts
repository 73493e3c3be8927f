import type { PlanningFigure } from '../../kb/schema.js';
import type { Model } from '../../kb/model-schema.js';
import type { Dimension } from '../../requirements/vocabulary.js';
import type { ResolvedProfile } from '../profiles.js';
import type { Confidence } from '../types.js';

/**
 * Fit of one profile on one criterion, as weighted parts. Each part says what was observed in the KB,
 * what the requirements expect, and why; the scorer turns parts into contributions that add up.
 */
export interface FitPart {
  part: string;
  weight: number;
  fit: number;
  /**
   * What was observed and what was expected, in words. A function: the words are built only for the
   * candidates a result prints, never for the thousands a batch or the sensitivity analysis scores.
   */
  text: () => PartText;
  reasonId: string;
  reason: string;
  confidence: Confidence;
  sources: string[];
}

export interface PartText {
  observed: string;
  expected: string;
}

export const confidenceOf = (figure: Pick<PlanningFigure, 'basis'> | undefined): Confidence =>
  figure && figure.basis !== 'estimate' ? 'high' : 'low';

/** Words that are fixed, or built on demand. */
export type Words = string | (() => string);
const words = (w: Words) => (typeof w === 'string' ? w : w());

export function ratingPart(
  resolved: ResolvedProfile,
  dimension: Dimension,
  expected: Words,
  model: Model,
  weight = 1,
): FitPart {
  const rating = resolved.ratings[dimension];
  return {
    part: `${dimension}.rating`,
    weight,
    fit: model.scales.rating.value[String(rating.rating) as '1'],
    text: () => ({ observed: `rated ${rating.rating}/5`, expected: words(expected) }),
    reasonId: 'kb-rating',
    reason: rating.rationale,
    confidence: 'high',
    sources: rating.sources,
  };
}

/** The same words with a note before what was observed. */
export function prefixObserved(part: FitPart, prefix: string): () => PartText {
  return () => {
    const text = part.text();
    return { observed: `${prefix}${text.observed}`, expected: text.expected };
  };
}

export function combinedFit(parts: FitPart[]): number {
  let total = 0;
  let weighted = 0;
  for (const p of parts) {
    total += p.weight;
    weighted += p.weight * p.fit;
  }
  return total === 0 ? 0 : weighted / total;
}
