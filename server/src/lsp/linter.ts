/**
 * Linting open documents: when (on open, debounced as the user types or on save, on config
 * changes), with what (settings layer + nearest config file), and publishing the diagnostics.
 *
 * Each open document has a LintSession (engine/incremental): after an edit, only the chunks and
 * paragraphs the edit touched are parsed again. A lint runs rule by rule and pauses every few
 * milliseconds so requests and newer edits get through; a lint whose document changed meanwhile,
 * or that a newer lint replaced, stops at its next pause and publishes nothing (a newer one is
 * due). The last result per document is kept for hover, symbols, code lens and the review.
 */
import * as path from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, LintSession, type ConfigProblem, type Finding, type LintOptions, type LintResult } from '../engine/index.js';
import { relativeToConfig } from '../config/load.js';
import { FileReadError, documentReadLimit } from '../config/read-file.js';
import { lastSet } from '../engine/config/resolve.js';
import type { ConfigFiles, ConfigProblemReporter } from './config-files.js';
import { findingToDiagnostic, frontMatterDiagnostics } from './diagnostics.js';
import { DIAGNOSTIC_SOURCE, DOC_TYPE_LABELS, StatusNotification, type StatusParams } from './protocol.js';
import { settingsLayer, type StrategyLintSettings, type SettingsStore } from './settings.js';
import type { WorkspaceFiles } from './workspace-files.js';
import type { WorkspaceFolders } from './workspace-folders.js';
import { mapFindings } from './finding-mapping.js';
import { problemCount, statusOf } from './status.js';

type LintTrigger = 'open' | 'change' | 'save' | 'config';

interface LintedDocument {
  uri: string;
  version: number;
  text: string;
  result: LintResult;
  options: LintOptions;
  settings: StrategyLintSettings;
}

interface LinterDependencies {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  configs: ConfigFiles;
  folders: WorkspaceFolders;
  reporter: ConfigProblemReporter;
  files: WorkspaceFiles;
}

/** The workspace model's side of linting (workspace-trace.ts): it takes each lint, and adds its trace/* findings. */
interface WorkspaceHooks {
  /** An edit or another reason to lint was scheduled (the workspace model's background reading waits). */
  activity(): void;
  linted(uri: string, result: LintResult): void;
  findingsFor(uri: string): Finding[];
}

/** A lint works this long before it pauses for the event loop (requests, newer edits). */
const SLICE_MS = 8;
/** Lints that took longer than this make typing wait as long before the next one. */
const LONG_LINT_MS = 150;

