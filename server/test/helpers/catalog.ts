/**
 * Rule ids of the catalog (shared/RULES.md): read from the spec when it is present, else this copy.
 * The tables list the rules of one document; the trace/* rules (over several documents) are
 * listed in the spec's trace/* section as bullets ("- `trace/orphan-item` (I): …").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sharedDir } from './paths.js';

const PINNED = [
  'kernel/diagnosis-missing', 'kernel/guiding-policy-missing', 'kernel/coherent-actions-missing', 'kernel/order',
  'kernel/empty-section', 'kernel/policy-without-tradeoff', 'kernel/action-untraced', 'kernel/action-no-owner',
  'bad-strategy/fluff', 'bad-strategy/goals-as-strategy', 'bad-strategy/unfaced-challenge', 'bad-strategy/too-many-priorities',
  'outcomes/output-as-outcome', 'outcomes/unmeasurable', 'outcomes/no-baseline', 'outcomes/no-timeframe',
  'outcomes/vanity-metric', 'outcomes/too-many-key-results', 'outcomes/objective-is-task', 'outcomes/lagging-only',
  'pyramid/answer-first', 'pyramid/missing-summary', 'pyramid/buried-conclusion', 'pyramid/too-many-siblings', 'pyramid/single-child',
  'roadmap/beyond-horizon', 'roadmap/long-range-not-tentative', 'roadmap/no-customer-problem', 'roadmap/no-outcome',
  'roadmap/stale', 'roadmap/no-strategy-link',
  'release-notes/no-customer-value', 'release-notes/internal-jargon', 'release-notes/we-centric', 'release-notes/missing-version-or-date',
  'decision/options-missing', 'decision/no-risks', 'decision/no-owner', 'decision/reversibility', 'update/no-ask', 'update/no-lowlights',
  'prose/hedge', 'prose/passive', 'prose/long-sentence', 'prose/readability', 'prose/vague-time', 'prose/undefined-acronym', 'prose/placeholder',
  'trace/orphan-item', 'trace/unplanned-action', 'trace/contradicts-policy', 'trace/stale-after-strategy', 'trace/broken-link',
];

function fromSpec(): string[] | null {
  const file = path.join(sharedDir, 'RULES.md');
  if (!fs.existsSync(file)) return null;
  const spec = fs.readFileSync(file, 'utf8');
  const ids = [...spec.matchAll(/^\|\s*([a-z-]+\/[a-z-]+)\s*\|/gm)].map((m) => m[1]);
  const trace = [...spec.matchAll(/^[-*]\s+`(trace\/[a-z-]+)`/gm)].map((m) => m[1]);
  return [...new Set([...ids, ...trace])];
}

export const CATALOG_RULE_IDS: readonly string[] = fromSpec() ?? PINNED;
