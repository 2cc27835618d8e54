/**
 * The sentence/word layer, from the unified ecosystem: nlcst trees built by parse-english from
 * the document's prose blocks (paragraphs, headings and table cells, as in `textBlocks`: code,
 * HTML, link URLs and front matter are not prose; inline code is a U+FFFC symbol, never a word).
 * Positions on nlcst nodes are source offsets (with lines and columns), so retext plugins report
 * exact ranges.
 *
 * Each block is parsed on its own (a block boundary is always a paragraph boundary) and its tree
 * is cached by the block's source text: in an editor, a keystroke changes one paragraph, so a
 * re-lint parses one paragraph and re-positions the cached trees of the others. URLs written in
 * the prose (autolinks, bare addresses) are blanked to spaces before parsing: an address is not
 * fifteen words.
 */
import { ParseEnglish } from 'parse-english';
import { toString } from 'nlcst-to-string';
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import type { Node as UnistNode } from 'unist';
import type {
  Root as NlcstRoot, Sentence as NlcstSentence, Paragraph as NlcstParagraph, RootContent as NlcstRootContent,
} from 'nlcst';
import { LineIndex } from './line-index.js';
import { textBlockOf, type TextBlock } from './text-block.js';

export interface Sentence {
  node: NlcstSentence;
  /** The sentence as plain text (computed on first use). */
  readonly text: string;
  start: number;
  end: number;
  /** Word nodes in the sentence (inline code and symbols excluded). */
  wordCount: number;
}

/** Addresses in prose: autolink literals, `<https://…>` shown as text, e-mail addresses. */
const ADDRESS = /\b(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.)[^\s<>()]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** The prose blocks of a tree, exactly as StrategyDocument.textBlocks collects them. */
function proseBlocks(root: Root): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const kind = node.type === 'tableCell' ? 'tableCell' : node.type;
      blocks.push(textBlockOf(kind, node as Nodes & { children: PhrasingContent[] }));
    } else if (node.type !== 'code' && node.type !== 'html' && node.type !== 'yaml' && 'children' in node) {
      for (const child of (node as Parents).children as Nodes[]) visit(child);
    }
  };
  visit(root);
  return blocks;
}

interface Relative { start: number; end: number }
/**
 * A parsed block: nlcst paragraphs whose positions are offsets relative to the block's start, and
 * the last copy placed in a document (reused while the block stays at the same offset, line and
 * column: typing below a paragraph does not move it).
 */
interface CachedBlock {
  parsed: NlcstParagraph[];
  placedAt: string | null;
  placed: NlcstParagraph[];
}

const CACHE_LIMIT = 20_000;
/** Parsed blocks by source text, least recently used first (Map keeps insertion order). */
const cache = new Map<string, CachedBlock>();
let parser: ParseEnglish | undefined;

/** Parse one block's prose; positions become offsets relative to the block's source start (`rel`). */
export function parseBlock(block: TextBlock): NlcstParagraph[] {
  parser ??= new ParseEnglish();
  const text = block.text.replace(ADDRESS, (address) => ' '.repeat(address.length));
  if (!/[\p{L}\p{N}]/u.test(text)) return [];
  const tree = parser.parse(text);
  const relocate = (node: UnistNode): void => {
    const position = node.position;
    if (position) {
      const start = block.sourceOffset(position.start.offset ?? 0);
      const end = Math.max(start, block.sourceOffset(position.end.offset ?? 0, true));
      (node as UnistNode & { rel?: Relative }).rel = { start: start - block.start, end: end - block.start };
      delete node.position;
    }
    const children = (node as { children?: UnistNode[] }).children;
    if (children) for (const child of children) relocate(child);
  };
  const paragraphs = tree.children.filter((child): child is NlcstParagraph => child.type === 'ParagraphNode');
  for (const paragraph of paragraphs) relocate(paragraph);
  return paragraphs;
}

/** Drop the parsed blocks (a caller linting many unrelated documents bounds its memory with it). */
export function clearBlockCache(): void {
  cache.clear();
}

/** What the sentence trees of a block depend on: its kind, its source and its prose text. */
function blockKey(block: TextBlock, source: string): string {
  return `${block.kind}\u0000${source}\u0000${block.text}`;
}

function cachedBlock(block: TextBlock, source: string): CachedBlock {
  const key = blockKey(block, source);
  let parsed = cache.get(key);
  if (parsed) {
    cache.delete(key); // most recently used goes last
  } else {
    parsed = { parsed: parseBlock(block), placedAt: null, placed: [] };
    if (cache.size >= CACHE_LIMIT) {
      let drop = cache.size - CACHE_LIMIT + 1000;
      for (const old of cache.keys()) {
        if (drop-- <= 0) break;
        cache.delete(old);
      }
    }
  }
  cache.set(key, parsed);
  return parsed;
}

/**
 * Placed paragraphs and sentences → the cached node they were copied from. Caches of work on a
 * paragraph or sentence (retext messages, counts) key on `contentIdentity(node)`, which is the
 * same object for every copy of a cached block, so they hit across lints.
 */
const sources = new WeakMap<object, object>();

