/**
 * What a rule's metadata promises about its findings, checked as it reports (as ESLint refuses a
 * fix from a rule that does not declare `meta.fixable`). The generated rule pages, the editor's
 * quick fixes and the review's scoring all read the metadata, so a rule that reports outside it
 * would make them wrong: the report is refused and the rule is skipped with an internal error.
 */
import type { Fix, RuleMeta } from './types.js';

class RuleContractError extends Error {
  constructor(ruleId: string, breach: string) {
    super(`${ruleId} broke its contract: ${breach}`);
    this.name = 'RuleContractError';
  }
}

/** Why this report breaks the rule's declared metadata, or null when it keeps to it. */
export function contractBreach(meta: Pick<RuleMeta, 'documentLevel' | 'summarises' | 'fixable'>, documentLevel: boolean, fix: Fix | undefined): string | null {
  if (fix !== undefined && !meta.fixable) return 'a fix from a rule not marked fixable';
  if (documentLevel && !meta.documentLevel && !meta.summarises) return 'a whole-document finding from a rule that flags text and declares no summary (documentLevel: false, summarises not set)';
  if (!documentLevel && meta.documentLevel) return 'a finding on a range from a rule that judges the whole document (documentLevel: true)';
  return null;
}

/** Throws RuleContractError when the report breaks the contract. */
export function checkContract(meta: RuleMeta, documentLevel: boolean, fix: Fix | undefined): void {
  const breach = contractBreach(meta, documentLevel, fix);
  if (breach !== null) throw new RuleContractError(meta.id, breach);
}
