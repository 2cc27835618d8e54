import { defineRule } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import { DEFAULT_PLACEHOLDERS, DIAGNOSIS_NAMES, diagnosisBlocks, proseWords, quoteTitle } from '../../text/kernel.js';

export default defineRule({
  meta: {
    id: 'bad-strategy/unfaced-challenge',
    family: 'bad-strategy',
    description: 'A diagnosis that names no obstacle: upbeat description instead of the challenge.',
    defaultSeverity: 'warning',
    types: ['strategy', 'okr', 'roadmap', 'decision', 'update'],
    documentLevel: true,
    fixable: false,
    options: {
      problemWords: {
        type: 'string[]',
        default: [
          'problem', 'obstacle', 'challenge', 'constraint', 'risk', 'threat', 'churn', 'decline', 'drop', 'dropped', 'dropping',
          'fall', 'fell', 'falling', 'shrink', 'shrank', 'erode', 'bottleneck', 'blocker', 'block', 'fail', 'failure', 'lose',
          'lost', 'loss', 'slow', 'slower', 'cost', 'costly', 'expensive', 'struggle', 'hard', 'harder', 'difficult', 'pain',
          'painful', 'friction', 'gap', 'pressure', 'behind', 'lag', 'miss', 'stuck', 'stall', 'plateau', 'weak', 'weakness',
          'complain', 'complaint', 'delay', 'debt', 'limit', 'lack', 'unable', 'cannot', "can't", "don't", "doesn't", "didn't",
          "isn't", "aren't", "wasn't", "weren't", "won't", "haven't", "hasn't", 'not', 'no', 'never', 'without', 'only', 'but',
          'however', 'although', 'though', 'despite', 'worse', 'worst', 'poor', 'broken', 'bug', 'error', 'outage', 'incident',
          'manual', 'abandon', 'leave', 'leaving', 'left', 'competitor', 'competition', 'undercut', 'commoditize', 'crowded',
          'concern', 'issue', 'trouble', 'fewer', 'less', 'too', 'unclear', 'confusing', 'confused', 'frustrate', 'burden',
          'waste', 'inefficient', 'fragmented', 'tension', 'trade-off', 'dependency', 'unsustainable', 'vulnerable', 'overdue',
          'backlog', 'headwind', 'down', 'negative', 'deficit', 'burn', 'runway', 'shortage', 'scarce', 'missing', 'take', 'took',
          'require', 'need', 'spend', 'spent', 'wait', 'depend', 'rely', 'stop', 'bounce', 'cancel', 'downgrade', 'break', 'conflict',
        ],
        description: 'Words that show a diagnosis names a difficulty (matched with inflections); one is enough to keep the rule quiet.',
      },
      upbeatIdioms: {
        type: 'string[]',
        default: ['never been more', 'never been better', 'never looked better', 'no better time', 'not only', 'no doubt', 'no shortage of', 'nothing but', 'only going to grow', 'no limit', 'no ceiling', 'cannot wait', "can't wait", 'second to none', 'no one else'],
        description: 'Upbeat idioms that contain a problem word but name no difficulty ("the team has never been more energised"); they are ignored before looking for problem words.',
      },
      minWords: {
        type: 'number',
        default: 12,
        minimum: 1,
        description: 'Skip diagnoses shorter than this many words (kernel/empty-section reports near-empty ones).',
      },
    },
    rationale:
      'Failure to face the challenge is one of Rumelt\'s hallmarks of bad strategy: if you cannot name the obstacle, you cannot choose a policy to overcome it. A diagnosis that only describes the market, the team\'s history or its strengths reads well and decides nothing. Good updates and memos are transparent about challenges.',
    howToFix:
      'Say what makes the situation hard: which customers hurt and why, what blocks you, what it costs, and the evidence ("Mid-market merchants churn in their first 90 days because onboarding takes three weeks").',
    seeds: [
      { source: '004', quote: 'fluff, failure to face the challenge, mistaking goals for strategy, and bad strategic objectives' },
      { source: '004', quote: 'Be transparent about challenges, fostering an environment of trust and collaboration.' },
    ],
    examples: {
      bad: '# Payments strategy\n\n## Diagnosis\n\nThe payments market is large and growing fast. Our platform is loved by merchants, and our team has grown to 80 people across three offices.\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n',
      good: '# Payments strategy\n\n## Diagnosis\n\nThe payments market is large and growing, but mid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n',
    },
  },
  check({ doc, options, reportDocument }) {
    // The diagnosis under its own name or another ("Context", "Motivation", "Where we are now").
    const { sections: diagnoses, blocks } = diagnosisBlocks(doc, DIAGNOSIS_NAMES);
    if (diagnoses.length === 0) return;
    const matcher = phraseMatcher(options.problemWords);
    const idioms = phraseMatcher(options.upbeatIdioms, { inflect: false });
    // "never been more energised" is praise, not a problem: blank such idioms first.
    const namesProblem = (text: string): boolean => {
      let plain = text;
      for (const idiom of idioms.matchAll(text)) plain = plain.slice(0, idiom.index) + ' '.repeat(idiom.length) + plain.slice(idiom.index + idiom.length);
      return matcher.test(plain);
    };
    // The heading counts: "The challenge: onboarding takes three weeks".
    const titleNamesIt = diagnoses.some((section) => namesProblem(section.title.replace(/^\W*(?:the\s+)?challenges?\b/i, '')));
    if (titleNamesIt || blocks.some((block) => namesProblem(block.text))) return;
    if (proseWords(blocks, DEFAULT_PLACEHOLDERS).words < options.minWords) return;
    reportDocument(`The diagnosis (${quoteTitle(diagnoses[0])}) names no obstacle: it describes the situation but not what makes it hard. Say which customers hurt, what blocks you, and what it costs.`);
  },
});
