/** Generated files (rule docs, README rule table, config schema, settings, snippets) must not drift. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './helpers/paths.js';
import { VERSION } from '../src/version.js';

test('rule docs, README table, config schema and settings are up to date', () => {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/generate.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test('the README lists every rule in its rule table, linked to its docs page', async () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const table = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1] ?? '';
  const { allRules } = await import('../src/engine/index.js');
  const rows = table.split('\n').filter((line) => line.startsWith('| [`'));
  assert.equal(rows.length, allRules.length, `the README table has ${rows.length} rule rows`);
  for (const rule of allRules) assert.ok(table.includes(`[\`${rule.meta.id}\`](docs/rules/${rule.meta.id}.md)`), rule.meta.id);
});

test('the version in code matches package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  assert.equal(VERSION, pkg.version);
});

test('no absolute paths of this machine in tracked files', () => {
  // The folder holding the checkout and the home folder are what a leaked path would start with.
  const machinePaths = [`${path.dirname(repoRoot)}/`, `${os.homedir()}/`];
  const result = spawnSync('git', ['grep', '-n', '-I', '-F', ...machinePaths.flatMap((p) => ['-e', p]), '--', '.', ':!package-lock.json'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(result.stdout, '', result.stdout);
});
