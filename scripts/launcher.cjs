#!/usr/bin/env node
'use strict';
// The mqselect executable. It runs dist/cli.js (one CommonJS bundle: loads synchronously, no chunk
// round trips) and the vendor bundles it asks for (dist/vendor/*.js) from V8's code cache (FILE.cache),
// written by the build on this machine: a start then skips parsing and compiling most of the code.
// Node 20 has no module compile cache, hence vm.Script.
//
// V8 checks a cache only against the source's length and its own version, and may crash on a damaged
// one; so each cache starts with the SHA-256 of the source it was made from and of its own payload, and
// is used only when both match. Otherwise (or from another Node version, which V8 rejects) the code
// compiles as usual: a cache can cost speed, never correctness.
const { createHash } = require('node:crypto');
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const Module = require('node:module');

const HASH_BYTES = 32;
const sha256 = (bytes) => createHash('sha256').update(bytes).digest();
const loaded = new Map();

/** The cache's payload when it was made from exactly this source and is intact; else undefined. */
function cacheFor(file, source) {
  let cache;
  try {
    cache = readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
  if (cache.length <= 2 * HASH_BYTES) return undefined;
  const payload = cache.subarray(2 * HASH_BYTES);
  const fromSource = cache.subarray(0, HASH_BYTES).equals(sha256(source));
  const intact = cache.subarray(HASH_BYTES, 2 * HASH_BYTES).equals(sha256(payload));
  return fromSource && intact ? payload : undefined;
}

/** Runs a CommonJS bundle (from its code cache when valid); bundles ask for vendor bundles through here. */
function load(file) {
  const known = loaded.get(file);
  if (known) return known.module.exports;
  const source = readFileSync(file);
  const script = new Script(Module.wrap(source.toString('utf8')), { filename: file, cachedData: cacheFor(file, source) });
  const module = { exports: {} };
  // Registered before it runs, so a require cycle sees the partial exports (as Node's loader does).
  loaded.set(file, { script, source, module });
  const nodeRequire = Module.createRequire(file);
  const require = (id) => (id.startsWith('./vendor/') ? load(join(__dirname, id)) : nodeRequire(id));
  try {
    script.runInThisContext().call(module.exports, module.exports, require, module, file, dirname(file));
  } catch (error) {
    loaded.delete(file);
    throw error;
  }
  return module.exports;
}

// The build runs a few commands with this set, each adding the functions it compiled to the caches.
// A failed write costs only speed, never the run.
if (process.env.MQSELECT_TRAIN_CODE_CACHE === '1') {
  process.on('exit', () => {
    for (const [file, { script, source }] of loaded) {
      try {
        const payload = script.createCachedData();
        writeFileSync(`${file}.cache.tmp`, Buffer.concat([sha256(source), sha256(payload), payload]));
        renameSync(`${file}.cache.tmp`, `${file}.cache`);
      } catch (error) {
        process.stderr.write(`mqselect: could not write the code cache ${file}.cache (${error.code ?? error.message})\n`);
      }
    }
  });
}

load(join(__dirname, 'cli.js'));
