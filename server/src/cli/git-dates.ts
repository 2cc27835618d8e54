/**
 * When git last changed each file, for trace/stale-after-strategy when a document has no
 * front-matter date: one `git log` per repository, newest commit first, reading each file's first
 * appearance. Null when git is not there or the files are in no repository — the rule then says
 * once that it skipped those documents. The CLI waits for it (lastCommitDates); the language
 * server must not block on it, so it runs git without waiting (lastCommitDatesAsync).
 */
import { execFile, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { findRepositoryRoot } from '../config/load.js';

/** git log is given this long; a repository with a history too long for it is read as far as it got. */
const TIMEOUT_MS = 10_000;
const MAX_BUFFER = 64 * 1024 * 1024;

interface Repository {
  root: string;
  /** Path relative to the root, with `/` → the absolute path asked about. */
  relative: Map<string, string>;
}

function byRepository(files: readonly string[]): Repository[] {
  const grouped = new Map<string, string[]>();
  for (const file of files) {
    const root = findRepositoryRoot(path.dirname(file));
    if (!root) continue;
    const list = grouped.get(root) ?? [];
    list.push(file);
    grouped.set(root, list);
  }
  return [...grouped].map(([root, list]) => ({ root, relative: new Map(list.map((file) => [path.relative(root, file).split(path.sep).join('/'), file])) }));
}

const gitArgs = (repository: Repository): string[] => ['-C', repository.root, 'log', '--format=%x00%cI', '--name-only', '--no-renames', '--', ...repository.relative.keys()];

/** Each file's newest commit date from `git log` output (newest first). */
function readLog(stdout: string, repository: Repository, dates: Map<string, Date>): void {
  let current: Date | null = null;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('\u0000')) {
      const date = new Date(line.slice(1).trim());
      current = Number.isNaN(date.getTime()) ? null : date;
    } else if (current && line.trim()) {
      const file = repository.relative.get(line.trim());
      if (file && !dates.has(file)) dates.set(file, current);
    }
  }
}

export function lastCommitDates(files: readonly string[]): Map<string, Date> | null {
  const repositories = byRepository(files);
  if (repositories.length === 0) return null;
  const dates = new Map<string, Date>();
  let ran = false;
  for (const repository of repositories) {
    const run = spawnSync('git', gitArgs(repository), { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'ignore'] });
    if (run.error || (run.status !== 0 && !run.stdout)) continue;
    ran = true;
    readLog(run.stdout, repository, dates);
  }
  return ran ? dates : null;
}

/** lastCommitDates without blocking: git runs as a child process while the caller goes on. */
export async function lastCommitDatesAsync(files: readonly string[]): Promise<Map<string, Date> | null> {
  const repositories = byRepository(files);
  if (repositories.length === 0) return null;
  const dates = new Map<string, Date>();
  let ran = false;
  for (const repository of repositories) {
    const stdout = await new Promise<string | null>((resolve) => {
      execFile('git', gitArgs(repository), { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER }, (error, out) => {
        resolve(error && !out ? null : out);
      });
    });
    if (stdout === null) continue;
    ran = true;
    readLog(stdout, repository, dates);
  }
  return ran ? dates : null;
}
