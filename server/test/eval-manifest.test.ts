/**
 * The real-document corpus (eval/manifest/*.json, texts in an ignored cache): every entry names
 * its document exactly, carries labels of the documented shape with rule ids that exist, and the
 * corpus keeps its promises (organisations, documents per repository, held-out third by hash).
 * Runs without the cached texts, so CI checks the labels even where `npm run eval` skips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOC_TYPES, rulesById } from '../src/engine/index.js';
import { repoRoot } from './helpers/paths.js';

interface Label { rule: string; text?: string; fire: boolean; why?: string }
interface Entry {
  id: string; repo: string; path: string; commit: string; date: string; bytes: number; sha256: string; split: string;
  type: string; good: boolean; referenceDate?: string; expect: Label[]; lines: Label[];
}

const corpus = await import(pathToFileURL(path.join(repoRoot, 'scripts', 'eval', 'corpus.mjs')).href) as {
  loadManifest(location?: string): Entry[];
  splitOf(repo: string, file: string): string;
};
const entries = corpus.loadManifest();

test('the corpus holds at least 80 documents from at least 30 organisations, at most 5 from one repository, 15 generic', () => {
  assert.ok(entries.length >= 80, `${entries.length} documents`);
  const organisations = new Set(entries.map((e) => e.repo.split('/')[0].toLowerCase()));
  assert.ok(organisations.size >= 30, `${organisations.size} organisations`);
  const perRepo = new Map<string, number>();
  for (const e of entries) perRepo.set(e.repo, (perRepo.get(e.repo) ?? 0) + 1);
  assert.deepEqual([...perRepo].filter(([, n]) => n > 5), []);
  assert.ok(entries.filter((e) => e.type === 'generic').length >= 15);
  assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, 'no document twice');
});

test('every entry names its document exactly and is split by the hash, not by hand', () => {
  for (const e of entries) {
    assert.equal(e.id, `${e.repo}:${e.path}`);
    assert.match(e.commit, /^[0-9a-f]{40}$/, e.id);
    assert.match(e.sha256, /^[0-9a-f]{64}$/, e.id);
    assert.ok(Number.isInteger(e.bytes) && e.bytes > 0, e.id);
    assert.match(e.date, /^\d{4}-\d{2}-\d{2}$/, e.id);
    if (e.referenceDate !== undefined) assert.match(e.referenceDate, /^\d{4}-\d{2}-\d{2}$/, e.id);
    assert.equal(e.split, corpus.splitOf(e.repo, e.path), e.id);
  }
});

test('every label has the documented shape and names a rule that exists', () => {
  for (const e of entries) {
    assert.ok((DOC_TYPES as readonly string[]).includes(e.type), `${e.id}: type ${e.type}`);
    assert.equal(typeof e.good, 'boolean', `${e.id}: good`);
    assert.ok(e.lines.length >= 6 && e.lines.length <= 15, `${e.id}: ${e.lines.length} line locators`);
    for (const label of [...e.lines, ...e.expect]) {
      assert.ok(rulesById.has(label.rule), `${e.id}: unknown rule ${label.rule}`);
      assert.equal(typeof label.fire, 'boolean', `${e.id}: ${label.rule}`);
    }
    for (const label of e.lines) assert.ok(typeof label.text === 'string' && label.text.length >= 3, `${e.id}: ${label.rule} locator text`);
  }
});
