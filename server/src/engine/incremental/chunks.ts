/**
 * Splitting a Markdown document into chunks that parse on their own to exactly the tree the whole
 * document parses to. A chunk starts at a line where the parser is sure to be back in its initial
 * state, with only root-level content behind it:
 *
 *   - an ATX heading written at column 0: it ends every container (block quotes and list items
 *     need a marker or indentation to continue, and a heading is never lazy paragraph text) and
 *     interrupts every paragraph and table;
 *   - a line starting with a letter at column 0 after a blank line: the blank line has ended every
 *     paragraph and table, and an unindented line that is no list marker or `>` ends every list
 *     item and block quote.
 *
 * Only constructs at the top level can swallow such a line: fenced code, HTML blocks and YAML
 * front matter. Link reference and footnote definitions reach across the whole document, so a
 * document with one is not split at all.
 *
 * `candidateChunks` proposes the cuts (skipping front matter and the inside of top-level fences,
 * as far as a line scanner can tell); ChunkedParser then checks each chunk's parse (`safeEnding`)
 * and merges a chunk with the next one whenever the line after it might not start afresh in the
 * whole document. Equality with a whole-document parse is checked by property tests
 * (test/incremental.test.ts).
 */
import type { Root, RootContent } from 'mdast';
import { leadingByteOrderMarks } from '../model/byte-order-mark.js';

export interface Chunk {
  /** Offset of the chunk's first character. */
  start: number;
  /** 0-based line of the chunk's first character. */
  line: number;
  text: string;
}

/** A definition (`[label]: url`, `[^note]: text`) always has `]` right before `:`. */
export function hasDefinitions(text: string): boolean {
  return text.includes(']:');
}

const ATX = /^#{1,6}(?:[ \t\r\n]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Where a chunk starts: an offset at the start of a line, and that line (0-based). */
export interface Cut {
  start: number;
  line: number;
}

/**
 * Candidate chunks: the text cut before every column-0 ATX heading line, and every column-0 line
 * starting with a letter after a blank line, that is not inside front matter or a top-level fenced
 * code block (as a line scanner sees them). One chunk when the document must be parsed whole.
 */
export function candidateChunks(text: string, options: { headingsOnly?: boolean } = {}): Chunk[] {
  let cuts = hasDefinitions(text) ? [{ start: 0, line: 0 }] : scanCuts(text, { start: 0, line: 0 }).cuts;
  // Fewer, larger chunks (one per section): each parse call has a set-up cost.
  if (options.headingsOnly) cuts = cuts.filter((cut) => cut.start === 0 || text.charCodeAt(cut.start) === 35 /* # */);
  const chunks: Chunk[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const to = i + 1 < cuts.length ? cuts[i + 1].start : text.length;
    chunks.push({ start: cuts[i].start, line: cuts[i].line, text: text.slice(cuts[i].start, to) });
  }
  return chunks;
}

/**
 * The cuts of `text` from a cut `from` on (the scanner's state at a cut is always the same: no
 * front matter or fence open), `from` included. `stop` is asked about every later cut: when it
 * says so, the scan ends there and that cut is returned as `stoppedAt` (not in `cuts`).
 * The caller checks `hasDefinitions` first.
 */
export function scanCuts(text: string, from: Cut, stop?: (cut: Cut) => boolean): { cuts: Cut[]; stoppedAt: Cut | null } {
  const cuts: Cut[] = [from];
  const bom = leadingByteOrderMarks(text);
  // Front matter: no cut until a line that is exactly `---` (YAML) or `+++` (TOML) closes it
  // (stricter than the parser, which also takes trailing spaces: when unsure, do not cut).
  const fenceOfFrontMatter = from.start !== 0 ? null : text.startsWith('---', bom) ? '---' : text.startsWith('+++', bom) ? '+++' : null;
  let inFrontMatter = fenceOfFrontMatter !== null;
  let fence: { char: string; length: number } | null = null;
  /** Whether the previous line was blank (empty or spaces and tabs only). */
  let afterBlank = false;
  let offset = from.start;
  let line = from.line;
  const length = text.length;
  while (offset < length) {
    // The line [offset, end) and its line ending.
    let end = offset;
    while (end < length) {
      const code = text.charCodeAt(end);
      if (code === 10 || code === 13) break;
      end++;
    }
    let next = end;
    if (next < length) next += text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1;
    const first = text.charCodeAt(offset);
    const isFirst = offset === from.start;
    let cut = false;
    if (inFrontMatter) {
      if (!isFirst && end - offset === 3 && text.startsWith(fenceOfFrontMatter ?? '---', offset)) inFrontMatter = false;
    } else if (fence) {
      // A closing fence: the same character, at least as long, nothing but spaces after it.
      if (first === 32 || first === 96 || first === 126) {
        const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text.slice(offset, end));
        if (match && match[1][0] === fence.char && match[1].length >= fence.length) fence = null;
      }
    } else if (first === 35 /* # */) {
      cut = !isFirst && ATX.test(text.slice(offset, Math.min(end + 1, offset + 8)));
    } else if (afterBlank && !isFirst && isLetter(first, text, offset)) {
      cut = true;
    } else if (first === 32 || first === 96 || first === 126) {
      const match = FENCE_OPEN.exec(text.slice(offset, end));
      // A backtick fence's info string has no backtick (else the line is a code span).
      if (match && !(match[1][0] === '`' && match[2].includes('`'))) fence = { char: match[1][0], length: match[1].length };
    }
    if (cut) {
      const found = { start: offset, line };
      if (stop?.(found)) return { cuts, stoppedAt: found };
      cuts.push(found);
    }
    afterBlank = isBlank(text, offset, end);
    offset = next;
    line++;
  }
  return { cuts, stoppedAt: null };
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

const LETTER = /\p{L}/u;

function isLetter(code: number, text: string, offset: number): boolean {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code > 127 && LETTER.test(String.fromCodePoint(text.codePointAt(offset)!));
}

/** Nodes that a cut line (a column-0 ATX heading, or a letter after a blank line) always ends. */
const ENDED_BY_HEADING = new Set(['heading', 'paragraph', 'list', 'blockquote', 'thematicBreak', 'table']);

/**
 * Does the line after this chunk (a cut line) start afresh in the whole document too? It does
 * unless the chunk ends inside a construct that can swallow it: an unclosed fenced code block, an
 * HTML block (whose end rules this does not try to follow) or front matter. `text` is the chunk's
 * text, `root` its parse (offsets relative to the chunk).
 */
export function safeEnding(root: Root, text: string): boolean {
  const last: RootContent | undefined = root.children[root.children.length - 1];
  if (!last) return true;
  if (ENDED_BY_HEADING.has(last.type)) return true;
  // Front matter is closed by definition (an unclosed one is no front-matter node); TOML is not in mdast's types.
  if (last.type === 'yaml' || (last as { type: string }).type === 'toml') return true;
  if (last.type === 'code') {
    const start = last.position?.start.offset ?? 0;
    const end = last.position?.end.offset ?? text.length;
    const source = text.slice(start, end);
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(source);
    if (!open) return true; // indented code: a column-0 line ends it
    const lines = source.split(/\r\n|\r|\n/);
    if (lines.length < 2) return false;
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]);
    return close !== null && close[1][0] === open[1][0] && close[1].length >= open[1].length;
  }
  return false;
}
