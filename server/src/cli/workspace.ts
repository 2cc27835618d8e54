/**
 * The CLI's side of the workspace model: the files it linted become one workspace (keyed by their
 * paths relative to the folder they share), with commit dates from git when a document has no
 * front-matter date, and the trace/* findings go back into each file's report — related places
 * in other files named by the path the user sees.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, lintWorkspace, WorkspaceModel, type Finding, type LintOptions, type LintResult, type WorkspaceLintResult } from '../engine/index.js';
import { readBoundedText } from '../config/read-file.js';
import { lastCommitDates } from './git-dates.js';
import { resolveFiles } from './files.js';
import type { FileReport } from './report.js';
import type { LintContext } from './lint-context.js';
import { carriedOutBy, type CarriedOutBy } from '../review/carried-out-by.js';
import { buildStrategyMap } from '../engine/index.js';

export interface LintedFile {
  /** Absolute path. */
  file: string;
  /** As shown to the user. */
  shown: string;
  result: LintResult;
  report?: FileReport;
}

export interface LintedWorkspace {
  model: WorkspaceModel;
  /** Workspace key → file as shown. */
  shown: Map<string, string>;
  /** Workspace key → absolute path. */
  absolute: Map<string, string>;
  /** The folder the keys are relative to. */
  root: string;
}

/** Types whose dates trace/stale-after-strategy compares. */
const DATED_TYPES = new Set(['strategy', 'roadmap', 'okr']);

/** The folder every file is in: the working folder when they all are, else their deepest common folder. */
function commonRoot(files: readonly string[], cwd: string): string {
  const inside = (file: string, dir: string): boolean => {
    const relative = path.relative(dir, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  if (files.every((file) => inside(file, cwd))) return cwd;
  let root = path.dirname(files[0] ?? cwd);
  while (!files.every((file) => inside(file, root)) && path.dirname(root) !== root) root = path.dirname(root);
  return root;
}

export function buildWorkspace(files: readonly LintedFile[], cwd: string): LintedWorkspace {
  const root = commonRoot(files.map((f) => f.file), cwd);
  const keyOf = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const undated = files.filter((f) => DATED_TYPES.has(f.result.docType) && !hasFrontMatterDate(f.result)).map((f) => f.file);
  const commits = undated.length > 0 ? lastCommitDates(undated) : new Map<string, Date>();
  const model = new WorkspaceModel({
    fileExists: (key) => {
      const full = path.resolve(root, key);
      return fs.existsSync(full);
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
  return { model, shown, absolute, root };
}

function hasFrontMatterDate(result: LintResult): boolean {
  return ['updated', 'last_updated', 'last-updated', 'lastUpdated', 'date'].some((key) => result.document.frontMatterValue(key) !== undefined);
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
export function addTraceFindings(files: readonly LintedFile[], cwd: string, keep: (finding: Finding) => boolean = () => true): { notes: string[]; workspace: LintedWorkspace; result: WorkspaceLintResult } {
  const workspace = buildWorkspace(files, cwd);
  const result = lintWorkspace(workspace.model);
  const byKey = new Map(files.map((f) => [path.relative(workspace.root, f.file).split(path.sep).join('/'), f]));
  for (const [key, findings] of result.findings) {
    const report = byKey.get(key)?.report;
    if (!report) continue;
    const kept = findings.filter(keep);
    if (kept.length === 0) continue;
    report.findings = [...report.findings, ...kept.map((finding) => shownFinding(finding, workspace.shown))]
      .sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  }
  return { notes: result.notes, workspace, result };
}

/** A finding whose related places in other files name them as the user sees them. */
function shownFinding(finding: Finding, shown: ReadonlyMap<string, string>): Finding {
  if (!finding.related?.some((place) => place.file !== undefined)) return finding;
  return { ...finding, related: finding.related.map((place) => (place.file !== undefined ? { ...place, file: shown.get(place.file) ?? place.file } : place)) };
}

export interface ReadWorkspaceOptions {
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
