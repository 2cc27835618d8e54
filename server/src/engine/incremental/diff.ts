/**
 * Where two versions of a text differ: the common prefix and suffix. An edit (or a burst of
 * edits) changes `before[prefix, before.length - suffix)` into `after[prefix, after.length - suffix)`;
 * everything outside that range is the same text, moved by `delta` after it.
 */
export interface TextDiff {
  prefix: number;
  suffix: number;
  /** after.length - before.length: how far text after the change moved. */
  delta: number;
}

/** Characters compared at once (natively) before the exact place of a difference is looked for. */
const BLOCK = 256;

/** The last diff computed: the parser and the sentence layer of a session ask for the same one. */
let last: { before: string; after: string; diff: TextDiff } | null = null;

export function textDiff(before: string, after: string): TextDiff {
  if (last && last.before === before && last.after === after) return last.diff;
  const diff = computeDiff(before, after);
  last = { before, after, diff };
  return diff;
}

function computeDiff(before: string, after: string): TextDiff {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + BLOCK <= max && before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const limit = max - prefix;
  let suffix = 0;
  while (suffix + BLOCK <= limit
    && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < limit && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix, delta: after.length - before.length };
}

/**
 * The offset in the earlier text of a range [start, end) of the later one that lies in the
 * unchanged text (so it holds the same characters), or -1 when it touches the changed part.
 */
export function unchangedOrigin(diff: TextDiff, afterLength: number, start: number, end: number): number {
  if (end <= diff.prefix) return start;
  if (start >= afterLength - diff.suffix) return start - diff.delta;
  return -1;
}
