/**
 * How the language server reaches the workspace's files: the one thing, besides the transport,
 * that differs between the desktop and the browser. On the desktop (node-files.ts) files are read
 * from disk; in a browser's web worker (browser/client-files.ts) the client reads them for the
 * server with vscode.workspace.fs (the `strategyLint/readFiles` request). Everything else — the
 * engine, config loading (config/load.ts), .gitignore, hovers, fixes, the review — is the same code.
 *
 * Files are named by paths, as config search, type globs and messages use them: on the desktop the
 * file system path of a `file:` URI; in the browser the path part of a URI of any scheme
 * (`vscode-vfs://github/owner/repo/docs/memo.md` → `/owner/repo/docs/memo.md`).
 */
import type { ConfigFileAccess } from '../config/file-access.js';

export interface WorkspaceFiles {
  /** The path of a document or folder URI, or null when it has none (untitled documents). */
  pathOf(uri: string): string | null;
  /** The URI of a path (diagnostics on a config file are published on it). */
  uriOf(filePath: string): string;
  /**
   * Run a computation that reads files synchronously (config/load.ts, config/gitignore.ts): on the
   * desktop straight from disk; in the browser from the files the client has read, asking for the
   * ones it wanted and missed and running it again until it misses none. So `compute` must only
   * read through `files` and keep no state between runs.
   */
  read<T>(compute: (files: ConfigFileAccess) => T): Promise<T>;
  /** A document's text: a regular UTF-8 file of at most `limit` bytes; throws FileReadError otherwise. */
  readDocument(filePath: string, limit: number): Promise<string>;
}

