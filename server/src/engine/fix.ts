/** Applying fixes: non-overlapping edits, right to left, so offsets stay valid. */
import type { Finding, TextEdit } from './types.js';

interface AppliedFixes {
  text: string;
  /** Findings whose fix was applied. */
  applied: Finding[];
}

/**
 * Apply the fixes of `findings` (only preferred ones when `preferredOnly`). A fix whose edits
 * overlap an earlier fix is left for the next pass, as ESLint does.
 */
export function applyFixes(text: string, findings: readonly Finding[], preferredOnly = false): AppliedFixes {
  const candidates = findings
    .filter((finding) => finding.fix && finding.fix.edits.length > 0 && (!preferredOnly || finding.fix.preferred))
    .sort((a, b) => firstEditStart(a) - firstEditStart(b));
  const taken: TextEdit[] = [];
  const applied: Finding[] = [];
  for (const finding of candidates) {
    const edits = finding.fix!.edits;
    const overlaps = edits.some((edit) => taken.some((other) => rangesTouch(edit, other)));
    if (overlaps) continue;
    taken.push(...edits);
    applied.push(finding);
  }
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of taken) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return { text: result, applied };
}

function firstEditStart(finding: Finding): number {
  return Math.min(...finding.fix!.edits.map((edit) => edit.start));
}

/** Overlap, or two insertions at the same point (their order would be ambiguous). */
function rangesTouch(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
