/**
 * Which files the CLI lints: named files as given, folders searched for Markdown, and globs;
 * `.gitignore` files (from the working folder down) and node_modules are honoured for folders
 * and globs, never for a file named explicitly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd'];

export function isMarkdown(file: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** A gitignore matcher for everything under `root`, built from every .gitignore below it. */
async function gitignoreFor(root: string): Promise<Ignore> {
  const matcher = ignore().add(['node_modules/', '.git/']);
  const files = await glob(['**/.gitignore'], { cwd: root, dot: true, ignore: ['**/node_modules/**', '**/.git/**'] });
  for (const file of files.sort()) {
    const dir = path.posix.dirname(file);
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split(/\r?\n/);
    for (const raw of lines) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      if (dir === '.') {
        matcher.add(line);
        continue;
      }
      // Rules of a nested .gitignore apply relative to its folder.
      const negated = line.startsWith('!');
      const body = negated ? line.slice(1) : line;
      const anchored = body.replace(/^\//, '');
      const scoped = body.includes('/') && !body.endsWith('/') || body.startsWith('/') ? `${dir}/${anchored}` : `${dir}/**/${anchored}`;
      matcher.add(negated ? `!${scoped}` : scoped);
    }
  }
  return matcher;
}

export interface ResolvedFiles {
  files: string[];
  /** Arguments that matched nothing, for a usage error. */
  unmatched: string[];
}

export async function resolveFiles(patterns: readonly string[], cwd: string): Promise<ResolvedFiles> {
  const found = new Set<string>();
  const unmatched: string[] = [];
  let gitignore: Ignore | null = null;
  const ignored = async (absolute: string): Promise<boolean> => {
    const relative = path.relative(cwd, absolute).split(path.sep).join('/');
    if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
    gitignore ??= await gitignoreFor(cwd);
    return gitignore.ignores(relative);
  };

  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    if (fs.existsSync(absolute) && fs.statSync(absolute).isFile()) {
      found.add(absolute);
      continue;
    }
    let matches: string[] = [];
    if (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory()) {
      matches = await glob(MARKDOWN_EXTENSIONS.map((ext) => `**/*${ext}`), { cwd: absolute, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], caseSensitiveMatch: false });
    } else if (isDynamicPattern(pattern)) {
      matches = (await glob([pattern], { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })).filter(isMarkdown);
    }
    const kept: string[] = [];
    for (const match of matches) if (!(await ignored(match))) kept.push(path.normalize(match));
    if (kept.length === 0) unmatched.push(pattern);
    for (const file of kept.sort()) found.add(file);
  }
  return { files: [...found], unmatched };
}
