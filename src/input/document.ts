import { formatPath, inputError, type ErrorLocation } from '../errors.js';

/**
 * Turns the text of a user file (JSON or YAML, decided by content) into plain data, refusing the
 * inputs that are attacks or accidents rather than documents: empty text, alias bombs, prototype keys.
 * `locate` maps a field path back to line:column so schema errors can point into the file.
 */
export interface ParsedDocument {
  data: unknown;
  format: 'json' | 'yaml';
  /** `atKey`: point at the key of the last segment (unknown keys) rather than its value. */
  locate(path: ReadonlyArray<PropertyKey>, atKey?: boolean): { line: number; column: number } | undefined;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Far above anything a real requirements or KB file contains, far below what exhausts memory. */
const MAX_ALIAS_COUNT = 50;
/** Requirements nest 3 levels, knowledge-base files about 8: deeper is an accident or an attack, refused before parsing. */
const MAX_DEPTH = 64;
export const TOO_DEEP =
  `nested more than ${MAX_DEPTH} levels deep (no requirements or knowledge-base document ` + `nests like this)`;

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

export async function parseDocumentText(text: string, file: string): Promise<ParsedDocument> {
  if (text.trim() === '') throw inputError('the file is empty (expected a JSON or YAML document)', { file });
  const json = looksLikeJson(text);
  // Brackets are counted on the text first: a deep document is refused at once, before any parser recurses.
  const deep = deepBrackets(text, json ? 'json' : 'yaml');
  if (deep !== undefined) throw inputError(TOO_DEEP, { file, ...lineColumn(text, deep) });
  const parsed = json ? await parseJson(text, file) : await parseYaml(text, file);
  const refused = findRefusedKey(parsed.data);
  if (refused) {
    await loadPositionFinder();
    if (refused.deep) throw inputError(TOO_DEEP, { file, ...parsed.locate(refused.path.slice(0, MAX_DEPTH + 1)) });
    const key = String(refused.path[refused.path.length - 1]);
    throw inputError(`the key "${key}" is not allowed`, locationOf(parsed, file, refused.path, true));
  }
  return parsed;
}

async function parseJson(text: string, file: string): Promise<ParsedDocument> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const { line, column } = lineColumn(text, offset);
    throw inputError(
      `malformed JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}`,
      {
        file,
        line,
        column,
      },
    );
  }
  const duplicate = duplicateJsonKey(text, data);
  if (duplicate)
    throw inputError(`duplicate key "${duplicate.key}" (JSON.parse would silently keep the last one)`, {
      file,
      ...lineColumn(text, duplicate.offset),
    });
  // JSON is YAML 1.2 flow syntax, so the YAML parser can find node positions for error messages; it
  // is loaded only when there is an error to place (see loadPositionFinder).
  return { data, format: 'json', locate: (path, atKey) => yamlLocate(text, path, atKey) };
}

let yamlModule: typeof import('yaml') | undefined;
export async function loadYaml(): Promise<typeof import('yaml')> {
  if (!yamlModule) {
    // yaml is CommonJS under Node: a bundled dynamic import exposes it as the default export.
    const loaded = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
    yamlModule = loaded.default ?? loaded;
  }
  return yamlModule;
}

/** Call before `locate` on a JSON document: positions come from the YAML parser, loaded lazily. */
export async function loadPositionFinder(): Promise<void> {
  await loadYaml();
}

function yamlLocate(
  text: string,
  path: ReadonlyArray<PropertyKey>,
  atKey = false,
): { line: number; column: number } | undefined {
  if (!yamlModule) return undefined;
  const doc = yamlModule.parseDocument(text, { keepSourceTokens: false });
  let node: unknown = doc.contents;
  let found: unknown = node;
  for (const [index, key] of path.entries()) {
    if (yamlModule.isMap(node)) {
      const pair = node.items.find((item) => yamlModule!.isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      found = pair.key;
      node = pair.value;
      if (node && !(atKey && index === path.length - 1)) found = node;
    } else if (yamlModule.isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (!node) break;
      found = node;
    } else break;
  }
  const range = (found as { range?: [number, number, number] } | null)?.range;
  return range ? lineColumn(text, range[0]) : undefined;
}

async function parseYaml(text: string, file: string): Promise<ParsedDocument> {
  const YAML = await loadYaml();
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true, merge: false });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const position = problem.linePos?.[0];
    const message = problem.message.includes('multiple documents')
      ? 'the file holds several YAML documents (separated by ---); mqselect reads exactly one'
      : problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // Block nesting the bracket count cannot see can still exhaust the parser's stack: the same refusal.
    const tooDeep = message.includes('Maximum call stack size exceeded');
    throw inputError(tooDeep ? TOO_DEEP : `malformed YAML: ${message}`, {
      file,
      ...(position ? { line: position.line, column: position.col } : {}),
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof RangeError) throw inputError(TOO_DEEP, { file });
    throw inputError(`refused YAML: ${(error as Error).message} (more than ${MAX_ALIAS_COUNT} alias expansions)`, {
      file,
    });
  }
  return { data, format: 'yaml', locate: (path, atKey) => yamlLocate(text, path, atKey) };
}

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
function deepBrackets(text: string, format: 'json' | 'yaml'): number | undefined {
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

function lineColumn(text: string, offset: number): { line: number; column: number } {
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

export function locationOf(
  parsed: ParsedDocument,
  file: string,
  path: ReadonlyArray<PropertyKey>,
  atKey = false,
): ErrorLocation {
  return { file, path: formatPath(path), ...parsed.locate(path, atKey) };
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
