/**
 * Content words: the words that carry a text's meaning, lower-cased and stemmed with the Porter
 * stemmer (the `stemmer` package), minus stop words, numbers, @mentions and date words. Two texts
 * "talk about the same thing" when their stems overlap ("onboarding" and "onboard" share "onboard").
 */
import { stemmer } from 'stemmer';
import { foldTypography } from './phrases.js';
import { TextMemo } from './memo.js';

/** Function words and words every plan uses, which trace nothing to anything. */
export const DEFAULT_STOP_WORDS: readonly string[] = [
  'a', 'about', 'above', 'across', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at',
  'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by', 'can', 'could', 'did', 'do', 'does',
  'doing', 'done', 'down', 'during', 'each', 'either', 'else', 'etc', 'even', 'ever', 'every', 'few', 'for', 'from', 'further',
  'get', 'gets', 'getting', 'had', 'has', 'have', 'having', 'he', 'her', 'here', 'hers', 'him', 'his', 'how', 'however', 'i',
  'if', 'in', 'into', 'is', 'it', 'its', 'itself', 'just', 'least', 'less', 'let', 'lets', 'like', 'make', 'makes', 'making',
  'many', 'may', 'me', 'might', 'more', 'most', 'much', 'must', 'my', 'need', 'needs', 'new', 'next', 'no', 'nor', 'not', 'now',
  'of', 'off', 'on', 'once', 'one', 'only', 'onto', 'or', 'other', 'others', 'our', 'ours', 'ourselves', 'out', 'over', 'own',
  'per', 'put', 'rather', 'same', 'she', 'should', 'since', 'so', 'some', 'still', 'such', 'than', 'that', 'the', 'their',
  'theirs', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'though', 'three', 'through', 'thus', 'to', 'too', 'two',
  'under', 'until', 'up', 'upon', 'us', 'use', 'used', 'using', 'very', 'via', 'was', 'way', 'we', 'well', 'were', 'what',
  'when', 'where', 'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with', 'within', 'without', 'would',
  'yet', 'you', 'your', 'yours', 'first', 'second', 'third', 'start', 'end', 'week', 'weeks', 'month', 'months', 'quarter',
  'quarters', 'year', 'years', 'day', 'days', 'owner', 'owners', 'dri', 'due', 'date', 'status', 'todo', 'tbd',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;

/** Stems by stop-word list (its words joined) and text. */
const memos = new Map<string, TextMemo<ReadonlySet<string>>>();
const listKeys = new WeakMap<ReadonlySet<string>, string>();

/** Stems of the content words of `text` (remembered per stop-word list and text; a new Set each call). */
export function contentStems(text: string, stopWords: ReadonlySet<string>): Set<string> {
  let key = listKeys.get(stopWords);
  if (key === undefined) listKeys.set(stopWords, (key = [...stopWords].join('\u0001')));
  let memo = memos.get(key);
  if (!memo) {
    if (memos.size > 20) memos.clear();
    memos.set(key, (memo = new TextMemo()));
  }
  return new Set(memo.get(text, (value) => stemsOf(value, stopWords)));
}

function stemsOf(text: string, stopWords: ReadonlySet<string>): Set<string> {
  const stems = new Set<string>();
  const folded = foldTypography(text);
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(folded)) !== null) {
    if (match.index > 0 && folded[match.index - 1] === '@') continue;
    const token = match[0].replace(/'s$|'$/i, '');
    const parts = token.includes('-') ? [token.replace(/-/g, ''), ...token.split('-')] : [token];
    for (const part of parts) {
      if (!/\p{L}/u.test(part)) continue;
      const lower = part.toLowerCase();
      if (stopWords.has(lower)) continue;
      // Short words carry meaning only as acronyms written in capitals ("CI", "EU").
      if (lower.length < 3 && !(part.length >= 2 && part === part.toUpperCase())) continue;
      // Quarter and half labels ("Q3", "H2", "FY27") are dates, not content.
      if (/^(?:q[1-4]|h[12]|fy\d{2,4}|\d+[a-z]{0,2})$/.test(lower)) continue;
      stems.add(stemmer(lower));
    }
  }
  return stems;
}
