import { defineRule, type RelatedItem } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import type { Item } from '../../model/items.js';
import { readKeyResults, type KeyResultReading } from '../../model/key-results.js';
import { shortened } from '../../text/measures.js';

/** Every key result of a finding, as its related places (no item hints: the count is the problem, not any one of them). */
function places(doc: StrategyDocument, items: readonly Item[]): RelatedItem[] {
  return items.map((item, i) => ({ ...doc.lines.firstLine(item.start, item.end), message: `Key result ${i + 1} of ${items.length}` }));
}

export default defineRule({
  meta: {
    id: 'outcomes/too-many-key-results',
    family: 'outcomes',
    description: 'An objective (or a success-metrics list) with more key results than a team can steer by.',
    defaultSeverity: 'warning',
    types: ['okr', 'strategy', 'roadmap', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      max: {
        type: 'number',
        default: 5,
        minimum: 1,
        description: 'Most key results one objective (or one metrics section without objectives) may have.',
      },
    },
    rationale:
      'Key results exist to focus a team. Past three to five per objective they stop focusing and start listing: every piece of work gets its own line, nothing is clearly the priority, and reviews turn into status readouts. Choosing the two or three measures that would really tell you the objective was met is the strategic work.',
    howToFix:
      'Keep the three to five key results that best show the objective was met; move the rest to a dashboard, or to initiatives under the key result they serve. If two groups of results pull in different directions, they may be two objectives.',
    seeds: [
      { source: '001', quote: 'The art is deciding which two or three metrics are the organization’s true north at a given stage' },
    ],
    examples: {
      bad: '# Platform OKRs\n\n## Objective 1: Developers ship without waiting on us\n\n- KR1: Cut time to first deploy from 5 days to 1 day by Q2 2027\n- KR2: Raise deploys per team from 3 to 10 a week by Q2 2027\n- KR3: Cut change failure rate from 18% to 10% by Q2 2027\n- KR4: Raise self-serve setups from 20% to 60% by Q2 2027\n- KR5: Cut platform tickets from 120 to 40 a month by Q2 2027\n- KR6: Raise developer satisfaction from 3.4 to 4.0 by Q2 2027\n',
      good: '# Platform OKRs\n\n## Objective 1: Developers ship without waiting on us\n\n- KR1: Cut time to first deploy from 5 days to 1 day by Q2 2027\n- KR2: Raise deploys per team from 3 to 10 a week by Q2 2027\n- KR3: Cut change failure rate from 18% to 10% by Q2 2027\n',
    },
  },
  check({ doc, options, report }) {
    for (const objective of doc.objectives) {
      const count = objective.keyResults.length;
      if (count <= options.max) continue;
      report({
        message: `"${shortened(objective.text)}" has ${count} key results (more than ${options.max}): keep the few that best show it was met, and move the rest to a dashboard or to initiatives.`,
        start: objective.start,
        end: objective.kind === 'heading' ? objective.end : Math.min(objective.end, doc.lines.lineEnd(doc.lines.positionAt(objective.start).line)),
        related: places(doc, objective.keyResults.map((kr) => kr.item)),
      });
    }
    // Key results without an objective, grouped by their section ("## Success metrics").
    // A goal statement standing in for a goal document's key results, and the lines of a "Goals"
    // section (Goal = Objective: too many of those is bad-strategy/too-many-priorities), are not measures to trim.
    const bySection = new Map<number, KeyResultReading[]>();
    for (const reading of readKeyResults(doc)) {
      if (reading.kr.objective || reading.isGoal || !reading.item.section) continue;
      const key = reading.item.section.index;
      let group = bySection.get(key);
      if (!group) bySection.set(key, group = []);
      group.push(reading);
    }
    for (const [index, readings] of bySection) {
      if (readings.length <= options.max) continue;
      const section = doc.sections[index];
      report({
        message: `"${shortened(section.title)}" lists ${readings.length} key results (more than ${options.max}): pick the few that would really tell you the strategy is working, and move the rest to a dashboard.`,
        start: section.titleStart,
        end: section.titleEnd,
        related: places(doc, readings.map((reading) => reading.item)),
      });
    }
  },
});
