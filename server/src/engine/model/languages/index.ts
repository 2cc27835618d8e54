/**
 * The languages Strategy Lint reads besides English, and what follows from a document's
 * language: which heading names count for each section role, how headings are folded before they
 * are compared, the label of each role, and the regexes built from a language's word lists. The
 * words themselves are data, one module per language (de.ts, fr.ts, es.ts, pt.ts, it.ts, nl.ts,
 * ja.ts, zh.ts); a language without a module can be given heading names in config.
 */
import type { SectionRole } from '../../vocabulary.js';
import { normalizeHeading, type RoleSynonyms } from '../roles.js';
import type { LanguageData } from './types.js';
import { de } from './de.js';
import { fr } from './fr.js';
import { es } from './es.js';
import { pt } from './pt.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { ja } from './ja.js';
import { zh } from './zh.js';

export type { LanguageData, TitleType } from './types.js';

/** Every language with built-in data, in the order the README lists them. */
export const LANGUAGES: readonly LanguageData[] = [de, fr, es, pt, it, nl, ja, zh];

export const ENGLISH = 'en';

const byCode = new Map(LANGUAGES.map((language) => [language.code, language]));

/** Built-in data of a language (null for English and for languages without a module). */
export function languageData(code: string): LanguageData | null {
  return byCode.get(code) ?? null;
}

/**
 * ISO 639-3 codes franc-min returns (and some people write) → ISO 639-1, with English names, for
 * the languages it detects that have no module here: a document in one of them is named in the
 * language-checks message, and config can give it heading names.
 */
const OTHER_LANGUAGES: Readonly<Record<string, [string, string]>> = {
  eng: ['en', 'English'], swe: ['sv', 'Swedish'], dan: ['da', 'Danish'], nob: ['no', 'Norwegian'], nno: ['no', 'Norwegian'], fin: ['fi', 'Finnish'],
  pol: ['pl', 'Polish'], ces: ['cs', 'Czech'], slk: ['sk', 'Slovak'], hun: ['hu', 'Hungarian'], ron: ['ro', 'Romanian'], tur: ['tr', 'Turkish'],
  rus: ['ru', 'Russian'], ukr: ['uk', 'Ukrainian'], bel: ['be', 'Belarusian'], bul: ['bg', 'Bulgarian'], srp: ['sr', 'Serbian'], hrv: ['hr', 'Croatian'],
  bos: ['bs', 'Bosnian'], ell: ['el', 'Greek'], arb: ['ar', 'Arabic'], pes: ['fa', 'Persian'], urd: ['ur', 'Urdu'], hin: ['hi', 'Hindi'],
  ben: ['bn', 'Bengali'], kor: ['ko', 'Korean'], tha: ['th', 'Thai'], vie: ['vi', 'Vietnamese'], ind: ['id', 'Indonesian'], zlm: ['ms', 'Malay'],
  tgl: ['tl', 'Tagalog'], swh: ['sw', 'Swahili'], cat: ['ca', 'Catalan'], heb: ['he', 'Hebrew'],
};
const OTHER_BY_CODE = new Map(Object.values(OTHER_LANGUAGES).map(([code, name]) => [code, name]));

/** English name of a language code ("de" → "German", "sv" → "Swedish"); the code itself when unknown. */
export function languageName(code: string): string {
  return byCode.get(code)?.name ?? OTHER_BY_CODE.get(code) ?? code;
}

/** A franc code ("deu", "cmn") as the code used everywhere else ("de", "zh"). */
export function fromFrancCode(franc: string): string {
  if (franc === 'cmn') return 'zh';
  return LANGUAGES.find((language) => language.franc === franc)?.code ?? OTHER_LANGUAGES[franc]?.[0] ?? franc;
}

/**
 * A language as people write it in front matter or config: "de", "de-CH", "pt_BR", "zh-Hans",
 * "deu", "German", "Deutsch", "english". Null for anything else.
 */
export function parseLanguage(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  if (!text) return null;
  const base = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/.exec(text)?.[1];
  if (base) {
    if (base.length === 2) return base;
    if (OTHER_LANGUAGES[base] || base === 'cmn' || LANGUAGES.some((language) => language.franc === base)) return fromFrancCode(base);
  }
  for (const language of LANGUAGES) if (text === language.name.toLowerCase() || text === language.nativeName.toLowerCase()) return language.code;
  for (const [code, name] of OTHER_BY_CODE) if (text === name.toLowerCase()) return code;
  return null;
}

// ─── Headings ───────────────────────────────────────────────────────────────

const foldCache = new Map<string, (heading: string) => string>();

/**
 * How headings are compared in a document of this language (null: English, as normalizeHeading
 * does it). Beyond normalizeHeading's case, width (NFKC), punctuation and numbering: elided
 * articles ("l'approche"), letters written two ways ("ß", "ss"), accents where the language
 * lets writers drop them, leading articles and possessives ("Unsere Strategie"), and the
 * numbering of Japanese and Chinese headings ("第1章", "一、").
 */
