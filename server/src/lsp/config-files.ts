/**
 * Config files in the editor: `.strategy-lint.{json,yaml,yml}` found above each document (cached
 * per folder until the client's file watcher reports a change), and their problems shown where
 * they are — a diagnostic on the config file itself, at the offending key when it can be found —
 * plus one warning notification per distinct set of problems. A broken config never stops
 * linting: the engine keeps whatever was valid, on top of the defaults.
 */
import * as path from 'node:path';
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver';
import { loadConfigForFile, type LoadedConfig } from '../config/load.js';
import type { ConfigProblem } from '../engine/index.js';
import { DIAGNOSTIC_SOURCE } from './protocol.js';
import type { WorkspaceFiles } from './workspace-files.js';

export const CONFIG_DIAGNOSTIC_CODE = 'strategy-lint/config';

const EMPTY: LoadedConfig = { layers: [], problems: [], files: [], baseDir: null };

export class ConfigFiles {
  private readonly byFolder = new Map<string, Promise<LoadedConfig>>();
  private workspaceTrusted = true;

  constructor(private readonly files: WorkspaceFiles) {}

  /** Untrusted workspace: config files are not read at all (no layers, no problems). */
  setWorkspaceTrusted(trusted: boolean): void {
    this.workspaceTrusted = trusted;
    this.invalidate();
  }

  /** The config that applies to a file (nearest config file, stopping at the workspace folder). */
  forFile(filePath: string, workspaceFolder: string | null): Promise<LoadedConfig> {
    if (!this.workspaceTrusted) return Promise.resolve(EMPTY);
    const dir = path.dirname(filePath);
    const key = `${dir}\u0000${workspaceFolder ?? ''}`;
    let loaded = this.byFolder.get(key);
    if (!loaded) {
      loaded = this.files.read((files) => loadConfigForFile(filePath, { stopAt: workspaceFolder ?? undefined, files })).catch((error: unknown): LoadedConfig => (
        { ...EMPTY, problems: [{ file: dir, key: '(file)', message: `config could not be loaded: ${error instanceof Error ? error.message : String(error)}` }] }
      ));
      this.byFolder.set(key, loaded);
    }
    return loaded;
  }

  /** A config file changed, appeared or went away: forget everything (cheap to reload). */
  invalidate(): void {
    this.byFolder.clear();
  }
}

