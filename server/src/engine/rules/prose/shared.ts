/**
 * Helpers shared by the prose/* rules (not a rule): running retext plugins on the document's nlcst
 * tree, finding the sentence and block around an offset, and telling the writer's own prose from
 * quoted speech (block quotes, transcripts, “quoted words”), which is not theirs to edit.
 */
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Nodes, Parents } from 'mdast';
import type { Paragraph as NlcstParagraph, Root as NlcstRoot } from 'nlcst';
import type { StrategyDocument } from '../../model/document.js';
import { contentIdentity, type Sentence } from '../../model/sentences.js';
import { RangeSet, type Range } from '../../model/ranges.js';
import { transcriptRanges } from './_transcripts.js';
import { normalizeHeading } from '../../model/roles.js';
import type { Section } from '../../model/sections.js';

interface RetextMessage {
  start: number;
  end: number;
  /** The plugin's rule id (e.g. "hedge", "weasel", "filler" for retext-intensify). */
  ruleId: string;
  /** The words as written. */
  actual: string;
}

interface Runner {
  runSync(tree: NlcstRoot, file: VFile): unknown;
}

const processors = new Map<string, Runner>();

/** A message of a plugin run, with offsets from the start of its paragraph. */
interface RelativeMessage { start: number; end: number; ruleId: string; actual: string }

/**
 * Messages per paragraph content (see contentIdentity in model/sentences.ts) and run key: a
 * plugin searches within a sentence, so what it reports in a paragraph depends on that paragraph
 * alone, and a paragraph that did not change is not searched again.
 */
const paragraphMessages = new WeakMap<object, Map<string, RelativeMessage[]>>();

/**
 * Run one retext plugin on the document's nlcst tree and return its messages with source offsets.
 * Processors are built once per (plugin, options) key and reused across lints.
 * `only`: a cheap test for the sentences worth searching (a RegExp), or a tree of just the
 * candidates. Unless `only` is a tree, messages are cached per paragraph.
 */
export function runRetext(doc: StrategyDocument, key: string, build: () => Runner, only?: RegExp | NlcstRoot): RetextMessage[] {
  let processor = processors.get(key);
  if (!processor) {
    if (processors.size > 50) processors.clear();
    processor = build();
    processors.set(key, processor);
  }
  if (only !== undefined && !(only instanceof RegExp)) return run(doc, processor, only);
  const cacheKey = only ? `${key}\u0000${only.source}\u0000${only.flags}` : key;
  const paragraphs: NlcstParagraph[] = [];
  const found: Array<RelativeMessage[] | undefined> = [];
  const missing: number[] = [];
  for (const node of doc.nlcst.children) {
    if (node.type !== 'ParagraphNode' || !node.position) continue;
    const cached = paragraphMessages.get(contentIdentity(node))?.get(cacheKey);
    if (!cached) missing.push(paragraphs.length);
    paragraphs.push(node);
    found.push(cached);
  }
  if (missing.length > 0) {
    // One run over every paragraph not in the cache (only its matching sentences, with a prefilter).
    const children: NlcstRoot['children'] = [];
    for (const index of missing) {
      const paragraph = only ? prunedParagraph(doc, paragraphs[index], only) : paragraphs[index];
      if (paragraph) children.push(paragraph);
      found[index] = [];
    }
    const starts = missing.map((index) => paragraphs[index].position!.start.offset ?? 0);
    const tree: NlcstRoot = { type: 'RootNode', children };
    for (const message of children.length > 0 ? run(doc, processor, tree) : []) {
      // The paragraph the message is in: the last one starting at or before it.
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= message.start) low = mid;
        else high = mid - 1;
      }
      const base = starts[low];
      found[missing[low]]!.push({ start: message.start - base, end: message.end - base, ruleId: message.ruleId, actual: message.actual });
    }
    for (const index of missing) {
      const identity = contentIdentity(paragraphs[index]);
      let byKey = paragraphMessages.get(identity);
      if (!byKey) paragraphMessages.set(identity, (byKey = new Map()));
      if (byKey.size > 20) byKey.clear();
      byKey.set(cacheKey, found[index]!);
    }
  }
  const messages: RetextMessage[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const base = paragraphs[i].position!.start.offset ?? 0;
    for (const message of found[i]!) {
      messages.push({ start: message.start + base, end: message.end + base, ruleId: message.ruleId, actual: message.actual });
    }
  }
  return messages;
}