export function headingFold(code: string): ((heading: string) => string) | null {
  if (code === ENGLISH) return null;
  let fold = foldCache.get(code);
  if (!fold) {
    const data = byCode.get(code);
    const rules = data?.headings;
    const elision = rules?.elisions?.length ? new RegExp(`(^|[\\s("“«])(?:${rules.elisions.join('|')})['’]`, 'gu') : null;
    const transliterate = rules?.transliterate ? Object.entries(rules.transliterate) : [];
    const articles = rules?.articles.length ? new RegExp(`^(?:${[...rules.articles].sort((a, b) => b.length - a.length).map(escape).join('|')})\\s+(?=\\S)`, 'u') : null;
    const cjk = data?.script === 'cjk';
    fold = (heading: string): string => {
      let text = heading.normalize('NFKC').toLowerCase();
      if (elision) text = text.replace(elision, '$1');
      for (const [from, to] of transliterate) text = text.split(from).join(to);
      if (rules?.foldAccents) text = text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
      text = normalizeHeading(text);
      if (cjk) text = text.replace(/^(?:第\s?[\d一二三四五六七八九十]{1,3}\s?[章節节部条]?|[一二三四五六七八九十]{1,3})\s+(?=\S)/u, '');
      if (articles) text = text.replace(articles, '');
      return text;
    };
    foldCache.set(code, fold);
  }
  return fold;
}

/** "und|sowie" as a regex that splits a heading after its section name ("Risiken und Gegenmaßnahmen"), or null. */
export function headingJoiners(code: string): RegExp | null {
  const joiners = byCode.get(code)?.headings.joiners ?? [];
  return joiners.length > 0 ? new RegExp(`^(.+?)(?<!\\s)\\s+(?:${joiners.map(escape).join('|')})\\s`, 'iu') : null;
}

/** Per-language heading names from config: a list replaces the built-in names of a role, { add, remove } edits them. */
export type LanguageSectionLists = Partial<Record<SectionRole, readonly string[]>>;

/**
 * The heading names that count in a document of this language: the English ones (with the
 * config's `sections`) and the language's own (with the config's `languages.<code>.sections`).
 * English documents get the English ones, unchanged.
 */
export function synonymsForLanguage(code: string, english: RoleSynonyms, own: LanguageSectionLists | undefined): RoleSynonyms {
  if (code === ENGLISH) return english;
  const data = byCode.get(code);
  const merged = {} as Record<SectionRole, readonly string[]>;
  for (const role of Object.keys(english) as SectionRole[]) {
    const local = own?.[role] ?? data?.sections[role] ?? [];
    merged[role] = local.length > 0 ? [...english[role], ...local] : english[role];
  }
  return merged;
}

/** Does a document of this language have heading names of its own, built in or configured? */
export function hasSectionNames(code: string, own: LanguageSectionLists | undefined): boolean {
  if (code === ENGLISH || byCode.has(code)) return true;
  return Object.values(own ?? {}).some((list) => (list?.length ?? 0) > 0);
}

/** The label of a role in this language (its first heading name), or null for English and languages without names. */
export function roleLabel(code: string, role: SectionRole, own: LanguageSectionLists | undefined): string | null {
  if (code === ENGLISH) return null;
  return own?.[role]?.[0] ?? byCode.get(code)?.sections[role][0] ?? null;
}

// ─── Word lists as regexes ──────────────────────────────────────────────────

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase of a word list as a regex source: spaces match any blank run, an apostrophe either apostrophe. */
export function phraseSource(phrase: string): string {
  return escape(phrase.toLowerCase()).replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]");
}

/** A list of regex sources as one case-insensitive alternation that starts at a word's start. */
export function alternation(sources: readonly string[]): RegExp | null {
  return sources.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join('|')})`, 'iu') : null;
}

const measureCache = new Map<string, { baseline: RegExp | null; relative: RegExp | null }>();

/** Baselines and relative targets in this language (model/key-results.ts asks, for outcomes/no-baseline). */
export function languageMeasures(code: string | undefined): { baseline: RegExp | null; relative: RegExp | null } {
  const data = code ? byCode.get(code) : undefined;
  if (!data) return { baseline: null, relative: null };
  let measures = measureCache.get(data.code);
  if (!measures) {
    measures = { baseline: alternation(data.measures.baseline), relative: alternation(data.measures.relative) };
    measureCache.set(data.code, measures);
  }
  return measures;
}

/** Owner labels of every language, as one regex: "Verantwortlich: Anna", "担当: @tanaka" (kernel/action-no-owner). */
export const FOREIGN_OWNER_LABEL = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...new Set(LANGUAGES.flatMap((language) => language.ownerLabels))].sort((a, b) => b.length - a.length).map(phraseSource).join('|')})\\s*[:：]\\s*[@\\p{L}]`, 'iu');

/** Table columns named by an owner label or a date word of any language ("Verantwortlich", "Termin", "担当", "期限"). */
export const FOREIGN_OWNER_COLUMN = columnRegex(LANGUAGES.flatMap((language) => language.ownerLabels));
export const FOREIGN_DATE_COLUMN = columnRegex(LANGUAGES.flatMap((language) => language.dateColumns ?? []));

function columnRegex(words: readonly string[]): RegExp {
  return new RegExp(`^[^\\p{L}]*(?:${[...new Set(words)].sort((a, b) => b.length - a.length).map(phraseSource).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * Words of a Japanese or Chinese text, which writes no spaces between them: a word for every two
 * Han or kana characters (about the length of a word in both), beside the counted Latin words.
 * `latinWords` is the count of the text as English counts it, where each run of CJK characters is one word.
 */
export function cjkWordCount(text: string, latinWords: number): number {
  let characters = 0;
  let runs = 0;
  let previous = -2;
  CJK_CHARACTER.lastIndex = 0;
  for (let match = CJK_CHARACTER.exec(text); match !== null; match = CJK_CHARACTER.exec(text)) {
    characters++;
    if (match.index !== previous + match[0].length) runs++;
    previous = match.index;
  }
  return Math.max(latinWords, latinWords - runs + Math.ceil(characters / 2));
}

/** Does this language write without spaces between words (Japanese, Chinese)? */
export function writesWithoutSpaces(code: string): boolean {
  return byCode.get(code)?.script === 'cjk';
}
