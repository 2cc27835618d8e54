/**
 * "Strategy Lint: Set document type…": a menu of the document types, with the one detected and why,
 * that writes the choice into the document's front matter. The edit comes from the server
 * (`strategyLint/setDocumentType`), which owns how front matter is edited.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DOC_TYPE_LABELS, SetDocumentTypeRequest, type SetDocumentTypeResult, type StatusParams } from './protocol';

interface TypeItem extends vscode.QuickPickItem { type: string }

export async function setDocumentType(client: LanguageClient, status: (uri: string) => StatusParams | undefined, target?: unknown): Promise<boolean> {
  const uri = typeof target === 'string' ? target : target instanceof vscode.Uri ? target.toString() : vscode.window.activeTextEditor?.document.uri.toString();
  const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
  if (!uri || !document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Strategy Lint: open a Markdown document to set its type.');
    return false;
  }
  const current = status(uri);
  const items: TypeItem[] = Object.entries(DOC_TYPE_LABELS).map(([type, label]) => ({
    type,
    label: type === 'generic' ? `${label} — not a strategy document` : label,
    description: type === current?.docType ? `detected${current.typeReason ? `: ${current.typeReason}` : ''}`
      : type === current?.suggestion?.docType ? `suggested: ${current.suggestion.reason}` : undefined,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Strategy Lint: set the document type',
    placeHolder: 'Written to the front matter (strategy-lint: type: …), which decides over every other signal',
  });
  if (!picked) return false;
  const result = await client.sendRequest<SetDocumentTypeResult>(SetDocumentTypeRequest, { uri, type: picked.type });
  if (!result || result.edits.length === 0) {
    void vscode.window.showInformationMessage(`Strategy Lint: the front matter already says "${picked.type}", or it is not YAML that can be edited safely.`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of result.edits) {
    edit.replace(document.uri, new vscode.Range(change.range.start.line, change.range.start.character, change.range.end.line, change.range.end.character), change.newText);
  }
  return vscode.workspace.applyEdit(edit);
}