function run(doc: StrategyDocument, processor: Runner, tree: NlcstRoot): RetextMessage[] {
  const file = new VFile();
  processor.runSync(tree, file);
  const messages: RetextMessage[] = [];
  for (const message of file.messages) {
    const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
    const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
    if (start === undefined || end === undefined) continue;
    messages.push({ start, end, ruleId: message.ruleId ?? '', actual: message.actual ?? doc.text.slice(start, end) });
  }
  return messages;
}

/**
 * A paragraph with only the sentences whose source text matches `prefilter` (a cheap test for the
 * words a plugin looks for), or null when none does: plugins walk every word, and most paragraphs
 * have nothing for them. Positions are untouched, so messages still point into the source.
 */
function prunedParagraph(doc: StrategyDocument, paragraph: NlcstParagraph, prefilter: RegExp): NlcstParagraph | null {
  const matches = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }): boolean => {
    if (!node.position) return false;
    prefilter.lastIndex = 0;
    return prefilter.test(doc.text.slice(node.position.start.offset ?? 0, node.position.end.offset ?? 0));
  };
  if (!matches(paragraph)) return null;
  // Keep only the sentences that match: plugins search within a sentence.
  const sentences = paragraph.children.filter((child) => child.type === 'SentenceNode' && matches(child));
  return sentences.length === paragraph.children.length ? paragraph : { ...paragraph, children: sentences };
}

/** A processor running one attacher with its options; typed loosely because retext plugins are plain transformers. */
export function retextProcessor(plugin: unknown, options: unknown): Runner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (unified() as any).use(plugin, options).freeze() as Runner;
}

const quotedBlocks = new WeakMap<StrategyDocument, { quotes: RangeSet; all: RangeSet }>();

function quotedRanges(doc: StrategyDocument): { quotes: RangeSet; all: RangeSet } {
  let ranges = quotedBlocks.get(doc);
  if (!ranges) {
    const quotes: Range[] = [];
    const visit = (node: Nodes): void => {
      if (node.type === 'blockquote') {
        quotes.push({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 });
        return;
      }
      if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
      if ('children' in node) for (const child of (node as Parents).children as Nodes[]) visit(child);
    };
    visit(doc.root);
    ranges = { quotes: new RangeSet(quotes), all: new RangeSet([...quotes, ...transcriptRanges(doc)]) };
    quotedBlocks.set(doc, ranges);
  }
  return ranges;
}

/**
 * Is the offset inside someone else's words at block level: a block quote, or a transcript
 * (_transcripts.ts)? The clarity rules judge the writer's own prose only.
 */
export function inQuotedBlock(doc: StrategyDocument, offset: number): boolean {
  return quotedRanges(doc).all.covers(offset);
}

/** Is the offset inside a Markdown block quote (`> …`)? */
export function inBlockQuote(doc: StrategyDocument, offset: number): boolean {
  return quotedRanges(doc).quotes.covers(offset);
}

/** Said once in the docs of every rule that skips quoted blocks. */
export const SKIPS_QUOTED_BLOCKS = 'Block quotes and transcripts (a stretch with timestamps like `[00:12:30]`, or with turns of two or more speakers, `Maria: …`) are someone else\'s words and are not checked.';

/** The sentence containing a source offset (binary search over the document's sentences). */
export function sentenceAt(doc: StrategyDocument, offset: number): Sentence | null {
  const sentences = doc.sentences;
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const sentence = sentences[mid];
    if (offset < sentence.start) high = mid - 1;
    else if (offset >= sentence.end) low = mid + 1;
    else return sentence;
  }
  return null;
}

const quoteSpans = new WeakMap<Sentence, Array<{ start: number; end: number }>>();

/** Source ranges of “quoted words” in a sentence: curly quotes, and straight quotes that pair up. */
function spansOf(doc: StrategyDocument, sentence: Sentence): Array<{ start: number; end: number }> {
  let spans = quoteSpans.get(sentence);
  if (!spans) {
    spans = [];
    const text = doc.text.slice(sentence.start, sentence.end);
    let open = -1;
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (char === '\u201c') {
        if (depth++ === 0) open = i;
      } else if (char === '\u201d' && depth > 0 && --depth === 0) {
        spans.push({ start: sentence.start + open, end: sentence.start + i + 1 });
      }
    }
    if (depth > 0) spans.push({ start: sentence.start + open, end: sentence.end }); // unclosed: quoted to the end
    const straight: number[] = [];
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) straight.push(i);
    if (straight.length % 2 === 0) {
      for (let i = 0; i < straight.length; i += 2) spans.push({ start: sentence.start + straight[i], end: sentence.start + straight[i + 1] + 1 });
    }
    quoteSpans.set(sentence, spans);
  }
  return spans;
}

