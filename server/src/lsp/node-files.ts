/** The workspace's files on the desktop: `file:` URIs, read from disk (bounded, regular files only). */
import { fileURLToPath, pathToFileURL } from 'node:url';
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
};
