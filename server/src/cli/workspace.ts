/**
 * The CLI's side of the workspace model: the files it linted become one workspace (keyed by their
 * paths relative to the folder they share), with commit dates from git when a document has no
 * front-matter date, and the trace/* findings go back into each file's report — related places
 * in other files named by the path the user sees.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildStrategyMap, lint, lintWorkspace, undatedForHistory, WorkspaceModel, type Finding, type LintOptions, type LintResult, type WorkspaceLintResult } from '../engine/index.js';
import { readBoundedText } from '../config/read-file.js';
import { lastCommitDates } from './git-dates.js';
import { resolveFiles } from './files.js';
import type { FileReport } from './report.js';
import type { LintContext } from './lint-context.js';
import { carriedOutBy, type CarriedOutBy } from '../review/carried-out-by.js';

export interface LintedFile {
  /** Absolute path. */
  file: string;
  /** As shown to the user. */
  shown: string;
  result: LintResult;
  report?: FileReport;
}

interface LintedWorkspace {
  model: WorkspaceModel;
  /** Workspace key → file as shown. */
  shown: Map<string, string>;
  /** Workspace key → absolute path. */
  absolute: Map<string, string>;
  /** The folder the keys are relative to. */
  root: string;
  /** What the model asked of the disk: absolute path → whether a linked file is there. */
  exists: Map<string, boolean>;
  /** The files git was asked about (no front-matter date), and what it said (null: no git or repository). */
  undated: string[];
  commits: Map<string, Date> | null;
}

