/**
 * The speed-ups under the incremental linter keep every result exactly as it was: each fast path
 * is checked here against the plain implementation it replaces, on generated input full of the
 * characters that make them differ if anything does (case folding, surrogates, dashes, quotes).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allRules, type OptionSpecs } from '../src/engine/index.js';
import { foldTypography, PhraseMatcher } from '../src/engine/text/phrases.js';
import { TextMemo } from '../src/engine/text/memo.js';
import { wordBefore } from '../src/engine/rules/prose/shared.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { AUTOLINK_TRIGGER, parseMarkdown, processorFor } from '../src/engine/model/parse.js';
import { fastBlankLine, setFastBlankLine } from '../src/engine/model/blank-line.js';
import { FUZZ_SEED, markdownArb, unicodeArb } from './fuzz-support.js';

function runs(ciRuns: number): number {
  const scale = Number(process.env.FUZZ_RUNS) / 100;
  return Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(ciRuns * scale)) : ciRuns;
}

/** The matcher as it was: one case-insensitive alternation, each match's entry found by testing every pattern in order. */
class ReferenceMatcher {
  private readonly regex: RegExp | null;
  private readonly byPattern: Array<{ pattern: RegExp; phrase: string }>;

  constructor(phrases: readonly string[], inflect = true) {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = (phrase: string) => {
      const words = foldTypography(phrase.trim().toLowerCase()).split(/[\s-]+/).filter(Boolean);
      const last = words.length - 1;
      return words.map((word, i) => {
        if (!inflect || i !== last || !/^[a-z]{3,}$/.test(word)) return escape(word);
        if (word.endsWith('e')) return `${escape(word.slice(0, -1))}(?:e|es|ed|ing|ely)`;
        if (word.endsWith('y')) return `${escape(word.slice(0, -1))}(?:y|ies|ied|ying)`;
        return `${escape(word)}(?:s|es|ed|ing|ly|ally)?`;
      }).join('[\\s-]{1,3}');
    };
    const cleaned = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
    const patterns = cleaned.map((phrase) => ({ phrase, source: pattern(phrase) }));
    this.byPattern = patterns.map(({ phrase, source }) => ({ phrase, pattern: new RegExp(`^(?:${source})$`, 'iu') }));
    this.regex = patterns.length
      ? new RegExp(`(?<![\\p{L}\\p{N}_'-])(?:${patterns.map((p) => p.source).join('|')})(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`, 'giu')
      : null;
  }

  matchAll(text: string): Array<{ index: number; length: number; phrase: string; text: string }> {
    if (!this.regex) return [];
    const folded = foldTypography(text);
    const matches = [];
    this.regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = this.regex.exec(folded)) !== null) {
      const found = match[0];
      matches.push({ index: match.index, length: found.length, phrase: this.byPattern.find((p) => p.pattern.test(found))?.phrase ?? found, text: text.slice(match.index, match.index + found.length) });
    }
    return matches;
  }

  test(text: string): boolean {
    if (!this.regex) return false;
    this.regex.lastIndex = 0;
    return this.regex.test(foldTypography(text));
  }
}

/** Every word list the rules ship. */
const LISTS: string[][] = allRules.flatMap((rule) => Object.values(rule.meta.options as OptionSpecs)
  .flatMap((spec) => (spec.type === 'string[]' && spec.default.length > 0 ? [[...spec.default]] : [])));
const WORDS = [...new Set(LISTS.flat())];

/** Characters where case-insensitive matching, typography folding or code points could make a fast path differ. */
const TRICKY = ['K', 'k', '\u212A', 's', 'S', '\u017F', 'İ', 'ı', 'i', 'I', 'ß', 'ẞ', 'ﬁ', 'é', 'É', 'Ω', 'ω', '\u2011', '\u2013', '\u2014', '’', "'", '-', ' ', '\u00a0',
  '\n', '_', '1', '𝒳', '\uD835', '\uDCB3', 'a', 'e', 'y', 'ing', 'ed', 'es'];

const textArb = fc.array(fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS).map((word) => word.toUpperCase()) },
  { weight: 1, arbitrary: fc.constantFrom(...WORDS).map((word) => word.replace(/[ks]/g, (c) => (c === 'k' ? '\u212A' : '\u017F'))) },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '. ', ', ', '-', ' — ') },
), { maxLength: 24 }).map((parts) => parts.join(''));

