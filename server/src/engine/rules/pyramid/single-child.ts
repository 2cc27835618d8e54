import { defineRule } from '../../types.js';
import { FRAME_HEADINGS, isFrameSection } from './shared.js';

export default defineRule({
  meta: {
    id: 'pyramid/single-child',
    family: 'pyramid',
    description: 'A section with exactly one subsection: a group of one groups nothing.',
    defaultSeverity: 'hint',
    types: ['strategy', 'decision', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      frameHeadings: {
        type: 'string[]',
        default: FRAME_HEADINGS,
        description: 'Headings that frame the document (appendix, references, FAQ…): a lone subsection of this kind is fine.',
      },
    },
    rationale:
      'In a pyramid, a heading summarises the points grouped below it. With only one point below, the heading and its subsection say the same thing, and the extra level makes the outline look deeper than the argument is.',
    howToFix:
      'Add the sibling the argument is missing, or fold the lone subsection into its parent (drop its heading, keep its text).',
    seeds: [
      { source: 'Minto, The Pyramid Principle', quote: 'ideas at any level must always be summaries of the ideas grouped below them' },
    ],
    examples: {
      bad: '# Pricing strategy\n\nWe will move to usage pricing in 2027.\n\n## Guiding policy\n\n### Charge for usage, not seats\n\nTeams pay for what they run.\n\n## Actions\n\nPublish the new price list by March.\n',
      good: '# Pricing strategy\n\nWe will move to usage pricing in 2027.\n\n## Guiding policy\n\n### Charge for usage, not seats\n\nTeams pay for what they run.\n\n### Keep one plan for small teams\n\nNo plan matrix below 50 seats.\n\n## Actions\n\nPublish the new price list by March.\n',
    },
  },
  check({ doc, options, report }) {
    for (const section of doc.sections) {
      if (section.children.length !== 1) continue;
      const child = section.children[0];
      if (isFrameSection(child, options.frameHeadings)) continue;
      report({
        message: `"${section.title}" has a single subsection, "${child.title}": add the sibling the argument is missing, or fold "${child.title}" into "${section.title}".`,
        start: section.titleStart,
        end: section.titleEnd,
      });
    }
  },
});
