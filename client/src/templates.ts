/**
 * "New document from template…" and "Insert template…": a quick pick of the templates indexed in
 * snippets/templates.json (generated from snippets/templates/*.md), inserted as a SnippetString
 * so the tab stops work.
 */
import * as vscode from 'vscode';

export interface TemplateEntry {
  id: string;
  title: string;
  docType: string;
  description: string;
  prefix: string;
  body: string;
  suggestedFileName?: string;
}

interface TemplateIndex { templates: TemplateEntry[] }

export async function loadTemplates(context: vscode.ExtensionContext): Promise<TemplateEntry[]> {
  const uri = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'templates.json');
  const bytes = await vscode.workspace.fs.readFile(uri);
  const index = JSON.parse(new TextDecoder().decode(bytes)) as TemplateIndex;
  return index.templates.filter((template) => typeof template.body === 'string' && template.title);
}

async function pickTemplate(context: vscode.ExtensionContext, placeHolder: string): Promise<TemplateEntry | undefined> {
  let templates: TemplateEntry[];
  try {
    templates = await loadTemplates(context);
  } catch (error) {
    void vscode.window.showErrorMessage(`Strategy Lint: cannot read the templates (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    templates.map((template) => ({
      label: template.title,
      description: template.prefix,
      detail: template.description,
      template,
    })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.template;
}

/** Opens an untitled Markdown document with the template as a snippet. */
export async function newFromTemplate(context: vscode.ExtensionContext, templateId?: string): Promise<vscode.TextEditor | undefined> {
  const template = templateId
    ? (await loadTemplates(context)).find((candidate) => candidate.id === templateId)
    : await pickTemplate(context, 'Choose a template for the new document');
  if (!template) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(template.body), new vscode.Position(0, 0));
  return editor;
}

/**
 * A template's body for inserting into a document that already has text: without its front
 * matter, which only means something at the very top (elsewhere `---` lines are rules or headings).
 */
export function bodyForInsertion(body: string, documentIsEmpty: boolean): string {
  return documentIsEmpty ? body : body.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n(?:\r?\n)*/, '');
}

/** Inserts a template at the cursor of the active Markdown editor. */
export async function insertTemplate(context: vscode.ExtensionContext, templateId?: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Strategy Lint: open a Markdown document to insert a template, or use "New document from template…".');
    return false;
  }
  const template = templateId
    ? (await loadTemplates(context)).find((candidate) => candidate.id === templateId)
    : await pickTemplate(context, 'Choose a template to insert at the cursor');
  if (!template) return false;
  const document = editor.document;
  const position = editor.selection.active;
  const body = bodyForInsertion(template.body, document.getText().trim() === '');
  // Start on a line of its own, after a blank line, so the template's first heading or
  // paragraph does not run into the text before it.
  const before = document.lineAt(position.line).text.slice(0, position.character);
  const previousLine = position.line > 0 ? document.lineAt(position.line - 1).text : '';
  const separator = before.trim() !== '' ? '\n\n' : position.line > 0 && previousLine.trim() !== '' ? '\n' : '';
  return editor.insertSnippet(new vscode.SnippetString(separator + body), position);
}
