/**
 * Every rule cites where it comes from. A quote attributed to a source document in
 * shared/seeds must really be in that document (whitespace, quotes, dashes and Markdown emphasis
 * folded; "…" separates excerpts), so the docs and hovers never put words in anyone's mouth.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../src/engine/index.js';
import { sharedDir } from './helpers/paths.js';

const seedsDir = path.join(sharedDir, 'seeds');
const fold = (text: string) => text.normalize('NFKC').replace(/[*_]+/g, '').replace(/[\u2018\u2019\u201c\u201d'"]/g, '')
  .replace(/[\u2010-\u2015-]/g, ' ').replace(/\s+/g, ' ').toLowerCase().trim();

test('every seed quote appears in its seed document', { skip: fs.existsSync(seedsDir) ? false : 'shared/seeds is not beside the repository' }, () => {
  const seeds = new Map(fs.readdirSync(seedsDir).map((file) => [file.slice(0, 3), fold(fs.readFileSync(path.join(seedsDir, file), 'utf8'))]));
  const missing: string[] = [];
  for (const rule of allRules) {
    for (const seed of rule.meta.seeds) {
      if (!/^\d{3}$/.test(seed.source)) continue;
      const text = seeds.get(seed.source);
      const excerpts = fold(seed.quote).split(/\s*(?:…|\.\.\.)\s*/).filter(Boolean);
      if (!text || !excerpts.every((excerpt) => text.includes(excerpt))) missing.push(`${rule.meta.id}: ${seed.source} “${seed.quote}”`);
    }
  }
  assert.deepEqual(missing, []);
});
