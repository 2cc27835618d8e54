/**
 * The Markdown parse of an incremental session: the text cut into chunks (chunks.ts), each chunk
 * parsed on its own and kept from one version to the next. A chunk in the unchanged part of the
 * text (before or after the edit, found with textDiff) keeps its nodes: they are shifted in place
 * when the chunk moved, so a keystroke costs the parse of one chunk (about a paragraph) plus a
 * walk over the positions after it. The result equals parseMarkdown(text) node for node.
 *
 * The nodes belong to the session: a tree handed out for an earlier version shares them, and
 * sees the positions of the latest version once the session has moved on.
 */
import type { Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { parseMarkdown } from '../model/parse.js';
import { limitMarkup } from '../model/markup-limits.js';
import { hasDefinitions, safeEnding, scanCuts, type Cut } from './chunks.js';
import { textDiff, unchangedOrigin, type TextDiff } from './diff.js';

/** Counts of markup-limits.ts for a text: chunks never cut one of its paragraphs, so they add up. */
interface ParseLimits {
  nestedLines: number;
  denseBlocks: number;
}

interface SessionParse {
  root: Root;
  limits: ParseLimits;
}

interface OwnedChunk {
  start: number;
  /** 0-based line of the chunk's start. */
  line: number;
  length: number;
  /** Whether the chunk can end where it does (see safeEnding). */
  safe: boolean;
  children: RootContent[];
  /** Every point of the chunk's nodes, to move them in one loop. */
  points: Point[];
  /** End of the chunk's own root, relative to the chunk (line 1 = its first line). */
  end: Point;
  /** Start of the chunk's own root (the first chunk's is the document's: a byte-order mark moves it). */
  rootStart: Point;
  limits: ParseLimits;
}

/** After this many merges in a row, the rest of the document is parsed as one chunk. */
const MAX_MERGES = 3;

export class SessionParser {
  private text = '';
  private chunks: OwnedChunk[] = [];
  /** Candidate cuts of the latest text (before merging). */
  private cuts: Cut[] = [];
  /** Texts of candidate chunks found unsafe to end where they do (merged with the next), so they are not parsed again. */
  private unsafe = new Set<string>();
  /** Chunks parsed by the latest parse (for tests and tracing). */
  parsedChunks = 0;

  /** The candidate cuts of the latest parse (for tests: they must equal a scan of the whole text). */
  get candidateCuts(): readonly Cut[] {
    return this.cuts;
  }

  parse(text: string): SessionParse {
    const diff = textDiff(this.text, text);
    const previous = this.chunks;
    const candidates = this.cutsOf(text, diff);
    const chunks: OwnedChunk[] = [];
    const unsafe = new Set<string>();
    this.parsedChunks = 0;
    // Old chunks by start offset, to find the one an unchanged chunk was.
    const byStart = new Map<number, OwnedChunk>();
    for (const chunk of previous) byStart.set(chunk.start, chunk);

    for (let i = 0; i < candidates.length;) {
      let j = i + 1;
      const start = candidates[i].start;
      const line = candidates[i].line;
      let end = j < candidates.length ? candidates[j].start : text.length;
      let merges = 0;
      let owned: OwnedChunk | null = null;
      for (;;) {
        const last = j >= candidates.length;
        const reused = this.reuse(byStart, diff, text.length, start, end, line);
        if (reused && (last || reused.safe)) {
          owned = reused;
          break;
        }
        if (!reused) {
          const chunkText = text.slice(start, end);
          if (last || !(this.unsafe.has(chunkText) || unsafe.has(chunkText))) {
            const parsed = this.parseChunk(chunkText, start, line);
            if (last || parsed.safe) {
              owned = parsed;
              break;
            }
          }
          if (!last) unsafe.add(flat(chunkText));
        }
        // Not safe to end here: take in the next candidate (or, after a few, all the rest).
        j = ++merges >= MAX_MERGES ? candidates.length : j + 1;
        end = j < candidates.length ? candidates[j].start : text.length;
      }
      chunks.push(owned);
      i = j;
    }
    this.text = text;
    this.chunks = chunks;
    this.unsafe = unsafe;
    this.cuts = candidates;

    const children: RootContent[] = [];
    const limits: ParseLimits = { nestedLines: 0, denseBlocks: 0 };
    for (const chunk of chunks) {
      for (const child of chunk.children) children.push(child);
      limits.nestedLines += chunk.limits.nestedLines;
      limits.denseBlocks += chunk.limits.denseBlocks;
    }
    const last = chunks[chunks.length - 1];
    const root: Root = {
      type: 'root',
      children,
      position: {
        start: { ...chunks[0].rootStart },
        end: { line: last.end.line + last.line, column: last.end.column, offset: (last.end.offset ?? 0) + last.start },
      },
    };
    return { root, limits };
  }

  /** Drop everything (the document was closed). */
  clear(): void {
    this.text = '';
    this.chunks = [];
    this.unsafe = new Set();
    this.cuts = [];
  }

  /**
   * The candidate cuts of the new text: the old ones before the change, a scan from the last of
   * them through the changed text up to a cut the old text had too, and the old ones after that,
   * moved (from a cut on, the scanner sees the same text in the same state).
   */
  private cutsOf(text: string, diff: TextDiff): Cut[] {
    if (hasDefinitions(text)) return [{ start: 0, line: 0 }];
    const old = this.cuts;
    if (old.length === 0 || hasDefinitions(this.text)) return scanCuts(text, { start: 0, line: 0 }).cuts;
    // A cut stays when everything the scanner looked at for it lies before the change (its line's first 8 characters).
    let kept = 1;
    while (kept < old.length && old[kept].start + 8 <= diff.prefix) kept++;
    const from = old[kept - 1];
    const changedEnd = text.length - diff.suffix;
    const oldIndex = new Map<number, number>();
    for (let k = kept; k < old.length; k++) oldIndex.set(old[k].start, k);
    const { cuts: scanned, stoppedAt } = scanCuts(text, from, (cut) => cut.start >= changedEnd && oldIndex.has(cut.start - diff.delta));
    const cuts = old.slice(0, kept - 1).concat(scanned);
    if (stoppedAt) {
      const first = oldIndex.get(stoppedAt.start - diff.delta)!;
      const lines = stoppedAt.line - old[first].line;
      for (let k = first; k < old.length; k++) cuts.push({ start: old[k].start + diff.delta, line: old[k].line + lines });
    }
    return cuts;
  }

  /**
   * The old chunk that [start, end) was, when that range lies in the unchanged text (so it is the
   * same text, and parses the same on its own), moved to `start` and `line`.
   */
  private reuse(byStart: Map<number, OwnedChunk>, diff: TextDiff, length: number, start: number, end: number, line: number): OwnedChunk | null {
    const origin = unchangedOrigin(diff, length, start, end);
    if (origin < 0) return null;
    const old = byStart.get(origin);
    if (!old || old.length !== end - start) return null;
    byStart.delete(origin);
    const offset = start - old.start;
    const lines = line - old.line;
    const points = old.points;
    if (lines !== 0) {
      for (let k = 0; k < points.length; k++) {
        points[k].offset! += offset;
        points[k].line += lines;
      }
    } else if (offset !== 0) {
      for (let k = 0; k < points.length; k++) points[k].offset! += offset;
    }
    old.start = start;
    old.line = line;
    return old;
  }

  private parseChunk(text: string, start: number, line: number): OwnedChunk {
    this.parsedChunks++;
    // An independent copy: the nodes' strings would otherwise keep this whole version of the text alive.
    const own = flat(text);
    const root = parseMarkdown(own);
    const safe = safeEnding(root, own);
    const { nestedLines, denseBlocks } = limitMarkup(own);
    const points: Point[] = [];
    const seen = new Set<Point>();
    const visit = (node: RootContent): void => {
      const position = node.position;
      if (position) {
        for (const point of [position.start, position.end]) {
          if (seen.has(point)) continue;
          seen.add(point);
          point.line += line;
          point.offset = (point.offset ?? 0) + start;
          points.push(point);
        }
      }
      if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
    };
    for (const child of root.children) visit(child);
    return {
      start, line, length: text.length, safe, children: root.children, points,
      end: root.position!.end, rootStart: root.position!.start, limits: { nestedLines, denseBlocks },
    };
  }
}

/** A copy of a string that shares no memory with the text it was sliced from. */
function flat(text: string): string {
  return text.length < 16 ? text : `\u0000${text}`.slice(1);
}
