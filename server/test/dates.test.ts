/**
 * Dates as strategy documents write them (model/dates.ts): ISO dates, quarters, halves, months,
 * fiscal years with a configurable start month, relative periods, Now / Next / Later — and the
 * near misses that must never read as dates (versions, "Q3" inside a word, counts like "2028
 * customers").
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findDates, hasTimeframe, horizonOf, parseDateValue, yearHeadingOf, type DateMention, type DateOptions,
} from '../src/engine/model/dates.js';
import { lint } from '../src/engine/index.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';

const options = (fiscalYearStartMonth = 1, referenceDate = FIXTURE_TODAY): DateOptions => ({ referenceDate, fiscalYearStartMonth });
const day = (d: Date): string => d.toISOString().slice(0, 10);
/** [text, kind, first day, day after the last] of every mention. */
const read = (text: string, opts = options()): Array<[string, DateMention['kind'], string, string]> =>
  findDates(text, opts).map((m) => [m.text, m.kind, day(m.start), day(m.end)]);

describe('findDates: calendar dates', () => {
  test('ISO days and months', () => {
    assert.deepEqual(read('Ship by 2027-06-30.'), [['2027-06-30', 'day', '2027-06-30', '2027-07-01']]);
    assert.deepEqual(read('Due 2027/03/15'), [['2027/03/15', 'day', '2027-03-15', '2027-03-16']]);
    assert.deepEqual(read('Planned for 2027-03'), [['2027-03', 'month', '2027-03-01', '2027-04-01']]);
    assert.deepEqual(read('Not a date: 2027-02-30'), []);
  });
  test('numeric days in US and European order', () => {
    assert.deepEqual(read('Launch 11/21/2026'), [['11/21/2026', 'day', '2026-11-21', '2026-11-22']]);
    assert.deepEqual(read('Launch 21.11.2026'), [['21.11.2026', 'day', '2026-11-21', '2026-11-22']]);
  });
  test('months with a year, written out or abbreviated', () => {
    assert.deepEqual(read('by September 2027'), [['September 2027', 'month', '2027-09-01', '2027-10-01']]);
    assert.deepEqual(read("Sep '27"), [["Sep '27", 'month', '2027-09-01', '2027-10-01']]);
    assert.deepEqual(read('Sept. 2027'), [['Sept. 2027', 'month', '2027-09-01', '2027-10-01']]);
  });
  test('days with a month name, with or without a year', () => {
    assert.deepEqual(read('15 September 2027'), [['15 September 2027', 'day', '2027-09-15', '2027-09-16']]);
    assert.deepEqual(read('November 21, 2026'), [['November 21, 2026', 'day', '2026-11-21', '2026-11-22']]);
    // Without a year: the next such day on or after the reference date (2026-11-21).
    assert.deepEqual(read('ships Sep 15'), [['Sep 15', 'day', '2027-09-15', '2027-09-16']]);
    assert.deepEqual(read('review on Dec 3'), [['Dec 3', 'day', '2026-12-03', '2026-12-04']]);
  });
  test('a month after a preposition is the next one', () => {
    assert.deepEqual(read('by March'), [['by March', 'month', '2027-03-01', '2027-04-01']]);
    assert.deepEqual(read('early December'), [['early December', 'month', '2026-12-01', '2027-01-01']]);
    assert.deepEqual(read('from 3.1 to 3.8 in the June survey'), [['in the June', 'month', '2027-06-01', '2027-07-01']]);
    assert.deepEqual(read('before the March board meeting'), [['before the March', 'month', '2027-03-01', '2027-04-01']]);
    assert.deepEqual(read("in the Mayor's report, by the marching band"), [], 'words that start like a month');
  });
  test('years need a preposition in prose', () => {
    assert.deepEqual(read('in 2028'), [['in 2028', 'year', '2028-01-01', '2029-01-01']]);
    assert.deepEqual(read('beyond 2028'), [['beyond 2028', 'year', '2028-01-01', '2029-01-01']]);
  });
});

describe('findDates: quarters and halves', () => {
  test('quarters in every common spelling', () => {
    for (const text of ['Q3 2027', "Q3'27", 'Q3-27', 'Q3/2027', '2027 Q3', '2027-Q3']) {
      assert.deepEqual(read(text), [[text, 'quarter', '2027-07-01', '2027-10-01']], text);
    }
  });
  test('a bare quarter is the next one on or after the reference date', () => {
    assert.deepEqual(read('Q4'), [['Q4', 'quarter', '2026-10-01', '2027-01-01']]);
    assert.deepEqual(read('Q1'), [['Q1', 'quarter', '2027-01-01', '2027-04-01']]);
  });
  test('halves', () => {
    for (const text of ['H2 2027', "H2'27", '2H27', '2H 2027']) {
      assert.deepEqual(read(text), [[text, 'half', '2027-07-01', '2028-01-01']], text);
    }
    assert.deepEqual(read('H1'), [['H1', 'half', '2027-01-01', '2027-07-01']]);
  });
  test('"Q3 27 items" reads the quarter, not 27 as a year', () => {
    assert.deepEqual(read('Q3 27 items'), [['Q3', 'quarter', '2027-07-01', '2027-10-01']]);
  });
});

