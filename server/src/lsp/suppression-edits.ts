/**
 * Edits behind "Disable <rule> for this line" and "Disable <rule> for this file". Pure functions
 * of the text (offsets, like the engine's fixes), written so the inserted comment never changes
 * how the Markdown renders:
 *
 * - a line that starts a block gets `<!-- strategy-lint-disable-next-line id -->` on its own line
 *   above, indented so it stays inside the same list item, blockquote or list (a comment at the
 *   wrong indentation would end a list and start a new one);
 * - a table row or a line in the middle of a paragraph (including lazy continuation lines) cannot
 *   take a line above without splitting the table or paragraph: it gets an inline
 *   `<!-- strategy-lint-disable-line id -->` at the end of its text (inside the last cell);
 * - anything else (code, raw HTML) falls back to a disable/enable pair around the top-level block;
 * - "for this file" adds the id to front matter `strategy-lint: { disable: [...] }`, creating the
 *   front matter or the key when absent and editing existing YAML in place.
 */
import type { Nodes, Parents, Root, RootContent, Yaml } from 'mdast';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex, type TextEdit } from '../engine/index.js';
import { parseMarkdown } from '../engine/model/parse.js';

/** The last text parsed, and its tree: one code action request asks for several edits of one text. */
let lastParse: { text: string; root: Root } | null = null;
function parse(text: string): Root {
  if (lastParse?.text !== text) lastParse = { text, root: parseMarkdown(text) };
  return lastParse.root;
}

const startOf = (node: Nodes): number => node.position?.start.offset ?? 0;
const endOf = (node: Nodes): number => node.position?.end.offset ?? 0;

