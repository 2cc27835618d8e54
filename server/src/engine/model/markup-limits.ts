/**
 * Guards against Markdown that makes the parser pathological, applied to a copy of the text of
 * the SAME LENGTH before parsing, so every offset stays valid:
 *
 * - Nesting. micromark and the mdast tools recurse once per container level: 3,000 nested list
 *   items or 10,000 nested block quotes (one line of `- - - …` or `>>>>…`) overflow the stack,
 *   and each level costs time on every line. Every container level takes at least one column of
 *   a line's prefix, so a container marker (`>`, `-`, `+`, `*`, `1.`, `1)`) that starts at column
 *   NESTING_COLUMN_LIMIT or later is replaced by spaces: what it would open is read as plain
 *   (usually indented-code) text of the container it is in, and nesting stays below the limit.
 * - Delimiter runs. Resolving emphasis (`*`, `_`) and link ends (`]`) is quadratic in the number
 *   of delimiters within one paragraph: a paragraph holding 20,000 `a*b` takes ten seconds. In a
 *   paragraph (or heading, or list item's text) with more than DELIMITER_LIMIT of them, they are
 *   replaced by look-alikes that are not Markdown syntax (∗ ＿ ］): the paragraph is still read,
 *   only without its emphasis and links.
 *
 * Real documents come nowhere near either limit. When a limit applies, lint() says so with one
 * information finding (strategy-lint/parse-limited).
 */

/** Container markers starting at this column (tabs expanded to 4) or later are not parsed as structure. */
export const NESTING_COLUMN_LIMIT = 200;
/** Most emphasis delimiters (`*`, `_`), and separately most `]`, parsed in one paragraph. */
export const DELIMITER_LIMIT = 1000;

