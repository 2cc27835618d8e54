/**
 * The workspace model in the language server: one per workspace folder, holding every Markdown
 * document of the folder — open documents as the editor has them (each lint hands its model
 * over), the others as they are in the folder (read once through WorkspaceFiles — from disk on
 * the desktop, through the client in the browser — and again when the client reports a change). After a change only that document's part is rebuilt; the trace/*
 * findings are recomputed over the folder and the open documents whose findings changed get
 * their diagnostics again. The strategy map and a review's "Carried out by" read it too.
 *
 * The folder is read once the server is idle (no edit or lint for IDLE_MS), a file at a time,
 * waiting again whenever an edit or a lint comes in: opening a document, a restarted server's
 * first diagnostics and typing are never held up by the documents beside them; git (desktop only) runs as a child process, never blocking the server. Whether a linked
 * document exists (trace/broken-link) is asked of WorkspaceFiles too: a path not known yet counts
 * as there until the answer comes back.
 */
import * as path from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildStrategyMap, lint, lintWorkspace, undatedForHistory, WorkspaceModel, type Finding, type LintOptions, type LintResult, type StrategyMap, type WorkspaceLintResult } from '../engine/index.js';
import { documentReadLimit } from '../config/read-file.js';
import { lastSet } from '../engine/config/resolve.js';
import type { WorkspaceFiles } from './workspace-files.js';
import type { WorkspaceFolders } from './workspace-folders.js';

/** A folder with more Markdown files than this is read up to it (and the log says so). */
const MAX_FILES = 2000;
/** How long the server is left alone (no edit, no lint) before the folder scan reads the next file. */
const IDLE_MS = 300;
interface WorkspaceTraceDependencies {
  connection: Pick<Connection, 'console'>;
  documents: Pick<TextDocuments<TextDocument>, 'get' | 'all'>;
  folders: WorkspaceFolders;
  files: WorkspaceFiles;
  /** Lint options (settings and config files) of a document, and whether linting is on for it. */
  optionsFor(uri: string): Promise<{ options: LintOptions; settings: { enable: boolean } }>;
  /** Send an open document's diagnostics again: its trace findings changed. */
  republish(uri: string): void;
}

interface FolderState {
  folder: string;
  model: WorkspaceModel;
  result: WorkspaceLintResult | null;
  scan: Promise<void> | null;
  /** Each open document's trace findings as last published, to republish only what changed. */
  published: Map<string, string>;
  commits: Map<string, Date> | null;
  /** Workspace key → whether a file is there (trace/broken-link); `asked`: keys being looked up. */
  existence: Map<string, boolean>;
  asked: Set<string>;
}

export class WorkspaceTrace {
  private readonly states = new Map<string, FolderState>();
  private readonly said = new Set<string>();
  /** When an edit was scheduled or a lint finished last (the folder scan waits for quiet). */
  private lastActivity = 0;

  constructor(private readonly deps: WorkspaceTraceDependencies) {}

  /** The folder state and workspace key of a document, or null outside every workspace folder. */
  private locate(uri: string): { state: FolderState; key: string } | null {
    const file = this.deps.files.pathOf(uri);
    const folder = file ? this.deps.folders.folderOf(file) : null;
    if (!file || !folder) return null;
    return { state: this.stateOf(folder), key: path.relative(folder, file).split(path.sep).join('/') };
  }

  /** A document's workspace key (its path in its folder), or null outside every folder. */
  keyFor(uri: string): string | null {
    return this.locate(uri)?.key ?? null;
  }

  private stateOf(folder: string): FolderState {
    let state = this.states.get(folder);
    if (!state) {
      const existence = new Map<string, boolean>();
      const asked = new Set<string>();
      state = {
        folder, result: null, scan: null, published: new Map(), commits: null, existence, asked,
        // Not known yet: counted as there (no finding) and looked up; the answer recomputes (checkExistence).
        model: new WorkspaceModel({ fileExists: (key) => existence.get(key) ?? (asked.add(key), true), history: 'none' }),
      };
      this.states.set(folder, state);
    }
    return state;
  }

  private uriOf(state: FolderState, key: string): string {
    return this.deps.files.uriOf(this.pathOf(state, key));
  }

  private pathOf(state: FolderState, key: string): string {
    return path.join(state.folder, ...key.split('/'));
  }

