// Bundles with esbuild: the language server and the CLI fully bundled (the ESM-only unified
// packages included) as CommonJS for Node, and the client with `vscode` left external. The browser
// build (package.json `browser`, for vscode.dev, github.dev and web-worker extension hosts) is the
// client and the server again for the `webworker` platform: it fails if a Node built-in is left in.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // ESM-only dependencies read import.meta.url, which is empty in a CommonJS bundle:
  // give them this file's own URL instead.
  define: { 'import.meta.url': '__bundle_import_meta_url' },
  banner: { js: "const __bundle_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
};

const entries = [
  // The CLI is minified in every build: a command-line run pays for parsing the bundle each time
  // it starts (server/bin/strategy-lint.cjs also keeps a V8 code cache beside it).
  { entryPoints: [path.join(root, 'server/src/cli/bin.ts')], outfile: path.join(root, 'server/out/cli.js'), minify: true },
  // The language server: server.js is the module the client forks, a loader (regex flags, V8 code
  // cache: server/src/lsp/start.ts) of the server itself, server-main.js.
  { entryPoints: [path.join(root, 'server/src/lsp/server.ts')], outfile: path.join(root, 'server/out/server-main.js') },
  { entryPoints: [path.join(root, 'server/src/lsp/start.ts')], outfile: path.join(root, 'server/out/server.js') },
  { entryPoints: [path.join(root, 'client/src/extension.ts')], outfile: path.join(root, 'client/out/extension.js'), external: ['vscode'] },
].filter((entry) => fs.existsSync(entry.entryPoints[0]));

/**
 * The browser build has no Node: `node:path` becomes POSIX paths (server/src/lsp/browser/path.ts),
 * config/node-file-access.ts (the disk, the default of config loading) becomes
 * server/src/lsp/browser/no-disk.ts, and any other Node built-in is left out when nothing uses it
 * (the engine's packages guard some with `typeof process`) — and fails the build when something does.
 */
const browserPaths = path.join(root, 'server/src/lsp/browser/path.ts');
const noDisk = path.join(root, 'server/src/lsp/browser/no-disk.ts');
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
function webworkerPlugin(importers) {
  return {
    name: 'webworker-without-node',
    setup(build) {
      build.onResolve({ filter: /^(node:)?path$/ }, () => ({ path: browserPaths }));
      build.onResolve({ filter: /\/node-file-access\.js$/ }, () => ({ path: noDisk }));
      build.onResolve({ filter: /^[a-z:_/]+$/ }, (args) => {
        if (!builtins.has(args.path)) return undefined;
        importers.set(args.path, [...(importers.get(args.path) ?? []), path.relative(root, args.importer)]);
        return { path: args.path, external: true, sideEffects: false };
      });
    },
  };
}

async function buildForWebWorker(entry) {
  const importers = new Map();
  const result = await esbuild.build({
    bundle: true,
    platform: 'browser',
    // A web worker, not a page: packages with a "worker" export (decode-named-character-reference)
    // get that one rather than their "browser" one, which reaches for `document`.
    conditions: ['worker'],
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    metafile: true,
    plugins: [webworkerPlugin(importers)],
    ...entry,
  });
  const left = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((imported) => builtins.has(imported.path)));
  if (left.length > 0) {
    const names = [...new Set(left.map((imported) => imported.path))];
    throw new Error(`${path.relative(root, entry.outfile)} would import Node built-ins, which a web worker does not have: ${names.map((name) => `${name} (from ${importers.get(name)?.join(', ')})`).join('; ')}`);
  }
}

const browserEntries = [
  // The server runs in a web worker of its own; the client in the web-worker extension host, which
  // loads it as CommonJS with `vscode` provided.
  { entryPoints: [path.join(root, 'server/src/lsp/browser/server.ts')], outfile: path.join(root, 'server/out/browser-server.js'), format: 'iife' },
  { entryPoints: [path.join(root, 'client/src/browser-extension.ts')], outfile: path.join(root, 'client/out/browser-extension.js'), format: 'cjs', external: ['vscode'] },
].filter((entry) => fs.existsSync(entry.entryPoints[0]));

await Promise.all([
  ...entries.map((entry) => esbuild.build({ ...common, ...entry })),
  ...browserEntries.map(buildForWebWorker),
]);
// The V8 code caches belong to the previous bundles (V8 would reject them anyway).
fs.rmSync(path.join(root, 'server/out/cli.js.cache'), { force: true });
fs.rmSync(path.join(root, 'server/out/server-main.js.cache'), { force: true });

// server/package.json says "type": "module", which would make Node load the CommonJS bundles in
// server/out as ES modules; this marker makes server/out CommonJS again (and ships in the .vsix).
fs.writeFileSync(path.join(root, 'server/out/package.json'), '{ "type": "commonjs" }\n');
