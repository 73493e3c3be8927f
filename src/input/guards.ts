/**
 * Guards that read the raw text or the parsed data of a user file before any schema sees it: nesting too
 * deep for a parser to recurse safely, keys that would reach an object's prototype, JSON's silently
 * dropped duplicate keys, and offset-to-line:column for the messages.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Far above anything a real requirements or KB file contains, far below what exhausts memory. */
export const MAX_ALIAS_COUNT = 50;
/**
 * Requirements nest 3 levels, knowledge-base files about 8: deeper is an accident or an attack, refused before
 * parsing.
 */
export const MAX_DEPTH = 64;
export const TOO_DEEP =
  `nested more than ${MAX_DEPTH} levels deep (no requirements or knowledge-base document ` + `nests like this)`;

/**
 * Walks the data without recursion (a deeply nested document cannot overflow the stack) and without
 * building paths on the way; the path is rebuilt only for what is refused: a prototype key, or nesting
 * deeper than MAX_DEPTH (which YAML block structure reaches without brackets).
 */
export function findRefusedKey(data: unknown): { path: PropertyKey[]; deep: boolean } | undefined {
  const stack: Array<{ value: unknown; parent: number; key: PropertyKey; depth: number }> = [
    { value: data, parent: -1, key: '', depth: 0 },
  ];
  const seen: Array<{ parent: number; key: PropertyKey }> = [];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value, depth } = entry;
    if (value === null || typeof value !== 'object') continue;
    const index = seen.push({ parent: entry.parent, key: entry.key }) - 1;
    if (depth >= MAX_DEPTH) return { path: pathTo(seen, index), deep: true };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], parent: index, key: i, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { path: [...pathTo(seen, index), key], deep: false };
      stack.push({ value: (value as Record<string, unknown>)[key], parent: index, key, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The offset of the first bracket that opens a level deeper than MAX_DEPTH, skipping strings (and, in
 * YAML, quoted scalars and comments). In YAML a bracket inside a plain scalar counts too: harmless at
 * this depth.
 */
export function deepBrackets(text: string, format: 'json' | 'yaml'): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (format === 'yaml' && (i === 0 || text.charCodeAt(i - 1) === 10)) {
      // "- - - - x": block sequences nested on one line, one level per dash.
      let j = i;
      let dashes = 0;
      while (text.charCodeAt(j) === 32) j++;
      while (text.charCodeAt(j) === 45 /* - */ && text.charCodeAt(j + 1) === 32) {
        if (++dashes > MAX_DEPTH) return i;
        for (j += 2; text.charCodeAt(j) === 32; j++);
      }
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth > 0) depth--;
    } else if (c === 34 /* " */) {
      if (format === 'json' || startsToken(text, i)) i = closingQuote(text, i, 34);
    } else if (format === 'yaml') {
      if (c === 39 /* ' */ && startsToken(text, i)) i = closingQuote(text, i, 39);
      else if (c === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) <= 32)) {
        const end = text.indexOf('\n', i);
        i = end === -1 ? text.length : end;
      }
    }
  }
  return undefined;
}

/** A YAML quoted scalar starts a token: after a space, a line start or a flow indicator. */
function startsToken(text: string, i: number): boolean {
  const before = i === 0 ? 32 : text.charCodeAt(i - 1);
  return (
    before <= 32 || before === 91 || before === 123 || before === 44 /* , */ || before === 58 /* : */ || before === 45
  ); /* - */
}

/** The offset of the quote that closes the string opened at `start` (backslash escapes in "…"; '' in '…'). */
function closingQuote(text: string, start: number, quote: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92 /* \ */) i++;
    else if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return text.length;
}

function pathTo(seen: Array<{ parent: number; key: PropertyKey }>, index: number): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let i = index; i > 0; i = seen[i]!.parent) path.unshift(seen[i]!.key);
  return path;
}

/**
 * The first key that appears twice in one JSON object, with its offset. YAML refuses duplicate keys;
 * JSON.parse keeps the last silently, so the same mistake would pass in one format and not the other.
 * Runs on text that JSON.parse accepted, so a small scanner suffices.
 */
export function duplicateJsonKey(text: string, parsed?: unknown): { key: string; offset: number } | undefined {
  // Every key in JSON text is followed by exactly one ":" outside strings. If the text holds no more
  // colons than the parsed data holds keys, no key was lost to a duplicate: skip the scan.
  if (parsed !== undefined && countChar(text, ':') === countKeys(parsed)) return undefined;
  const objects: Array<Set<string> | null> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) objects.push(new Set());
    else if (c === 91 /* [ */) objects.push(null);
    else if (c === 125 /* } */ || c === 93 /* ] */) objects.pop();
    else if (c === 34 /* " */) {
      const start = i;
      let escaped = false;
      let end = i + 1;
      for (; text.charCodeAt(end) !== 34; end++) {
        if (text.charCodeAt(end) === 92 /* \ */) {
          escaped = true;
          end++;
        }
      }
      i = end;
      const keys = objects[objects.length - 1];
      if (!keys) continue;
      let next = end + 1;
      while (next < text.length && text.charCodeAt(next) <= 32) next++;
      if (text.charCodeAt(next) !== 58 /* : */) continue;
      const key = escaped ? (JSON.parse(text.slice(start, end + 1)) as string) : text.slice(start + 1, end);
      if (keys.has(key)) return { key, offset: start };
      keys.add(key);
    }
  }
  return undefined;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** Keys of every object in parsed JSON (without recursion, like findForbiddenKey). */
function countKeys(data: unknown): number {
  let count = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    for (const key in value) {
      count++;
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return count;
}
