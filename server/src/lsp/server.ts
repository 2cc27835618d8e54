/**
 * The Strategy Lint language server on the desktop (bundled to server/out/server.js): a Node
 * process that reads the workspace's files from disk. serve.ts is the server itself, shared with
 * the browser build (browser/server.ts).
 *
 *   node server/out/server.js --stdio
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFiles } from './node-files.js';
import { serve } from './serve.js';

const logError = serve(createConnection(ProposedFeatures.all), nodeFiles);
process.on('uncaughtException', (error) => logError('Uncaught exception', error));
process.on('unhandledRejection', (error) => logError('Unhandled rejection', error));
