/**
 * Key terms of the workspace model: the stemmed content words of a policy, action, objective,
 * key result or roadmap item, minus stop words and the words every plan uses ("customers",
 * "improve", "launch", "Q3"), which would link everything to everything. Also words with their
 * positions, for the contradiction check, which reads word order ("not enterprise").
 */
import { stemmer } from 'stemmer';
import { contentStems, DEFAULT_STOP_WORDS } from '../text/content-words.js';
import { foldTypography } from '../text/phrases.js';
import { TextMemo } from '../text/memo.js';

/**
 * Words of plans and measures that say nothing about what a plan is about: verbs of work and of
 * change, generic nouns of products and goals, and the labels of the trace itself.
 */
const PLAN_WORDS: readonly string[] = [
  'customer', 'customers', 'user', 'users', 'client', 'clients', 'people', 'team', 'teams', 'company', 'business', 'org',
  'product', 'products', 'feature', 'features', 'work', 'plan', 'plans', 'goal', 'goals', 'objective', 'objectives',
  'key', 'result', 'results', 'kr', 'krs', 'okr', 'okrs', 'metric', 'metrics', 'measure', 'measures', 'outcome', 'outcomes',
  'policy', 'policies', 'action', 'actions', 'strategy', 'strategic', 'roadmap', 'diagnosis', 'guiding', 'coherent', 'initiative', 'initiatives', 'serves', 'serve',
  'supports', 'traces', 'improve', 'improved', 'improving', 'increase', 'increased', 'reduce', 'reduced', 'decrease', 'raise',
  'cut', 'grow', 'growth', 'build', 'built', 'launch', 'launched', 'ship', 'shipped', 'deliver', 'delivered', 'release',
  'released', 'support', 'help', 'enable', 'create', 'add', 'added', 'keep', 'better', 'faster', 'great', 'good', 'high',
  'higher', 'low', 'lower', 'rate', 'rates', 'percent', 'share', 'number', 'time', 'times', 'median', 'average', 'total',
  'top', 'target', 'targets', 'baseline', 'today', 'currently', 'current', 'later', 'focus', 'win', 'part', 'set', 'level',
  'value', 'run', 'take', 'give', 'go', 'live', 'able', 'based', 'across', 'within', 'least', 'full', 'fully', 'point',
];

const TRACE_STOP_WORDS: ReadonlySet<string> = new Set([...DEFAULT_STOP_WORDS, ...PLAN_WORDS]);

/** Stems of PLAN_WORDS too: "improves" and "improvement" stem like "improve". */
const PLAN_STEMS: ReadonlySet<string> = new Set(PLAN_WORDS.map((word) => stemmer(word)));

/** The key terms of a text: its content stems that are not plan words. */
export function keyTerms(text: string): Set<string> {
  const stems = contentStems(text, TRACE_STOP_WORDS);
  for (const stem of [...stems]) if (PLAN_STEMS.has(stem)) stems.delete(stem);
  return stems;
}

export interface Word {
  /** As written, lower-cased and folded. */
  lower: string;
  stem: string;
  /** Index in the text, and the end. */
  index: number;
  end: number;
  /** Written with a hyphen prefix that negates it ("non-enterprise"). */
  negatedPrefix: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Words by text: the contradiction check reads every item against every exclusion, on every change of the workspace. */
const wordMemo = new TextMemo<readonly Word[]>();
/** Stems by word: a docs repository's vocabulary is small. */
const stems = new Map<string, string>();

/** The words of a text in order, each with its stem (hyphenated words stem as one: "self-serve" → "selfserv"). */
export function wordsOf(text: string): readonly Word[] {
  return wordMemo.get(text, readWords);
}

/** The stems of a text's words, for a quick "does it mention this at all?" before reading word order. */
const stemSetMemo = new TextMemo<ReadonlySet<string>>();

export function stemSetOf(text: string): ReadonlySet<string> {
  return stemSetMemo.get(text, (value) => new Set(wordsOf(value).map((word) => word.stem)));
}

function readWords(text: string): Word[] {
  const words: Word[] = [];
  const folded = foldTypography(text);
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(folded)) !== null) {
    let lower = match[0].toLowerCase().replace(/['’]s$|['’]$/, '');
    const negatedPrefix = /^non-/.test(lower);
    if (negatedPrefix) lower = lower.slice(4);
    words.push({ lower, stem: stemOf(lower), index: match.index, end: match.index + match[0].length, negatedPrefix });
  }
  return words;
}

/** The stem a word of `wordsOf` has, for comparing with `keyTerms` (which also stems hyphenated words joined). */
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size > 50_000) stems.clear();
    stem = stemmer(word.toLowerCase().replace(/-/g, ''));
    stems.set(word, stem);
  }
  return stem;
}

/**
 * Is this word (lower-cased, as written) a key word of a ruled-out phrase? Not a stop word or a
 * plan word as written — by the word, not its stem, so "custom" stays though "customers" is a
 * plan word.
 */
export function isKeyStem(lower: string): boolean {
  return lower.length >= 3 && !TRACE_STOP_WORDS.has(lower) && /\p{L}/u.test(lower);
}
