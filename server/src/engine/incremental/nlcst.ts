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
import { BlockLines, blockKey, parseBlock } from '../model/sentences.js';

interface Placed {
  /** Offset, 0-based line and column of the block's start when its trees were last positioned. */
  base: number;
  line: number;
  column: number;
  paragraphs: NlcstParagraph[];
}

export class NlcstPlacements {
  /** Trees of the blocks of the latest document by block key, in document order. */
  private entries = new Map<string, Placed[]>();
  /** Blocks parsed by the latest build (for tests and tracing). */
  parsedBlocks = 0;

  build(document: StrategyDocument): NlcstRoot {
    const { text, lines } = document;
    const previous = this.entries;
    const next = new Map<string, Placed[]>();
    const children: NlcstRootContent[] = [];
    this.parsedBlocks = 0;
    for (const block of document.textBlocks) {
      const key = blockKey(block, text.slice(block.start, block.end));
      const at = lines.positionAt(block.start);
      let entry = take(previous, key);
      if (entry && entry.column !== at.character) entry = undefined;
      if (!entry) {
        entry = { base: block.start, line: at.line, column: at.character, paragraphs: this.parse(block, lines) };
      } else if (entry.base !== block.start || entry.line !== at.line) {
        const offset = block.start - entry.base;
        const line = at.line - entry.line;
        for (const paragraph of entry.paragraphs) shift(paragraph, offset, line);
        entry.base = block.start;
        entry.line = at.line;
      }
      const list = next.get(key);
      if (list) list.push(entry);
      else next.set(key, [entry]);
      for (const paragraph of entry.paragraphs) {
        if (children.length > 0) children.push({ type: 'WhiteSpaceNode', value: '\n\n' });
        children.push(paragraph);
      }
    }
    this.entries = next;
    const end = lines.positionAt(text.length);
    return {
      type: 'RootNode',
      children,
      position: { start: { line: 1, column: 1, offset: 0 }, end: { line: end.line + 1, column: end.character + 1, offset: text.length } },
    };
  }

  clear(): void {
    this.entries = new Map();
  }

  private parse(block: TextBlock, lines: LineIndex): NlcstParagraph[] {
    this.parsedBlocks++;
    const paragraphs = parseBlock(block);
    const blockLines = new BlockLines(lines, block.start, block.end);
    for (const paragraph of paragraphs) position(paragraph, block.start, blockLines);
    return paragraphs;
  }
}

function take(entries: Map<string, Placed[]>, key: string): Placed | undefined {
  const list = entries.get(key);
  if (!list) return undefined;
  const entry = list.shift();
  if (list.length === 0) entries.delete(key);
  return entry;
}

/** Turn a freshly parsed block's relative offsets (`rel`) into positions, in place. */
function position(node: UnistNode, base: number, lines: BlockLines): void {
  const withRel = node as UnistNode & { rel?: { start: number; end: number } };
  const rel = withRel.rel;
  if (rel) {
    delete withRel.rel;
    node.position = { start: lines.point(base + rel.start), end: lines.point(base + rel.end) };
  }
  const children = (node as { children?: UnistNode[] }).children;
  if (children) for (const child of children) position(child, base, lines);
}

function shiftPoint(point: Point, offset: number, line: number): void {
  point.line += line;
  if (point.offset !== undefined) point.offset += offset;
}

/** Move a tree by `offset` characters and `line` lines (its block's start column is unchanged). */
function shift(node: UnistNode, offset: number, line: number): void {
  const position = node.position;
  if (position) {
    shiftPoint(position.start, offset, line);
    shiftPoint(position.end, offset, line);
  }
  const children = (node as { children?: UnistNode[] }).children;
  if (children) for (const child of children) shift(child, offset, line);
}
