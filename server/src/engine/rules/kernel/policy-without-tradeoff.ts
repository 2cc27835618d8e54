import { defineRule } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import { DEFAULT_PLACEHOLDERS, proseWords, roleBlocks, roleSections } from '../../text/kernel.js';

export default defineRule({
  meta: {
    id: 'kernel/policy-without-tradeoff',
    family: 'kernel',
    description: 'A guiding policy that never says what it rules out.',
    defaultSeverity: 'information',
    types: ['strategy', 'decision'],
    documentLevel: false,
    fixable: false,
    options: {
      markers: {
        type: 'string[]',
        default: [
          'not', 'never', 'no longer', 'instead of', 'rather than', 'in place of', 'at the expense of', 'stop', 'drop',
          'only', 'exclusively', 'trade-off', 'tradeoff', 'trade off', 'give up', 'say no', 'deprioritize', 'deprioritise',
          'exclude', 'ignore', 'defer', 'postpone', 'pause', 'sunset', 'walk away', 'forgo', 'forego', 'sacrifice', 'without',
          'in favour of', 'in favor of', 'versus', 'vs', 'cannot', "can't", "won't", "don't",
          "doesn't", "isn't", "aren't", "shouldn't", "wouldn't",
        ],
        description: 'Words and phrases that show a policy rules something out; any one of them in the policy (or the summary) is enough.',
      },
      minWords: {
        type: 'number',
        default: 6,
        minimum: 1,
        description: 'Skip policies shorter than this many words (kernel/empty-section reports those).',
      },
    },
    rationale:
      'Strategy is choice: where to play and where not to play. A policy that rules nothing out ("we will grow enterprise and mid-market, in every region, on every platform") does not guide anyone, because every project can claim to follow it. Saying what you will not do is what makes the policy bite.',
    howToFix:
      'Add what the policy rules out: "mid-market first, not enterprise", "self-serve instead of sales-led", or a "Non-goals" section listing tempting paths you refuse.',
    seeds: [
      { source: '004', quote: 'strategy, at its core, is about choice—specifically, where to play and where not to play' },
      { source: '002', quote: 'who we are building for, what problems we solve end‑to‑end, and what we intentionally ignore' },
    ],
    examples: {
      bad: '# Payments strategy\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will make onboarding self-serve for every merchant segment and grow in all regions.\n',
      good: '# Payments strategy\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will make onboarding self-serve for mid-market merchants, and we will not chase enterprise deals this year.\n',
    },
  },
  check({ doc, options, report }) {
    const policies = roleSections(doc, 'guiding-policy');
    if (policies.length === 0 || doc.sectionsWithRole('non-goals').length > 0) return;
    const matcher = phraseMatcher(options.markers);
    const blocks = policies.flatMap((section) => roleBlocks(doc, section, 'guiding-policy'));
    if (proseWords(blocks, DEFAULT_PLACEHOLDERS).words < options.minWords) return;
    if (blocks.some((block) => matcher.test(block.text))) return;
    // A trade-off stated up front in the summary counts too.
    const summary = doc.sectionsWithRole('summary').flatMap((section) => roleBlocks(doc, section, 'summary'));
    if (summary.some((block) => matcher.test(block.text))) return;
    const first = policies[0];
    report({
      message: 'The guiding policy never says what it rules out: name the segment, market or path you will not pursue ("…, not …", "instead of …"), or add a "Non-goals" section.',
      start: first.titleStart,
      end: first.titleEnd,
    });
  },
});
