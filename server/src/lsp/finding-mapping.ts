/** Findings of an earlier version of a document, placed on the current text until its lint is done. */
import type { Finding } from '../engine/index.js';
import { textDiff } from '../engine/incremental/diff.js';

/**
 * Findings of an earlier text placed on the current one: those before the first changed
 * character keep their offsets, those after the last one move with the text, and those that
 * touch the changed part are dropped. A summary's related places move the same way (a place in
 * the changed part is dropped from it).
 */
export function mapFindings(before: string, after: string, findings: readonly Finding[]): Finding[] {
  if (before === after) return [...findings];
  const { prefix, suffix, delta } = textDiff(before, after);
  const changedEnd = before.length - suffix;
  /** A range on the current text, or null when it touches the changed part. */
  const move = <T extends { start: number; end: number }>(range: T): T | null => {
    if (range.end < prefix || (range.end === prefix && range.start < prefix)) return range;
    if (range.start > changedEnd || (range.start === changedEnd && range.end > range.start)) return { ...range, start: range.start + delta, end: range.end + delta };
    return null;
  };
  const mapped: Finding[] = [];
  for (const finding of findings) {
    const range = move(finding);
    if (!range) continue;
    const moved = { ...range };
    if (moved.related) moved.related = moved.related.map(move).filter((place) => place !== null);
    if (moved.partOf) moved.partOf = move(moved.partOf) ?? moved.partOf;
    mapped.push(moved);
  }
  return mapped;
}
