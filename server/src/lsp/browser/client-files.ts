/**
 * The workspace's files in a browser (vscode.dev, github.dev, a web-worker extension host): the
 * server's web worker has no file system, so it asks the client, which reads files with
 * vscode.workspace.fs (`strategyLint/readFiles`). A document or folder is named by the path part
 * of its URI, whatever the scheme (vscode-vfs on github.dev, vscode-remote in code-server, file); a
 * path goes back to a URI with the scheme and authority of the known URI nearest to it.
 *
 * Config loading and .gitignore matching read synchronously (they are shared with the CLI), so
 * `read` runs them on a snapshot: what the snapshot does not hold yet counts as missing and is
 * noted; the noted files are fetched in one request and the computation runs again, until it
 * notes none (a config file and its `extends` chain take two to four rounds, once per change).
 *
 * The workspace model (trace/*, the strategy map) asks the client for a folder's Markdown files
 * (`strategyLint/findMarkdownFiles`); there is no git here, so it has no commit dates
 * (lastCommitted is absent) and trace/stale-after-strategy reads front-matter dates only.
 */
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { ConfigFileAccess, FileKind } from '../../config/file-access.js';
import { CONFIG_READ_LIMIT, FileReadError, formatBytes } from '../../config/read-file.js';
import { GitignoreFilter } from '../../config/gitignore.js';
import { FindMarkdownFilesRequest, ReadFilesRequest, type FindMarkdownFilesParams, type FindMarkdownFilesResult, type ReadFileEntry, type ReadFilesParams, type ReadFilesResult } from '../protocol.js';
import type { WorkspaceFiles } from '../workspace-files.js';

/** A computation that still misses files after this many rounds gets what it has. */
const MAX_ROUNDS = 16;

const HIERARCHICAL_URI = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i;

/** Files read for one computation; what it asks for and the snapshot lacks is noted in `missed`. */
class Snapshot implements ConfigFileAccess {
  readonly entries = new Map<string, ReadFileEntry>();
  readonly missed = new Set<string>();

  private entry(file: string): ReadFileEntry | undefined {
    const entry = this.entries.get(file);
    if (!entry) this.missed.add(file);
    return entry;
  }

  kind(file: string): FileKind | null {
    const entry = this.entry(file);
    return !entry || entry.kind === 'missing' ? null : entry.kind;
  }

  /** A virtual file system has no links to resolve. */
  realPath(file: string): string | null {
    return this.kind(file) === null ? null : file;
  }

  readText(file: string): string {
    return textOf(file, this.entry(file) ?? { kind: 'missing' }, CONFIG_READ_LIMIT);
  }
}

/** The text of an entry, or the FileReadError reading it from disk would have thrown. */
function textOf(file: string, entry: ReadFileEntry, limit: number): string {
  if (entry.kind === 'missing') throw new FileReadError(file, 'unreadable', 'cannot be read (no such file)');
  if (entry.kind === 'directory') throw new FileReadError(file, 'not-regular', 'is a folder, not a regular file, so it was not read');
  if (entry.kind === 'other') throw new FileReadError(file, 'not-regular', 'is not a regular file, so it was not read');
  if (entry.failure === 'too-large') throw new FileReadError(file, 'too-large', `is ${formatBytes(entry.size ?? limit + 1)}, more than the ${formatBytes(limit)} Strategy Lint reads, so it was not read`);
  if (entry.failure === 'not-utf8') throw new FileReadError(file, 'not-utf8', 'is not valid UTF-8 text, so it was not read');
  if (entry.failure === 'unreadable' || typeof entry.text !== 'string') throw new FileReadError(file, 'unreadable', `cannot be read (${entry.error ?? 'no text'})`);
  return entry.text;
}

export class ClientFiles implements WorkspaceFiles {
  /** "scheme://authority" → folders of the URIs seen with it. */
  private readonly origins = new Map<string, Set<string>>();
  /** Set when the client does not answer strategyLint/readFiles: every file then counts as missing. */
  private unsupported = false;

  constructor(private readonly connection: Connection) {}

  pathOf(uri: string): string | null {
    const match = HIERARCHICAL_URI.exec(uri);
    if (!match) return null;
    let filePath: string;
    try {
      filePath = path.posix.normalize(decodeURIComponent(match[3]) || '/');
    } catch {
      return null;
    }
    const origin = `${match[1].toLowerCase()}://${match[2]}`;
    let folders = this.origins.get(origin);
    if (!folders) this.origins.set(origin, folders = new Set());
    folders.add(path.posix.dirname(filePath));
    return filePath;
  }

