/**
 * The language of a document's prose, detected conservatively: an English document must never be
 * called another language, so English is what a document is unless its prose says otherwise
 * clearly. Read from the document's paragraphs and table cells (headings, code, HTML, link URLs
 * and front matter left out), at most SAMPLE_LENGTH characters of them.
 *
 * 1. Japanese and Chinese by their script: at least MIN_CJK_CHARACTERS Han and kana characters,
 *    making up at least CJK_SHARE of the letters; Japanese when kana are at least KANA_SHARE of
 *    them (Chinese has none). Korean, Cyrillic, Greek, Arabic and the other scripts alike, named
 *    by franc-min.
 * 2. Latin-script prose shorter than MIN_LATIN_LETTERS letters is English: too little to tell.
 * 3. Prose where English function words (the, and, of, to, we, will, …) make up ENGLISH_SHARE of
 *    the words or more is English, without asking anything else.
 * 4. Otherwise franc-min (the unified ecosystem's detector) names the language, and it is accepted
 *    only when the prose agrees: for a language with built-in data, its own function words make
 *    up at least OWN_SHARE of the words and more than twice the English ones. A Latin-script
 *    language without built-in data is never detected (front matter or config names it).
 *    Anything else is English.
 */
import { francAll } from 'franc-min';
import { fromFrancCode, LANGUAGES, languageName, ENGLISH } from './index.js';
import { TextMemo } from '../../text/memo.js';

export const SAMPLE_LENGTH = 4000;
export const MIN_CJK_CHARACTERS = 40;
export const CJK_SHARE = 0.4;
export const KANA_SHARE = 0.1;
export const MIN_LATIN_LETTERS = 200;
export const ENGLISH_SHARE = 0.1;
export const OWN_SHARE = 0.15;

/** Frequent English words that are not also words of the languages above ("in", "is", "a", "as", "do", "on", "no", "so", "was" are left out). */
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'and', 'of', 'to', 'for', 'with', 'by', 'from', 'at', 'as', 'are', 'be', 'been', 'this', 'that',
  'these', 'those', 'it', 'its', 'we', 'our', 'you', 'your', 'they', 'their', 'will', 'would', 'can', 'could', 'should', 'not', 'have', 'has',
  'had', 'which', 'who', 'what', 'when', 'how', 'if', 'than', 'then', 'there', 'into', 'about', 'more', 'all', 'each', 'or', 'but', 'does',
  'were', 'us', 'any', 'only', 'also', 'such', 'other', 'them', 'after', 'before', 'over', 'new', 'one', 'out', 'up', 'why', 'where', 'while']);

const functionWordSets = new Map(LANGUAGES.filter((l) => l.script === 'latin').map((l) => [l.code, new Set(l.functionWords)]));

export interface Detection {
  code: string;
  /** How it was told, for the type reason and the language-checks message. */
  reason: string;
}

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LATIN = /\p{Script=Latin}/gu;
const LETTER = /\p{L}/gu;
const WORD = /[\p{L}'’]+/gu;

/** A word without the apostrophes it ends in ("dell'" → "dell"), without a regex anchored at the end (quadratic on a run of apostrophes). */
function trimApostrophes(word: string): string {
  let end = word.length;
  while (end > 0 && (word[end - 1] === "'" || word[end - 1] === '’')) end--;
  return end === word.length ? word : word.slice(0, end);
}

function count(text: string, regex: RegExp): number {
  regex.lastIndex = 0;
  let n = 0;
  while (regex.exec(text) !== null) n++;
  return n;
}

const detections = new TextMemo<Detection>(200_000);

/** The language of a sample of prose (see the header): a code such as "en", "de", "ja", "sv". */
export function detectLanguage(sample: string): Detection {
  return detections.get(sample.length > SAMPLE_LENGTH ? sample.slice(0, SAMPLE_LENGTH) : sample, detect);
}

function detect(sample: string): Detection {
  const letters = count(sample, LETTER);
  const han = count(sample, HAN);
  const kana = count(sample, KANA);
  const cjk = han + kana;
  if (cjk >= MIN_CJK_CHARACTERS && cjk >= letters * CJK_SHARE) {
    const code = kana >= cjk * KANA_SHARE ? 'ja' : 'zh';
    return { code, reason: `detected from its script (${cjk.toLocaleString('en-US')} ${code === 'ja' ? 'kanji and kana' : 'Chinese characters'})` };
  }
  const latin = count(sample, LATIN);
  const other = letters - latin - cjk;
  if (other >= letters * 0.5 && other >= MIN_CJK_CHARACTERS) {
    // Another script (Cyrillic, Greek, Arabic, Hangul, …): franc-min tells its language.
    const [[franc]] = francAll(sample, { minLength: MIN_CJK_CHARACTERS });
    if (franc === 'und' || franc === 'eng') return { code: ENGLISH, reason: 'English (the default)' };
    return { code: fromFrancCode(franc), reason: 'detected from its text' };
  }
  if (latin < MIN_LATIN_LETTERS) return { code: ENGLISH, reason: `English: too little prose to tell (${latin} letters)` };
  const words = (sample.toLowerCase().match(WORD) ?? []).map(trimApostrophes);
  if (words.length === 0) return { code: ENGLISH, reason: 'English (the default)' };
  const share = (set: ReadonlySet<string>): number => words.filter((word) => set.has(word)).length / words.length;
  const english = share(ENGLISH_FUNCTION_WORDS);
  if (english >= ENGLISH_SHARE) return { code: ENGLISH, reason: 'English' };
  const ranked = francAll(sample, { minLength: MIN_LATIN_LETTERS });
  const [franc] = ranked[0];
  if (franc === 'und' || franc === 'eng') return { code: ENGLISH, reason: 'English' };
  const code = fromFrancCode(franc);
  const own = functionWordSets.get(code);
  if (own) {
    const ownShare = share(own);
    if (ownShare >= OWN_SHARE && ownShare > english * 2) {
      return { code, reason: `detected from its text (${Math.round(ownShare * 100)}% ${languageName(code)} function words)` };
    }
    return { code: ENGLISH, reason: `English: the text reads partly as ${languageName(code)}, not clearly enough` };
  }
  // A Latin-script language without built-in data is never detected: terse English (a changelog of
  // fragments) can read as Scots or Danish to a trigram model. Front matter or config names it.
  return { code: ENGLISH, reason: `English: the text reads partly as ${languageName(code)}, not clearly enough` };
}