describe('findDates: fiscal years', () => {
  test('a calendar fiscal year', () => {
    assert.deepEqual(read('FY27 Q1'), [['FY27 Q1', 'quarter', '2027-01-01', '2027-04-01']]);
    assert.deepEqual(read('FY2027'), [['FY2027', 'year', '2027-01-01', '2028-01-01']]);
  });
  test('a fiscal year starting in February: FY27 runs Feb 2026 – Jan 2027', () => {
    assert.deepEqual(read('FY27', options(2)), [['FY27', 'year', '2026-02-01', '2027-02-01']]);
    assert.deepEqual(read('FY27 Q1', options(2)), [['FY27 Q1', 'quarter', '2026-02-01', '2026-05-01']]);
    assert.deepEqual(read('Q3 FY27', options(2)), [['Q3 FY27', 'quarter', '2026-08-01', '2026-11-01']]);
  });
  test('a fiscal year starting in July, with a half', () => {
    assert.deepEqual(read('FY27 H2', options(7)), [['FY27 H2', 'half', '2027-01-01', '2027-07-01']]);
  });
  test('the setting reaches the rules through lint()', () => {
    const text = '---\nupdated: 2026-11-21\n---\n\n# Roadmap\n\n- **Import** (FY28 Q2): admins spend six hours on setup.\n';
    const run = (month: number) => lint(text, {
      type: 'roadmap', today: FIXTURE_TODAY, onlyRules: ['roadmap/beyond-horizon'], layers: [{ fiscalYearStartMonth: month }],
    }).findings.length;
    assert.equal(run(1), 1, 'calendar FY28 Q2 starts April 2028: beyond 12 months');
    assert.equal(run(7), 0, 'a July fiscal year puts FY28 Q2 in October 2027: inside the window');
  });
});

describe('findDates: relative periods', () => {
  test('this / next quarter, half, year', () => {
    assert.deepEqual(read('next quarter'), [['next quarter', 'quarter', '2027-01-01', '2027-04-01']]);
    assert.deepEqual(read('this year'), [['this year', 'year', '2026-01-01', '2027-01-01']]);
    assert.deepEqual(read('next half'), [['next half', 'half', '2027-01-01', '2027-07-01']]);
  });
  test('"in 18 months" is a point that far out; "within 6 months" is any time until then', () => {
    assert.deepEqual(read('in 18 months'), [['in 18 months', 'month', '2028-05-21', '2028-06-21']]);
    assert.deepEqual(read('within 6 months'), [['within 6 months', 'month', '2026-11-21', '2027-05-21']]);
  });
});

describe('findDates: near misses', () => {
  for (const text of [
    'version 2.4.0 ships with 3.10.1',
    'FAQ3 and HQ2 are page names',
    'H2O is water',
    'We had 2028 customers last year',
    'for 2028 customers',
    'Option 1 may be cheaper',
    'Customers may 10x their usage',
    'Revenue grew 2027% (a typo)',
    'Room 2027, call 555-2027',
    'v2027.11 of the SDK',
    'the #1 request',
  ]) {
    test(`"${text}" holds no date`, () => assert.deepEqual(read(text), []));
  }
});

describe('horizons and headings', () => {
  test('Now / Next / Later are 0–3, 3–6 and 6–12 months from the reference date', () => {
    const at = (heading: string) => {
      const h = horizonOf(heading, FIXTURE_TODAY);
      return h ? [h.text, day(h.start), day(h.end)] : null;
    };
    assert.deepEqual(at('Now'), ['Now', '2026-11-21', '2027-02-21']);
    assert.deepEqual(at('🚀 Next'), ['Next', '2027-02-21', '2027-05-21']);
    assert.deepEqual(at('Later (ideas)'), ['Later', '2027-05-21', '2027-11-21']);
    assert.equal(at('Nowhere'), null);
  });
  test('a heading that is a year', () => {
    assert.equal(yearHeadingOf('2028')?.text, '2028');
    assert.equal(yearHeadingOf('2028 and beyond')?.text, '2028');
    assert.equal(yearHeadingOf('2028 customers'), null);
    assert.equal(yearHeadingOf('2.4.0'), null);
  });
  test('front matter values', () => {
    assert.equal(day(parseDateValue('2026-11-21')!), '2026-11-21');
    assert.equal(day(parseDateValue(new Date(Date.UTC(2026, 10, 21)))!), '2026-11-21');
    assert.equal(day(parseDateValue('2026-11')!), '2026-11-01');
    assert.equal(parseDateValue('2026-13-01'), null);
    assert.equal(parseDateValue('soon'), null);
  });
  test('hasTimeframe accepts durations and relative periods, not rates', () => {
    const o = options();
    assert.ok(hasTimeframe('within 90 days of launch', o));
    assert.ok(hasTimeframe('by end of quarter', o));
    assert.ok(hasTimeframe('grow ARR 30% YoY', o));
    assert.ok(!hasTimeframe('10 deploys per week', o));
    assert.ok(!hasTimeframe('quarterly churn from 9% to 6%', o));
  });
});

describe('matching is linear', () => {
  test('long runs of digits, letters and separators finish quickly', () => {
    const inputs = ['1'.repeat(50_000), 'Q'.repeat(50_000), '2027-'.repeat(10_000), 'May '.repeat(10_000), 'in '.repeat(20_000) + '2028', '1,'.repeat(20_000)];
    for (const input of inputs) {
      const started = performance.now();
      findDates(input, options());
      assert.ok(performance.now() - started < 500, `${input.slice(0, 12)}… took too long`);
    }
  });
});
