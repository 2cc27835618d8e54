// The main job, end to end: lint the bundled examples with the CLI, print the review of the
// weak strategy memo, and build the .vsix. Run by `npm start` after `npm run build`.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'server/bin/strategy-lint.cjs');
// Each command is echoed as a user would type it (`npx strategy-lint …`, `npx vsce …`), not with
// this machine's paths: `script` is the Node script that `shown` stands for.
const run = (title, shown, script, args) => {
  console.log(`\n━━ ${title}\n$ ${[shown, ...args].join(' ')}\n`);
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
};

// Findings are the point here: exit code 1 (findings at or above --max-severity) is expected.
const lintStatus = run('Lint the example documents', 'npx strategy-lint', cli, ['examples/']);
if (lintStatus === 2) process.exit(2);
if (run('Review the weak strategy memo', 'npx strategy-lint', cli, ['review', 'examples/weak-strategy.md']) === 2) process.exit(2);
// `npm start -- --no-package`: the lint and the review only.
if (process.argv.includes('--no-package')) process.exit(0);
const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
process.exit(run('Build the extension', 'npx vsce', vsce, ['package', '--no-dependencies', '--out', 'strategy-lint.vsix']));
