/**
 * Dates as strategy documents write them: ISO dates, quarters ("Q3 2027", "FY27 Q1", "2027-Q3"),
 * halves ("H2 2027", "2H27"), months ("Sep 2027", "by March"), days ("Sep 15", "15 September
 * 2027", "11/21/2026"), years ("in 2028"), relative periods ("next quarter", "in 18 months") and
 * the Now / Next / Later horizons. Each mention becomes a [start, end) interval of days, so rules
 * can ask "how far out".
 *
 * Near misses that must never read as dates: version numbers ("2.4.0"), a quarter inside a word
 * ("FAQ3", "H2O"), counts ("2028 customers", "for 2028 users"), a bare month word used as a verb
 * ("we may 10x usage").
 *
 * Every pattern is a flat alternation without nested quantifiers (linear on any input).
 *
 * In a document in another language (`DateOptions.language`), that language's dates are read
 * first, built from its data in model/languages: "1. Quartal 2027", "T1 2027", "15 de marzo de
 * 2027", "15/03/2027" (day first), "bis März", "2027年第1四半期", "2027年3月", "第一季度"; then
 * the patterns above, so "Q1 2027" and ISO dates read the same in every language.
 */
import { alternation, languageData, phraseSource } from './languages/index.js';
import type { LanguageData } from './languages/types.js';

export interface DateMention {
  /** Index of the mention in the searched text, and its length. */
  index: number;
  length: number;
  text: string;
  /** First day of the interval and the day after its last day (UTC midnight). */
  start: Date;
  end: Date;
  kind: 'day' | 'month' | 'quarter' | 'half' | 'year' | 'horizon';
}

export interface DateOptions {
  /** The day "now" means (front matter `updated:`/`date:`, a setting, or today). */
  referenceDate: Date;
  /** Month (1–12) in which the fiscal year starts; FY27 ends in 2027 when it starts after January. */
  fiscalYearStartMonth: number;
  /** The document's language when it is not English ("de", "ja"): its own ways of writing dates are read too. */
  language?: string;
}

const MONTHS: Record<string, number> = {
  jan: 0, january: 0, feb: 1, february: 1, mar: 2, march: 2, apr: 3, april: 3, may: 4, jun: 5, june: 5,
  jul: 6, july: 6, aug: 7, august: 7, sep: 8, sept: 8, september: 8, oct: 9, october: 9, nov: 10, november: 10,
  dec: 11, december: 11,
};

const MONTH_NAMES = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** Month names that are never ordinary words (not "may", "mar", "jan" as a name…): safe without a year. */
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
/** A year after a month: four digits, or two after an apostrophe ("Sep '27"). */
const MONTH_YEAR = "(20\\d{2}|['’]\\d{2})";
const PERIOD_SEPARATOR = '(?:\\s?[-/]\\s?|\\s)?';
/** Nouns that make a four-digit number a count, not a year ("for 2028 customers"). */
const COUNT_NOUNS = 'customers|users|people|accounts|employees|members|teams|companies|merchants|developers|engineers|units|items|orders|seats|licen[cs]es|tickets|downloads|signups|sign-ups|visits|views|deals|logos|stores|devices|requests|calls|rows|records|words|lines|points';

function utc(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month, day));
}

export function addMonths(date: Date, months: number): Date {
  return utc(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate());
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}

