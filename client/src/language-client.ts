/**
 * Starting the language server on the desktop: server/out/server.js (bundled) in a Node process,
 * over IPC. The client options are shared with the browser (client-options.ts).
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './client-options';
import type { RestartingErrorHandler } from './error-handler';

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
  // The id makes `strategyLint.trace.server` the trace setting.
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions(context, outputChannel, errorHandler));
}
