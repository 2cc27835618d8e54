import { defineRule } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import { GOVERNING_SIGNALS, openingOf, openingStatesAnswer, readingOrder, wordsBefore } from './shared.js';

const DEFAULT_PHRASES = ['in conclusion', 'to conclude', 'in summary', 'to summarize', 'to summarise', 'to sum up', 'in sum',
  'all in all', 'the bottom line', 'net-net', 'therefore we recommend', 'we therefore recommend', 'our recommendation',
  'my recommendation', 'we recommend', 'I recommend', 'we propose', 'I propose', 'the upshot', 'taken together', 'our decision',
  'we have decided', "we've decided", 'we decided'];
const CONCLUSION_HEADING = /^\W*(?:conclusions?|recommendations?|our recommendation|decision|our decision|proposal|the ask|verdict|bottom line|tl;?dr|bluf|summary|in summary|wrap-?up)\b/i;

export default defineRule({
  meta: {
    id: 'pyramid/buried-conclusion',
    family: 'pyramid',
    description: 'The conclusion ("in conclusion", "we recommend", a "Recommendation" section) appears only in the last third of the document.',
    defaultSeverity: 'information',
    types: ['strategy', 'decision', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      phrases: {
        type: 'string[]',
        default: DEFAULT_PHRASES,
        description: 'Phrases that introduce a conclusion or recommendation.',
      },
      lastFraction: {
        type: 'number',
        default: 0.67,
        minimum: 0.3,
        maximum: 0.95,
        description: 'A conclusion that first appears after this fraction of the document (0.67 = the last third) is buried.',
      },
      minWords: {
        type: 'number',
        default: 300,
        minimum: 50,
        description: 'Shorter documents are not checked: their end is never far from their start.',
      },
      openingWords: {
        type: 'number',
        default: 120,
        minimum: 20,
        description: 'A conclusion is not buried when the opening (title and this many words) already states the answer, as pyramid/answer-first checks.',
      },
    },
    rationale:
      'Documents written in the order the writer thought — background, analysis, conclusion — make readers wade through the analysis to find out why they are reading it. Minto\'s pyramid inverts that order: the conclusion goes first, and the analysis supports it. A conclusion that appears only at the end is the answer, in the wrong place.',
    howToFix:
      'Move the conclusion to the top as the opening paragraph or a "Summary" section, and leave at most a one-line recap at the end.',
    seeds: [
      { source: '002', quote: 'lead with the answer, then support it' },
    ],
    examples: {
      bad: `# Data platform decision\n\n## Background\n\n${'Our analytics queries run on three warehouses that three teams bought at different times, and each holds a different copy of the customer table. '.repeat(10)}\n\n## Analysis\n\n${'Consolidation would cut licence costs by a third, but the migration would take two quarters of the data team. '.repeat(8)}\n\n## Conclusion\n\nIn conclusion, we recommend consolidating on one warehouse in 2027.\n`,
      good: `# Data platform decision\n\nWe recommend consolidating on one warehouse in 2027: it cuts licence costs by a third for two quarters of migration work.\n\n## Background\n\n${'Our analytics queries run on three warehouses that three teams bought at different times, and each holds a different copy of the customer table. '.repeat(10)}\n\n## Conclusion\n\nIn conclusion, consolidating is worth two quarters of the data team.\n`,
    },
  },
  check({ doc, options, report }) {
    const total = readingOrder(doc).total;
    if (total < options.minWords) return;
    const opening = openingOf(doc, options.openingWords);
    if (openingStatesAnswer(doc, opening, GOVERNING_SIGNALS)) return;

    // The first conclusion: a phrase in prose or a conclusion heading, whichever comes first.
    let first: { start: number; end: number; text: string } | null = null;
    const matcher = phraseMatcher(options.phrases);
    for (const block of doc.textBlocks) {
      if (block.kind === 'heading' && doc.sections.some((s) => s.heading === block.node && s !== doc.titleSection && CONCLUSION_HEADING.test(s.title))) {
        first = { start: block.start, end: block.end, text: block.text.trim() };
        break;
      }
      const match = matcher.matchAll(block.text)[0];
      if (match) {
        const range = block.sourceRange(match.index, match.index + match.length);
        first = { ...range, text: match.text };
        break;
      }
    }
    if (!first) return;
    const position = wordsBefore(doc, first.start) / total;
    if (position < options.lastFraction) return;
    const heading = doc.sections.find((s) => s.heading.position?.start.offset === first!.start);
    report({
      message: `The conclusion appears only here, ${Math.round(position * 100)}% of the way through the document. Move it to the top as the opening or a "Summary", and let the analysis support it (answer first).`,
      start: heading ? heading.titleStart : first.start,
      end: heading ? heading.titleEnd : first.end,
    });
  },
});
