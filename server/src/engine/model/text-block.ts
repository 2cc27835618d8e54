/**
 * Prose extraction. A TextBlock is the readable text of one leaf block (paragraph, heading or
 * table cell) with code spans, HTML and link URLs removed, plus a map back to source offsets.
 * Word-list rules match against `text` and report `sourceOffset(i)` so squiggles land exactly.
 */
import type { Nodes, Parents, PhrasingContent } from 'mdast';
import type { SourceMapData } from './parse.js';

/** Stands in for an inline code span: never matches a word, still separates words. */
export const CODE_PLACEHOLDER = '\uFFFC';

interface Segment { textStart: number; textEnd: number; sourceStart: number; sourceEnd: number }

type TextBlockKind = 'paragraph' | 'heading' | 'tableCell';

export class TextBlock {
  constructor(
    readonly kind: TextBlockKind,
    readonly node: Nodes,
    readonly text: string,
    private readonly segments: readonly Segment[],
    /** Source range of the whole block. */
    readonly start: number,
    readonly end: number,
  ) {}

  /** Source offset of a text index (an end index maps to the end of the preceding character). */
  sourceOffset(index: number, isEnd = false): number {
    const segments = this.segments;
    if (segments.length === 0) return this.start;
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (segments[mid].textStart <= index - (isEnd ? 1 : 0)) low = mid;
      else high = mid - 1;
    }
    const segment = segments[low];
    const sourceLength = segment.sourceEnd - segment.sourceStart;
    const textLength = segment.textEnd - segment.textStart;
    const within = Math.max(0, index - segment.textStart);
    if (sourceLength === textLength) return segment.sourceStart + Math.min(within, sourceLength);
    // Escapes or entities made the text shorter than its source: stay inside the node.
    if (isEnd && within >= textLength) return segment.sourceEnd;
    return segment.sourceStart + Math.min(within, sourceLength);
  }

  /** One block from several (list item paragraphs, table cells), joined by a separator. */
  static join(kind: TextBlockKind, node: Nodes, blocks: readonly TextBlock[], separator = ' '): TextBlock {
    let text = '';
    const segments: Segment[] = [];
    blocks.forEach((block, i) => {
      if (i > 0) {
        const gapStart = blocks[i - 1].end;
        segments.push({ textStart: text.length, textEnd: text.length + separator.length, sourceStart: gapStart, sourceEnd: gapStart });
        text += separator;
      }
      for (const segment of block.segments) {
        segments.push({ ...segment, textStart: segment.textStart + text.length, textEnd: segment.textEnd + text.length });
      }
      text += block.text;
    });
    const start = blocks[0]?.start ?? node.position?.start.offset ?? 0;
    const end = blocks[blocks.length - 1]?.end ?? start;
    return new TextBlock(kind, node, text, segments, start, end);
  }

  /** The part text[from, to) as its own block (a line of a paragraph, a sentence). */
  slice(from: number, to: number): TextBlock {
    const segments: Segment[] = [];
    for (const segment of this.segments) {
      const textStart = Math.max(segment.textStart, from);
      const textEnd = Math.min(segment.textEnd, to);
      if (textStart >= textEnd) continue;
      const exact = segment.sourceEnd - segment.sourceStart === segment.textEnd - segment.textStart;
      segments.push({
        textStart: textStart - from,
        textEnd: textEnd - from,
        sourceStart: exact ? segment.sourceStart + (textStart - segment.textStart) : segment.sourceStart,
        sourceEnd: exact ? segment.sourceStart + (textEnd - segment.textStart) : segment.sourceEnd,
      });
    }
    const range = this.sourceRange(from, to);
    return new TextBlock(this.kind, this.node, this.text.slice(from, to), segments, range.start, range.end);
  }

  /** The same block with its source offsets moved so that it starts at `start` (same text). */
  movedTo(start: number): TextBlock {
    const delta = start - this.start;
    const segments = this.segments.map((segment) => ({ ...segment, sourceStart: segment.sourceStart + delta, sourceEnd: segment.sourceEnd + delta }));
    return new TextBlock(this.kind, this.node, this.text, segments, start, this.end + delta);
  }

  /** Source range of text[from, to). */
  sourceRange(from: number, to: number): { start: number; end: number } {
    const start = this.sourceOffset(from);
    const end = Math.max(start, this.sourceOffset(to, true));
    return { start, end };
  }
}

