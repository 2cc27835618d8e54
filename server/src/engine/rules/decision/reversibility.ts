import { defineRule } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';

export default defineRule({
  meta: {
    id: 'decision/reversibility',
    family: 'decision',
    description: 'A decision doc that never says whether the decision is a one-way or a two-way door.',
    defaultSeverity: 'hint',
    types: ['decision'],
    documentLevel: true,
    fixable: false,
    options: {
      phrases: {
        type: 'string[]',
        default: [
          'one-way door', 'two-way door', 'one way door', 'two way door', 'reversible', 'irreversible', 'reversibility',
          'reverse', 'reversal', 'roll back', 'rollback', 'revert', 'undo', 'back out', 'unwind', 'walk back', 'lock-in',
          'locked in', 'lock us in', 'exit cost', 'switching cost', 'cost of changing', 'hard to change', 'easy to change',
          'can change course', 'change our mind', 'permanent', 'no going back', 'point of no return', 'be undone', 'get rid of it',
          'stuck with', 'until the next major',
          'easily be changed', 'be easily changed', 'easily changed', 'can be changed later', 'hard to change later', 'can be revisited', 'easy to revisit', 'hard to revisit',
        ],
        description: 'Phrases that say how reversible the decision is; any one of them (in prose or a heading) is enough.',
      },
    },
    rationale:
      'Decisions differ in what a mistake costs. A two-way door can be walked back cheaply, so it should be made fast by a small group; a one-way door deserves more options, more evidence and more reviewers. Saying which one this is tells readers how hard to push back, and how fast to move.',
    howToFix:
      'Add a sentence or a "Reversibility" section: is this a one-way or a two-way door, what would reversing it cost, and which signal would make you reverse it?',
    seeds: [
      { source: '002', quote: 'distinguish one-way doors from two-way doors and match decision speed to reversibility' },
    ],
    examples: {
      bad: '# Build the spreadsheet importer in-house\n\n## Decision\n\nWe will build the importer ourselves on our import API.\n',
      good: '# Build the spreadsheet importer in-house\n\n## Decision\n\nWe will build the importer ourselves on our import API. This is a two-way door: we can switch to a vendor widget in two weeks.\n',
    },
  },
  check({ doc, options, reportDocument }) {
    const matcher = phraseMatcher(options.phrases);
    if (doc.textBlocks.some((block) => matcher.test(block.text))) return;
    reportDocument('Say whether this is a one-way or a two-way door: what would reversing it cost, and which signal would make you reverse it? That tells readers how hard to push back.');
  },
});
