/**
 * `--cache` and worker threads change how a folder is linted, never what is reported: a cached
 * run, a run on workers and a run on one thread print the same report, in the same order.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './helpers/paths.js';
import { WEAK_MEMO } from './helpers/documents.js';
import { tempTree } from './helpers/temp-tree.js';

const CLI = path.join(repoRoot, 'server', 'out', 'cli.js');

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, '--reference-date', '2026-11-21', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder of varied documents: the examples and fixture-like variants of a weak memo. */
function folder(): string {
  const files: Record<string, string> = {};
  const examples = path.join(repoRoot, 'examples');
  for (const name of fs.readdirSync(examples).filter((file) => file.endsWith('.md'))) files[`examples/${name}`] = fs.readFileSync(path.join(examples, name), 'utf8');
  for (let i = 0; i < 30; i++) files[`docs/${String(i).padStart(2, '0')}/memo.md`] = `${WEAK_MEMO}\n## Note ${i}\n\nWe will very likely ship ${i} things in Q${(i % 4) + 1} 2027.\n`;
  return tempTree('strategy-lint-cache-', files);
}

describe('strategy-lint --cache and worker threads', () => {
  test('workers and one thread report the same, in the same order', () => {
    const dir = folder();
    const one = cli(['--format', 'json', '.'], dir, { STRATEGY_LINT_WORKERS: '0' });
    const two = cli(['--format', 'json', '.'], dir, { STRATEGY_LINT_WORKERS: '2' });
    assert.equal(one.code, two.code);
    assert.ok(JSON.parse(one.stdout).length > 30);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
  });

  test('a cached run reports what an uncached one does, and an edited file is linted again', () => {
    const dir = folder();
    const cacheFile = path.join(dir, 'cache', 'lint-cache.json');
    const uncached = cli(['.'], dir, { STRATEGY_LINT_WORKERS: '0' });
    const first = cli(['--cache', '--cache-location', cacheFile, '.'], dir);
    assert.ok(fs.existsSync(cacheFile), 'the cache file is written');
    const second = cli(['--cache', '--cache-location', cacheFile, '.'], dir);
    assert.equal(first.stdout, uncached.stdout);
    assert.equal(second.stdout, uncached.stdout);
    assert.equal(second.code, uncached.code);

    const edited = path.join(dir, 'docs', '03', 'memo.md');
    fs.writeFileSync(edited, '# Widget\n\nWidget prints the weather for your city.\n');
    const afterEdit = cli(['--cache', '--cache-location', cacheFile, '.'], dir);
    assert.equal(afterEdit.stdout, cli(['.'], dir).stdout);

    // Another reference date is another configuration: nothing from the cache is reused for it.
    const otherDay = spawnSync(process.execPath, [CLI, '--reference-date', '2027-06-01', '--cache', '--cache-location', cacheFile, '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const otherDayUncached = spawnSync(process.execPath, [CLI, '--reference-date', '2027-06-01', '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(otherDay.stdout, otherDayUncached.stdout);
  });

  test('a cache file that is not one of ours is ignored and rewritten', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, '.strategy-lint-cache'), 'not json');
    const cached = cli(['--cache', 'docs'], dir);
    assert.equal(cached.stdout, cli(['docs'], dir).stdout);
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(path.join(dir, '.strategy-lint-cache'), 'utf8')));
  });
});
