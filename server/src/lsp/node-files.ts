/**
 * The workspace's files on the desktop: `file:` URIs, read from disk (bounded, regular files
 * only); a folder's Markdown files found as the CLI finds them (cli/files.ts); commit dates from
 * git, run without blocking the server.
 */
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveFiles } from '../cli/files.js';
import { lastCommitDatesAsync } from '../cli/git-dates.js';
import { nodeFileAccess } from '../config/node-file-access.js';
import { readBoundedText } from '../config/read-file.js';
import type { WorkspaceFiles } from './workspace-files.js';

export const nodeFiles: WorkspaceFiles = {
  pathOf(uri) {
    if (!uri.startsWith('file:')) return null;
    try {
      return fileURLToPath(uri);
    } catch {
      return null;
    }
  },
  uriOf: (filePath) => pathToFileURL(filePath).href,
  read: async (compute) => compute(nodeFileAccess),
  readDocument: async (filePath, limit) => readBoundedText(filePath, limit).text,
  async listMarkdown(folder, limit) {
    if (!fs.existsSync(folder)) return [];
    const { files } = await resolveFiles([folder], folder);
    return files.map((file) => file.path).sort().slice(0, limit);
  },
  exists: async (filePaths) => filePaths.map((filePath) => fs.existsSync(filePath)),
  lastCommitted: (filePaths) => lastCommitDatesAsync(filePaths),
};
