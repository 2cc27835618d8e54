/**
 * Status bar item for Markdown editors: the detected document type and the number of findings
 * ("$(checklist) Strategy memo · 3"), from the server's `strategyLint/status` notification. The
 * tooltip says how the type was decided and links "Set document type…"; clicking the item runs
 * "Review my strategy", or — for a generic document that looks like a strategy document — opens
 * the type menu.
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

  statusOf(uri: string): StatusParams | undefined {
    return this.statuses.get(uri);
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
    this.item.command = Commands.review;
    if (!status) {
      this.item.text = '$(checklist) Strategy Lint';
      this.item.tooltip = 'Strategy Lint is checking this document…';
    } else if (!status.enabled) {
      this.item.text = '$(circle-slash) Strategy Lint';
      this.item.tooltip = 'Strategy Lint is disabled for this document (strategyLint.enable).';
    } else {
      const findings = status.findings === 1 ? '1 finding' : `${status.findings} findings`;
      const setType = `[Set document type…](command:${Commands.setDocumentType}?${encodeURIComponent(JSON.stringify([status.uri]))})`;
      const review = `[Review my strategy](command:${Commands.review}?${encodeURIComponent(JSON.stringify([status.uri]))})`;
      const why = status.typeReason ? `\n\nType: ${escapeMarkdown(status.typeReason)}${status.typeDeclared ? '' : ' (inferred)'}.` : '';
      const suggestion = status.suggestion
        ? `\n\nIt may be ${/^[aeiou]/i.test(status.suggestion.label) ? 'an' : 'a'} **${status.suggestion.label.toLowerCase()}** (${escapeMarkdown(status.suggestion.reason)}): only the prose rules ran.`
        : '';
      this.item.text = `$(checklist) ${status.label}${status.suggestion ? '?' : ''} · ${status.findings}`;
      const tooltip = new vscode.MarkdownString(`**Strategy Lint** — ${status.label}, ${findings}.${why}${suggestion}\n\n${review} · ${setType}`);
      tooltip.isTrusted = { enabledCommands: [Commands.setDocumentType, Commands.review] };
      this.item.tooltip = tooltip;
      this.item.command = status.suggestion ? { title: 'Set document type…', command: Commands.setDocumentType, arguments: [status.uri] } : Commands.review;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Text shown inside the Markdown tooltip as written (a title may hold `*` or `[`). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
