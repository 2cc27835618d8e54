/**
 * Title words of document types in a document's language ("Produktstrategie 2027", "Feuille de
 * route", "2027年 製品戦略"), weighed as the English title patterns of type-signals.ts weigh theirs:
 * a strategy title word that ends or starts the title decides more (4) than one inside it (3).
 * A guide or template title ("Leitfaden", "テンプレート") speaks against every type.
 */
import type { TitleType } from './types.js';
import { languageData, phraseSource } from './index.js';

/** Title words per type, and guide words: built in, with the config's `languages.<code>.titles`. */
export interface TitleWords {
  types: Partial<Record<TitleType, readonly string[]>>;
  guides: readonly string[];
  /** Words match inside longer words (German and Dutch compounds, Japanese and Chinese). */
  compounds: boolean;
}

/** The title words of a language (null for English: its title patterns live in type-signals.ts). */
export function titleWordsFor(code: string, configured: Partial<Record<TitleType, readonly string[]>> | undefined): TitleWords | null {
  const data = languageData(code);
  if (!data && !configured) return null;
  const types: Partial<Record<TitleType, readonly string[]>> = { ...(data?.titles ?? {}) };
  for (const [type, words] of Object.entries(configured ?? {}) as Array<[TitleType, readonly string[]]>) types[type] = words;
  return { types, guides: data?.guideTitles ?? [], compounds: data?.headings.compounds ?? false };
}

export interface TitleWordSignal {
  type: TitleType | null;
  weight: number;
  reason: string;
}

const compiled = new Map<string, RegExp>();

/** One list as a regex: whole words, or (compounds) anywhere inside a word for words of four letters or more. */
function listRegex(words: readonly string[], compounds: boolean): RegExp | null {
  if (words.length === 0) return null;
  const key = `${compounds}\u0000${words.join('\u0001')}`;
  let regex = compiled.get(key);
  if (!regex) {
    const sorted = [...new Set(words.map((w) => w.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
    const loose = sorted.filter((w) => (compounds && [...w].length >= 4) || /[\u3040-\u30ff\u3400-\u9fff]/u.test(w));
    const whole = sorted.filter((w) => !loose.includes(w));
    const parts = [
      ...(whole.length ? [`(?<![\\p{L}\\p{N}])(?:${whole.map(phraseSource).join('|')})(?![\\p{L}\\p{N}])`] : []),
      ...(loose.length ? [`(?:${loose.map(phraseSource).join('|')})`] : []),
    ];
    regex = new RegExp(parts.join('|'), 'iu');
    if (compiled.size > 100) compiled.clear();
    compiled.set(key, regex);
  }
  return regex;
}

const WORDS = /[\p{L}\p{N}]+/gu;
/** A word of a title that dates or numbers it rather than naming it: "2027", "Q3", "FY27", "2027年". */
const PERIOD_WORD = /^(?:\d{1,4}|fy\d{2,4}|[qh][1-4]|v\d{1,3}|\d{4}年度?)$/iu;

/** Signals of the title in the document's language, for types the English title patterns have not already named. */
export function titleWordSignals(title: string | null, words: TitleWords | null, alreadyNamed: ReadonlySet<string>): TitleWordSignal[] {
  if (!title || !words) return [];
  const shown = title.length > 60 ? `${title.slice(0, 57)}…` : title;
  const signals: TitleWordSignal[] = [];
  for (const [type, list] of Object.entries(words.types) as Array<[TitleType, readonly string[]]>) {
    if (alreadyNamed.has(type)) continue;
    const regex = listRegex(list, words.compounds);
    const match = regex?.exec(title);
    if (!match) continue;
    signals.push({ type, weight: type === 'strategy' && framesTitle(title, match.index, match[0].length) ? 4 : 3, reason: `title “${shown}”` });
  }
  const guide = listRegex(words.guides, words.compounds);
  if (guide?.test(title)) signals.push({ type: null, weight: -10, reason: `title “${shown}” reads as a guide or template, not a plan` });
  return signals;
}

/** Does the match at [index, index + length) lie in the title's first or last word, its years and numbers aside ("Produktstrategie 2027", "Strategie für 2027")? */
function framesTitle(title: string, index: number, length: number): boolean {
  const words = [...title.matchAll(WORDS)].filter((word) => !PERIOD_WORD.test(word[0]));
  const holding = (offset: number): number => words.findIndex((word) => word.index! <= offset && offset < word.index! + word[0].length);
  return holding(index) === 0 || holding(index + length - 1) === words.length - 1;
}
