/**
 * `npm start` (scripts/demo.mjs) is the first thing a new user sees: it echoes each command as
 * the user would type it — `$ npx strategy-lint examples/` — never with this machine's paths.
 * Run with --no-package (the .vsix is built by the packaging test).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './helpers/paths.js';

test('npm start echoes npx strategy-lint commands, then their output', () => {
  const demo = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'demo.mjs'), '--no-package'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  assert.equal(demo.status, 0, demo.stderr);
  const echoed = demo.stdout.split('\n').filter((line) => line.startsWith('$ '));
  assert.deepEqual(echoed, ['$ npx strategy-lint examples/', '$ npx strategy-lint review examples/weak-strategy.md']);
  assert.ok(!demo.stdout.includes(repoRoot), 'no path of this machine');
  assert.match(demo.stdout, /^examples\/weak-strategy\.md \(strategy\)$/m);
});
