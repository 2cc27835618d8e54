/**
 * The sentence/word layer, from the unified ecosystem: mdast → nlcst with mdast-util-to-nlcst and
 * parse-english. Code, HTML and front matter are not prose; inline code becomes a `SourceNode`.
 * Positions on nlcst nodes are source offsets, so retext plugins report exact ranges.
 *
 * Two adjustments to the plain conversion:
 * - a link whose text is its own URL (GFM autolink literals, `<https://…>`, e-mail addresses) is
 *   a `SourceNode`, like inline code: a URL is not fifteen words of prose;
 * - table cells, which mdast-util-to-nlcst skips, are parsed one by one from their prose text and
 *   spliced in as paragraphs of their own (an options table's cells are prose too).
 */
import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseEnglish } from 'parse-english';
import { toString } from 'nlcst-to-string';
import { VFile } from 'vfile';
import type { Nodes, Parents, Root, TableCell } from 'mdast';
import type { Node as UnistNode } from 'unist';
import type {
  Root as NlcstRoot, Sentence as NlcstSentence, Paragraph as NlcstParagraph, RootContent as NlcstRootContent,
} from 'nlcst';
import { LineIndex } from './line-index.js';
import { plainText, textBlockOf, type TextBlock } from './text-block.js';

export interface Sentence {
  node: NlcstSentence;
  /** The sentence as plain text (computed on first use). */
  readonly text: string;
  start: number;
  end: number;
  /** Word nodes in the sentence (inline code and symbols excluded). */
  wordCount: number;
}

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.|mailto:)\S*$|^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

/** True when a link shows its own address rather than words. */
function isAddressLink(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  const shown = plainText(node).trim();
  return shown.length > 0 && (URL_LIKE.test(shown) || shown === node.url);
}

/**
 * A copy of the tree in which address links are inline code; untouched subtrees are shared with
 * the original (the document's tree is never mutated).
 */
function proseTree<T extends Nodes>(node: T): T {
  if (isAddressLink(node)) return { type: 'inlineCode', value: plainText(node), position: node.position } as unknown as T;
  if (!('children' in node)) return node;
  const children = (node as Parents).children as Nodes[];
  let changed = false;
  const mapped = children.map((child) => {
    const next = proseTree(child);
    if (next !== child) changed = true;
    return next;
  });
  return changed ? ({ ...node, children: mapped } as T) : node;
}

function collectCells(node: Nodes, cells: TableCell[]): void {
  if (node.type === 'tableCell') {
    cells.push(node);
    return;
  }
  if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
  if ('children' in node) for (const child of (node as Parents).children as Nodes[]) collectCells(child, cells);
}

let parser: ParseEnglish | undefined;

/** Re-anchor positions of a tree parsed from a block's prose text onto source offsets. */
function anchor(node: UnistNode, block: TextBlock, lines: LineIndex): void {
  if (node.position) {
    const start = block.sourceOffset(node.position.start.offset ?? 0);
    const end = Math.max(start, block.sourceOffset(node.position.end.offset ?? 0, true));
    const from = lines.positionAt(start);
    const to = lines.positionAt(end);
    node.position = {
      start: { line: from.line + 1, column: from.character + 1, offset: start },
      end: { line: to.line + 1, column: to.character + 1, offset: end },
    };
  }
  const children = (node as { children?: UnistNode[] }).children;
  if (children) for (const child of children) anchor(child, block, lines);
}

/** Paragraphs of one table cell, positioned in the source. */
function cellParagraphs(cell: TableCell, lines: LineIndex): NlcstParagraph[] {
  const block = textBlockOf('tableCell', cell);
  if (!/[\p{L}\p{N}]/u.test(block.text)) return [];
  parser ??= new ParseEnglish();
  const tree = parser.parse(block.text);
  anchor(tree, block, lines);
  return tree.children.filter((child): child is NlcstParagraph => child.type === 'ParagraphNode');
}

export function buildNlcst(root: Root, text: string): NlcstRoot {
  const tree = toNlcst(proseTree(root), new VFile(text), ParseEnglish, { ignore: ['yaml', 'html', 'code'] });
  const cells: TableCell[] = [];
  collectCells(root, cells);
  if (cells.length === 0) return tree;

  const lines = new LineIndex(text);
  const extra = cells.flatMap((cell) => cellParagraphs(cell, lines));
  if (extra.length === 0) return tree;
  const offsetOf = (node: NlcstRootContent): number => node.position?.start.offset ?? 0;
  const merged: NlcstRootContent[] = [];
  const main = tree.children;
  let i = 0;
  for (const paragraph of extra) {
    while (i < main.length && offsetOf(main[i]) <= offsetOf(paragraph)) merged.push(main[i++]);
    merged.push({ type: 'WhiteSpaceNode', value: '\n\n' }, paragraph, { type: 'WhiteSpaceNode', value: '\n\n' });
  }
  while (i < main.length) merged.push(main[i++]);
  return { ...tree, children: merged };
}

/** A sentence whose text is computed on first use (most rules only need offsets and counts). */
class LazySentence implements Sentence {
  private cachedText?: string;
  constructor(readonly node: NlcstSentence, readonly start: number, readonly end: number, readonly wordCount: number) {}
  get text(): string {
    this.cachedText ??= toString(this.node);
    return this.cachedText;
  }
}

export function sentencesOf(tree: NlcstRoot): Sentence[] {
  const sentences: Sentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const child of (paragraph as NlcstParagraph).children) {
      if (child.type !== 'SentenceNode') continue;
      const start = child.position?.start.offset ?? 0;
      const end = child.position?.end.offset ?? start;
      let wordCount = 0;
      for (const node of child.children) if (node.type === 'WordNode') wordCount++;
      sentences.push(new LazySentence(child, start, end, wordCount));
    }
  }
  return sentences;
}
