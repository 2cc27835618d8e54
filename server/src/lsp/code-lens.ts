/**
 * The kernel at a glance, above the title of strategy and decision documents:
 * "Diagnosis ✓ · Guiding policy ✓ · Coherent actions ✗" — clicking it opens the review. A document in
 * another language reads in its own section names: "Diagnose ✓ · Leitlinie ✓ · Maßnahmen ✓".
 */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult, SectionRole } from '../engine/index.js';
import { Commands } from './protocol.js';
import { KERNEL_ROLES, ROLE_INFO } from '../engine/vocabulary.js';
import { rangeOf } from './diagnostics.js';

export function kernelLensTitle(result: Pick<LintResult, 'document'>): string {
  return KERNEL_ROLES.map((role) => `${result.document.roleLabel(role) ?? ROLE_INFO[role].label} ${result.document.sectionsWithRole(role).length > 0 ? '✓' : '✗'}`).join(' · ');
}

export function provideCodeLenses(document: TextDocument, result: Pick<LintResult, 'document' | 'docType'>): CodeLens[] {
  if (result.docType !== 'strategy' && result.docType !== 'decision') return [];
  const title = result.document.titleRange;
  const start = rangeOf(document, title.start, title.start).start;
  return [{
    range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } },
    command: { title: kernelLensTitle(result), command: Commands.review, arguments: [document.uri] },
  }];
}
