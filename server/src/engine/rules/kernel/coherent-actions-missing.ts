import { defineRule } from '../../types.js';
import { insertSectionFix } from '../../text/sections.js';
import { acceptedNames, ACTION_PLAN_NAMES, DECISION_KERNEL_NAMES, hasKernelPart, roleSections, KERNEL_SEEDS } from '../../text/kernel.js';

export default defineRule({
  meta: {
    id: 'kernel/coherent-actions-missing',
    family: 'kernel',
    description: 'A strategy needs coherent actions: the concrete steps that carry out the guiding policy.',
    defaultSeverity: 'warning',
    types: ['strategy', 'decision'],
    documentLevel: true,
    fixable: true,
    options: {
      alsoAccept: {
        type: 'string[]',
        default: ACTION_PLAN_NAMES,
        description: 'Headings that list the steps under another name ("Rollout plan", "Migration plan", "Milestones", "Things to do"); a section starting with one of them, or whose last word is a one-word one ("Key milestones"), counts as coherent actions here. So does a heading whose last word names actions ("Funding plans", "Marketing initiatives"), and a list under any heading but a diagnosis, policy, options, risks, non-goals or goals whose items mostly say what will be done ("Automate the nightly build", "We will train two stewards"; not instructions to the reader).',
      },
      inDecisions: {
        type: 'string[]',
        default: DECISION_KERNEL_NAMES['coherent-actions'],
        description: 'In a decision doc or a document written as a proposal (RFC, ADR, design doc), further headings that say what will be built or done: an RFC\'s Design or Implementation. An ADR\'s Decision counts too when it says more than which option was chosen.',
      },
    },
    rationale:
      'Rumelt\'s kernel ends in coherent actions: steps that reinforce one another and carry out the policy. A diagnosis and a policy with no actions is an essay, not a strategy — it commits no people, money or time, so nothing changes on Monday.',
    howToFix:
      'Add a section headed "Coherent actions" (or "Actions", "Plan", "What we will do", "Next steps") listing the few steps that carry out the policy, each with an owner and a date. The quick fix inserts the heading after the guiding policy.',
    seeds: KERNEL_SEEDS,
    examples: {
      bad: '# Payments strategy\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n',
      good: '# Payments strategy\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n\n## Coherent actions\n\n- Rebuild onboarding for self-serve (@ana, Q1 2027)\n',
    },
  },
  check({ doc, options, reportDocument }) {
    // Under its own name, another accepted one, or as a bold label in a one-page memo ("**Coherent actions.** …").
    if (hasKernelPart(doc, 'coherent-actions', acceptedNames(doc, options.alsoAccept, options.inDecisions))) return;
    const earlier = [...roleSections(doc, 'diagnosis'), ...roleSections(doc, 'guiding-policy')].map((s) => s.start + 1);
    reportDocument(
      'No coherent actions: add the few concrete steps that carry out the guiding policy, each with an owner and a date.',
      insertSectionFix(doc, doc.roleLabel('coherent-actions') ?? 'Coherent actions', 'Which concrete steps carry out the policy? Give each an owner and a date.',
        ['non-goals', 'risks', 'metrics'], earlier.length > 0 ? Math.max(...earlier) : 0),
    );
  },
});
