/**
 * The Strategy Lint VS Code extension (bundled to client/out/extension.js): starts the language
 * server and registers the commands, the status bar item and the review webview. Activated by
 * Markdown documents and by its own commands, never on startup.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './language-client';
import { RestartingErrorHandler } from './error-handler';
import { lintWorkspace } from './lint-workspace';
import { Commands, StatusNotification, type ReviewResult, type StatusParams } from './protocol';
import { ReviewPanel } from './review-panel';
import { MapPanel } from './map-panel';
import { setDocumentType } from './document-type';
import { StatusBar } from './status-bar';
import { insertTemplate, newFromTemplate } from './templates';

let client: LanguageClient | undefined;

/** What the extension offers to its tests (and to other extensions). */
export interface StrategyLintApi {
  readonly client: LanguageClient;
  /** Resolves when the server has started. */
  ready: Promise<void>;
}

function markdownDocument(uri?: unknown): vscode.TextDocument | undefined {
  const asUri = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri instanceof vscode.Uri ? uri : undefined;
  if (asUri) return vscode.workspace.textDocuments.find((document) => document.uri.toString() === asUri.toString());
  const active = vscode.window.activeTextEditor?.document;
  return active?.languageId === 'markdown' ? active : undefined;
}

export function activate(context: vscode.ExtensionContext): StrategyLintApi {
  const output = vscode.window.createOutputChannel('Strategy Lint', { log: true });
  const crashes = new RestartingErrorHandler(output);
  const languageClient = createLanguageClient(context, output, crashes);
  client = languageClient;
  const statusBar = new StatusBar();
  context.subscriptions.push(output, statusBar, { dispose: () => ReviewPanel.disposeAll() }, { dispose: () => MapPanel.disposeAll() });

  context.subscriptions.push(
    languageClient.onDidChangeState((event) => {
      if (event.newState !== State.Running) statusBar.reset();
    }),
    languageClient.onNotification(StatusNotification, (status: StatusParams) => statusBar.update(status)),
  );

  const register = (id: string, handler: (...args: any[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  };

  register(Commands.review, async (uri?: unknown): Promise<ReviewResult | undefined> => {
    let document = markdownDocument(uri);
    if (!document && (typeof uri === 'string' || uri instanceof vscode.Uri)) {
      document = await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
    }
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Strategy Lint: open a Markdown strategy document to review it.');
      return undefined;
    }
    await ready;
    return ReviewPanel.show(languageClient, document);
  });
  register(Commands.showStrategyMap, async (uri?: unknown) => {
    await ready;
    const target = typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : vscode.window.activeTextEditor?.document.uri.toString();
    return MapPanel.show(languageClient, target);
  });
  register(Commands.newFromTemplate, (templateId?: string) => newFromTemplate(context, typeof templateId === 'string' ? templateId : undefined));
  register(Commands.insertTemplate, (templateId?: string) => insertTemplate(context, typeof templateId === 'string' ? templateId : undefined));
  register(Commands.lintWorkspace, async () => {
    await ready;
    return lintWorkspace(languageClient);
  });
  register(Commands.showOutput, () => output.show(true));
  register(Commands.restartServer, async () => {
    crashes.forgetCrashes();
    statusBar.reset();
    await languageClient.restart();
    void vscode.window.setStatusBarMessage('Strategy Lint: server restarted', 3000);
  });
  register(Commands.setDocumentType, async (uri?: unknown) => {
    await ready;
    return setDocumentType(languageClient, (target) => statusBar.statusOf(target), uri);
  });
  register(Commands.openRuleDocumentation, async (ruleId?: string, url?: string) => {
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return false;
    return vscode.env.openExternal(vscode.Uri.parse(url));
  });

  // Trusting the workspace makes config files and workspace settings apply: restart the server,
  // which reads `workspaceTrusted` from initializationOptions when it starts.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
    output.info('The workspace is now trusted: restarting the server so config files and workspace settings apply.');
    try {
      await ready;
      statusBar.reset();
      await languageClient.restart();
    } catch (error) {
      output.error(`Restarting the server after the workspace was trusted failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }));

  const ready = languageClient.start().catch((error: unknown) => {
    output.appendLine(`Strategy Lint: the language server failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    void vscode.window.showErrorMessage('Strategy Lint: the language server failed to start. See "Strategy Lint: Show output".');
  });
  return { client: languageClient, ready };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
