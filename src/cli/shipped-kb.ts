import { readFileSync } from 'node:fs';
import type { AssembledKb } from '../kb/load.js';
import type { KnowledgeBase } from '../kb/schema.js';
import { LIMITS, readInput, sha256, shippedKbFiles } from './io.js';

/**
 * The shipped KB is validated and compiled at build time into dist/kb.json (scripts/build.mjs defines
 * __SHIPPED_KB_FILE__), so a start-up costs one JSON.parse instead of YAML parsing and schema checks.
 * Running from source (tests, development) assembles it from data/ instead.
 */
declare const __SHIPPED_KB_FILE__: string | undefined;

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
