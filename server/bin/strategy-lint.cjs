#!/usr/bin/env node
// The bundled CLI (built by `npm run build`: esbuild → server/out/cli.js), started for speed:
//
// - Regular expressions are compiled to machine code on first use. By default V8 first runs a
//   new regex in its bytecode interpreter, which is slow on the rules' long word-list
//   alternations; a one-shot CLI never gets the benefit of waiting.
// - The bundle is compiled from a V8 code cache kept beside it (server/out/cli.js.cache, written
//   after a run without one, only where the bundle's own directory is writable; V8 rejects a
//   cache made for another bundle or Node version, and a fresh one is written).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

require('node:v8').setFlagsFromString('--no-regexp-tier-up');

const file = path.join(__dirname, '..', 'out', 'cli.js');
const cacheFile = `${file}.cache`;

function runWithCodeCache() {
  const vm = require('node:vm');
  const Module = require('node:module');
  const source = fs.readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // After the run, so the functions it compiled are in the cache too.
    process.once('exit', () => {
      try {
        const temporary = `${cacheFile}.${process.pid}`;
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, cacheFile);
      } catch {
        // Read-only install: run without a cache.
      }
    });
  }
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(bundle.exports, bundle.exports, (id) => bundle.require(id), bundle, file, path.dirname(file));
}

if (process.env.STRATEGY_LINT_NO_CODE_CACHE) require(file);
else runWithCodeCache();
