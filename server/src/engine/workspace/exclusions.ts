/**
 * What a guiding policy rules out, and whether an objective, key result or roadmap item pursues
 * it. Both sides are read conservatively, because a wrong "contradicts the policy" costs more
 * trust than a missed one:
 *
 * - a policy rules out the short noun phrase after "not", "rather than", "instead of", "no
 *   longer", "stop", "won't"… ("mid-market first, not enterprise" → "enterprise"; "we will no
 *   longer build custom integrations for enterprise deals" → "custom integrations"). "Not only",
 *   "not just", "not yet", "for now" and phrases longer than four content words rule nothing out;
 *   "this year" and "in 2027" bound the exclusion to those years.
 * - an item pursues a phrase when every key word of it appears together, unnegated ("non-",
 *   "without", "rather than", "from", "against" before it), after a verb of pursuit ("close",
 *   "win", "sign", "launch", "build", "hire") or a count ("5 new enterprise logos"), or — for a
 *   roadmap item or objective written as a noun phrase — at its head ("Enterprise SSO"). Keeping
 *   or reducing something ("Keep enterprise churn under 2%", "Reduce enterprise support load")
 *   is not pursuing it.
 */
import type { TextBlock } from '../model/text-block.js';
import { isKeyStem, stemOf, stemSetOf, wordsOf, type Word } from './terms.js';
import type { Exclusion } from './nodes.js';

