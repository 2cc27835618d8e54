/**
 * `strategy-lint`: the engine on the command line, for CI gates and pre-commit hooks.
 *
 *   strategy-lint [options] <files, folders or globs…>
 *   strategy-lint review <file>
 *
 * Exit codes: 0 nothing at or above --max-severity (default error), 1 findings at or above it,
 * 2 usage or configuration error (findings are still printed; broken config keys fall back to defaults).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DOC_TYPES, SEVERITIES, lint, fixAll, parseSeverity, validateConfig, type ConfigLayer, type DocType, type LintResult, type Severity, type ConfigProblem } from '../engine/index.js';
import { loadConfigFile, loadConfigForFile, relativeToConfig, type LoadedConfig } from '../config/load.js';
import { FileReadError, documentReadLimit, readBoundedText, type ReadFile } from '../config/read-file.js';
import { lastSet } from '../engine/config/resolve.js';
import { buildReview } from '../review/review.js';
import { renderReviewMarkdown } from '../review/render-markdown.js';
import { VERSION } from '../version.js';
import { resolveFiles } from './files.js';
import { replaceFile } from './replace-file.js';
import { terminalSafe, terminalSafeLines } from './terminal.js';
import { formatText } from './format-text.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { listRules } from './list-rules.js';
import type { FileReport } from './report.js';
import { projectPathOf } from './project-root.js';
import { explainTypesJson, explainTypesText, type TypeExplanation } from './explain-type.js';
import { addTraceFindings, carriedOutByBeside, type LintedFile } from './workspace.js';
import { runMap } from './map.js';

export const USAGE = `Usage: strategy-lint [options] <files, folders or globs…>
       strategy-lint review [options] <file>
       strategy-lint map [--format markdown|json|mermaid] <folders, files or globs…>

Lints Markdown strategy documents: strategy and vision memos, OKRs, roadmaps,
release notes, decision docs and status updates.

Options:
  -f, --format <text|json|sarif>  Output format (default: text; review: markdown|json)
  -c, --config <file>             Use this config file instead of the nearest .strategy-lint.*
  -t, --type <type>               Force the document type (${DOC_TYPES.join(', ')})
      --max-severity <severity>   Exit 1 when a finding is at or above it (default: error)
      --reference-date <date>     Measure dates from YYYY-MM-DD instead of today
      --fix                       Apply safe fixes in place, then report what is left
      --list-rules                List every rule (with --format json for JSON)
      --explain-type              Show how each file's document type is decided, and stop
      --color / --no-color        Force colour on or off (default: on for a terminal)
  -h, --help                      Show this help
  -v, --version                   Show the version

Exit codes: 0 no findings at or above --max-severity, 1 findings at or above it,
2 usage or configuration error.`;

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  today?: Date;
  /** Called with each file `--fix` is about to replace, after it was read and fixed (tests edit it here). */
  beforeReplace?: (file: string) => void;
}

class UsageError extends Error {}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        type: { type: 'string', short: 't' },
        'max-severity': { type: 'string' },
        'reference-date': { type: 'string' },
        fix: { type: 'boolean' },
        'list-rules': { type: 'boolean' },
        'explain-type': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

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

