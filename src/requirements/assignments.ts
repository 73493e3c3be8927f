import { formatPath } from '../errors.js';
import { withValueAt } from './access.js';

/** A --set override, parsed and typed (see set.ts, which knows the fields). */
export interface Assignment {
  path: string;
  value: unknown;
}

/**
 * Applies assignments to a copy of the parsed document (the parsed one is left as it was); creates missing groups
 * (e.g. "latency").
 */
export function applyAssignments(data: unknown, assignments: Assignment[]): unknown {
  // Not an object: leave it as it is, so the schema reports "expected an object" for the document.
  if (assignments.length === 0 || data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  return assignments.reduce(
    (document, { path, value }) => withValueAt(listAsRequired(document, path), path, value),
    data,
  );
}

/** `protocols: [a, b]` is `{required: [a, b]}`: setting protocols.anyOf keeps the list as the required ones. */
function listAsRequired(document: object, path: string): object {
  const protocols = (document as { protocols?: unknown }).protocols;
  return path.startsWith('protocols.') && Array.isArray(protocols)
    ? { ...document, protocols: { required: protocols } }
    : document;
}

export const isAssigned = (assignments: Assignment[], path: ReadonlyArray<PropertyKey>) => {
  const text = formatPath(path);
  return assignments.some((a) => text === a.path || text.startsWith(`${a.path}[`) || text.startsWith(`${a.path}.`));
};
