/**
 * The Strategy Lint VS Code extension, the same on the desktop (extension.ts) and in the browser
 * (browser-extension.ts): starts the language server and registers the commands, the status bar
 * item, the review webview and the strategy map. Activated by Markdown documents and by its own
 * commands, never on startup. The two entry points differ only in how the server is started (a
 * Node process, or a web worker that reads files through this client: read-files.ts).
 */
import { openRuleDocumentation } from './rule-docs';
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { RestartingErrorHandler } from './error-handler';
import { findMarkdownFiles, lintWorkspace } from './lint-workspace';
import { Commands, FindMarkdownFilesRequest, ReadFilesRequest, StatusNotification, type FindMarkdownFilesParams, type ReadFilesParams, type ReviewResult, type StatusParams } from './protocol';
import { readFiles } from './read-files';
import { ReviewPanel } from './review-panel';
import { MapPanel } from './map-panel';
import { setDocumentType } from './document-type';
import { StatusBar } from './status-bar';
import { insertTemplate, newFromTemplate } from './templates';

let client: BaseLanguageClient | undefined;

/** What the extension offers to its tests (and to other extensions). */
export interface StrategyLintApi {
  readonly client: BaseLanguageClient;
  /** Resolves when the server has started. */
  ready: Promise<void>;
}

function markdownDocument(uri?: unknown): vscode.TextDocument | undefined {
  const asUri = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri instanceof vscode.Uri ? uri : undefined;
  if (asUri) return vscode.workspace.textDocuments.find((document) => document.uri.toString() === asUri.toString());
  const active = vscode.window.activeTextEditor?.document;
  return active?.languageId === 'markdown' ? active : undefined;
}

/** Where the extension runs: how it starts its language server, and the output channel's first line, which says where. */
export interface ClientPlatform {
  readonly startLine: string;
  createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, errorHandler: RestartingErrorHandler): BaseLanguageClient;
}

/**
 * Stop the server (if it runs) and start a new one; as the Node client's restart(), which the
 * browser's lacks. Only a running client can be stopped: one whose server died while it was
 * starting (the client gave up during the initialize handshake: "start failed") or that is stopped
 * has nothing to stop, and is started again directly — stopping it would throw, and the server
 * would never come back.
 */
async function restart(languageClient: BaseLanguageClient): Promise<void> {
  if (languageClient.state === State.Running) await languageClient.stop();
  await languageClient.start();
}

export function activateOn(platform: ClientPlatform, context: vscode.ExtensionContext): StrategyLintApi {
  const output = vscode.window.createOutputChannel('Strategy Lint', { log: true });
  output.info(platform.startLine);
  const crashes = new RestartingErrorHandler(output);
  const languageClient = platform.createClient(context, output, crashes);
  client = languageClient;
  const statusBar = new StatusBar();
  context.subscriptions.push(output, statusBar, { dispose: () => ReviewPanel.disposeAll() }, { dispose: () => MapPanel.disposeAll() });

  context.subscriptions.push(
    languageClient.onDidChangeState((event) => {
      if (event.newState !== State.Running) statusBar.reset();
    }),
    languageClient.onNotification(StatusNotification, (status: StatusParams) => statusBar.update(status)),
    // A server in a browser has no file system: it asks for config files, .gitignore files and documents.
    languageClient.onRequest(ReadFilesRequest, (params: ReadFilesParams) => readFiles(params)),
    // …and for the Markdown files of a folder (the workspace model: trace/* rules, the strategy map).
    languageClient.onRequest(FindMarkdownFilesRequest, (params: FindMarkdownFilesParams) => findMarkdownFiles(params)),
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
    await restart(languageClient);
    void vscode.window.setStatusBarMessage('Strategy Lint: server restarted', 3000);
  });
  register(Commands.setDocumentType, async (uri?: unknown) => {
    await ready;
    return setDocumentType(languageClient, (target) => statusBar.statusOf(target), uri);
  });
  register(Commands.openRuleDocumentation, (ruleId?: unknown, url?: unknown) => openRuleDocumentation(context.extensionUri, ruleId, url));

  // Trusting the workspace makes config files and workspace settings apply: restart the server,
  // which reads `workspaceTrusted` from initializationOptions when it starts.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
    output.info('The workspace is now trusted: restarting the server so config files and workspace settings apply.');
    try {
      await ready;
      statusBar.reset();
      await restart(languageClient);
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
