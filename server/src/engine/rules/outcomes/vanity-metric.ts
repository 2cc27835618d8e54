import { defineRule } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import { readKeyResults } from '../../model/key-results.js';
import { DEFAULT_OUTCOME_METRICS, metricMentions } from '../../text/measures.js';
import type { TextBlock } from '../../model/text-block.js';

/** What to measure instead, by vanity metric (lower-case list entry). */
const INSTEAD: Record<string, string> = {
  'signups': 'accounts that activate or pay', 'sign-ups': 'accounts that activate or pay', 'registrations': 'accounts that activate or pay',
  'registered users': 'weekly active users', 'total users': 'weekly active users',
  'downloads': 'weekly active users', 'installs': 'weekly active users', 'app downloads': 'weekly active users',
  'page views': 'visits that convert or complete a task', 'pageviews': 'visits that convert or complete a task',
  'visits': 'visits that convert or complete a task', 'impressions': 'qualified leads or conversions',
  'followers': 'qualified leads or conversions', 'likes': 'qualified leads or conversions',
  'story points': 'cycle time or the customer outcome the work should move', 'velocity': 'cycle time or the customer outcome the work should move',
  'lines of code': 'the customer outcome the code should move', 'commits': 'lead time for changes or the outcome the work should move',
  'tickets closed': 'resolution time, repeat contacts or deflection', 'closed tickets': 'resolution time, repeat contacts or deflection',
  'features shipped': 'adoption of what shipped, or the outcome it should move', 'number of features': 'adoption of what shipped, or the outcome it should move',
  'feature count': 'adoption of what shipped, or the outcome it should move',
  'stars': 'active users or returning contributors', 'github stars': 'active users or returning contributors', 'stargazers': 'active users or returning contributors',
  'forks': 'active users or returning contributors', 'mentions': 'qualified leads or conversions', 'social media mentions': 'qualified leads or conversions',
  'social media reach': 'qualified leads or conversions', 'retweets': 'qualified leads or conversions',
};

/** A count right before the metric ("3,097 commits", "over 10k daily downloads", "1.2M app installs"), or right after it ("stars: 4,025"). */
const COUNT_BEFORE = /(?<![\p{L}\p{N}.,])\d[\d,.]*(?:\s?[kmb]\b)?\+?\s+(?:[\p{L}-]+\s+)?$/iu;
const COUNT_AFTER = /^\s*(?:(?:[:=]|of|at|reached|hit|grew\s+to|rose\s+to)\s*)?[~+]?\d/i;
const SHARE_BEFORE = /(?:%|\bpercent)\s+(?:of\s+)?(?:(?:the|all|our)\s+)?(?:[\p{L}-]+\s+)?$/iu;
/** A rating before "stars": "4.5 stars", "5-star". */
const RATING_BEFORE = /(?<![\p{N}.,])[0-5](?:[.,]\d)?[\s-]*$/u;
/** Qualifiers that turn a vanity count into a quality one: "qualified signups", "signups who activate". */
const QUALIFIED_BEFORE = /\b(?:qualified|activated|active|paying|paid|retained|converted|verified|revenue-qualified|engaged|returning)[\s-]+$/i;
const QUALIFIED_AFTER = /^\s*(?:that|who|which)\s+(?:\w+\s+){0,2}?(?:activate|convert|retain|pay|stay|return|complete|upgrade|renew|succeed|finish|reach)/i;
/** Counts of people that a qualifier can rescue ("signups that activate"); story points or commits cannot be qualified that way. */
const AUDIENCE_COUNTS = new Set(['signups', 'sign-ups', 'registrations', 'registered users', 'total users', 'downloads', 'app downloads', 'installs', 'visits', 'followers']);
/** The count is only the population a named metric is taken over: "CSAT on closed tickets", "NPS among registered users". */
const POPULATION_BEFORE = /\b(?:on|for|of|among|across|from|in|per)\s+(?:the\s+|all\s+|our\s+)?$/i;
/** The measure is a ratio built on the count: "signup-to-paid conversion", "% of downloads that …". */
const RATIO_CONTEXT = /\b(?:conversion|convert(?:s|ed|ing)?|activation|activat(?:e|es|ed|ing)|retention|retain(?:s|ed)?|to[\s-]paid|rate|ratio|per\s+(?:customer|account|user)|revenue|paying)\b/i;

