import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Where an ADR's extra knowledge-base files are recorded from and looked up again: the repository root
 * (the nearest folder above the ADR holding .git), or the ADR's own folder outside a repository. So
 * `adr check` finds them from any working directory, as they were when `adr new` wrote the record.
 */
function repositoryRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The base of an ADR folder: --root, else its repository root, else the folder itself. */
export function recordBase(adrDir: string, root?: string): string {
  return root !== undefined ? resolve(root) : (repositoryRoot(adrDir) ?? resolve(adrDir));
}

/** A KB file as recorded in the block: relative to the base with "/" (portable), or absolute when outside it. */
export function recordedPath(file: string, base: string): string {
  const rel = relative(base, resolve(file));
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(file) : rel.split(sep).join('/');
}

/** Where to look for a recorded KB file, in order: the base, then the ADR's folder (older records). */
export function candidatePaths(recorded: string, base: string, adrDir: string): string[] {
  if (isAbsolute(recorded)) return [recorded];
  return [...new Set([join(base, recorded), join(resolve(adrDir), recorded)])];
}