/** Block nodes from the root down to the deepest one that contains `offset`. */
function blockChain(root: Root, offset: number): Nodes[] {
  const chain: Nodes[] = [root];
  let current: Nodes = root;
  for (;;) {
    if (!('children' in current) || current.type === 'paragraph' || current.type === 'heading' || current.type === 'tableCell') break;
    const next: Nodes | undefined = ((current as Parents).children as Nodes[]).find((child) => startOf(child) <= offset && offset < Math.max(endOf(child), startOf(child) + 1));
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

function hasType(chain: readonly Nodes[], type: Nodes['type']): Nodes | undefined {
  return chain.find((node) => node.type === type);
}

export function disableForLineEdit(text: string, line: number, ruleId: string): TextEdit {
  const lines = new LineIndex(text);
  const eol = lines.eol;
  const safeLine = Math.max(0, Math.min(line, lines.lineCount - 1));
  const lineStart = lines.lineStarts[safeLine];
  const lineEnd = lines.lineEnd(safeLine);
  const lineText = text.slice(lineStart, lineEnd);
  const indentWidth = lineText.length - lineText.replace(/^[\s>]*/, '').length;
  const root = parse(text);
  const chain = blockChain(root, lineStart + Math.min(indentWidth, Math.max(0, lineText.length - 1)));
  const nextLine = `<!-- strategy-lint-disable-next-line ${ruleId} -->`;
  const sameLine = `<!-- strategy-lint-disable-line ${ruleId} -->`;
  const lineOf = (offset: number): number => lines.positionAt(offset).line;

  if (hasType(chain, 'code') || hasType(chain, 'html') || hasType(chain, 'yaml')) return pairAround(text, lines, chain, ruleId);

  // Table rows: inline, inside the last cell, so the row keeps its cells.
  if (hasType(chain, 'table')) {
    const trimmed = lineText.replace(/\s+$/, '');
    if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) {
      const pipe = lineStart + trimmed.length - 1;
      const before = text[pipe - 1] === ' ' ? '' : ' ';
      return { start: pipe, end: pipe, newText: `${before}${sameLine} ` };
    }
    const end = lineStart + trimmed.length;
    return { start: end, end, newText: ` ${sameLine}` };
  }

  // Inline at the end of the line's text (before a hard break, which must stay last).
  const inline = (): TextEdit => {
    const hardBreak = /( {2,}|\\)$/.exec(lineText);
    const contentEnd = lineStart + (hardBreak ? lineText.length - hardBreak[0].length : lineText.replace(/\s+$/, '').length);
    return { start: contentEnd, end: contentEnd, newText: ` ${sameLine}` };
  };

  // A paragraph line that is not the paragraph's first (lazy continuation included): inline.
  const paragraph = hasType(chain, 'paragraph');
  if (paragraph && lineOf(startOf(paragraph)) < safeLine) return inline();

  // A line that starts a block: a comment line above it, inside the same container.
  const startsHere = chain.slice(1).find((node) => lineOf(startOf(node)) === safeLine);
  if (!startsHere) return pairAround(text, lines, chain, ruleId);
  const column = lines.positionAt(startOf(startsHere)).character;
  let prefix = lineText.slice(0, column);
  if (startsHere.type === 'listItem') {
    // Not the list's first item: indent to the previous item's content, so the comment belongs
    // to it and the list is not split in two.
    const list = chain[chain.indexOf(startsHere) - 1] as Parents;
    const index = list.children.indexOf(startsHere as never);
    // In a loose list (a blank line above), a comment line would become part of the previous
    // item, separated by that blank line, and make it loose: stay on the item's own line.
    const above = safeLine > 0 ? text.slice(lines.lineStarts[safeLine - 1], lines.lineEnd(safeLine - 1)) : '';
    if (index > 0 && /^[\s>]*$/.test(above)) return inline();
    const previous = index > 0 ? (list.children[index - 1] as Parents) : null;
    const firstChild = previous?.children[0] as Nodes | undefined;
    const contentColumn = firstChild ? lines.positionAt(startOf(firstChild)).character : column + 2;
    prefix = prefix.replace(/[^>\s]/g, ' ') + ' '.repeat(Math.max(0, contentColumn - column));
  } else {
    prefix = prefix.replace(/[^>\s]/g, ' ');
  }
  return { start: lineStart, end: lineStart, newText: `${prefix}${nextLine}${eol}` };
}

/** Fallback: `disable` before and `enable` after the top-level block that holds the line. */
function pairAround(text: string, lines: LineIndex, chain: readonly Nodes[], ruleId: string): TextEdit {
  const block = (chain[1] ?? chain[0]) as RootContent;
  const eol = lines.eol;
  const firstLine = lines.positionAt(startOf(block)).line;
  const lastLine = lines.positionAt(Math.max(startOf(block), endOf(block) - 1)).line;
  const start = lines.lineStarts[firstLine];
  const end = lines.lineEnd(lastLine);
  const original = text.slice(start, end);
  return {
    start,
    end,
    newText: `<!-- strategy-lint-disable ${ruleId} -->${eol}${original}${eol}${eol}<!-- strategy-lint-enable ${ruleId} -->`,
  };
}

// ---------------------------------------------------------------------------------------------
// Disable for this file: front matter `strategy-lint: { disable: [...] }`.

/** The edit that adds `ruleId` to the front matter's disable list, or null if it cannot be done safely. */
export function disableForFileEdit(text: string, ruleId: string): TextEdit | null {
  const lines = new LineIndex(text);
  const eol = lines.eol;
  const root = parse(text);
  const first = root.children[0];
  if (!first || first.type !== 'yaml') {
    const at = text.startsWith('\uFEFF') ? 1 : 0;
    return { start: at, end: at, newText: `---${eol}strategy-lint:${eol}  disable: [${ruleId}]${eol}---${eol}${eol}` };
  }
  const yamlNode = first as Yaml;
  // The body sits between the opening fence line and the closing fence line.
  const fenceStart = startOf(yamlNode);
  const bodyStart = lines.lineStarts[lines.positionAt(fenceStart).line + 1] ?? text.length;
  const closingLine = lines.positionAt(endOf(yamlNode)).line;
  const bodyEnd = Math.max(bodyStart, lines.lineStarts[closingLine]);
  const body = text.slice(bodyStart, bodyEnd);
  const insert = (offsetInBody: number, newText: string): TextEdit => ({ start: bodyStart + offsetInBody, end: bodyStart + offsetInBody, newText });

  const doc = parseDocument(body, { keepSourceTokens: true });
  if (doc.errors.length > 0) return null;
  const contents = doc.contents as YamlNode | null;
  if (contents !== null && !isMap(contents)) return null;
  const own = contents ? (contents as YAMLMap).get('strategy-lint', true) as YamlNode | undefined : undefined;

  if (own === undefined || own === null) {
    const needsBreak = body.length > 0 && !body.endsWith('\n');
    return insert(body.length, `${needsBreak ? eol : ''}strategy-lint:${eol}  disable: [${ruleId}]${eol}`);
  }
  if (!isMap(own)) return replaceBody(text, bodyStart, bodyEnd, body, doc, ruleId);
  const map = own as YAMLMap;
  const disable = map.get('disable', true) as YamlNode | undefined;
  if (disable === undefined) {
    const range = map.range;
    if (!range) return replaceBody(text, bodyStart, bodyEnd, body, doc, ruleId);
    if (map.flow) {
      const close = body.lastIndexOf('}', range[1]);
      if (close < 0) return replaceBody(text, bodyStart, bodyEnd, body, doc, ruleId);
      const trimmedBefore = body.slice(0, close).replace(/\s+$/, '');
      const empty = map.items.length === 0;
      return { start: bodyStart + trimmedBefore.length, end: bodyStart + close, newText: `${empty ? ' ' : ', '}disable: [${ruleId}] ` };
    }
    const firstKey = map.items[0]?.key as YamlNode | undefined;
    const keyStart = firstKey?.range?.[0] ?? range[0];
    const indent = body.slice(body.lastIndexOf('\n', keyStart - 1) + 1, keyStart);
    const at = range[1];
    const needsBreak = at > 0 && body[at - 1] !== '\n';
    return insert(at, `${needsBreak ? eol : ''}${indent}disable: [${ruleId}]${eol}`);
  }
  if (isSeq(disable)) {
    const seq = disable as YAMLSeq;
    if (seq.items.some((item) => (isScalar(item) ? String(item.value) : String(item)) === ruleId)) return null;
    const range = seq.range;
    if (!range) return replaceBody(text, bodyStart, bodyEnd, body, doc, ruleId);
    if (seq.flow) {
      const close = body.lastIndexOf(']', range[1]);
      if (close < 0) return replaceBody(text, bodyStart, bodyEnd, body, doc, ruleId);
      const empty = seq.items.length === 0;
      const trimmedBefore = body.slice(0, close).replace(/\s+$/, '');
      return { start: bodyStart + trimmedBefore.length, end: bodyStart + close, newText: `${empty ? '' : ', '}${ruleId}` };
    }
    const firstItem = seq.items[0] as YamlNode | undefined;
    const itemStart = firstItem?.range?.[0] ?? range[0];
    const lineStart = body.lastIndexOf('\n', itemStart - 1) + 1;
    const prefix = /^\s*-\s*/.exec(body.slice(lineStart, itemStart))?.[0] ?? '  - ';
    const at = range[1];
    const needsBreak = at > 0 && body[at - 1] !== '\n';
    return insert(at, `${needsBreak ? eol : ''}${prefix}${ruleId}${eol}`);
  }
  return replaceBody(text, bodyStart, bodyEnd, body, doc, ruleId);
}

/** General case (a scalar `disable: id`, odd layouts): edit the YAML document and rewrite the body. */
function replaceBody(text: string, bodyStart: number, bodyEnd: number, body: string, doc: ReturnType<typeof parseDocument>, ruleId: string): TextEdit | null {
  try {
    const own = doc.get('strategy-lint');
    if (!isMap(own)) doc.set('strategy-lint', doc.createNode({ disable: [ruleId] }, { flow: true }));
    else {
      const current = own.get('disable');
      const list = isSeq(current) ? current.items.map((item) => (isScalar(item) ? String(item.value) : String(item)))
        : current === undefined || current === null ? [] : [String(isScalar(current) ? current.value : current)];
      if (list.includes(ruleId)) return null;
      own.set('disable', doc.createNode([...list, ruleId], { flow: true }));
    }
    let rewritten = doc.toString({ lineWidth: 0 });
    const eol = /\r\n/.test(text) ? '\r\n' : '\n';
    if (eol === '\r\n') rewritten = rewritten.replace(/\r?\n/g, '\r\n');
    if (rewritten === body) return null;
    return { start: bodyStart, end: bodyEnd, newText: rewritten };
  } catch {
    return null;
  }
}
