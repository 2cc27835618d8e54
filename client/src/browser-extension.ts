/**
 * The Strategy Lint VS Code extension in the browser (package.json `browser`, bundled to
 * client/out/browser-extension.js): vscode.dev, github.dev and other web-worker extension hosts.
 * The language server is server/out/browser-server.js in a web worker of its own, and reads the
 * workspace's files through this client (read-files.ts). activate.ts is the extension itself,
 * shared with the desktop (extension.ts).
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateOn, type StrategyLintApi } from './activate';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './client-options';

export { deactivate, type StrategyLintApi } from './activate';

/**
 * The server's worker. An extension served from the web (vscode.dev) starts it from its URL; a web
 * worker extension host refuses that for an extension installed on a remote (code-server:
 * "Creating workers from remote extensions is currently not supported"), so there the script is
 * fetched — the host's fetch reads extension files — and started from a blob.
 */
async function startServerWorker(script: vscode.Uri): Promise<Worker> {
  const options: WorkerOptions = { name: 'Strategy Lint language server' };
  try {
    return new Worker(script.toString(true), options);
  } catch {
    const response = await fetch(script.toString(true));
    if (!response.ok) throw new Error(`cannot load ${script.toString(true)}: HTTP ${response.status}`);
    const blob = new Blob([await response.text()], { type: 'application/javascript' });
    return new Worker(URL.createObjectURL(blob), options);
  }
}

/**
 * The worker's messages as the client's transports. (Handed a Worker, the client would check
 * `instanceof Worker`, which fails in an extension host that wraps the Worker constructor.)
 */
async function serverTransports(script: vscode.Uri): Promise<MessageTransports> {
  const worker = await startServerWorker(script);
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

export function activate(context: vscode.ExtensionContext): StrategyLintApi {
  // Said from what the host is, not assumed: a web-worker extension host has no Node `process`.
  const host = typeof process === 'undefined' ? 'a web-worker extension host (no Node: `process` is undefined)' : 'an extension host with Node';
  return activateOn({
    startLine: `Strategy Lint in the browser: the extension runs in ${host}, the language server in a web worker of its own.`,
    createClient: (extensionContext, output, errorHandler) => {
      const script = vscode.Uri.joinPath(extensionContext.extensionUri, 'server', 'out', 'browser-server.js');
      return new LanguageClient(CLIENT_ID, CLIENT_NAME, () => serverTransports(script), clientOptions(extensionContext, output, errorHandler));
    },
  }, context);
}
