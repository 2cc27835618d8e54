/**
 * Which files the CLI lints: named files as given, folders searched for Markdown, and globs.
 * Every `.gitignore` from the repository root (the nearest folder above with `.git`, else the
 * nearest one with a `.gitignore`) down to a file applies to it, and node_modules and .git are
 * left out — for folders and globs, never for a file named explicitly. Folders are searched
 * without following linked folders (a link to a file is listed; `--fix` decides whether it may
 * write through it). A named file that is not Markdown is skipped with a warning.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { GitignoreFilter } from '../config/gitignore.js';
import { findRepositoryRoot } from '../config/load.js';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd'];

export function isMarkdown(file: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export interface ResolvedFile {
  /** Absolute path as found: links are not resolved. */
  path: string;
  /** The folder being linted (the folder named, else the working folder): `--fix` writes through a link only into it. */
  root: string;
}

export interface ResolvedFiles {
  files: ResolvedFile[];
  /** Arguments that matched nothing, for a usage error. */
  unmatched: string[];
  /** Files named on the command line that are not Markdown, with why: a warning each. */
  skipped: Array<{ path: string; reason: string }>;
}

/** Where the ignore files that apply under `dir` start: the repository root, else the nearest folder above with a .gitignore. */
function ignoreRoot(dir: string): string {
  const repository = findRepositoryRoot(dir);
  if (repository) return repository;
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.gitignore'))) return current;
    if (path.dirname(current) === current) return dir;
  }
}

/**
 * Every file under `dir` (files, links to files, and other entries that are not folders) whose
 * path relative to `dir` passes `keep`. Linked folders, node_modules and .git are not entered.
 */
function walk(dir: string, keep: (relative: string, name: string) => boolean, skipDotEntries: boolean): string[] {
  const found: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to lint there
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === '.git' || (skipDotEntries && entry.name.startsWith('.'))) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        stack.push(full);
        continue;
      }
      if (entry.isSymbolicLink()) {
        let target: fs.Stats;
        try {
          target = fs.statSync(full);
        } catch {
          continue; // a dangling link
        }
        if (target.isDirectory()) continue; // linked folders are not followed
      }
      const relative = path.relative(dir, full).split(path.sep).join('/');
      if (keep(relative, entry.name)) found.push(full);
    }
  }
  return found.sort();
}

/** `gitignore: false` (--no-ignore): .gitignore files do not apply; node_modules and .git are still not searched. */
export async function resolveFiles(patterns: readonly string[], cwd: string, options: { gitignore?: boolean } = {}): Promise<ResolvedFiles> {
  const found = new Map<string, ResolvedFile>();
  const unmatched: string[] = [];
  const skipped: ResolvedFiles['skipped'] = [];
  const gitignore = new GitignoreFilter();

  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(absolute);
    } catch {
      stat = null;
    }
    if (stat && !stat.isDirectory()) {
      // Named explicitly: linted even when ignored; a FIFO or device is refused when it is read.
      if (isMarkdown(absolute)) found.set(absolute, { path: absolute, root: cwd });
      else skipped.push({ path: absolute, reason: `not a Markdown file (${MARKDOWN_EXTENSIONS.join(', ')}), so it was not linted` });
      continue;
    }
    let matches: string[] = [];
    let base = cwd;
    if (stat?.isDirectory()) {
      base = absolute;
      matches = walk(absolute, (_relative, name) => isMarkdown(name), true);
    } else {
      const scan = picomatch.scan(pattern);
      if (scan.isGlob) {
        const glob = picomatch(scan.glob, { dot: false });
        const start = path.resolve(cwd, scan.base || '.');
        matches = fs.existsSync(start) ? walk(start, (relative, name) => isMarkdown(name) && glob(relative), false) : [];
      }
    }
    const stop = ignoreRoot(base);
    const kept = options.gitignore === false ? matches : matches.filter((match) => !gitignore.ignores(match, stop));
    if (kept.length === 0) unmatched.push(pattern);
    for (const file of kept) if (!found.has(file)) found.set(file, { path: path.normalize(file), root: base });
  }
  return { files: [...found.values()], unmatched, skipped };
}
