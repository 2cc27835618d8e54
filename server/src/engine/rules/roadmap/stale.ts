import { defineRule } from '../../types.js';
import { addDays, daysBetween, findDates, isoDate, parseDateValue } from '../../model/dates.js';
import { readable } from '../../model/text-block.js';
import type { StrategyDocument } from '../../model/document.js';

/** Front matter keys that record when the document was last revised, first found wins. */
const UPDATED_KEYS = ['updated', 'last_updated', 'last-updated', 'lastUpdated', 'updated_at', 'updatedAt', 'last_reviewed', 'last-reviewed', 'lastReviewed', 'reviewed', 'modified', 'last_modified', 'lastModified'];

/** A line of the page that says when it was revised: "Last updated: January 4, 2025", "`Last Updated: April 2023`", "Updated: **Oct 27, 2025**". */
const UPDATED_LINE = /^[\s*_`>]*(?:last[\s_-]+)?(?:updated|revised|reviewed|modified)(?:\s+on)?[\s*_`]*(?:[:—–-]\s*)?/i;

interface Updated {
  /** The front matter key, or null when the date is written on a line of the page. */
  key: string | null;
  date: Date;
  /** The line as written, for the message. */
  line?: string;
  /** Where the line is: the place to change, related to the finding on the title. */
  range?: { start: number; end: number };
}

function updatedOf(doc: StrategyDocument): Updated | null {
  for (const key of UPDATED_KEYS) {
    const date = parseDateValue(doc.frontMatterValue(key));
    if (date) return { key, date };
  }
  return updatedLineOf(doc);
}

/**
 * The "Last updated: …" line of a page without front matter dates: a short paragraph that is the
 * label and a date, nothing else. A month or quarter counts from its last day (the page may have
 * changed any day in it).
 */
function updatedLineOf(doc: StrategyDocument): Updated | null {
  for (const block of doc.textBlocks) {
    if (block.kind !== 'paragraph' || block.text.length > 80) continue;
    const text = readable(doc, block).replace(/[`*_]/g, '').trim();
    const label = UPDATED_LINE.exec(text);
    if (!label || label[0].length === 0) continue;
    const rest = text.slice(label[0].length);
    const date = findDates(rest, doc.dateOptions).find((mention) => mention.kind !== 'horizon' && mention.index === 0);
    if (!date || rest.slice(date.length).replace(/[\s.)]/g, '') !== '') continue;
    return { key: null, date: addDays(date.end, -1), line: text, range: block.sourceRange(0, block.text.length) };
  }
  return null;
}

export default defineRule({
  meta: {
    id: 'roadmap/stale',
    family: 'roadmap',
    description: 'The roadmap\'s `updated:` date (or its "Last updated: …" line) is older than a release cycle allows (90 days by default).',
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
    const where = updated.key ? `set \`${updated.key}:\`` : `change "${updated.line}"`;
    // The "Last updated" line is the one place to change: it gets a hint of its own.
    reportDocument(
      `This roadmap was last updated on ${isoDate(updated.date)}, ${age} days ago (more than ${options.maxAgeDays}): review it against what shipped and what you learned, then ${where} to today.`,
      undefined,
      updated.range ? [{
        ...updated.range,
        message: `"${updated.line}" is the page's revision date`,
        hint: `This revision date is ${age} days old (more than ${options.maxAgeDays}): review the roadmap, then change the date to today.`,
      }] : undefined,
    );
  },
});