export interface MarkupLimits {
  /** The text to parse: `text` itself when no limit applied, else a copy of the same length. */
  text: string;
  /** Lines whose container markers beyond NESTING_COLUMN_LIMIT were blanked. */
  nestedLines: number;
  /** Paragraphs whose delimiters were replaced. */
  denseBlocks: number;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const GT = 62;
const STAR = 42;
const UNDERSCORE = 95;
const CLOSE_BRACKET = 93;
const PIPE = 124;
const BACKTICK = 96;
const TILDE = 126;

const isBlank = (code: number) => code === SPACE || code === TAB;

/** Length of the run of `char` at `from` (within the line). */
function fenceRun(text: string, from: number, lineEnd: number, char: number): number {
  let end = from;
  while (end < lineEnd && text.charCodeAt(end) === char) end++;
  return end - from;
}

function isBlankTo(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/** End of a front matter block (`---` … `---` for YAML, `+++` … `+++` for TOML, at the very start), or 0 when there is none. */
export function frontMatterEndOf(text: string): number {
  const open = /^\uFEFF*(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return 0;
  const close = open[1] === '---' ? /(?:^|\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/g : /(?:^|\r\n|\r|\n)\+\+\+[ \t]*(?:\r\n|\r|\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const found = close.exec(text);
  return found ? found.index + found[0].length : 0;
}
const isDigit = (code: number) => code >= 48 && code <= 57;

/** Replacements: [offset, character]. */
type Edits = Array<[number, string]>;

const LOOK_ALIKE: Record<number, string> = { [STAR]: '\u2217', [UNDERSCORE]: '\uFF3F', [CLOSE_BRACKET]: '\uFF3D' };

let memo: { input: string; result: MarkupLimits } | null = null;

/** The text with pathological nesting and delimiter runs neutralised (same length, same line ends). */
export function limitMarkup(text: string): MarkupLimits {
  if (memo && memo.input === text) return memo.result;
  const result = computeLimits(text);
  memo = { input: text, result };
  return result;
}

function computeLimits(text: string): MarkupLimits {
  const length = text.length;
  const edits: Edits = [];
  let nestedLines = 0;
  let denseBlocks = 0;
  // The paragraph being counted: its source range (its continuation lines' prefixes are only
  // blanks and `>`, never a delimiter) and its delimiter counts.
  let segmentStart = -1;
  let segmentEnd = -1;
  let emphasis = 0;
  let brackets = 0;
  const closeSegment = (): void => {
    if (emphasis > DELIMITER_LIMIT || brackets > DELIMITER_LIMIT) {
      denseBlocks++;
      for (let i = segmentStart; i < segmentEnd; i++) {
        const code = text.charCodeAt(i);
        if (((code === STAR || code === UNDERSCORE) && emphasis > DELIMITER_LIMIT) || (code === CLOSE_BRACKET && brackets > DELIMITER_LIMIT)) {
          edits.push([i, LOOK_ALIKE[code]]);
        }
      }
    }
    segmentStart = -1;
    emphasis = 0;
    brackets = 0;
  };

  // Front matter is YAML, not Markdown: left as it is. The inside of top-level fenced code (no
  // emphasis is parsed there) is not counted.
  const frontMatterEnd = frontMatterEndOf(text);
  let fence: { char: number; length: number } | null = null;

  // Next \n and \r at or after the current line (searched natively, each at most once per occurrence).
  let nextLf = -2;
  let nextCr = -2;
  let offset = 0;
  while (offset < length) {
    if (nextLf !== -1 && nextLf < offset) nextLf = text.indexOf('\n', offset);
    if (nextCr !== -1 && nextCr < offset) nextCr = text.indexOf('\r', offset);
    const lineEnd = Math.min(nextLf === -1 ? length : nextLf, nextCr === -1 ? length : nextCr);
    let next = lineEnd;
    if (next < length) next += text.charCodeAt(next) === CR && text.charCodeAt(next + 1) === LF ? 2 : 1;
    if (offset < frontMatterEnd) {
      offset = next;
      continue;
    }

    // The container prefix: blanks, block quote markers and list markers.
    let i = offset;
    let column = 0;
    let listMarker = false;
    let markers = 0;
    let limited = false;
    for (;;) {
      while (i < lineEnd && isBlank(text.charCodeAt(i))) {
        column = text.charCodeAt(i) === TAB ? column + 4 - (column % 4) : column + 1;
        i++;
      }
      if (i >= lineEnd) break;
      const code = text.charCodeAt(i);
      let markerEnd = -1;
      if (code === GT) markerEnd = i + 1;
      else if ((code === 45 || code === 43 || code === STAR) && (i + 1 === lineEnd || isBlank(text.charCodeAt(i + 1)))) markerEnd = i + 1;
      else if (isDigit(code)) {
        let k = i;
        while (k < lineEnd && k - i < 9 && isDigit(text.charCodeAt(k))) k++;
        const after = text.charCodeAt(k);
        if (k < lineEnd && (after === 46 || after === 41) && (k + 1 === lineEnd || isBlank(text.charCodeAt(k + 1)))) markerEnd = k + 1;
      }
      if (markerEnd < 0) break;
      if (code !== GT) listMarker = true;
      markers++;
      if (column >= NESTING_COLUMN_LIMIT) {
        for (let k = i; k < markerEnd; k++) edits.push([k, ' ']);
        limited = true;
      }
      column += markerEnd - i;
      i = markerEnd;
    }
    if (limited) nestedLines++;

    // Delimiters by paragraph: a blank line ends one; a list item, heading or table row starts one.
    const contentStart = i;
    const topLevel = markers === 0 && column <= 3;
    if (fence) {
      if (topLevel && fenceRun(text, contentStart, lineEnd, fence.char) >= fence.length && isBlankTo(text, contentStart + fenceRun(text, contentStart, lineEnd, fence.char), lineEnd)) fence = null;
      offset = next;
      continue;
    }
    const opening = topLevel ? text.charCodeAt(contentStart) : 0;
    if ((opening === BACKTICK || opening === TILDE) && fenceRun(text, contentStart, lineEnd, opening) >= 3) {
      const run = fenceRun(text, contentStart, lineEnd, opening);
      // A backtick fence's info string has no backtick (else the line is a code span).
      if (opening === TILDE || text.indexOf('`', contentStart + run) < 0 || text.indexOf('`', contentStart + run) >= lineEnd) {
        closeSegment();
        fence = { char: opening, length: run };
        offset = next;
        continue;
      }
    }
    if (contentStart >= lineEnd) {
      closeSegment();
    } else {
      const heading = text.charCodeAt(contentStart) === 35; // #
      let lineEmphasis = 0;
      let lineBrackets = 0;
      let tableRow = false;
      for (let k = contentStart; k < lineEnd; k++) {
        const code = text.charCodeAt(k);
        if (code > CLOSE_BRACKET && code !== UNDERSCORE && code !== PIPE) continue; // most characters
        if (code === STAR || code === UNDERSCORE) lineEmphasis++;
        else if (code === CLOSE_BRACKET) lineBrackets++;
        else if (code === PIPE) tableRow = true;
      }
      if (listMarker || heading || tableRow) closeSegment();
      if (segmentStart < 0) segmentStart = contentStart;
      segmentEnd = lineEnd;
      emphasis += lineEmphasis;
      brackets += lineBrackets;
      if (heading || tableRow) closeSegment();
    }
    offset = next;
  }
  closeSegment();

  if (edits.length === 0) return { text, nestedLines, denseBlocks };
  edits.sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let at = 0;
  for (const [position, replacement] of edits) {
    pieces.push(text.slice(at, position), replacement);
    at = position + 1;
  }
  pieces.push(text.slice(at));
  return { text: pieces.join(''), nestedLines, denseBlocks };
}
