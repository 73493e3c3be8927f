/**
 * Reading and writing a requirements document by dotted field path ("workload.peakMessagesPerSecond").
 * Only own properties are followed, and forbidden segments never reach here (they are refused on input).
 */
const splitCache = new Map<string, string[]>();
const segmentsOf = (path: string) => splitCache.get(path) ?? splitCache.set(path, path.split('.')).get(path)!;

export function getAt(document: unknown, path: string): unknown {
  let node = document;
  for (const segment of segmentsOf(path)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Sets a value in place, creating (or replacing non-object) groups on the way. */
export function setAt(document: Record<string, unknown>, path: string, value: unknown): void {
  const segments = segmentsOf(path);
  let node = document;
  for (const segment of segments.slice(0, -1)) {
    const next = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[segments[segments.length - 1]!] = value;
}

/** A copy with one value set: only the objects on the path are copied, the rest is shared. */
export function withValueAt<T>(document: T, path: string, value: unknown): T {
  const segments = segmentsOf(path);
  const copyOf = (node: unknown, depth: number): unknown => {
    const base =
      node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : {};
    const segment = segments[depth]!;
    const next =
      depth === segments.length - 1
        ? value
        : copyOf(Object.hasOwn(base, segment) ? base[segment] : undefined, depth + 1);
    return { ...base, [segment]: next };
  };
  return copyOf(document, 0) as T;
}