  /** An edit or a lint is under way: the folder scan waits until the server has been quiet for IDLE_MS. */
  activity(): void {
    this.lastActivity = Date.now();
  }

  /** Resolves once nothing has happened for IDLE_MS. */
  private async quiet(): Promise<void> {
    for (;;) {
      const wait = this.lastActivity + IDLE_MS - Date.now();
      if (wait <= 0) return;
      await new Promise<void>((resolve) => setTimeout(resolve, wait));
    }
  }

  /** An open document was linted: its model replaces what the workspace had. */
  linted(uri: string, result: LintResult): void {
    this.activity();
    const located = this.locate(uri);
    if (!located) return;
    const { state, key } = located;
    state.existence.set(key, true);
    state.model.set(key, { document: result.document, layers: result.layers, lastCommitted: this.commitOf(state, key) });
    this.recompute(state, uri);
    // The rest of the folder is read once the server is quiet (this lint's diagnostics are out by then).
    if (!state.scan) void this.scanned(state);
  }

  /** A document was closed: the workspace reads it from disk again (its saved text). */
  async closed(uri: string): Promise<void> {
    const located = this.locate(uri);
    if (!located) return;
    await this.readFromDisk(located.state, located.key);
    this.recompute(located.state);
  }

  /** Markdown files changed on disk (the client watches them): documents that are not open are read again, deleted ones dropped. */
  async filesChanged(changes: ReadonlyArray<{ uri: string; deleted: boolean }>): Promise<void> {
    const touched = new Set<FolderState>();
    for (const change of changes) {
      if (this.deps.documents.get(change.uri)) continue;
      const located = this.locate(change.uri);
      if (!located || !located.state.scan) continue;
      located.state.existence.set(located.key, !change.deleted);
      if (change.deleted) located.state.model.delete(located.key);
      else await this.readFromDisk(located.state, located.key);
      touched.add(located.state);
    }
    for (const state of touched) this.recompute(state);
  }

  /** Workspace folders or configuration changed: read everything again. */
  reset(): void {
    this.states.clear();
  }

  /** The trace/* findings of a document, related places in other documents as URIs. */
  findingsFor(uri: string): Finding[] {
    const located = this.locate(uri);
    if (!located) return [];
    const { state, key } = located;
    const findings = state.result?.findings.get(key) ?? [];
    return findings.map((finding) => (finding.related?.some((place) => place.file !== undefined)
      ? { ...finding, related: finding.related.map((place) => (place.file !== undefined ? { ...place, file: this.uriOf(state, place.file) } : place)) }
      : finding));
  }

  /**
   * The strategy map of the docs repository of `uri` — the folder its strategy lives in, inside
   * its workspace folder — else of the first workspace folder, with each document's URI; null
   * without a folder. `folder` is the folder mapped.
   */
  async map(uri?: string): Promise<{ map: StrategyMap; uris: Record<string, string>; folder: string } | null> {
    const located = uri ? this.locate(uri) : null;
    const root = located?.state.folder ?? this.deps.folders.all[0];
    if (!root) return null;
    const state = this.stateOf(root);
    await this.scanned(state);
    state.result ??= lintWorkspace(state.model);
    const graph = state.model.graph;
    const sub = located && graph.part(located.key) ? graph.strategyFolder(located.key) : '';
    const map = buildStrategyMap(graph, state.result.findings, { folder: sub });
    const uris = Object.fromEntries(state.model.keys().map((key) => [key, this.uriOf(state, key)]));
    return { map, uris, folder: sub ? path.join(root, ...sub.split('/')) : root };
  }

