/**
 * The command line, parsed and checked: every option, what it may be, and the usage text. A bad
 * value is a UsageError (exit 2) naming the option and what it takes.
 */
import { parseArgs } from 'node:util';
import { DOC_TYPES, SEVERITIES, parseSeverity, type DocType, type Severity } from '../engine/index.js';

export const USAGE = `Usage: strategy-lint [options] <files, folders or globs…>
       strategy-lint [options] --stdin [--stdin-filename <path>]
       strategy-lint review [options] <file>
       strategy-lint map [--format markdown|json|mermaid] <folders, files or globs…>
       strategy-lint --init | --print-config <file> | --list-rules

Lints Markdown strategy documents: strategy and vision memos, OKRs, roadmaps,
release notes, decision docs and status updates.

Output:
  -f, --format <format>           text (default), json, sarif, github (GitHub Actions
                                  annotations) or junit; review: markdown (default) or json;
                                  map: markdown (default), json or mermaid
      --quiet                     Report errors and warnings only
      --max-severity <severity>   Exit 1 when a finding is at or above it (default: error)
      --max-warnings <n>          Exit 1 when there are more than n warnings
      --color / --no-color        Force colour on or off (default: on for a terminal)
Configuration:
  -c, --config <file>             Use this config file instead of the nearest .strategy-lint.*
  -t, --type <type>               Force the document type (${DOC_TYPES.join(', ')})
      --reference-date <date>     Measure dates from YYYY-MM-DD instead of today
      --ignore-pattern <glob>     Leave out files matching the glob (repeatable)
      --no-ignore                 Lint files that .gitignore, "ignores" or --ignore-pattern leave out
      --cache                     Keep findings in a cache file and lint only files whose content,
                                  config or Strategy Lint version changed since (not with --fix)
      --cache-location <path>     The cache file, or a folder for it (default: .strategy-lint-cache)
      --init                      Write a starter .strategy-lint.json here
      --print-config <file>       Show the configuration that applies to a file, and where each value comes from
Input:
      --stdin                     Lint standard input
      --stdin-filename <path>     Lint standard input as if it were this file (type, config)
      --fix                       Apply safe fixes in place (with --stdin: print the fixed text)
Information:
      --list-rules                List every rule (with --format json for JSON)
      --explain-type              Show how each file's document type is decided, and stop
  -h, --help                      Show this help
  -v, --version                   Show the version

Exit codes: 0 no findings at or above --max-severity, 1 findings at or above it
(or more warnings than --max-warnings), 2 usage or configuration error.`;

export class UsageError extends Error {}

const LINT_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
const REVIEW_FORMATS = ['markdown', 'json'] as const;
const MAP_FORMATS = ['markdown', 'json', 'mermaid'] as const;
type LintFormat = (typeof LINT_FORMATS)[number];

export interface CliOptions {
  review: boolean;
  /** `strategy-lint map`: the strategy map of the documents instead of their findings. */
  map: boolean;
  format: string;
  config?: string;
  type?: DocType;
  maxSeverity: Severity;
  maxWarnings?: number;
  referenceDate?: string;
  quiet: boolean;
  fix: boolean;
  stdin: boolean;
  stdinFilename?: string;
  ignorePatterns: string[];
  noIgnore: boolean;
  cache: boolean;
  cacheLocation?: string;
  init: boolean;
  printConfig?: string;
  listRules: boolean;
  explainType: boolean;
  color?: boolean;
  help: boolean;
  version: boolean;
  positionals: string[];
}

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
        'max-warnings': { type: 'string' },
        'reference-date': { type: 'string' },
        quiet: { type: 'boolean' },
        fix: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'ignore-pattern': { type: 'string', multiple: true },
        'no-ignore': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        init: { type: 'boolean' },
        'print-config': { type: 'string' },
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

/** `argv` without the program name; a leading `review` selects the review, a leading `map` the strategy map. */
export function parseOptions(argv: string[]): CliOptions {
  const review = argv[0] === 'review';
  const map = argv[0] === 'map';
  const { values, positionals } = parse(review || map ? argv.slice(1) : argv);
  const formats: readonly string[] = review ? REVIEW_FORMATS : map ? MAP_FORMATS : LINT_FORMATS;
  const format = values.format ?? formats[0];
  if (!formats.includes(format)) throw new UsageError(`${map ? 'map: ' : ''}--format must be one of ${formats.join(', ')}, got "${format}"`);
  const type = values.type as DocType | undefined;
  if (type && !(DOC_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${DOC_TYPES.join(', ')}, got "${type}"`);
  const maxSeverity = values['max-severity'] ? parseSeverity(values['max-severity']) : 'error';
  if (!maxSeverity || maxSeverity === 'off') throw new UsageError(`--max-severity must be one of ${SEVERITIES.join(', ')}, got "${values['max-severity']}"`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings must be a whole number (0 or more), got "${values['max-warnings']}"`);
  }
  const referenceDate = values['reference-date'];
  if (referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new UsageError(`--reference-date must be YYYY-MM-DD, got "${referenceDate}"`);
  const stdin = values.stdin === true;
  if (values['stdin-filename'] !== undefined && !stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (stdin && positionals.length > 0) throw new UsageError(`--stdin lints standard input; name no files as well (got ${positionals.map((p) => `"${p}"`).join(', ')})`);
  if (map && stdin) throw new UsageError('map reads the documents of folders; --stdin is for linting one document');
  return {
    review,
    map,
    format,
    config: values.config,
    type,
    maxSeverity,
    maxWarnings,
    referenceDate,
    quiet: values.quiet === true,
    fix: values.fix === true,
    stdin,
    stdinFilename: values['stdin-filename'],
    ignorePatterns: values['ignore-pattern'] ?? [],
    noIgnore: values['no-ignore'] === true,
    cache: values.cache === true,
    cacheLocation: values['cache-location'],
    init: values.init === true,
    printConfig: values['print-config'],
    listRules: values['list-rules'] === true,
    explainType: values['explain-type'] === true,
    color: values['no-color'] ? false : values.color ? true : undefined,
    help: values.help === true,
    version: values.version === true,
    positionals,
  };
}
