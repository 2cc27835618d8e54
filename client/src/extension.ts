/**
 * The Strategy Lint VS Code extension on the desktop (package.json `main`, bundled to
 * client/out/extension.js): the language server runs as a Node process (language-client.ts).
 * activate.ts is the extension itself, shared with the browser (browser-extension.ts).
 */
import type * as vscode from 'vscode';
import { activateOn, type StrategyLintApi } from './activate';
import { createLanguageClient } from './language-client';

export { deactivate, type StrategyLintApi } from './activate';

export function activate(context: vscode.ExtensionContext): StrategyLintApi {
  return activateOn({ startLine: 'Strategy Lint on the desktop: the language server runs in a Node process.', createClient: createLanguageClient }, context);
}
