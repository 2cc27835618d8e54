/** What the status bar and "Lint all documents" show of a linted document. */
import { DOC_TYPE_LABELS } from '../engine/vocabulary.js';
import { isItemHint, type LintResult, type Finding } from '../engine/index.js';
import type { StatusParams } from './protocol.js';

/** Findings counted in the status bar and "Lint all documents": item hints belong to their summary, which is counted. */
export function problemCount(result: Pick<LintResult, 'findings'>): number {
  return result.findings.filter((finding) => !isItemHint(finding)).length;
}

/** What the status bar shows of a linted document: its type, why, and a type it may be instead; `workspace`: its trace/* findings. */
export function statusOf(uri: string, result: LintResult, workspace: readonly Finding[] = []): StatusParams {
  const decision = result.document.typeDecision;
  const suggestion = decision.suggestion;
  return {
    uri,
    docType: result.docType,
    label: DOC_TYPE_LABELS[result.docType],
    findings: problemCount(result) + problemCount({ findings: [...workspace] }),
    enabled: true,
    typeReason: decision.reason,
    typeDeclared: decision.source === 'front-matter' || decision.source === 'config' || decision.source === 'forced',
    ...(suggestion ? { suggestion: { docType: suggestion.type, label: DOC_TYPE_LABELS[suggestion.type], reason: suggestion.reason } } : {}),
  };
}
