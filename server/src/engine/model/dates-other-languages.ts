/**
 * Dates in a document's own language, built once from its data in model/languages: "1. Quartal
 * 2027", "T1 2027", "15 de marzo de 2027", "15/03/2027" (day first), "bis März", "2027年第1四半期",
 * "2027年3月", "第一季度", and the language's timeframes without a calendar date. dates.ts reads
 * them before its English patterns.
 */
import { alternation, languageData, phraseSource } from './languages/index.js';
import type { LanguageData } from './languages/types.js';
import { addMonths, fiscalStart, fullYear, oneDay, upcomingMonth, upcomingYear, utc, validDay, type DateMention, type DateOptions, type PatternDef } from './calendar.js';

const languagePatternCache = new Map<string, PatternDef[]>();
const relativeCache = new Map<string, RegExp | null>();

/** A language's timeframes without a calendar date ("innerhalb von 6 Monaten", "来期"), as one regex. */
export function languageRelative(code: string | undefined): RegExp | null {
  if (!code) return null;
  let regex = relativeCache.get(code);
  if (regex === undefined) {
    regex = alternation(languageData(code)?.dates.relative ?? []);
    relativeCache.set(code, regex);
  }
  return regex;
}

/** The date patterns of a language, built once from its data (none for a language without data). */
export function languagePatterns(code: string): PatternDef[] {
  let patterns = languagePatternCache.get(code);
  if (!patterns) {
    const data = languageData(code);
    patterns = !data ? [] : data.script === 'cjk' ? CJK_PATTERNS : latinPatterns(data);
    languagePatternCache.set(code, patterns);
  }
  return patterns;
}

/** "1"–"4" from a digit or a CJK numeral. */
function numeral(text: string): number {
  const cjk = '一二三四'.indexOf(text);
  return cjk >= 0 ? cjk + 1 : Number(text);
}

/** A quarter or half of a year; "年度" (a fiscal year) counts from the fiscal year's first month. */
function period(year: number, index: number, months: 3 | 6, fiscal: boolean, o: DateOptions): Pick<DateMention, 'start' | 'end' | 'kind'> {
  const yearStart = fiscal ? utc(year, Math.min(12, Math.max(1, Math.round(o.fiscalYearStartMonth))) - 1) : utc(year, 0);
  const start = addMonths(yearStart, (index - 1) * months);
  return { start, end: addMonths(start, months), kind: months === 3 ? 'quarter' : 'half' };
}

/** Japanese and Chinese: 2027年第1四半期, 2027年度Q1, 2027年上半期, 2027年下半年, 2027年3月15日, 2027年, 第一季度, 3月末. */
const CJK_PATTERNS: PatternDef[] = [
  {
    regex: /(20\d{2})\s?年\s?(度)?\s?(?:第\s?([1-4一二三四])\s?(?:四半期|季度|季)|[QＱ]([1-4]))/gu,
    build: (m, o) => period(Number(m[1]), numeral(m[3] ?? m[4]), 3, m[2] !== undefined, o),
  },
  {
    regex: /(20\d{2})\s?年\s?(度)?\s?([上下])\s?(?:半期|半年度|半年|期)/gu,
    build: (m, o) => period(Number(m[1]), m[3] === '上' ? 1 : 2, 6, m[2] !== undefined, o),
  },
  {
    regex: /(20\d{2})\s?年\s?(1[0-2]|0?[1-9])\s?月(?:\s?(3[01]|[12]\d|0?[1-9])\s?[日号])?/gu,
    build: (m) => {
      const [year, month] = [Number(m[1]), Number(m[2]) - 1];
      if (m[3] === undefined) return { start: utc(year, month), end: utc(year, month + 1), kind: 'month' };
      return validDay(year, month, Number(m[3])) ? oneDay(utc(year, month, Number(m[3]))) : null;
    },
  },
  {
    regex: /(20\d{2})\s?年(度)?/gu,
    build: (m, o) => {
      const start = m[2] ? fiscalStart(Number(m[1]), o.fiscalYearStartMonth) : utc(Number(m[1]), 0);
      return { start, end: addMonths(start, 12), kind: 'year' };
    },
  },
  {
    regex: /第\s?([1-4一二三四])\s?(?:四半期|季度)/gu,
    build: (m, o) => {
      const quarter = numeral(m[1]);
      return period(upcomingYear(o.referenceDate, quarter * 3 - 1), quarter, 3, false, o);
    },
  },
  {
    regex: /(?<![\d.,/])(1[0-2]|0?[1-9])\s?月(?:\s?(3[01]|[12]\d|0?[1-9])\s?[日号])?/gu,
    build: (m, o) => {
      const month = Number(m[1]) - 1;
      if (m[2] === undefined) {
        const start = upcomingMonth(o.referenceDate, month);
        return { start, end: addMonths(start, 1), kind: 'month' };
      }
      const day = Number(m[2]);
      if (!validDay(2028, month, day)) return null;
      const start = upcomingMonth(o.referenceDate, month, day);
      return validDay(start.getUTCFullYear(), month, day) ? oneDay(start) : null;
    },
  },
];

