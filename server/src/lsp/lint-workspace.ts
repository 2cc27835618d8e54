/**
 * "Lint all documents in workspace": the client finds the Markdown files (honouring
 * files.exclude), the server drops those a .gitignore lists, lints the rest from disk (open
 * documents from the editor's text) and publishes their diagnostics to the Problems panel.
 */
import { GitignoreFilter } from '../config/gitignore.js';
import type { LintFilesParams, LintFilesResult } from './protocol.js';
import type { Linter } from './linter.js';
import type { WorkspaceFiles } from './workspace-files.js';
import type { WorkspaceFolders } from './workspace-folders.js';

export async function lintFiles(params: LintFilesParams, linter: Linter, folders: WorkspaceFolders, files: WorkspaceFiles): Promise<LintFilesResult> {
  const paths = params.uris.map((uri) => files.pathOf(uri));
  const ignored = await files.read((access) => {
    const filter = new GitignoreFilter(access);
    return paths.map((filePath) => filePath !== null && filter.ignores(filePath, folders.folderOf(filePath)));
  });
  const result: LintFilesResult = { linted: 0, ignored: 0, findings: 0, withFindings: 0 };
  for (const [i, uri] of params.uris.entries()) {
    if (ignored[i]) {
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
