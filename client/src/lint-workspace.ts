/**
 * "Lint all documents in workspace": find every Markdown file (files.exclude and node_modules
 * left out; the server also honours .gitignore), have the server lint them from disk, and show
 * the Problems panel.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { LintFilesRequest, type FindMarkdownFilesParams, type FindMarkdownFilesResult, type LintFilesResult } from './protocol';

const MARKDOWN_GLOB = '**/*.{md,markdown,mdown,mkd}';
const BATCH = 100;

/** files.exclude (enabled patterns) plus node_modules and .git, as one glob. */
function excludeGlob(): string {
  const patterns = new Set(['**/node_modules/**', '**/.git/**']);
  const excluded = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  for (const [pattern, enabled] of Object.entries(excluded)) if (enabled === true) patterns.add(pattern);
  return `{${[...patterns].join(',')}}`;
}

export async function lintWorkspace(client: LanguageClient): Promise<LintFilesResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Strategy Lint: open a folder to lint its documents.');
    return undefined;
  }
  const total: LintFilesResult = { linted: 0, ignored: 0, findings: 0, withFindings: 0 };
  let searchFailed: string | undefined;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Strategy Lint', cancellable: true },
    async (progress, token) => {
      progress.report({ message: 'finding Markdown documents…' });
      let files: vscode.Uri[];
      try {
        files = await vscode.workspace.findFiles(MARKDOWN_GLOB, excludeGlob(), undefined, token);
      } catch (error) {
        // A file system without file search (a virtual workspace in the browser may have none).
        searchFailed = error instanceof Error ? error.message : String(error);
        return;
      }
      files.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
        const batch = files.slice(i, i + BATCH);
        progress.report({ message: `linting ${Math.min(i + BATCH, files.length)} of ${files.length} documents…`, increment: (batch.length / files.length) * 100 });
        const result = await client.sendRequest<LintFilesResult>(LintFilesRequest, { uris: batch.map((uri) => uri.toString()) }, token);
        total.linted += result.linted;
        total.ignored += result.ignored;
        total.findings += result.findings;
        total.withFindings += result.withFindings;
      }
    },
  );
  if (searchFailed !== undefined) {
    void vscode.window.showErrorMessage(`Strategy Lint: this workspace cannot be searched for documents (${searchFailed}); open the documents to lint them.`);
    return undefined;
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const ignored = total.ignored > 0 ? ` (${total.ignored} ignored by .gitignore)` : '';
  void vscode.window.showInformationMessage(
    `Strategy Lint: ${total.linted} document${total.linted === 1 ? '' : 's'} linted${ignored} — ${total.findings} finding${total.findings === 1 ? '' : 's'} in ${total.withFindings} document${total.withFindings === 1 ? '' : 's'}.`,
  );
  return total;
}

/**
 * `strategyLint/findMarkdownFiles`: the Markdown files of a folder for a server without a file
 * system (the web worker's workspace model), found as "Lint all documents" finds them; none when
 * the workspace cannot be searched.
 */
export async function findMarkdownFiles(params: FindMarkdownFilesParams): Promise<FindMarkdownFilesResult> {
  try {
    const folder = vscode.Uri.parse(params.folder, true);
    const limit = Number.isFinite(params.limit) && params.limit > 0 ? Math.floor(params.limit) : undefined;
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MARKDOWN_GLOB), excludeGlob(), limit);
    return { uris: files.map((uri) => uri.toString()).sort() };
  } catch {
    return { uris: [] };
  }
}
