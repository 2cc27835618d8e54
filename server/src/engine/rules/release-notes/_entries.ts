/**
 * Shared reading of release entries for the release-notes/* rules (not a rule: no default export).
 */
import type { Nodes, Parents } from 'mdast';
import type { ReleaseEntry, StrategyDocument } from '../../model/document.js';
import type { Section } from '../../model/sections.js';
import { readable } from '../../model/text-block.js';

/** Where an entry-level finding goes: the entry's first line (a subsection entry: its heading and the first line of its prose). */
export function entryRange(doc: StrategyDocument, entry: ReleaseEntry): { start: number; end: number } {
  const item = entry.item;
  if (entry.kind === 'section' && item.section) {
    const prose = item.node.position?.start.offset ?? item.section.titleEnd;
    return { start: item.section.titleStart, end: Math.max(item.section.titleEnd, doc.lines.lineEnd(doc.lines.positionAt(prose).line)) };
  }
  // A row's first cell with text (a row may start with an empty cell).
  const block = (item.kind === 'table-row' ? item.cells?.find((cell) => cell.text.trim() !== '') : undefined) ?? item.block;
  const start = block.start === block.end ? item.start : block.sourceRange(0, 0).start;
  const lineEnd = doc.lines.lineEnd(doc.lines.positionAt(start).line);
  return { start, end: Math.max(Math.min(block.end, lineEnd), Math.min(start + 1, lineEnd)) };
}

/** A short name for an entry in messages (inline code as written). */
export function entryName(doc: StrategyDocument, entry: ReleaseEntry, max = 50): string {
  const text = entry.kind === 'section' && entry.item.section ? entry.item.section.title : readable(doc, entry.item.block);
  const clean = text.replace(/\s+/g, ' ').trim();
  const lead = /^(.{3,70}?)(?:\s[—–-]\s|:\s|\.\s|$)/.exec(clean);
  const name = lead ? lead[1] : clean;
  return name.length > max ? `${name.slice(0, max).replace(/\s+\S*$/, '')}…` : name;
}

/** A paragraph that labels the list or table after it, instead of a heading: "**Fixed**", "🐛 *Fixes*", "Known issues:". */
function labelOf(node: Nodes): string | null {
  if (node.type !== 'paragraph') return null;
  const text = plain(node).trim();
  if (text.length === 0 || text.length > 40 || /[.!?]\s/.test(text)) return null;
  const styled = node.children.every((child) => child.type === 'strong' || child.type === 'emphasis' || (child.type === 'text' && !/\p{L}/u.test(child.value)));
  return styled || text.endsWith(':') ? text : null;
}

function plain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return ((node as Parents).children as Nodes[]).map(plain).join('');
  return '';
}

/** Per document: each list item and table row under a label paragraph, with the label. */
const pseudoCategories = new WeakMap<StrategyDocument, Map<Nodes, string>>();

function pseudoCategoryOf(doc: StrategyDocument, node: Nodes): string | undefined {
  let labels = pseudoCategories.get(doc);
  if (!labels) {
    const found = new Map<Nodes, string>();
    const visit = (parent: Nodes): void => {
      if (!('children' in parent)) return;
      let previous: Nodes | null = null;
      for (const child of (parent as Parents).children as Nodes[]) {
        const label = previous ? labelOf(previous) : null;
        if (label && (child.type === 'list' || child.type === 'table')) for (const row of child.children) found.set(row, label);
        if (child.type !== 'list' && child.type !== 'table') visit(child);
        previous = child;
      }
    };
    visit(doc.root);
    pseudoCategories.set(doc, labels = found);
  }
  return labels.get(node);
}

