/**
 * `strategy-lint`: the engine on the command line, for CI gates, pre-commit hooks and editors.
 *
 *   strategy-lint [options] <files, folders or globs…>
 *   strategy-lint [options] --stdin [--stdin-filename <path>]
 *   strategy-lint review <file>
 *   strategy-lint map [--format markdown|json|mermaid] <folders, files or globs…>
 *   strategy-lint --init | --print-config <file> | --list-rules
 *
 * Exit codes: 0 nothing at or above --max-severity (default error), 1 findings at or above it (or
 * more warnings than --max-warnings), 2 usage or configuration error (findings are still printed;
 * broken config keys fall back to defaults).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, fixAll, type LintOptions, type LintResult, type Severity, type ConfigProblem } from '../engine/index.js';
import { FileReadError, readBoundedText, type ReadFile } from '../config/read-file.js';
import { buildReview } from '../review/review.js';
import { renderReviewMarkdown } from '../review/render-markdown.js';
import { VERSION } from '../version.js';
import { resolveFiles } from './files.js';
import { replaceFile } from './replace-file.js';
import { terminalSafe, terminalSafeLines } from './terminal.js';
import { formatText } from './format-text.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatGithub } from './format-github.js';
import { formatJunit } from './format-junit.js';
import { listRules } from './list-rules.js';
import type { FileReport } from './report.js';
import { explainTypesJson, explainTypesText, type TypeExplanation } from './explain-type.js';
import { parseOptions, UsageError, USAGE, type CliOptions } from './options.js';
import { LintContext } from './lint-context.js';
import { readStdinText, StdinError } from './stdin.js';
import { Progress } from './progress.js';
import { initConfig } from './init.js';
import { describeConfig, printConfigText } from './print-config.js';
import { LintCache } from './cache.js';
import { lintInWorkers, summarize, workerCount, type LintJob, type LintSummary } from './parallel.js';
import { addTraceFindings, applyTraceRecord, carriedOutByBeside, commonRoot, documentOnly, traceRecordHolds, type LintedFile, type LintedFileRef } from './workspace.js';
import { runMap } from './map.js';

export { USAGE };

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Is stdout a terminal (colour)? */
  isTTY: boolean;
  /** Is stderr a terminal (the progress line)? */
  stderrIsTTY?: boolean;
  /** The terminal's width, for the progress line. */
  columns?: number;
  env: NodeJS.ProcessEnv;
  /** Standard input, for --stdin. */
  stdin?: AsyncIterable<Uint8Array>;
  today?: Date;
  /** Called with each file `--fix` is about to replace, after it was read and fixed (tests edit it here). */
  beforeReplace?: (file: string) => void;
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

