import type { z } from 'zod/mini';
import { requirementsSchema } from './schema.js';

/**
 * Leaf field paths of requirements v1 with their schema, derived from the schema (never listed twice).
 * Walks zod's schema definitions (`_zod.def`), the introspection API shared by zod and zod/mini.
 */
type Def = {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
};
const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function requirementLeaves(): Map<string, z.ZodMiniType> {
  const leaves = new Map<string, z.ZodMiniType>();
  const visit = (schema: z.ZodMiniType, path: string) => {
    const inner = unwrap(schema);
    const def = defOf(inner);
    if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) visit(child, path ? `${path}.${key}` : key);
      return;
    }
    leaves.set(path, schema);
    // A list-or-object union (protocols) is a leaf, and so is each field of its object form.
    for (const option of def.type === 'union' ? (def.options ?? []) : []) {
      const optionDef = defOf(unwrap(option));
      if (optionDef.type === 'object' && optionDef.shape)
        for (const [key, child] of Object.entries(optionDef.shape)) visit(child, `${path}.${key}`);
    }
  };
  visit(requirementsSchema, '');
  return leaves;
}

function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  for (
    let def = defOf(current);
    (def.type === 'optional' || def.type === 'default') && def.innerType;
    def = defOf(current)
  )
    current = def.innerType;
  return current;
}

/**
 * The kind of value a leaf holds, for readers such as --set and the questionnaire (a list-or-object union reads as a
 * list).
 */
export function leafKind(schema: z.ZodMiniType): string {
  const def = defOf(unwrap(schema));
  if (def.type === 'union' && def.options?.some((option) => defOf(unwrap(option)).type === 'array')) return 'array';
  return def.type;
}

/** Paths a rule may read: everything but how much things matter, so scores stay linear in the weights. */
export function ruleReadablePaths(): Set<string> {
  return new Set(
    [...requirementLeaves().keys()].filter(
      (p) => !p.startsWith('priorities.') && !p.startsWith('weights.') && p !== '$schema',
    ),
  );
}