/** Let requests and newer edits through: setImmediate in Node; in a web worker a message to itself (a 0 ms timer waits 4 ms once nested). */
function pause(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    // A web MessagePort (Node's types do not declare onmessage, which also starts the port).
    (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Per open document: its session and the lint under way. */
interface DocumentState {
  session: LintSession;
  /** Counts lints started: one that is no longer the latest stops at its next pause. */
  token: number;
  running: { version: number; promise: Promise<LintedDocument | null> } | null;
}

export function isMarkdown(document: TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(md|markdown|mdown|mkd)$/i.test(document.uri);
}

export class Linter {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The last lint of each document (hover, outline, code lens and review read it). */
  private readonly cache = new Map<string, LintedDocument>();
  private readonly models = new Map<string, { version: number; result: Pick<LintResult, 'document' | 'docType'> }>();
  /** Files linted from disk by "Lint all documents in workspace" (kept in Problems when closed). */
  private readonly diskLinted = new Set<string>();
  /** How long the last lint of each document took (CPU time of its steps): long lints make typing wait longer. */
  private readonly durations = new Map<string, number>();
  private readonly states = new Map<string, DocumentState>();

  /** The client accepts diagnostics with relatedInformation (set from its capabilities on initialize). */
  relatedInformation = false;
  /** The workspace model, when the server keeps one (trace/* findings across documents). */
  workspace: WorkspaceHooks | null = null;

  constructor(private readonly deps: LinterDependencies) {}

  /** Lint options for a document: settings layer, then the nearest config file's layers. */
  async optionsFor(uri: string): Promise<{ settings: StrategyLintSettings; options: LintOptions; configFiles: string[]; configProblems: ConfigProblem[]; settingsProblems: ConfigProblem[] }> {
    const settings = await this.deps.settings.get(uri);
    const filePath = this.deps.files.pathOf(uri);
    const folder = filePath ? this.deps.folders.folderOf(filePath) : this.deps.folders.all[0] ?? null;
    const fromSettings = settingsLayer(settings, folder);
    const loaded = filePath ? await this.deps.configs.forFile(filePath, folder) : { layers: [], problems: [], files: [], baseDir: null };
    const options: LintOptions = {
      filePath: filePath ?? undefined,
      relativePath: filePath ? relativeToConfig(filePath, loaded, folder ?? path.dirname(filePath)) : undefined,
      // The workspace folder is the project: its subfolders ("strategy/", "rfcs/") hint at the type.
      projectPath: filePath && folder ? path.relative(folder, filePath).split(path.sep).join('/') : undefined,
      layers: [fromSettings.layer, ...loaded.layers],
      onRuleError: (ruleId, error) => {
        this.deps.connection.console.error(`Rule ${ruleId} threw on ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      },
    };
    return { settings, options, configFiles: loaded.files, configProblems: loaded.problems, settingsProblems: fromSettings.problems };
  }

  /** Lint later: after the debounce delay for typing, at once otherwise. */
  schedule(uri: string, trigger: LintTrigger): void {
    this.workspace?.activity();
    const existing = this.timers.get(uri);
    if (existing) clearTimeout(existing);
    // While typing, a document whose last lint was long waits at least that long (capped), so it
    // is not relinted after every pause; an incremental lint of a few milliseconds does not wait.
    const debounce = this.deps.settings.peek(uri)?.debounceMs ?? 250;
    const last = this.durations.get(uri) ?? 0;
    const delay = trigger === 'change' ? Math.max(debounce, last > LONG_LINT_MS ? Math.min(last, 3000) : 0) : 0;
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.lintAndPublish(uri, trigger);
    }, delay));
  }

  /** A text change: lint as the user types, unless the document's settings say "onSave". */
  async changed(uri: string): Promise<void> {
    const settings = await this.deps.settings.get(uri);
    if (settings.run === 'onType') this.schedule(uri, 'change');
  }

  async lintAndPublish(uri: string, trigger: LintTrigger): Promise<LintedDocument | null> {
    const document = this.deps.documents.get(uri);
    if (!document || !isMarkdown(document)) return null;
    const state = this.stateOf(uri);
    const token = ++state.token;
    const promise = this.lintAndPublishNow(uri, trigger, state, token);
    state.running = { version: document.version, promise };
    try {
      return await promise;
    } finally {
      if (state.running?.promise === promise) state.running = null;
    }
  }

  private stateOf(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { session: new LintSession(), token: 0, running: null };
      this.states.set(uri, state);
    }
    return state;
  }

  /**
   * Run the session's lint step by step, pausing every SLICE_MS. Null when it was dropped: the
   * document changed (a newer version is due) or a newer lint of it started.
   */
  private async runSteps(uri: string, state: DocumentState, token: number, version: number, text: string, trigger: LintTrigger): Promise<LintResult | null> {
    const steps = state.session.lintSteps(text);
    let sliceStart = performance.now();
    let busy = 0;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        // The lint on opening parses the whole document (on a fresh server, with code not yet
        // optimised): it says nothing of what an edit costs, so it does not slow the first keystroke.
        if (trigger !== 'open') this.durations.set(uri, busy + performance.now() - sliceStart);
        return step.value;
      }
      if (performance.now() - sliceStart >= SLICE_MS) {
        busy += performance.now() - sliceStart;
        await pause();
        if (state.token !== token || this.deps.documents.get(uri)?.version !== version) return null;
        sliceStart = performance.now();
      }
    }
  }

  private async lintAndPublishNow(uri: string, trigger: LintTrigger, state: DocumentState, token: number): Promise<LintedDocument | null> {
    try {
      const document = this.deps.documents.get(uri);
      if (!document || !isMarkdown(document)) return null;
      const version = document.version;
      const prepared = await this.optionsFor(uri);
      const current = this.deps.documents.get(uri);
      if (!current || current.version !== version) {
        // Stale: a newer version arrived meanwhile. Typing schedules its own lint; other triggers retry.
        if (current && trigger !== 'change') this.schedule(uri, trigger);
        return null;
      }
      if (state.token !== token) return null; // a newer lint of this document started meanwhile
      void this.deps.reporter.report(prepared.configFiles, prepared.configProblems, prepared.settingsProblems);
      if (!prepared.settings.enable) {
        this.cache.delete(uri);
        void this.deps.connection.sendDiagnostics({ uri, version, diagnostics: [] });
        this.sendStatus({ uri, docType: 'generic', label: DOC_TYPE_LABELS.generic, findings: 0, enabled: false });
        return null;
      }
      const text = current.getText();
      // Already linted for a hover or the outline (same version, same config): publish that.
      const previous = this.cache.get(uri);
      let result: LintResult;
      if (previous && previous.version === version && previous.settings === prepared.settings && previous.text === text) result = previous.result;
      else {
        state.session.setOptions(prepared.options);
        const linted = await this.runSteps(uri, state, token, version, text, trigger);
        if (!linted) {
          const latest = this.deps.documents.get(uri);
          if (latest && latest.version !== version && trigger !== 'change' && state.token === token) this.schedule(uri, trigger);
          return null;
        }
        result = linted;
      }
      const linted: LintedDocument = { uri, version, text, result, options: prepared.options, settings: prepared.settings };
      this.cache.set(uri, linted);
      try {
        this.workspace?.linted(uri, result);
      } catch (error) {
        this.deps.connection.console.error(`Adding ${uri} to the workspace model failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
      const diagnostics = this.toDiagnostics(current, result, prepared.settings.docsUrl);
      void this.deps.connection.sendDiagnostics({ uri, version, diagnostics });
      this.sendStatus(statusOf(uri, result, this.workspaceFindings(uri)));
      return linted;
    } catch (error) {
      this.deps.connection.console.error(`Linting ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return null;
    }
  }

  private toDiagnostics(document: TextDocument, result: LintResult, docsUrl: string): Diagnostic[] {
    const options = { relatedInformation: this.relatedInformation, docsUrl };
    const findings = [...result.findings, ...this.workspaceFindings(document.uri)];
    return [...findings.map((finding) => findingToDiagnostic(document, finding, options)), ...frontMatterDiagnostics(document, result.problems)];
  }

  /** The document's trace/* findings (from the workspace model), if the server keeps one. */
  workspaceFindings(uri: string): Finding[] {
    try {
      return this.workspace?.findingsFor(uri) ?? [];
    } catch (error) {
      this.deps.connection.console.error(`Tracing ${uri} across the workspace failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return [];
    }
  }

  /** Send an open document's diagnostics and status again from its last lint: its trace/* findings changed. */
  republish(uri: string): void {
    const document = this.deps.documents.get(uri);
    const cached = this.cache.get(uri);
    if (!document || !cached || cached.version !== document.version) return;
    void this.deps.connection.sendDiagnostics({ uri, version: document.version, diagnostics: this.toDiagnostics(document, cached.result, cached.settings.docsUrl) });
    this.sendStatus(statusOf(uri, cached.result, this.workspaceFindings(uri)));
  }

  private sendStatus(params: StatusParams): void {
    void this.deps.connection.sendNotification(StatusNotification, params);
  }

  /**
   * The lint of the document's current version: cached, else the one under way, else the pending
   * debounced lint run now (so hovers, symbols and code lenses never cause a second lint of the
   * same version), else a lint without publishing (documents linted on save only).
   */
  async analysis(uri: string): Promise<LintedDocument | null> {
    const document = this.deps.documents.get(uri);
    if (!document) return null;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return cached;
    const underWay = await this.underWay(uri);
    if (underWay) return underWay;
    const prepared = await this.optionsFor(uri);
    if (!prepared.settings.enable) return null;
    const latest = this.deps.documents.get(uri) ?? document;
    const text = latest.getText();
    const state = this.stateOf(uri);
    state.session.setOptions(prepared.options);
    const linted: LintedDocument = { uri, version: latest.version, text, result: state.session.lint(text), options: prepared.options, settings: prepared.settings };
    this.cache.set(uri, linted);
    return linted;
  }

  /** The lint of the current version that is running or due (a pending debounced one is run now), if any. */
  private async underWay(uri: string): Promise<LintedDocument | null> {
    const document = this.deps.documents.get(uri);
    if (!document) return null;
    const running = this.states.get(uri)?.running;
    if (running && running.version === document.version) {
      const linted = await running.promise;
      if (linted && linted.version === this.deps.documents.get(uri)?.version) return linted;
    }
    const pending = this.timers.get(uri);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(uri);
      const linted = await this.lintAndPublish(uri, 'config');
      if (linted) return linted;
    }
    return null;
  }

  /**
   * Findings for a hover, without a lint of its own: the current version's (cached, running or
   * due), else — a document linted on save only, edited since — the last lint's findings that lie
   * outside the edited part of the text, moved to where that text is now.
   */
  async findingsForHover(uri: string): Promise<Finding[] | null> {
    const document = this.deps.documents.get(uri);
    if (!document) return null;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return cached.result.findings;
    const underWay = await this.underWay(uri);
    if (underWay) return underWay.result.findings;
    const last = this.cache.get(uri);
    if (!last) return (await this.analysis(uri))?.result.findings ?? null;
    return mapFindings(last.text, this.deps.documents.get(uri)?.getText() ?? last.text, last.result.findings);
  }

  /**
   * The document model (sections, objectives, items, type) of the current version, for the
   * outline and the code lens: from the last lint when it is current, else parsed on its own
   * through the document's session (only the edited chunks are parsed) — far cheaper than a
   * lint, so the outline can follow typing without forcing a lint.
   */
  async model(uri: string): Promise<Pick<LintResult, 'document' | 'docType'> | null> {
    const document = this.deps.documents.get(uri);
    if (!document) return null;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return cached.result;
    const model = this.models.get(uri);
    if (model && model.version === document.version) return model.result;
    const prepared = await this.optionsFor(uri);
    if (!prepared.settings.enable) return null;
    const latest = this.deps.documents.get(uri) ?? document;
    const session = this.stateOf(uri).session;
    session.setOptions(prepared.options);
    const strategyDocument = session.model(latest.getText());
    const result = { document: strategyDocument, docType: strategyDocument.type };
    this.models.set(uri, { version: latest.version, result });
    return result;
  }

  /** The findings of the cached lint if it is of the document's current version (synchronous callers). */
  cachedFindings(uri: string): Finding[] | undefined {
    const document = this.deps.documents.get(uri);
    const cached = this.cache.get(uri);
    return document && cached && cached.version === document.version ? cached.result.findings : undefined;
  }

  /** Settings or config files changed: relint every open Markdown document and every disk-linted file. */
  relintAll(): void {
    this.cache.clear();
    this.models.clear();
    for (const document of this.deps.documents.all()) {
      if (isMarkdown(document)) this.schedule(document.uri, 'config');
    }
    for (const uri of this.diskLinted) {
      if (!this.deps.documents.get(uri)) void this.lintFile(uri);
    }
  }

  /** A document was closed: keep its diagnostics if the workspace was linted, else clear them. */
  closed(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    const state = this.states.get(uri);
    if (state) {
      state.token++; // a lint under way stops at its next pause
      state.session.dispose();
      this.states.delete(uri);
    }
    this.cache.delete(uri);
    this.models.delete(uri);
    this.durations.delete(uri);
    this.deps.settings.forget(uri);
    if (this.diskLinted.has(uri)) void this.lintFile(uri);
    else void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Lint a file from disk (not open in the editor) and publish its diagnostics. Returns the finding count. */
  async lintFile(uri: string): Promise<number> {
    const filePath = this.deps.files.pathOf(uri);
    if (!filePath) return 0;
    this.diskLinted.add(uri);
    try {
      const open = this.deps.documents.get(uri);
      if (open) {
        const linted = await this.lintAndPublish(uri, 'config');
        return linted ? problemCount(linted.result) : 0;
      }
      const prepared = await this.optionsFor(uri);
      void this.deps.reporter.report(prepared.configFiles, prepared.configProblems, prepared.settingsProblems);
      if (!prepared.settings.enable) {
        void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
        return 0;
      }
      let text: string;
      try {
        // A regular UTF-8 file of bounded size only: a FIFO would hang the server, /dev/zero exhaust its memory.
        text = await this.deps.files.readDocument(filePath, documentReadLimit(lastSet(prepared.options.layers ?? [], 'maxDocumentLength')));
      } catch (error) {
        if (error instanceof FileReadError && error.reason !== 'unreadable') {
          this.deps.connection.console.warn(`Not linting ${filePath}: it ${error.message}.`);
          void this.deps.connection.sendDiagnostics({ uri, diagnostics: [unreadableDiagnostic(error)] });
          return 0;
        }
        this.diskLinted.delete(uri);
        void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
        return 0;
      }
      const result = lint(text, prepared.options);
      const document = TextDocument.create(uri, 'markdown', 0, text);
      void this.deps.connection.sendDiagnostics({ uri, diagnostics: this.toDiagnostics(document, result, prepared.settings.docsUrl) });
      return problemCount(result);
    } catch (error) {
      this.deps.connection.console.error(`Linting ${uri} from disk failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return 0;
    }
  }
}

const UNREADABLE_DIAGNOSTIC_CODE = 'strategy-lint/unreadable';

/** One diagnostic on a file that was not read (not a regular file, too large, not UTF-8). */
function unreadableDiagnostic(error: FileReadError): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: UNREADABLE_DIAGNOSTIC_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: `Strategy Lint did not lint this file: it ${error.message}.`,
  };
}
