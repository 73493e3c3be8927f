import * as z from 'zod/mini';

/** Documentation helpers: zod/mini attaches descriptions and constraints as checks. */
export const d = <T extends z.ZodMiniType>(schema: T, description: string) => schema.check(z.describe(description));
export const opt = <T extends z.ZodMiniType>(schema: T, description?: string) =>
  z.optional(description === undefined ? schema : d(schema, description));
export const positive = () => z.number().check(z.positive());
export const list = <T extends z.ZodMiniType>(schema: T, min = 0) =>
  min > 0 ? z.array(schema).check(z.minLength(min)) : z.array(schema);
export const listOrEmpty = <T extends z.ZodMiniType>(schema: T, description: string) =>
  d(z._default(z.array(schema), []), description);

export const id = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'lower-case id: letters, digits, dashes'));
export const url = d(z.url({ protocol: /^https$/ }), 'a public https URL');
export const sources = d(list(url, 1), 'where the claim can be checked (at least one URL)');
export const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'));
export const text = () => z.string().check(z.minLength(3));
