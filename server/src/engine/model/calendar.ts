/**
 * The calendar arithmetic every date reading shares (English and the other languages):
 * intervals of UTC days, fiscal years, the next occurrence of a month, and the shape of a
 * date pattern.
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
  /** The document's language when it is not English ("de", "ja"): its own ways of writing dates are read too. */
  language?: string;
}

/** A date pattern: a regex (global, linear) and how a match becomes an interval. */
export interface PatternDef {
  regex: RegExp;
  build(match: RegExpExecArray, options: DateOptions): Pick<DateMention, 'start' | 'end' | 'kind'> | null;
}

export function utc(year: number, month: number, day = 1): Date {
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

export function fullYear(raw: string): number {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 4 ? Number(digits) : 2000 + Number(digits);
}

/** Calendar start of fiscal year `fy` (FY27 with a February start begins February 2026). */
export function fiscalStart(fiscalYear: number, startMonth: number): Date {
  const month = Math.min(12, Math.max(1, Math.round(startMonth))) - 1;
  return month === 0 ? utc(fiscalYear, 0) : utc(fiscalYear - 1, month);
}

/** Year of the next period ending in `monthOfPeriodEnd` on or after the reference date, when no year is given. */
export function upcomingYear(reference: Date, monthOfPeriodEnd: number): number {
  const year = reference.getUTCFullYear();
  return reference.getUTCMonth() > monthOfPeriodEnd ? year + 1 : year;
}

/** The next occurrence of a month (and day) on or after the reference month / day. */
export function upcomingMonth(reference: Date, month: number, day?: number): Date {
  const year = reference.getUTCFullYear();
  const candidate = utc(year, month, day ?? 1);
  if (day === undefined) return month < reference.getUTCMonth() ? utc(year + 1, month) : candidate;
  return candidate.getTime() < startOfDay(reference).getTime() ? utc(year + 1, month, day) : candidate;
}

export function dayNumber(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : Number(raw.replace(/\D/g, ''));
}

export function validDay(year: number, month: number, day: number): boolean {
  const date = utc(year, month, day);
  return date.getUTCMonth() === month && date.getUTCDate() === day;
}

export function oneDay(start: Date): Pick<DateMention, 'start' | 'end' | 'kind'> {
  return { start, end: addDays(start, 1), kind: 'day' };
}
