/** Config and ignore files on disk, through node:fs (the default ConfigFileAccess). */
import * as fs from 'node:fs';
import type { ConfigFileAccess } from './file-access.js';
import { readConfigText } from './read-file.js';

export const nodeFileAccess: ConfigFileAccess = {
  kind(file) {
    try {
      const stat = fs.statSync(file);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
    } catch {
      return null;
    }
  },
  realPath(file) {
    try {
      return fs.realpathSync(file);
    } catch {
      return null;
    }
  },
  readText: readConfigText,
};
