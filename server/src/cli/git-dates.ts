/**
 * When git last changed each file, for trace/stale-after-strategy when a document has no
 * front-matter date: one `git log` per repository, newest commit first, reading each file's first
 * appearance. Null when git is not there or the files are in no repository — the rule then says
 * once that it skipped those documents.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { findRepositoryRoot } from '../config/load.js';

/** git log is given this long; a repository with a history too long for it is read as far as it got. */
const TIMEOUT_MS = 10_000;
const MAX_BUFFER = 64 * 1024 * 1024;

export function lastCommitDates(files: readonly string[]): Map<string, Date> | null {
  const byRepository = new Map<string, string[]>();
  for (const file of files) {
    const root = findRepositoryRoot(path.dirname(file));
    if (!root) continue;
    const list = byRepository.get(root) ?? [];
    list.push(file);
    byRepository.set(root, list);
  }
  if (byRepository.size === 0) return null;
  const dates = new Map<string, Date>();
  let ran = false;
  for (const [root, list] of byRepository) {
    const relative = new Map(list.map((file) => [path.relative(root, file).split(path.sep).join('/'), file]));
    const run = spawnSync('git', ['-C', root, 'log', '--format=%x00%cI', '--name-only', '--no-renames', '--', ...relative.keys()], {
      encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'ignore'],
    });
    if (run.error || (run.status !== 0 && !run.stdout)) continue;
    ran = true;
    let current: Date | null = null;
    for (const line of run.stdout.split('\n')) {
      if (line.startsWith('\u0000')) {
        const date = new Date(line.slice(1).trim());
        current = Number.isNaN(date.getTime()) ? null : date;
      } else if (current && line.trim()) {
        const file = relative.get(line.trim());
        if (file && !dates.has(file)) dates.set(file, current);
      }
    }
  }
  return ran ? dates : null;
}
