/**
 * Property-based fuzzing of lint, fixes and suppression on generated strategy Markdown and on
 * arbitrary Unicode (see fuzz-support.ts for the generators and the invariants). Fixed seed and
 * bounded case counts in CI; `node scripts/fuzz.mjs --runs N --seed S` for a longer local run.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../src/engine/index.js';
import { checkCase, markdownArb, markdownCaseArb, runProperty, runsFor, unicodeCaseArb, withEol, FUZZ_SEED, type FuzzCase } from './fuzz-support.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';
import { RangeSet } from '../src/engine/model/ranges.js';

describe('fuzz: generated strategy Markdown', () => {
  test('lint never throws; every range is inside the document, on prose, with matching line/column; results are deterministic', () => {
    runProperty('markdown', markdownCaseArb, 150, (c) => checkCase(c, { fixes: false }));
  });

  test('fixes keep the text outside their edits, relint without internal errors, and fix-all converges', () => {
    runProperty('fixes', markdownCaseArb, 60, (c) => checkCase(c));
  });

  test('a disable directive at the top suppresses every finding', () => {
    runProperty('suppress-all', markdownCaseArb, 60, ({ text, options }: FuzzCase) => {
      // An enable directive in the document ends the suppression from there on.
      if (text.includes('strategy-lint-enable')) return [];
      const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
      const suppressed = lint(`<!-- strategy-lint-disable -->${eol}${eol}${text}`, options);
      return suppressed.findings.map((f) => `not suppressed: ${f.ruleId} at ${f.line}:${f.column}`);
    });
  });
});

describe('fuzz: arbitrary Unicode', () => {
  test('lone surrogates, NUL, BOM, bidi controls and joiners never break lint or fixes', () => {
    runProperty('unicode', unicodeCaseArb, 150, (c) => checkCase(c));
  });
});

describe('fuzz: the model\'s fast lookups agree with plain scans', () => {
  test('sectionAt (binary search) and blocksIn (binary search) give what a scan of every section and block gives', () => {
    fc.assert(fc.property(markdownArb, fc.array(fc.nat(), { maxLength: 20 }), (text, picks) => {
      const doc = lint(text, { today: FIXTURE_TODAY, onlyRules: [] }).document;
      const offsets = [0, text.length, ...picks.map((p) => p % (text.length + 1)), ...doc.sections.flatMap((s) => [s.start, s.end, s.start - 1])];
      for (const offset of offsets) {
        let expected = null;
        for (const section of doc.sections) if (section.start <= offset && offset < section.end) expected = section;
        assert.equal(doc.sectionAt(offset), expected, `sectionAt(${offset})`);
      }
      for (const section of doc.sections) {
        const expected = doc.textBlocks.filter((block) => block.start >= section.start && block.end <= section.end);
        assert.deepEqual(doc.blocksIn(section.start, section.end), expected);
      }
    }), { seed: FUZZ_SEED, numRuns: runsFor(100) });
  });
});

describe('fuzz: RangeSet agrees with plain scans', () => {
  test('covers and startsWithin give what a scan of every range gives, for nested and overlapping ranges', () => {
    const rangeArb = fc.tuple(fc.nat(60), fc.nat(20)).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(fc.property(fc.array(rangeArb, { maxLength: 15 }), fc.array(fc.integer({ min: -2, max: 90 }), { maxLength: 25 }), (ranges, offsets) => {
      const set = new RangeSet(ranges);
      for (const offset of offsets) {
        assert.equal(set.covers(offset), ranges.some((r) => r.start <= offset && offset < r.end), `covers(${offset})`);
        assert.equal(set.covers(offset, { inclusiveEnd: true }), ranges.some((r) => r.start <= offset && offset <= r.end), `covers(${offset}, inclusive)`);
        for (const to of [offset, offset + 1, offset + 7]) {
          assert.equal(set.startsWithin(offset, to), ranges.some((r) => r.start >= offset && r.start < to), `startsWithin(${offset}, ${to})`);
        }
      }
    }), { seed: FUZZ_SEED, numRuns: runsFor(200) });
  });
});

describe('fuzz support', () => {
  test('withEol rewrites line ends and keeps offsets meaningful', () => {
    assert.equal(withEol('a\nb\r\nc', '\r'), 'a\rb\r\nc');
    assert.equal(withEol('a\nb\nc\nd', 'mixed'), 'a\nb\r\nc\rd');
  });
  test('the generators produce varied documents', () => {
    const samples = fc.sample(markdownCaseArb, { seed: 1, numRuns: 50 }).map((c) => c.text);
    assert.ok(new Set(samples).size > 40);
    assert.ok(samples.some((s) => s.includes('\r')) && samples.some((s) => s.includes('|')) && samples.some((s) => s.includes('```')));
  });
});
