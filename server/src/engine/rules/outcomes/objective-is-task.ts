import { defineRule } from '../../types.js';
import { OBJECTIVE_LABEL } from '../../model/items.js';
import { foldTypography } from '../../text/phrases.js';
import { findDates } from '../../model/dates.js';
import { VOCABULARY_OPTIONS, withoutLeadLabel } from '../../model/key-results.js';
import {
  carriesOutcome, compoundOutputLead, DEFAULT_OUTCOME_METRICS, deliverableNounLead, outputPassive, outputVerbLead, shortened, scrub,
} from '../../text/measures.js';

/** A stated benefit makes an objective more than a deliverable: "so that…", "without…", "faster", "trusted". */
const BENEFIT = /\b(?:so\s+that|so\s+(?:they|we|customers|users|teams|admins)|without|instead\s+of|faster|easier|fewer|less|better|cheaper|safer|trust(?:ed|worthy)?|reliab(?:le|ility)|confiden(?:ce|t)|delight(?:ed|ful)?|love|succeed|success|value|can\s+(?!be\b)\w+)\b/i;

/** A quality word inside a deliverable's name: "a better content system", "the faster importer". */
const NAMED_QUALITY = /\b(?:a|an|the)\s+(?:better|faster|easier|cheaper|safer|reliable|trusted|trustworthy)\b/gi;

export default defineRule({
  meta: {
    id: 'outcomes/objective-is-task',
    family: 'outcomes',
    description: 'An objective that is a task: a checkbox item, or a single deliverable ("Launch the developer portal").',
    defaultSeverity: 'information',
    types: ['okr', 'strategy', 'roadmap', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      taskVerbs: {
        type: 'string[]',
        default: ['ship', 'launch', 'release', 'deliver', 'introduce', 'implement', 'migrate', 'complete', 'finish', 'roll out', 'publish', 'hire', 'deploy', 'upgrade', 'install', 'integrate', 'refactor', 'rewrite', 'document', 'set up', 'finalize', 'finalise', 'go live', 'sunset', 'deprecate', 'replace', 'move to', 'switch to', 'adopt',
          // Activities: "Engage in marketing activities", "Work on the docs site".
          'engage in', 'work on', 'participate in'],
        description: 'Verbs that make an objective a single deliverable when it names no beneficiary or outcome. "Build", "create" and "design" are left out: objectives often use them for aspirations ("Build the most trusted payroll for SMBs").',
      },
      outcomeMetrics: {
        type: 'string[]',
        default: DEFAULT_OUTCOME_METRICS,
        description: 'Metrics whose movement makes an objective an outcome even when it starts with a task verb.',
      },
      deliverableNouns: {
        ...VOCABULARY_OPTIONS.deliverableNouns,
        description: 'Nouns of delivered work that make an objective a single deliverable when they open it with an object ("Implementation of the new billing system", "Migration to Kubernetes").',
      },
      artifacts: {
        ...VOCABULARY_OPTIONS.artifacts,
        description: 'Things that get made: an objective that is a new or updated one ("A new developer portal") is a single deliverable.',
      },
    },
    rationale:
      'An objective says what should be different for customers or the business, qualitatively and inspiringly; key results say how you will know. When the objective is itself a task ("Migrate to Kubernetes"), the key results can only track the task, and nobody asks whether it was the right task. Coaches see this constantly: "their goal\'s actually a task".',
    howToFix:
      'Ask why the task matters and make *that* the objective: "Migrate to Kubernetes" → "Teams ship without waiting for infrastructure". Move the task under it as an initiative, and write key results that measure the change.',
    seeds: [
      { source: '004', quote: 'they all talk about. Measurement, but very, very often no one does it. And they don’t really, they, their goal’s actually a task' },
    ],
    examples: {
      bad: '# Platform OKRs\n\n## Objective 1: Migrate all services to Kubernetes\n\n- KR1: Cut median time to first deploy from 5 days to 1 day by Q2 2027\n',
      good: '# Platform OKRs\n\n## Objective 1: Teams ship without waiting for infrastructure\n\n- KR1: Cut median time to first deploy from 5 days to 1 day by Q2 2027\n',
    },
  },
  check({ doc, options, report }) {
    for (const objective of doc.objectives) {
      const raw = objective.text;
      const label = OBJECTIVE_LABEL.exec(raw);
      const statement = (label ? raw.slice(label[0].length) : raw.replace(/^\s*\[[ xX]\]\s+/, '')).trim();
      const start = objective.start;
      const end = objective.kind === 'heading' ? objective.end : Math.min(objective.end, doc.lines.lineEnd(doc.lines.positionAt(objective.start).line));
      if (objective.item && objective.item.checked !== null) {
        report({
          message: `Objective "${shortened(statement)}" is a checkbox: tasks get ticked off, objectives describe a change for customers or the business. Say what should be different, and measure it with key results.`,
          start,
          end,
        });
        continue;
      }
      if (!statement) continue;
      // A task verb ("Migrate …"), a compound with one ("Plan and implement …"), a deliverable noun ("Implementation of …", "A new … portal"),
      // or done ("Portal live"); after an owner's name ("CFO: Hire a head of tax"), which governs nothing.
      const isTask = (text: string): boolean => (outputVerbLead(text, options.taskVerbs) ?? compoundOutputLead(text, options.taskVerbs)
        ?? deliverableNounLead(text, options.deliverableNouns, options.artifacts) ?? outputPassive(text)) !== null;
      const owned = withoutLeadLabel(statement);
      if (!isTask(statement) && !isTask(owned)) continue;
      // "Introduce a better content system": an adjective in the deliverable's name is no benefit to anyone.
      const folded = foldTypography(statement).replace(NAMED_QUALITY, ' ');
      if (BENEFIT.test(folded)) continue;
      if (carriesOutcome(statement, scrub(statement, findDates(statement, doc.dateOptions)), options.outcomeMetrics)) continue;
      report({
        message: `Objective "${shortened(statement)}" is a task, not an outcome: ask why it matters and make that the objective (who is better off, and how); keep the task as an initiative.`,
        start,
        end,
      });
    }
  },
});
