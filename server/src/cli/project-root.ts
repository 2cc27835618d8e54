/**
 * The project a file belongs to: its repository (config/load.ts findRepositoryRoot). Type
 * detection reads the folders between that root and the file ("strategy/", "rfcs/"), not the
 * folders above it, which say nothing of the document.
 */
import * as path from 'node:path';
import { findRepositoryRoot } from '../config/load.js';

/** The file's path inside its repository, with forward slashes; undefined outside a repository. */
export function projectPathOf(file: string, roots: Map<string, string | null>): string | undefined {
  const dir = path.dirname(path.resolve(file));
  // Memoised per folder: a folder of a thousand documents asks once.
  let root = roots.get(dir);
  if (root === undefined) roots.set(dir, root = findRepositoryRoot(dir));
  return root ? path.relative(root, path.resolve(file)).split(path.sep).join('/') : undefined;
}
