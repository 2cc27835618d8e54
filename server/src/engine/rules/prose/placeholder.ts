import type { Html, Nodes, Parents } from 'mdast';
import { defineRule } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import { inBlockQuote, inQuotes } from './shared.js';
import { tbdIsDate } from './vague-time.js';
import { TextMemo } from '../../text/memo.js';

/** Lower-case tag names that are real HTML: `<details>`, `<br>`, `<sub>` are markup, not placeholders. */
const HTML_TAGS = new Set(('a abbr acronym address area article aside audio b base bdi bdo big blockquote body br button canvas caption '
  + 'center cite code col colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form g h1 h2 '
  + 'h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript '
  + 'object ol optgroup option output p param path picture pre progress q rp rt ruby s samp script section select slot small source '
  + 'span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video '
  + 'wbr').split(' '));

/** Words that open a template slot in square brackets: "[fill in]", "[insert metric]", "[Your name]", "[DATE]". */
const SLOT = /^\s*(?:fill(?:\s+in)?|insert|add\s|enter\s|your\s|tbd|todo|placeholder|describe|explain|name\s+of|link\s+to|owner|date|metric|number|amount|target|x|n)\b/i;

/** Bracketed capitals that are labels, not slots: "[DRAFT]", "[WIP]". */
const STATUS = /^(?:DRAFT|WIP|DEPRECATED|NEW|BETA|ALPHA|SIC|REDACTED|BREAKING|UPDATED?|FINAL|CONFIDENTIAL|INTERNAL|PUBLIC|OPTIONAL|REQUIRED|EXPERIMENTAL|PREVIEW)$/i;

interface Hit { start: number; end: number; text: string; kind: 'marker' | 'tbd' | 'slot' | 'lorem' }

function messageFor(hit: Hit): string {
  const q = inQuotes(hit.text);
  switch (hit.kind) {
    case 'marker': return `${q} left in: finish this part, or move the note out of the document before you share it.`;
    case 'tbd': return `${q} left in: decide it, or say who decides and by when ("pricing: @ana decides by 15 Jan").`;
    case 'lorem': return `Filler text ${q} left in: replace it with the real content.`;
    default: return `Template placeholder ${q} left in: replace it with the real value.`;
  }
}

/** Does the document close this tag somewhere (`</Callout>`)? Then it is a component, not a placeholder. */
function isClosedTag(doc: StrategyDocument, name: string): boolean {
  return doc.text.includes(`</${name}>`);
}

/** Raw HTML that is really a placeholder: `<Owner>`, `<insert metric here>`, `<YYYY-MM-DD>`. */
function htmlPlaceholder(doc: StrategyDocument, node: Html): Hit | null {
  const value = node.value.trim();
  const match = /^<([A-Za-z][\w-]*)((?:\s[^<>=]*)?)>$/.exec(value);
  if (!match || value.startsWith('<!') || value.endsWith('/>')) return null;
  const [, name, rest] = match;
  if (HTML_TAGS.has(name) && rest.trim() === '') return null; // <details>, <br>
  if (HTML_TAGS.has(name.toLowerCase()) && name === name.toLowerCase()) return null; // <a name>, <img alt> without values
  if (isClosedTag(doc, name)) return null;
  const start = node.position?.start.offset ?? 0;
  const raw = doc.text.slice(start, node.position?.end.offset ?? start).trim();
  const offset = doc.text.indexOf(raw, start);
  return { start: offset, end: offset + raw.length, text: raw, kind: 'slot' };
}

function collectHtml(node: Nodes, found: Html[]): void {
  if (node.type === 'html') {
    found.push(node);
    return;
  }
  if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml') return;
  if ('children' in node) for (const child of (node as Parents).children as Nodes[]) collectHtml(child, found);
}

