/** The review's top fixes: the findings that matter most, grouped by rule, in the order a reviewer would raise them. */
import { rulesById, ruleDocUrl } from '../engine/rules/index.js';
import { type Finding, type Severity } from '../engine/types.js';
import type { TopFix } from './review-types.js';
import { FAMILY_RANK, familyOf } from './shared.js';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

export function buildTopFixes(findings: readonly Finding[], max: number): { topFixes: TopFix[]; moreFindings: number } {
  const scored = findings.filter((f) => familyOf(f.ruleId) !== null);
  const compare = (a: Finding, b: Finding): number =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
    || FAMILY_RANK[familyOf(a.ruleId)!] - FAMILY_RANK[familyOf(b.ruleId)!]
    || Number(b.documentLevel) - Number(a.documentLevel)
    || a.start - b.start;
  const sorted = [...scored].sort(compare);
  // One entry per rule: its most important finding stands for the others ("also lines …").
  const seen = new Map<string, TopFix>();
  const otherLines = new Map<string, Set<number>>();
  const itemLines = new Map<string, Set<number>>();
  const entries: TopFix[] = [];
  for (const finding of sorted) {
    const items = itemLines.get(finding.ruleId) ?? new Set<number>();
    for (const place of finding.related ?? []) items.add(place.line);
    itemLines.set(finding.ruleId, items);
    const existing = seen.get(finding.ruleId);
    if (existing) {
      existing.occurrences++;
      const lines = otherLines.get(finding.ruleId)!;
      if (finding.line !== existing.line) lines.add(finding.line);
      continue;
    }
    const meta = rulesById.get(finding.ruleId)?.meta;
    const entry: TopFix = {
      rank: 0,
      ruleId: finding.ruleId,
      family: familyOf(finding.ruleId),
      severity: finding.severity,
      line: finding.line,
      column: finding.column,
      message: finding.message,
      documentLevel: finding.documentLevel,
      quickFix: finding.fix ? { title: finding.fix.title, preferred: finding.fix.preferred === true } : null,
      occurrences: 1,
      otherLines: [],
      otherLineCount: 0,
      itemLines: [],
      itemLineCount: 0,
      howToFix: meta?.howToFix ?? null,
      docUrl: ruleDocUrl(finding.ruleId),
    };
    seen.set(finding.ruleId, entry);
    otherLines.set(finding.ruleId, new Set());
    entries.push(entry);
  }
  // Within a severity and family, structural findings first, then the most pervasive issue.
  entries.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
    || FAMILY_RANK[a.family!] - FAMILY_RANK[b.family!]
    || Number(b.documentLevel) - Number(a.documentLevel)
    || b.occurrences - a.occurrences
    || a.line - b.line);
  const topFixes = entries.slice(0, max);
  topFixes.forEach((fix, i) => {
    fix.rank = i + 1;
    const lines = [...otherLines.get(fix.ruleId)!].sort((a, b) => a - b);
    fix.otherLines = lines.slice(0, 50);
    fix.otherLineCount = lines.length;
    // Places not named already (a fluff-density summary's buzzwords are its rule's other findings).
    const items = [...itemLines.get(fix.ruleId)!].filter((line) => line !== fix.line && !otherLines.get(fix.ruleId)!.has(line)).sort((a, b) => a - b);
    fix.itemLines = items.slice(0, 50);
    fix.itemLineCount = items.length;
  });
  const covered = topFixes.reduce((sum, fix) => sum + fix.occurrences, 0);
  return { topFixes, moreFindings: scored.length - covered };
}
