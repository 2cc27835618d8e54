#!/usr/bin/env node
/**
 * Adds one real document to the evaluation cache, byte for byte from a git directory (a fetched
 * snapshot), and prints the manifest entry to fill in (type, labels). The text itself stays in the
 * ignored cache: it is other people's writing, so only its repository, path, commit and hash are
 * committed.
 *
 *   node scripts/eval/add-document.mjs --git-dir <dir> --repo owner/name --path docs/ROADMAP.md [--commit <sha>]
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { cachePathOf, describeBytes, splitOf, DEFAULT_CACHE } from './corpus.mjs';
import * as fs from 'node:fs';
import * as path from 'node:path';

const { values } = parseArgs({
  options: {
    'git-dir': { type: 'string' }, repo: { type: 'string' }, path: { type: 'string' }, commit: { type: 'string' },
    cache: { type: 'string' },
  },
});
const gitDir = values['git-dir'];
const repo = values.repo;
const file = values.path;
if (!gitDir || !repo || !file) {
  console.error('usage: add-document.mjs --git-dir <dir> --repo owner/name --path <path in repo> [--commit <sha>] [--cache <dir>]');
  process.exit(2);
}
const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 64 << 20 });
const commit = values.commit ?? git('rev-parse', 'HEAD').toString().trim();
const bytes = git('show', `${commit}:${file}`);
// The date the file last changed at that commit: what "today" was for its writers.
const date = git('log', '-1', '--format=%cs', commit, '--', file).toString().trim();
const target = cachePathOf(values.cache ?? DEFAULT_CACHE, repo, commit, file);
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, bytes);
const entry = {
  id: `${repo}:${file}`,
  repo, path: file, commit, date,
  ...describeBytes(bytes),
  split: splitOf(repo, file),
  type: null, good: null, why: '',
  expect: [], lines: [],
};
process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
