import { defineRule, type Fix } from '../../types.js';
import { addMonths } from '../../model/dates.js';
import { phraseMatcher } from '../../text/phrases.js';
import type { StrategyDocument } from '../../model/document.js';
import { dateLabel, itemName, itemRange, timingSource } from './_plan.js';

function tentativeNoteFix(doc: StrategyDocument, months: number): Fix {
  const eol = doc.lines.eol;
  const sentence = `Items planned more than ${months} months out are tentative and subject to change.`;
  const heading = doc.titleSection?.heading;
  const headingEnd = heading?.position?.end.offset;
  if (heading && headingEnd !== undefined) {
    return { title: 'Add a note that long-range items are tentative', edits: [{ start: headingEnd, end: headingEnd, newText: `${eol}${eol}${sentence}` }] };
  }
  const at = doc.frontMatter ? doc.frontMatter.end : 0;
  const lead = doc.frontMatter ? `${eol}${eol}` : '';
  const trail = doc.frontMatter ? '' : `${eol}${eol}`;
  return { title: 'Add a note that long-range items are tentative', edits: [{ start: at, end: at, newText: `${lead}${sentence}${trail}` }] };
}

export default defineRule({
  meta: {
    id: 'roadmap/long-range-not-tentative',
    family: 'roadmap',
    description: 'Items more than six months out, while the roadmap never tells readers they will likely change.',
    defaultSeverity: 'information',
    types: ['roadmap'],
    documentLevel: false,
    fixable: true,
    options: {
      months: {
        type: 'number',
        default: 6,
        minimum: 1,
        description: 'Items starting at least this many months after the reference date count as long-range ("Later" columns always do).',
      },
      tentativePhrases: {
        type: 'string[]',
        default: ['tentative', 'likely to change', 'will likely change', 'will change', 'may change', 'might change', 'can change', 'could change', 'subject to change', 'expect changes', 'not a commitment', 'not commitments', 'no commitment', 'not committed', 'uncommitted', 'directional', 'indicative', 'confidence', 'best guess', 'provisional', 'speculative', 'exploratory', 'aspirational', 'not final', 'placeholder dates', 'rough order', 'estimates', 'may shift', 'could shift', 'change based on', 'no guarantee', 'not guaranteed', 'cannot guarantee', 'can not guarantee', "can't guarantee", "we'd like to", 'we would like to', 'we hope to', 'hopefully'],
        description: 'Phrases that tell readers the long-range part of the roadmap is uncertain; one anywhere in the document is enough.',
      },
    },
    rationale:
      'Anything more than about six months out will change — it always does. Stakeholders who are not told so read a "Later" column or a Q3 date as a promise, plan around it, and lose trust when it moves. One sentence saying how firm each horizon is turns those changes into expected updates instead of broken commitments.',
    howToFix:
      'Say once how firm the long-range part is: "Items beyond six months are tentative and will change as we learn", or add a Confidence column. The quick fix adds such a sentence under the title.',
    seeds: [
      { source: '000', quote: 'It\'s crucial that you inform your stakeholders that anything beyond 6 months will likely change. In my experience, it always does.' },
    ],
    examples: {
      bad: '---\nupdated: 2026-11-21\n---\n\n# Northwind roadmap\n\n## Now\n\n- **Spreadsheet import** (Q1 2027): admins spend six hours on setup.\n\n## Later\n\n- **Portfolio view** (Q3 2027): department heads rebuild status slides weekly.\n',
      good: '---\nupdated: 2026-11-21\n---\n\n# Northwind roadmap\n\nItems beyond six months are tentative and will change as we learn.\n\n## Now\n\n- **Spreadsheet import** (Q1 2027): admins spend six hours on setup.\n\n## Later\n\n- **Portfolio view** (Q3 2027): department heads rebuild status slides weekly.\n',
    },
  },
  check({ doc, options, report }) {
    const limit = addMonths(doc.referenceDate, options.months);
    const longRange = doc.roadmapItems.filter((entry) => entry.when && entry.when.start.getTime() >= limit.getTime());
    if (longRange.length === 0) return;
    const matcher = phraseMatcher(options.tentativePhrases);
    if (doc.textBlocks.some((block) => matcher.test(block.text))) return;
    const first = longRange[0];
    const when = first.when!;
    const source = timingSource(first);
    const range = source ?? first.item.block.sourceRange(when.index, when.index + when.length);
    const count = longRange.length;
    let what: string;
    if (source) {
      const key = first.whenSection ?? first.whenColumn;
      const inSection = longRange.filter((entry) => (entry.whenSection ?? entry.whenColumn) === key).length;
      const more = count - inSection;
      what = `The ${inSection === 1 ? 'item' : `${inSection} items`} under "${source.title}"${more > 0 ? ` and ${more} more` : ''} ${count === 1 ? 'is' : 'are'}`;
    } else {
      what = `"${itemName(doc, first.item)}" (${dateLabel(when.text)})${count > 1 ? ` and ${count - 1} more item${count > 2 ? 's' : ''} are` : ' is'}`;
    }
    report({
      message: `${what} more than ${options.months} months out, but the roadmap never tells readers that this part will likely change. Say so once (e.g. "Items beyond ${options.months} months are tentative"), so a moved date is an update, not a broken promise.`,
      start: range.start,
      end: range.end,
      fix: tentativeNoteFix(doc, options.months),
      // Several items, or the one item under a heading: the finding stands for each of them.
      related: count === 1 && !source ? undefined : longRange.map((entry) => {
        const name = itemName(doc, entry.item);
        const own = timingSource(entry);
        const date = entry.when!;
        const when = own ? `under "${own.title}"` : dateLabel(date.text);
        return {
          ...(own ? itemRange(doc, entry.item) : entry.item.block.sourceRange(date.index, date.index + date.length)),
          message: `"${name}" (${when}) is more than ${options.months} months out`,
          hint: `"${name}" (${when}) is more than ${options.months} months out, and the roadmap never tells readers that this part will likely change: say once that items this far out are tentative.`,
        };
      }),
    });
  },
});
