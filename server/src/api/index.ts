/**
 * The programmatic API of the `strategy-lint` npm package (bundled to out/api.js; its types,
 * out/api.d.ts, are this file's declarations, which import nothing):
 *
 *   const { lint, lintFiles } = require('strategy-lint');   // or: import { lint } from 'strategy-lint'
 *   lint('# Platform strategy\n…', { filePath: 'strategy/platform.md' }).findings
 *   (await lintFiles(['docs/'])).flatMap((file) => file.findings)
 *
 * `lint` reads nothing from disk: pass the configuration as an object, as a `.strategy-lint.json`
 * holds it. `lintFiles` reads files, folders and globs as the CLI does: `.gitignore`, the nearest
 * config file above each document (or `configFile`), `ignores` and `ignorePatterns`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, DOC_TYPES, lint as lintText, ruleDocUrl, validateConfig, type DocType, type Finding as EngineFinding, type LintResult as EngineResult, type Severity as EngineSeverity } from '../engine/index.js';
import { FileReadError, readBoundedText } from '../config/read-file.js';
import { VERSION } from '../version.js';
import { resolveFiles } from '../cli/files.js';
import { LintContext } from '../cli/lint-context.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type DocumentType = 'strategy' | 'okr' | 'roadmap' | 'release-notes' | 'decision' | 'update' | 'generic';

/** A place in the document: 1-based lines, 1-based columns in UTF-16 code units; offsets into the text. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
}

export interface RelatedPlace extends Span {
  message: string;
}

export interface TextEdit {
  /** Replace text[start, end) by newText. */
  start: number;
  end: number;
  newText: string;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  /** A finding about the whole document, placed on its title line. */
  documentLevel: boolean;
  /** A safe fix; its edits do not overlap (apply them from the last to the first). */
  fix?: { title: string; edits: TextEdit[] };
  /** For a finding that stands for several places: each of them. */
  related?: RelatedPlace[];
  /** For an item hint (one place of a summary, at hint severity): the summary. */
  partOf?: RelatedPlace;
}

export interface ConfigProblem {
  /** The config file (or "options.config") the problem is in. */
  file: string;
  /** Dotted key path, e.g. "rules.bad-strategy/fluff.options.maxDensity". */
  key: string;
  message: string;
}

export interface LintResult {
  docType: DocumentType;
  /** Why the document got its type, in words ("folder strategy/ and title “Platform strategy”"). */
  docTypeReason: string;
  findings: Finding[];
  /** Problems with the configuration (the broken keys fall back to their defaults). */
  problems: ConfigProblem[];
}

export interface FileResult extends LintResult {
  /** The file as given or found, relative to `cwd` with "/" (absolute when outside it). */
  file: string;
  /** Set when the file could not be read (not a regular file, too large, not UTF-8); nothing else is. */
  error?: string;
}

/** Configuration as a `.strategy-lint.json` holds it: rules, types, sections, referenceDate, … */
export type Config = Record<string, unknown>;

export interface LintOptions {
  /** Where the document lives (its name and folders help decide its type; type globs match it). */
  filePath?: string;
  config?: Config;
  /** Force the document type. */
  type?: DocumentType;
  /** Measure dates from this day (YYYY-MM-DD) instead of today. */
  referenceDate?: string;
}

export interface LintFilesOptions {
  /** The folder paths are relative to (default: process.cwd()). */
  cwd?: string;
  /** Use this config file for every document instead of the nearest `.strategy-lint.*`. */
  configFile?: string;
  type?: DocumentType;
  referenceDate?: string;
  /** Globs (relative to cwd) of files to leave out, like --ignore-pattern. */
  ignorePatterns?: string[];
  /** Lint what .gitignore, `ignores` and ignorePatterns leave out, like --no-ignore. */
  noIgnore?: boolean;
}

export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  types: DocumentType[];
  fixable: boolean;
  description: string;
  url: string;
}

// The public unions above are the engine's own: this fails to compile when one gains a member the other lacks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const unionsAgree: Same<DocumentType, DocType> & Same<Severity, EngineSeverity> = true;
void unionsAgree;

export const version: string = VERSION;