async function runUnsafe(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'map') return runMap(argv.slice(1), io, { parse, usage: USAGE, usageError: (message) => new UsageError(message) });
  const reviewMode = argv[0] === 'review';
  const { values, positionals } = parse(reviewMode ? argv.slice(1) : argv);
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const formats = reviewMode ? ['markdown', 'json'] : ['text', 'json', 'sarif'];
  const format = values.format ?? (reviewMode ? 'markdown' : 'text');
  if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}, got "${format}"`);
  if (values['list-rules']) {
    io.stdout(listRules(format as 'text' | 'json'));
    return 0;
  }
  const forcedType = values.type as DocType | undefined;
  if (forcedType && !(DOC_TYPES as readonly string[]).includes(forcedType)) throw new UsageError(`--type must be one of ${DOC_TYPES.join(', ')}, got "${forcedType}"`);
  const maxSeverity = values['max-severity'] ? parseSeverity(values['max-severity']) : 'error';
  if (!maxSeverity || maxSeverity === 'off') throw new UsageError(`--max-severity must be one of ${SEVERITIES.join(', ')}, got "${values['max-severity']}"`);
  const referenceDate = values['reference-date'];
  if (referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new UsageError(`--reference-date must be YYYY-MM-DD, got "${referenceDate}"`);
  if (positionals.length === 0) throw new UsageError(reviewMode ? 'review needs a file' : 'no files given (name files, folders or globs, e.g. "strategy-lint docs/")');

  let explicitConfig: LoadedConfig | null = null;
  if (values.config) {
    const configPath = path.resolve(io.cwd, values.config);
    if (!fs.existsSync(configPath)) throw new UsageError(`--config: cannot find ${values.config}`);
    explicitConfig = loadConfigFile(configPath, { fallbackRoot: io.cwd });
  }
  const cliLayer: ConfigLayer[] = referenceDate ? [validateConfig({ referenceDate }, 'command line').layer] : [];

  const { files, unmatched, skipped } = await resolveFiles(positionals, io.cwd);
  if (unmatched.length > 0) throw new UsageError(`no Markdown files match ${unmatched.map((p) => `"${p}"`).join(', ')}`);
  if (reviewMode && files.length !== 1) throw new UsageError(`review takes exactly one file, got ${files.length}`);

  const reports: FileReport[] = skipped.map((file) => ({ file: displayPath(file.path, io.cwd), docType: 'generic', findings: [], configProblems: [], notes: [`skipped: ${file.reason}`], skipped: true }));
  const reportedProblems = new Set<string>();
  let configError = false;
  const configCache = new Map<string, LoadedConfig>();
  const explanations: TypeExplanation[] = [];
  const projectRoots = new Map<string, string | null>();
  /** Every file linted, for the rules over the whole set (trace/*). */
  const linted: LintedFile[] = [];
  for (const { path: file, root } of files) {
    const shown = displayPath(file, io.cwd);
    const dir = path.dirname(file);
    let config = explicitConfig ?? configCache.get(dir);
    if (!config) {
      config = loadConfigForFile(file, { fallbackRoot: io.cwd });
      configCache.set(dir, config);
    }
    const layers = [...config.layers, ...cliLayer];
    const readLimit = documentReadLimit(lastSet(layers, 'maxDocumentLength'));
    let read: ReadFile;
    try {
      read = readBoundedText(file, readLimit);
    } catch (error) {
      if (error instanceof FileReadError && error.reason === 'not-utf8') {
        reports.push({ file: shown, docType: 'generic', findings: [], configProblems: [], notes: [`skipped: ${error.message}; Strategy Lint reads UTF-8 only`], skipped: true });
        continue;
      }
      const message = error instanceof FileReadError ? error.message : `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
      reports.push({ file: shown, docType: 'generic', findings: [], configProblems: [], error: message });
      configError = true;
      continue;
    }
    const text = read.text;
    const lintOptions = {
      filePath: file,
      relativePath: relativeToConfig(file, config, io.cwd),
      projectPath: projectPathOf(file, projectRoots),
      layers,
      type: forcedType,
      today: io.today,
    };
    if (values['explain-type']) {
      explanations.push({ file: shown, decision: lint(text, lintOptions).document.typeDecision });
      continue;
    }
    const notes: string[] = [];
    let writeError: string | undefined;
    let result: LintResult;
    if (values.fix && !reviewMode) {
      // With nothing to fix, fixAll's lint is the lint of the text.
      const fixed = fixAll(text, lintOptions, true);
      result = fixed.remaining;
      if (fixed.fixed > 0) {
        const target = writableTarget(file, root, displayPath(root, io.cwd) || '.');
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
    reports.push({ file: shown, docType: result.docType, docTypeReason: result.document.typeDecision.reason, findings: result.findings, configProblems: problems, ...(writeError ? { error: writeError } : {}), ...(notes.length > 0 ? { notes } : {}) });
    linted.push({ file, shown, result, report: reports[reports.length - 1] });
    if (reviewMode) {
      const carried = result.docType === 'strategy' ? await carriedOutByBeside(file, result, io) : undefined;
      const review = buildReview(result, { fileName: shown, ...(carried !== undefined ? { carriedOutBy: carried } : {}) });
      for (const problem of problems) io.stderr(terminalSafeLines(`${problem.file}: config error ${problem.key}: ${problem.message} (using defaults for it)\n`));
      io.stdout(format === 'json' ? `${JSON.stringify(review, null, 2)}\n` : terminalSafeLines(renderReviewMarkdown(review)));
      return configError ? 2 : 0;
    }
  }

  if (values['explain-type']) {
    io.stdout(format === 'json' ? explainTypesJson(explanations) : explainTypesText(explanations));
    return 0;
  }
  // The rules over the documents together: does the roadmap carry out the strategy?
  for (const note of addTraceFindings(linted, io.cwd).notes) io.stderr(terminalSafeLines(`strategy-lint: note: ${note}\n`));
  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb' || Boolean(io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0');
  if (format === 'json' || format === 'sarif') {
    io.stdout(format === 'json' ? formatJson(reports) : formatSarif(reports, io.cwd));
    // Everything else goes to stderr, so that stdout stays one JSON document.
    for (const report of reports) {
      for (const problem of report.configProblems) io.stderr(terminalSafeLines(`${problem.file}: config error ${problem.key}: ${problem.message} (using defaults for it)\n`));
      if (report.error) io.stderr(terminalSafeLines(`${report.file}: error ${report.error}\n`));
      for (const note of report.notes ?? []) io.stderr(terminalSafeLines(`${report.file}: warning ${note}\n`));
    }
  } else {
    io.stdout(formatText(reports, color, { itemHints: maxSeverity === 'hint' }));
  }
  if (configError) return 2;
  const threshold = SEVERITY_RANK[maxSeverity];
  const failing = reports.some((report) => report.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold));
  return failing ? 1 : 0;
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
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    process.stderr.write(`strategy-lint: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
