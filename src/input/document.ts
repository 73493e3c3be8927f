import { formatPath, inputError, type ErrorLocation } from '../errors.js';
import {
  MAX_ALIAS_COUNT,
  MAX_DEPTH,
  TOO_DEEP,
  deepBrackets,
  duplicateJsonKey,
  findRefusedKey,
  lineColumn,
} from './guards.js';

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

export function locationOf(
  parsed: ParsedDocument,
  file: string,
  path: ReadonlyArray<PropertyKey>,
  atKey = false,
): ErrorLocation {
  return { file, path: formatPath(path), ...parsed.locate(path, atKey) };
}
