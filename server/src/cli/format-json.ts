/**
 * `--format json`: one array, each element the contract's fields (shared/RULES.md), `docTypeReason` among them. A
 * finding that summarises several places also carries `related` (one `{file, line, column,
 * message}` per place; a trace/* finding's places are in other files); the places with a fault of
 * their own are elements too, at `hint` severity.
 */
import type { FileReport } from './report.js';

interface JsonRelated {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface JsonFinding {
  file: string;
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  docType: string;
  /** Why the document got its type. */
  docTypeReason?: string;
  related?: JsonRelated[];
}

function toJsonFindings(reports: readonly FileReport[]): JsonFinding[] {
  return reports.flatMap((report) => report.findings.map((finding) => ({
    file: report.file,
    ruleId: finding.ruleId,
    severity: finding.severity,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    message: finding.message,
    docType: report.docType,
    ...(report.docTypeReason ? { docTypeReason: report.docTypeReason } : {}),
    ...(finding.related ? { related: finding.related.map((place) => ({ file: place.file ?? report.file, line: place.line, column: place.column, message: place.message })) } : {}),
  })));
}

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(toJsonFindings(reports), null, 2)}\n`;
}