/** A marker, not "TODO.md", "TODOs" or "the TODO list" (a name for a list of work). */
const MARKER = /(?<![\p{L}\p{N}_/.-])(TODO|FIXME|TKTK|XXX)(?![\p{L}\p{N}_]|\.[\p{L}]|\s+(?:lists?|items?|comments?|apps?|files?|markers?)\b)/gu;
const TBD = /(?<![\p{L}\p{N}_/-])(TBD|TBC|tbd)(?![\p{L}\p{N}_]|\.[\p{L}])/gu;
const TEMPLATE = /\$\{[^{}\n]{1,60}\}|\{\{[^{}\n]{1,60}\}\}|<[A-Za-z_][^<>\n]{0,58}[^\s<>]>|<[A-Za-z]>/g;
const BRACKETS = /\[([^[\]\n]{1,60})\]/g;
const LOREM = /\blorem ipsum\b/gi;
/** A tracking-issue number never filled in: "rust-lang/rust#0000". */
const ZERO_REFERENCE = /(?<![\p{N}_#])#0{3,}(?![\p{N}])/gu;
/** A slot in parentheses: "(fill me in with a unique name)", "(to be written)". */
const PAREN_SLOT = /\((?:fill(?:\s+me)?\s+in|to\s+be\s+(?:filled|written|added|completed|determined|decided))\b[^()\n]{0,80}\)/gi;
/** A paragraph that is nothing but a note to the writer: "To be determined.", "_add more_", "[Upcoming]". */
const WHOLE_BLOCK = /^(?:to\s+be\s+(?:determined|decided|written|added|completed|filled\s+in|confirmed)|add\s+more|more\s+to\s+come|upcoming|coming\s+soon|placeholder|content\s+to\s+come|write\s+(?:this|me)|fill\s+(?:this\s+)?in)$/i;
/** "where XXX is the issue number", "XXX is the version": the marker names a variable the sentence explains. */
const EXPLAINED_BEFORE = /\bwhere\s+$/i;
const EXPLAINED_AFTER = /^\s+(?:is|are|stands\s+for|means)\s+(?:the|a|an|your)\b/i;
/** Site-generator syntax, not slots: Hugo shortcodes ("{{% alert %}}", "{{< ref >}}") and Liquid/Jinja paths ("{{ site.baseurl }}"). */
const GENERATOR_SYNTAX = /^\{\{[%<]|^\{\{\s*[a-z_]+(?:\.[a-z_]+)+\s*(?:\|[^{}]*)?\}\}$/;

/** The matches in a block's text that do not depend on the options or the document (kept by text). */
interface TextScan {
  markers: Array<[number, string]>;
  tbd: Array<[number, string]>;
  /** Template slots, then bracketed slots: [index, length]. */
  slots: Array<[number, number]>;
  lorem: Array<[number, number]>;
  /** The whole paragraph, when it is only a note to the writer. */
  wholeBlock?: [number, number];
}

const scans = new TextMemo<TextScan>();

function scanText(text: string): TextScan {
  const scan: TextScan = { markers: [], tbd: [], slots: [], lorem: [] };
  for (const match of text.matchAll(MARKER)) {
    if (EXPLAINED_BEFORE.test(text.slice(Math.max(0, match.index - 8), match.index)) || EXPLAINED_AFTER.test(text.slice(match.index + match[1].length, match.index + match[1].length + 30))) continue;
    scan.markers.push([match.index, match[1]]);
  }
  for (const match of text.matchAll(TBD)) scan.tbd.push([match.index, match[1]]);
  for (const match of text.matchAll(TEMPLATE)) if (!GENERATOR_SYNTAX.test(match[0])) scan.slots.push([match.index, match[0].length]);
  for (const match of text.matchAll(ZERO_REFERENCE)) scan.slots.push([match.index, match[0].length]);
  for (const match of text.matchAll(PAREN_SLOT)) scan.slots.push([match.index, match[0].length]);
  const bare = stripEnds(text, '*_[ \t\n', '*_] \t\n.!…');
  if (WHOLE_BLOCK.test(bare)) scan.wholeBlock = [text.indexOf(text.trim()), text.trim().length];
  for (const match of text.matchAll(BRACKETS)) {
    const inner = match[1];
    const isSlot = SLOT.test(inner) || (/^[A-Z][A-Z _/-]{2,30}$/.test(inner.trim()) && !/^(?:TODO|TBD)$/.test(inner.trim()));
    if (!isSlot || /^x$/.test(inner) || STATUS.test(inner.trim())) continue;
    scan.slots.push([match.index, match[0].length]);
  }
  for (const match of text.matchAll(LOREM)) scan.lorem.push([match.index, match[0].length]);
  return scan;
}

/** A template file: "adr-template.md", "LONG-PITCH-TEMPLATE.md", "template-memo.md", anything under "templates/"; not "0042-template-engine.md". */
const TEMPLATE_FILE = /(?:^|[\\/])templates?[\\/]|(?:^|[\\/._-])templates?\.mdx?$|(?:^|[\\/])templates?[._-][^\\/]*$/i;

/** Is the offset inside a link address: after "](" with no space or ")" between, on the same line? */
function inLinkAddress(doc: StrategyDocument, offset: number): boolean {
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  return /\]\(<?[^)\s]*$/.test(doc.text.slice(Math.max(lineStart, offset - 300), offset));
}

/** The text without the given characters at its start and its end. */
function stripEnds(text: string, leading: string, trailing: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && leading.includes(text[from])) from++;
  while (to > from && trailing.includes(text[to - 1])) to--;
  return text.slice(from, to);
}

export default defineRule({
  meta: {
    id: 'prose/placeholder',
    family: 'prose',
    description: 'Template placeholders left in the text: TODO, TBD, <Owner>, [fill in], ${name}, {{name}}, lorem ipsum.',
    defaultSeverity: 'warning',
    types: ['strategy', 'okr', 'roadmap', 'release-notes', 'decision', 'update', 'generic'],
    documentLevel: false,
    fixable: false,
    options: {
      markers: {
        type: 'string[]',
        default: ['TODO', 'FIXME', 'TKTK', 'XXX', 'TBD', 'TBC'],
        description: 'Upper-case markers reported as placeholders ("TBD" as a date in a plan is left to prose/vague-time).',
      },
    },
    rationale:
      'A placeholder tells the reader the thinking is not done, and it is the first thing a sceptical executive notices. Templates are useful precisely because they leave slots; a shared document should have none left. Besides markers and slots, a paragraph that is only a note to the writer ("To be determined.", "_add more_", "[Upcoming]"), a slot in parentheses ("(fill me in …)") and an issue number never filled in ("#0000") are reported. (Placeholders inside HTML comments are prompts for the writer and are never reported; neither are the slots of a template file (`adr-template.md`, anything under `templates/`), text inside a link address, the variables of a quoted message in a block quote, site-generator syntax such as `{{% alert %}}` or `{{ site.baseurl }}`, a marker the sentence explains ("where XXX is the issue number"), or a TBD in a README\'s release-date column.)',
    howToFix:
      'Fill the slot with the real value, or, when it is genuinely undecided, say who decides and by when. Move working notes ("TODO: check with finance") into an HTML comment or out of the document.',
    seeds: [
      { source: '002', quote: 'initiatives with owners, milestones, and outcome metrics' },
    ],
    examples: {
      bad: '# Checkout decision\n\nOwner: <Owner>\n\nWe will launch in [insert quarter]. TODO: add the pricing rationale.\n',
      good: '# Checkout decision\n\nOwner: @ana\n\nWe will launch in Q2 2027. <!-- TODO: add the pricing rationale --> The `TODO` marker in code and the [TODO list](https://example.com/todo) link are fine.\n',
    },
  },
  check({ doc, options, report }) {
    // A template's slots are what it is for: a reader fills them in when copying it.
    if (doc.filePath && TEMPLATE_FILE.test(doc.filePath)) return;
    const markers = new Set(options.markers);
    const hits: Hit[] = [];
    for (const block of doc.textBlocks) {
      const text = block.text;
      if (block.kind === 'heading' && /^\W*(?:todos?|to-?dos?|to do)\W*$/i.test(text)) continue; // a "## TODO" list of work
      const add = (index: number, length: number, kind: Hit['kind']): void => {
        const { start, end } = block.sourceRange(index, index + length);
        hits.push({ start, end, text: doc.text.slice(start, end), kind });
      };
      const scan = scans.get(text, scanText);
      for (const [index, marker] of scan.markers) if (markers.has(marker)) add(index, marker.length, 'marker');
      for (const [index, tbd] of scan.tbd) {
        if (!markers.has(tbd.toUpperCase())) continue;
        // A date to be set: prose/vague-time reports it in a plan; in a README's release table it is an honest "not yet".
        if ((doc.type !== 'generic' || block.kind === 'tableCell') && tbdIsDate(doc, block, index)) continue;
        add(index, tbd.length, 'tbd');
      }
      for (const [index, length] of scan.slots) add(index, length, 'slot');
      for (const [index, length] of scan.lorem) add(index, length, 'lorem');
      if (scan.wholeBlock && block.kind === 'paragraph') add(scan.wholeBlock[0], scan.wholeBlock[1], 'marker');
    }
    const html: Html[] = [];
    collectHtml(doc.root, html);
    for (const node of html) {
      const hit = htmlPlaceholder(doc, node);
      if (hit) hits.push(hit);
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let lastEnd = -1;
    for (const hit of hits) {
      // In a README or a how-to, "<token>" and "${HOME}" are meta-variables the reader fills in, not leftovers.
      if (hit.kind === 'slot' && doc.type === 'generic') continue;
      // A quoted message or sample output ("> See <URL> for details") shows the format's variables, not unfilled slots.
      if (hit.kind === 'slot' && inBlockQuote(doc, hit.start)) continue;
      // Inside a link's address, even one the parser did not take for a link ("](https://…/<no value>#x)"): not prose.
      if (inLinkAddress(doc, hit.start)) continue;
      if (hit.start < lastEnd) continue; // "[TODO]": one finding
      lastEnd = hit.end;
      report({ message: messageFor(hit), start: hit.start, end: hit.end });
    }
  },
});
