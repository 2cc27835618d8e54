/**
 * The sentence layer of an incremental session: the nlcst trees of a document's prose blocks,
 * kept from one version of the text to the next. A block whose kind, source and prose text are
 * unchanged keeps its trees; when it moved (text inserted or removed above it), its positions are
 * shifted in place. Only new or edited blocks are parsed (parse-english), so a keystroke parses
 * one paragraph, and everything keyed on a tree's identity (retext messages, counts) stays valid.
 *
 * The trees belong to the session: a document built from an earlier version shares them, and
 * sees positions of the latest version once the session has moved on.
 */
import type { Node as UnistNode, Point, Position } from 'unist';
import type { Paragraph as NlcstParagraph, Root as NlcstRoot } from 'nlcst';
import type { StrategyDocument } from '../model/document.js';
import type { TextBlock } from '../model/text-block.js';
import type { LineIndex } from '../model/line-index.js';
import { BlockLines, parseBlock, sentenceRoot } from '../model/sentences.js';
import { textDiff, unchangedOrigin } from './diff.js';
import { hasDefinitions } from './chunks.js';

interface Placed {
  /** Offset, 0-based line and column of the block's start when its trees were last positioned. */
  base: number;
  line: number;
  column: number;
  /** What the trees were parsed from: the block's kind, source length and prose text. */
  kind: string;
  length: number;
  text: string;
  paragraphs: NlcstParagraph[];
  /** Every point of the trees' positions, to move them in one flat loop. */
  points: Point[];
}

export class NlcstPlacements {
  /** The text of the latest build, and its blocks' trees in document order. */
  private text = '';
  private entries: Placed[] = [];
  /** Blocks parsed by the latest build (for tests and tracing). */
  parsedBlocks = 0;

  build(document: StrategyDocument): NlcstRoot {
    const { text, lines } = document;
    const diff = textDiff(this.text, text);
    // Blocks in the unchanged text are found by where they were; the others by their content,
    // among the old blocks that touched the changed text (a paste, an undo).
    const byStart = new Map<number, Placed>();
    for (const entry of this.entries) byStart.set(entry.base, entry);
    let byKey: Map<string, Placed[]> | null = null;
    const changedEnd = this.text.length - diff.suffix;
    const next: Placed[] = [];
    const paragraphs: NlcstParagraph[] = [];
    this.parsedBlocks = 0;
    // Without definitions, a block's prose text follows from its source: no need to compare it.
    const sameSourceSameText = !hasDefinitions(text) && !hasDefinitions(this.text);
    for (const block of document.textBlocks) {
      const length = block.end - block.start;
      const origin = unchangedOrigin(diff, text.length, block.start, block.end);
      let entry = origin >= 0 ? byStart.get(origin) : undefined;
      if (entry && (entry.length !== length || entry.kind !== block.kind || (!sameSourceSameText && entry.text !== block.text))) entry = undefined;
      // Before the change, a block is where it was: same offset, line and column.
      const at = entry && origin === block.start && block.end <= diff.prefix
        ? { line: entry.line, character: entry.column }
        : lines.positionAt(block.start);
      if (entry) byStart.delete(origin);
      else if (origin < 0) {
        if (!byKey) {
          byKey = new Map();
          for (const old of this.entries) {
            if (old.base + old.length < diff.prefix || old.base > changedEnd || !byStart.has(old.base)) continue;
            const key = entryKey(old.kind, this.text.slice(old.base, old.base + old.length), old.text);
            const list = byKey.get(key);
            if (list) list.push(old);
            else byKey.set(key, [old]);
          }
        }
        const list = byKey.get(entryKey(block.kind, text.slice(block.start, block.end), block.text));
        while (list && list.length > 0 && !entry) {
          const candidate = list.shift()!;
          if (byStart.get(candidate.base) === candidate) {
            byStart.delete(candidate.base);
            entry = candidate;
          }
        }
      }
      if (entry && entry.column !== at.character) entry = undefined;
      if (!entry) {
        entry = this.parse(block, lines, at);
      } else if (entry.base !== block.start || entry.line !== at.line) {
        const offset = block.start - entry.base;
        const line = at.line - entry.line;
        const points = entry.points;
        if (line === 0) for (let i = 0; i < points.length; i++) points[i].offset! += offset;
        else {
          for (let i = 0; i < points.length; i++) {
            points[i].offset! += offset;
            points[i].line += line;
          }
        }
        entry.base = block.start;
        entry.line = at.line;
      }
      next.push(entry);
      paragraphs.push(...entry.paragraphs);
    }
    this.text = text;
    this.entries = next;
    return sentenceRoot(paragraphs, text, lines);
  }

  clear(): void {
    this.text = '';
    this.entries = [];
  }

  private parse(block: TextBlock, lines: LineIndex, at: { line: number; character: number }): Placed {
    this.parsedBlocks++;
    const paragraphs = parseBlock(block);
    const placer: Placer = { base: block.start, lines: new BlockLines(lines, block.start, block.end), points: new Map() };
    const placed = paragraphs.map((paragraph) => position(paragraph, placer));
    return {
      base: block.start, line: at.line, column: at.character, kind: block.kind, length: block.end - block.start, text: block.text,
      paragraphs: placed, points: [...placer.points.values()],
    };
  }
}

function entryKey(kind: string, source: string, text: string): string {
  return `${kind}\u0000${source}\u0000${text}`;
}

/** Short word, space and punctuation values, shared: a long document repeats them thousands of times. */
const values = new Map<string, string>();

function intern(value: string): string {
  if (value.length > 16) return value;
  const known = values.get(value);
  if (known !== undefined) return known;
  if (values.size >= 100_000) values.clear();
  values.set(value, value);
  return value;
}

interface Placer {
  base: number;
  lines: BlockLines;
  /** One point object per offset of the block (never mutated but by the session's shift, which moves each once). */
  points: Map<number, Point>;
}

function pointAt(placer: Placer, offset: number): Point {
  let point = placer.points.get(offset);
  if (!point) {
    point = placer.lines.point(offset);
    placer.points.set(offset, point);
  }
  return point;
}

/**
 * A positioned copy of a freshly parsed block's tree (relative offsets in `rel`). Copies are built
 * like the shared cache's (model/sentences.ts: type, value, children, position), so every tree the
 * rules walk has the same shapes; to keep the trees small, nodes share the point objects of equal
 * offsets, a node covering exactly what its parent covers (a word's text) shares its position,
 * and short values are interned.
 */
function position<T extends UnistNode>(node: T, placer: Placer, parent?: Position): T {
  const rel = (node as UnistNode & { rel?: { start: number; end: number } }).rel;
  let own: Position | undefined;
  if (rel) {
    const start = placer.base + rel.start;
    const end = placer.base + rel.end;
    own = parent && parent.start.offset === start && parent.end.offset === end ? parent : { start: pointAt(placer, start), end: pointAt(placer, end) };
  }
  const children = (node as { children?: UnistNode[] }).children;
  let copy: unknown;
  // Each object is created whole (one literal per shape): no property added later, so no
  // out-of-object property store per node.
  if (children) {
    const placed: UnistNode[] = new Array(children.length);
    for (let i = 0; i < children.length; i++) placed[i] = position(children[i], placer, own);
    copy = own ? { type: node.type, children: placed, position: own } : { type: node.type, children: placed };
  } else if ('value' in node) {
    const value = intern((node as unknown as { value: string }).value);
    copy = own ? { type: node.type, value, position: own } : { type: node.type, value };
  } else {
    copy = own ? { type: node.type, position: own } : { type: node.type };
  }
  return copy as T;
}