/** "2026-11-21" for messages. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** UTC midnight of the same calendar day (a `Date` from `new Date()` carries a time of day). */
export function startOfDay(date: Date): Date {
  return utc(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

function fullYear(raw: string): number {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 4 ? Number(digits) : 2000 + Number(digits);
}

/** Calendar start of fiscal year `fy` (FY27 with a February start begins February 2026). */
function fiscalStart(fiscalYear: number, startMonth: number): Date {
  const month = Math.min(12, Math.max(1, Math.round(startMonth))) - 1;
  return month === 0 ? utc(fiscalYear, 0) : utc(fiscalYear - 1, month);
}

/** Year of the next period ending in `monthOfPeriodEnd` on or after the reference date, when no year is given. */
function upcomingYear(reference: Date, monthOfPeriodEnd: number): number {
  const year = reference.getUTCFullYear();
  return reference.getUTCMonth() > monthOfPeriodEnd ? year + 1 : year;
}

/** The next occurrence of a month (and day) on or after the reference month / day. */
function upcomingMonth(reference: Date, month: number, day?: number): Date {
  const year = reference.getUTCFullYear();
  const candidate = utc(year, month, day ?? 1);
  if (day === undefined) return month < reference.getUTCMonth() ? utc(year + 1, month) : candidate;
  return candidate.getTime() < startOfDay(reference).getTime() ? utc(year + 1, month, day) : candidate;
}

function monthIndex(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

function dayNumber(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : Number(raw.replace(/\D/g, ''));
}

function validDay(year: number, month: number, day: number): boolean {
  const date = utc(year, month, day);
  return date.getUTCMonth() === month && date.getUTCDate() === day;
}

function oneDay(start: Date): Pick<DateMention, 'start' | 'end' | 'kind'> {
  return { start, end: addDays(start, 1), kind: 'day' };
}

interface PatternDef {
  regex: RegExp;
  build(match: RegExpExecArray, options: DateOptions): Pick<DateMention, 'start' | 'end' | 'kind'> | null;
}

const PATTERNS: PatternDef[] = [
  // 2027-03-15, 2027/03/15
  {
    regex: /\b(20\d{2})[-/](0[1-9]|1[0-2])[-/](0[1-9]|[12]\d|3[01])\b/g,
    build: (m) => (validDay(Number(m[1]), Number(m[2]) - 1, Number(m[3])) ? oneDay(utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null),
  },
  // 11/21/2026 (month first, as US writers do) and 21.11.2026 (day first, with dots)
  {
    regex: /(?<![\d./])(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])\/(20\d{2})\b(?![./]\d)|(?<![\d./])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.(20\d{2})\b(?![./]\d)/g,
    build: (m) => {
      const [year, month, day] = m[3] ? [Number(m[3]), Number(m[1]) - 1, Number(m[2])] : [Number(m[6]), Number(m[5]) - 1, Number(m[4])];
      return validDay(year, month, day) ? oneDay(utc(year, month, day)) : null;
    },
  },
  // FY27 Q1, FY2027 Q3, Q1 FY27, FY27 H2, H2 FY27
  {
    regex: new RegExp(`\\bFY\\s?(\\d{2}|\\d{4})${PERIOD_SEPARATOR}([QH])([1-4])\\b|\\b([QH])([1-4])${PERIOD_SEPARATOR}FY\\s?(\\d{2}|\\d{4})\\b`, 'gi'),
    build: (m, o) => {
      const fy = fullYear(m[1] ?? m[6]);
      const unit = (m[2] ?? m[4]).toUpperCase();
      const index = Number(m[3] ?? m[5]);
      if (unit === 'H' && index > 2) return null;
      const months = unit === 'Q' ? 3 : 6;
      const start = addMonths(fiscalStart(fy, o.fiscalYearStartMonth), (index - 1) * months);
      return { start, end: addMonths(start, months), kind: unit === 'Q' ? 'quarter' : 'half' };
    },
  },
  // Q3 2027, Q3'27, Q3-27, Q3/2027, 2027 Q3, 2027-Q3, and a bare Q3 (the upcoming one)
  {
    regex: /\bQ([1-4])(?:\s?[-/]\s?(20\d{2}|\d{2})\b|\s(20\d{2})\b|\s?['’](\d{2})\b|\b)|\b(20\d{2})(?:\s?[-/]\s?|\s)?Q([1-4])\b/g,
    build: (m, o) => {
      const quarter = Number(m[1] ?? m[6]);
      const yearText = m[2] ?? m[3] ?? m[4] ?? m[5];
      const year = yearText ? fullYear(yearText) : upcomingYear(o.referenceDate, quarter * 3 - 1);
      const start = utc(year, (quarter - 1) * 3);
      return { start, end: addMonths(start, 3), kind: 'quarter' };
    },
  },
  // H2 2027, H1'27, H2-27, 2H27, 1H 2027, and a bare H2 (the upcoming one)
  {
    regex: /\bH([12])(?:\s?[-/]\s?(20\d{2}|\d{2})\b|\s(20\d{2})\b|\s?['’](\d{2})\b|\b)|\b([12])H\s?(['’]?\d{2}|20\d{2})\b/g,
    build: (m, o) => {
      const half = Number(m[1] ?? m[5]);
      const yearText = m[2] ?? m[3] ?? m[4] ?? m[6];
      const year = yearText ? fullYear(yearText) : upcomingYear(o.referenceDate, half * 6 - 1);
      const start = utc(year, (half - 1) * 6);
      return { start, end: addMonths(start, 6), kind: 'half' };
    },
  },
  // 15 September 2027, September 15, 2027, Sep 15th 2027 (days); September 2027, Sep '27 (months)
  {
    regex: new RegExp(`\\b(?:(${DAY})\\s+)?(${MONTH_NAMES})\\.?(?:\\s+(${DAY})(?!\\d),?)?\\s+${MONTH_YEAR}\\b(?![-/.]\\d)`, 'gi'),
    build: (m) => {
      const month = monthIndex(m[2]);
      if (month === undefined) return null;
      const year = fullYear(m[4]);
      const day = dayNumber(m[1] ?? m[3]);
      if (day !== undefined) return validDay(year, month, day) ? oneDay(utc(year, month, day)) : null;
      const start = utc(year, month);
      return { start, end: addMonths(start, 1), kind: 'month' };
    },
  },
  // Sep 15, 15 Sep, March 3rd (a day without a year: the next one on or after the reference date)
  {
    regex: new RegExp(`\\b(${DAY})\\s+(${MONTH_NAMES})\\b\\.?|\\b(${MONTH_NAMES})\\.?\\s+(${DAY})\\b(?![.,]?\\d|\\s*(?:%|[-–]\\s?\\d))`, 'gi'),
    build: (m, o) => {
      const name = m[2] ?? m[3];
      // "Option 1 may be cheaper", "we march 3 teams": lower-case may/march next to a number are verbs.
      if (/^(?:may|march)$/.test(name)) return null;
      const month = monthIndex(name);
      const day = dayNumber(m[1] ?? m[4]);
      if (month === undefined || day === undefined || !validDay(2028, month, day)) return null;
      const start = upcomingMonth(o.referenceDate, month, day);
      return validDay(start.getUTCFullYear(), month, day) ? oneDay(start) : null;
    },
  },
  // by March, in September, early June, end of May, in the June survey (a month without a year: the next one)
  {
    regex: new RegExp(`\\b(?:in|by|until|before|after|from|during|through|early|mid|late|end\\s+of|start\\s+of|beginning\\s+of)[\\s-]+(?:the\\s+)?(${MONTH_NAMES})\\b(?!['’]|\\s+\\d)`, 'gi'),
    build: (m, o) => {
      const month = monthIndex(m[1]);
      if (month === undefined) return null;
      const start = upcomingMonth(o.referenceDate, month);
      return { start, end: addMonths(start, 1), kind: 'month' };
    },
  },
  // 2027-03 (month)
  {
    regex: /\b(20\d{2})-(0[1-9]|1[0-2])\b(?![-/.]\d)/g,
    build: (m) => {
      const start = utc(Number(m[1]), Number(m[2]) - 1);
      return { start, end: addMonths(start, 1), kind: 'month' };
    },
  },
  // FY27, FY2027 alone
  {
    regex: /\bFY\s?(\d{2}|\d{4})\b/gi,
    build: (m, o) => {
      const start = fiscalStart(fullYear(m[1]), o.fiscalYearStartMonth);
      return { start, end: addMonths(start, 12), kind: 'year' };
    },
  },
  // next quarter, this year, next half, the coming month
  {
    regex: /\b(this|next|coming|the\s+coming)\s+(year|quarter|half|month)\b/gi,
    build: (m, o) => {
      const offset = m[1].toLowerCase() === 'this' ? 0 : 1;
      const unit = m[2].toLowerCase();
      const ref = o.referenceDate;
      const months = unit === 'year' ? 12 : unit === 'half' ? 6 : unit === 'quarter' ? 3 : 1;
      const periodStartMonth = Math.floor(ref.getUTCMonth() / months) * months;
      const start = addMonths(utc(ref.getUTCFullYear(), periodStartMonth), offset * months);
      const kind = unit === 'year' ? 'year' : unit === 'half' ? 'half' : unit === 'quarter' ? 'quarter' : 'month';
      return { start, end: addMonths(start, months), kind };
    },
  },
  // in 18 months, in two years (a point that far out); within 6 months (any time until then)
  {
    regex: /\b(in|within)\s+(?:the\s+next\s+)?(\d{1,2}|one|two|three|four|five|six|nine|twelve|eighteen)\s+(months?|quarters?|years?)\b/gi,
    build: (m, o) => {
      const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, nine: 9, twelve: 12, eighteen: 18 };
      const count = /\d/.test(m[2]) ? Number(m[2]) : words[m[2].toLowerCase()];
      const unit = m[3].toLowerCase();
      const months = count * (unit.startsWith('year') ? 12 : unit.startsWith('quarter') ? 3 : 1);
      if (months === 0) return null;
      const ref = startOfDay(o.referenceDate);
      const point = addMonths(ref, months);
      if (m[1].toLowerCase() === 'within') return { start: ref, end: point, kind: 'month' };
      return { start: point, end: addMonths(point, 1), kind: 'month' };
    },
  },
  // in 2028, by 2028, end of 2028, beyond 2028 (a bare number could be a count, so a preposition is required)
  {
    regex: new RegExp(`\\b(?:in|by|during|for|until|through|end\\s+of|eoy|before|after|beyond|since|from|throughout)\\s+(20\\d{2})\\b(?![-/.,]\\d|\\s*(?:%|\\+\\s*\\d|[kKmM]\\b)|\\s+(?:${COUNT_NOUNS})\\b)`, 'gi'),
    build: (m) => {
      const start = utc(Number(m[1]), 0);
      return { start, end: utc(Number(m[1]) + 1, 0), kind: 'year' };
    },
  },
];

/** Every date mention in `text`, left to right, overlapping mentions resolved in favour of the earlier pattern. */
export function findDates(text: string, options: DateOptions): DateMention[] {
  const found: DateMention[] = [];
  const patterns = options.language ? [...languagePatterns(options.language), ...PATTERNS] : PATTERNS;
  for (const pattern of patterns) {
    pattern.regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.regex.exec(text)) !== null) {
      const index = match.index;
      const length = match[0].length;
      if (found.some((d) => index < d.index + d.length && d.index < index + length)) continue;
      const built = pattern.build(match, options);
      if (built) found.push({ index, length, text: match[0], ...built });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * A heading that is a year ("2028", "2028 and beyond", "2028+"): in a heading a bare year is a
 * period, where in prose it could be a count.
 */
export function yearHeadingOf(headingText: string): DateMention | null {
  const match = /^[^\p{L}\p{N}]*(20\d{2})(?![\d.,%/-]|\s*[-–]\s*\d|\s+(?:customers|users|people|accounts)\b)/u.exec(headingText);
  if (!match) return null;
  const year = Number(match[1]);
  const index = match.index + match[0].length - 4;
  return { index, length: 4, text: match[1], start: utc(year, 0), end: utc(year + 1, 0), kind: 'year' };
}

/** Now / Next / Later as a heading: 0–3, 3–6 and 6–12 months from the reference date. */
export function horizonOf(headingText: string, referenceDate: Date): DateMention | null {
  const match = /^[^\p{L}\p{N}]*(now|next|later|soon|future)\b/iu.exec(headingText.trim());
  if (!match) return null;
  const word = match[1].toLowerCase();
  const [from, to] = word === 'now' ? [0, 3] : word === 'next' ? [3, 6] : [6, 12];
  return {
    index: match.index + match[0].length - match[1].length,
    length: match[1].length,
    text: match[1],
    start: addMonths(referenceDate, from),
    end: addMonths(referenceDate, to),
    kind: 'horizon',
  };
}

/**
 * A horizon named by its term or by a span of months, as roadmaps head their sections: "Short
 * term (1–4 months)", "Long-term (> 6 months)", "Medium / long term", "Next 6 months". A span
 * wins over the term word; short / near term is 0–6 months, medium / mid term 3–12, long term
 * 6–18.
 */
export function termHorizonOf(headingText: string, referenceDate: Date): DateMention | null {
  const text = headingText.trim();
  const span = /\b(\d{1,2})\s?(?:[-–—]|to)\s?(\d{1,2})\s?months?\b/i.exec(text);
  const under = /(?:[<≤]|\b(?:under|up\s+to|within|next|first))\s?(\d{1,2})\s?months?\b/i.exec(text);
  const over = /(?:[>≥]|\b(?:over|beyond|more\s+than|after))\s?(\d{1,2})\s?months?\b|\b(\d{1,2})\s?\+\s?months?\b/i.exec(text);
  const mention = (match: RegExpExecArray, from: number, to: number): DateMention => ({
    index: match.index, length: match[0].length, text: match[0], start: addMonths(referenceDate, from), end: addMonths(referenceDate, to), kind: 'horizon',
  });
  if (span && Number(span[1]) < Number(span[2])) return mention(span, Number(span[1]), Number(span[2]));
  if (under && Number(under[1]) > 0) return mention(under, 0, Number(under[1]));
  if (over) {
    const months = Number(over[1] ?? over[2]);
    return mention(over, months, months + 6);
  }
  const term = /^[^\p{L}\p{N}]*(short|near|mid|medium|long)(?:[\s-]?range|[\s-]?term)\b/iu.exec(text) ?? /^[^\p{L}\p{N}]*(short|near|mid|medium|long)\s?\/\s?(?:short|near|mid|medium|long)[\s-]?term\b/iu.exec(text);
  if (!term) return null;
  const word = term[1].toLowerCase();
  const [from, to] = word === 'short' || word === 'near' ? [0, 6] : word === 'long' ? [6, 18] : [3, 12];
  return { index: term.index, length: term[0].length, text: term[0].trim(), start: addMonths(referenceDate, from), end: addMonths(referenceDate, to), kind: 'horizon' };
}

/** Parse a YAML-ish date value (Date object, "2026-11-21", "2026-11") into a UTC date. */
export function parseDateValue(value: unknown): Date | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return utc(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
  }
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, match[3] ? Number(match[3]) : 1];
  if (month > 11 || !validDay(year, month, day)) return null;
  return utc(year, month, day);
}

/** Words that give a key result or goal a timeframe without a calendar date. */
const RELATIVE_TIMEFRAME = /\b(?:by|before|until|within|in|over|during)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:(?:next|this|first|coming)\s+)?(?:\d+\s+)?(?:days?|weeks?|months?|quarters?|years?|half|sprints?|fiscal\s+year|fy)\b|\b(?:this|next|each|every)\s+(?:quarter|half|year|month|sprint)\b|\bend\s+of\s+(?:the\s+)?(?:year|quarter|half|month)\b|\b(?:eoy|eoq|eom|ytd|qoq|yoy)\b/i;

/** Does the text name a date, quarter, half, month, year, horizon or duration? */
export function hasTimeframe(text: string, options: DateOptions): boolean {
  return findDates(text, options).length > 0 || RELATIVE_TIMEFRAME.test(text) || (languageRelative(options.language)?.test(text) ?? false);
}

/** The last date a text names, else its relative timeframe ("within 90 days", "this quarter"), with where it stands. */
export function lastTimeframe(text: string, options: DateOptions): { text: string; index: number; length: number } | null {
  const dates = findDates(text, options);
  if (dates.length > 0) {
    const last = dates[dates.length - 1];
    return { text: last.text.trim(), index: last.index, length: last.length };
  }
  const relative = RELATIVE_TIMEFRAME.exec(text) ?? languageRelative(options.language)?.exec(text) ?? null;
  return relative ? { text: relative[0].trim(), index: relative.index, length: relative[0].length } : null;
}

// ─── Dates in other languages ───────────────────────────────────────────────

const languagePatternCache = new Map<string, PatternDef[]>();
const relativeCache = new Map<string, RegExp | null>();

/** A language's timeframes without a calendar date ("innerhalb von 6 Monaten", "来期"), as one regex. */
function languageRelative(code: string | undefined): RegExp | null {
  if (!code) return null;
  let regex = relativeCache.get(code);
  if (regex === undefined) {
    regex = alternation(languageData(code)?.dates.relative ?? []);
    relativeCache.set(code, regex);
  }
  return regex;
}

/** The date patterns of a language, built once from its data (none for a language without data). */
function languagePatterns(code: string): PatternDef[] {
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
