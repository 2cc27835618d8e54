import { defineRule } from '../../types.js';
import { itemTextWithSubItems } from '../../model/items.js';
import { contentStems, DEFAULT_STOP_WORDS } from '../../text/content-words.js';
import { DEFAULT_PLACEHOLDERS, hasTemplateToken, roleBlocks, roleOwner, roleSections, withoutPlaceholders } from '../../text/kernel.js';

export default defineRule({
  meta: {
    id: 'kernel/action-untraced',
    family: 'kernel',
    description: 'A coherent action that shares no key word with the diagnosis, the guiding policy, the summary or the context around them.',
    defaultSeverity: 'information',
    types: ['strategy', 'decision'],
    documentLevel: false,
    fixable: false,
    options: {
      stopWords: {
        type: 'string[]',
        default: DEFAULT_STOP_WORDS,
        description: 'Words that trace nothing (function words, dates, "owner"); they are ignored when comparing an action with the diagnosis and policy.',
      },
      minActionWords: {
        type: 'number',
        default: 2,
        minimum: 1,
        description: 'Skip actions with fewer content words than this (too short to judge).',
      },
      minReferenceWords: {
        type: 'number',
        default: 8,
        minimum: 1,
        description: 'Skip the rule when the diagnosis, policy and summary together have fewer distinct content words than this.',
      },
    },
    rationale:
      'Rumelt describes good strategy as "a coherent blend of policies, actions, and resources": every action should answer the diagnosis or carry out the policy. An action that shares no key word with either is often a pet project riding along, or a sign that the diagnosis leaves out the problem the action really solves. The summary, the introduction and unlabelled context sections count as well, so only actions that nothing in the document motivates are flagged.',
    howToFix:
      'Say which part of the diagnosis or policy the action serves, in their words ("Rebuild onboarding — the three-week setup is why merchants churn"). If it serves neither, cut it, or add the problem it solves to the diagnosis.',
    seeds: [
      { source: '004', quote: 'a coherent blend of policies, actions, and resources uniquely designed to tackle fundamental challenges' },
      { source: '002', quote: 'I map each guiding policy to a small number of initiatives with owners, milestones, and outcome metrics' },
    ],
    examples: {
      bad: '# Payments strategy\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n\n## Coherent actions\n\n- Rebuild onboarding for self-serve (@ana, Q1 2027)\n- Redesign the company logo and website colours (@li, Q2 2027)\n',
      good: '# Payments strategy\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n\n## Coherent actions\n\n- Rebuild onboarding for self-serve (@ana, Q1 2027)\n- Give each new mid-market account a named setup guide (@li, Q2 2027)\n',
    },
  },
  check({ doc, options, report }) {
    const stopWords = new Set(options.stopWords.map((word) => word.toLowerCase()));
    const reference = new Set<string>();
    const add = (text: string): void => {
      for (const stem of contentStems(text, stopWords)) reference.add(stem);
    };
    let kernel = 0;
    for (const role of ['diagnosis', 'guiding-policy', 'summary'] as const) {
      for (const section of roleSections(doc, role)) {
        if (role !== 'summary') kernel++;
        add(section.title);
        for (const block of roleBlocks(doc, section, role, true)) add(block.text);
      }
    }
    // Nothing to trace to: kernel/diagnosis-missing and kernel/guiding-policy-missing say so.
    if (kernel === 0) return;
    // The title ("Build the importer in-house"), the introduction under it, and sections that name
    // no role ("Context", "State of the business") are diagnosis in all but name.
    if (doc.titleText) add(doc.titleText);
    for (const block of doc.textBlocks) {
      if (block.kind === 'heading') continue;
      const section = doc.sectionAt(block.start);
      if (section === null || section === doc.titleSection || roleOwner(doc, section) === null) add(block.text);
    }
    if (reference.size < options.minReferenceWords) return;
    for (const item of doc.actionItems) {
      if (item.checked === true || hasTemplateToken(item.text)) continue;
      // Group headings between the action and its section count: "### Onboarding" above "- Cut setup to a day".
      const groups: string[] = [];
      const owner = roleOwner(doc, item.section);
      for (let s = item.section; s && s !== owner; s = s.parent) groups.push(s.title);
      const stems = contentStems(withoutPlaceholders([itemTextWithSubItems(item), ...groups].join(' '), DEFAULT_PLACEHOLDERS).text, stopWords);
      if (stems.size < options.minActionWords) continue;
      if ([...stems].some((stem) => reference.has(stem))) continue;
      report({
        message: 'Nothing in the diagnosis, policy or context mentions what this action is about: say which part of the challenge it addresses, or cut it.',
        start: item.start,
        end: item.end,
      });
    }
  },
});
