/**
 * A test client for the BUNDLED language server (server/out/server.js, so the tests also catch
 * ESM → CommonJS bundling breakage): spawns `node server/out/server.js --stdio` and drives it with
 * vscode-languageserver-protocol's client side. It answers `workspace/configuration` with the
 * test's settings and records diagnostics, messages and status notifications so tests can wait
 * on them — always with a timeout, never a fixed sleep.
 *
 * With `server: 'worker'` (or `LspTestClient.defaultServer = 'worker'`) it drives the browser
 * build instead (server/out/browser-server.js in a web-worker-like sandbox, web-worker.ts) and
 * answers its `strategyLint/readFiles` requests from disk, as the VS Code client does with
 * vscode.workspace.fs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import {
  createProtocolConnection,
  PortMessageReader,
  PortMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { fixturesDir, repoRoot } from './paths.js';
import { readFileEntry, startWebWorker, type ReadFileEntry } from './web-worker.js';

/** The weak memo of fixtures/lsp with one buzzword added: tests watch its fluff finding come and go. */
export const FLUFF_MEMO = fs.readFileSync(path.join(fixturesDir, 'lsp', 'weak.strategy.md'), 'utf8')
  .replace('We will focus on finance teams', 'We will leverage our sales team to focus on finance teams');
/** The rule ids of published diagnostics. */
export const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));
export const hasFluff = (diagnostics: Diagnostic[]): boolean => codes(diagnostics).includes('bad-strategy/fluff');

export const SERVER_BUNDLE = path.join(repoRoot, 'server', 'out', 'server.js');
export const BROWSER_SERVER_BUNDLE = path.join(repoRoot, 'server', 'out', 'browser-server.js');

/** The desktop build (a Node process on stdio) or the browser build (a web worker). */
export type ServerKind = 'node' | 'worker';

/** Settings as package.json's `strategyLint` section, per document (scopeUri) if needed. */
export type SettingsProvider = (scopeUri: string | undefined) => Record<string, unknown>;

export const TEST_SETTINGS: Record<string, unknown> = {
  enable: true,
  run: 'onType',
  debounceMs: 20,
  rules: {},
  types: {},
  sections: {},
  referenceDate: '2026-11-21',
  fiscalYearStartMonth: 1,
  maxDocumentLength: 1_000_000,
};

export interface StartOptions {
  settings?: SettingsProvider;
  workspaceFolders?: string[];
  capabilities?: ClientCapabilities;
  initializationOptions?: Record<string, unknown>;
  /** Workspace folders given as URIs (any scheme) instead of paths. */
  workspaceFolderUris?: string[];
  server?: ServerKind;
  /**
   * Where the browser build's `strategyLint/readFiles` requests are read: the file a URI names
   * (default: the path of a `file:` URI; null: nothing there), or 'unsupported' to answer as a
   * client that does not know the request.
   */
  readFiles?: 'unsupported' | ((uri: string) => string | null);
  /**
   * How the browser build's `strategyLint/findMarkdownFiles` is answered: the URIs of the Markdown
   * files under a folder URI (default: for a `file:` folder, its files on disk, node_modules and
   * .git left out, as vscode.workspace.findFiles finds them; none for other schemes).
   */
  findFiles?: (folderUri: string) => string[];
  /** The server's command line (default: node server/out/server.js --stdio). */
  command?: readonly string[];
}

export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** The Markdown files under a folder on disk, node_modules and .git left out (as the VS Code client's findFiles). */
function markdownUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full);
      } else if (entry.isFile() && /\.(?:md|markdown|mdown|mkd)$/i.test(entry.name)) found.push(full);
    }
  };
  walk(folder);
  return found.sort();
}

const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeLens: {},
  },
  window: { showMessage: {} },
};

export class LspTestClient {
  /** The server `start` drives when the options do not say: tests that import another test file set it to run that file's tests against the browser build. */
  static defaultServer: ServerKind = 'node';
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly statuses: Array<{ uri: string; docType: string; label: string; findings: number; enabled: boolean; typeReason?: string; typeDeclared?: boolean; suggestion?: { docType: string; label: string; reason: string } }> = [];
  settings: SettingsProvider;
  configurationRequests = 0;
  /** The URIs the browser build asked to read (`strategyLint/readFiles`), one list per request. */
  readonly readFilesRequests: string[][] = [];
  /** The folder URIs the browser build asked to list (`strategyLint/findMarkdownFiles`). */
  readonly findFilesRequests: string[] = [];
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private stderr = '';

  private constructor(readonly connection: ProtocolConnection, private readonly server: { child: ChildProcess } | { worker: Worker }, settings: SettingsProvider) {
    this.settings = settings;
  }

  private workerExited = false;

