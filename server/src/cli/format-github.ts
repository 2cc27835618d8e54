/**
 * `--format github`: GitHub Actions workflow commands, one line per finding, which the runner
 * turns into annotations on the pull request's files — nothing to upload.
 *
 *   ::warning file=docs/strategy.md,line=5,col=9,endLine=5,endColumn=17,title=bad-strategy/fluff::"leverage" is fluff…
 *
 * errors are `::error`, warnings `::warning`, information and hints `::notice`. Escaped as the
 * runner reads them (@actions/core's toCommandValue): in the message `%`, CR and LF become
 * `%25`, `%0D`, `%0A`; in properties (file, title) `:` and `,` become `%3A` and `%2C` as well.
 * A summary's places follow its message on a line of their own. Config problems, unreadable
 * files and warnings about files (not fixed, skipped) are annotations too.
 */
import type { Severity } from '../engine/index.js';
import type { FileReport } from './report.js';
import { relatedLines, shownFindings, type TextOptions } from './format-text.js';
import { terminalSafe } from './terminal.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * `%`, CR and LF escaped as the runner reads them. The output may also be read in a terminal: the
 * other control characters become visible stand-ins, as in the text format (terminal.ts).
 */
export function escapeData(text: string): string {
  return text.replace(CONTROL, terminalSafe).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning' | 'notice', properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties).map(([key, value]) => `${key}=${typeof value === 'number' ? value : escapeProperty(value)}`).join(',');
  return `::${kind}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export function formatGithub(reports: readonly FileReport[], options: TextOptions = {}): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const note of report.notes ?? []) lines.push(command('warning', { file: report.file, title: 'strategy-lint' }, note));
    if (report.skipped) continue;
    for (const problem of report.configProblems) {
      lines.push(command('error', { file: problem.file.replace(/ \(front matter\)$/, ''), title: 'strategy-lint config' }, `${problem.key}: ${problem.message} (using defaults for it)`));
    }
    if (report.error) lines.push(command('error', { file: report.file, title: 'strategy-lint' }, report.error));
    for (const finding of shownFindings(report, options)) {
      const message = finding.related ? `${finding.message}\n${relatedLines(finding)}` : finding.message;
      lines.push(command(COMMAND[finding.severity], {
        file: report.file,
        line: finding.line,
        col: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        title: finding.ruleId,
      }, message));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
