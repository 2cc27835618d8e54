import { defineRule } from '../../types.js';
import { findDates } from '../../model/dates.js';
import { carriesOutcome, DEFAULT_OUTCOME_METRICS, scrub } from '../../text/measures.js';
import { cellsUnder, planText, reportMissing } from './_plan.js';
import { detailOf, goalsFor } from './_context.js';
import { movesQuality } from './_reasons.js';

/** Columns and labels that hold an item's outcome. */
const OUTCOME_COLUMN = /\b(?:outcome|outcomes|impact|metric|metrics|kpi|kpis|success|goal|target|result|results|measure|measures|okr|key result)\b/i;
const OUTCOME_LABEL = /(?:^|[\s(.;—–-])(?:outcome|impact|metric|kpi|success(?:\s+metric)?|goal|target|result|measured\s+by|key\s+result|kr\d{0,2})\s*[:=]/i;
/** A target stated without a colon: "… building routes in spreadsheets; target 20 minutes". */
const OUTCOME_TARGET = /\b(?:target|goal)\s+(?:of\s+)?(?:under\s+|below\s+|above\s+|at\s+least\s+|[<>≤≥~]\s?)?[-+−]?[$€£¥]?\d/i;

export default defineRule({
  meta: {
    id: 'roadmap/no-outcome',
    family: 'roadmap',
    description: 'A roadmap item with no metric or outcome it should move.',
    defaultSeverity: 'information',
    types: ['roadmap'],
    documentLevel: false,
    summarises: true,
    fixable: false,
    options: {
      outcomeMetrics: {
        type: 'string[]',
        default: DEFAULT_OUTCOME_METRICS,
        description: 'Metrics an item can move ("activation", "churn", "setup time", …): naming one with a change verb or a number counts as an outcome.',
      },
      maxFindings: {
        type: 'number',
        default: 5,
        minimum: 1,
        description: 'Report each item up to this many; above it, one finding on the title summarizes them. A section of three or more items that all miss it gets one finding on its heading. A summary lists its items (related locations) and marks each with a hint.',
      },
    },
    rationale:
      'Work that moves no core metric is the first thing to cut, and a roadmap that never says which metric each item should move cannot tell you which work that is. Naming the outcome up front also tells the team when the item is done: when the number moved, not when the code shipped.',
    howToFix:
      'Add the metric the item should move and by how much, in a clause, a label or a column: "Outcome: cut median setup time from 6 hours to 90 minutes."',
    seeds: [
      { source: '002', quote: 'a zero-tolerance policy for work that doesn’t move a core metric' },
    ],
    examples: {
      bad: '# Northwind roadmap\n\n## Now\n\n- **Spreadsheet import** (Q1 2027): admins spend six hours on manual setup.\n',
      good: '# Northwind roadmap\n\n## Now\n\n- **Spreadsheet import** (Q1 2027): admins spend six hours on manual setup. Outcome: cut median setup time from 6 hours to 90 minutes.\n',
    },
  },
  check({ doc, options, report, reportDocument, isSuppressed }) {
    const items = doc.roadmapItems.map((entry) => entry.item);
    const statesOutcome = (text: string): boolean => {
      if (OUTCOME_LABEL.test(text) || movesQuality(text)) return true;
      const scrubbed = scrub(text, findDates(text, doc.dateOptions));
      return OUTCOME_TARGET.test(scrubbed) || carriesOutcome(text, scrubbed, options.outcomeMetrics);
    };
    const missing = items.filter((item) => {
      if (cellsUnder(item, OUTCOME_COLUMN).length > 0) return false;
      // The item, the section that details it, or the goal its milestone states for it ("Our goal for 3.13 is to cut … by 50%").
      return !statesOutcome(planText(item)) && !statesOutcome(detailOf(doc, item)) && !goalsFor(doc, item).some(statesOutcome);
    });
    reportMissing(doc, items, missing, options.maxFindings, {
      item: (name) => `"${name}" names no outcome: say which metric it should move and by how much (e.g. "cut setup time from 6 hours to 90 minutes").`,
      related: (name) => `"${name}" names no outcome`,
      section: (title, count) => `None of the ${count} items under "${title}" names an outcome: for each, say which metric it should move and by how much.`,
      document: (count, total, names) => `${count} of ${total} roadmap items name no outcome (${names}): for each, say which metric it should move and by how much, so the team knows when it is done.`,
    }, { report, reportDocument, isSuppressed });
  },
});