/** Where in a config file's text a problem is: the key's name, the parser's position, or line 1. */
export function locateProblem(text: string, problem: ConfigProblem): { start: number; end: number } {
  const firstLine = { start: 0, end: Math.max(0, text.search(/\r?\n|$/)) };
  if (problem.key === '(file)' || problem.key === '(root)') {
    const lineColumn = /line (\d+)[, ]+column (\d+)/i.exec(problem.message);
    if (lineColumn) {
      const offset = offsetOfLine(text, Number(lineColumn[1]) - 1) + Number(lineColumn[2]) - 1;
      return lineRangeFrom(text, Math.min(offset, text.length));
    }
    const position = /at position (\d+)/i.exec(problem.message);
    if (position) return lineRangeFrom(text, Math.min(Number(position[1]), text.length));
    return firstLine;
  }
  const segments = problem.key.split('.');
  let cursor = 0;
  let found: { start: number; end: number } | null = null;
  for (let i = 0; i < segments.length;) {
    let matched = false;
    // Keys may contain dots themselves ("types.docs/*.md"): try the longest join first.
    for (let j = segments.length; j > i; j--) {
      const name = segments.slice(i, j).join('.');
      const hit = findKey(text, name, cursor);
      if (hit) {
        found = hit;
        cursor = hit.end;
        i = j;
        matched = true;
        break;
      }
    }
    if (!matched) i++;
  }
  return found ?? firstLine;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A key as JSON (`"key":`) or YAML (`key:`, `'key':`, `"key":`) writes it, at or after `from`. */
function findKey(text: string, name: string, from: number): { start: number; end: number } | null {
  const escaped = escapeRegExp(name);
  const pattern = new RegExp(`(["']?)(${escaped})\\1\\s*:`, 'g');
  pattern.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const start = match.index;
    const before = start > 0 ? text[start - 1] : '\n';
    // The name must not be the tail of a longer key.
    if (match[1] || /[\s{,[-]/.test(before)) {
      const nameStart = start + match[1].length;
      return { start: nameStart, end: nameStart + match[2].length };
    }
  }
  return null;
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

function lineRangeFrom(text: string, offset: number): { start: number; end: number } {
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return end > offset ? { start: offset, end } : { start: Math.max(0, offset - 1), end: Math.max(offset, end) };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Problems that belong to a config file on disk (not "settings" or a document's front matter). */
function isFileProblem(problem: ConfigProblem): boolean {
  return path.isAbsolute(problem.file) && !problem.file.endsWith('(front matter)');
}

export function configDiagnostics(text: string, problems: readonly ConfigProblem[]): Diagnostic[] {
  return problems.map((problem) => {
    const range = locateProblem(text, problem);
    const unreadable = problem.key === '(file)';
    return {
      range: { start: positionAt(text, range.start), end: positionAt(text, range.end) },
      severity: unreadable ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: CONFIG_DIAGNOSTIC_CODE,
      source: DIAGNOSTIC_SOURCE,
      message: unreadable ? `Strategy Lint config ${problem.message}. Linting uses the defaults until it is fixed.` : `${problem.key}: ${problem.message}`,
    };
  });
}

/**
 * Publishes config problems: diagnostics per config file (cleared when a file has none left) and
 * one window/showMessage warning per distinct problem set, so typing in a document does not
 * repeat the notification.
 */
export class ConfigProblemReporter {
  private readonly published = new Map<string, string>();
  private readonly notified = new Set<string>();

  constructor(private readonly connection: Connection, private readonly workspaceFiles: WorkspaceFiles) {}

  /** Report the problems of the config files in `files` (those files' diagnostics are replaced). */
  async report(files: readonly string[], problems: readonly ConfigProblem[], settingsProblems: readonly ConfigProblem[] = []): Promise<void> {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const file of files) byFile.set(file, []);
    for (const problem of problems.filter(isFileProblem)) {
      const list = byFile.get(problem.file) ?? [];
      list.push(problem);
      byFile.set(problem.file, list);
    }
    this.notify([...problems.filter(isFileProblem), ...settingsProblems]);
    for (const [file, list] of byFile) {
      const signature = JSON.stringify(list);
      if (this.published.get(file) === signature) continue;
      this.published.set(file, signature);
      // Missing, unreadable, not a regular file or too large: diagnostics land on line 1.
      const text = await this.workspaceFiles.read((access) => access.readText(file)).catch(() => '');
      if (this.published.get(file) !== signature) continue; // a newer report replaced this one meanwhile
      void this.connection.sendDiagnostics({ uri: this.workspaceFiles.uriOf(file), diagnostics: configDiagnostics(text, list) });
    }
  }

  /** After a config file change: clear the diagnostics of config files that no longer exist. */
  async reset(): Promise<void> {
    const files = [...this.published.keys()];
    const present = await this.workspaceFiles.read((access) => files.map((file) => access.kind(file) !== null));
    files.forEach((file, i) => {
      if (present[i]) return;
      void this.connection.sendDiagnostics({ uri: this.workspaceFiles.uriOf(file), diagnostics: [] });
      this.published.delete(file);
    });
  }

  private notify(problems: readonly ConfigProblem[]): void {
    if (problems.length === 0) return;
    const signature = JSON.stringify(problems.map((p) => `${p.file}|${p.key}|${p.message}`).sort());
    if (this.notified.has(signature)) return;
    this.notified.add(signature);
    const first = problems[0];
    const where = first.file === 'settings' ? 'settings' : path.basename(first.file.replace(/ \(front matter\)$/, ''));
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    const detail = first.key === '(file)' ? first.message : `${first.key}: ${first.message}`;
    // A notification (window/showMessage), not a request: nothing to answer, nothing to wait for.
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `Strategy Lint: configuration problem in ${where} — ${detail}${more}. Linting continues with the valid settings and the defaults.`,
    });
  }
}
