/** Kept apart from json-schemas.ts so the CLI can list the names without loading zod. */
export const SCHEMA_NAMES = ['requirements', 'kb', 'result', 'batch'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];
