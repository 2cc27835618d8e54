/**
 * "Review my strategy": a webview beside the document with the review report (HTML rendered by
 * the server's review module, theme-following, CSP with a nonce). Links in the report reveal the
 * line in the source editor; "Export" saves the Markdown report (save dialog) or opens it as an
 * untitled Markdown document. The report refreshes as the document's diagnostics change.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Commands, ReviewRequest, type ReviewParams, type ReviewResult } from './protocol';
import { newNonce, placeholderHtml } from './placeholder-html';

/** The last segment of a URI's path (the file name), whatever its scheme. */
function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

type WebviewMessage = { command: 'reveal'; line: number } | { command: 'export'; target?: 'file' | 'untitled' } | { command: 'openRule'; ruleId: string; url?: string };

export class ReviewPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, ReviewPanel>();
  static readonly viewType = 'strategyLint.review';

  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private last: ReviewResult | undefined;
  /** Document version the shown report was made from: no re-render (and no lost scroll position) without an edit. */
  private renderedVersion = -1;

  /** Show (or refresh) the review of a document; resolves with the rendered review. */
  static async show(client: LanguageClient, document: vscode.TextDocument): Promise<ReviewResult | undefined> {
    const key = document.uri.toString();
    let panel = ReviewPanel.panels.get(key);
    if (panel) panel.panel.reveal(vscode.ViewColumn.Beside, true);
    else {
      panel = new ReviewPanel(client, document);
      ReviewPanel.panels.set(key, panel);
    }
    return panel.refresh();
  }

  static disposeAll(): void {
    for (const panel of [...ReviewPanel.panels.values()]) panel.dispose();
  }

  private readonly panel: vscode.WebviewPanel;

  private constructor(private readonly client: LanguageClient, private readonly document: vscode.TextDocument) {
    this.panel = vscode.window.createWebviewPanel(
      ReviewPanel.viewType,
      `Review: ${baseName(document.uri) || 'Untitled'}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
    );
    this.panel.webview.html = this.placeholder('Reviewing…');
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: WebviewMessage) => void this.onMessage(message)),
      this.panel.onDidChangeViewState((event) => {
        if (event.webviewPanel.visible) this.scheduleRefresh();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => uri.toString() === this.document.uri.toString())) this.scheduleRefresh();
      }),
      vscode.workspace.onDidCloseTextDocument((closed) => {
        if (closed.uri.toString() === this.document.uri.toString() && closed.isClosed) this.panel.webview.html = this.placeholder('The document was closed.');
      }),
    );
  }

  private placeholder(message: string): string {
    return placeholderHtml(message, newNonce());
  }

  private scheduleRefresh(): void {
    if (this.document.version === this.renderedVersion) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (this.panel.visible) void this.refresh();
    }, 400);
  }

  async refresh(): Promise<ReviewResult | undefined> {
    const nonce = newNonce();
    const version = this.document.version;
    const params: ReviewParams = { uri: this.document.uri.toString(), nonce, cspSource: this.panel.webview.cspSource };
    try {
      const result = await this.client.sendRequest<ReviewResult | null>(ReviewRequest, params);
      if (!result) {
        this.panel.webview.html = this.placeholder('Strategy Lint is disabled for this document, or it is not a Markdown document.');
        return undefined;
      }
      this.last = result;
      this.renderedVersion = version;
      this.panel.title = `Review: ${result.title}`;
      this.panel.webview.html = result.html ?? this.placeholder('This review has no HTML view; use Export.');
      return result;
    } catch (error) {
      this.panel.webview.html = this.placeholder(`The review failed: ${error instanceof Error ? error.message : String(error)}. See "Strategy Lint: Show output".`);
      return undefined;
    }
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    if (message.command === 'reveal' && Number.isFinite(message.line)) {
      const line = Math.max(0, Math.min(Math.floor(message.line) - 1, this.document.lineCount - 1));
      const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.document.uri.toString());
      const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
      const position = new vscode.Position(line, 0);
      editor.selection = new vscode.Selection(position, new vscode.Position(line, this.document.lineAt(line).text.length));
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } else if (message.command === 'export') {
      await this.export(message.target);
    } else if (message.command === 'openRule') {
      // The rule's page bundled in the extension (rule-docs.ts), else its web page.
      await vscode.commands.executeCommand(Commands.openRuleDocumentation, message.ruleId, message.url);
    }
  }

  private async export(target: 'file' | 'untitled' | undefined): Promise<void> {
    const result = this.last ?? (await this.refresh());
    if (!result) return;
    if (target === 'untitled') {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
      await vscode.window.showTextDocument(document, vscode.ViewColumn.Active);
      return;
    }
    const source = this.document.uri;
    const stem = baseName(source).replace(/\.(md|markdown|mdown|mkd)$/i, '') || 'strategy';
    const folder = source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const saveUri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${stem}.review.md`) : undefined,
      filters: { Markdown: ['md'] },
      saveLabel: 'Export review',
      title: 'Export the review as Markdown',
    });
    if (!saveUri) return;
    await vscode.workspace.fs.writeFile(saveUri, new TextEncoder().encode(result.markdown));
    const open = await vscode.window.showInformationMessage(`Strategy Lint: review saved to ${vscode.workspace.asRelativePath(saveUri)}.`, 'Open');
    if (open === 'Open') await vscode.window.showTextDocument(saveUri);
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    ReviewPanel.panels.delete(this.document.uri.toString());
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.disposables.length = 0;
  }
}
