/**
 * Point and range queries over many ranges of the text (items, entries), in logarithmic time:
 * rules ask them for every block of a document that can hold thousands of items, and a scan per
 * block made those rules quadratic.
 */
export interface Range {
  start: number;
  end: number;
}

export class RangeSet {
  private readonly starts: number[];
  /** The largest end among the ranges up to each index (by start): ranges can nest or overlap. */
  private readonly maxEnds: number[];

  constructor(ranges: Iterable<Range>) {
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((range) => range.start);
    this.maxEnds = [];
    let maxEnd = -Infinity;
    for (const range of sorted) this.maxEnds.push(maxEnd = Math.max(maxEnd, range.end));
  }

  /** Whether a range holds the offset: start ≤ offset < end (≤ end with `inclusiveEnd`). */
  covers(offset: number, { inclusiveEnd = false } = {}): boolean {
    const last = this.lastStartingAtOrBefore(offset);
    if (last < 0) return false;
    return inclusiveEnd ? this.maxEnds[last] >= offset : this.maxEnds[last] > offset;
  }

  /** Whether a range starts in [from, to). */
  startsWithin(from: number, to: number): boolean {
    // The first range starting at or after `from`: one past the last starting before it.
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] < from) low = mid + 1;
      else high = mid;
    }
    return low < this.starts.length && this.starts[low] < to;
  }

  /** Index of the last range whose start is ≤ offset, or -1. */
  private lastStartingAtOrBefore(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    let last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] <= offset) {
        last = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return last;
  }
}