/** Alternation of a word list (longest first), spaces and apostrophes as people type them. */
function words(list: readonly string[]): string {
  return [...new Set(list)].sort((a, b) => b.length - a.length).map(phraseSource).join('|');
}

/**
 * A Latin-script language's dates from its data: day first with slashes, day month year, a month
 * after a lead word, ordinal quarters and halves ("1. Quartal 2027", "premier semestre 2027"),
 * lettered ones ("T1 2027", "1T27", "S2 2027"), and a year after a lead word ("bis 2028").
 */
function latinPatterns(data: LanguageData): PatternDef[] {
  const d = data.dates;
  const B = '(?<![\\p{L}\\p{N}])';
  const E = '(?![\\p{L}\\p{N}])';
  const monthOf = new Map<string, number>();
  d.months.forEach((names, i) => names.forEach((name) => monthOf.set(name, i)));
  d.monthAbbreviations.forEach((names, i) => names.forEach((name) => monthOf.set(name, i)));
  const full = words(d.months.flat());
  const any = words([...d.months.flat(), ...d.monthAbbreviations.flat()]);
  const joiner = d.joiners.length ? `(?:(?:${words(d.joiners)})\\s+)?` : '';
  const day = '(0?[1-9]|[12]\\d|3[01])(?:\\.|er|º)?';
  const ordinalOf = (count: number): string => {
    const wordsFor = d.ordinals.slice(0, count).map((forms, i) => `(?<o${i + 1}>${words(forms)})`).join('|');
    const suffix = d.ordinalSuffixes.length ? `(?:${words(d.ordinalSuffixes)})?` : '';
    return `(?:(?<n>[1-${count}])${suffix}${wordsFor ? `|${wordsFor}` : ''})`;
  };
  /** The number of an ordinal matched by ordinalOf: its digit, or which ordinal word it was. */
  const ordinalIndex = (m: RegExpExecArray, count: number): number => {
    if (m.groups?.n) return Number(m.groups.n);
    for (let i = 1; i <= count; i++) if (m.groups?.[`o${i}`]) return i;
    return 0;
  };
  const yearGroup = '(20\\d{2}|[\'’]\\d{2})';
  const monthIndexOf = (name: string): number | undefined => monthOf.get(name.toLowerCase().replace(/\.$/, '').replace(/’/g, "'"));
  const patterns: PatternDef[] = [];
  if (d.dayFirst) {
    patterns.push({
      regex: /(?<![\d./])(0?[1-9]|[12]\d|3[01])\/(0?[1-9]|1[0-2])\/(20\d{2})\b(?![./]\d)/g,
      build: (m) => (validDay(Number(m[3]), Number(m[2]) - 1, Number(m[1])) ? oneDay(utc(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : null),
    });
  }
  if (any) {
    // 15. März 2027, 15 de marzo de 2027, mars 2027, janv. 2027
    patterns.push({
      regex: new RegExp(`${B}(?:${day}\\s+${joiner})?(${any})\\.?\\s+${joiner}${yearGroup}(?![\\p{N}]|[-/.]\\d)`, 'giu'),
      build: (m) => {
        const month = monthIndexOf(m[2]);
        if (month === undefined) return null;
        const year = fullYear(m[3]);
        if (m[1] === undefined) return { start: utc(year, month), end: utc(year, month + 1), kind: 'month' };
        return validDay(year, month, Number(m[1])) ? oneDay(utc(year, month, Number(m[1]))) : null;
      },
    });
    // 15. März, 15 de marzo (the next one)
    patterns.push({
      regex: new RegExp(`${B}${day}\\s+${joiner}(${full})${E}(?!\\s+${joiner}\\d)`, 'giu'),
      build: (m, o) => {
        const month = monthIndexOf(m[2]);
        const dayNo = Number(m[1]);
        if (month === undefined || !validDay(2028, month, dayNo)) return null;
        const start = upcomingMonth(o.referenceDate, month, dayNo);
        return validDay(start.getUTCFullYear(), month, dayNo) ? oneDay(start) : null;
      },
    });
  }
  if (full && d.monthLeads.length) {
    // bis März, fin mars, mi-mars, a finales de marzo (the next one)
    patterns.push({
      regex: new RegExp(`${B}(?:${words(d.monthLeads)})[\\s-]+${joiner}(${full})${E}(?!\\s+${joiner}\\d)`, 'giu'),
      build: (m, o) => {
        const month = monthIndexOf(m[1]);
        if (month === undefined) return null;
        const start = upcomingMonth(o.referenceDate, month);
        return { start, end: addMonths(start, 1), kind: 'month' };
      },
    });
  }
  const spans: Array<[readonly string[], readonly string[], 3 | 6]> = [[d.quarterWords, d.quarterLetters, 3], [d.halfWords, d.halfLetters, 6]];
  for (const [nouns, letters, months] of spans) {
    const count = months === 3 ? 4 : 2;
    if (nouns.length) {
      // 1. Quartal 2027, erstes Halbjahr 2027, premier trimestre 2027, 1er semestre de 2027, im 2. Quartal (the next one)
      patterns.push({
        regex: new RegExp(`${B}${ordinalOf(count)}\\s*(?:${words(nouns)})${E}(?:\\s+${joiner}(?<y>20\\d{2}|['’]\\d{2})(?![\\p{N}]))?`, 'giu'),
        build: (m, o) => {
          const index = ordinalIndex(m, count);
          if (index < 1) return null;
          const year = m.groups?.y ? fullYear(m.groups.y) : upcomingYear(o.referenceDate, index * months - 1);
          return period(year, index, months, false, o);
        },
      });
      // Quartal 1/2027, trimestre 2 2027
      patterns.push({
        regex: new RegExp(`${B}(?:${words(nouns)})\\s+([1-${count}])(?:\\s?[-/]\\s?|\\s+)(20\\d{2})${E}`, 'giu'),
        build: (m, o) => period(Number(m[2]), Number(m[1]), months, false, o),
      });
    }
    if (letters.length) {
      // T1 2027, T1-27, K2 2027, S2 2027, HJ1 2027, 1T 2027, 1T27
      patterns.push({
        regex: new RegExp(`${B}(?:(?:${words(letters)})([1-${count}])(?:\\s?[-/]\\s?|\\s)(20\\d{2}|\\d{2})|([1-${count}])(?:${words(letters)})\\s?(20\\d{2}|\\d{2}))${E}`, 'giu'),
        build: (m, o) => period(fullYear(m[2] ?? m[4]), Number(m[1] ?? m[3]), months, false, o),
      });
    }
  }
  if (d.yearLeads.length) {
    // bis 2028, d'ici 2028, a finales de 2028, entro il 2028
    patterns.push({
      regex: new RegExp(`${B}(?:${words(d.yearLeads)})\\s+${joiner}(20\\d{2})(?![\\p{N}]|[-/.,]\\d|\\s*%)`, 'giu'),
      build: (m) => ({ start: utc(Number(m[1]), 0), end: utc(Number(m[1]) + 1, 0), kind: 'year' }),
    });
  }
  return patterns;
}
