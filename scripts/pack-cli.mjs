// Builds the `strategy-lint` npm package and packs it: `npm run pack:cli` → strategy-lint-<version>.tgz.
//
//   node scripts/pack-cli.mjs [--out <folder>] [--install <project>]   (after tsc -b: the API's types come from server/dist)
//
// --install also installs the tarball into that project folder (created, with a package.json, if
// need be) the way a user would, offline: `npm install --offline ./strategy-lint-<version>.tgz`,
// with a cache of its own inside the project. The tests and the Neovim check use it.
//
// The package is staged in dist/npm/strategy-lint from packages/strategy-lint (package.json,
// README.md, bin/) plus what is built: the CLI, the language server and the API, each one esbuild
// bundle with every dependency inside (so the package has none, and installs offline), the API's
// declarations, the config schema, the rule pages and the LICENSE. `npm pack` honours the
// package's `files` allow-list. Prints the tarball's path.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const install = option('--install') && path.resolve(option('--install'));
const outDir = path.resolve(option('--out') ?? install ?? root);
const template = path.join(root, 'packages/strategy-lint');
const stage = path.join(root, 'dist/npm', `strategy-lint-${process.pid}`);

const declarations = path.join(root, 'server/dist/src/api/index.d.ts');
if (!fs.existsSync(declarations)) throw new Error(`${path.relative(root, declarations)} is missing: run tsc -b first (npm run pack:cli does)`);

fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(path.join(stage, 'out'), { recursive: true });
try {
  fs.cpSync(template, stage, { recursive: true });
  fs.copyFileSync(path.join(root, 'server/bin/strategy-lint.cjs'), path.join(stage, 'bin/strategy-lint.cjs'));
  fs.copyFileSync(declarations, path.join(stage, 'out/api.d.ts'));
  fs.cpSync(path.join(root, 'schemas'), path.join(stage, 'schemas'), { recursive: true });
  fs.cpSync(path.join(root, 'docs/rules'), path.join(stage, 'docs/rules'), { recursive: true });
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));

  // As scripts/bundle.mjs builds the CLI and the server for the extension: CommonJS for Node 20,
  // ESM-only dependencies given the bundle's own URL for import.meta.url; minified, no source maps.
  const bundles = { 'server/src/cli/bin.ts': 'out/cli.js', 'server/src/lsp/server.ts': 'out/server.js', 'server/src/api/index.ts': 'out/api.js' };
  await Promise.all(Object.entries(bundles).map(([entry, outfile]) => esbuild.build({
    entryPoints: [path.join(root, entry)], outfile: path.join(stage, outfile),
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, legalComments: 'none', logLevel: 'warning',
    define: { 'import.meta.url': '__bundle_import_meta_url' },
    banner: { js: "const __bundle_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  })));

  fs.mkdirSync(outDir, { recursive: true });
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  const tarball = path.join(outDir, packed.filename);
  if (install) {
    fs.mkdirSync(install, { recursive: true });
    if (!fs.existsSync(path.join(install, 'package.json'))) fs.writeFileSync(path.join(install, 'package.json'), '{ "private": true }\n');
    const local = path.join(install, packed.filename);
    if (local !== tarball) fs.copyFileSync(tarball, local);
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${packed.filename}`], {
      cwd: install,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, npm_config_cache: path.join(install, '.npm-cache'), npm_config_update_notifier: 'false' },
    });
  }
  console.log(tarball);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
