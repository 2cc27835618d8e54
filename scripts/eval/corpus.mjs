/**
 * The real-document corpus: where cached texts live, how each is checked against its manifest
 * entry, and which third of the corpus is held out from tuning.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_CACHE = path.join(ROOT, '.cache', 'real-documents');
export const DEFAULT_MANIFEST = path.join(ROOT, 'eval', 'manifest');

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

export function describeBytes(bytes) {
  return { bytes: bytes.length, sha256: sha256(bytes) };
}

/** Cached text of a document: <cache>/<owner>+<name>/<commit>/<path>. */
export function cachePathOf(cacheDir, repo, commit, file) {
  const safe = file.split('/').filter((part) => part && part !== '..' && part !== '.').join(path.sep);
  return path.join(cacheDir, repo.replace('/', '+'), commit, safe);
}

/**
 * A third of the corpus is held out, chosen by a hash of repository and path before any label was
 * written: nobody picks which documents are tuned on.
 */
export function splitOf(repo, file) {
  const hash = createHash('sha1').update(`${repo}:${file}`).digest();
  return hash.readUInt32BE(0) % 3 === 0 ? 'holdout' : 'tune';
}

/** Every manifest entry from a folder of batch files (or one file). */
export function loadManifest(location = DEFAULT_MANIFEST) {
  const files = fs.statSync(location).isDirectory()
    ? fs.readdirSync(location).filter((name) => name.endsWith('.json')).sort().map((name) => path.join(location, name))
    : [location];
  const documents = [];
  for (const file of files) {
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const entry of data.documents ?? data) documents.push({ ...entry, batch: path.basename(file) });
  }
  return documents;
}

/** The cached bytes of an entry, or why they are unusable (absent, or not what was recorded). */
export function readCached(cacheDir, entry) {
  const file = cachePathOf(cacheDir, entry.repo, entry.commit, entry.path);
  if (!fs.existsSync(file)) return { missing: 'not in the cache' };
  const bytes = fs.readFileSync(file);
  if (bytes.length !== entry.bytes || sha256(bytes) !== entry.sha256) return { missing: `cached copy differs from the manifest (${bytes.length} bytes)` };
  return { bytes, file };
}
