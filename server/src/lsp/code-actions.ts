/**
 * Code actions, per Strategy Lint diagnostic: the rule's quick fix (from `Diagnostic.data`, so no
 * server state is needed), "Disable <rule> for this line", "Disable <rule> for this file",
 * "Open documentation for <rule>"; and `source.fixAll.strategyLint`, which applies every
 * preferred fix (relinting between passes) so `editor.codeActionsOnSave` can run it.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, ruleDocUrl, rulesById, type LintOptions, type TextEdit } from '../engine/index.js';
import { textDiff } from '../engine/incremental/diff.js';
import { isDiagnosticData, rangeOf, type DiagnosticData } from './diagnostics.js';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from './protocol.js';
import { disableForFileEdit, disableForLineEdit } from './suppression-edits.js';

function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function toLspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({ range: rangeOf(document, edit.start, edit.end), newText: edit.newText }));
}

/**
 * The fix's edits against the current text. The diagnostic's range (kept up to date by the
 * editor) tells whether text was inserted or removed above since the lint: shift by that delta;
 * if the flagged text itself changed, the fix no longer applies.
 */
function currentFixEdits(document: TextDocument, diagnostic: Diagnostic, data: DiagnosticData): TextEdit[] | null {
  if (!data.fix) return null;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const delta = start - data.start;
  if (end - start !== data.end - data.start) return null;
  const text = document.getText();
  const edits = data.fix.edits.map((edit) => ({ start: edit.start + delta, end: edit.end + delta, newText: edit.newText }));
  if (edits.some((edit) => edit.start < 0 || edit.end > text.length || edit.start > edit.end)) return null;
  return edits;
}

/** Whole-text change as one minimal edit (common prefix and suffix kept), so the cursor stays put. */
function minimalEdit(before: string, after: string): TextEdit {
  const { prefix, suffix } = textDiff(before, after);
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}

function fixAllAction(document: TextDocument, options: LintOptions): CodeAction | null {
  const text = document.getText();
  const result = fixAll(text, options, true);
  if (result.fixed === 0 || result.text === text) return null;
  return {
    title: `Fix all auto-fixable Strategy Lint problems (${result.fixed})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [document.uri]: toLspEdits(document, [minimalEdit(text, result.text)]) } },
  };
}

export function provideCodeActions(params: CodeActionParams, document: TextDocument, options: LintOptions | null): CodeAction[] {
  const actions: CodeAction[] = [];
  const only = params.context.only;
  const text = document.getText();
  const uri = document.uri;
  const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && isDiagnosticData(diagnostic.data));

  if (wanted(CodeActionKind.QuickFix, only)) {
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const docs: CodeAction[] = [];
    const seenLine = new Set<string>();
    const seenFile = new Set<string>();
    for (const diagnostic of ours) {
      const data = diagnostic.data as DiagnosticData;
      const ruleId = data.ruleId;
      // Built-in and custom rules can be disabled by comment; internal notices cannot.
      const known = rulesById.has(ruleId) || ruleId.startsWith('custom/');
      const edits = currentFixEdits(document, diagnostic, data);
      if (data.fix && edits) {
        fixes.push({
          title: data.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: data.fix.preferred === true,
          edit: { changes: { [uri]: toLspEdits(document, edits) } },
        });
      }
      if (!known) continue;
      const line = diagnostic.range.start.line;
      if (!data.documentLevel && !seenLine.has(`${ruleId}@${line}`)) {
        seenLine.add(`${ruleId}@${line}`);
        const edit = disableForLineEdit(text, line, ruleId);
        disables.push({
          title: `Disable ${ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: toLspEdits(document, [edit]) } },
        });
      }
      if (!seenFile.has(ruleId)) {
        seenFile.add(ruleId);
        const edit = disableForFileEdit(text, ruleId);
        if (edit) {
          disables.push({
            title: `Disable ${ruleId} for this file`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [uri]: toLspEdits(document, [edit]) } },
          });
        }
        if (rulesById.has(ruleId) || diagnostic.codeDescription) docs.push({
          title: `Open documentation for ${ruleId}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: `Open documentation for ${ruleId}`, command: Commands.openRuleDocumentation, arguments: [ruleId, diagnostic.codeDescription?.href ?? ruleDocUrl(ruleId)] },
        });
      }
    }
    actions.push(...fixes, ...disables, ...docs);
  }

  // Only when asked for by kind (Source Action menu, editor.codeActionsOnSave): it relints the
  // document, too costly for every lightbulb request, where source actions are not shown anyway.
  if (options && only && wanted(FIX_ALL_KIND, only)) {
    const action = fixAllAction(document, options);
    if (action) actions.push(action);
  }
  return actions;
}