  /** The folder's documents read once from disk (those open come from the editor). */
  scanned(state: FolderState): Promise<void> {
    state.scan ??= this.scan(state).catch((error: unknown) => {
      this.deps.connection.console.error(`Reading the workspace for the strategy map failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    });
    return state.scan;
  }

  private async scan(state: FolderState): Promise<void> {
    await this.quiet();
    const files = await this.deps.files.listMarkdown(state.folder, MAX_FILES + 1);
    if (files.length > MAX_FILES) this.deps.connection.console.warn(`The strategy map reads the first ${MAX_FILES} Markdown files of ${state.folder}; the rest are left out.`);
    for (const file of files.slice(0, MAX_FILES)) {
      const key = path.relative(state.folder, file).split(path.sep).join('/');
      state.existence.set(key, true);
      // Let requests and edits through between files, and wait while the user is typing.
      await yieldToEvents();
      await this.quiet();
      if (state.model.has(key) || this.deps.documents.get(this.deps.files.uriOf(file))) continue;
      await this.readFromDisk(state, key);
    }
    const undated = undatedForHistory(state.model.keys(), (key) => state.model.input(key)!.document);
    if (!this.deps.files.lastCommitted) {
      // No git here (the browser): front-matter dates only, and trace/stale-after-strategy says so once.
      state.commits = null;
      state.model.options.history = 'unavailable';
    } else {
      state.commits = undated.length > 0 ? await this.deps.files.lastCommitted(undated.map((key) => this.pathOf(state, key))) : new Map();
      state.model.options.history = state.commits === null ? 'none' : 'git';
    }
    for (const key of undated) {
      const input = state.model.input(key);
      if (input) state.model.set(key, { ...input, lastCommitted: this.commitOf(state, key) });
    }
    this.recompute(state);
  }

  private commitOf(state: FolderState, key: string): Date | null {
    return state.commits?.get(this.pathOf(state, key)) ?? null;
  }

  /** Look up the linked paths the last computation did not know; when one turns out missing, compute again. */
  private async checkExistence(state: FolderState): Promise<void> {
    const keys = [...state.asked].filter((key) => !state.existence.has(key));
    state.asked.clear();
    if (keys.length === 0) return;
    let found: boolean[];
    try {
      found = await this.deps.files.exists(keys.map((key) => this.pathOf(state, key)));
    } catch (error) {
      this.deps.connection.console.error(`Checking the documents the workspace links to failed: ${error instanceof Error ? error.message : String(error)}`);
      found = keys.map(() => true);
    }
    keys.forEach((key, i) => state.existence.set(key, found[i] !== false));
    if (this.states.get(state.folder) === state && found.some((there) => there === false)) this.recompute(state);
  }

  private async readFromDisk(state: FolderState, key: string): Promise<void> {
    const uri = this.uriOf(state, key);
    const prepared = await this.deps.optionsFor(uri);
    if (!prepared.settings.enable) {
      state.model.delete(key);
      return;
    }
    let text: string;
    try {
      text = await this.deps.files.readDocument(this.pathOf(state, key), documentReadLimit(lastSet(prepared.options.layers ?? [], 'maxDocumentLength')));
    } catch {
      // Not a regular UTF-8 file of bounded size, or gone: not part of the model.
      state.model.delete(key);
      return;
    }
    // The document model and its front matter's configuration only: no rule runs here.
    const result = lint(text, { ...prepared.options, onlyRules: [] });
    state.model.set(key, { document: result.document, layers: result.layers, lastCommitted: this.commitOf(state, key) });
  }

  /** Lint the folder's workspace again; republish open documents whose trace findings changed (but `except`, being published now). */
  private recompute(state: FolderState, except?: string): void {
    try {
      state.result = lintWorkspace(state.model, {
        onRuleError: (ruleId, error) => this.deps.connection.console.error(`Rule ${ruleId} threw on the workspace: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
      });
    } catch (error) {
      this.deps.connection.console.error(`Linting the workspace failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return;
    }
    if (state.asked.size > 0) void this.checkExistence(state);
    for (const note of state.result.notes) {
      if (this.said.has(note)) continue;
      this.said.add(note);
      this.deps.connection.console.info(note);
    }
    for (const document of this.deps.documents.all()) {
      const located = this.locate(document.uri);
      if (!located || located.state !== state) continue;
      const signature = JSON.stringify((state.result.findings.get(located.key) ?? []).map((f) => [f.ruleId, f.start, f.end, f.message, f.severity, f.related?.map((p) => [p.file, p.start])]));
      const before = state.published.get(document.uri);
      state.published.set(document.uri, signature);
      if (document.uri !== except && before !== undefined && before !== signature) this.deps.republish(document.uri);
      else if (document.uri !== except && before === undefined && signature !== '[]') this.deps.republish(document.uri);
    }
  }
}

/** Let the event loop through (requests, edits): setImmediate where there is one (Node), else a macrotask. */
function yieldToEvents(): Promise<void> {
  return new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}
