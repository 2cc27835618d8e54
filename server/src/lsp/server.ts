/**
 * The Strategy Lint language server on the desktop (bundled to server/out/server-main.js, loaded
 * by server/out/server.js: see start.ts): a Node process that reads the workspace's files from
 * disk. serve.ts is the server itself, shared with the browser build (browser/server.ts).
 *
 *   node server/out/server.js --stdio
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFiles } from './node-files.js';
import { serve } from './serve.js';

const connection = createConnection(ProposedFeatures.all);
whenFirstDiagnosticsSent(connection, () => {
  // The loader's code cache (start.ts), written once the first lint has compiled what it runs.
  const writeCodeCache = (globalThis as Record<symbol, unknown>)[Symbol.for('strategy-lint.writeCodeCache')];
  if (typeof writeCodeCache === 'function') setImmediate(writeCodeCache as () => void);
});
const logError = serve(connection, nodeFiles);
process.on('uncaughtException', (error) => logError('Uncaught exception', error));
process.on('unhandledRejection', (error) => logError('Unhandled rejection', error));

function whenFirstDiagnosticsSent(target: typeof connection, then: () => void): void {
  const send = target.sendDiagnostics.bind(target);
  target.sendDiagnostics = (params) => {
    target.sendDiagnostics = send;
    const sent = send(params);
    then();
    return sent;
  };
}
