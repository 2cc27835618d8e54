/**
 * "Strategy Lint: Show strategy map": a webview with the strategy map of the workspace folder
 * (HTML rendered by the server, theme-following, CSP with a nonce). Each item of the map opens its
 * document at its line; the map refreshes when diagnostics change (an edit anywhere in the folder
 * changes the trace/* findings), and "Copy as Mermaid" is a command of the panel's title menu.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { StrategyMapRequest, type StrategyMapParams, type StrategyMapResult } from './protocol';
import { newNonce, placeholderHtml } from './placeholder-html';

type MapMessage = { command: 'reveal'; doc: string; line: number };

export class MapPanel implements vscode.Disposable {
  private static current: MapPanel | undefined;
  static readonly viewType = 'strategyLint.strategyMap';

  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private last: StrategyMapResult | undefined;

  /** Show (or refresh) the map of the folder of `uri` (the active document's, else the first folder's). */
  static async show(client: LanguageClient, uri: string | undefined): Promise<StrategyMapResult | undefined> {
    if (MapPanel.current) {
      MapPanel.current.uri = uri ?? MapPanel.current.uri;
      MapPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
    } else MapPanel.current = new MapPanel(client, uri);
    return MapPanel.current.refresh();
  }

  static disposeAll(): void {
    MapPanel.current?.dispose();
  }

  /** The map shown, for "Copy as Mermaid" and the tests. */
  static get shown(): StrategyMapResult | undefined {
    return MapPanel.current?.last;
  }

  private constructor(private readonly client: LanguageClient, private uri: string | undefined) {
    this.panel = vscode.window.createWebviewPanel(MapPanel.viewType, 'Strategy map', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true, localResourceRoots: [], enableFindWidget: true, retainContextWhenHidden: false,
    });
    this.panel.webview.html = placeholderHtml('Reading the workspace…', newNonce());
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: MapMessage) => void this.onMessage(message)),
      this.panel.onDidChangeViewState((event) => {
        if (event.webviewPanel.visible) this.scheduleRefresh();
      }),
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh()),
    );
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (this.panel.visible) void this.refresh();
    }, 600);
  }

  async refresh(): Promise<StrategyMapResult | undefined> {
    const nonce = newNonce();
    const params: StrategyMapParams = { ...(this.uri ? { uri: this.uri } : {}), nonce, cspSource: this.panel.webview.cspSource };
    try {
      const result = await this.client.sendRequest<StrategyMapResult | null>(StrategyMapRequest, params);
      if (!result) {
        this.panel.webview.html = placeholderHtml('Open a folder to see its strategy map: the map reads the Markdown documents of a workspace folder.', nonce);
        return undefined;
      }
      // The same map again (a diagnostic elsewhere changed): keep the page, and where the reader was.
      if (this.last && this.last.markdown === result.markdown) return result;
      this.last = result;
      this.panel.title = `Strategy map: ${result.folder.split(/[\\/]/).pop() || result.folder}`;
      this.panel.webview.html = result.html ?? placeholderHtml('This map has no HTML view.', nonce);
      return result;
    } catch (error) {
      this.panel.webview.html = placeholderHtml(`The map failed: ${error instanceof Error ? error.message : String(error)}. See "Strategy Lint: Show output".`, nonce);
      return undefined;
    }
  }

  private async onMessage(message: MapMessage): Promise<void> {
    if (message.command !== 'reveal' || !Number.isFinite(message.line) || typeof message.doc !== 'string') return;
    const uri = this.last?.uris[message.doc];
    if (!uri) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const line = Math.max(0, Math.min(Math.floor(message.line) - 1, document.lineCount - 1));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const position = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(position, new vscode.Position(line, document.lineAt(line).text.length));
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (MapPanel.current === this) MapPanel.current = undefined;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.disposables.length = 0;
  }
}
