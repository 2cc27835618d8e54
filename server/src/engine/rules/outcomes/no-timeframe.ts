import { defineRule } from '../../types.js';
import { DELIVERABLE_OPTIONS, readKeyResults, type KeyResultReading } from '../../model/key-results.js';
import { shortened } from '../../text/measures.js';

const noun = (reading: KeyResultReading): string => (reading.isGoal ? 'goal' : 'key result');

/** ' (e.g. "by 2027-06-30")' from the last date the dated siblings name. */
function example(siblings: readonly KeyResultReading[]): string {
  // From the end: a group can hold thousands of key results, and the last mention is wanted.
  let mention: KeyResultReading['dates'][number] | undefined;
  for (let k = siblings.length - 1; k >= 0 && !mention; k--) mention = siblings[k].dates.at(-1);
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
      ...DELIVERABLE_OPTIONS,
      siblingShare: {
        type: 'number',
        default: 0.5,
        minimum: 0,
        maximum: 1,
        description: 'When only a whole year covers a key result (a title like "Strategy 2027"), still flag it if at least this share of the other key results in its group carry their own date.',
      },
    },
    rationale:
      'A target without a date cannot be late, so it is never discussed until it is forgotten. The timeframe can live on the line ("by Q3 2027"), in the objective, in the heading ("Q1 2027 OKRs"), in the lead-in ("By June 2027:") or in front matter (`period: H1 2027`); a key result covered by none of these has no deadline at all. In an update, the period in the title or the opening lines is the one reported on: it does not date the goals the update sets. A goal with no number that states a quality ("Stable by default") is not asked for a date; one that states a change to reach ("Grow the plugin catalogue") is.',
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
    const readings = readKeyResults(doc, options).filter((reading) => !reading.standIn);
    /** Key results grouped by objective, else (no objective) by section: a key result's siblings are the rest of its group. */
    const groups = new Map<unknown, { size: number; dated: KeyResultReading[] }>();
    const groupOf = (reading: KeyResultReading): unknown => reading.kr.objective ?? reading.item.section;
    for (const reading of readings) {
      let group = groups.get(groupOf(reading));
      if (!group) groups.set(groupOf(reading), group = { size: 0, dated: [] });
      group.size++;
      if (reading.ownTimeframe) group.dated.push(reading);
    }

    for (const reading of readings) {
      if (reading.ownTimeframe || reading.kind === 'output') continue;
      // A key result with no number at all is outcomes/unmeasurable's: its message asks for the target and the date together.
      if (!reading.isGoal && !reading.quantified) continue;
      if (reading.timeless) continue;
      const inherited = reading.inherited;
      if (inherited && !inherited.coarse) continue;
      const group = groups.get(groupOf(reading))!;
      const siblingCount = group.size - 1;
      const datedSiblings = group.dated; // the reading itself is undated, so not among them
      if (inherited && (siblingCount === 0 || datedSiblings.length / siblingCount < options.siblingShare || datedSiblings.length === 0)) continue;
      report({
        message: datedSiblings.length > 0
          ? `"${shortened(reading.display)}" has no date, while ${datedSiblings.length === 1 ? `the other ${noun(reading)} here sets one` : `${datedSiblings.length} of the other ${noun(reading)}s here set one`}${example(datedSiblings)}: say by when it must be met.`
          : `"${shortened(reading.display)}" has no timeframe: add by when it must be met ("by Q3 2027"), or state the period in the heading or in \`period:\` front matter.`,
        start: reading.start,
        end: reading.end,
      });
    }
  },
});
