import { defineRule } from '../../types.js';
import { insertSectionFix } from '../../text/sections.js';
import { acceptedNames, DECISION_KERNEL_NAMES, DIAGNOSIS_NAMES, hasKernelPart, KERNEL_SEEDS } from '../../text/kernel.js';

export default defineRule({
  meta: {
    id: 'kernel/diagnosis-missing',
    family: 'kernel',
    description: 'A strategy needs a diagnosis: a section that says what is going on and what makes it hard.',
    defaultSeverity: 'warning',
    types: ['strategy', 'decision'],
    documentLevel: true,
    fixable: true,
    options: {
      alsoAccept: {
        type: 'string[]',
        default: DIAGNOSIS_NAMES,
        description: 'Headings that do the diagnosis\'s job under another name ("Context", "Background: …", a decision doc\'s "Why"); a section starting with one of them, or whose last word is a one-word one ("Business context"), counts as a diagnosis here, and so does a heading whose last word names the challenge ("Our big challenge", "New challenges").',
      },
      inDecisions: {
        type: 'string[]',
        default: DECISION_KERNEL_NAMES['diagnosis'],
        description: 'In a decision doc or a document written as a proposal (RFC, ADR, design doc), further headings that describe what is wrong today. A decision doc\'s lead paragraph, abstract or introduction that names a problem counts too.',
      },
    },
    rationale:
      'Rumelt calls the diagnosis the first element of the kernel of a good strategy: it names the critical challenge and so tells you where to focus. A document that jumps straight to plans has nothing to be coherent *with*, and readers cannot judge whether the actions address the real problem.',
    howToFix:
      'Add a section headed "Diagnosis" (or "The challenge", "Problem", "Why now") that names the obstacle in one or two paragraphs. The quick fix inserts the heading before the guiding policy.',
    seeds: KERNEL_SEEDS,
    examples: {
      bad: '# Payments strategy\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n\n## Coherent actions\n\n- Rebuild onboarding for self-serve (@ana, Q1 2027)\n',
      good: '# Payments strategy\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n\n## Coherent actions\n\n- Rebuild onboarding for self-serve (@ana, Q1 2027)\n',
    },
  },
  check({ doc, options, reportDocument }) {
    // Under its own name, another accepted one, or as a bold label in a one-page memo ("**Diagnosis.** …").
    if (hasKernelPart(doc, 'diagnosis', acceptedNames(doc, options.alsoAccept, options.inDecisions))) return;
    reportDocument(
      'No diagnosis: add a section that names the challenge this strategy must overcome (Rumelt\'s kernel starts with the diagnosis).',
      insertSectionFix(doc, doc.roleLabel('diagnosis') ?? 'Diagnosis', 'What is going on, and what obstacle makes it hard?', ['guiding-policy', 'coherent-actions']),
    );
  },
});
