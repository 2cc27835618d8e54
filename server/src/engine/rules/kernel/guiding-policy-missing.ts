import { defineRule } from '../../types.js';
import { insertSectionFix } from '../../text/sections.js';
import { acceptedNames, DECISION_KERNEL_NAMES, hasKernelPart, roleSections, KERNEL_SEEDS } from '../../text/kernel.js';

export default defineRule({
  meta: {
    id: 'kernel/guiding-policy-missing',
    family: 'kernel',
    description: 'A strategy needs a guiding policy: the overall approach chosen to deal with the challenge.',
    defaultSeverity: 'warning',
    types: ['strategy', 'decision'],
    documentLevel: true,
    fixable: true,
    options: {
      alsoAccept: {
        type: 'string[]',
        default: ['decision', 'decision outcome', 'proposal', 'recommendation', 'proposed solution', 'solution', 'our bet', 'the bet', 'bet', 'bets', 'strategic bets', 'big bets', 'key bets', 'thesis', 'positioning', 'choices', 'strategic choices', 'where we will play', 'how we win',
          'values', 'core values', 'priorities', 'strategic priorities', 'focus areas', 'areas of focus', 'focus', 'where we focus', 'pillars', 'strategic pillars',
          'strategic themes', 'guiding principles', 'operating principles'],
        description: 'Headings that state the chosen approach under another name (a decision doc\'s "Decision" or "Proposal"); a section starting with one of them counts as a guiding policy here, and so does one whose last word is a one-word one ("Platform bets", "Company values").',
      },
      inDecisions: {
        type: 'string[]',
        default: DECISION_KERNEL_NAMES['guiding-policy'],
        description: 'In a decision doc or a document written as a proposal (RFC, ADR, design doc), further headings that state what is proposed: an RFC\'s Summary and Design. A decision doc\'s lead that states the decision, or a title that is the decision, counts too.',
      },
    },
    rationale:
      'The guiding policy is the second element of Rumelt\'s kernel: the approach that turns the diagnosis into a choice, and so rules out other paths. Without it, the actions are a to-do list — nobody can tell which of them matter, or which new idea fits and which does not.',
    howToFix:
      'Add a section headed "Guiding policy" (or "Our approach", "How we will win", "Principles") that says in two or three sentences how you will deal with the obstacle and what that rules out. The quick fix inserts the heading after the diagnosis.',
    seeds: KERNEL_SEEDS,
    examples: {
      bad: '# Payments strategy\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Coherent actions\n\n- Rebuild onboarding for self-serve (@ana, Q1 2027)\n',
      good: '# Payments strategy\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n\n## Coherent actions\n\n- Rebuild onboarding for self-serve (@ana, Q1 2027)\n',
    },
  },
  check({ doc, options, reportDocument }) {
    // Under its own name, another accepted one, or as a bold label in a one-page memo ("**Guiding policy.** …").
    if (hasKernelPart(doc, 'guiding-policy', acceptedNames(doc, options.alsoAccept, options.inDecisions))) return;
    const diagnosis = roleSections(doc, 'diagnosis')[0];
    reportDocument(
      'No guiding policy: add a section that says how you will deal with the challenge — the approach you choose, and what it rules out.',
      insertSectionFix(doc, doc.roleLabel('guiding-policy') ?? 'Guiding policy', 'How will we deal with the obstacle, and what does that rule out?',
        ['coherent-actions', 'non-goals', 'risks', 'metrics'], diagnosis ? diagnosis.start + 1 : 0),
    );
  },
});
