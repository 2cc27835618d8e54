/**
 * The sentence/word layer, from the unified ecosystem: mdast → nlcst with mdast-util-to-nlcst and
 * parse-english. Code, HTML and front matter are not prose; inline code becomes a `SourceNode`.
 * Positions on nlcst nodes are source offsets, so retext plugins report exact ranges.
 */
import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseEnglish } from 'parse-english';
import { toString } from 'nlcst-to-string';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import type { Root as NlcstRoot, Sentence as NlcstSentence, Paragraph as NlcstParagraph } from 'nlcst';

export interface Sentence {
  node: NlcstSentence;
  text: string;
  start: number;
  end: number;
  /** Word nodes in the sentence (inline code and symbols excluded). */
  wordCount: number;
}

export function buildNlcst(root: Root, text: string): NlcstRoot {
  return toNlcst(root, new VFile(text), ParseEnglish, { ignore: ['yaml', 'html', 'code'] });
}

export function sentencesOf(tree: NlcstRoot): Sentence[] {
  const sentences: Sentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const child of (paragraph as NlcstParagraph).children) {
      if (child.type !== 'SentenceNode') continue;
      const start = child.position?.start.offset ?? 0;
      const end = child.position?.end.offset ?? start;
      const wordCount = child.children.filter((node) => node.type === 'WordNode').length;
      sentences.push({ node: child, text: toString(child), start, end, wordCount });
    }
  }
  return sentences;
}
