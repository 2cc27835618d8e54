import { defineRule } from '../../types.js';
import {
  DEFAULT_OUTCOME_METRICS, DEFAULT_OUTPUT_VERBS, hasQuantity, inheritedTimeframe, isOutputView, keyResultViews, ownTimeframe, quote, type KeyResultView,
} from './_measures.js';

const noun = (view: KeyResultView): string => (view.isGoal ? 'goal' : 'key result');

/** ' (e.g. "by 2027-06-30")' from the first sibling that names a date. */
function example(siblings: readonly KeyResultView[]): string {
  const mention = siblings.flatMap((view) => view.dates).at(-1);
  if (!mention) return '';
  const text = mention.text.trim();
  return ` (e.g. "${/^(?:by|in|before|until|within|end of)\b/i.test(text) ? text : `by ${text}`}")`;
}

export default defineRule({
  meta: {
    id: 'outcomes/no-timeframe',
    family: 'outcomes',
    description: 'A key result with no date, quarter, half, month or duration — on the line or in its objective, heading or document.',
    defaultSeverity: 'information',
    types: ['okr', 'strategy', 'roadmap', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      outputVerbs: {
        type: 'string[]',
        default: DEFAULT_OUTPUT_VERBS,
        description: 'Verbs of deliverables: a key result that is only a deliverable is left to outcomes/output-as-outcome, which asks for the metric and the date together.',
      },
      outcomeMetrics: {
        type: 'string[]',
        default: DEFAULT_OUTCOME_METRICS,
        description: 'Metrics whose movement makes a line that starts with an output verb an outcome (and so judged here).',
      },
      siblingShare: {
        type: 'number',
        default: 0.5,
        minimum: 0,
        maximum: 1,
        description: 'When only a whole year covers a key result (a title like "Strategy 2027"), still flag it if at least this share of the other key results in its group carry their own date.',
      },
    },
    rationale:
      'A target without a date cannot be late, so it is never discussed until it is forgotten. The timeframe can live on the line ("by Q3 2027"), in the objective, in the heading ("Q1 2027 OKRs"), in the lead-in ("By June 2027:") or in front matter (`period: H1 2027`); a key result covered by none of these has no deadline at all.',
    howToFix:
      'Add when the target must be met: "by 2027-06-30", "by Q3 2027", "within 90 days of launch" — or state the period once for the whole set, in the heading or in `period:` front matter.',
    seeds: [
      { source: '002', quote: 'initiatives with owners, milestones, and outcome metrics—not output' },
    ],
    examples: {
      bad: '# Platform OKRs\n\n## Objective 1: Developers ship without waiting on us\n\n- KR1: Cut median time to first deploy from 5 days to 1 day\n',
      good: '# Platform OKRs for H1 2027\n\n## Objective 1: Developers ship without waiting on us\n\n- KR1: Cut median time to first deploy from 5 days to 1 day\n',
    },
  },
  check({ doc, options, report }) {
    const views = keyResultViews(doc);
    const timed = new Map<KeyResultView, boolean>(views.map((view) => [view, ownTimeframe(doc, view)]));
    /** Key results of the same objective, else of the same section. */
    const siblingsOf = (view: KeyResultView): KeyResultView[] => views.filter((other) => other !== view
      && (view.kr.objective ? other.kr.objective === view.kr.objective : other.kr.objective === null && other.item.section === view.item.section));

    for (const view of views) {
      if (!view.statement || timed.get(view) || isOutputView(view, options.outputVerbs, options.outcomeMetrics)) continue;
      // A key result with no number at all is outcomes/unmeasurable's: its message asks for the target and the date together.
      if (!view.isGoal && !hasQuantity(view.scrubbed)) continue;
      const inherited = inheritedTimeframe(doc, view);
      const siblings = siblingsOf(view);
      const datedSiblings = siblings.filter((other) => timed.get(other));
      if (inherited && !inherited.coarse) continue;
      if (inherited && (siblings.length === 0 || datedSiblings.length / siblings.length < options.siblingShare || datedSiblings.length === 0)) continue;
      report({
        message: datedSiblings.length > 0
          ? `"${quote(view.display)}" has no date, while ${datedSiblings.length === 1 ? `the other ${noun(view)} here sets one` : `${datedSiblings.length} of the other ${noun(view)}s here set one`}${example(datedSiblings)}: say by when it must be met.`
          : `"${quote(view.display)}" has no timeframe: add by when it must be met ("by Q3 2027"), or state the period in the heading or in \`period:\` front matter.`,
        start: view.start,
        end: view.end,
      });
    }
  },
});
