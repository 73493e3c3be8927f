#!/usr/bin/env node
'use strict';
// The mqselect executable. It runs dist/cli.js (one CommonJS bundle: loads synchronously, no chunk
// round trips) from V8's code cache, dist/cli.js.cache, written by the build on this machine: a start
// then skips parsing and compiling most of the bundle. Node 20 has no module compile cache, hence
// vm.Script. A cache from another Node version is rejected by V8 and the bundle compiles as usual.
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const Module = require('node:module');

const file = join(__dirname, 'cli.js');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const cliModule = { exports: {} };
script.runInThisContext().call(cliModule.exports, cliModule.exports, Module.createRequire(file), cliModule, file, __dirname);

// The build runs a few commands with this set, each adding the functions it compiled to the cache.
if (process.env.MQSELECT_TRAIN_CODE_CACHE === '1') {
  process.on('exit', () => {
    writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
    renameSync(`${cacheFile}.tmp`, cacheFile);
  });
}
