import { defineRule } from '../../types.js';
import { readKeyResults, VOCABULARY_OPTIONS } from '../../model/key-results.js';
import { shortened } from '../../text/measures.js';

export default defineRule({
  meta: {
    id: 'outcomes/output-as-outcome',
    family: 'outcomes',
    description: 'A key result or success metric phrased as a deliverable ("Launch the portal", "Implementation of …", "Plan and implement …", a task list) instead of a result it should produce.',
    defaultSeverity: 'warning',
    types: ['okr', 'strategy', 'roadmap', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      ...VOCABULARY_OPTIONS,
    },
    rationale:
      'A key result says how you will know the objective is met, independent of the features you ship. "Launch the developer portal" is done the day it ships, whether or not anyone\'s work got easier; the team can hit it and still fail. Outcome key results ("cut time to first deploy from 5 days to 1") keep the team free to find the best way there and honest about whether it worked.',
    howToFix:
      'Ask what the deliverable is *for*, and measure that: which metric moves, from what, to what, by when. Keep the deliverable as an initiative under the key result. A line that names the deliverable *and* the metric it moves ("Launch X to raise activation from 40% to 60%") is fine.',
    seeds: [
      { source: '002', quote: 'initiatives with owners, milestones, and outcome metrics—not output' },
      { source: '003', quote: 'I explicitly separate outcomes vs output OKRs so we’re clear on what success looks like, independent of the features we ship' },
      { source: '004', quote: 'Not “deliver X,” but “stability,” “scalability,” and “confidence.”' },
    ],
    examples: {
      bad: '# Platform OKRs\n\n## Objective 1: Developers ship without waiting on us\n\n- KR1: Launch the new developer portal by Q2 2027\n- KR2: Cut median time to first deploy from 5 days to 1 day by Q2 2027\n',
      good: '# Platform OKRs\n\n## Objective 1: Developers ship without waiting on us\n\n- KR1: Launch the developer portal and raise self-serve setups from 20% to 60% of new services by Q2 2027\n- KR2: Cut median time to first deploy from 5 days to 1 day by Q2 2027\n',
    },
  },
  check({ doc, options, report }) {
    for (const reading of readKeyResults(doc, options)) {
      if (reading.kind !== 'output') continue;
      const what = reading.deliverable?.how === 'task' ? 'a task' : 'a deliverable';
      report({
        message: `"${shortened(reading.display)}" is ${what}, not an outcome: it can be ticked off while nothing improves for customers or the business. Name the metric it should move, from what to what and by when, and keep the ${reading.deliverable?.how === 'task' ? 'task' : 'deliverable'} as an initiative under it.`,
        start: reading.start,
        end: reading.end,
      });
    }
  },
});
