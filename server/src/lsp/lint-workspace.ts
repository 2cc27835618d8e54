/**
 * "Lint all documents in workspace": the client finds the Markdown files (honouring
 * files.exclude), the server drops those a .gitignore lists, lints the rest from disk (open
 * documents from the editor's text) and publishes their diagnostics to the Problems panel.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { LintFilesParams, LintFilesResult } from './protocol.js';
import type { Linter } from './linter.js';
import { uriToPath, type WorkspaceFolders } from './workspace-folders.js';

/** .gitignore matchers, one per folder, each with the rules of that folder's .gitignore. */
export class GitignoreFilter {
  private readonly perDir = new Map<string, Ignore | null>();

  private matcher(dir: string): Ignore | null {
    if (!this.perDir.has(dir)) {
      let matcher: Ignore | null = null;
      try {
        const text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
        matcher = ignore().add(text);
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

export async function lintFiles(params: LintFilesParams, linter: Linter, folders: WorkspaceFolders): Promise<LintFilesResult> {
  const filter = new GitignoreFilter();
  const result: LintFilesResult = { linted: 0, ignored: 0, findings: 0, withFindings: 0 };
  for (const uri of params.uris) {
    const filePath = uriToPath(uri);
    if (filePath && filter.ignores(filePath, folders.folderOf(filePath))) {
      result.ignored++;
      continue;
    }
    const count = await linter.lintFile(uri);
    result.linted++;
    result.findings += count;
    if (count > 0) result.withFindings++;
  }
  return result;
}