  uriOf(filePath: string): string {
    return `${this.originOf(filePath)}${filePath.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** The origin of the known folder that shares the most leading segments with the path (one origin: that one). */
  private originOf(filePath: string): string {
    if (this.origins.size <= 1) return this.origins.keys().next().value ?? 'file://';
    const segments = filePath.split('/');
    let best = { origin: 'file://', shared: -1 };
    for (const [origin, folders] of this.origins) {
      for (const folder of folders) {
        const other = folder.split('/');
        let shared = 0;
        while (shared < segments.length && shared < other.length && segments[shared] === other[shared]) shared++;
        if (shared > best.shared) best = { origin, shared };
      }
    }
    return best.origin;
  }

  async read<T>(compute: (files: ConfigFileAccess) => T): Promise<T> {
    const snapshot = new Snapshot();
    for (let round = 1; ; round++) {
      snapshot.missed.clear();
      let value: T | undefined;
      let error: unknown;
      let failed = false;
      try {
        value = compute(snapshot);
      } catch (thrown) {
        failed = true;
        error = thrown;
      }
      if (snapshot.missed.size === 0 || round === MAX_ROUNDS) {
        if (failed) throw error;
        return value as T;
      }
      const missed = [...snapshot.missed];
      const entries = await this.fetch(missed, CONFIG_READ_LIMIT);
      missed.forEach((file, i) => snapshot.entries.set(file, entries[i]));
    }
  }

  async readDocument(filePath: string, limit: number): Promise<string> {
    const [entry] = await this.fetch([filePath], limit);
    return textOf(filePath, entry, limit);
  }

  async listMarkdown(folder: string, limit: number): Promise<string[]> {
    let uris: string[] = [];
    try {
      const params: FindMarkdownFilesParams = { folder: this.uriOf(folder), limit };
      const result = await this.connection.sendRequest<FindMarkdownFilesResult>(FindMarkdownFilesRequest, params);
      uris = Array.isArray(result?.uris) ? result.uris.filter((uri): uri is string => typeof uri === 'string') : [];
    } catch (error) {
      this.connection.console.warn(`This editor does not list the workspace's files for the server (${FindMarkdownFilesRequest}: ${error instanceof Error ? error.message : String(error)}), so the strategy map and the trace/* rules read the open documents only.`);
      return [];
    }
    const inside = uris.map((uri) => this.pathOf(uri)).filter((filePath): filePath is string => filePath !== null && (filePath === folder || filePath.startsWith(folder.endsWith('/') ? folder : `${folder}/`)));
    // The client left out files.exclude; a .gitignore leaves out what it lists, as on the desktop.
    const ignored = await this.read((access) => {
      const filter = new GitignoreFilter(access);
      return inside.map((filePath) => filter.ignores(filePath, folder));
    });
    return inside.filter((_, i) => !ignored[i]).sort().slice(0, limit);
  }

  async exists(filePaths: readonly string[]): Promise<boolean[]> {
    if (filePaths.length === 0) return [];
    // A limit of 0: the client says what is there without reading a file's bytes.
    const entries = await this.fetch(filePaths, 0);
    // A client that cannot read files cannot say a file is missing either: no link is called broken.
    return this.unsupported ? filePaths.map(() => true) : entries.map((entry) => entry.kind !== 'missing');
  }

  /** What is at each path, asked of the client; all missing when it cannot say. */
  private async fetch(paths: readonly string[], limit: number): Promise<ReadFileEntry[]> {
    const missing = paths.map((): ReadFileEntry => ({ kind: 'missing' }));
    if (this.unsupported) return missing;
    try {
      const params: ReadFilesParams = { uris: paths.map((file) => this.uriOf(file)), limit };
      const result = await this.connection.sendRequest<ReadFilesResult>(ReadFilesRequest, params);
      return paths.map((_, i) => result?.entries?.[i] ?? { kind: 'missing' });
    } catch (error) {
      this.unsupported = true;
      this.connection.console.warn(`This editor does not read files for the server (${ReadFilesRequest}: ${error instanceof Error ? error.message : String(error)}), so config files, .gitignore files and "Lint all documents" are not available; linting uses the settings and the defaults.`);
      return missing;
    }
  }
}