  /** The server process or worker has not exited. */
  get running(): boolean {
    if ('worker' in this.server) return !this.workerExited;
    return this.server.child.exitCode === null && this.server.child.signalCode === null;
  }

  /** The server process (the desktop build only). */
  get child(): ChildProcess {
    if (!('child' in this.server)) throw new Error('the browser build runs in a worker, not a process');
    return this.server.child;
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const kind = options.server ?? LspTestClient.defaultServer;
    const bundle = kind === 'worker' ? BROWSER_SERVER_BUNDLE : SERVER_BUNDLE;
    if (!options.command && !fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
    let client: LspTestClient;
    if (kind === 'worker') {
      const worker = startWebWorker(bundle);
      const connection = createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
      client = new LspTestClient(connection, { worker }, options.settings ?? (() => TEST_SETTINGS));
      worker.stderr.on('data', (chunk: Buffer) => { client.stderr += chunk.toString(); });
      worker.on('error', (error) => { client.stderr += `worker error: ${error.stack ?? error.message}\n`; });
      worker.on('exit', () => {
        client.workerExited = true;
        client.notify();
      });
      connection.onRequest('strategyLint/readFiles', (params: { uris: string[]; limit: number }): { entries: ReadFileEntry[] } => {
        client.readFilesRequests.push(params.uris);
        const readFiles = options.readFiles;
        if (readFiles === 'unsupported') throw new Error('Unhandled method strategyLint/readFiles');
        return { entries: params.uris.map((uri) => readFileEntry(readFiles ? readFiles(uri) : uri.startsWith('file:') ? fileURLToPath(uri) : null, params.limit)) };
      });
      connection.onRequest('strategyLint/findMarkdownFiles', (params: { folder: string; limit: number }): { uris: string[] } => {
        client.findFilesRequests.push(params.folder);
        const found = options.findFiles ? options.findFiles(params.folder) : params.folder.startsWith('file:') ? markdownUnder(fileURLToPath(params.folder)).map(fileUri) : [];
        return { uris: found.slice(0, params.limit) };
      });
    } else {
      const [command, ...args] = options.command ?? [process.execPath, bundle, '--stdio'];
      const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      client = new LspTestClient(connection, { child }, options.settings ?? (() => TEST_SETTINGS));
      child.stderr!.on('data', (chunk: Buffer) => { client.stderr += chunk.toString(); });
    }
    const connection = client.connection;

    connection.onRequest(ConfigurationRequest.type, (params) => {
      client.configurationRequests++;
      return params.items.map((item) => (item.section === 'strategyLint' ? client.settings(item.scopeUri) : null));
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = client.diagnostics.get(params.uri) ?? [];
      list.push(params);
      client.diagnostics.set(params.uri, list);
      client.notify();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      client.messages.push(params);
      client.notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      client.logs.push(params.message);
    });
    connection.onNotification('strategyLint/status', (params: LspTestClient['statuses'][number]) => {
      client.statuses.push(params);
      client.notify();
    });
    connection.listen();

    const folders = options.workspaceFolderUris ?? (options.workspaceFolders ?? []).map(fileUri);
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      capabilities: options.capabilities ?? CAPABILITIES,
      workspaceFolders: folders.map((folder) => ({ uri: folder, name: path.posix.basename(folder) })),
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolve when `check` returns a value (checked now and on every notification), or fail after `timeoutMs`. */
  waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = (): boolean => {
        const value = check();
        if (value) {
          cleanup();
          resolve(value);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n--- server log ---\n${this.logs.slice(-20).join('\n')}\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = (): void => void attempt();
      this.listeners.add(listener);
      attempt();
    });
  }

  /** The latest diagnostics published for a URI. */
  latest(uri: string): Diagnostic[] | undefined {
    const list = this.diagnostics.get(uri);
    return list?.[list.length - 1]?.diagnostics;
  }

  /** Wait for a publication for `uri` (newer than `after` publications) that satisfies `predicate`. */
  waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true, options: { after?: number; timeoutMs?: number } = {}): Promise<Diagnostic[]> {
    const after = options.after ?? 0;
    return this.waitFor(`diagnostics for ${uri}`, () => {
      const list = this.diagnostics.get(uri) ?? [];
      if (list.length <= after) return undefined;
      const last = list[list.length - 1].diagnostics;
      return predicate(last) ? last : undefined;
    }, options.timeoutMs);
  }

  publicationCount(uri: string): number {
    return this.diagnostics.get(uri)?.length ?? 0;
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: SettingsProvider): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone.
    }
    if ('worker' in this.server) {
      // A browser closes a web worker from outside; so does this.
      await this.server.worker.terminate();
      this.connection.dispose();
      return;
    }
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }

  get serverStderr(): string {
    return this.stderr;
  }
}
