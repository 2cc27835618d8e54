/**
 * Dates as strategy documents write them: ISO dates, quarters ("Q3 2027", "FY27 Q1", "2027-Q3"),
 * halves ("H2 2027", "2H27"), months ("Sep 2027"), years ("in 2028") and the Now / Next / Later
 * horizons. Each mention becomes a [start, end) interval of days, so rules can ask "how far out".
 * Every pattern is a flat alternation without nested quantifiers (linear on any input).
 */

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
}

const MONTHS: Record<string, number> = {
  jan: 0, january: 0, feb: 1, february: 1, mar: 2, march: 2, apr: 3, april: 3, may: 4, jun: 5, june: 5,
  jul: 6, july: 6, aug: 7, august: 7, sep: 8, sept: 8, september: 8, oct: 9, october: 9, nov: 10, november: 10,
  dec: 11, december: 11,
};

const MONTH_NAMES = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const YEAR = "(?:'|20)?\\d{2}";

function utc(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month, day));
}

export function addMonths(date: Date, months: number): Date {
  return utc(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate());
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}

function fullYear(raw: string): number {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 4 ? Number(digits) : 2000 + Number(digits);
}

/** Calendar start of fiscal year `fy`'s month offset (FY27 with a Feb start begins Feb 2026). */
function fiscalStart(fiscalYear: number, startMonth: number): Date {
  const month = startMonth - 1;
  return month === 0 ? utc(fiscalYear, 0) : utc(fiscalYear - 1, month);
}

/** Next quarter/half with that number on or after the reference date's period, when no year is given. */
function upcomingYear(reference: Date, monthOfPeriodEnd: number): number {
  const year = reference.getUTCFullYear();
  return reference.getUTCMonth() > monthOfPeriodEnd ? year + 1 : year;
}

interface PatternDef {
  regex: RegExp;
  build(match: RegExpExecArray, options: DateOptions): Pick<DateMention, 'start' | 'end' | 'kind'> | null;
}