function displayPath(file: string, cwd: string): string {
  // Relative to the working folder (as the user typed it), unless on another drive.
  const relative = path.relative(cwd, file);
  return (path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    return await runUnsafe(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`strategy-lint: ${terminalSafe(error.message)}\nRun "strategy-lint --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}

/** A document to lint: a file on disk, or standard input (its text read already) named as a file. */
interface Input {
  /** Absolute path (for standard input, the --stdin-filename, which need not exist). */
  path: string;
  /** The folder being linted: `--fix` writes through a link only into it. */
  root: string;
  shown: string;
  stdinText?: string;
}

const configProblemLine = (problem: ConfigProblem) => terminalSafeLines(`${problem.file}: config error ${problem.key}: ${problem.message} (using defaults for it)\n`);

async function runUnsafe(argv: string[], io: CliIo): Promise<number> {
  const options = parseOptions(argv);
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (options.listRules) {
    io.stdout(listRules(options.format === 'json' ? 'json' : 'text'));
    return 0;
  }
  if (options.init) {
    const outcome = await initConfig(io.cwd);
    (outcome.written ? io.stdout : io.stderr)(terminalSafeLines(outcome.written ? outcome.message : `strategy-lint: ${outcome.message}\n`));
    return outcome.written ? 0 : 2;
  }
  if (options.config && !fs.existsSync(path.resolve(io.cwd, options.config))) throw new UsageError(`--config: cannot find ${options.config}`);
  const context = new LintContext({
    cwd: io.cwd,
    configFile: options.config,
    referenceDate: options.referenceDate,
    type: options.type,
    today: io.today,
    ignorePatterns: options.ignorePatterns,
    noIgnore: options.noIgnore,
  });
  if (options.map) return runMap(options, context, io);
  const shown = (file: string) => displayPath(file, io.cwd);
  if (options.printConfig !== undefined) {
    const printed = describeConfig(options.printConfig, context, shown);
    io.stdout(options.format === 'json' ? `${JSON.stringify(printed, null, 2)}\n` : printConfigText(printed));
    const problems = context.configFor(path.resolve(io.cwd, options.printConfig)).problems;
    for (const problem of problems) io.stderr(configProblemLine({ ...problem, file: shown(problem.file) }));
    return problems.length > 0 ? 2 : 0;
  }

  const reports: FileReport[] = [];
  const inputs: Input[] = [];
  if (options.stdin) {
    const file = path.resolve(io.cwd, options.stdinFilename ?? 'stdin.md');
    const text = await readStdin(io, context, file);
    if (text === null) return 2;
    inputs.push({ path: file, root: io.cwd, shown: options.stdinFilename !== undefined ? shown(file) : '<stdin>', stdinText: text });
  } else {
    if (options.positionals.length === 0) throw new UsageError(options.review ? 'review needs a file' : 'no files given (name files, folders or globs, e.g. "strategy-lint docs/")');
    const { files, unmatched, skipped } = await resolveFiles(options.positionals, io.cwd, { gitignore: !options.noIgnore });
    if (unmatched.length > 0) throw new UsageError(`no Markdown files match ${unmatched.map((p) => `"${p}"`).join(', ')}`);
    reports.push(...skipped.map((file): FileReport => ({ file: shown(file.path), docType: 'generic', findings: [], configProblems: [], notes: [`skipped: ${file.reason}`], skipped: true })));
    inputs.push(...files.map(({ path: file, root }) => ({ path: file, root, shown: shown(file) })));
  }
  if (options.review && inputs.length !== 1) throw new UsageError(`review takes exactly one file, got ${inputs.length}`);

  // A plain lint (no --fix, review or --explain-type) of files: on the machine's cores and through
  // the --cache, before the reports are made in order below.
  const progress = Progress.for(inputs.length, io.stderr, io.stderrIsTTY === true, io.columns);
  const plain = !options.fix && !options.review && !options.explainType && !options.stdin;
  const cache = plain && options.cache ? new LintCache(LintCache.locate(io.cwd, options.cacheLocation)) : null;
  const linted = plain ? await lintFiles(inputs, context, io, progress, cache) : new Map<number, LintSummary>();

  const reportedProblems = new Set<string>();
  let configError = false;
  const explanations: TypeExplanation[] = [];
  /** Every file linted but generic ones, for the rules over the whole set (trace/*); `lintedPaths`: all of them. */
  const traced: TracedFile[] = [];
  const lintedPaths: string[] = [];
  for (const [index, input] of inputs.entries()) {
    if (!linted.has(index)) progress?.update(index, input.shown);
    const file = input.path;
    const config = context.configFor(file);
    // `ignores` and --ignore-pattern leave a file out even when it is named (pre-commit names every staged file).
    if (context.ignored(file, config)) {
      if (input.stdinText !== undefined && options.fix) io.stdout(input.stdinText);
      continue;
    }
    const readLimit = context.readLimit(config);
    let read: ReadFile | null = null;
    let text: string;
    if (input.stdinText !== undefined) text = input.stdinText;
    else {
      try {
        read = readBoundedText(file, readLimit);
      } catch (error) {
        if (error instanceof FileReadError && error.reason === 'not-utf8') {
          reports.push({ file: input.shown, docType: 'generic', findings: [], configProblems: [], notes: [`skipped: ${error.message}; Strategy Lint reads UTF-8 only`], skipped: true });
          continue;
        }
        const message = error instanceof FileReadError ? error.message : `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
        reports.push({ file: input.shown, docType: 'generic', findings: [], configProblems: [], error: message });
        configError = true;
        continue;
      }
      text = read.text;
    }
    const lintOptions = context.lintOptions(file, config);
    if (options.explainType) {
      explanations.push({ file: input.shown, decision: lint(text, lintOptions).document.typeDecision });
      continue;
    }
    const notes: string[] = [];
    let writeError: string | undefined;
    let result: LintResult | LintSummary;
    const done = linted.get(index);
    if (done) result = done;
    else if (options.fix && !options.review && input.stdinText !== undefined) {
      // Standard input is fixed on standard output, whole, and nothing else is printed there.
      const fixed = fixAll(text, lintOptions, true);
      io.stdout(fixed.text);
      result = fixed.remaining;
    } else if (options.fix && !options.review && read) {
      // With nothing to fix, fixAll's lint is the lint of the text.
      const fixed = fixAll(text, lintOptions, true);
      result = fixed.remaining;
      if (fixed.fixed > 0) {
        const target = writableTarget(file, input.root, displayPath(input.root, io.cwd) || '.');
        if ('refused' in target) notes.push(`not fixed: ${target.refused}`);
        else {
          io.beforeReplace?.(file);
          const outcome = replaceFile(target.path, read, fixed.text, readLimit);
          if (!outcome.replaced && outcome.reason === 'changed') notes.push(`not fixed: ${outcome.message}`);
          else if (!outcome.replaced) {
            writeError = `not fixed: ${outcome.message}`;
            configError = true;
          }
        }
        // Not written: report what is in the file, not what the fixes would have left.
        if (notes.length > 0 || writeError) result = lint(text, lintOptions);
      }
    } else result = lint(text, lintOptions);
    const problems: ConfigProblem[] = [];
    for (const problem of [...config.problems, ...result.problems]) {
      const key = `${problem.file}\u0000${problem.key}\u0000${problem.message}`;
      if (reportedProblems.has(key)) continue;
      reportedProblems.add(key);
      problems.push({ ...problem, file: displayPath(problem.file.replace(/ \(front matter\)$/, ''), io.cwd) + (problem.file.endsWith('(front matter)') ? ' (front matter)' : '') });
    }
    if (config.problems.length > 0 || result.problems.length > 0) configError = true;
    const findings = options.quiet ? result.findings.filter((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK.warning) : result.findings;
    const typeReason = 'document' in result ? result.document.typeDecision.reason : result.typeReason;
    reports.push({ file: input.shown, docType: result.docType, docTypeReason: typeReason, findings, configProblems: problems, ...(writeError ? { error: writeError } : {}), ...(notes.length > 0 ? { notes } : {}) });
    // The workspace model (trace/*) reads every document but generic ones, which carry nothing it
    // links or reports (a link to one resolves by the file being there).
    lintedPaths.push(file);
    if (result.docType !== 'generic') traced.push({ file, shown: input.shown, text, lintOptions, result, report: reports[reports.length - 1] });
    if (options.review && 'document' in result) {
      const carried = result.docType === 'strategy' && input.stdinText === undefined ? await carriedOutByBeside(file, result, context) : undefined;
      const review = buildReview(result, { fileName: input.shown, ...(carried !== undefined ? { carriedOutBy: carried } : {}) });
      for (const problem of problems) io.stderr(configProblemLine(problem));
      io.stdout(options.format === 'json' ? `${JSON.stringify(review, null, 2)}\n` : terminalSafeLines(renderReviewMarkdown(review)));
      return configError ? 2 : 0;
    }
  }
  progress?.done();

  if (options.explainType) {
    io.stdout(options.format === 'json' ? explainTypesJson(explanations) : explainTypesText(explanations));
    return 0;
  }
  // The rules over the documents together: does the roadmap carry out the strategy? (Never cached:
  // a document's trace findings change with the others.)
  const keep = (finding: { severity: Severity }) => !options.quiet || SEVERITY_RANK[finding.severity] >= SEVERITY_RANK.warning;
  for (const note of traceFindings(traced, lintedPaths, io.cwd, keep, cache)) io.stderr(terminalSafeLines(`strategy-lint: note: ${note}\n`));
  if (cache) {
    const failed = cache.save();
    if (failed) io.stderr(terminalSafeLines(`strategy-lint: warning: the cache ${displayPath(cache.file, io.cwd)} was not written (${failed})\n`));
  }
  if (options.stdin && options.fix) {
    // The fixed text is on stdout; what went wrong goes to stderr, and remaining findings do not fail the run.
    for (const report of reports) for (const problem of report.configProblems) io.stderr(configProblemLine(problem));
    return configError ? 2 : 0;
  }
  printReports(reports, options, io);
  if (configError) return 2;
  const threshold = SEVERITY_RANK[options.maxSeverity];
  const failing = reports.some((report) => report.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold));
  if (failing) return 1;
  if (options.maxWarnings !== undefined) {
    const warnings = reports.reduce((sum, report) => sum + report.findings.filter((finding) => finding.severity === 'warning').length, 0);
    if (warnings > options.maxWarnings) {
      io.stderr(`strategy-lint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows\n`);
      return 1;
    }
  }
  return 0;
}

