/**
 * "Lint all documents in workspace": the client finds the Markdown files (honouring
 * files.exclude), the server drops those a .gitignore lists, lints the rest from disk (open
 * documents from the editor's text) and publishes their diagnostics to the Problems panel.
 */
import { GitignoreFilter } from '../config/gitignore.js';
import type { LintFilesParams, LintFilesResult } from './protocol.js';
import type { Linter } from './linter.js';
import { uriToPath, type WorkspaceFolders } from './workspace-folders.js';

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
