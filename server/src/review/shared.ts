/** Small readings the parts of the review share: where a finding is, its family, and list wording. */
import { type StrategyDocument } from '../engine/model/document.js';
import { type RuleFamily } from '../engine/types.js';

export const FAMILY_RANK: Readonly<Record<RuleFamily, number>> = {
  'kernel': 0, 'bad-strategy': 1, 'outcomes': 2, 'pyramid': 3, 'roadmap': 4, 'release-notes': 4, 'decision': 5, 'update': 5, 'prose': 6, 'trace': 4,
};

export function lineOf(doc: StrategyDocument, offset: number): number {
  return doc.lines.positionAt(offset).line + 1;
}

export function familyOf(ruleId: string): RuleFamily | null {
  const family = ruleId.split('/')[0];
  return family in FAMILY_RANK ? (family as RuleFamily) : null;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function joinList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
