/**
 * The client options, the same on the desktop and in the browser: Markdown documents on disk, on
 * virtual file systems (github.dev) and remote ones (a web-worker extension host), and untitled
 * ones; config files watched so the server relints on change, and Markdown files watched so the
 * workspace model (trace/* rules, the strategy map) follows the disk. Settings are not pushed: the server
 * pulls `strategyLint` per document (workspace/configuration). The workspace's trust goes in
 * initializationOptions (`workspaceTrusted`).
 */
import { withBundledDocLinks } from './rule-docs';
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import type { RestartingErrorHandler } from './error-handler';

export const CLIENT_ID = 'strategyLint';
export const CLIENT_NAME = 'Strategy Lint';
export const CONFIG_FILE_GLOB = '**/.strategy-lint.{json,yaml,yml}';
/** Markdown files: the server's workspace model (trace/* rules, the strategy map) reads them again when they change. */
export const MARKDOWN_FILE_GLOB = '**/*.{md,markdown,mdown,mkd}';

export function clientOptions(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel, errorHandler: RestartingErrorHandler): LanguageClientOptions {
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
  const markdownWatcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_FILE_GLOB);
  context.subscriptions.push(watcher, markdownWatcher);
  return {
    documentSelector: ['file', 'untitled', 'vscode-vfs', 'vscode-remote'].map((scheme) => ({ scheme, language: 'markdown' })),
    synchronize: { fileEvents: [watcher, markdownWatcher] },
    outputChannel,
    diagnosticCollectionName: 'strategy-lint',
    // VS Code shows a diagnostic's message above the hover already: the server leaves it out.
    // A function, so a restart after the workspace is trusted sends the new trust state; in an
    // untrusted workspace the server ignores config files and workspace settings.
    initializationOptions: () => ({ diagnosticsShownInHover: true, workspaceTrusted: vscode.workspace.isTrusted }),
    // A crashed server is restarted (the user is told once); after too many crashes it stays down.
    errorHandler,
    // The hover's docs links open the rule pages bundled in the extension (rule-docs.ts).
    middleware: { provideHover: async (document, position, token, next) => withBundledDocLinks(await next(document, position, token)) },
  };
}
