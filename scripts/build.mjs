// Builds dist/: the CLI as one CommonJS bundle, the heavy libraries as bundles of their own (loaded on first
// use), dist/kb.json, the shipped knowledge base validated and compiled, so a start-up never parses YAML or
// runs the KB schema, and the executable dist/mqselect.js.
import { build } from 'esbuild';
import { chmodSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

// Some dependencies call require() for node built-ins; ESM bundles need a require to give them.
const REQUIRE_SHIM =
  "import { createRequire as __mqselectRequire } from 'node:module'; const require = " +
  '__mqselectRequire(import.meta.url);';
const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// 1. Compile the KB with the project's own loader (bundled to a temporary module first).
const compiler = join(dist, '.kb-compiler.mjs');
await build({
  stdin: {
    contents:
      `export { assembleKnowledgeBase } from './src/kb/load.ts'; export { shippedKbFileNames } from ` +
      `'./src/kb/shipped-files.ts'; export { parseCaseText, checkUniqueCases } from './src/cases/load.ts';`,
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
const { assembleKnowledgeBase, shippedKbFileNames, parseCaseText, checkUniqueCases } = await import(compiler);
rmSync(compiler);
const data = join(root, 'data');
const files = shippedKbFileNames(readdirSync(join(data, 'brokers')));
let assembled;
try {
  assembled = await assembleKnowledgeBase(
    files.map((f) => ({ file: join('data', f), text: readFileSync(join(data, f), 'utf8'), layer: 'shipped' })),
  );
} catch (error) {
  console.error(`build: the shipped knowledge base is invalid: ${error.toUserLine?.() ?? error}`);
  process.exit(1);
}
const caseFiles = readdirSync(join(data, 'cases'))
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();
let cases;
try {
  const parsed = [];
  for (const f of caseFiles)
    parsed.push({
      file: join('data', 'cases', f),
      case: await parseCaseText(readFileSync(join(data, 'cases', f), 'utf8'), join('data', 'cases', f)),
    });
  cases = checkUniqueCases(parsed);
} catch (error) {
  console.error(`build: the case library is invalid: ${error.toUserLine?.() ?? error}`);
  process.exit(1);
}
const errors = assembled.findings.filter((f) => f.severity === 'error');
if (errors.length > 0) {
  for (const f of errors) console.error(`build: [${f.rule}] ${f.where}: ${f.message}`);
  process.exit(1);
}

// 2. Bundle the CLI: one CommonJS file (loaded synchronously, without Node's ESM loader) and, apart, the
// heavy libraries that only some commands need — each loaded from dist/vendor/ when first used.
const VENDORS = { yaml: 'yaml', chalk: 'chalk', 'cli-table3': 'cli-table3', '@inquirer/prompts': 'inquirer' };
const vendorPlugin = {
  name: 'vendor',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(yaml|chalk|cli-table3|@inquirer\/prompts)$/ }, (args) => ({
      path: `./vendor/${VENDORS[args.path]}.js`,
      external: true,
    }));
  },
};
// commander requires child_process (and with it net, dgram and streams) at load, for executable
// subcommands, which mqselect has none of: it gets a stand-in that loads the real module on first use.
const lazyChildProcessPlugin = {
  name: 'lazy-child-process',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'commander')}`)
        ? { path: 'lazy-child-process', namespace: 'mqselect' }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /^lazy-child-process$/, namespace: 'mqselect' }, () => ({
      contents:
        "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};
// import() becomes require(): a vendor bundle then loads synchronously, without Node's ESM loader.
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'error',
  supported: { 'dynamic-import': false },
};
await build({
  ...common,
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(dist, 'cli.js'),
  plugins: [vendorPlugin, lazyChildProcessPlugin],
  // import.meta.url, as CommonJS has it: the bundle sits beside kb.json.
  banner: { js: "var __mqselectUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: {
    __SHIPPED_KB_FILE__: JSON.stringify('kb.json'),
    __SHIPPED_CASES_FILE__: JSON.stringify('cases.json'),
    __SHIPPED_KB_LABEL__: JSON.stringify(`${assembled.kb.version} (as of ${assembled.kb.asOf})`),
    'import.meta.url': '__mqselectUrl',
  },
});
for (const [name, file] of Object.entries(VENDORS)) {
  await build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root },
    outfile: join(dist, 'vendor', `${file}.js`),
  });
}
// dist/ is CommonJS; the package itself is ESM.
writeFileSync(join(dist, 'package.json'), '{ "type": "commonjs" }\n');
// A JSON file beside the bundle: JSON.parse of it is far cheaper at start-up than compiling the same
// data as a JavaScript string literal.
writeFileSync(join(dist, 'kb.json'), JSON.stringify(assembled.kb));
writeFileSync(join(dist, 'cases.json'), JSON.stringify(cases));
// The executable: Node >= 22.1 keeps compiled code on disk with module.enableCompileCache(); on Node 20 the
// call is absent and the CLI compiles as usual.
writeFileSync(
  join(dist, 'mqselect.js'),
  "#!/usr/bin/env node\n'use strict';\nrequire('node:module').enableCompileCache?.();\nrequire('./cli.js');\n",
);
chmodSync(join(dist, 'mqselect.js'), 0o755);
