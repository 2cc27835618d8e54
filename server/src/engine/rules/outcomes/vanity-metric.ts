import { defineRule } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import { readKeyResults } from '../../model/key-results.js';
import { DEFAULT_OUTCOME_METRICS, metricMentions } from '../../text/measures.js';

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
};

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
    description: 'A key result measured by a vanity metric (signups, downloads, page views, story points, …) that can rise while nothing improves.',
    defaultSeverity: 'information',
    types: ['okr', 'strategy', 'roadmap', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      vanityMetrics: {
        type: 'string[]',
        default: ['signups', 'sign-ups', 'registrations', 'registered users', 'total users', 'downloads', 'app downloads', 'installs', 'page views', 'pageviews', 'visits', 'impressions', 'followers', 'likes', 'story points', 'velocity', 'lines of code', 'commits', 'tickets closed', 'closed tickets', 'features shipped', 'number of features', 'feature count'],
        description: 'Counts that flatter without showing customer or business value; flagged when they are the measure of a key result.',
      },
    },
    rationale:
      'Vanity metrics go up with effort and spending, not with value: signups grow with ad budget, story points with estimation habits, downloads with a press mention. A team that optimizes them can hit every key result while activation, retention and revenue stay flat. Input and quality metrics (activated accounts, weekly active use, cycle time) move only when customers are better off.',
    howToFix:
      'Measure what the count should lead to: "accounts that activate in week one" instead of signups, "weekly active users" instead of downloads, "cycle time" instead of story points. A qualified count ("signups who activate within 7 days") or a conversion built on it ("signup-to-paid conversion") is fine.',
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
    for (const reading of readKeyResults(doc)) {
      const text = reading.block.text;
      const from = reading.offset;
      const statement = text.slice(from);
      if (RATIO_CONTEXT.test(statement)) continue;
      for (const match of matcher.matchAll(statement)) {
        const before = statement.slice(Math.max(0, match.index - 30), match.index);
        const after = statement.slice(match.index + match.length, match.index + match.length + 60);
        if (QUALIFIED_BEFORE.test(before) || QUALIFIED_AFTER.test(after)) continue;
        if (POPULATION_BEFORE.test(before) && metricMentions(statement.slice(0, match.index), DEFAULT_OUTCOME_METRICS).length > 0) continue;
        const { start, end } = reading.block.sourceRange(from + match.index, from + match.index + match.length);
        const instead = INSTEAD[match.phrase.toLowerCase()];
        report({
          message: `"${match.text}" is a vanity metric: it can grow while nothing improves for customers.${instead ? ` Measure ${instead} instead` : ' Measure what it should lead to instead'}${AUDIENCE_COUNTS.has(match.phrase.toLowerCase()) ? `, or qualify it ("${match.text} that activate")` : ''}.`,
          start,
          end,
        });
        break;
      }
    }
  },
});
