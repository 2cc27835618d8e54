/**
 * Reading a file from disk without trusting it, for the CLI and the language server alike:
 * documents, config files and ignore files. Only regular files are read — a FIFO would block
 * forever and `/dev/zero` never ends — and at most a size cap, checked on the open file before
 * reading and again while reading (a file can grow meanwhile). Text must be valid UTF-8; a
 * byte-order mark is kept, so a file written back keeps it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { DEFAULT_MAX_DOCUMENT_LENGTH } from '../engine/config/resolve.js';

/** Config and ignore files are small: a few megabytes is far beyond any real one. */
export const CONFIG_READ_LIMIT = 4 * 1024 * 1024;
/** A document is read up to this many times its maxDocumentLength (characters) in bytes. */
const DOCUMENT_READ_FACTOR = 16;

/** Largest document read, in bytes: 16 MB with the default maxDocumentLength. */
export function documentReadLimit(maxDocumentLength: number = DEFAULT_MAX_DOCUMENT_LENGTH): number {
  return DOCUMENT_READ_FACTOR * Math.max(maxDocumentLength, DEFAULT_MAX_DOCUMENT_LENGTH);
}

type ReadFailure = 'not-regular' | 'too-large' | 'not-utf8' | 'unreadable';

/** A file that was not read, with a message that names what it is and never quotes its content. */
export class FileReadError extends Error {
  constructor(readonly file: string, readonly reason: ReadFailure, message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

export interface ReadFile {
  text: string;
  /** The bytes read, and what the file looked like when it was read (to tell whether it changed since). */
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  mode: number;
  uid: number;
  gid: number;
  hash: string;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** The bytes of a regular file of at most `limit` bytes; throws FileReadError otherwise. */
export function readBoundedBytes(file: string, limit: number): Omit<ReadFile, 'text'> {
  let fd: number;
  try {
    // Non-blocking, so that opening a named pipe returns at once (fstat then refuses it).
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new FileReadError(file, 'unreadable', `cannot be read (${describeIoError(error)})`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new FileReadError(file, 'not-regular', `is ${kindOf(stat)}, not a regular file, so it was not read`);
    const tooLarge = (size: string) => new FileReadError(file, 'too-large', `is ${size}, more than the ${formatBytes(limit)} Strategy Lint reads, so it was not read`);
    if (stat.size > limit) throw tooLarge(formatBytes(stat.size));
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(stat.size + 1, 64 * 1024)));
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw tooLarge(`more than ${formatBytes(limit)}`);
      chunks.push(Buffer.from(buffer.subarray(0, read)));
    }
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    return { bytes, size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode, uid: stat.uid, gid: stat.gid, hash: sha256(bytes) };
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError(file, 'unreadable', `cannot be read (${describeIoError(error)})`);
  } finally {
    fs.closeSync(fd);
  }
}

/** A regular UTF-8 text file of at most `limit` bytes; throws FileReadError otherwise. */
export function readBoundedText(file: string, limit: number): ReadFile {
  const read = readBoundedBytes(file, limit);
  const text = decodeUtf8(read.bytes);
  if (text === null) throw new FileReadError(file, 'not-utf8', 'is not valid UTF-8 text, so it was not read');
  return { ...read, text };
}

/** A config or ignore file's text (readBoundedText with the config cap). */
export function readConfigText(file: string): string {
  return readBoundedText(file, CONFIG_READ_LIMIT).text;
}

/** An fs error as its code and system call ("ENOENT, open"), never more: the path is named by the caller. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EDQUOT') return 'disk quota exceeded';
  if (code === 'EROFS') return 'read-only file system';
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}
