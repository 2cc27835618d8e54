/**
 * Workspace folders (multi-root): which folder a document belongs to, so config-file search stops
 * at the folder and settings' type globs are resolved against it.
 */
import * as path from 'node:path';
import type { WorkspaceFolder } from 'vscode-languageserver';
import type { WorkspaceFiles } from './workspace-files.js';

export class WorkspaceFolders {
  private folders: string[] = [];

  constructor(private readonly files: WorkspaceFiles) {}

  set(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const paths = (folders ?? []).map((folder) => this.files.pathOf(folder.uri)).filter((p): p is string => p !== null);
    if (paths.length === 0 && rootUri) {
      const root = this.files.pathOf(rootUri);
      if (root) paths.push(root);
    }
    this.folders = paths;
  }

  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((folder) => this.files.pathOf(folder.uri)));
    this.folders = this.folders.filter((folder) => !gone.has(folder));
    for (const folder of added) {
      const p = this.files.pathOf(folder.uri);
      if (p && !this.folders.includes(p)) this.folders.push(p);
    }
  }

  get all(): readonly string[] {
    return this.folders;
  }

  /** The innermost folder that contains the file, or null. */
  folderOf(filePath: string): string | null {
    let best: string | null = null;
    for (const folder of this.folders) {
      const relative = path.relative(folder, filePath);
      const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
      if (inside && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }
}
