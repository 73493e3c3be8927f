import * as z from 'zod/mini';
import { d } from '../kb/schema.js';
import { CRITERIA } from '../requirements/vocabulary.js';

/** Field shapes shared by the result schemas. */
export const criterion = d(
  z.enum(CRITERIA),
  'one of the six dimensions, or "features" (required and preferred features and protocols)',
);
export const confidence = d(z.enum(['high', 'low']), 'low: rests on an estimate, not a measured figure');
export const perCriterion = <T extends z.ZodMiniType>(schema: T) =>
  z.object(Object.fromEntries(CRITERIA.map((c) => [c, schema])) as Record<(typeof CRITERIA)[number], T>);
export const int = () => z.int();
export const strings = () => z.array(z.string());
export const nullableString = (description: string) => d(z.nullable(z.string()), description);
