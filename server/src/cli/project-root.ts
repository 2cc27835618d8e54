/**
 * The project a file belongs to: the nearest folder above it that holds `.git` (a repository or a
 * worktree). Type detection reads the folders between that root and the file ("strategy/",
 * "rfcs/"), not the folders above it, which say nothing of the document.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The file's path inside its repository, with forward slashes; undefined outside a repository. */
export function projectPathOf(file: string, roots: Map<string, string | null>): string | undefined {
  const root = repositoryRoot(path.dirname(path.resolve(file)), roots);
  return root ? path.relative(root, path.resolve(file)).split(path.sep).join('/') : undefined;
}

/** Memoised per folder: a folder of a thousand documents asks once. */
function repositoryRoot(dir: string, roots: Map<string, string | null>): string | null {
  const known = roots.get(dir);
  if (known !== undefined) return known;
  let root: string | null;
  if (fs.existsSync(path.join(dir, '.git'))) root = dir;
  else {
    const parent = path.dirname(dir);
    root = parent === dir ? null : repositoryRoot(parent, roots);
  }
  roots.set(dir, root);
  return root;
}
