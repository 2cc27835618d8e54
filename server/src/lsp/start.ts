/**
 * How the language server starts on the desktop (bundled to server/out/server.js, the module the
 * VS Code client forks): a small loader in front of the server itself (server.ts, bundled to
 * server/out/server-main.js), for the first diagnostics to come fast on a fresh process.
 *
 * - Regular expressions are compiled to machine code on first use: by default V8 first runs a new
 *   regex in its bytecode interpreter, which is slow on the rules' long word-list alternations,
 *   and the first lint runs every one of them.
 * - The bundle is compiled from a V8 code cache kept beside it (server-main.js.cache), as the CLI
 *   does (server/bin/strategy-lint.cjs): without one, V8 parses the 2 MB bundle and compiles each
 *   function the first lint calls. The cache is written once the first lint has run (so it holds
 *   the functions that lint compiled), only where the bundle's directory is writable; V8 rejects a
 *   cache made for another bundle or Node version, and a fresh one is written then.
 *
 * STRATEGY_LINT_NO_CODE_CACHE=1 loads the bundle with a plain require().
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Called by the server once its first lint has published (see server.ts). */
export const CODE_CACHE_HOOK = Symbol.for('strategy-lint.writeCodeCache');

v8.setFlagsFromString('--no-regexp-tier-up');

const file = path.join(__dirname, 'server-main.js');
const cacheFile = `${file}.cache`;

function runWithCodeCache(): void {
  const source = fs.readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    let written = false;
    (globalThis as Record<symbol, unknown>)[CODE_CACHE_HOOK] = () => {
      if (written) return;
      written = true;
      try {
        const temporary = `${cacheFile}.${process.pid}`;
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, cacheFile);
      } catch {
        // A read-only install: start without a cache.
      }
    };
  }
  const ModuleClass = Module as unknown as {
    new (id: string, parent?: unknown): NodeJS.Module;
    _nodeModulePaths(from: string): string[];
  };
  const bundle = new ModuleClass(file, module);
  bundle.filename = file;
  bundle.paths = ModuleClass._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (exports: unknown, require: (id: string) => unknown, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(bundle.exports, bundle.exports, (id: string) => bundle.require(id), bundle, file, path.dirname(file));
}

if (process.env.STRATEGY_LINT_NO_CODE_CACHE) require(file);
else runWithCodeCache();
