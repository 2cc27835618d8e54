/**
 * Word and phrase lists matched the way people type them: case-insensitive, through curly quotes,
 * non-breaking hyphens (U+2011), dashes and non-breaking spaces, with common inflections
 * ("leverage" also finds "leveraging", "leveraged"). One alternation regex per list: linear time.
 */
import { TextMemo } from './memo.js';

/** Same length as the input, so indices still map to the source. */
export function foldTypography(text: string): string {
  return text
    .replace(/[\u2010\u2011\u2012\u2212]/g, '-')
    // En and em dashes separate words ("teams—that"), unlike hyphens.
    .replace(/[\u2013\u2014]/g, ' ')
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}

/** The text as a literal inside a regular expression. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source for one phrase: separators match any run of space or hyphen; the last word may inflect. */
function phrasePattern(phrase: string, inflect: boolean): string {
  const words = foldTypography(phrase.trim().toLowerCase()).split(/[\s-]+/).filter(Boolean);
  const last = words.length - 1;
  return words.map((word, i) => {
    if (!inflect || i !== last || !/^[a-z]{3,}$/.test(word)) return escapeRegex(word);
    if (word.endsWith('e')) return `${escapeRegex(word.slice(0, -1))}(?:e|es|ed|ing|ely)`;
    if (word.endsWith('y')) return `${escapeRegex(word.slice(0, -1))}(?:y|ies|ied|ying)`;
    return `${escapeRegex(word)}(?:s|es|ed|ing|ly|ally)?`;
  }).join('[\\s-]{1,3}');
}

interface PhraseMatch {
  index: number;
  length: number;
  /** The list entry that matched. */
  phrase: string;
  /** The text as written. */
  text: string;
}

const NO_MATCHES: readonly PhraseMatch[] = Object.freeze([]);

/**
 * The characters whose case-insensitive (/iu) match is an ASCII letter other than itself: A–Z,
 * the Kelvin sign (k) and the long s (s). Lowering them, one unit for one, lets a pattern written
 * in ASCII match without the `i` flag, which compiles in a fraction of the time.
 */
const ASCII_CASE = /[A-Z\u212A\u017F]/g;
const lowerAscii = (char: string): string => (char === '\u212A' ? 'k' : char === '\u017F' ? 's' : String.fromCharCode(char.charCodeAt(0) + 32));

function foldAsciiCase(text: string): string {
  return text.replace(ASCII_CASE, lowerAscii);
}

interface PhrasePattern {
  phrase: string;
  source: string;
  /** The pattern's first two characters when they are ASCII letters or digits: a text that does not start with them cannot match. */
  key: string | null;
  regex?: RegExp;
}

export class PhraseMatcher {
  private readonly regex: RegExp | null;
  private readonly patterns: PhrasePattern[];
  /** Patterns are ASCII: the search runs without the `i` flag on text lowered by foldAsciiCase. */
  private readonly asciiCase: boolean;
  private readonly byKey = new Map<string, number[]>();
  private readonly withoutKey: number[] = [];

  constructor(readonly phrases: readonly string[], options: { inflect?: boolean } = {}) {
    const inflect = options.inflect ?? true;
    const cleaned = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
    this.patterns = cleaned.map((phrase) => ({ phrase, source: phrasePattern(phrase, inflect), key: patternKey(phrase) }));
    this.patterns.forEach((pattern, index) => {
      if (pattern.key === null) this.withoutKey.push(index);
      else {
        const list = this.byKey.get(pattern.key);
        if (list) list.push(index);
        else this.byKey.set(pattern.key, [index]);
      }
    });
    const source = this.patterns.map((p) => p.source).join('|');
    // eslint-disable-next-line no-control-regex
    this.asciiCase = /^[\x00-\x7f]*$/.test(source);
    this.regex = this.patterns.length
      ? new RegExp(`(?<![\\p{L}\\p{N}_'-])(?:${source})(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`, this.asciiCase ? 'gu' : 'giu')
      : null;
  }

  private readonly matches = new TextMemo<readonly PhraseMatch[]>();
  private readonly tests = new TextMemo<boolean>();

  /** Every non-overlapping match in `text`, left to right. */
  matchAll(text: string): PhraseMatch[] {
    if (!this.regex) return [];
    // Remembered by text (a copy of the list is returned: callers may sort or extend it).
    return this.matches.get(text, (value) => this.search(value)).slice();
  }

  private subject(text: string): string {
    const folded = foldTypography(text);
    return this.asciiCase ? foldAsciiCase(folded) : folded;
  }

  private search(text: string): readonly PhraseMatch[] {
    const regex = this.regex!;
    const subject = this.subject(text);
    const matches: PhraseMatch[] = [];
    regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(subject)) !== null) {
      const written = text.slice(match.index, match.index + match[0].length);
      matches.push(Object.freeze({ index: match.index, length: match[0].length, phrase: this.phraseOf(match[0]), text: written }));
    }
    return matches.length > 0 ? matches : NO_MATCHES;
  }

  /**
   * The first list entry (longest first) whose own pattern matches the whole matched text. Only
   * entries that can match are tried: those whose first two characters are the text's (as /iu
   * compares them), and those too short or too special to say; each pattern is compiled on first use.
   */
  private phraseOf(matched: string): string {
    const key = matched.length >= 2 ? foldAsciiCase(matched.slice(0, 2)) : null;
    const keyed = key === null ? undefined : this.byKey.get(key);
    const without = this.withoutKey;
    let i = 0;
    let j = 0;
    while ((keyed && i < keyed.length) || j < without.length) {
      const index = keyed && i < keyed.length && (j >= without.length || keyed[i] < without[j]) ? keyed[i++] : without[j++];
      const pattern = this.patterns[index];
      pattern.regex ??= new RegExp(`^(?:${pattern.source})$`, 'iu');
      if (pattern.regex.test(matched)) return pattern.phrase;
    }
    return matched;
  }

  test(text: string): boolean {
    const regex = this.regex;
    if (!regex) return false;
    return this.tests.get(text, (value) => {
      regex.lastIndex = 0;
      return regex.test(this.subject(value));
    });
  }
}

/** The first two characters every text a phrase's pattern matches starts with (/iu, ASCII), if they are fixed letters or digits. */
function patternKey(phrase: string): string | null {
  const first = foldTypography(phrase.trim().toLowerCase()).split(/[\s-]+/).filter(Boolean)[0];
  // An inflected word keeps at least its first two letters ("use" → "us(?:e|es|…)").
  return first && /^[a-z0-9]{2}/.test(first) ? first.slice(0, 2) : null;
}

/** Cache matchers by list contents: lists come from options and rarely change between lints. */
const cache = new Map<string, PhraseMatcher>();

export function phraseMatcher(phrases: readonly string[], options: { inflect?: boolean } = {}): PhraseMatcher {
  const key = `${options.inflect ?? true}\u0000${phrases.join('\u0001')}`;
  let matcher = cache.get(key);
  if (!matcher) {
    if (cache.size > 200) cache.clear();
    matcher = new PhraseMatcher(phrases, options);
    cache.set(key, matcher);
  }
  return matcher;
}