/**
 * The lints of the files a plain run reports, by input index: from the --cache where the file,
 * its options and the version are unchanged, else on worker threads (or this one, for a few
 * files). Files that are ignored or cannot be read are left to the report loop, which says why.
 */
async function lintFiles(inputs: readonly Input[], context: LintContext, io: CliIo, progress: Progress | null, cache: LintCache | null): Promise<Map<number, LintSummary>> {
  const results = new Map<number, LintSummary>();
  const jobs: Array<LintJob & { file: string; optionsKey: string }> = [];
  for (const [index, input] of inputs.entries()) {
    const config = context.configFor(input.path);
    if (context.ignored(input.path, config)) continue;
    let text: string;
    try {
      text = readBoundedText(input.path, context.readLimit(config)).text;
    } catch {
      continue;
    }
    const lintOptions = context.lintOptions(input.path, config);
    const optionsKey = cache ? LintCache.optionsKey(lintOptions) : '';
    const cached = cache?.get(input.path, text, optionsKey);
    if (cached) results.set(index, cached);
    else jobs.push({ index, text, options: lintOptions, file: input.path, optionsKey });
  }
  const workers = workerCount(jobs.length, io.env.STRATEGY_LINT_WORKERS);
  if (workers > 0) {
    let finished = results.size;
    const done = await lintInWorkers(jobs.map(({ index, text, options: jobOptions }) => ({ index, text, options: jobOptions })), workers,
      (index) => progress?.update(finished++, inputs[index].shown));
    for (const [index, summary] of done) results.set(index, summary);
  } else {
    for (const job of jobs) {
      progress?.update(job.index, inputs[job.index].shown);
      results.set(job.index, summarize(job.text, job.options));
    }
  }
  // Written once the trace/* findings are in it too (runUnsafe).
  if (cache) for (const job of jobs) cache.set(job.file, job.text, job.optionsKey, results.get(job.index)!);
  return results;
}

