/**
 * The Strategy Lint language server in a browser (bundled to server/out/browser-server.js for a
 * web worker, which the client in vscode.dev, github.dev or any web-worker extension host starts):
 * the same server as on the desktop (../serve.ts), over the worker's messages, reading files
 * through the client (client-files.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { serve } from '../serve.js';
import { ClientFiles } from './client-files.js';

/** The worker's global scope: its messages carry the protocol; its error events are logged; `close` ends it. */
interface WorkerScope {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { error?: unknown; reason?: unknown }) => void): void;
  close(): void;
}
const scope = globalThis as unknown as WorkerScope;
const port = scope as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));
const logError = serve(connection, new ClientFiles(connection));
scope.addEventListener('error', (event) => logError('Uncaught exception', event.error));
scope.addEventListener('unhandledrejection', (event) => logError('Unhandled rejection', event.reason));
// On `exit` a Node server's process ends; a worker would live on (and a restart would add one).
connection.onExit(() => scope.close());
