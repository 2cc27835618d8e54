import { defineRule } from '../../types.js';
import { addMonths, isoDate } from '../../model/dates.js';
import { bySource, dateLabel, itemName, itemRange, monthsBetween } from './_plan.js';

export default defineRule({
  meta: {
    id: 'roadmap/beyond-horizon',
    family: 'roadmap',
    description: 'A roadmap item dated beyond the rolling planning window (12 months by default).',
    defaultSeverity: 'warning',
    types: ['roadmap'],
    documentLevel: false,
    fixable: false,
    options: {
      windowMonths: {
        type: 'number',
        default: 12,
        minimum: 1,
        description: 'Length of the rolling window in months, counted from the roadmap\'s `updated:` date (or today).',
      },
    },
    rationale:
      'A roadmap is a commitment device for the next few releases, not a wish list. Dates more than a year out are guesses that readers take as promises; they crowd out the near-term work that actually needs decisions. A rolling 12-month window keeps the roadmap honest: you always know where you should be in 12 months, and anything further is an idea, not a plan.',
    howToFix:
      'Move the item to an undated "Ideas" or "Beyond the roadmap" list, or drop the date until it comes within the window. If your planning cycle really is longer, raise `windowMonths`.',
    seeds: [
      { source: '000', quote: 'I keep a 12-month rolling window, so we always know where we should be in 12 months.' },
    ],
    examples: {
      bad: '---\nupdated: 2026-11-21\n---\n\n# Northwind roadmap\n\n- **Portfolio view for department heads** (Q3 2028). Problem: heads rebuild status slides weekly. Outcome: cut slide prep from 2 hours to 15 minutes.\n',
      good: '---\nupdated: 2026-11-21\n---\n\n# Northwind roadmap\n\n- **Portfolio view for department heads** (Q3 2027). Problem: heads rebuild status slides weekly. Outcome: cut slide prep from 2 hours to 15 minutes.\n',
    },
  },
  check({ doc, options, report }) {
    const reference = doc.referenceDate;
    const limit = addMonths(reference, options.windowMonths);
    const beyond = doc.roadmapItems.filter((entry) => entry.when && entry.when.start.getTime() >= limit.getTime());
    for (const group of bySource(beyond)) {
      const when = group.items[0].when!;
      const months = monthsBetween(reference, when.start);
      // Whole months round down: a start 12 months and 30 days out reads "at least 12 months", not "12 months … beyond the 12-month window".
      const distance = `starts ${months <= options.windowMonths ? 'at least ' : ''}${months} months out (counting from ${isoDate(reference)})`;
      if (group.source) {
        const count = group.items.length;
        report({
          message: `"${group.source.title}" ${distance}, beyond the ${options.windowMonths}-month rolling window; ${count === 1 ? 'its item is a guess readers will take as a promise. Move it to an undated ideas list, or drop the date until it comes' : `its ${count} items are guesses readers will take as promises. Move them to an undated ideas list, or drop the date until they come`} into range.`,
          start: group.source.start,
          end: group.source.end,
          related: group.items.map((entry) => {
            const name = itemName(doc, entry.item);
            return {
              ...itemRange(doc, entry.item),
              message: `"${name}" is beyond the ${options.windowMonths}-month window`,
              hint: `"${name}" sits under "${group.source!.title}", which ${distance} — beyond the ${options.windowMonths}-month rolling window. Move it to an undated ideas list, or drop the date until it comes into range.`,
            };
          }),
        });
        continue;
      }
      for (const entry of group.items) {
        const mention = entry.when!;
        const { start, end } = entry.item.block.sourceRange(mention.index, mention.index + mention.length);
        report({
          message: `"${itemName(doc, entry.item)}" is planned for ${dateLabel(mention.text)}, which ${distance} — beyond the ${options.windowMonths}-month rolling window. Move it to an undated ideas list, or drop the date until it comes into range.`,
          start,
          end,
        });
      }
    }
  },
});