/** Is source[offset] inside “quoted words” within its sentence? */
function inQuotation(doc: StrategyDocument, offset: number): boolean {
  const sentence = sentenceAt(doc, offset);
  if (!sentence) return false;
  return spansOf(doc, sentence).some((span) => offset > span.start && offset < span.end);
}

/** Someone else's words: a block quote, a transcript, or a quotation inside a sentence. */
export function isQuoted(doc: StrategyDocument, offset: number): boolean {
  return inQuotedBlock(doc, offset) || inQuotation(doc, offset);
}

const WORD_BEFORE = /([\p{L}\p{N}'’]+)[^\p{L}\p{N}\n]{0,3}$/u;
const WORD_CHAR = /^[\p{L}\p{N}'’]$/u;
const GAP_CHAR = /^[^\p{L}\p{N}\n]$/u;

/** The word right before / after a range in the source ('' at a boundary). */
export function wordBefore(text: string, offset: number): string {
  const window = text.slice(Math.max(0, offset - 40), offset);
  // WORD_BEFORE on the whole window tries every start and backtracks; its match can only start
  // where a run of word characters starts that ends 0–3 gap characters before the end. Find the
  // leftmost such start (by code points, as the /u regex reads), and run it from there.
  let from = -1;
  let j = window.length;
  for (let gaps = 0; gaps <= 3 && j > 0; gaps++) {
    const before = codePointBefore(window, j);
    if (WORD_CHAR.test(before)) {
      let start = j - before.length;
      while (start > 0) {
        const previous = codePointBefore(window, start);
        if (!WORD_CHAR.test(previous)) break;
        start -= previous.length;
      }
      if (from < 0 || start < from) from = start;
    }
    if (gaps === 3 || !GAP_CHAR.test(before)) break;
    j -= before.length;
  }
  if (from < 0) return '';
  const match = WORD_BEFORE.exec(window.slice(from));
  return match ? match[1].toLowerCase().replace(/’/g, "'") : '';
}

/** The code point (one or two code units) that ends at `end`. */
function codePointBefore(text: string, end: number): string {
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(end - 2, end);
  }
  return text.slice(end - 1, end);
}

export function wordAfter(text: string, offset: number): string {
  const match = /^[^\p{L}\p{N}\n]{0,3}([\p{L}\p{N}'’]+)/u.exec(text.slice(offset, offset + 40));
  return match ? match[1].toLowerCase().replace(/’/g, "'") : '';
}

/** A phrase in quotation marks for a message, its white space collapsed (never shortened). */
export function inQuotes(text: string): string {
  return `"${text.replace(/\s+/g, ' ').trim()}"`;
}

/** Where a sentence ends in plain text: terminal punctuation, closing quotes, then a space. */
const SENTENCE_END = /[.!?…]["”’)\]]*\s+/g;

/**
 * The sentence of a block's text around an index, found without the nlcst layer (for rules that
 * must stay cheap): from the previous sentence end to the next one.
 */
export function sentenceInBlock(text: string, index: number): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  SENTENCE_END.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SENTENCE_END.exec(text)) !== null) {
    const end = match.index + match[0].length;
    if (end <= index) from = end;
    else {
      to = match.index + 1;
      break;
    }
  }
  return { from, to };
}

/** Is text[index] inside “quoted words” of its sentence (curly quotes, or straight ones that pair up)? */
export function quotedInText(text: string, index: number): boolean {
  const { from, to } = sentenceInBlock(text, index);
  const before = text.slice(from, index);
  let curly = 0;
  for (const char of before) {
    if (char === '\u201c') curly++;
    else if (char === '\u201d') curly = Math.max(0, curly - 1);
  }
  if (curly > 0) return true;
  const straightBefore = before.split('"').length - 1;
  const straightAll = text.slice(from, to).split('"').length - 1;
  return straightAll % 2 === 0 && straightBefore % 2 === 1;
}

/**
 * Headings of sections that weigh what may happen rather than commit to it: an RFC's "Drawbacks"
 * and "Unresolved questions", a design doc's "Concerns" and "Future work".
 */
export const SPECULATIVE_HEADINGS: readonly string[] = ['drawbacks', 'downsides', 'consequences', 'cons', 'concerns', 'caveats',
  'assumptions', 'unresolved questions', 'open questions', 'future possibilities', 'future work'];

/** Is the section, or one of its ancestors, headed by one of these names (compared as normalised headings)? */
export function underHeading(section: Section | null, names: readonly string[]): boolean {
  if (!section || names.length === 0) return false;
  const wanted = new Set(names.map(normalizeHeading));
  for (let s: Section | null = section; s; s = s.parent) if (wanted.has(normalizeHeading(s.title))) return true;
  return false;
}
