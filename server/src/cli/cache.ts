/**
 * `--cache`: the findings of each file kept in a cache file between runs, as ESLint's `--cache`
 * does, so an unchanged file is not linted again. An entry is used only when the file's content,
 * the options it is linted with (its config layers, the document type forced, the paths that
 * decide its type, the reference day when none is configured) and Strategy Lint's version are
 * those it was written with; else the file is linted and the entry replaced. A cache file that
 * cannot be read or is of another version is ignored (and rewritten).
 *
 * The trace/* findings (rules over all the documents together) are kept for the run as a whole:
 * used only when every document they read — its path, content and options — and the working
 * folder are those they were computed from, and the disk still says what they rested on (which
 * linked files are there, git's dates: workspace.ts traceRecordHolds).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintOptions } from '../engine/index.js';
import { VERSION } from '../version.js';
import type { LintSummary } from './parallel.js';
import type { TraceRecord } from './workspace.js';

const DEFAULT_CACHE_FILE = '.strategy-lint-cache';

interface CacheEntry {
  /** SHA-256 of the file's text. */
  content: string;
  /** SHA-256 of the lint options and version. */
  options: string;
  summary: LintSummary;
}

interface CacheFile {
  version: string;
  entries: Record<string, CacheEntry>;
  /** The last run's trace/* findings, by the key of what they were computed from. */
  trace?: { key: string; record: TraceRecord };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');

/** The day a date rule measures from when nothing configures one (the engine's `today`). */
function dayOf(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

export class LintCache {
  private entries: Record<string, CacheEntry> = {};
  private trace: CacheFile['trace'];
  private changed = false;

  constructor(readonly file: string) {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (parsed && parsed.version === VERSION && parsed.entries && typeof parsed.entries === 'object') {
        this.entries = parsed.entries;
        if (parsed.trace && typeof parsed.trace.key === 'string' && parsed.trace.record && typeof parsed.trace.record === 'object') this.trace = parsed.trace;
      }
    } catch {
      // No cache yet, or not one of ours: start empty.
    }
  }

  /** Where `--cache-location` puts the cache: a folder (existing, or named with a trailing slash) gets the default name inside it. */
  static locate(cwd: string, location: string | undefined): string {
    if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
    const resolved = path.resolve(cwd, location);
    const isFolder = /[\\/]$/.test(location) || (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory());
    return isFolder ? path.join(resolved, DEFAULT_CACHE_FILE) : resolved;
  }

  /** The key of the options a file is linted with. */
  static optionsKey(options: LintOptions): string {
    const { today, onRuleError: _onRuleError, ...rest } = options;
    return sha256(JSON.stringify([VERSION, rest, dayOf(today ?? new Date())]));
  }

  get(file: string, text: string, optionsKey: string): LintSummary | undefined {
    const entry = Object.hasOwn(this.entries, file) ? this.entries[file] : undefined;
    if (!entry || entry.options !== optionsKey || entry.content !== sha256(text)) return undefined;
    return entry.summary;
  }

  set(file: string, text: string, optionsKey: string, summary: LintSummary): void {
    this.entries[file] = { content: sha256(text), options: optionsKey, summary };
    this.changed = true;
  }

  /** The key of a run's trace/* inputs: the working folder, the workspace root, and each document's path, content and options key. */
  static traceKey(cwd: string, root: string, documents: ReadonlyArray<readonly [file: string, text: string, optionsKey: string]>): string {
    return sha256(JSON.stringify([VERSION, cwd, root, documents.map(([file, text, optionsKey]) => [file, sha256(text), optionsKey])]));
  }

  getTrace(key: string): TraceRecord | undefined {
    return this.trace?.key === key ? this.trace.record : undefined;
  }

  setTrace(key: string, record: TraceRecord): void {
    this.trace = { key, record };
    this.changed = true;
  }

  /** Write the cache file (atomically) if anything changed; a failure to write is returned, not thrown. */
  save(): string | null {
    if (!this.changed) return null;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify({ version: VERSION, entries: this.entries, ...(this.trace ? { trace: this.trace } : {}) } satisfies CacheFile));
      fs.renameSync(temporary, this.file);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}
