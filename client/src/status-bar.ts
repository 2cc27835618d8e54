/**
 * Status bar item for Markdown editors: the detected document type and the number of findings
 * ("$(checklist) Strategy memo · 3"), from the server's `strategyLint/status` notification.
 * Clicking it runs "Review my strategy".
 */
import * as vscode from 'vscode';
import { Commands, type StatusParams } from './protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('strategyLint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly statuses = new Map<string, StatusParams>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'Strategy Lint';
    this.item.command = Commands.review;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((document) => this.statuses.delete(document.uri.toString())),
    );
    this.render();
  }

  update(status: StatusParams): void {
    this.statuses.set(status.uri, status);
    if (vscode.window.activeTextEditor?.document.uri.toString() === status.uri) this.render();
  }

  /** Server restarted or stopped: forget what it said. */
  reset(): void {
    this.statuses.clear();
    this.render();
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      this.item.hide();
      return;
    }
    const status = this.statuses.get(document.uri.toString());
    if (!status) {
      this.item.text = '$(checklist) Strategy Lint';
      this.item.tooltip = 'Strategy Lint is checking this document…';
    } else if (!status.enabled) {
      this.item.text = '$(circle-slash) Strategy Lint';
      this.item.tooltip = 'Strategy Lint is disabled for this document (strategyLint.enable).';
    } else {
      this.item.text = `$(checklist) ${status.label} · ${status.findings}`;
      const findings = status.findings === 1 ? '1 finding' : `${status.findings} findings`;
      this.item.tooltip = new vscode.MarkdownString(`**Strategy Lint** — ${status.label}, ${findings}.\n\nClick to open *Review my strategy*.`);
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
