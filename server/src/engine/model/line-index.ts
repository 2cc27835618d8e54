/**
 * Maps source offsets to line/column and back. Line ends are \n, \r\n and a lone \r, as in
 * LSP and in micromark, so positions agree with every front end (CRLF and CR-only files too).
 */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 /* \n */) starts.push(i + 1);
      else if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line and UTF-16 character of an offset (clamped into the text). */
  positionAt(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  /** Offset of a 0-based line/character (clamped to the line's content). */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line];
    return Math.min(start + Math.max(0, character), this.lineEnd(line));
  }

  /** Offset just before the line break of a 0-based line. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** [start, end) cut at the end of start's line: where a finding about a multi-line item goes. */
  firstLine(start: number, end: number): { start: number; end: number } {
    return { start, end: Math.max(start, Math.min(end, this.lineEnd(this.positionAt(start).line))) };
  }

  /** The line break used by the document (first one found), for inserted text. */
  get eol(): string {
    const match = /\r\n|\r|\n/.exec(this.text);
    return match ? match[0] : '\n';
  }
}
