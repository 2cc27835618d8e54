/**
 * "Set the document type": the edit that writes `strategy-lint: { type: … }` into the front
 * matter, creating the front matter or the key when absent and editing existing YAML in place.
 * Front matter is the first thing the type decision reads, so the edit settles the type whatever
 * the path, title or headings say; `generic` is how a writer says "this is not a strategy document".
 */
import { isMap, parseDocument } from 'yaml';
import { LineIndex, type DocType, type TextEdit } from '../engine/index.js';
import { parseMarkdown } from '../engine/model/parse.js';

export function setDocumentTypeEdit(text: string, type: DocType): TextEdit | null {
  const lines = new LineIndex(text);
  const eol = lines.eol;
  const root = parseMarkdown(text);
  const first = root.children[0];
  if (!first || first.type !== 'yaml') {
    const at = text.startsWith('\uFEFF') ? 1 : 0;
    return { start: at, end: at, newText: `---${eol}strategy-lint:${eol}  type: ${type}${eol}---${eol}${eol}` };
  }
  const fenceStart = first.position?.start.offset ?? 0;
  const bodyStart = lines.lineStarts[lines.positionAt(fenceStart).line + 1] ?? text.length;
  const closingLine = lines.positionAt(first.position?.end.offset ?? 0).line;
  const bodyEnd = Math.max(bodyStart, lines.lineStarts[closingLine]);
  const body = text.slice(bodyStart, bodyEnd);
  const doc = parseDocument(body);
  if (doc.errors.length > 0) return null;
  if (doc.contents !== null && !isMap(doc.contents)) return null;
  const own = doc.get('strategy-lint');
  if (own !== undefined && own !== null && !isMap(own)) return null;
  if (doc.getIn(['strategy-lint', 'type']) === type) return null;
  if (!isMap(own)) {
    // No settings of ours yet: append the key, leaving the rest of the YAML exactly as written.
    const needsBreak = body.length > 0 && !body.endsWith('\n');
    return { start: bodyEnd, end: bodyEnd, newText: `${needsBreak ? eol : ''}strategy-lint:${eol}  type: ${type}${eol}` };
  }
  doc.setIn(['strategy-lint', 'type'], type);
  // A top-level `doctype:` would now disagree with the type written: the key of our own wins, drop it.
  if (doc.has('doctype')) doc.delete('doctype');
  let rewritten = doc.toString({ lineWidth: 0 });
  if (eol === '\r\n') rewritten = rewritten.replace(/\r?\n/g, '\r\n');
  return rewritten === body ? null : { start: bodyStart, end: bodyEnd, newText: rewritten };
}
