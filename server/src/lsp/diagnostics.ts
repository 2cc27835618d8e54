/**
 * Findings → LSP diagnostics. `code` is the rule id, `codeDescription.href` its documentation,
 * the range comes from the finding's UTF-16 offsets through the TextDocument (so it matches the
 * editor's positions exactly), and `data` carries the fix, so code actions need no server state.
 *
 * A summary's related places become `relatedInformation` (in the same document; a trace/*
 * finding's in the other documents it names), and an item hint's points back at its summary — for clients that declare
 * `textDocument.publishDiagnostics.relatedInformation`; others get the diagnostics without it.
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { linkedPlaces, ruleDocUrl, rulesById, type ConfigProblem, type Finding, type Fix, type Severity } from '../engine/index.js';
import { DIAGNOSTIC_SOURCE } from './protocol.js';
import { CONFIG_DIAGNOSTIC_CODE } from './config-files.js';

/** What a diagnostic carries in `data`. */
export interface DiagnosticData {
  ruleId: string;
  documentLevel: boolean;
  /** The flagged offsets when linted: code actions shift the fix if text was inserted above since. */
  start: number;
  end: number;
  fix?: Fix;
}

const SEVERITY_TO_LSP: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function rangeOf(document: Pick<TextDocument, 'positionAt'>, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

interface DiagnosticOptions {
  /** The client accepts `relatedInformation` (publishDiagnostics.relatedInformation capability). */
  relatedInformation?: boolean;
  /** Base of `codeDescription.href` (the `strategyLint.docsUrl` setting); DOCS_BASE_URL by default. */
  docsUrl?: string;
}

/** A place's location: in the document itself, or — for a trace/* finding — in another one (`file` is its URI; positions from the finding's lines). */
function relatedInformation(document: Pick<TextDocument, 'positionAt' | 'uri'>, finding: Finding): DiagnosticRelatedInformation[] {
  return linkedPlaces(finding).map((place) => ({
    location: place.file !== undefined
      ? { uri: place.file, range: { start: { line: place.line - 1, character: place.column - 1 }, end: { line: place.endLine - 1, character: place.endColumn - 1 } } }
      : { uri: document.uri, range: rangeOf(document, place.start, place.end) },
    message: place.message,
  }));
}

export function findingToDiagnostic(document: Pick<TextDocument, 'positionAt' | 'uri'>, finding: Finding, options: DiagnosticOptions = {}): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, documentLevel: finding.documentLevel, start: finding.start, end: finding.end, ...(finding.fix ? { fix: finding.fix } : {}) };
  const related = options.relatedInformation ? relatedInformation(document, finding) : [];
  return {
    range: rangeOf(document, finding.start, finding.end),
    severity: SEVERITY_TO_LSP[finding.severity],
    code: finding.ruleId,
    // Internal ids (strategy-lint/internal-error, …) have no page of their own; a custom rule has the one its config names.
    ...(rulesById.has(finding.ruleId) ? { codeDescription: { href: ruleDocUrl(finding.ruleId, options.docsUrl) } }
      : finding.docsUrl ? { codeDescription: { href: finding.docsUrl } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    data,
  };
}

/** Problems with a document's own front matter configuration, shown on the front matter. */
export function frontMatterDiagnostics(document: Pick<TextDocument, 'positionAt' | 'getText'>, problems: readonly ConfigProblem[]): Diagnostic[] {
  if (problems.length === 0) return [];
  const text = document.getText();
  const keyAt = text.search(/^strategy-lint\s*:/m);
  const start = keyAt >= 0 ? keyAt : 0;
  const lineEnd = text.indexOf('\n', start);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return problems.map((problem) => ({
    range: rangeOf(document, start, end > start && text[end - 1] === '\r' ? end - 1 : end),
    severity: DiagnosticSeverity.Warning,
    code: CONFIG_DIAGNOSTIC_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: `Front matter ${problem.key}: ${problem.message}`,
  }));
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return value !== null && typeof value === 'object' && typeof (value as DiagnosticData).ruleId === 'string';
}
