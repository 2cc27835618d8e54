/**
 * Markdown → mdast with exact source offsets, via unified + remark-parse (+ GFM tables and task
 * lists, + YAML front matter). The processor is built once: it is the hot path of every lint.
 *
 * Four repairs keep the tree exact and the parse linear (see docs/reliability.md):
 * - pathological nesting and delimiter runs are neutralised first, in a copy of the text of the
 *   same length (markup-limits.ts);
 * - micromark's EditMap.consume copies the whole event list on every call, which makes parsing
 *   quadratic in the number of containers (lists, block quotes) a document closes: it is replaced
 *   by an equivalent that only moves the events after the first edit, installed by the first
 *   parse after a self-test (micromark-linear-consume.ts);
 * - the blank-line check every open list item makes on every line reads the source instead of
 *   consuming the line's blanks, so deep lists are not quadratic in their depth (blank-line.ts);
 * - a text node's value can be shorter than its source (continuation lines lose their `>` and
 *   indentation, escapes and character references shrink, trailing spaces go): such nodes get a
 *   map from value to source (`data.sourceMap`), so words are placed on the right characters.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseToml } from 'smol-toml';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { parseDocument, isMap, isScalar } from 'yaml';
import type { ListItem, Nodes, Parents, Root, RootContent, Text, Yaml } from 'mdast';
import { limitMarkup } from './markup-limits.js';
import { LineIndex } from './line-index.js';
import { leadingByteOrderMarks } from './byte-order-mark.js';
import { withBlankLineSource } from './blank-line.js';
import { useLinearEditMap } from './micromark-linear-consume.js';



/** YAML (`---`) and TOML (`+++`, as Hugo and Zola blogs write it) front matter. */
const FRONT_MATTER = ['yaml', 'toml'] as const;

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, [...FRONT_MATTER]);

/**
 * GFM without autolink literals, for texts that cannot hold one: every autolink literal (and the
 * transform that finds more in text nodes) needs `www`, `://` or `@`. The literal extension tries
 * a construct at every letter and digit, which makes micromark cut text into one-character data
 * tokens; without it the same text parses two to three times faster, to the same tree (the
 * property test in test/incremental-helpers.test.ts compares the two).
 */
const withoutAutolinkLiterals = unified().use(remarkParse).use(function gfmWithoutAutolinkLiterals(this: unknown) {
  const data = (this as { data(): Record<string, unknown[] | undefined> }).data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}).use(remarkFrontmatter, [...FRONT_MATTER]);

/** Could the text hold an autolink literal (www., http://, https://, an e-mail, mailto:, xmpp:)? */
export const AUTOLINK_TRIGGER = /www|:\/\/|@/i;

/** The GFM parser a text needs (see withoutAutolinkLiterals). */
export function processorFor(text: string): { parse(text: string): unknown } {
  return AUTOLINK_TRIGGER.test(text) ? processor : withoutAutolinkLiterals;
}

export interface FrontMatter {
  /** Parsed YAML (or TOML) mapping, or null when the block is empty, not a mapping, or cannot be read. */
  data: Record<string, unknown> | null;
  /** Why the block could not be read, for a clear message; undefined when it parsed. */
  error?: string;
  start: number;
  end: number;
}

export function parseMarkdown(text: string): Root {
  useLinearEditMap();
  const safe = limitMarkup(text).text;
  // micromark drops a byte-order mark, which would shift every offset by one: parse without the
  // leading marks (all of them: micromark would drop a second one too) and move the positions
  // back onto the real text.
  const bom = leadingByteOrderMarks(safe);
  const source = bom ? safe.slice(bom) : safe;
  const root = withBlankLineSource(source, () => processorFor(source).parse(source) as Root);
  // One walk (iterative: trees can be deep): map shortened text values to their source, and shift past the BOM.
  const stack: Nodes[] = [root];
  let lines: LineIndex | undefined;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('children' in node && (node as Parents).children.some((child) => !child.position)) {
      lines ??= new LineIndex(source);
      placeUnpositioned(node as Parents, source, lines);
    }
    if (node.type === 'listItem' && typeof node.checked === 'boolean') {
      lines ??= new LineIndex(source);
      fixTaskParagraph(node, source, lines);
    }
    if (node.type === 'text') mapTextValue(node, source);
    if (bom) {
      for (const point of [node.position?.start, node.position?.end]) {
        if (!point) continue;
        if (point.offset !== undefined) point.offset += bom;
        if (point.line === 1) point.column += bom;
      }
    }
    if ('children' in node) for (const child of (node as Parents).children as Nodes[]) stack.push(child);
  }
  return root;
}