describe('fast paths equal the plain implementations', () => {
  test('PhraseMatcher (ASCII patterns without the i flag, entries found by their first letters) equals the plain matcher', () => {
    const listArb = fc.oneof(
      fc.constantFrom(...LISTS),
      fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom('naïve', 'Über', 'İstanbul', 'straße', 'KPI', 'a lot', 'co-op', '24/7', 'ſo', 'x')), { minLength: 1, maxLength: 12 }),
    );
    fc.assert(fc.property(listArb, fc.boolean(), textArb, (list, inflect, text) => {
      const fast = new PhraseMatcher(list, { inflect });
      const plain = new ReferenceMatcher(list, inflect);
      assert.deepStrictEqual(fast.matchAll(text).map((m) => ({ ...m })), plain.matchAll(text));
      assert.equal(fast.test(text), plain.test(text));
    }), { seed: FUZZ_SEED, numRuns: runs(1500) });
  });

  test('wordBefore (a scan for where the match can start) equals the plain regex', () => {
    const plain = (text: string, offset: number): string => {
      const match = /([\p{L}\p{N}'’]+)[^\p{L}\p{N}\n]{0,3}$/u.exec(text.slice(Math.max(0, offset - 40), offset));
      return match ? match[1].toLowerCase().replace(/’/g, "'") : '';
    };
    const unit = fc.constantFrom('a', 'B', 'é', '1', "'", '’', ' ', '\n', '\r', '.', ',', '(', '"', '—', '\uD835\uDCB3', '\uD835', '\uDCB3', '😀', '\t', 'x', 'yz', '٣', '_', '-');
    fc.assert(fc.property(fc.array(unit, { maxLength: 60 }).map((parts) => parts.join('')), fc.nat(), (text, at) => {
      const offset = at % (text.length + 1);
      assert.equal(wordBefore(text, offset), plain(text, offset), JSON.stringify({ text, offset }));
    }), { seed: FUZZ_SEED, numRuns: runs(20000) });
  });

  test('a text without www, :// or @ parses the same without the GFM autolink-literal extension', () => {
    const full = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
    const noTrigger = (text: string) => text.replace(/@/g, 'a').replace(/:\/\//g, ':/').replace(/www/gi, 'wvw');
    const docArb = fc.oneof(markdownArb, unicodeArb, fc.array(fc.constantFrom('w.x', 'http:/', 'mailto:ana', 'xmpp:x', 'a_b_', '*a*', 'x.com', 'ww.w', '[a](b)', '<http:/x>',
      '\n', '\n\n', '# ', '- ', '| a |\n|---|\n', '~~x~~', '[^1]', '[^1]: n\n', '- [ ] t', ' '), { maxLength: 30 }).map((parts) => parts.join('')));
    fc.assert(fc.property(docArb, (raw) => {
      const text = noTrigger(raw);
      assert.ok(!AUTOLINK_TRIGGER.test(text));
      assert.deepStrictEqual(processorFor(text).parse(text), full.parse(text));
    }), { seed: FUZZ_SEED, numRuns: runs(1000) });
  });

  test('the blank-line check that reads the source gives the same tree as micromark\'s own', () => {
    assert.equal(fastBlankLine, true, 'the fast blank-line check could not be installed');
    const pieces = ['- ', '* ', '1. ', '> ', '  ', '    ', '\t', ' \t', '\t ', 'item', '```', '~~~', '| a |', '|---|', '<div>', '[x]: y', 'a', '\n', '\r\n', '\r', '\n\n', '   \n', '\t\n', '- [ ] ', '# ', '---', '\u0000'];
    const nested = fc.array(fc.tuple(fc.nat({ max: 12 }), fc.array(fc.constantFrom(...pieces), { maxLength: 6 })), { maxLength: 25 })
      .map((lines) => lines.map(([depth, parts]) => `${'  '.repeat(depth)}${parts.join('')}`).join('\n'));
    const plain = (text: string) => {
      const previous = setFastBlankLine(false);
      try {
        return parseMarkdown(text);
      } finally {
        setFastBlankLine(previous);
      }
    };
    fc.assert(fc.property(fc.oneof(markdownArb, unicodeArb, nested), (text) => {
      assert.deepStrictEqual(parseMarkdown(text), plain(text));
    }), { seed: FUZZ_SEED, numRuns: runs(1000) });
  });

  test('TextMemo computes once per text and starts over when full', () => {
    const memo = new TextMemo<number>(10);
    let calls = 0;
    const compute = (text: string) => { calls++; return text.length; };
    assert.equal(memo.get('abc', compute), 3);
    assert.equal(memo.get('abc', compute), 3);
    assert.equal(calls, 1);
    memo.get('abcdefghij', compute); // over budget: starts over
    assert.equal(memo.get('abc', compute), 3);
    assert.equal(calls, 3);
  });
});
