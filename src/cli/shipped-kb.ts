import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Case } from '../cases/schema.js';
import { inputError } from '../errors.js';
import type { AssembledKb } from '../kb/load.js';
import type { KnowledgeBase } from '../kb/schema.js';
import { LIMITS, packageRoot, readInput, sha256, shippedKbFiles } from './io.js';

/**
 * The shipped KB is validated and compiled at build time into dist/kb.json (scripts/build.mjs defines
 * __SHIPPED_KB_FILE__), so a start-up costs one JSON.parse instead of YAML parsing and schema checks.
 * Running from source (tests, development) assembles it from data/ instead.
 */
declare const __SHIPPED_KB_FILE__: string | undefined;
declare const __SHIPPED_CASES_FILE__: string | undefined;

export async function shippedKnowledgeBase(): Promise<KnowledgeBase> {
  if (typeof __SHIPPED_KB_FILE__ === 'string') {
    return JSON.parse(readFileSync(new URL(__SHIPPED_KB_FILE__, import.meta.url), 'utf8')) as KnowledgeBase;
  }
  return (await assembleShippedFromDisk()).kb;
}

/** Reads data/ as it is on disk now: what `kb validate` checks after someone edits it. */
export async function assembleShippedFromDisk(): Promise<AssembledKb> {
  const files = await shippedKbFiles();
  const sources = files.map((file) => ({ file, text: readFileSync(file, 'utf8'), layer: 'shipped' as const }));
  // The KB schema (full zod) is loaded only when KB files are actually read.
  const { assembleKnowledgeBase } = await import('../kb/load.js');
  return assembleKnowledgeBase(sources);
}

/** Shipped KB plus --kb files; integrity errors in the result are input errors for `recommend`. */
export async function knowledgeBaseWith(extraFiles: string[]): Promise<AssembledKb> {
  const base = await shippedKnowledgeBase();
  if (extraFiles.length === 0) return { kb: base, findings: [] };
  const sources = await Promise.all(
    extraFiles.map(async (path) => {
      const { file, text } = await readInput(path, LIMITS.kbFileBytes);
      return { file, text, layer: 'user' as const, sha256: await sha256(text) };
    }),
  );
  const { assembleKnowledgeBase } = await import('../kb/load.js');
  return assembleKnowledgeBase(sources, base);
}

/** A user KB layer that breaks integrity is invalid input for recommend (kb validate lists every finding). */
export function failOnIntegrityErrors(assembled: AssembledKb, files: string[]): void {
  const errors = assembled.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const first = errors[0]!;
  throw inputError(
    `knowledge base integrity: [${first.rule}] ${first.where}: ${first.message}` +
      `${errors.length > 1 ? ` (and ${errors.length - 1} more; run mqselect kb validate)` : ''}`,
    { file: files.join(', ') },
  );
}

/**
 * The case library: a folder of case files, or the shipped one (compiled into dist/cases.json at build
 * time, read from data/cases when running from source).
 */
export async function caseLibrary(dir?: string): Promise<Case[]> {
  if (dir === undefined && typeof __SHIPPED_CASES_FILE__ === 'string') {
    return JSON.parse(readFileSync(new URL(__SHIPPED_CASES_FILE__, import.meta.url), 'utf8')) as Case[];
  }
  const folder = dir ?? join(packageRoot(), 'data', 'cases');
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort();
  } catch {
    throw inputError('cannot read the case folder', { file: folder });
  }
  if (names.length === 0) throw inputError('no case files (*.yaml, *.json) in the folder', { file: folder });
  const { parseCaseText, checkUniqueCases } = await import('../cases/load.js');
  const parsed = [];
  for (const name of names) {
    const { file, text } = await readInput(join(folder, name), LIMITS.kbFileBytes);
    parsed.push({ file, case: await parseCaseText(text, file) });
  }
  return checkUniqueCases(parsed);
}
