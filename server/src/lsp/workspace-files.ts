/**
 * How the language server reaches the workspace's files: the one thing, besides the transport,
 * that differs between the desktop and the browser. On the desktop (node-files.ts) files are read
 * from disk; in a browser's web worker (browser/client-files.ts) the client reads them for the
 * server with vscode.workspace.fs (the `strategyLint/readFiles` request). Everything else — the
 * engine, config loading (config/load.ts), .gitignore, hovers, fixes, the review, the workspace
 * model of the trace/* rules and the strategy map (workspace-trace.ts) — is the same code.
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
  /**
   * The Markdown files under a folder, sorted paths, at most `limit` (a .gitignore, node_modules
   * and .git leave files out; in the browser files.exclude does too): the workspace model's documents.
   */
  listMarkdown(folder: string, limit: number): Promise<string[]>;
  /** Whether something is at each path (trace/broken-link: does a linked document exist?). */
  exists(filePaths: readonly string[]): Promise<boolean[]>;
  /**
   * When git last changed each file (trace/stale-after-strategy, for documents without a
   * front-matter date); null when the files are in no repository or git could not say. Absent
   * where git is not available at all (the browser): the rule then uses front-matter dates only.
   */
  lastCommitted?(filePaths: readonly string[]): Promise<Map<string, Date> | null>;
}