/**
 * An object standing for a paragraph's or sentence's content: the cached tree it was placed from,
 * else the node itself (an incremental session keeps its nodes, and only moves them, while their
 * block's text is unchanged).
 */
export function contentIdentity(node: object): object {
  return sources.get(node) ?? node;
}

/** The line starts around one block, to place its nodes without searching the whole document. */
export class BlockLines {
  private readonly starts: number[];
  private readonly firstLine: number;

  constructor(lines: LineIndex, from: number, to: number) {
    const all = lines.lineStarts;
    const first = lines.positionAt(from).line;
    let last = first;
    while (last + 1 < all.length && all[last + 1] <= to) last++;
    this.firstLine = first;
    this.starts = all.slice(first, last + 1);
  }

  /** The unist point of an offset within the block (as LineIndex.positionAt, 1-based). */
  point(offset: number): { line: number; column: number; offset: number } {
    const starts = this.starts;
    let index = starts.length - 1;
    while (index > 0 && starts[index] > offset) index--;
    return { line: this.firstLine + index + 1, column: offset - starts[index] + 1, offset };
  }
}

/** A copy of a cached tree at its place in this document (cached trees are never mutated). */
function place<T extends UnistNode>(node: T, base: number, lines: BlockLines): T {
  const rel = (node as UnistNode & { rel?: Relative }).rel;
  const copy: Record<string, unknown> = { type: node.type };
  if ('value' in node) copy.value = (node as unknown as { value: string }).value;
  const children = (node as { children?: UnistNode[] }).children;
  if (children) {
    const placed: UnistNode[] = new Array(children.length);
    for (let i = 0; i < children.length; i++) placed[i] = place(children[i], base, lines);
    copy.children = placed;
  }
  if (rel) copy.position = { start: lines.point(base + rel.start), end: lines.point(base + rel.end) };
  if (node.type === 'ParagraphNode' || node.type === 'SentenceNode') sources.set(copy, node);
  return copy as unknown as T;
}

/**
 * The sentence layer of a document from its prose blocks (`blocks` and `lines`: the document's
 * own, when it has them; else collected here).
 */
export function buildNlcst(root: Root, text: string, blocks: readonly TextBlock[] = proseBlocks(root), lines = new LineIndex(text)): NlcstRoot {
  const paragraphs: NlcstParagraph[] = [];
  for (const block of blocks) {
    const cached = cachedBlock(block, text.slice(block.start, block.end));
    const at = lines.positionAt(block.start);
    const placedAt = `${block.start}:${at.line}:${at.character}`;
    if (cached.placedAt !== placedAt) {
      // Placed copies are never mutated, so documents may share them while the block stays put.
      const blockLines = new BlockLines(lines, block.start, block.end);
      cached.placed = cached.parsed.map((paragraph) => place(paragraph, block.start, blockLines));
      cached.placedAt = placedAt;
    }
    paragraphs.push(...cached.placed);
  }
  return sentenceRoot(paragraphs, text, lines);
}

/** The sentence layer's root over a document's placed paragraphs, in order, apart as blocks are. */
export function sentenceRoot(paragraphs: readonly NlcstParagraph[], text: string, lines: LineIndex): NlcstRoot {
  const children: NlcstRootContent[] = [];
  for (const paragraph of paragraphs) {
    if (children.length > 0) children.push({ type: 'WhiteSpaceNode', value: '\n\n' });
    children.push(paragraph);
  }
  const end = lines.positionAt(text.length);
  return {
    type: 'RootNode',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: end.line + 1, column: end.character + 1, offset: text.length } },
  };
}

/** A sentence whose text is computed on first use (most rules only need offsets and counts). */
class LazySentence implements Sentence {
  private cachedText?: string;
  constructor(readonly node: NlcstSentence, readonly start: number, readonly end: number, readonly wordCount: number) {}
  get text(): string {
    if (this.cachedText === undefined) {
      // Kept per sentence content: the sentences of unchanged blocks are not stringified again.
      const identity = contentIdentity(this.node);
      this.cachedText = sentenceTexts.get(identity) ?? toString(this.node);
      sentenceTexts.set(identity, this.cachedText);
    }
    return this.cachedText;
  }
}

const sentenceTexts = new WeakMap<object, string>();

/** Per paragraph content: its sentences' places among its children, and their word counts. */
const paragraphSentences = new WeakMap<object, Array<[number, number]>>();

export function sentencesOf(tree: NlcstRoot): Sentence[] {
  const sentences: Sentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    const children = (paragraph as NlcstParagraph).children;
    const identity = contentIdentity(paragraph);
    let found = paragraphSentences.get(identity);
    if (!found) {
      found = [];
      children.forEach((child, index) => {
        if (child.type !== 'SentenceNode') return;
        let wordCount = 0;
        for (const node of child.children) if (node.type === 'WordNode') wordCount++;
        found!.push([index, wordCount]);
      });
      paragraphSentences.set(identity, found);
    }
    for (const [index, wordCount] of found) {
      const child = children[index] as NlcstSentence;
      const start = child.position?.start.offset ?? 0;
      const end = child.position?.end.offset ?? start;
      sentences.push(new LazySentence(child, start, end, wordCount));
    }
  }
  return sentences;
}
