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

export function textDiff(before: string, after: string): TextDiff {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const limit = max - prefix;
  let i = before.length - 1;
  let j = after.length - 1;
  while (suffix < limit && before.charCodeAt(i) === after.charCodeAt(j)) {
    suffix++;
    i--;
    j--;
  }
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
