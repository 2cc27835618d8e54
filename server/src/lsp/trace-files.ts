/**
 * Every file the workspace model reads from disk, in one small place: listing a folder's
 * Markdown files (.gitignore, node_modules and .git left out, as the CLI does), reading one
 * (regular UTF-8 files of bounded size only), whether a file exists (for trace/broken-link), and
 * when git last changed some (for trace/stale-after-strategy). A front end without a file system
 * (the web extension) gives the workspace model its own implementation of this interface.
 */
import * as fs from 'node:fs';
import { resolveFiles } from '../cli/files.js';
import { lastCommitDates } from '../cli/git-dates.js';
import { readBoundedText } from '../config/read-file.js';

export interface TraceFileAccess {
  /** The Markdown files under a folder, absolute paths, sorted; at most `limit`. */
  listMarkdown(folder: string, limit: number): Promise<string[]>;
  /** A file's text, or null when it cannot or should not be read (not regular, too large, not UTF-8). */
  read(file: string, limit: number): string | null;
  exists(file: string): boolean;
  /** When git last changed each file; null without git or a repository. */
  lastCommitted(files: readonly string[]): Map<string, Date> | null;
}

export const nodeTraceFiles: TraceFileAccess = {
  async listMarkdown(folder, limit) {
    if (!fs.existsSync(folder)) return [];
    const { files } = await resolveFiles([folder], folder);
    return files.map((file) => file.path).sort().slice(0, limit);
  },
  read(file, limit) {
    try {
      return readBoundedText(file, limit).text;
    } catch {
      return null;
    }
  },
  exists(file) {
    return fs.existsSync(file);
  },
  lastCommitted(files) {
    return lastCommitDates(files);
  },
};
