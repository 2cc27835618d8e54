/**
 * The Strategy Lint language server, the same on the desktop (server.ts, Node) and in the browser
 * (browser/server.ts, a web worker): it only wires the protocol to the modules beside it —
 * settings, linting and diagnostics, hover, code actions, symbols, code lens, config files, the
 * review, the workspace model (trace/* rules, the strategy map) — and keeps running whatever one
 * of them throws. The two entry points give it a
 * connection and their way of reading files (workspace-files.ts).
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VERSION } from '../version.js';
import { provideCodeActions } from './code-actions.js';
import { provideCodeLenses } from './code-lens.js';
import { ConfigFiles, ConfigProblemReporter } from './config-files.js';
import { provideHover } from './hover.js';
import { lintFiles } from './lint-workspace.js';
import { isMarkdown, Linter } from './linter.js';
import { FIX_ALL_KIND, LintFilesRequest, ReviewRequest, SetDocumentTypeRequest, StrategyMapRequest, type LintFilesParams, type ReviewParams, type SetDocumentTypeParams, type StrategyMapParams } from './protocol.js';
import { documentTypeActions, setDocumentTypeEdits } from './type-actions.js';
import { reviewDocument } from './review-request.js';
import { SettingsStore } from './settings.js';
import { provideDocumentSymbols } from './symbols.js';
import type { WorkspaceFiles } from './workspace-files.js';
import { WorkspaceFolders } from './workspace-folders.js';
import { WorkspaceTrace } from './workspace-trace.js';
import { strategyMap } from './map-request.js';

/** Serve the protocol on `connection`; returns the function that logs an error the host caught (uncaught exceptions). */
export function serve(connection: Connection, files: WorkspaceFiles): (what: string, error: unknown) => void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const configs = new ConfigFiles(files);
  const folders = new WorkspaceFolders(files);
  const reporter = new ConfigProblemReporter(connection, files);
  const linter = new Linter({ connection, documents, settings, configs, folders, reporter, files });
  /** The workspace model: every Markdown document of each folder, for the trace/* rules and the strategy map. */
  const trace = new WorkspaceTrace({
    connection, documents, folders, files,
    optionsFor: (uri) => linter.optionsFor(uri),
    republish: (uri) => linter.republish(uri),
  });
  linter.workspace = trace;

  let supportsDynamicConfigurationRegistration = false;
  /** Set by clients that already show diagnostic messages in hovers (the VS Code client does). */
  let diagnosticsShownInHover = false;
  /** False when the client says the workspace is untrusted: config files and restricted settings are ignored. */
  let workspaceTrusted = true;

  function logError(what: string, error: unknown): void {
    connection.console.error(`${what}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }

  /** Every handler runs through this: an exception is logged and answered with `fallback`. */
  function guard<P extends unknown[], R>(what: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P) => {
      try {
        return await handler(...args);
      } catch (error) {
        logError(what, error);
        return fallback;
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    settings.setSupportsPull(capabilities.workspace?.configuration === true);
    supportsDynamicConfigurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    linter.relatedInformation = capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    folders.set(params.workspaceFolders, params.rootUri);
    const initializationOptions = params.initializationOptions as { diagnosticsShownInHover?: unknown; workspaceTrusted?: unknown } | undefined;
    diagnosticsShownInHover = initializationOptions?.diagnosticsShownInHover === true;
    // Only an explicit `false` restricts (editors without workspace trust do not send it).
    workspaceTrusted = initializationOptions?.workspaceTrusted !== false;
    settings.setWorkspaceTrusted(workspaceTrusted);
    configs.setWorkspaceTrusted(workspaceTrusted);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        documentSymbolProvider: { label: 'Strategy Lint' },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'strategy-lint', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (!workspaceTrusted) {
      connection.console.info('The workspace is untrusted: .strategy-lint.* config files and workspace settings are ignored; linting uses the built-in rules and defaults.');
    }
    if (supportsDynamicConfigurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'strategyLint' });
    }
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      folders.change(event.added, event.removed);
      configs.invalidate();
      trace.reset();
      linter.relintAll();
    });
  });

  connection.onDidChangeConfiguration(guard('didChangeConfiguration', undefined, (change) => {
    settings.clear(change.settings);
    trace.reset();
    linter.relintAll();
  }));

  connection.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', undefined, async (params) => {
    // Markdown files changed on disk (the client watches them): the workspace model reads them again.
    const markdown = params.changes.filter((change) => /\.(?:md|markdown|mdown|mkd)$/i.test(change.uri));
    if (markdown.length === params.changes.length) {
      await trace.filesChanged(markdown.map((change) => ({ uri: change.uri, deleted: change.type === FileChangeType.Deleted })));
      return;
    }
    // A config file was created, changed or deleted (the client watches **/.strategy-lint.*).
    configs.invalidate();
    await reporter.reset();
    trace.reset();
    linter.relintAll();
  }));

  /** TextDocuments fires onDidChangeContent right after onDidOpen: lint an opened document once. */
  const justOpened = new Set<string>();
  documents.onDidOpen(guard('didOpen', undefined, (event) => {
    if (!isMarkdown(event.document)) return;
    justOpened.add(event.document.uri);
    linter.schedule(event.document.uri, 'open');
  }));
  documents.onDidChangeContent(guard('didChange', undefined, async (event) => {
    if (justOpened.delete(event.document.uri)) return;
    if (isMarkdown(event.document)) await linter.changed(event.document.uri);
  }));
  documents.onDidSave(guard('didSave', undefined, async (event) => {
    if (!isMarkdown(event.document)) return;
    const current = await settings.get(event.document.uri);
    if (current.run === 'onSave') linter.schedule(event.document.uri, 'save');
  }));
  documents.onDidClose(guard('didClose', undefined, async (event) => {
    linter.closed(event.document.uri);
    if (isMarkdown(event.document)) await trace.closed(event.document.uri);
  }));

  connection.onHover(guard('hover', null, async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isMarkdown(document)) return null;
    // The latest results, without a lint of its own (see Linter.findingsForHover).
    const findings = linter.cachedFindings(document.uri) ?? (await linter.findingsForHover(document.uri));
    return findings ? provideHover(document, [...findings, ...linter.workspaceFindings(document.uri)], params.position, { diagnosticsShownInHover, docsUrl: settings.peek(document.uri)?.docsUrl }) : null;
  }));

  connection.onCodeAction(guard('codeAction', [], async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isMarkdown(document)) return [];
    const prepared = await linter.optionsFor(document.uri);
    if (!prepared.settings.enable) return provideCodeActions(params, document, null);
    const model = await linter.model(document.uri);
    return [...provideCodeActions(params, document, prepared.options), ...(model ? documentTypeActions(params, document, model.document) : [])];
  }));

  connection.onDocumentSymbol(guard('documentSymbol', [], async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isMarkdown(document)) return [];
    const model = await linter.model(document.uri);
    return model ? provideDocumentSymbols(document, model) : [];
  }));

  connection.onCodeLens(guard('codeLens', [], async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isMarkdown(document)) return [];
    const model = await linter.model(document.uri);
    return model ? provideCodeLenses(document, model) : [];
  }));

  connection.onRequest(ReviewRequest, guard('review', null, (params: ReviewParams) => reviewDocument(params, linter, files, trace)));
  connection.onRequest(StrategyMapRequest, guard('strategyMap', null, (params: StrategyMapParams) => strategyMap(params, trace)));
  connection.onRequest(SetDocumentTypeRequest, guard('setDocumentType', { edits: [] }, (params: SetDocumentTypeParams) => {
    const document = documents.get(params.uri);
    return { edits: document ? setDocumentTypeEdits(document, params.type) : [] };
  }));
  connection.onRequest(LintFilesRequest, guard('lintFiles', { linted: 0, ignored: 0, findings: 0, withFindings: 0 }, (params: LintFilesParams) => lintFiles(params, linter, folders, files)));

  documents.listen(connection);
  connection.listen();
  return logError;
}