export default defineRule({
  meta: {
    id: 'outcomes/vanity-metric',
    family: 'outcomes',
    description: 'A key result measured by a vanity metric (signups, downloads, page views, stars, story points, …) that can rise while nothing improves; in an update, such a count reported as progress.',
    defaultSeverity: 'information',
    types: ['okr', 'strategy', 'roadmap', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      vanityMetrics: {
        type: 'string[]',
        default: ['signups', 'sign-ups', 'registrations', 'registered users', 'total users', 'downloads', 'app downloads', 'installs', 'page views', 'pageviews', 'visits', 'impressions', 'followers', 'likes', 'story points', 'velocity', 'lines of code', 'commits', 'tickets closed', 'closed tickets', 'features shipped', 'number of features', 'feature count', 'stars', 'github stars', 'stargazers', 'forks', 'mentions', 'social media mentions', 'social media reach', 'retweets'],
        description: 'Counts that flatter without showing customer or business value; flagged when they are the measure of a key result, or when an update reports its progress in them ("3,097 commits", a "Stargazers" row of a stats table).',
      },
    },
    rationale:
      'Vanity metrics go up with effort and spending, not with value: signups grow with ad budget, story points with estimation habits, downloads with a press mention. A team that optimizes them can hit every key result while activation, retention and revenue stay flat. Input and quality metrics (activated accounts, weekly active use, cycle time) move only when customers are better off.',
    howToFix:
      'Measure what the count should lead to: "accounts that activate in week one" instead of signups, "weekly active users" instead of downloads, "cycle time" instead of story points. A qualified count ("signups who activate within 7 days") or a conversion built on it ("signup-to-paid conversion") is fine. In an update, report what the activity changed (a restore that now takes 6 minutes, teams that adopted the release) next to, or instead of, commit and download counts; one finding lists every place a metric is counted.',
    seeds: [
      { source: '002', quote: 'optimizing solely for signups instead of revenue-qualified usage' },
      { source: '003', quote: 'input metrics beat lagging vanity metrics' },
    ],
    examples: {
      bad: '# Growth OKRs\n\n## Objective 1: More teams discover Northwind\n\n- KR1: Grow monthly signups from 2,000 to 5,000 by Q2 2027\n',
      good: '# Growth OKRs\n\n## Objective 1: More teams discover Northwind\n\n- KR1: Grow signups that activate in week one from 600 to 1,500 a month by Q2 2027\n',
    },
  },
  check({ doc, options, report }) {
    const matcher = phraseMatcher(options.vanityMetrics);
    /** The first vanity metric a text measures by, unless a qualifier or a ratio rescues it; `counted` asks for a count beside it. */
    const find = (block: TextBlock, from: number, counted: boolean): Place | null => {
      const statement = block.text.slice(from);
      if (RATIO_CONTEXT.test(statement)) return null;
      for (const match of matcher.matchAll(statement)) {
        const before = statement.slice(Math.max(0, match.index - 30), match.index);
        const after = statement.slice(match.index + match.length, match.index + match.length + 60);
        if (QUALIFIED_BEFORE.test(before) || QUALIFIED_AFTER.test(after)) continue;
        if (POPULATION_BEFORE.test(before) && metricMentions(statement.slice(0, match.index), DEFAULT_OUTCOME_METRICS).length > 0) continue;
        // "4.5 stars" is a rating, not a count of stargazers.
        if (/^stars?$/i.test(match.phrase) && (RATING_BEFORE.test(before) || /^\s*(?:rating|review)/i.test(after))) continue;
        // "80% of positive mentions" is a share, a ratio built on the count.
        if (SHARE_BEFORE.test(before)) continue;
        if (counted && !COUNT_BEFORE.test(before) && !COUNT_AFTER.test(after)) continue;
        return { ...block.sourceRange(from + match.index, from + match.index + match.length), text: match.text, phrase: match.phrase.toLowerCase() };
      }
      return null;
    };
    const advice = (place: Place): string => {
      const instead = INSTEAD[place.phrase];
      return `${instead ? ` Measure ${instead} instead` : ' Measure what it should lead to instead'}${AUDIENCE_COUNTS.has(place.phrase) ? `, or qualify it ("${place.text} that activate")` : ''}.`;
    };
    const measured = new Set<TextBlock>();
    for (const reading of readKeyResults(doc)) {
      const place = find(reading.block, reading.offset, false);
      if (!place) continue;
      measured.add(reading.block);
      report({ message: `"${place.text}" is a vanity metric: it can grow while nothing improves for customers.${advice(place)}`, start: place.start, end: place.end });
    }
    if (doc.type !== 'update') return;
    // An update measures its period by the numbers it reports: counts of a vanity metric in its prose,
    // lists or a stats table ("3,097 commits", "10k daily downloads", "| Stargazers | 4025 |"), one
    // finding per metric with the other places it is counted as related places.
    const reported = new Map<string, Place[]>();
    const add = (place: Place | null): void => {
      if (!place) return;
      const places = reported.get(place.phrase) ?? [];
      places.push(place);
      reported.set(place.phrase, places);
    };
    for (const item of doc.items) {
      if (item.kind !== 'table-row' || !item.cells || item.cells.length < 2 || measured.has(item.cells[0])) continue;
      if (item.cells.slice(1).some((cell) => /\d/.test(cell.text)) && wholeName(matcher, item.cells[0].text)) add(find(item.cells[0], 0, false));
    }
    for (const block of doc.textBlocks) if (block.kind !== 'tableCell' && !measured.has(block)) add(find(block, 0, true));
    for (const places of reported.values()) {
      places.sort((a, b) => a.start - b.start);
      const [first] = places;
      report({
        message: `"${first.text}" is a vanity metric${places.length > 1 ? `, and this update reports its progress in it ${places.length} times` : ''}: it can grow while nothing improves for customers.${advice(first)}`,
        start: first.start,
        end: first.end,
        related: places.length > 1 ? places.map((place, i) => ({ ...doc.lines.firstLine(place.start, place.end), message: `"${place.text}" counted here (${i + 1} of ${places.length})` })) : undefined,
      });
    }
  },
});

interface Place { start: number; end: number; text: string; phrase: string }

/** A table cell that is only the metric's name, perhaps with where it is counted ("GitHub stars", "LinkedIn followers"). */
function wholeName(matcher: ReturnType<typeof phraseMatcher>, text: string): boolean {
  const match = matcher.matchAll(text)[0];
  return match !== undefined && text.trim().split(/\s+/).length <= match.text.split(/\s+/).length + 1;
}
