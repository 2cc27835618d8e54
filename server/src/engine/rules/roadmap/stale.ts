import { defineRule } from '../../types.js';
import { daysBetween, isoDate, parseDateValue } from '../../model/dates.js';
import type { StrategyDocument } from '../../model/document.js';

/** Front matter keys that record when the document was last revised, first found wins. */
const UPDATED_KEYS = ['updated', 'last_updated', 'last-updated', 'lastUpdated', 'updated_at', 'updatedAt', 'last_reviewed', 'last-reviewed', 'lastReviewed', 'reviewed', 'modified', 'last_modified', 'lastModified'];

function updatedOf(doc: StrategyDocument): { key: string; date: Date } | null {
  for (const key of UPDATED_KEYS) {
    const date = parseDateValue(doc.frontMatterValue(key));
    if (date) return { key, date };
  }
  return null;
}

export default defineRule({
  meta: {
    id: 'roadmap/stale',
    family: 'roadmap',
    description: 'The roadmap\'s `updated:` date is older than a release cycle allows (90 days by default).',
    defaultSeverity: 'information',
    types: ['roadmap'],
    documentLevel: true,
    fixable: false,
    options: {
      maxAgeDays: {
        type: 'number',
        default: 90,
        minimum: 1,
        description: 'Days after the `updated:` date at which the roadmap counts as stale (compared with today, or the referenceDate setting).',
      },
    },
    rationale:
      'A roadmap is a living document: it should change before every release, as you learn. One whose `updated:` date is months old is either out of date or not being used — either way readers cannot trust it, and they start keeping their own copies.',
    howToFix:
      'Review the roadmap against what shipped and what you learned, move or cut items, then set `updated:` to today. There is no quick fix: bumping the date without a review would hide the problem.',
    seeds: [
      { source: '000', quote: 'I like to update the roadmap before every release.' },
      { source: '001', quote: 'to see your maps as living documents rather than one-time deliverables' },
    ],
    examples: {
      bad: '---\nupdated: 2026-03-01\n---\n\n# Northwind roadmap\n\n## Now\n\n- **Spreadsheet import** (Q1 2027)\n',
      good: '---\nupdated: 2026-11-01\n---\n\n# Northwind roadmap\n\n## Now\n\n- **Spreadsheet import** (Q1 2027)\n',
    },
  },
  check({ doc, options, reportDocument }) {
    const updated = updatedOf(doc);
    if (!updated) return;
    const age = daysBetween(updated.date, doc.today);
    if (age <= options.maxAgeDays) return;
    reportDocument(`This roadmap was last updated on ${isoDate(updated.date)}, ${age} days ago (more than ${options.maxAgeDays}): review it against what shipped and what you learned, then set \`${updated.key}:\` to today.`);
  },
});
