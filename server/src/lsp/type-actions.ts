/**
 * Code actions on the title line that settle a document's type when the inference got it wrong:
 * "Treat this document as a roadmap" for a generic document that comes close to one, "This is
 * not a strategy document" for an inferred type, and "Set the document type…" (the client's menu).
 * Each writes the front matter (type-edits.ts), which the type decision reads first.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DOC_TYPES, type DocType, type StrategyDocument } from '../engine/index.js';
import { rangeOf } from './diagnostics.js';
import { Commands, DOC_TYPE_LABELS } from './protocol.js';
import { setDocumentTypeEdit } from './type-edits.js';

export function setDocumentTypeEdits(document: TextDocument, type: DocType): LspTextEdit[] {
  if (!(DOC_TYPES as readonly string[]).includes(type)) return [];
  const edit = setDocumentTypeEdit(document.getText(), type);
  return edit ? [{ range: rangeOf(document, edit.start, edit.end), newText: edit.newText }] : [];
}

export function documentTypeActions(params: CodeActionParams, document: TextDocument, model: StrategyDocument): CodeAction[] {
  const only = params.context.only;
  if (only && only.length > 0 && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind) || kind.startsWith(CodeActionKind.QuickFix))) return [];
  // Only where a reader looks for the type: the title line (or the first line of an untitled document).
  const title = model.titleRange;
  const titleLine = document.positionAt(title.start).line;
  if (params.range.start.line > titleLine || params.range.end.line < titleLine) return [];
  const decision = model.typeDecision;
  // A declared type is the writer's word; an ordinary generic document gets no lightbulb on its title.
  if (decision.source === 'front-matter' || decision.source === 'forced') return [];
  if (decision.type === 'generic' && !decision.suggestion) return [];
  const actions: CodeAction[] = [];
  const write = (titleText: string, type: DocType, preferred = false): void => {
    const edits = setDocumentTypeEdits(document, type);
    if (edits.length > 0) actions.push({ title: titleText, kind: CodeActionKind.QuickFix, isPreferred: preferred, edit: { changes: { [document.uri]: edits } } });
  };
  if (decision.type === 'generic' && decision.suggestion) {
    const label = DOC_TYPE_LABELS[decision.suggestion.type].toLowerCase();
    write(`Strategy Lint: treat this document as ${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} (${decision.suggestion.reason})`, decision.suggestion.type);
  } else if (decision.type !== 'generic') {
    write(`Strategy Lint: this is not a strategy document (read as ${DOC_TYPE_LABELS[decision.type].toLowerCase()}: ${decision.reason})`, 'generic');
  }
  actions.push({
    title: 'Strategy Lint: set the document type…',
    kind: CodeActionKind.QuickFix,
    command: { title: 'Set the document type…', command: Commands.setDocumentType, arguments: [document.uri] },
  });
  return actions;
}
