import { defineRule, type RelatedItem } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import { readKeyResults } from '../../model/key-results.js';

export default defineRule({
  meta: {
    id: 'outcomes/lagging-only',
    family: 'outcomes',
    description: 'Every metric is a lagging result (revenue, ARR, churn, NRR, profit) and none is a leading indicator the team can steer by.',
    defaultSeverity: 'information',
    types: ['okr', 'strategy', 'roadmap', 'update'],
    documentLevel: true,
    fixable: false,
    options: {
      laggingMetrics: {
        type: 'string[]',
        default: ['revenue', 'ARR', 'MRR', 'bookings', 'churn', 'NRR', 'GRR', 'NDR', 'net revenue retention', 'net dollar retention', 'gross retention', 'logo retention', 'profit', 'profitability', 'margin', 'gross margin', 'EBITDA', 'LTV', 'renewal rate', 'renewals', 'market share', 'ACV', 'GMV'],
        description: 'Metrics that report results after the fact.',
      },
      leadingMetrics: {
        type: 'string[]',
        default: ['activation', 'adoption', 'feature adoption', 'time to value', 'time-to-value', 'time to first', 'usage', 'active users', 'active teams', 'active accounts', 'active members', 'active customers', 'DAU', 'WAU', 'MAU', 'engagement', 'conversion', 'trial', 'onboarding', 'setup time', 'NPS', 'CSAT', 'satisfaction', 'health score', 'pipeline', 'qualified leads', 'expansion readiness', 'frequency', 'completion', 'retention cohort', 'cycle time', 'lead time', 'deploy', 'deployment', 'failure rate', 'latency', 'uptime', 'incidents', 'tickets', 'response time', 'resolution time'],
        description: 'Indicators that move before results do, and that a team can act on this week.',
      },
      minLagging: {
        type: 'number',
        default: 2,
        minimum: 1,
        description: 'Report only when at least this many key results are lagging (one lagging metric alone is not a pattern).',
      },
    },
    rationale:
      'Revenue, ARR, churn and NRR tell you where you landed, months after the decisions that caused them. A key-result set made only of them gives the team nothing to steer by during the period and no early warning. Leading indicators — activation, time to value, adoption depth, usage — move first and show whether the lagging result is coming.',
    howToFix:
      'Pair each lagging result with the leading indicator you believe drives it: NRR with feature adoption depth, churn with first-week activation, revenue with trial-to-paid conversion. Keep the lagging metric; add the one you can move this quarter.',
    seeds: [
      { source: '001', quote: 'Our “QBRs vs OKRs” discussions anchor on NRR drivers: activation rates, time-to-value, feature adoption depth, and expansion readiness. Those leading indicators tell me where we’ll land on lagging revenue results.' },
    ],
    examples: {
      bad: '# Revenue OKRs\n\n## Objective 1: Mid-market becomes our growth engine\n\n- KR1: Grow mid-market ARR from $4M to $6M by Q4 2027\n- KR2: Cut mid-market logo churn from 9% to 6% by Q4 2027\n- KR3: Raise NRR from 97% to 105% by Q4 2027\n',
      good: '# Revenue OKRs\n\n## Objective 1: Mid-market becomes our growth engine\n\n- KR1: Grow mid-market ARR from $4M to $6M by Q4 2027\n- KR2: Cut mid-market logo churn from 9% to 6% by Q4 2027\n- KR3: Raise first-week activation of new mid-market accounts from 59% to 80% by Q2 2027\n',
    },
  },
  check({ doc, options, reportDocument }) {
    const lagging = phraseMatcher(options.laggingMetrics);
    const leading = phraseMatcher(options.leadingMetrics);
    let laggingCount = 0;
    // No item hints: no single key result is at fault, the missing leading indicator is.
    const places: RelatedItem[] = [];
    const names = new Set<string>();
    for (const reading of readKeyResults(doc)) {
      const text = reading.statement;
      if (leading.test(text)) return;
      const found = lagging.matchAll(text);
      if (found.length === 0) {
        // Another metric (neither list knows it) means we cannot say "all lagging"; a deliverable is no metric at all.
        if (reading.quantified) return;
        continue;
      }
      laggingCount++;
      for (const match of found) names.add(match.text.replace(/\s+/g, ' '));
      places.push({ start: reading.start, end: reading.end, message: `A lagging result (${found.map((match) => match.text.replace(/\s+/g, ' ')).join(', ')})` });
    }
    if (laggingCount < options.minLagging) return;
    const list = [...names].slice(0, 4).join(', ');
    reportDocument(`All ${laggingCount} key results are lagging results (${list}): add a leading indicator the team can move during the period, such as activation, time to value or adoption depth.`, undefined, places);
  },
});
