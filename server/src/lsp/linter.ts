/**
 * Linting open documents: when (on open, debounced as the user types or on save, on config
 * changes), with what (settings layer + nearest config file), and publishing the diagnostics.
 * A lint whose document changed while its settings were fetched is dropped: a newer one is due.
 * The last result per document is kept for hover, symbols, code lens and the review.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, StrategyDocument, type ConfigProblem, type LintOptions, type LintResult } from '../engine/index.js';
import { lastSet, mergedTypeGlobs, resolveRoleSynonyms } from '../engine/config/resolve.js';
import { relativeToConfig } from '../config/load.js';
import type { ConfigFiles, ConfigProblemReporter } from './config-files.js';
import { findingToDiagnostic, frontMatterDiagnostics } from './diagnostics.js';
import { DOC_TYPE_LABELS, StatusNotification, type StatusParams } from './protocol.js';
import { settingsLayer, type StrategyLintSettings, type SettingsStore } from './settings.js';
import { uriToPath, type WorkspaceFolders } from './workspace-folders.js';

export type LintTrigger = 'open' | 'change' | 'save' | 'config';

export interface LintedDocument {
  uri: string;
  version: number;
  text: string;
  result: LintResult;
  options: LintOptions;
  settings: StrategyLintSettings;
}

export interface LinterDependencies {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  configs: ConfigFiles;
  folders: WorkspaceFolders;
  reporter: ConfigProblemReporter;
}

export function isMarkdown(document: TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(md|markdown|mdown|mkd)$/i.test(document.uri);
}

export class Linter {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly cache = new Map<string, LintedDocument>();
  private readonly models = new Map<string, { version: number; result: Pick<LintResult, 'document' | 'docType'> }>();
  /** Files linted from disk by "Lint all documents in workspace" (kept in Problems when closed). */
  private readonly diskLinted = new Set<string>();
  /** How long the last lint of each document took: long documents wait longer while typing. */
  private readonly durations = new Map<string, number>();

  constructor(private readonly deps: LinterDependencies) {}

  /** Lint options for a document: settings layer, then the nearest config file's layers. */
  async optionsFor(uri: string): Promise<{ settings: StrategyLintSettings; options: LintOptions; configFiles: string[]; configProblems: ConfigProblem[]; settingsProblems: ConfigProblem[] }> {
    const settings = await this.deps.settings.get(uri);
    const filePath = uriToPath(uri);
    const folder = filePath ? this.deps.folders.folderOf(filePath) : this.deps.folders.all[0] ?? null;
    const fromSettings = settingsLayer(settings, folder);
    const loaded = filePath ? this.deps.configs.forFile(filePath, folder) : { layers: [], problems: [], files: [], baseDir: null };
    const options: LintOptions = {
      filePath: filePath ?? undefined,
      relativePath: filePath ? relativeToConfig(filePath, loaded, folder ?? path.dirname(filePath)) : undefined,
      layers: [fromSettings.layer, ...loaded.layers],
      onRuleError: (ruleId, error) => {
        this.deps.connection.console.error(`Rule ${ruleId} threw on ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      },
    };
    return { settings, options, configFiles: loaded.files, configProblems: loaded.problems, settingsProblems: fromSettings.problems };
  }

  /** Lint later: after the debounce delay for typing, at once otherwise. */
  schedule(uri: string, trigger: LintTrigger): void {
    const existing = this.timers.get(uri);
    if (existing) clearTimeout(existing);
    // While typing, wait at least as long as the last lint took (capped), so a long document is
    // not relinted after every pause and requests such as hovers are not stuck behind lints.
    const debounce = this.deps.settings.peek(uri)?.debounceMs ?? 250;
    const delay = trigger === 'change' ? Math.max(debounce, Math.min(this.durations.get(uri) ?? 0, 3000)) : 0;
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
      this.deps.reporter.report(prepared.configFiles, prepared.configProblems, prepared.settingsProblems);
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
        const started = performance.now();
        result = lint(text, prepared.options);
        this.durations.set(uri, performance.now() - started);
      }
      const linted: LintedDocument = { uri, version, text, result, options: prepared.options, settings: prepared.settings };
      this.cache.set(uri, linted);
      const diagnostics = this.toDiagnostics(current, result);
      void this.deps.connection.sendDiagnostics({ uri, version, diagnostics });
      this.sendStatus({ uri, docType: result.docType, label: DOC_TYPE_LABELS[result.docType], findings: result.findings.length, enabled: true });
      return linted;
    } catch (error) {
      this.deps.connection.console.error(`Linting ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return null;
    }
  }

  private toDiagnostics(document: TextDocument, result: LintResult): Diagnostic[] {
    return [...result.findings.map((finding) => findingToDiagnostic(document, finding)), ...frontMatterDiagnostics(document, result.problems)];
  }

  private sendStatus(params: StatusParams): void {
    void this.deps.connection.sendNotification(StatusNotification, params);
  }

  /**
   * The lint of the document's current version: cached, else the pending debounced lint run now
   * (so hovers, symbols and code lenses never cause a second lint of the same version), else a
   * lint without publishing (documents linted on save only).
   */
  async analysis(uri: string): Promise<LintedDocument | null> {
    const document = this.deps.documents.get(uri);
    if (!document) return null;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return cached;
    const pending = this.timers.get(uri);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(uri);
      const linted = await this.lintAndPublish(uri, 'config');
      if (linted) return linted;
    }
    const prepared = await this.optionsFor(uri);
    if (!prepared.settings.enable) return null;
    const latest = this.deps.documents.get(uri) ?? document;
    const text = latest.getText();
    const linted: LintedDocument = { uri, version: latest.version, text, result: lint(text, prepared.options), options: prepared.options, settings: prepared.settings };
    this.cache.set(uri, linted);
    return linted;
  }

  /**
   * The document model (sections, objectives, items, type) of the current version, for the
   * outline and the code lens: from the last lint when it is current, else parsed on its own —
   * far cheaper than a lint, so the outline can follow typing without forcing a lint.
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
    const layers = prepared.options.layers ?? [];
    const strategyDocument = new StrategyDocument(latest.getText(), {
      filePath: prepared.options.filePath,
      relativePath: prepared.options.relativePath,
      typeGlobs: mergedTypeGlobs(layers),
      roleSynonyms: resolveRoleSynonyms(layers),
      referenceDate: lastSet(layers, 'referenceDate'),
      fiscalYearStartMonth: lastSet(layers, 'fiscalYearStartMonth') ?? 1,
    });
    const result = { document: strategyDocument, docType: strategyDocument.type };
    this.models.set(uri, { version: latest.version, result });
    return result;
  }

  /** The cached lint if it is of the document's current version (synchronous callers). */
  cached(uri: string): LintedDocument | undefined {
    const document = this.deps.documents.get(uri);
    const cached = this.cache.get(uri);
    return document && cached && cached.version === document.version ? cached : undefined;
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
    this.cache.delete(uri);
    this.models.delete(uri);
    this.durations.delete(uri);
    this.deps.settings.forget(uri);
    if (this.diskLinted.has(uri)) void this.lintFile(uri);
    else void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Lint a file from disk (not open in the editor) and publish its diagnostics. Returns the finding count. */
  async lintFile(uri: string): Promise<number> {
    const filePath = uriToPath(uri);
    if (!filePath) return 0;
    this.diskLinted.add(uri);
    try {
      const open = this.deps.documents.get(uri);
      if (open) return (await this.lintAndPublish(uri, 'config'))?.result.findings.length ?? 0;
      let text: string;
      try {
        text = await fs.promises.readFile(filePath, 'utf8');
      } catch {
        this.diskLinted.delete(uri);
        void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
        return 0;
      }
      const prepared = await this.optionsFor(uri);
      this.deps.reporter.report(prepared.configFiles, prepared.configProblems, prepared.settingsProblems);
      if (!prepared.settings.enable) {
        void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
        return 0;
      }
      const result = lint(text, prepared.options);
      const document = TextDocument.create(uri, 'markdown', 0, text);
      void this.deps.connection.sendDiagnostics({ uri, diagnostics: this.toDiagnostics(document, result) });
      return result.findings.length;
    } catch (error) {
      this.deps.connection.console.error(`Linting ${uri} from disk failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return 0;
    }
  }
}

export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}
