import { defineRule } from '../../types.js';
import { DELIVERABLE_OPTIONS, readKeyResults, targetOf } from '../../model/key-results.js';
import { shortened } from '../../text/measures.js';

export default defineRule({
  meta: {
    id: 'outcomes/no-baseline',
    family: 'outcomes',
    description: 'A key result with an absolute target but no starting value ("reach 60%" — from what?).',
    defaultSeverity: 'information',
    types: ['okr', 'strategy', 'roadmap', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      ...DELIVERABLE_OPTIONS,
    },
    rationale:
      'A target means little without its starting point: "reach 60% activation" is a stretch from 30% and a rounding error from 58%. Writing the baseline forces someone to measure today\'s value before the period starts, which is also the only way to show the before/after at the end.',
    howToFix:
      'Add where the metric stands today: "from 41% to 60%", "(baseline 41%, March 2027)", or a Baseline column in a key-result table. Relative targets ("by 20%", "2x", "halve"), holding targets ("keep uptime above 99.9%") and counts of new things ("sign 5 design partners") carry their own baseline and are not flagged.',
    seeds: [
      { source: '002', quote: 'refine prompts and evaluators, and document before/after outcomes' },
    ],
    examples: {
      bad: '# Growth OKRs\n\n## Objective 1: New teams get value in week one\n\n- KR1: Reach 60% first-week activation by Q2 2027\n',
      good: '# Growth OKRs\n\n## Objective 1: New teams get value in week one\n\n- KR1: Raise first-week activation from 41% to 60% by Q2 2027\n',
    },
  },
  check({ doc, options, report }) {
    for (const reading of readKeyResults(doc, options)) {
      if (!reading.lacksBaseline) continue;
      const target = targetOf(reading);
      report({
        message: reading.cells?.hasBaselineColumn
          ? `"${shortened(reading.display)}" has a target but its Baseline cell is empty: add today's value so progress can be judged.`
          : `"${shortened(reading.display)}" sets a target but not where the metric stands today: add the baseline (${target ? `"from … to ${target}"` : '"from 41% to 60%"'}) so the change can be judged.`,
        start: reading.start,
        end: reading.end,
      });
    }
  },
});