/** A linted document for the trace/* rules: its text and options, to build its model when needed. */
type TracedFile = LintedFileRef & { shown: string; text: string; lintOptions: LintOptions; result: LintResult | LintSummary };

/**
 * Add the trace/* findings to the reports of `traced` (the workspace of the linted files, keyed
 * relative to their common folder); returns the run's notes. With the --cache, an unchanged run
 * reuses the last run's findings without building a document model; otherwise a document linted
 * in a worker or taken from the cache gets its model built again, without running a rule.
 */
function traceFindings(traced: readonly TracedFile[], lintedPaths: readonly string[], cwd: string, keep: (finding: { severity: Severity }) => boolean, cache: LintCache | null): string[] {
  const root = commonRoot(lintedPaths, cwd);
  const key = cache ? LintCache.traceKey(cwd, root, traced.map((entry) => [entry.file, entry.text, LintCache.optionsKey(entry.lintOptions)] as const)) : null;
  const cached = key !== null ? cache!.getTrace(key) : undefined;
  if (cached && traceRecordHolds(cached)) {
    applyTraceRecord(cached, traced, keep);
    return cached.notes;
  }
  const files: LintedFile[] = traced.map((entry) => ({
    file: entry.file, shown: entry.shown, report: entry.report, result: 'document' in entry.result ? entry.result : documentOnly(entry.text, entry.lintOptions),
  }));
  const { record } = addTraceFindings(files, cwd, keep, root);
  if (key !== null) cache!.setTrace(key, record);
  return record.notes;
}

/** Standard input's text (bounded as a file's), or null after saying why it could not be read. */
async function readStdin(io: CliIo, context: LintContext, file: string): Promise<string | null> {
  try {
    return await readStdinText(io.stdin, context.readLimit(context.configFor(file)));
  } catch (error) {
    if (!(error instanceof StdinError)) throw error;
    io.stderr(`strategy-lint: ${error.message}\n`);
    return null;
  }
}

function printReports(reports: readonly FileReport[], options: CliOptions, io: CliIo): void {
  const itemHints = { itemHints: options.maxSeverity === 'hint' };
  if (options.format === 'text') {
    const color = options.color ?? ((io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb') || Boolean(io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0'));
    io.stdout(formatText(reports, color, itemHints));
    return;
  }
  if (options.format === 'github') {
    // Everything, config problems and warnings about files included, is an annotation.
    io.stdout(formatGithub(reports, itemHints));
    return;
  }
  io.stdout(options.format === 'json' ? formatJson(reports) : options.format === 'sarif' ? formatSarif(reports, io.cwd) : formatJunit(reports, itemHints));
  // Everything else goes to stderr, so that stdout stays one JSON (or XML) document.
  for (const report of reports) {
    for (const problem of report.configProblems) io.stderr(configProblemLine(problem));
    if (report.error) io.stderr(terminalSafeLines(`${report.file}: error ${report.error}\n`));
    for (const note of report.notes ?? []) io.stderr(terminalSafeLines(`${report.file}: warning ${note}\n`));
  }
}

/**
 * Where `--fix` may write a file's fixed text: its real path, when the file is no link or its
 * real path lies inside the folder being linted. A link out of it is linted, never written through.
 */
function writableTarget(file: string, root: string, rootShown: string): { path: string } | { refused: string } {
  let real: string;
  let realRoot: string;
  try {
    real = fs.realpathSync(file);
    realRoot = fs.realpathSync(root);
  } catch {
    return { refused: 'its real path cannot be found' };
  }
  if (real === path.resolve(file)) return { path: real };
  const relative = path.relative(realRoot, real);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return { path: real };
  return { refused: `it is a symbolic link to a file outside ${rootShown}; Strategy Lint never writes through such a link` };
}

/** Entry point of the bundled CLI (server/out/cli.js). */
export function main(): void {
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stderr.columns,
    env: process.env,
    stdin: process.stdin,
  }).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    process.stderr.write(`strategy-lint: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
