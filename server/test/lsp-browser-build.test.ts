/**
 * The protocol tests again, against the browser build: the language server of
 * server/out/browser-server.js in a web-worker sandbox (helpers/web-worker.ts: no require,
 * process or Buffer), pulling settings from the client and reading config files, .gitignore files
 * and documents through `strategyLint/readFiles`. The same tests, with the same expectations, as
 * for the desktop build — configuration, diagnostics as you type, hovers, quick fixes and fix-all,
 * the outline and code lens, the review, related places, robustness, and the workspace model of
 * the trace/* rules and the strategy map (the folder's files listed through
 * `strategyLint/findMarkdownFiles`). (lsp-safety.test.ts stays
 * desktop-only: FIFOs, devices and links are what a disk has; a browser's file system reports them
 * as "not a regular file", which browser-server.test.ts checks.)
 */
import { describe } from 'node:test';
import { LspTestClient } from './helpers/lsp-client.js';

LspTestClient.defaultServer = 'worker';

for (const suite of ['lsp-config', 'lsp-diagnostics', 'lsp-features', 'lsp-related', 'lsp-robustness', 'lsp-trace']) {
  await describe(`browser build: ${suite}.test.ts`, async () => {
    await import(`./${suite}.test.js`);
  });
}
