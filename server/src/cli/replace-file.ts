/**
 * How `--fix` puts a fixed document in place without ever losing what was there: the new text
 * goes to a temporary file in the same folder, is flushed to disk, gets the original's mode, and
 * is renamed over the original in one step — so a full disk, a crash or a kill leaves either the
 * old file or the new one, never half of one. Just before the rename the original is checked
 * against what was read (size, modification time and SHA-256 of the content): a file someone
 * edited while the linter ran is left alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeIoError, readBoundedBytes, type ReadFile } from '../config/read-file.js';

type ReplaceOutcome = { replaced: true } | { replaced: false; reason: 'changed' | 'failed'; message: string };

/** Whether the file at `target` is still what was read. */
function unchanged(target: string, read: ReadFile, limit: number): boolean {
  try {
    const stat = fs.statSync(target);
    if (stat.size !== read.size || stat.mtimeMs !== read.mtimeMs) return false;
    return readBoundedBytes(target, limit).hash === read.hash;
  } catch {
    return false;
  }
}

/**
 * Replace `target` (a real path: links resolved) with `text`, if it is unchanged since `read`.
 * Never throws: a failure leaves the original as it was and says why.
 */
export function replaceFile(target: string, read: ReadFile, text: string, limit: number): ReplaceOutcome {
  if (!unchanged(target, read, limit)) return { replaced: false, reason: 'changed', message: 'it changed after it was read; run again to fix it' };
  const dir = path.dirname(target);
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.strategy-lint.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temporary, 'wx', read.mode & 0o7777);
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fchmodSync(fd, read.mode & 0o7777); // the umask may have taken bits away
    keepOwner(fd, read);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    // Checked again as late as possible: an editor may have saved while the file was written.
    if (!unchanged(target, read, limit)) {
      fs.rmSync(temporary, { force: true });
      return { replaced: false, reason: 'changed', message: 'it changed after it was read; run again to fix it' };
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing: the error below is the one to report.
      }
    }
    fs.rmSync(temporary, { force: true });
    return { replaced: false, reason: 'failed', message: `cannot write the fixed file (${describeIoError(error)}); the file is unchanged` };
  }
  syncFolder(dir);
  return { replaced: true };
}

/** Give the new file the original's owner and group when they differ (possible only as root; else the writer owns it, as with any editor's save). */
function keepOwner(fd: number, read: ReadFile): void {
  if (typeof process.getuid !== 'function') return;
  const stat = fs.fstatSync(fd);
  if (stat.uid === read.uid && stat.gid === read.gid) return;
  try {
    fs.fchownSync(fd, read.uid, read.gid);
  } catch {
    // Not allowed: the file keeps its content and mode.
  }
}

/** Flush the folder entry of the rename too, where the platform allows it. */
function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not possible on every platform and file system (Windows): the rename itself is done.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
