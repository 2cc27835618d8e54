import { defineRule } from '../../types.js';
import { KERNEL_ROLES, KERNEL_ROLE_NAMES, outermostKernelSections, quoteTitle, roleSections, type KernelRole } from '../../text/kernel.js';
import type { Section } from '../../model/sections.js';

/** "Tenets", "Our principles", "Operating principles": standing rules, not the answer to this diagnosis. */
const STANDING_RULES = /^[^\p{L}]*(?:our\s+|the\s+)?(?:(?:guiding|operating|product|engineering|design|team)\s+)?(?:tenets|principles)\b/iu;

export default defineRule({
  meta: {
    id: 'kernel/order',
    family: 'kernel',
    description: 'The kernel reads in order: diagnosis, then guiding policy, then coherent actions.',
    defaultSeverity: 'information',
    types: ['strategy', 'decision'],
    documentLevel: false,
    fixable: false,
    options: {},
    rationale:
      'Each part of the kernel answers the one before it: the policy is a response to the diagnosis, and the actions carry out the policy. When the plan comes first, readers judge it before they know the problem it solves, and a weak diagnosis hides behind a confident plan. A summary or recommendation at the top is fine — it is the three kernel parts that should follow one another.',
    howToFix:
      'Move the flagged section so the diagnosis comes first, then the guiding policy, then the coherent actions. Keep a short summary above them if you want to lead with the answer.',
    seeds: [
      { source: '002', quote: 'problem definition → principled constraints → rapid public learning with clear guardrails' },
      { source: '004', quote: "The 'kernel' of a good strategy, composed of diagnosis, guiding policy, and coherent actions" },
    ],
    examples: {
      bad: '# Payments strategy\n\n## Coherent actions\n\n- Rebuild onboarding for self-serve (@ana, Q1 2027)\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n',
      good: '# Payments strategy\n\n## Summary\n\nWe will rebuild onboarding for mid-market merchants first.\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n\n## Coherent actions\n\n- Rebuild onboarding for self-serve (@ana, Q1 2027)\n',
    },
  },
  check({ doc, report }) {
    const sections = outermostKernelSections(doc);
    // Tenets and principles can frame the whole document (Amazon-style docs open with them): when
    // another policy section follows ("Our approach"), that one answers the diagnosis.
    const policy = sections.get('guiding-policy');
    if (policy && STANDING_RULES.test(policy.title)) {
      const answer = roleSections(doc, 'guiding-policy').find((s) => s.start > policy.start && !STANDING_RULES.test(s.title));
      if (answer) sections.set('guiding-policy', answer);
    }
    KERNEL_ROLES.forEach((role, rank) => {
      const section = sections.get(role);
      if (!section) return;
      // Kernel parts that should come after this one but appear before it.
      const ahead: Array<{ role: KernelRole; section: Section }> = [];
      for (const later of KERNEL_ROLES.slice(rank + 1)) {
        const other = sections.get(later);
        if (other && other.start < section.start) ahead.push({ role: later, section: other });
      }
      if (ahead.length === 0) return;
      ahead.sort((a, b) => a.section.start - b.section.start);
      const names = ahead.map((a) => `the ${KERNEL_ROLE_NAMES[a.role]}`).join(' and ');
      const why = role === 'diagnosis'
        ? 'readers meet the answer before the problem it solves'
        : 'the actions should carry out a policy the reader already knows';
      report({
        message: `The ${KERNEL_ROLE_NAMES[role]} comes after ${names}: ${why}. Move ${quoteTitle(section)} above ${quoteTitle(ahead[0].section)}.`,
        start: section.titleStart,
        end: section.titleEnd,
      });
    });
  },
});
