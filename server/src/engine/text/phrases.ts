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

function escapeRegex(text: string): string {
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

export interface PhraseMatch {
  index: number;
  length: number;
  /** The list entry that matched. */
  phrase: string;
  /** The text as written. */
  text: string;
}

const NO_MATCHES: readonly PhraseMatch[] = Object.freeze([]);

export class PhraseMatcher {
  private readonly regex: RegExp | null;
  private readonly byPattern: Array<{ pattern: RegExp; phrase: string }>;

  constructor(readonly phrases: readonly string[], options: { inflect?: boolean } = {}) {
    const inflect = options.inflect ?? true;
    const cleaned = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
    const patterns = cleaned.map((phrase) => ({ phrase, source: phrasePattern(phrase, inflect) }));
    this.byPattern = patterns.map(({ phrase, source }) => ({ phrase, pattern: new RegExp(`^(?:${source})$`, 'iu') }));
    this.regex = patterns.length
      ? new RegExp(`(?<![\\p{L}\\p{N}_'-])(?:${patterns.map((p) => p.source).join('|')})(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`, 'giu')
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

  private search(text: string): readonly PhraseMatch[] {
    const regex = this.regex!;
    const folded = foldTypography(text);
    const matches: PhraseMatch[] = [];
    regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(folded)) !== null) {
      const written = text.slice(match.index, match.index + match[0].length);
      const phrase = this.byPattern.find((p) => p.pattern.test(match![0]))?.phrase ?? match[0];
      matches.push(Object.freeze({ index: match.index, length: match[0].length, phrase, text: written }));
    }
    return matches.length > 0 ? matches : NO_MATCHES;
  }

  test(text: string): boolean {
    const regex = this.regex;
    if (!regex) return false;
    return this.tests.get(text, (value) => {
      regex.lastIndex = 0;
      return regex.test(foldTypography(value));
    });
  }
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
