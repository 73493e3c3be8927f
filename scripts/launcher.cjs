#!/usr/bin/env node
'use strict';
// The mqselect executable. It runs dist/cli.js (one CommonJS bundle: loads synchronously, no chunk
// round trips) and the vendor bundles it asks for (dist/vendor/*.js) from V8's code cache (FILE.cache),
// written by the build on this machine: a start then skips parsing and compiling most of the code.
// Node 20 has no module compile cache, hence vm.Script. A cache from another Node version is rejected
// by V8 and the code compiles as usual.
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const Module = require('node:module');

const training = process.env.MQSELECT_TRAIN_CODE_CACHE === '1';
const loaded = new Map();

/** Runs a CommonJS bundle from its code cache; bundles ask for vendor bundles through the same path. */
function load(file) {
  if (loaded.has(file)) return loaded.get(file).exports;
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {} };
  loaded.set(file, { script, module, get exports() { return module.exports; } });
  const nodeRequire = Module.createRequire(file);
  const require = (id) => (id.startsWith('./vendor/') ? load(join(__dirname, id)) : nodeRequire(id));
  script.runInThisContext().call(module.exports, module.exports, require, module, file, __dirname);
  return module.exports;
}

// The build runs a few commands with this set, each adding the functions it compiled to the caches.
// (The cache and the bundle are always written by the same build: V8 checks a cache against the source's
// length, not its content.) A failed write costs only speed, never the run.
if (training) {
  process.on('exit', () => {
    for (const [file, { script }] of loaded) {
      try {
        writeFileSync(`${file}.cache.tmp`, script.createCachedData());
        renameSync(`${file}.cache.tmp`, `${file}.cache`);
      } catch (error) {
        process.stderr.write(`mqselect: could not write the code cache ${file}.cache (${error.code ?? error.message})\n`);
      }
    }
  });
}

load(join(__dirname, 'cli.js'));
