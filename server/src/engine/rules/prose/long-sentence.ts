import { defineRule } from '../../types.js';
import { countWords, type StrategyDocument } from '../../model/document.js';
import type { Sentence } from '../../model/sentences.js';
import { inQuotedBlock, inQuotes, SKIPS_QUOTED_BLOCKS } from './shared.js';

/** A line that starts a new entry rather than continuing a hard-wrapped sentence: "Owner: …", "• …", "**Due:** …". */
const ENTRY_START = /^[ \t]*(?:[•·▪◦‣]|(?:\*\*|__)?\p{Lu}[\p{L}\p{N} /&'’-]{0,30}(?:\*\*|__)?:(?:\*\*|__)?\s)/u;
/** Where a long sentence can usually be split. */
const SPLIT_POINTS = /;\s|:\s|\s[—–]\s|—|,\s(?:but|so|which|while|because|although|whereas|though)\s/g;

interface Span { start: number; end: number; words: number }

/** Parts of a sentence separated by line breaks that start a new entry (labelled lines, bullets). */
function spansOf(doc: StrategyDocument, sentence: Sentence): Span[] {
  const source = doc.text.slice(sentence.start, sentence.end);
  if (!/[\r\n]/.test(source)) return [{ start: sentence.start, end: sentence.end, words: sentence.wordCount }];
  const spans: Span[] = [];
  let from = 0;
  // Lines end at \n, \r\n or a lone \r; a span ends before its line end.
  const breaks = /\r\n|\r|\n/g;
  let lineStart = 0;
  let previousEnd = 0;
  for (;;) {
    const found = breaks.exec(source);
    const line = source.slice(lineStart, found ? found.index : source.length);
    if (lineStart > 0 && ENTRY_START.test(line)) {
      spans.push({ start: sentence.start + from, end: sentence.start + previousEnd, words: 0 });
      from = lineStart;
    }
    if (!found) break;
    previousEnd = found.index;
    lineStart = found.index + found[0].length;
  }
  spans.push({ start: sentence.start + from, end: sentence.end, words: 0 });
  if (spans.length === 1) return [{ start: sentence.start, end: sentence.end, words: sentence.wordCount }];
  for (const span of spans) span.words = countWords(doc.text.slice(span.start, span.end).replace(/`[^`\n]*`/g, ' '));
  return spans;
}

/** A split point near the middle, with a few words before it so the writer can find it. */
/**
 * A roster, not a sentence: "Akira Taguchi, Andy Coates, Daniel Haim, …, halorrr and 林博仁"
 * thanks contributors by name. Ten or more comma-separated parts, nearly all of one to three
 * words (an aside in parentheses aside) and most of them capitalised: there is nothing to split.
 */
function isNameList(text: string): boolean {
  const parts = text.replace(/\([^()]*\)/g, ' ').replace(/[.!?:]+\s*$/, '').split(',').flatMap((part) => part.split(/\s(?:and|&)\s/)).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 10) return false;
  const short = parts.filter((part) => part.split(/\s+/).length <= 3);
  const capitalised = parts.filter((part) => /^(?:@|\p{Lu})/u.test(part));
  return short.length >= parts.length * 0.9 && capitalised.length >= parts.length * 0.6;
}

function splitHint(text: string): string {
  const total = countWords(text);
  let best: { index: number; length: number; score: number } | null = null;
  SPLIT_POINTS.lastIndex = 0;
  let match: RegExpExecArray | null;
  let before = 0;
  let counted = 0;
  while ((match = SPLIT_POINTS.exec(text)) !== null) {
    before += countWords(text.slice(counted, match.index)); // words before this split point, counted once
    counted = match.index;
    if (before < 8 || total - before < 8) continue;
    const score = Math.abs(before - total / 2);
    if (!best || score < best.score) best = { index: match.index, length: match[0].length, score };
  }
  if (!best) return 'Split it where the subject or the idea changes, or turn a series into a list.';
  const lead = text.slice(0, best.index).trim().split(/\s+/).slice(-4).join(' ');
  const at = text.slice(best.index, best.index + best.length).trim();
  return `Split it, e.g. at ${inQuotes(at)} after ${inQuotes(`…${lead}`)}.`;
}

export default defineRule({
  meta: {
    id: 'prose/long-sentence',
    family: 'prose',
    description: 'Sentences longer than a reader can hold in mind at once (default: more than 35 words).',
    defaultSeverity: 'information',
    types: ['strategy', 'okr', 'roadmap', 'release-notes', 'decision', 'update', 'generic'],
    documentLevel: false,
    fixable: false,
    expensive: true,
    options: {
      maxWords: {
        type: 'number',
        default: 35,
        minimum: 10,
        description: 'Report sentences with more words than this. Inline code and URLs do not count as words.',
      },
    },
    rationale:
      `Busy readers skim. A sentence past 35 words usually carries two or three ideas, and the reader has to hold all of them before the verb that connects them arrives. Strategy memos are read by people deciding between your document and the next meeting: one idea per sentence gets the idea through.\n\n${SKIPS_QUOTED_BLOCKS}`,
    howToFix:
      'Split the sentence where the idea changes, often at a semicolon, a dash or ", which". Turn a run of parallel clauses into a short list.',
    seeds: [
      { source: '002', quote: 'I structure it so anyone can understand the why, what, and how in one sitting' },
    ],
    examples: {
      bad: '# Platform strategy\n\nWe will consolidate the three CI systems that the payments, identity and growth teams built independently over the last four years into one shared service, which the platform team will run and fund, because the duplicated maintenance now costs us two engineers a quarter.\n',
      good: '# Platform strategy\n\nWe will consolidate the three CI systems into one shared service. The platform team will run and fund it. The duplicated maintenance now costs us two engineers a quarter.\n',
    },
  },
  check({ doc, options, report }) {
    const limit = options.maxWords;
    for (const sentence of doc.sentences) {
      if (sentence.wordCount <= limit) continue;
      if (inQuotedBlock(doc, sentence.start)) continue;
      for (const span of spansOf(doc, sentence)) {
        if (span.words <= limit) continue;
        const text = doc.text.slice(span.start, span.end);
        if (isNameList(text)) continue;
        report({
          message: `${span.words} words in one sentence (limit ${limit}). ${splitHint(text)}`,
          start: span.start,
          end: span.end,
        });
      }
    }
  },
});
