/**
 * A cheap sentence splitter for one prose block, for rules that need sentences but not the whole
 * nlcst layer (which is skipped on very long documents). It splits after `.`, `!` or `?` followed
 * by white space and an upper-case letter, digit or opening quote, except after common
 * abbreviations. One flat regex and a loop: linear on any input.
 */

interface SentenceSpan {
  /** Text indices in the block. */
  from: number;
  to: number;
}

/** Starts at the first mark of a run ("?!…"), so a long run of dots is read once, not once per dot. */
const BOUNDARY = /(?<![.!?])[.!?]+["'”’)\]]*(?=\s)/g;
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|vs|etc|approx|incl|esp|cf|mr|mrs|ms|dr|st|no|fig|inc|ltd|co|corp|jr|sr|u\.s|a\.m|p\.m)\.$/i;

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = BOUNDARY.exec(text)) !== null) {
    const to = match.index + match[0].length;
    const next = /\S/.exec(text.slice(to, to + 20));
    const nextChar = next ? text[to + next.index] : '';
    const head = text.slice(Math.max(from, match.index - 8), match.index + 1);
    if (nextChar && !/[\p{Lu}\p{N}"“‘'(\[]/u.test(nextChar)) continue;
    if (match[0].startsWith('.') && ABBREVIATION.test(head)) continue;
    pushSpan(spans, text, from, to);
    from = to;
  }
  pushSpan(spans, text, from, text.length);
  return spans;
}

function pushSpan(spans: SentenceSpan[], text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push({ from: start, to: end });
}
