// Builds dist/: one bundled ESM CLI (lazy chunks for commands and renderers) and dist/kb.json, the
// shipped knowledge base validated and compiled, so a start-up never parses YAML or runs the KB schema.
import { build } from 'esbuild';
import { readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

// Some dependencies call require() for node built-ins; ESM bundles need a require to give them.
const REQUIRE_SHIM = "import { createRequire as __mqselectRequire } from 'node:module'; const require = __mqselectRequire(import.meta.url);";
const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// 1. Compile the KB with the project's own loader (bundled to a temporary module first).
const compiler = join(dist, '.kb-compiler.mjs');
await build({
  stdin: {
    contents: `export { assembleKnowledgeBase } from './src/kb/load.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: compiler,
  banner: { js: REQUIRE_SHIM },
  logLevel: 'error',
});
const { assembleKnowledgeBase } = await import(compiler);
rmSync(compiler);
const data = join(root, 'data');
const files = ['kb.yaml', 'rules.yaml', ...readdirSync(join(data, 'brokers')).filter((f) => f.endsWith('.yaml')).sort().map((f) => join('brokers', f))];
let assembled;
try {
  assembled = await assembleKnowledgeBase(files.map((f) => ({ file: join('data', f), text: readFileSync(join(data, f), 'utf8'), layer: 'shipped' })));
} catch (error) {
  console.error(`build: the shipped knowledge base is invalid: ${error.toUserLine?.() ?? error}`);
  process.exit(1);
}
const errors = assembled.findings.filter((f) => f.severity === 'error');
if (errors.length > 0) {
  for (const f of errors) console.error(`build: [${f.rule}] ${f.where}: ${f.message}`);
  process.exit(1);
}

// 2. Bundle the CLI.
await build({
  entryPoints: { mqselect: join(root, 'src/cli/main.ts') },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: `#!/usr/bin/env node\n${REQUIRE_SHIM}` },
  define: { __SHIPPED_KB_FILE__: JSON.stringify('kb.json') },
  legalComments: 'none',
  logLevel: 'error',
});
writeFileSync(join(dist, 'package.json'), '{ "type": "module" }\n');
// A JSON file beside the bundle: JSON.parse of it is far cheaper at start-up than compiling the same
// data as a JavaScript string literal.
writeFileSync(join(dist, 'kb.json'), JSON.stringify(assembled.kb));