/** Every rule, with its default severity, the document types it applies to and its documentation. */
export const rules: RuleInfo[] = allRules.map((rule) => ({
  id: rule.meta.id,
  defaultSeverity: rule.meta.defaultSeverity,
  types: [...rule.meta.types],
  fixable: rule.meta.fixable,
  description: rule.meta.description,
  url: ruleDocUrl(rule.meta.id),
}));

function checkType(type: string | undefined): void {
  if (type !== undefined && !(DOC_TYPES as readonly string[]).includes(type)) throw new TypeError(`type must be one of ${DOC_TYPES.join(', ')}, got "${type}"`);
}

function checkDate(date: string | undefined): void {
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new TypeError(`referenceDate must be YYYY-MM-DD, got "${date}"`);
}

function toFinding(finding: EngineFinding): Finding {
  const { ruleId, severity, message, documentLevel, line, column, endLine, endColumn, start, end, fix, related, partOf } = finding;
  return {
    ruleId, severity, message, documentLevel, line, column, endLine, endColumn, start, end,
    ...(fix ? { fix: { title: fix.title, edits: fix.edits.map(({ start: from, end: to, newText }) => ({ start: from, end: to, newText })) } } : {}),
    ...(related ? { related: related.map((place) => ({ ...place })) } : {}),
    ...(partOf ? { partOf: { ...partOf } } : {}),
  };
}

function toResult(result: EngineResult, problems: ConfigProblem[]): LintResult {
  return {
    docType: result.docType,
    docTypeReason: result.document.typeDecision.reason,
    findings: result.findings.map(toFinding),
    problems: [...problems, ...result.problems.map(({ file, key, message }) => ({ file, key, message }))],
  };
}

/** Lint one document's text. Reads nothing from disk. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  if (typeof text !== 'string') throw new TypeError('lint(text, options): text must be a string');
  checkType(options.type);
  checkDate(options.referenceDate);
  const { layer, problems } = validateConfig(options.config ?? {}, 'options.config');
  const layers = [layer, ...(options.referenceDate ? [validateConfig({ referenceDate: options.referenceDate }, 'options.referenceDate').layer] : [])];
  const filePath = options.filePath?.split(path.sep).join('/');
  const result = lintText(text, { filePath, relativePath: filePath, layers, type: options.type });
  return toResult(result, problems);
}

/** Lint files, folders and globs as the CLI does (config files, .gitignore, ignores). */
export async function lintFiles(paths: string | readonly string[], options: LintFilesOptions = {}): Promise<FileResult[]> {
  const patterns = typeof paths === 'string' ? [paths] : [...paths];
  checkType(options.type);
  checkDate(options.referenceDate);
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (options.configFile && !fs.existsSync(path.resolve(cwd, options.configFile))) throw new Error(`configFile: cannot find ${options.configFile}`);
  const context = new LintContext({ cwd, configFile: options.configFile, referenceDate: options.referenceDate, type: options.type, ignorePatterns: options.ignorePatterns, noIgnore: options.noIgnore });
  const { files, unmatched } = await resolveFiles(patterns, cwd, { gitignore: !options.noIgnore });
  if (unmatched.length > 0) throw new Error(`no Markdown files match ${unmatched.map((p) => `"${p}"`).join(', ')}`);
  const shown = (file: string) => {
    const relative = path.relative(cwd, file);
    return (path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
  };
  const results: FileResult[] = [];
  const reported = new Set<string>();
  for (const { path: file } of files) {
    const config = context.configFor(file);
    if (context.ignored(file, config)) continue;
    // A config file's problems are reported with the first document it applies to.
    const problems = config.files.some((f) => reported.has(f)) ? [] : config.problems.map(({ file: where, key, message }) => ({ file: where, key, message }));
    for (const f of config.files) reported.add(f);
    let text: string;
    try {
      text = readBoundedText(file, context.readLimit(config)).text;
    } catch (error) {
      results.push({ file: shown(file), docType: 'generic', docTypeReason: '', findings: [], problems, error: error instanceof FileReadError ? error.message : String(error) });
      continue;
    }
    results.push({ file: shown(file), ...toResult(lintText(text, context.lintOptions(file, config)), problems) });
  }
  return results;
}