const PATTERNS: PatternDef[] = [
  // 2027-03-15, 2027/03/15
  {
    regex: /\b(20\d{2})[-/](0[1-9]|1[0-2])[-/](0[1-9]|[12]\d|3[01])\b/g,
    build: (m) => {
      const start = utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      return { start, end: new Date(start.getTime() + 86_400_000), kind: 'day' };
    },
  },
  // FY27 Q1, FY2027 Q3, Q1 FY27
  {
    regex: /\bFY\s?(\d{2}|\d{4})(?:\s?[-/]\s?|\s)?Q([1-4])\b|\bQ([1-4])(?:\s?[-/]\s?|\s)?FY\s?(\d{2}|\d{4})\b/gi,
    build: (m, o) => {
      const fy = fullYear(m[1] ?? m[4]);
      const quarter = Number(m[2] ?? m[3]);
      const start = addMonths(fiscalStart(fy, o.fiscalYearStartMonth), (quarter - 1) * 3);
      return { start, end: addMonths(start, 3), kind: 'quarter' };
    },
  },
  // Q3 2027, Q3'27, Q3-2027, 2027 Q3, 2027-Q3, Q3 (bare: the upcoming one)
  {
    regex: /\bQ([1-4])(?:(?:\s?[-/]\s?|\s)?((?:20)?\d{2})\b|\s?'(\d{2})\b)?|\b(20\d{2})(?:\s?[-/]\s?|\s)?Q([1-4])\b/g,
    build: (m, o) => {
      const quarter = Number(m[1] ?? m[5]);
      const yearText = m[2] ?? m[3] ?? m[4];
      const year = yearText ? fullYear(yearText) : upcomingYear(o.referenceDate, quarter * 3 - 1);
      const start = utc(year, (quarter - 1) * 3);
      return { start, end: addMonths(start, 3), kind: 'quarter' };
    },
  },
  // H2 2027, H1'27, 2H27, 1H 2027, H2 (bare)
  {
    regex: /\bH([12])(?:(?:\s?[-/]\s?|\s)?((?:20)?\d{2})\b|\s?'(\d{2})\b)?|\b([12])H\s?('?\d{2}|20\d{2})\b/g,
    build: (m, o) => {
      const half = Number(m[1] ?? m[4]);
      const yearText = m[2] ?? m[3] ?? m[5];
      const year = yearText ? fullYear(yearText) : upcomingYear(o.referenceDate, half * 6 - 1);
      const start = utc(year, (half - 1) * 6);
      return { start, end: addMonths(start, 6), kind: 'half' };
    },
  },
  // September 2027, Sep '27, Sept. 2027, Sep 15 2027 / 15 Sep 2027 treated as the month
  {
    regex: new RegExp(`\\b(?:\\d{1,2}\\s+)?(${MONTH_NAMES})\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?,?)?\\s+(${YEAR})\\b`, 'gi'),
    build: (m) => {
      const month = MONTHS[m[1].toLowerCase().replace(/\.$/, '')];
      if (month === undefined) return null;
      const start = utc(fullYear(m[2]), month);
      return { start, end: addMonths(start, 1), kind: 'month' };
    },
  },
  // 2027-03 (month)
  {
    regex: /\b(20\d{2})-(0[1-9]|1[0-2])\b(?![-/]\d)/g,
    build: (m) => {
      const start = utc(Number(m[1]), Number(m[2]) - 1);
      return { start, end: addMonths(start, 1), kind: 'month' };
    },
  },
  // FY27, FY2027 alone
  {
    regex: /\bFY\s?(\d{2}|\d{4})\b(?!(?:\s?[-/]\s?|\s)?Q[1-4])/gi,
    build: (m, o) => {
      const start = fiscalStart(fullYear(m[1]), o.fiscalYearStartMonth);
      return { start, end: addMonths(start, 12), kind: 'year' };
    },
  },
  // in 2028, by 2028, end of 2028, during 2028 (a bare number could be a count, so a preposition is required)
  {
    regex: /\b(?:in|by|during|for|until|through|end of|eoy|before|after)\s+(20\d{2})\b(?![-/.]\d|\s*%)/gi,
    build: (m) => {
      const start = utc(Number(m[1]), 0);
      return { start, end: utc(Number(m[1]) + 1, 0), kind: 'year' };
    },
  },
];

/** Every date mention in `text`, left to right, overlapping mentions resolved in favour of the first pattern. */
export function findDates(text: string, options: DateOptions): DateMention[] {
  const found: DateMention[] = [];
  for (const pattern of PATTERNS) {
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

/** Now / Next / Later as a heading: 0–3, 3–6 and 6–12 months from the reference date. */
export function horizonOf(headingText: string, referenceDate: Date): DateMention | null {
  const match = /^\W*(now|next|later|soon|future)\b/i.exec(headingText.trim());
  if (!match) return null;
  const word = match[1].toLowerCase();
  const [from, to] = word === 'now' ? [0, 3] : word === 'next' ? [3, 6] : [6, 12];
  return {
    index: match.index,
    length: match[0].length,
    text: match[1],
    start: addMonths(referenceDate, from),
    end: addMonths(referenceDate, to),
    kind: 'horizon',
  };
}

/** Parse a YAML-ish date value (Date object, "2026-11-21", "2026-11") into a UTC date. */
export function parseDateValue(value: unknown): Date | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return utc(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
  }
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?/.exec(value);
  if (!match) return null;
  const date = utc(Number(match[1]), Number(match[2]) - 1, match[3] ? Number(match[3]) : 1);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Words that give a key result or goal a timeframe without a calendar date. */
const RELATIVE_TIMEFRAME = /\b(?:by|before|until|within|in|over|during)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:(?:next|this|first|coming)\s+)?(?:\d+\s+)?(?:days?|weeks?|months?|quarters?|years?|half|sprints?|fiscal\s+year|fy|launch|ga)\b|\b(?:this|next|each|every|per)\s+(?:quarter|half|year|month|sprint)\b|\bend\s+of\s+(?:the\s+)?(?:year|quarter|half|month)\b|\b(?:eoy|eoq|eom|ytd|qoq|yoy)\b|\b(?:quarterly|annually)\b/i;

/** Does the text name a date, quarter, half, month, year, horizon or duration? */
export function hasTimeframe(text: string, options: DateOptions): boolean {
  return findDates(text, options).length > 0 || RELATIVE_TIMEFRAME.test(text);
}