const MARKER = /\b(?:(?:will|shall|do|does|must|should|can|would)\s+not|won['’]t|don['’]t|doesn['’]t|shouldn['’]t|cannot|can['’]t|no\s+longer|rather\s+than|instead\s+of|in\s+place\s+of|at\s+the\s+expense\s+of|say\s+no\s+to|walk\s+away\s+from|give\s+up(?:\s+on)?|not|never|stop(?:s|ping)?|avoid(?:s|ing)?|exclud(?:e|es|ing)|no)\b/giu;
/** After "not" (or "no"): not an exclusion. */
const NOT_AN_EXCLUSION = new Set(['only', 'just', 'merely', 'simply', 'necessarily', 'least', 'because', 'that', 'if', 'when', 'so', 'to', 'be', 'been', 'about', 'all', 'always', 'every', 'everything', 'anything', 'sure', 'yet', 'one', 'more', 'matter', 'less', 'doubt', 'longer', 'later', 'until', 'unless', 'enough', 'much', 'many', 'even', 'quite', 'really', 'exactly',
  // "We do not think / expect / need …": a belief or a need follows, not something ruled out.
  'think', 'believe', 'expect', 'know', 'see', 'want', 'need', 'mean', 'assume', 'intend', 'say', 'claim', 'understand', 'agree',
  'care', 'mind', 'feel', 'consider', 'hesitate', 'worry', 'doubt', 'matter', 'have', 'yet']);
/** Words before "not" that make it no exclusion ("whether or not", "if not"). */
const NOT_AFTER = /(?:whether\s+or|if|or|and)\s+$/i;
/** Verbs and particles an exclusion starts with before its object ("build", "compete on", "sell to"). */
const LEADING_VERBS = new Set([
  'build', 'chase', 'pursue', 'sell', 'serve', 'target', 'offer', 'support', 'compete', 'expand', 'enter', 'launch', 'ship',
  'hire', 'grow', 'invest', 'fund', 'make', 'create', 'develop', 'add', 'provide', 'maintain', 'do', 'go', 'try', 'focus',
  'spend', 'prioritise', 'prioritize', 'optimise', 'optimize', 'take', 'accept', 'sign', 'win', 'close', 'court', 'own', 'run',
  'be', 'become', 'bet', 'rely', 'depend', 'staff', 'keep', 'pay', 'put', 'write', 'design', 'fight', 'play', 'sell', 'chase',
  'market', 'price', 'deliver', 'release', 'start', 'begin', 'continue', 'pilot', 'open', 'use',
].map(stemOf));
const PARTICLES = new Set(['on', 'in', 'into', 'to', 'for', 'with', 'at', 'up', 'out', 'after', 'about', 'a', 'an', 'the', 'any', 'more', 'new', 'our', 'its', 'their', 'your', 'other', 'further', 'additional', 'another', 'own']);
/** Words that end the ruled-out phrase. */
const PHRASE_END = new Set([
  'but', 'because', 'so', 'while', 'when', 'until', 'unless', 'which', 'who', 'that', 'where', 'since', 'as', 'if', 'though',
  'although', 'even', 'this', 'next', 'in', 'for', 'to', 'by', 'at', 'on', 'from', 'with', 'during', 'before', 'after', 'above',
  'below', 'over', 'under', 'beyond', 'through', 'via', 'per', 'than', 'except', 'yet', 'now', 'first', 'today', 'anymore',
  'again', 'instead', 'unless', 'any', 'of', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'must',
  'we', 'our', 'they', 'it', 'you', 'i', 'then', 'only', 'just', 'either', 'whatever', 'regardless', 'worth', 'valued', 'totalling',
  'totaling', 'each', 'a', 'an', 'the', 'by', 'within', 'or', 'and',
]);
/** Words that start a new clause after "and" / "or" ("…not enterprise, and we will…"). */
const CLAUSE_START = new Set(['we', 'our', 'us', 'they', 'their', 'it', 'its', 'this', 'that', 'these', 'those', 'i', 'you', 'he', 'she', 'focus', 'instead', 'then', 'so', 'will', 'put', 'make', 'keep']);
const CONJUNCTIONS = new Set(['and', 'or', 'nor']);
/** Punctuation that ends a phrase. */
const BREAK = /[,;:.!?()[\]{}"“”—–/|]/u;
/** A ruled-out phrase longer than this many content words is a clause, not a thing: no exclusion. */
const MAX_PHRASE_WORDS = 4;

/** Times that bound an exclusion vaguely: it never makes a contradiction. */
const VAGUE_TIME = /^\s*(?:\w+\s+){0,6}?(?:yet|for\s+now|for\s+the\s+time\s+being|at\s+this\s+stage|at\s+first|initially|in\s+the\s+short\s+term|in\s+the\s+near\s+term|until\b|before\s+we\b|unless\b|today\b|right\s+now)/iu;
const THIS_PERIOD = /^\s*(?:\w+\s+){0,6}?(?:this|next)\s+(year|quarter|half)\b/iu;
const IN_YEAR = /^\s*(?:\w+\s+){0,6}?(?:in|during|for|throughout)\s+(?:fy\s?)?(20\d{2})\b/iu;
const THROUGH_YEAR = /^\s*(?:\w+\s+){0,6}?(?:through|until|till|before)\s+(?:the\s+end\s+of\s+)?(20\d{2})\b/iu;

/**
 * Exclusions stated in a block of a policy (or a non-goal): each phrase with its key stems, its
 * source range and when it applies. `year` is the strategy's year, for "this year".
 */
export function exclusionsIn(block: TextBlock, policy: string | null, year: number, wholeBlock = false): Exclusion[] {
  const text = block.text;
  const found: Exclusion[] = [];
  const words = wordsOf(text);
  const push = (from: number, to: number, tail: string): void => {
    const phraseWords = words.filter((w) => w.index >= from && w.end <= to);
    const content = phraseWords.filter((w) => isKeyStem(w.lower));
    if (content.length === 0 || content.length > MAX_PHRASE_WORDS) return;
    const start = phraseWords[0].index;
    const end = phraseWords[phraseWords.length - 1].end;
    found.push({
      phrase: text.slice(start, end),
      stems: content.map((w) => w.stem),
      start: block.sourceOffset(start),
      end: block.sourceOffset(end, true),
      policy,
      time: timeOf(tail, year),
    });
  };
  if (wholeBlock) {
    // A non-goal names what is ruled out outright ("Enterprise deals", "No on-prem version");
    // when it is written as a sentence ("We won't build a mobile app"), its marker says where.
    if (!hasMarker(text)) {
      const range = phraseFrom(text, words, 0, true);
      if (range) push(range.from, range.to, text.slice(range.to));
      return found;
    }
  }
  MARKER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = MARKER.exec(text)) !== null) {
    const marker = match[0].toLowerCase();
    const after = match.index + match[0].length;
    const next = words.find((w) => w.index >= after);
    if (!next) break;
    if (NOT_AN_EXCLUSION.has(next.lower)) continue;
    if ((marker === 'not' || marker === 'no') && NOT_AFTER.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    if (/^\s*(?:yet|for\s+now)\b/i.test(text.slice(after))) continue;
    if (BREAK.test(text.slice(after, next.index))) continue;
    let cursor = after;
    for (;;) {
      const range = phraseFrom(text, words, cursor, false);
      if (!range) break;
      push(range.from, range.to, text.slice(range.to));
      // "not on-prem or private cloud": the next chunk after and/or/nor is ruled out too.
      const following = words.find((w) => w.index >= range.to);
      if (!following || !CONJUNCTIONS.has(following.lower) || BREAK.test(text.slice(range.to, following.index))) break;
      const chunk = words.find((w) => w.index > following.index);
      if (!chunk || CLAUSE_START.has(chunk.lower)) break;
      cursor = following.end;
    }
  }
  return found;
}

function hasMarker(text: string): boolean {
  MARKER.lastIndex = 0;
  const found = MARKER.test(text);
  MARKER.lastIndex = 0;
  return found;
}

/** The phrase after `from`: leading verbs and particles skipped, then words up to a break or an end word. */
function phraseFrom(text: string, words: readonly Word[], from: number, outright: boolean): { from: number; to: number } | null {
  let i = words.findIndex((w) => w.index >= from);
  if (i < 0) return null;
  // A verb of pursuit and what follows it ("build", "compete on", "sell to the"): the object is the thing ruled out.
  let skipped = false;
  while (i < words.length && (LEADING_VERBS.has(words[i].stem) || PARTICLES.has(words[i].lower) || (outright && words[i].lower === 'no'))) {
    if (i > 0 && BREAK.test(text.slice(words[i - 1].end, words[i].index)) && skipped) return null;
    skipped = true;
    i++;
  }
  if (i >= words.length) return null;
  if (skipped && BREAK.test(text.slice(words[i - 1].end, words[i].index))) return null;
  const first = i;
  let last = i - 1;
  for (let j = i; j < words.length; j++) {
    if (j > first && BREAK.test(text.slice(words[j - 1].end, words[j].index))) break;
    if (PHRASE_END.has(words[j].lower) || CONJUNCTIONS.has(words[j].lower)) break;
    last = j;
  }
  if (last < first) return null;
  return { from: words[first].index, to: words[last].end };
}

function timeOf(tail: string, year: number): Exclusion['time'] {
  const clause = tail.split(/[.;!?]/)[0];
  if (VAGUE_TIME.test(clause)) return { kind: 'vague' };
  const period = THIS_PERIOD.exec(clause);
  if (period) {
    const offset = /^\s*(?:\w+\s+){0,6}?next\s/i.test(clause) && period[1].toLowerCase() === 'year' ? 1 : 0;
    return { kind: 'years', from: year + offset, to: year + offset };
  }
  const inYear = IN_YEAR.exec(clause);
  if (inYear) return { kind: 'years', from: Number(inYear[1]), to: Number(inYear[1]) };
  const through = THROUGH_YEAR.exec(clause);
  if (through) return { kind: 'years', from: year, to: Number(through[1]) };
  return { kind: 'always' };
}

/** Verbs of pursuit: an item that does this to a ruled-out thing pursues it. */
const PURSUIT = new Set([
  'close', 'win', 'sign', 'land', 'acquire', 'sell', 'target', 'chase', 'pursue', 'court', 'enter', 'expand', 'launch', 'ship',
  'build', 'release', 'deliver', 'introduce', 'add', 'open', 'onboard', 'hire', 'recruit', 'book', 'capture', 'develop',
  'create', 'offer', 'start', 'begin', 'pilot', 'implement', 'roll', 'staff', 'fund', 'secure', 'bring', 'move', 'sign-up',
].map(stemOf));
/** Verbs of growth: pursuit only right before the thing, and not of a quality kept ("Increase enterprise retention"). */
const GROWTH = new Set(['grow', 'increase', 'raise', 'double', 'triple', 'boost', 'scale', 'accelerate'].map(stemOf));
/** What follows a thing when it is looked after rather than pursued: retention, churn, satisfaction. */
const KEPT = new Set(['retention', 'retain', 'churn', 'satisfaction', 'nps', 'csat', 'uptime', 'renewal', 'renewals', 'support', 'tickets', 'incidents', 'health', 'safety', 'security', 'cost', 'costs', 'load', 'backlog'].map(stemOf));
/** Words before the thing that negate or contrast it. */
const NEGATORS = new Set(['not', 'no', 'non', 'without', 'rather', 'instead', 'except', 'excluding', 'than', 'versus', 'vs', 'from', 'against', 'unlike', 'avoid', 'stop', 'fewer', 'drop', 'sunset', 'deprecate', 'retire', 'exit', 'leave', 'leaving', 'replace', 'zero', 'never', 'less', 'away', 'off', 'over', 'beyond', 'outside', 'refer', 'referral', 'referrals', 'decline', 'declining', 'reject', 'pause'].map(stemOf));
/** Verbs an item starts with when it keeps, shrinks or ends something: never pursuit at its head. */
const NOT_PURSUIT_LEAD = new Set(['reduce', 'keep', 'maintain', 'hold', 'retire', 'sunset', 'deprecate', 'migrate', 'refer', 'cut', 'lower', 'limit', 'cap', 'end', 'remove', 'drop', 'exit', 'wind', 'stop', 'pause', 'freeze', 'document', 'measure', 'monitor', 'track', 'audit', 'review', 'assess', 'evaluate', 'explore', 'research', 'investigate', 'decide', 'survey'].map(stemOf));
/** Whole-item negations: an item that says "not", "without", "instead of" anywhere before the thing is not read. */
const ITEM_NEGATION = /\b(?:not|no\s+longer|won['’]t|don['’]t|never|stop|without|rather\s+than|instead\s+of|except|despite|avoid)\b/i;
const EXCEPTION = /\b(?:exception|exempt(?:ion|ed)?)\b/i;
const COUNT_WORD = /^(?:\d[\d,.]*[km]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred|dozen|first)$/i;

interface Pursuit {
  /** Index and end of the pursuit in the item's text: from the verb or count to the end of the pursued thing ("close five enterprise contractor deals"). */
  index: number;
  end: number;
  /** How it pursues it: the verb, or "count", or "head". */
  how: string;
}

/** How far past the ruled-out words a pursuit is quoted: the rest of its noun phrase ("enterprise" → "enterprise contractor deals"). */
const QUOTED_TAIL = 3;

/**
 * Does `text` pursue what `exclusion` rules out? `head` allows the thing at the head of a noun
 * phrase ("Enterprise SSO") — for roadmap items and objectives, not for key results, whose head
 * is their metric ("Enterprise churn below 2%").
 */
export function pursues(text: string, exclusion: Pick<Exclusion, 'stems'>, head: boolean): Pursuit | null {
  const stems = exclusion.stems;
  const mentioned = stemSetOf(text);
  if (!stems.every((stem) => mentioned.has(stem))) return null;
  // A deliberate exception, said in the item ("exception approved by the board"), is respected.
  if (EXCEPTION.test(text)) return null;
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    if (words[i].stem !== stems[0]) continue;
    // Every key word of the phrase, close together ("custom integrations", "custom Salesforce integrations").
    const window = words.slice(i, i + stems.length + 2);
    if (!stems.every((stem) => window.some((w) => w.stem === stem))) continue;
    const last = Math.max(...stems.map((stem) => i + window.findIndex((w) => w.stem === stem)));
    let tail = last;
    while (tail + 1 < words.length && tail - last < QUOTED_TAIL && !BREAK.test(text.slice(words[tail].end, words[tail + 1].index))
      && !PHRASE_END.has(words[tail + 1].lower) && !CONJUNCTIONS.has(words[tail + 1].lower) && !COUNT_WORD.test(words[tail + 1].lower)) tail++;
    const matched = { index: words[i].index, end: words[tail].end };
    if (words[i].negatedPrefix || ITEM_NEGATION.test(text.slice(0, words[i].index))) continue;
    const before = words.slice(Math.max(0, i - 4), i);
    const gap = (k: number): string => text.slice(words[k].end, words[i].index);
    // Only words of the same clause count: "Keep churn flat; win enterprise…" is read from "win".
    const clause = before.filter((_, k) => !BREAK.test(gap(i - before.length + k)));
    if (clause.some((w) => NEGATORS.has(w.stem))) continue;
    const after = words[last + 1];
    const kept = after && KEPT.has(after.stem);
    const verb = clause.find((w) => PURSUIT.has(w.stem));
    if (verb && !kept) return { index: verb.index, end: matched.end, how: verb.lower };
    const adjacent = i > 0 && !BREAK.test(gap(i - 1)) ? words[i - 1] : undefined;
    if (adjacent && GROWTH.has(adjacent.stem) && !kept) return { index: adjacent.index, end: matched.end, how: adjacent.lower };
    const count = clause.slice(-2).find((w) => COUNT_WORD.test(w.lower));
    if (count && !kept && !(after && /^(?:%|percent)$/.test(after.lower))) return { index: count.index, end: matched.end, how: 'count' };
    if (head && i <= 1 && !kept && !(words[0] && NOT_PURSUIT_LEAD.has(words[0].stem)) && !BREAK.test(text.slice(0, words[i].index).replace(/^[^\p{L}\p{N}]*/u, ''))) {
      return { ...matched, how: 'head' };
    }
  }
  return null;
}
