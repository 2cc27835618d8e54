/**
 * Every rule cites where it comes from. A quote attributed to a source document in
 * shared/seeds must really be in that document (whitespace, quotes, dashes and Markdown emphasis
 * folded; "…" separates excerpts), so the docs and hovers never put words in anyone's mouth.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, sourceName } from '../src/engine/index.js';
import { collectionTitles, seedPieceTitle } from '../src/engine/rules/sources.js';
import { sharedDir } from './helpers/paths.js';

const seedsDir = path.join(sharedDir, 'seeds');
const fold = (text: string) => text.normalize('NFKC').replace(/[*_]+/g, '').replace(/[\u2018\u2019\u201c\u201d'"]/g, '')
  .replace(/[\u2010-\u2015-]/g, ' ').replace(/\s+/g, ' ').toLowerCase().trim();

const WITH_SEEDS = { skip: fs.existsSync(seedsDir) ? false : 'shared/seeds is not beside the repository' };

/** Each numbered seed's text, folded, by its number ("004"). */
function foldedSeeds(): Map<string, string> {
  return new Map(fs.readdirSync(seedsDir).map((file) => [file.slice(0, 3), fold(fs.readFileSync(path.join(seedsDir, file), 'utf8'))]));
}

test('every seed quote appears in its seed document', WITH_SEEDS, () => {
  const seeds = foldedSeeds();
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

/**
 * Each numbered seed is a collection (a handbook, a blog's archive pages): a quote is named by the
 * piece it comes from (sources.ts). The piece named must be the one that holds the quote: its
 * title is the nearest of the collection's piece titles before the quote in the seed.
 */
test('every seed quote is attributed to the piece of its seed that holds it', WITH_SEEDS, () => {
  const seeds = foldedSeeds();
  const wrong: string[] = [];
  for (const rule of allRules) {
    for (const seed of rule.meta.seeds) {
      if (!/^\d{3}$/.test(seed.source)) continue;
      const title = seedPieceTitle(seed);
      if (!title) {
        wrong.push(`${rule.meta.id}: ${seed.source} “${seed.quote}” is attributed to no piece`);
        continue;
      }
      const text = seeds.get(seed.source) ?? '';
      const at = text.indexOf(fold(seed.quote).split(/\s*(?:…|\.\.\.)\s*/)[0]);
      const nearest = collectionTitles(seed.source).map((candidate) => ({ candidate, where: text.lastIndexOf(fold(candidate), at) })).sort((a, b) => b.where - a.where)[0];
      if (nearest.where < 0 || nearest.candidate !== title) wrong.push(`${rule.meta.id}: “${seed.quote}” is named as from “${title}”, but the nearest title before it is “${nearest.candidate}”`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('rule pages and hovers name sources in words, never "source document 004"', () => {
  for (const rule of allRules) {
    for (const seed of rule.meta.seeds) assert.doesNotMatch(sourceName(seed), /^\d{3}$|source document/, `${rule.meta.id}: ${seed.source}`);
  }
  assert.equal(sourceName({ source: '004', quote: 'a coherent blend of policies, actions, and resources' }), '“Revisiting ‘Good Strategy Bad Strategy’”, a post on Alexis’s leadership blog, on Richard Rumelt’s book');
  assert.equal(sourceName({ source: '000', quote: 'I like to update the roadmap before every release.' }), 'the “Roadmapping” chapter of an engineering leader’s Execution Handbook');
  assert.equal(sourceName({ source: 'Minto, The Pyramid Principle', quote: 'x' }), 'Minto, The Pyramid Principle');
});
