import { defineRule } from '../../types.js';
import { DELIVERABLE_OPTIONS, readKeyResults, VOCABULARY_OPTIONS } from '../../model/key-results.js';
import { shortened } from '../../text/measures.js';

export default defineRule({
  meta: {
    id: 'outcomes/unmeasurable',
    family: 'outcomes',
    description: 'A key result with no number: no target, percentage, amount or count to score it against.',
    defaultSeverity: 'warning',
    types: ['okr', 'strategy', 'roadmap', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      outcomeMetrics: {
        ...VOCABULARY_OPTIONS.outcomeMetrics,
        description: 'Metric names recognised in key results; when one is named without a number, the message asks for its target.',
      },
      outputVerbs: DELIVERABLE_OPTIONS.outputVerbs,
      deliverableNouns: DELIVERABLE_OPTIONS.deliverableNouns,
      artifacts: DELIVERABLE_OPTIONS.artifacts,
    },
    rationale:
      'A key result is how you will know, at the end of the period, whether the objective was met. Without a number — a target level, a percentage, an amount, a count — nobody can score it, so it can never clearly fail, and it quietly turns into a wish ("improve developer satisfaction"). Naming the metric is half the work; the target is the other half.',
    howToFix:
      'Say which metric moves and to what: "Raise developer satisfaction (quarterly survey) from 3.4 to 4.0 by Q3 2027". Numbers can sit in the line, in a sub-bullet or in a table column. Key results that are only deliverables ("Launch the portal") are reported by outcomes/output-as-outcome instead; lines of a "Goals" section are goals (Goal = Objective) and may stay qualitative.',
    seeds: [
      { source: '004', quote: 'Prioritize outcomes: narrow the focus and make it measurable' },
      { source: '002', quote: 'explicit success metrics' },
    ],
    examples: {
      bad: '# Platform OKRs\n\n## Objective 1: Developers love working here\n\n- KR1: Improve developer satisfaction by Q3 2027\n',
      good: '# Platform OKRs\n\n## Objective 1: Developers love working here\n\n- KR1: Raise developer satisfaction (quarterly survey) from 3.4 to 4.0 by Q3 2027\n',
    },
  },
  check({ doc, options, report }) {
    for (const reading of readKeyResults(doc, options)) {
      if (reading.verdict !== 'no-target' && reading.verdict !== 'no-metric') continue;
      const when = reading.ownTimeframe ? '' : ' and by when';
      report({
        message: reading.verdict === 'no-target' && reading.metric
          ? `"${shortened(reading.display)}" names ${reading.metric} but sets no target: say how it is measured, from what to what${when} (e.g. "from 3.4 to 4.0${when ? ' by Q3 2027' : ''}"), so the result can be scored.`
          : `"${shortened(reading.display)}" has no number, so nobody can tell whether it was met. Name the metric${when ? ', its target and the date' : ' and its target'} (e.g. "raise X from 40% to 60%${when ? ' by Q3 2027' : ''}").`,
        start: reading.start,
        end: reading.end,
      });
    }
  },
});
