// The main job, end to end: lint the bundled examples with the CLI, print the review of the
// weak strategy memo, and build the .vsix. Run by `npm start` after `npm run build`.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'server/bin/strategy-lint.cjs');
// Each command is echoed as a user would type it (`npx strategy-lint …`, `npx vsce …`), not with this machine's paths.
const run = (title, shown, command, args) => {
  console.log(`\n━━ ${title}\n$ ${[shown, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
};

// Findings are the point here: exit code 1 (findings at or above --max-severity) is expected.
const lintStatus = run('Lint the example documents', 'npx strategy-lint', process.execPath, [cli, 'examples/']);
if (lintStatus === 2) process.exit(2);
if (run('Review the weak strategy memo', 'npx strategy-lint', process.execPath, [cli, 'review', 'examples/weak-strategy.md']) === 2) process.exit(2);
const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
process.exit(run('Build the extension', 'npx vsce', process.execPath, [vsce, 'package', '--no-dependencies', '--out', 'strategy-lint.vsix']));
