/**
 * `.gitignore` files, as the CLI and "Lint all documents in workspace" honour them: every ignore
 * file between a document and the root (the repository, or the workspace folder) applies to it,
 * each relative to its own folder, and node_modules and .git are always left out. Ignore files
 * are read like config files: regular files of a few megabytes at most, else ignored.
 */
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ConfigFileAccess } from './file-access.js';
import { nodeFileAccess } from './node-file-access.js';

/** .gitignore matchers, one per folder, each with the rules of that folder's .gitignore. */
export class GitignoreFilter {
  private readonly perDir = new Map<string, Ignore | null>();

  constructor(private readonly files: ConfigFileAccess = nodeFileAccess) {}

  private matcher(dir: string): Ignore | null {
    if (!this.perDir.has(dir)) {
      let matcher: Ignore | null = null;
      try {
        matcher = ignore().add(this.files.readText(path.join(dir, '.gitignore')));
      } catch {
        matcher = null;
      }
      this.perDir.set(dir, matcher);
    }
    return this.perDir.get(dir)!;
  }

  /** True when a .gitignore between the file and the folder root (both included) lists it. */
  ignores(filePath: string, folder: string | null): boolean {
    const stop = folder ?? path.parse(filePath).root;
    const relativeToStop = path.relative(stop, filePath);
    if (relativeToStop.split(path.sep).some((part) => part === 'node_modules' || part === '.git')) return true;
    let dir = path.dirname(filePath);
    for (;;) {
      const matcher = this.matcher(dir);
      if (matcher) {
        const relative = path.relative(dir, filePath).split(path.sep).join('/');
        if (relative && matcher.ignores(relative)) return true;
      }
      if (dir === stop || path.dirname(dir) === dir || !dir.startsWith(stop)) return false;
      dir = path.dirname(dir);
    }
  }
}
