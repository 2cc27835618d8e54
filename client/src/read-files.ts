/**
 * `strategyLint/readFiles`: the language server in a browser has no file system, so this client
 * reads files for it with vscode.workspace.fs — config files, .gitignore files and the documents
 * "Lint all documents in workspace" lints. As the desktop server reads from disk: only regular
 * files, at most `limit` bytes, UTF-8 text (a byte-order mark is kept).
 */
import * as vscode from 'vscode';
import type { ReadFileEntry, ReadFilesParams, ReadFilesResult } from './protocol';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readFiles(params: ReadFilesParams): Promise<ReadFilesResult> {
  const limit = Number.isFinite(params.limit) && params.limit >= 0 ? params.limit : 0;
  return { entries: await Promise.all((params.uris ?? []).map((uri) => readEntry(uri, limit))) };
}

async function readEntry(text: string, limit: number): Promise<ReadFileEntry> {
  let uri: vscode.Uri;
  let stat: vscode.FileStat;
  try {
    uri = vscode.Uri.parse(text, true);
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return { kind: 'missing' };
  }
  if (stat.type & vscode.FileType.Directory) return { kind: 'directory' };
  if (!(stat.type & vscode.FileType.File)) return { kind: 'other' };
  if (stat.size > limit) return { kind: 'file', failure: 'too-large', size: stat.size };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    return { kind: 'file', failure: 'unreadable', error: error instanceof vscode.FileSystemError ? error.code : error instanceof Error ? error.message : String(error) };
  }
  if (bytes.byteLength > limit) return { kind: 'file', failure: 'too-large', size: bytes.byteLength };
  try {
    return { kind: 'file', text: utf8.decode(bytes) };
  } catch {
    return { kind: 'file', failure: 'not-utf8' };
  }
}
