// Bundles with esbuild: the language server and the CLI fully bundled (the ESM-only unified
// packages included) as CommonJS for Node, and the client with `vscode` left external.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import * as fs from 'node:fs';

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
  { entryPoints: [path.join(root, 'server/src/lsp/server.ts')], outfile: path.join(root, 'server/out/server.js') },
  { entryPoints: [path.join(root, 'client/src/extension.ts')], outfile: path.join(root, 'client/out/extension.js'), external: ['vscode'] },
].filter((entry) => fs.existsSync(entry.entryPoints[0]));

await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
// The CLI's V8 code cache belongs to the previous bundle (V8 would reject it anyway).
fs.rmSync(path.join(root, 'server/out/cli.js.cache'), { force: true });

// server/package.json says "type": "module", which would make Node load the CommonJS bundles in
// server/out as ES modules; this marker makes server/out CommonJS again (and ships in the .vsix).
fs.writeFileSync(path.join(root, 'server/out/package.json'), '{ "type": "commonjs" }\n');
