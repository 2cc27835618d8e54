/**
 * `--format junit`: a JUnit XML test report, as GitLab (artifacts:reports:junit), Jenkins and
 * Azure Pipelines read them. One <testsuite> per file; each finding is a failing <testcase>
 * (named by rule and position, its <failure> typed by severity, as ESLint's junit formatter
 * does), and a file without findings has one passing testcase. A file that could not be read or
 * fixed, or a config problem, is an <error>; a skipped file is <skipped>; a warning about a file
 * (not fixed) is the suite's <system-out>. Text is escaped for
 * XML 1.0: `& < > " '` as entities, line breaks inside attributes as `&#10;`, and characters XML
 * cannot hold (most C0 controls, lone surrogates, U+FFFE/U+FFFF) as U+FFFD — and DEL and the C1
 * controls too, which XML allows but a terminal showing the report would obey.
 */
import type { Finding } from '../engine/index.js';
import type { FileReport } from './report.js';
import { relatedLines, shownFindings, type TextOptions } from './format-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text content: entities for markup, U+FFFD for what XML cannot hold. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** An attribute value: as text, with line breaks and tabs as character references (attribute normalisation would turn them into spaces). */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

interface Case {
  name: string;
  line?: number;
  body: string;
  failed: boolean;
  errored: boolean;
}

function findingCase(file: string, finding: Finding): Case {
  const message = finding.related ? `${finding.message}\n${relatedLines(finding)}` : finding.message;
  const details = `${finding.severity} ${finding.ruleId} at ${file}:${finding.line}:${finding.column}\n${message}`;
  return {
    name: `${finding.ruleId} at ${finding.line}:${finding.column}`,
    line: finding.line,
    body: `<failure type="${xmlAttribute(finding.severity)}" message="${xmlAttribute(message)}">${xmlText(details)}</failure>`,
    failed: true,
    errored: false,
  };
}

function errorCase(name: string, message: string): Case {
  return { name, body: `<error type="strategy-lint" message="${xmlAttribute(message)}">${xmlText(message)}</error>`, failed: false, errored: true };
}

function casesOf(report: FileReport, options: TextOptions): Case[] {
  if (report.skipped) return [{ name: 'strategy-lint', body: `<skipped message="${xmlAttribute((report.notes ?? []).join('; '))}"/>`, failed: false, errored: false }];
  const cases: Case[] = [
    ...report.configProblems.map((problem) => errorCase(`config ${problem.key}`, `${problem.file}: ${problem.key}: ${problem.message} (using defaults for it)`)),
    ...(report.error ? [errorCase('strategy-lint', report.error)] : []),
    ...shownFindings(report, options).map((finding) => findingCase(report.file, finding)),
  ];
  return cases.length > 0 ? cases : [{ name: 'strategy-lint', body: '', failed: false, errored: false }];
}

export function formatJunit(reports: readonly FileReport[], options: TextOptions = {}): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const report of reports) {
    const cases = casesOf(report, options);
    const failed = cases.filter((c) => c.failed).length;
    const errored = cases.filter((c) => c.errored).length;
    tests += cases.length;
    failures += failed;
    errors += errored;
    const file = xmlAttribute(report.file);
    const body = cases.map((c) => {
      const attributes = `classname="${file}" name="${xmlAttribute(c.name)}" file="${file}"${c.line !== undefined ? ` line="${c.line}"` : ''}`;
      return c.body ? `    <testcase ${attributes}>\n      ${c.body}\n    </testcase>` : `    <testcase ${attributes}/>`;
    });
    // Warnings about the file (not fixed: a link out of the folder, changed meanwhile) fail nothing: they are the suite's output.
    if (!report.skipped && report.notes?.length) body.push(`    <system-out>${xmlText(report.notes.map((note) => `warning ${note}`).join('\n'))}</system-out>`);
    suites.push(`  <testsuite name="${file}" tests="${cases.length}" failures="${failed}" errors="${errored}" skipped="${report.skipped ? 1 : 0}">\n${body.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="strategy-lint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
