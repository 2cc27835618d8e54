/**
 * Human output: findings grouped by file as `file:line:col severity rule-id message`, then a summary.
 * A finding that summarises several places is followed by the lines of those places; their item
 * hints are printed (and counted) only when asked for (`itemHints`: with `--max-severity hint`,
 * where hints fail the run), so a 50-item roadmap is one line and a list of lines, not 50 more.
 */
import { isItemHint, type Finding, type Severity } from '../engine/index.js';
import type { FileReport } from './report.js';
import { terminalSafe } from './terminal.js';

/** The report with every string it prints cleaned of control characters (terminal.ts). */
function terminalSafeReport(report: FileReport): FileReport {
  return {
    ...report,
    file: terminalSafe(report.file),
    findings: report.findings.map((finding) => ({ ...finding, ruleId: terminalSafe(finding.ruleId), message: terminalSafe(finding.message) })),
    configProblems: report.configProblems.map((problem) => ({ file: terminalSafe(problem.file), key: terminalSafe(problem.key), message: terminalSafe(problem.message) })),
    ...(report.error !== undefined ? { error: terminalSafe(report.error) } : {}),
    ...(report.notes ? { notes: report.notes.map(terminalSafe) } : {}),
  };
}

const COLORS: Record<Severity | 'dim' | 'bold' | 'path', [number, number]> = {
  error: [31, 39], warning: [33, 39], information: [36, 39], hint: [90, 39], dim: [2, 22], bold: [1, 22], path: [4, 24],
};

export interface TextOptions {
  /** Print item hints (the places a summary stands for, at hint severity) as findings of their own. */
  itemHints?: boolean;
}

/** How many related lines the text format names after a summary before "and N more". */
const RELATED_LINES_SHOWN = 12;

/** "a, b and c", or the first RELATED_LINES_SHOWN and "and N more". */
function listed(items: readonly string[]): string {
  const shown = items.slice(0, RELATED_LINES_SHOWN);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : `${shown[0] ?? ''}`;
}

/** "lines 9, 10 and 12" (distinct); a place in another file (a trace/* finding's) as "file:line". */
export function relatedLines(finding: Finding): string {
  const places = finding.related ?? [];
  const own = [...new Set(places.filter((place) => place.file === undefined).map((place) => place.line))];
  const elsewhere = [...new Set(places.filter((place) => place.file !== undefined).map((place) => `${terminalSafe(place.file!)}:${place.line}`))];
  const ownText = own.length > 0 ? `${own.length === 1 ? 'line' : 'lines'} ${listed(own.map(String))}` : '';
  return [ownText, elsewhere.length > 0 ? listed(elsewhere) : ''].filter(Boolean).join('; ');
}

/** The findings a report prints: item hints only when asked for. */
export function shownFindings(report: FileReport, options: TextOptions): Finding[] {
  return options.itemHints ? report.findings : report.findings.filter((finding) => !isItemHint(finding));
}

export function formatText(reports: readonly FileReport[], color: boolean, options: TextOptions = {}): string {
  const paint = (style: keyof typeof COLORS, text: string) => (color ? `\u001b[${COLORS[style][0]}m${text}\u001b[${COLORS[style][1]}m` : text);
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let filesWithFindings = 0;
  for (const report of reports.map(terminalSafeReport)) {
    for (const note of report.notes ?? []) lines.push(`${paint('path', report.file)}: ${paint('warning', 'warning')} ${note}`);
    if (report.skipped) continue;
    for (const problem of report.configProblems) {
      lines.push(`${paint('path', problem.file)}: ${paint('error', 'config error')} ${problem.key}: ${problem.message} (using defaults for it)`);
    }
    if (report.error) {
      lines.push(`${paint('path', report.file)}: ${paint('error', 'error')} ${report.error}`);
    }
    const shown = shownFindings(report, options);
    if (shown.length === 0) continue;
    filesWithFindings++;
    lines.push(paint('bold', `${report.file}`) + paint('dim', ` (${report.docType})`));
    for (const finding of shown) {
      counts[finding.severity]++;
      lines.push(`${report.file}:${finding.line}:${finding.column} ${paint(finding.severity, finding.severity)} ${paint('dim', finding.ruleId)} ${finding.message}`);
      if (finding.related) lines.push(paint('dim', `  ↳ ${relatedLines(finding)}`));
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const files = reports.filter((report) => !report.skipped).length;
  const breakdown = `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information} information, ${counts.hint} hint${counts.hint === 1 ? '' : 's'}`;
  const summary = total === 0
    ? `✔ No problems in ${files} file${files === 1 ? '' : 's'}.`
    : `✖ ${total} problem${total === 1 ? '' : 's'} (${breakdown}) in ${filesWithFindings} of ${files} file${files === 1 ? '' : 's'}.`;
  lines.push(paint(total === 0 ? 'dim' : counts.error > 0 ? 'error' : 'warning', summary));
  return `${lines.join('\n')}\n`;
}
