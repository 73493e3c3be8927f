import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The dependency rules of DESIGN.md, checked on the import statements of src/. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(join(ROOT, 'src')).map((path) => ({
  path: relative(join(ROOT, 'src'), path),
  imports: [
    ...readFileSync(path, 'utf8').matchAll(
      /(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2]!),
}));

describe('architecture', () => {
  it('the engine imports no I/O, CLI, prompt or colour library, and nothing from cli/', () => {
    const forbidden = /^(node:|fs$|path$|commander|chalk|inquirer|@inquirer|cli-table3|yaml$)/;
    for (const file of files.filter((f) => f.path.startsWith('engine/'))) {
      for (const spec of file.imports) {
        expect(forbidden.test(spec), `${file.path} imports ${spec}`).toBe(false);
        expect(spec.includes('/cli/'), `${file.path} imports ${spec}`).toBe(false);
      }
    }
  });

  it('nothing outside cli/ imports cli/, commander, chalk or inquirer', () => {
    for (const file of files.filter((f) => !f.path.startsWith('cli/'))) {
      for (const spec of file.imports) {
        expect(/\/cli\/|^commander|^chalk|inquirer/.test(spec), `${file.path} imports ${spec}`).toBe(false);
      }
    }
  });

  it('the input pipeline imports no CLI, prompt, colour or table library, nor the engine', () => {
    const forbidden = /\/cli\/|\/engine\/|^commander|^chalk|inquirer|^cli-table3/;
    const input = files.filter((f) => f.path.startsWith('input/'));
    expect(input.map((f) => f.path).sort()).toEqual(['input/document.ts', 'input/guards.ts', 'input/schema-issues.ts']);
    for (const file of input) {
      for (const spec of file.imports) expect(forbidden.test(spec), `${file.path} imports ${spec}`).toBe(false);
    }
  });

  it('src/ root holds only errors.ts, the typed errors every layer shares', () => {
    expect(files.filter((f) => !f.path.includes('/')).map((f) => f.path)).toEqual(['errors.ts']);
  });

  it('the engine never reads the clock or randomness, so output is reproducible', () => {
    for (const file of files.filter((f) => f.path.startsWith('engine/'))) {
      const text = readFileSync(join(ROOT, 'src', file.path), 'utf8');
      expect(/Date\.now|new Date|Math\.random|process\./.test(text), file.path).toBe(false);
    }
  });

  it('no source file is longer than 250 lines: a longer one does several jobs and is split', () => {
    const long = files
      .map((f) => ({ path: f.path, lines: readFileSync(join(ROOT, 'src', f.path), 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > 250);
    expect(long).toEqual([]);
  });

  it('no source line outside render/html/ is longer than 120 characters: long strings are split with +', () => {
    const long = files
      .filter((f) => !f.path.startsWith('render/html/'))
      .flatMap((f) =>
        readFileSync(join(ROOT, 'src', f.path), 'utf8')
          .split('\n')
          .flatMap((line, i) => (line.length > 120 ? [`${f.path}:${i + 1}`] : [])),
      );
    expect(long).toEqual([]);
  });

  it('only cli/main.ts ends the process', () => {
    for (const file of files.filter((f) => f.path !== 'cli/main.ts')) {
      const text = readFileSync(join(ROOT, 'src', file.path), 'utf8');
      expect(/process\.exit\(/.test(text), file.path).toBe(false);
    }
  });
});
