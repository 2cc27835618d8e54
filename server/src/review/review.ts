/**
 * "Review my strategy": one JSON-serialisable summary of a lint result, shared by the VS Code
 * webview, the CLI's `review` command and "Export to Markdown". It reads the document model
 * (sections, objectives, key results) and the findings; it never re-runs rules.
 */
import { DOC_TYPE_LABELS, DOC_TYPE_PHRASES, KERNEL_ROLES } from '../engine/vocabulary.js';
import type { LintResult } from '../engine/lint.js';
import { isItemHint, type Finding } from '../engine/types.js';
import { overallScore, SCORE_AREAS, SCORING_FORMULA, scoreArea } from './scoring.js';
import { familyOf, joinList, plural } from './shared.js';
import { buildKernelMap } from './kernel-map.js';
import { buildKeyResults, summarizeKeyResults } from './key-result-table.js';
import { buildTopFixes } from './top-fixes.js';
import { REVIEW_VERSION, type Review, type ReviewOptions, type SeverityCounts } from './review-types.js';

export type { AreaScore, OverallScore } from './scoring.js';
export type { KeyResultKind, KeyResultVerdict, DateSource } from '../engine/model/key-results.js';
export type { CarriedOutBy, CarriedOutEntry, CarriedOutItem } from './carried-out-by.js';
export type * from './review-types.js';
export { REVIEW_VERSION } from './review-types.js';

const DEFAULT_MAX_TOP_FIXES = 7;

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

// ─── Headline ───────────────────────────────────────────────────────────────

function buildHeadline(review: Pick<Review, 'docType' | 'docTypeLabel' | 'kernel' | 'scores' | 'overall' | 'keyResultSummary' | 'counts'>, findings: readonly Finding[]): string {
  const sentences: string[] = [];
  if (review.kernel.kernelApplies) {
    const kernel = review.kernel.sections.filter((s) => KERNEL_ROLES.includes(s.role));
    const missing = kernel.filter((s) => s.status === 'missing').map((s) => s.label.toLowerCase());
    const empty = kernel.filter((s) => s.status === 'empty').map((s) => s.label.toLowerCase());
    if (missing.length === 0 && empty.length === 0) {
      sentences.push(review.kernel.inOrder === false ? 'The kernel is all there, but out of order.' : 'The kernel is complete.');
    } else {
      const parts = [missing.length ? `has no ${joinList(missing)}` : '', empty.length ? `has an empty ${joinList(empty)}` : ''].filter(Boolean);
      sentences.push(`The kernel ${parts.join(' and ')}.`);
    }
  }
  const longSummary = review.kernel.sections.find((s) => s.role === 'summary' && s.note !== null);
  if (longSummary) sentences.push(`The summary runs ${longSummary.words.toLocaleString('en-US')} words: cut it to the answer, the why and the ask.`);
  const weak = review.scores.filter((s) => s.applicable && s.score !== null && s.score < 80).sort((a, b) => a.score! - b.score!);
  if (weak.length > 0) {
    const worst = weak[0];
    let detail = '';
    const kr = review.keyResultSummary;
    const notOutcomes = kr ? kr.total - kr.outcomes : 0;
    if (worst.id === 'outcomes' && kr && notOutcomes > 0) {
      detail = `: ${notOutcomes} of ${kr.total} key results ${notOutcomes === 1 ? 'is' : 'are'} not a measurable outcome with a target`;
    } else {
      const area = SCORE_AREAS.find((a) => a.id === worst.id)!;
      const byRule = new Map<string, number>();
      for (const f of findings) if (area.families.includes(familyOf(f.ruleId)!)) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
      const [ruleId, n] = [...byRule].sort((a, b) => b[1] - a[1])[0] ?? [];
      if (ruleId) detail = byRule.size === 1 ? `, all from ${ruleId} (${plural(n!, 'finding')})` : `, mostly ${ruleId} (${plural(n!, 'finding')})`;
    }
    sentences.push(`Weakest area: ${worst.label} (${worst.score})${detail}.`);
  } else if (review.counts.total === 0) {
    sentences.push(`No findings: this reads like ${DOC_TYPE_PHRASES[review.docType]} should.`);
  } else if (review.overall.score !== null) {
    sentences.push('Every area scores 80 or more; the fixes below are polish.');
  }
  return sentences.join(' ');
}

// ─── Entry point ────────────────────────────────────────────────────────────

export function buildReview(result: LintResult, options: ReviewOptions = {}): Review {
  const doc = result.document;
  // Item hints mark the places a summary stands for: the summary is the problem, counted and
  // scored once; its places are listed with it (TopFix.itemLines), not as problems of their own.
  const findings = result.findings.filter((finding) => !isItemHint(finding));
  const file = options.fileName ?? doc.filePath ?? null;
  const title = doc.titleText?.trim() || (file ? baseName(file) : 'Untitled document');

  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0, total: 0 };
  for (const finding of findings) {
    counts[finding.severity]++;
    counts.total++;
  }

  const kernel = buildKernelMap(doc, findings);
  const notRun = result.skippedForLanguage?.length ? new Set(result.skippedForLanguage) : undefined;
  const scores = SCORE_AREAS.map((area) => scoreArea(area, findings, result.docType, doc.wordCount, notRun));
  const overall = overallScore(scores);
  const { objectives, keyResults } = buildKeyResults(result);
  const keyResultSummary = summarizeKeyResults(keyResults, objectives);
  const { topFixes, moreFindings } = buildTopFixes(findings, options.maxTopFixes ?? DEFAULT_MAX_TOP_FIXES);

  const notes = [
    ...findings.filter((f) => familyOf(f.ruleId) === null).map((f) => f.message),
    ...result.problems.map((p) => `${p.key}: ${p.message}`),
  ];

  const partial = {
    docType: result.docType, docTypeLabel: DOC_TYPE_LABELS[result.docType], kernel, scores, overall, keyResultSummary, counts,
  };
  return {
    version: REVIEW_VERSION,
    title,
    file,
    docType: result.docType,
    docTypeLabel: DOC_TYPE_LABELS[result.docType],
    typeSource: doc.typeDecision.source,
    typeReason: doc.typeDecision.reason,
    wordCount: doc.wordCount,
    headline: buildHeadline(partial, findings),
    kernel,
    scores,
    overall,
    scoringFormula: SCORING_FORMULA,
    objectives,
    keyResults,
    keyResultSummary,
    topFixes,
    moreFindings,
    counts,
    notes,
    ...(options.carriedOutBy !== undefined ? { carriedOutBy: options.carriedOutBy } : {}),
  };
}