/** Does the entry sit under a category heading or label (or carry a prefix) from the list: "### Fixed", "**Fixed**", "Fix:", "chore(deps):"? */
export function inCategory(doc: StrategyDocument, entry: ReleaseEntry, categories: readonly string[]): boolean {
  const words = categories.map((c) => c.toLowerCase().trim()).filter(Boolean);
  if (words.length === 0) return false;
  // A qualifier before the category word names the same category: "Other breaking changes", "Minor fixes".
  const normalize = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}\s-]+/gu, ' ').replace(/\s+/g, ' ').trim()
    .replace(/^(?:(?:other|more|additional|minor|major|notable|noteworthy|significant|important|key|small|misc|miscellaneous)\s)+(?=\p{L})/u, '');
  // A subsection entry's own heading is a category too ("## Documentation", "## Known issues").
  const own = entry.kind === 'section' ? entry.item.section : null;
  if (own && words.some((word) => normalize(own.title) === word || normalize(own.title).startsWith(`${word} `))) return true;
  for (let s: Section | null | undefined = entry.category; s && s !== entry.release.section; s = s.parent) {
    const title = normalize(s.title);
    if (words.some((word) => title === word || title.startsWith(`${word} `))) return true;
  }
  for (const label of [pseudoCategoryOf(doc, entry.item.node), entry.label]) {
    if (!label) continue;
    const title = normalize(label);
    if (words.some((word) => title === word || title.startsWith(`${word} `))) return true;
  }
  const lead = /^\s*(?:(?:\*\*|__)\s*)?([\p{L}][\p{L}\s-]{0,24}?)(?:\([^)]{0,30}\))?\s*(?:(?:\*\*|__)\s*)?[:—–]/u.exec(entry.item.text)?.[1];
  if (lead && words.includes(normalize(lead))) return true;
  // A sentence that starts with the word ("Fixed a crash", "Removed the legacy export") states a fix or a removal;
  // "Refactor the parser" listed among the enhancements is an internal change sold as one, not a category.
  const first = normalize(withoutScope(entry.item.text)).split(' ').slice(0, 3).join(' ');
  return words.some((word) => !INTERNAL_WORD.test(word) && (first === word || first.startsWith(`${word} `)));
}

/**
 * The package or area an entry names before its sentence, in changelogs of monorepos and
 * component-tagged lists: "`[jest-config, jest-resolve]` Remove …", "[cli] Add …",
 * "**Editor:** Drag …", "`podman build`: …". The sentence after it is the entry.
 */
const SCOPE = /^\s*(?:`\[[^\]`\n]{1,80}\]`|\[[^\]\n]{1,60}\](?![(\[:])|`[^`\n]{1,40}`\s*:|\*\*[^*\n]{1,40}\*\*\s*:|\*\*[^*\n]{1,40}:\*\*)\s*/u;

/** The entry's text without a leading scope tag ("`[jest-runtime]` Remove …" → "Remove …"). */
export function withoutScope(text: string): string {
  const scope = SCOPE.exec(text);
  return scope && scope[0].length < text.length ? text.slice(scope[0].length) : text;
}

/** Category words that name internal work: they exempt a heading, a label or a prefix ("refactor: …"), not a sentence's first verb. */
export const INTERNAL_WORD = /^(?:refactor(?:ing)?|chores?|build|ci|docs|documentation|tests?|testing|internal|maintenance|dependencies|deps)$/;

const KEEP_A_CHANGELOG_CATEGORY = /^[^\p{L}]*(?:added|changed|deprecated|removed|fixed|security)[^\p{L}]*$/iu;
const CHANGELOG_CONVENTION = /keepachangelog\.com|semver\.org|conventionalcommits\.org/i;

/**
 * A developer changelog rather than customer-facing release notes: it links Keep a Changelog or
 * Semantic Versioning, or it is a CHANGELOG.md (CHANGES.md, HISTORY.md) organised in Keep a Changelog categories ("### Added",
 * "### Fixed"). Its readers are developers, for whom "#298" and "Support for Node 22" are the point.
 */
export function isDeveloperChangelog(doc: StrategyDocument): boolean {
  let linked = false;
  const visit = (node: Nodes): void => {
    if (linked) return;
    if ((node.type === 'link' || node.type === 'definition') && CHANGELOG_CONVENTION.test(node.url)) linked = true;
    else if ('children' in node) for (const child of (node as Parents).children as Nodes[]) visit(child);
  };
  visit(doc.root);
  if (linked) return true;
  const name = (doc.filePath ?? '').split(/[\\/]/).pop() ?? '';
  if (!/^(?:changelog|changes|history)\.mdx?$/i.test(name)) return false;
  const categories = doc.sections.filter((s) => KEEP_A_CHANGELOG_CATEGORY.test(s.title) && doc.releases.some((r) => r.section !== s && s.start > r.start && s.end <= r.end));
  return categories.length >= 2;
}
