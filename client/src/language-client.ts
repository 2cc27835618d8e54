/**
 * Starting the language server (server/out/server.js, bundled) and the client options: Markdown
 * documents on disk and untitled ones, config files watched so the server relints on change, and
 * Markdown files watched so the workspace model (trace/*, the strategy map) follows the disk.
 * Settings are not pushed: the server pulls `strategyLint` per document (workspace/configuration).
 * The workspace's trust goes in initializationOptions (`workspaceTrusted`).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { RestartingErrorHandler } from './error-handler';

export const CLIENT_ID = 'strategyLint';
export const CONFIG_FILE_GLOB = '**/.strategy-lint.{json,yaml,yml}';
/** Markdown files on disk: the server's workspace model (trace/* rules, the strategy map) reads them again when they change. */
export const MARKDOWN_FILE_GLOB = '**/*.{md,markdown,mdown,mkd}';

/**
 * Node flags for the server process. Linting allocates many short-lived objects (syntax trees,
 * sentence tokens); V8's default young generation lets them pile up to 16 MB per semi-space before
 * a scavenge, which made the resident memory peak at about 155 MB with a 50,000-word document
 * open. 4 MB semi-spaces bring that to about 135 MB at no measurable cost in latency
 * (bench/server.mjs starts the server with the same flags).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel, errorHandler: RestartingErrorHandler): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
  const markdownWatcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_FILE_GLOB);
  context.subscriptions.push(watcher, markdownWatcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'vscode-vfs', language: 'markdown' },
    ],
    synchronize: { fileEvents: [watcher, markdownWatcher] },
    outputChannel,
    diagnosticCollectionName: 'strategy-lint',
    // VS Code shows a diagnostic's message above the hover already: the server leaves it out.
    // A function, so a restart after the workspace is trusted sends the new trust state; in an
    // untrusted workspace the server ignores config files and workspace settings.
    initializationOptions: () => ({ diagnosticsShownInHover: true, workspaceTrusted: vscode.workspace.isTrusted }),
    // A crashed server is restarted (the user is told once); after too many crashes it stays down.
    errorHandler,
  };
  // The id makes `strategyLint.trace.server` the trace setting.
  return new LanguageClient(CLIENT_ID, 'Strategy Lint', serverOptions, clientOptions);
}
