/**
 * What the browser bundles use for config/node-file-access.ts (scripts/bundle.mjs points it here):
 * a web worker has no disk, and every reader in the browser passes its own file access
 * (client-files.ts), so this default is never used — if it were, it would say why it failed.
 */
import type { ConfigFileAccess } from '../../config/file-access.js';

const noDisk = (): never => {
  throw new Error('there is no disk in the browser: read files through the client (lsp/browser/client-files.ts)');
};

export const nodeFileAccess: ConfigFileAccess = { kind: noDisk, realPath: noDisk, readText: noDisk };