/** The text a phrasing node shows (text values, inline code, link text). */
function shownValue(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return ((node as Parents).children as Nodes[]).map(shownValue).join('');
  return '';
}

/**
 * Give positions to children that have none. The GFM autolink-literal transform splits text
 * nodes after parsing ("[(https://…" → text, link, text) without positions; rules would place
 * their findings at offset 0. The run of unpositioned siblings is aligned with the source between
 * its positioned neighbours.
 */
function placeUnpositioned(parent: Parents, source: string, lines: LineIndex): void {
  const children = parent.children as Nodes[];
  const point = (offset: number) => {
    const at = lines.positionAt(offset);
    return { line: at.line + 1, column: at.character + 1, offset };
  };
  for (let k = 0; k < children.length;) {
    if (children[k].position) {
      k++;
      continue;
    }
    let m = k;
    while (m < children.length && !children[m].position) m++;
    const from = k > 0 ? children[k - 1].position!.end.offset : parent.position?.start.offset;
    const to = m < children.length ? children[m].position!.start.offset : parent.position?.end.offset;
    if (from === undefined || to === undefined || to < from) {
      k = m;
      continue;
    }
    const run = children.slice(k, m);
    const value = run.map(shownValue).join('');
    // Skip markup before the run (a heading's "# "), if the run's first characters are found.
    const head = value.slice(0, 16);
    const found = head ? source.indexOf(head, from) : -1;
    const start = found >= 0 && found < to ? found : from;
    const map = alignValue(value, source.slice(start, to));
    const offsetOf = (index: number, isEnd: boolean): number => {
      for (let q = 0; q + 3 < map.length; q += 4) {
        const [v0, v1, s0, s1] = [map[q], map[q + 1], map[q + 2], map[q + 3]];
        if (isEnd ? index > v0 && index <= v1 : index >= v0 && index < v1) {
          if (v1 - v0 === s1 - s0) return start + s0 + (index - v0);
          return start + (isEnd && index === v1 ? s1 : s0);
        }
      }
      return isEnd ? to : start;
    };
    let at = 0;
    const place = (node: Nodes, valueStart: number): void => {
      const length = shownValue(node).length;
      const startOffset = offsetOf(valueStart, false);
      const endOffset = Math.max(startOffset, length > 0 ? offsetOf(valueStart + length, true) : startOffset);
      node.position = { start: point(startOffset), end: point(endOffset) };
      if ('children' in node) {
        let inner = valueStart;
        for (const child of (node as Parents).children as Nodes[]) {
          if (!child.position) place(child, inner);
          inner += shownValue(child).length;
        }
      }
    };
    for (const node of run) {
      place(node, at);
      at += shownValue(node).length;
    }
    k = m;
  }
}

/**
 * The paragraph of a task item ("- [ ] text") starts after the checkbox; when the text is on the
 * next line, micromark places it on the checkbox's line, and with CRLF its value even starts with
 * the "\n" of the line end. Move the paragraph and its first text to the real start of the text.
 */
function fixTaskParagraph(item: ListItem, source: string, lines: LineIndex): void {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph' || !paragraph.position) return;
  const first = paragraph.children[0];
  const start = paragraph.position.start.offset ?? 0;
  let offset = start;
  while (source.charCodeAt(offset) === 10 || source.charCodeAt(offset) === 13) offset++;
  const at = lines.positionAt(offset);
  const point = { line: at.line + 1, column: at.character + 1, offset };
  if (paragraph.position.start.line === point.line && offset === start) return;
  paragraph.position.start = { ...point };
  if (first?.type === 'text' && first.position?.start.offset === start) {
    const skipped = source.slice(start, offset);
    if (first.value.startsWith(skipped)) first.value = first.value.slice(skipped.length);
    first.position.start = { ...point };
  }
}

/** Where a text value's characters come from, when the value is shorter than its source. */
export interface SourceMapData {
  /** Quadruples [valueStart, valueEnd, sourceStart, sourceEnd], source offsets relative to the node's start. */
  sourceMap?: number[];
}

function mapTextValue(node: Text, source: string): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || end - start === node.value.length) return;
  (node.data ??= {});
  (node.data as SourceMapData).sourceMap = alignValue(node.value, source.slice(start, end));
}

const REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/**
 * Align a text value with its source: the value is the source minus container prefixes,
 * indentation and trailing blanks of continuation lines and escaping backslashes, with character
 * references decoded (and NUL as U+FFFD). Linear; unknown differences are taken one for one.
 */