class TextBuilder {
  text = '';
  segments: Segment[] = [];

  add(value: string, sourceStart: number, sourceEnd: number): void {
    if (value.length === 0) return;
    const textStart = this.text.length;
    this.text += value;
    this.segments.push({ textStart, textEnd: this.text.length, sourceStart, sourceEnd });
  }

  /** A value shorter than its source, with the map parse.ts made ([valueStart, valueEnd, sourceStart, sourceEnd] from `base`). */
  addMapped(value: string, base: number, map: readonly number[]): void {
    const textStart = this.text.length;
    this.text += value;
    for (let k = 0; k + 3 < map.length; k += 4) {
      if (map[k + 1] <= map[k]) continue;
      this.segments.push({ textStart: textStart + map[k], textEnd: textStart + map[k + 1], sourceStart: base + map[k + 2], sourceEnd: base + map[k + 3] });
    }
  }
}

function collect(builder: TextBuilder, node: Nodes): void {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  switch (node.type) {
    case 'text': {
      const map = (node.data as SourceMapData | undefined)?.sourceMap;
      if (map && map.length > 0) builder.addMapped(node.value, start, map);
      else builder.add(node.value, start, end);
      return;
    }
    case 'inlineCode':
      builder.add(CODE_PLACEHOLDER, start, end);
      return;
    case 'break':
      builder.add(' ', start, end);
      return;
    case 'html':
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      // Not prose, but it still separates the words around it.
      builder.add(' ', start, end);
      return;
    default:
      if ('children' in node) {
        for (const child of (node as Parents).children as Nodes[]) collect(builder, child);
      }
  }
}

/**
 * Blocks by node. The document model asks for the same nodes' blocks several times per lint
 * (prose blocks, items, sentences), and an incremental session keeps the nodes of unchanged text
 * from one lint to the next, moving them when text is inserted above: a node that moved gets its
 * block moved by as much (its content, and so its text, is the same).
 */
const blocksByNode = new WeakMap<object, { kind: TextBlockKind; block: TextBlock }>();

export function textBlockOf(kind: TextBlockKind, node: Nodes & { children: PhrasingContent[] }): TextBlock {
  const start = node.position?.start.offset ?? 0;
  const cached = blocksByNode.get(node);
  if (cached && cached.kind === kind) {
    if (cached.block.start === start) return cached.block;
    const moved = cached.block.movedTo(start);
    blocksByNode.set(node, { kind, block: moved });
    return moved;
  }
  const builder = new TextBuilder();
  for (const child of node.children) collect(builder, child);
  const end = node.position?.end.offset ?? start;
  const block = new TextBlock(kind, node, builder.text, builder.segments, start, end);
  blocksByNode.set(node, { kind, block });
  return block;
}

/** Plain text of phrasing content (code spans kept as their code), for titles and labels. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return ((node as Parents).children as Nodes[]).map(plainText).join('');
  return '';
}

/** Text of a block for messages, with each inline-code placeholder replaced by its code ("`--json`"). */
export function readable(source: { readonly text: string }, block: TextBlock, from = 0, to = block.text.length): string {
  const text = block.text.slice(from, to);
  if (!text.includes(CODE_PLACEHOLDER)) return text;
  let result = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== CODE_PLACEHOLDER) {
      result += text[i];
      continue;
    }
    const range = block.sourceRange(from + i, from + i + 1);
    result += source.text.slice(range.start, range.end);
  }
  return result;
}
