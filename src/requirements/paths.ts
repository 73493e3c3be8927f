import { z } from 'zod';
import { requirementsSchema } from './schema.js';

/** Leaf field paths of requirements v1 with their zod schema, derived from the schema (never listed twice). */
export function requirementLeaves(): Map<string, z.ZodType> {
  const leaves = new Map<string, z.ZodType>();
  const visit = (schema: z.ZodType, path: string) => {
    const inner = unwrap(schema);
    if (inner instanceof z.ZodObject) {
      for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) visit(child, path ? `${path}.${key}` : key);
    } else leaves.set(path, schema);
  };
  visit(requirementsSchema, '');
  return leaves;
}

export function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

/** Paths a rule may read: everything but how much things matter, so scores stay linear in the weights. */
export function ruleReadablePaths(): Set<string> {
  return new Set([...requirementLeaves().keys()].filter((p) => !p.startsWith('priorities.') && !p.startsWith('weights.') && p !== '$schema'));
}