/** The folder every file is in: the working folder when they all are, else their deepest common folder. */
export function commonRoot(files: readonly string[], cwd: string): string {
  const inside = (file: string, dir: string): boolean => {
    const relative = path.relative(dir, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  if (files.every((file) => inside(file, cwd))) return cwd;
  let root = path.dirname(files[0] ?? cwd);
  while (!files.every((file) => inside(file, root)) && path.dirname(root) !== root) root = path.dirname(root);
  return root;
}

/** `root`: the folder the keys are relative to (default: the files' common folder). */
export function buildWorkspace(files: readonly LintedFile[], cwd: string, root = commonRoot(files.map((f) => f.file), cwd)): LintedWorkspace {
  const keyOf = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const undated = undatedForHistory(files, (f) => f.result.document).map((f) => f.file);
  const commits = undated.length > 0 ? lastCommitDates(undated) : new Map<string, Date>();
  const exists = new Map<string, boolean>();
  const model = new WorkspaceModel({
    fileExists: (key) => {
      const full = path.resolve(root, key);
      const there = fs.existsSync(full);
      exists.set(full, there);
      return there;
    },
    history: commits === null ? 'none' : 'git',
  });
  const shown = new Map<string, string>();
  const absolute = new Map<string, string>();
  for (const linted of files) {
    const key = keyOf(linted.file);
    shown.set(key, linted.shown);
    absolute.set(key, linted.file);
    model.set(key, { document: linted.result.document, layers: linted.result.layers, lastCommitted: commits?.get(linted.file) ?? null });
  }
  return { model, shown, absolute, root, exists, undated, commits };
}

/**
 * What the workspace model needs of a document the CLI linted elsewhere (a worker, the --cache):
 * its document model and front-matter configuration, built again without running a rule.
 */
export function documentOnly(text: string, options: LintOptions): LintResult {
  return lint(text, { ...options, onlyRules: [] });
}

/**
 * Lint the workspace of these files and add its findings to their reports (those `keep` accepts:
 * --quiet keeps errors and warnings); returns the run's notes.
 */
export function addTraceFindings(files: readonly LintedFile[], cwd: string, keep: (finding: Finding) => boolean = () => true, root?: string): { notes: string[]; workspace: LintedWorkspace; result: WorkspaceLintResult; record: TraceRecord } {
  const workspace = buildWorkspace(files, cwd, root);
  const result = lintWorkspace(workspace.model);
  const byKey = new Map(files.map((f) => [path.relative(workspace.root, f.file).split(path.sep).join('/'), f]));
  const record: TraceRecord = {
    findings: {}, notes: result.notes, exists: Object.fromEntries(workspace.exists), undated: workspace.undated,
    commits: workspace.commits && Object.fromEntries([...workspace.commits].map(([file, date]) => [file, date.toISOString()])),
  };
  for (const [key, findings] of result.findings) {
    const linted = byKey.get(key);
    if (!linted) continue;
    record.findings[linted.file] = findings.map((finding) => shownFinding(finding, workspace.shown));
  }
  applyTraceRecord(record, files, keep);
  return { notes: result.notes, workspace, result, record };
}

/**
 * The trace/* findings of a run, as the --cache keeps them (cache.ts): per file (absolute path),
 * the run's notes, and what they depended on besides the documents — whether each linked file
 * was there, and the commit dates git gave — so a later run checks those before using them.
 */
export interface TraceRecord {
  findings: Record<string, Finding[]>;
  notes: string[];
  exists: Record<string, boolean>;
  undated: string[];
  commits: Record<string, string> | null;
}

/** Add a record's findings to the files' reports (those `keep` accepts), in position order. */
export function applyTraceRecord(record: TraceRecord, files: readonly LintedFileRef[], keep: (finding: Finding) => boolean = () => true): void {
  for (const linted of files) {
    const findings = Object.hasOwn(record.findings, linted.file) ? record.findings[linted.file].filter(keep) : [];
    if (!linted.report || findings.length === 0) continue;
    linted.report.findings = [...linted.report.findings, ...findings]
      .sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  }
}

/** Does the disk still say what the record's findings rest on (linked files there or not, git's dates)? */
export function traceRecordHolds(record: TraceRecord): boolean {
  for (const [file, there] of Object.entries(record.exists)) if (fs.existsSync(file) !== there) return false;
  if (record.undated.length === 0) return true;
  const commits = lastCommitDates(record.undated);
  if ((commits === null) !== (record.commits === null)) return false;
  if (!commits || !record.commits) return true;
  const now = Object.fromEntries([...commits].map(([file, date]) => [file, date.toISOString()]));
  return JSON.stringify(Object.entries(now).sort()) === JSON.stringify(Object.entries(record.commits).sort());
}

/** A file of the run, before its document model is built. */
export interface LintedFileRef {
  file: string;
  report?: FileReport;
}

/** A finding whose related places in other files name them as the user sees them. */
function shownFinding(finding: Finding, shown: ReadonlyMap<string, string>): Finding {
  if (!finding.related?.some((place) => place.file !== undefined)) return finding;
  return { ...finding, related: finding.related.map((place) => (place.file !== undefined ? { ...place, file: shown.get(place.file) ?? place.file } : place)) };
}

interface ReadWorkspaceOptions {
  /** Files that could not be read, as shown, with why. */
  onSkipped?: (file: string, reason: string) => void;
  /** Lint what .gitignore leaves out too (--no-ignore). */
  noIgnore?: boolean;
}

/**
 * Read every Markdown file under `patterns` for the workspace model alone (the map, a review's
 * "Carried out by"): each with its config (the nearest config file, or --config, and the command
 * line's), as `strategy-lint` lints it; what `ignores` and --ignore-pattern leave out is left out.
 */
export async function lintWorkspaceFiles(patterns: readonly string[], context: LintContext, options: ReadWorkspaceOptions = {}): Promise<{ files: LintedFile[]; unmatched: string[] }> {
  const { files, unmatched } = await resolveFiles(patterns, context.cwd, { gitignore: !options.noIgnore });
  const linted: LintedFile[] = [];
  for (const { path: file } of files) {
    const config = context.configFor(file);
    if (context.ignored(file, config)) continue;
    const shown = path.relative(context.cwd, file).split(path.sep).join('/') || file;
    let text: string;
    try {
      text = readBoundedText(file, context.readLimit(config)).text;
    } catch (error) {
      options.onSkipped?.(shown, error instanceof Error ? error.message : String(error));
      continue;
    }
    linted.push({ file, shown, result: documentOnly(text, context.lintOptions(file, config)) });
  }
  return { files: linted, unmatched };
}

/** Folder names that hold one kind of document: a memo in one is read with the folder above ("docs/strategy/" → "docs/"). */
const TYPED_FOLDER = /^(?:strateg(?:y|ies)|vision|okrs?|goals|objectives|roadmaps?|decisions|adrs?|rfcs|releases?|release-notes|changelog)$/i;

/**
 * "Carried out by" for `strategy-lint review`: the strategy read with the Markdown documents of its
 * folder (or of the folder above, when its own is named for one kind of document), as
 * `strategy-lint map` reads them. Null when nothing there traces to it.
 */
export async function carriedOutByBeside(file: string, result: LintResult, context: LintContext): Promise<CarriedOutBy | null> {
  let folder = path.dirname(file);
  if (TYPED_FOLDER.test(path.basename(folder))) folder = path.dirname(folder);
  const { files } = await lintWorkspaceFiles([folder], context);
  const others = files.filter((f) => path.resolve(f.file) !== path.resolve(file));
  const workspace = buildWorkspace([...others, { file, shown: path.relative(context.cwd, file).split(path.sep).join('/'), result }], context.cwd);
  const traced = lintWorkspace(workspace.model);
  const key = path.relative(workspace.root, file).split(path.sep).join('/');
  return carriedOutBy(buildStrategyMap(workspace.model.graph, traced.findings), key, (k) => workspace.shown.get(k) ?? k);
}
