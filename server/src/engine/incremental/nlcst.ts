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
import type { Node as UnistNode, Point } from 'unist';
import type { Paragraph as NlcstParagraph, Root as NlcstRoot, RootContent as NlcstRootContent } from 'nlcst';
import type { StrategyDocument } from '../model/document.js';
import type { TextBlock } from '../model/text-block.js';
import type { LineIndex } from '../model/line-index.js';
import { BlockLines, parseBlock } from '../model/sentences.js';
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
    const children: NlcstRootContent[] = [];
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
      for (const paragraph of entry.paragraphs) {
        if (children.length > 0) children.push({ type: 'WhiteSpaceNode', value: '\n\n' });
        children.push(paragraph);
      }
    }
    this.text = text;
    this.entries = next;
    const end = lines.positionAt(text.length);
    return {
      type: 'RootNode',
      children,
      position: { start: { line: 1, column: 1, offset: 0 }, end: { line: end.line + 1, column: end.character + 1, offset: text.length } },
    };
  }

  clear(): void {
    this.text = '';
    this.entries = [];
  }

  private parse(block: TextBlock, lines: LineIndex, at: { line: number; character: number }): Placed {
    this.parsedBlocks++;
    const paragraphs = parseBlock(block);
    const blockLines = new BlockLines(lines, block.start, block.end);
    const points: Point[] = [];
    const placed = paragraphs.map((paragraph) => position(paragraph, block.start, blockLines, points));
    return {
      base: block.start, line: at.line, column: at.character, kind: block.kind, length: block.end - block.start, text: block.text,
      paragraphs: placed, points,
    };
  }
}

function entryKey(kind: string, source: string, text: string): string {
  return `${kind}\u0000${source}\u0000${text}`;
}

/**
 * A positioned copy of a freshly parsed block's tree (relative offsets in `rel`), collecting its
 * points. Copies are built like the shared cache's (model/sentences.ts: type, value, children,
 * position), so every tree the rules walk has the same shapes.
 */
function position<T extends UnistNode>(node: T, base: number, lines: BlockLines, points: Point[]): T {
  const rel = (node as UnistNode & { rel?: { start: number; end: number } }).rel;
  const copy: Record<string, unknown> = { type: node.type };
  if ('value' in node) copy.value = (node as unknown as { value: string }).value;
  const children = (node as { children?: UnistNode[] }).children;
  if (children) {
    const placed: UnistNode[] = new Array(children.length);
    for (let i = 0; i < children.length; i++) placed[i] = position(children[i], base, lines, points);
    copy.children = placed;
  }
  if (rel) {
    const start = lines.point(base + rel.start);
    const end = lines.point(base + rel.end);
    copy.position = { start, end };
    points.push(start, end);
  }
  return copy as unknown as T;
}
