import { defineRule } from '../../types.js';
import { GOVERNING_SIGNALS, openingOf, openingStatesAnswer, readingOrder } from './shared.js';

export default defineRule({
  meta: {
    id: 'pyramid/answer-first',
    family: 'pyramid',
    description: 'The opening (title, first ~120 words, or a summary at the top) states no governing thought: no recommendation, decision, ask or status.',
    defaultSeverity: 'warning',
    types: ['strategy', 'decision', 'update'],
    documentLevel: true,
    fixable: false,
    options: {
      openingWords: {
        type: 'number',
        default: 120,
        minimum: 20,
        description: 'How many words, after the title, count as the opening. A summary section that starts within them is read in full.',
      },
      minWords: {
        type: 'number',
        default: 100,
        minimum: 0,
        description: 'Documents shorter than this many words are all opening; they are not checked.',
      },
      signals: {
        type: 'string[]',
        default: GOVERNING_SIGNALS,
        description: 'Phrases that state a governing thought ("we recommend", "we will", "decision", "the ask", "on track"…). Labelled lines such as "Decision:" or "Status:" always count.',
      },
    },
    rationale:
      'Minto\'s pyramid principle: lead with the answer, then support it. Executives read the first paragraph and decide whether to read on; a memo that opens with background makes them hunt for the point, and many never find it. The governing thought is a recommendation, a decision, an ask or — in an update — the status.',
    howToFix:
      'Open with the answer in one or two sentences: what you recommend or decided, or what you need from the reader ("We will stop selling to enterprise in 2027 and put the team on mid-market self-serve. We need approval for…"). Move the background after it.',
    seeds: [
      { source: '002', quote: 'The Minto Pyramid (framework) helps—lead with the answer, then support it' },
    ],
    examples: {
      bad: '# Platform strategy 2027\n\nOver the last three years the platform group grew from four to forty engineers. Teams adopted different CI systems, different deploy tools and different on-call practices, often for good local reasons. This document looks at how that happened, what it costs, and what other companies of our size have done about it. It draws on interviews with twelve team leads and on six months of incident data.\n\n## Diagnosis\n\nDuplicated tooling costs us two engineers a quarter, and incidents take twice as long to resolve when they cross team boundaries. New hires take five weeks to ship their first change because every team works differently.\n',
      good: '# Platform strategy 2027\n\nWe will consolidate on one CI system and one deploy tool by Q3 2027, and the platform team will own both. We need two engineers from product teams for six months.\n\n## Diagnosis\n\nOver the last three years the platform group grew from four to forty engineers. Teams adopted different CI systems, different deploy tools and different on-call practices, often for good local reasons. Duplicated tooling now costs us two engineers a quarter, and incidents take twice as long to resolve when they cross team boundaries.\n',
    },
  },
  check({ doc, options, reportDocument }) {
    if (readingOrder(doc).total < options.minWords) return;
    const opening = openingOf(doc, options.openingWords);
    if (openingStatesAnswer(doc, opening, options.signals)) return;
    const where = opening.summary ? `the "${opening.summary.title}" section and the first ${options.openingWords} words` : `the first ${options.openingWords} words`;
    const lead = doc.type === 'update'
      ? 'lead with the headline — status, what changed, and what you need ("We are two weeks behind on checkout; we need a decision on scope by Friday")'
      : 'lead with your recommendation, decision or ask ("We recommend…", "We will…", "We need…")';
    reportDocument(`The opening states no answer: ${where} give background only. Readers decide in the first paragraph whether to read on, so ${lead}, then support it.`);
  },
});