function alignValue(value: string, source: string): number[] {
  const map: number[] = [];
  let i = 0;
  let j = 0;
  let runValue = 0;
  let runSource = 0;
  const flush = (): void => {
    if (i > runValue) map.push(runValue, i, runSource, runSource + (i - runValue));
  };
  const jump = (valueLength: number, sourceLength: number): void => {
    flush();
    if (valueLength > 0) map.push(i, i + valueLength, j, j + sourceLength);
    i += valueLength;
    j += sourceLength;
    runValue = i;
    runSource = j;
  };
  while (i < value.length && j < source.length) {
    const v = value.charCodeAt(i);
    const s = source.charCodeAt(j);
    if (s === 38 /* & */) {
      REFERENCE.lastIndex = j;
      const reference = REFERENCE.exec(source)?.[0];
      if (reference && !value.startsWith(reference, i)) {
        jump(decodedLength(reference, value, i, source, j + reference.length), reference.length);
        continue;
      }
    }
    if (v === s || (v === 0xfffd && s === 0)) {
      i++;
      j++;
    } else if (s === 92 /* \ */ && source.charCodeAt(j + 1) === v) {
      jump(1, 2);
    } else if (s === 32 || s === 9 || s === 62 /* > */ || (s === 13 && v === 10)) {
      jump(0, 1);
    } else {
      i++;
      j++;
    }
  }
  flush();
  if (i < value.length) map.push(i, value.length, Math.min(j, source.length), source.length);
  return map;
}

/** UTF-16 length of a decoded character reference: exact for numeric ones, by resynchronising for named ones. */
function decodedLength(reference: string, value: string, i: number, source: string, after: number): number {
  if (reference[1] === '#') {
    const code = reference[2] === 'x' || reference[2] === 'X' ? parseInt(reference.slice(3, -1), 16) : parseInt(reference.slice(2, -1), 10);
    return code > 0xffff && code <= 0x10ffff ? 2 : 1;
  }
  for (let k = 1; k <= 4 && i + k <= value.length; k++) {
    if (i + k === value.length ? after >= source.length : value.charCodeAt(i + k) === source.charCodeAt(after)) return k;
  }
  return Math.min(1, value.length - i);
}

export function readFrontMatter(root: Root): FrontMatter | null {
  const first: RootContent | undefined = root.children[0];
  // remark-frontmatter's TOML node is not in mdast's types.
  const toml = first as { type: string; value?: string; position?: Yaml['position'] } | undefined;
  if (toml?.type === 'toml') return readTomlFrontMatter(toml.value ?? '', toml.position?.start.offset ?? 0, toml.position?.end.offset ?? 0);
  if (!first || first.type !== 'yaml') return null;
  const node = first as Yaml;
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? 0;
  try {
    const data: unknown = readYaml(node.value);
    if (data === null || data === undefined) return { data: null, start, end };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: null, error: 'front matter is not a YAML mapping', start, end };
    }
    return { data: data as Record<string, unknown>, start, end };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0].replace(/:\s*$/, '') : String(error);
    return { data: null, error: `front matter is not valid YAML: ${reason}`, start, end };
  }
}

/** TOML front matter (`+++`): read with smol-toml; our settings and the title are read from it as from YAML. */
function readTomlFrontMatter(source: string, start: number, end: number): FrontMatter {
  try {
    const data = parseToml(source) as Record<string, unknown>;
    return { data: Object.keys(data).length > 0 ? data : null, start, end };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { data: null, error: `front matter is not valid TOML: ${reason}`, start, end };
  }
}

/**
 * YAML text → value, as `yaml.parse` with its limits on aliases (no "billion laughs"), but
 * without its duplicate-key check, which compares every key of a mapping with every other one
 * (20,000 keys took four seconds): top-level duplicates are found here with a set instead.
 * Warnings (unknown tags) are not printed. Throws the first error, as `yaml.parse` does.
 */
function readYaml(source: string): unknown {
  const document = parseDocument(source, { uniqueKeys: false, logLevel: 'error' });
  if (document.errors.length > 0) throw document.errors[0];
  if (isMap(document.contents)) {
    const seen = new Set<unknown>();
    for (const item of document.contents.items) {
      const key = isScalar(item.key) ? item.key.value : item.key;
      if (typeof key === 'object' && key !== null) continue;
      if (seen.has(key)) throw new Error(`Map keys must be unique ("${String(key)}" appears twice)`);
      seen.add(key);
    }
  }
  return document.toJS({ maxAliasCount: 50 });
}
