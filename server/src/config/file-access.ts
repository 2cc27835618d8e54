/**
 * What config loading (load.ts) and .gitignore matching (gitignore.ts) ask of a file system. It is
 * synchronous, so the CLI reads straight from disk (node-file-access.ts, the default); the
 * language server in a browser answers it from files the editor has read for it
 * (lsp/browser/client-files.ts).
 */
export type FileKind = 'file' | 'directory' | 'other';

export interface ConfigFileAccess {
  /** What is at the path (links followed), or null when nothing is. */
  kind(file: string): FileKind | null;
  /** The path with links resolved, or null when nothing is there. */
  realPath(file: string): string | null;
  /** A config or ignore file's text (regular, UTF-8, a few MB at most); throws FileReadError otherwise. */
  readText(file: string): string;
}
