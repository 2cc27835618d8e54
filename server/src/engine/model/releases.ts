/**
 * Releases and their entries, read from a document's headings and lists: release sections (a
 * version, a date, "What's new"), a release post whose title names its one version, and the
 * entries a reader takes for changes (not the notes' links, downloads, thanks or name lists).
 * The document model (document.ts) reads them once, on first use.
 */
import type { List, ListItem, Nodes, Paragraph, Parents, Root, RootContent } from 'mdast';
import { type Section } from './sections.js';
import { plainText, TextBlock, textBlockOf } from './text-block.js';
import { type Item } from './items.js';
import { findDates, type DateMention } from './dates.js';
import { countWords } from './word-count.js';
import type { DateOptions } from './dates.js';
import type { DocType } from '../vocabulary.js';

/** What the reading needs of a document (the model in document.ts is one). */
interface ReleaseSource {
  readonly root: Root;
  readonly text: string;
  readonly type: DocType;
  readonly sections: readonly Section[];
  readonly titleSection: Section | null;
  readonly dateOptions: DateOptions;
  readonly items: readonly Item[];
  frontMatterValue(key: string): unknown;
}

export interface Release {
  /** The release heading; for a release post, its title heading (null when the title is only in front matter). */
  section: Section | null;
  version: string | null;
  date: DateMention | null;
  /** The source range the release covers: its section's, or the whole document for a release post. */
  start: number;
  end: number;
}

export interface ReleaseEntry {
  /**
   * The entry: a list item or table row of the release, or — for releases written as one
   * subsection per change — a synthesized `line` item holding the subsection's heading and prose.
   */
  item: Item;
  release: Release;
  /** A list entry's or a subsection entry's kind. */
  kind?: 'item' | 'section';
  /** The subsection between the release heading and the entry ("Added", "Fixed", "Known issues"), if any. */
  category?: Section | null;
  /** The category bullet the entry is a sub-bullet of ("* BUGFIXES", "- New features:"), if any. */
  label?: string | null;
}

/** A version in a release heading: "2.4.0", "v2.4", "[1.0.0-rc.1]", "2026.11", "v12", "Version 12", "Release 47". */
const VERSION = /\bv?\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?\b|\bv\d+\b|\b(?:version|release|build|sprint|preview|beta|alpha|rc|release\s+candidate)\s+#?\d+\b/i;

/**
 * A release post's title that names its release by a product name and a number: "Jest 26: Tick
 * Tock", "Laravel 13", "Gitea 2 is out". Only a title, where a bare number after a name is the
 * version; a heading "Top 10" or "Step 3" is not read this way.
 */
const POST_TITLE_VERSION = /(?<=^\s*(?:announcing\s+)?\p{Lu}[\p{L}.+-]*(?:\s\p{Lu}[\p{L}.+-]*)?\s)\d{1,4}(?=\s*(?:[:!—–(]|\s-\s|$)|\s+(?:is\s+(?:out|here|released|available)|released|arrives)\b)/iu;

/** Headings that announce a release without naming it: "What's new", "Latest release", "Unreleased". */
const RELEASE_SECTION = /^[^\p{L}\p{N}]*(?:what['’]?s\s+new\b|(?:(?:the\s+)?(?:new|latest|upcoming|next|this|current)\s+)?release(?:\s+notes?|\s+highlights)?[^\p{L}\p{N}]*$|\[?unreleased\]?[^\p{L}\p{N}]*$)/iu;

/**
 * Sections of release notes about the notes rather than a change: where to get it, links, thanks,
 * contributors, the full list of pull requests. Their items and paragraphs are not entries.
 */
const ASIDE_SECTION = /^[^\p{L}\p{N}]*(?:(?:(?:table\s+of\s+)?contents|(?:quick\s+|useful\s+|related\s+)?links|downloads?|get\s+it|installation|install|subscribe|contact(?:\s+us)?|feedback|support\s+policy|faq|versioning(?:\s+scheme)?|licen[cs]e|community|about|sponsors|donations|overview|introduction|intro|summary|tl;?dr|conclusion|wrapping\s+up|what['’]?s\s+(?:next|coming)|next\s+steps|looking\s+ahead|coming\s+(?:soon|up|next)|up\s+next|roadmap)[^\p{L}\p{N}]*$|(?:(?:new\s+)?contributors?|hall\s+of\s+fame|(?:special\s+|many\s+|big\s+)?thanks|thank\s+you|acknowledge?ments?|credits|full\s+changelog|where\s+to\s+(?:get|download|find)|how\s+to\s+(?:get|install|download)|get\s+in\s+touch|get\s+involved|help\s+us)\b)/iu;

/** Words of a category heading or bullet ("Bug fixes", "New features", "Other changes", "BUGFIXES"): heads, and the words around them. */
const CATEGORY_HEADS = new Set(['feature', 'features', 'improvement', 'improvements', 'enhancement', 'enhancements', 'change', 'changes', 'changed', 'fix', 'fixes', 'fixed', 'bugfix', 'bugfixes', 'bugs', 'update', 'updates', 'addition', 'additions', 'added', 'new', 'removed', 'removals', 'deprecated', 'deprecations', 'security', 'highlights', 'tweaks', 'misc', 'miscellaneous', 'other', 'others', 'internal', 'dependencies', 'deps', 'documentation', 'docs', 'breaking', 'testing', 'tests', 'build', 'chores', 'chore', 'maintenance', 'refactoring', 'issues', 'notes']);

const CATEGORY_WORDS = new Set([...CATEGORY_HEADS, 'minor', 'major', 'patch', 'notable', 'important', 'small', 'general', 'additional', 'more', 'api', 'ui', 'cli', 'bug', 'known', 'and', 'what', 'whats', 's', 'performance', 'quality', 'of', 'life']);

export function readReleases(doc: ReleaseSource): { releases: Release[]; releaseHeadings: Set<Section> } {
  const releases: Release[] = [];
  const releaseHeadings = new Set<Section>();
  for (const section of doc.sections) {
    if (section === doc.titleSection && section.depth === 1 && doc.sections.length > 1) continue;
    // Releases never nest and come in document order: only the last one can hold this section.
    const last = releases[releases.length - 1];
    const inRelease = last?.section && section.start >= last.section.start && section.end <= last.section.end;
    if (inRelease) continue;
    const version = VERSION.exec(section.title)?.[0] ?? null;
    const date = findDates(section.title, doc.dateOptions)[0] ?? null;
    if (version || date || RELEASE_SECTION.test(section.title)) {
      releases.push({ section, version, date, start: section.start, end: section.end });
      releaseHeadings.add(section);
    }
  }
  if (doc.type !== 'release-notes') return { releases, releaseHeadings };
  const post = releasePost(doc, releases);
  if (post) return { releases: [post], releaseHeadings };
  // Release notes for one release, with only category headings ("New", "Fixed") under the title: the title is the release.
  if (releases.length === 0 && doc.titleSection) {
    const section = doc.titleSection;
    releases.push({ section, version: VERSION.exec(section.title)?.[0] ?? null, date: findDates(section.title, doc.dateOptions)[0] ?? null, start: section.start, end: section.end });
  }
  return { releases, releaseHeadings };
}

/**
 * The one release of a release post: the title (front matter, the level-1 heading or the first
 * heading) names a version, and the headings name no more than one other version or date.
 */
function releasePost(doc: ReleaseSource, headingReleases: readonly Release[]): Release | null {
  const frontTitle = doc.frontMatterValue('title');
  const titles: Array<{ title: string; section: Section | null }> = [];
  if (typeof frontTitle === 'string') titles.push({ title: frontTitle, section: null });
  if (doc.titleSection) titles.push({ title: doc.titleSection.title, section: doc.titleSection });
  if (doc.sections[0]) titles.push({ title: doc.sections[0].title, section: doc.sections[0] });
  // A bare number after a name ("Jest 26") is weaker: it makes a release post only where no heading names a version or a date.
  const named = titles.find((t) => VERSION.test(t.title))
    ?? (headingReleases.some((r) => r.version || r.date) ? undefined : titles.find((t) => POST_TITLE_VERSION.test(t.title)));
  if (!named) return null;
  const version = (VERSION.exec(named.title) ?? POST_TITLE_VERSION.exec(named.title)!)[0];
  const bare = (v: string): string => v.toLowerCase().replace(/^v/, '').replace(/(?:\.0)+$/, '');
  const others = new Set(headingReleases.filter((r) => (r.version && bare(r.version) !== bare(version)) || (!r.version && r.date)).map((r) => r.version ? bare(r.version) : r.date!.text));
  if (others.size > 1) return null;
  const section = doc.titleSection && (doc.titleSection.depth === 1 || VERSION.test(doc.titleSection.title)) ? doc.titleSection : named.section;
  return { section, version, date: findDates(named.title, doc.dateOptions)[0] ?? null, start: 0, end: doc.text.length };
}

export function readReleaseEntries(doc: ReleaseSource, releases: readonly Release[], headings: ReadonlySet<Section>): ReleaseEntry[] {
  const entries: ReleaseEntry[] = [];
  // Releases are disjoint and in document order: the last one starting at or before the offset is the only candidate.
  const releaseOf = (offset: number): Release | undefined => {
    let low = 0;
    let high = releases.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (releases[mid].start <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const release = found >= 0 ? releases[found] : undefined;
    return release && offset < release.end ? release : undefined;
  };
  /** The outermost section between the release (or a heading that names it) and `section` ("### Added" in "## 2.4.0"). */
  const categoryOf = (section: Section | null, release: Release): Section | null => {
    let category: Section | null = null;
    for (let s = section; s && s !== release.section && !headings.has(s); s = s.parent) category = s;
    return category;
  };
  const aside = (section: Section | null, release: Release): boolean => {
    for (let s = section; s && s !== release.section; s = s.parent) if (ASIDE_SECTION.test(s.title)) return true;
    return false;
  };
  const asideLists = asideListItems(doc);
  /** Top-level list items and table rows by the section that holds them: a subsection entry's details. */
  const topItems = new Map<Section, Item[]>();
  for (const item of doc.items) {
    if (!item.section || item.kind === 'line' || (item.kind === 'list-item' && item.depth > 0)) continue;
    const list = topItems.get(item.section);
    if (list) list.push(item);
    else topItems.set(item.section, [item]);
  }
  /** Subsections that are entries themselves: their lists and tables are details. */
  const entrySections = new Set<Section>();
  for (const section of doc.sections) {
    const release = releaseOf(section.start);
    if (!release || section === release.section || headings.has(section) || aside(section, release)) continue;
    // A feature with sub-features ("# Source priority" → "### Ranking"); never a category ("## Changes" → "### Added").
    if (section.children.length > 0 && isCategoryTitle(section.title)) continue;
    const blocks = section.ownBlocks;
    const isProse = (node: RootContent): node is Paragraph => node.type === 'paragraph' && textBlockOf('paragraph', node).text.trim() !== '';
    const firstList = blocks.findIndex((node) => node.type === 'list' || node.type === 'table');
    const firstProse = blocks.findIndex(isProse);
    if (firstProse < 0) continue;
    if (firstList >= 0 && firstList < firstProse) continue;
    // "## Bug fixes" and one short line before its list ("The following were fixed:"): the list holds the entries.
    const intro = blocks.slice(0, firstList).filter(isProse);
    if (firstList >= 0 && isCategoryTitle(section.title) && intro.length === 1 && countWords(textBlockOf('paragraph', intro[0]).text) <= 30) continue;
    const paragraphs = blocks.filter(isProse);
    const heading = textBlockOf('heading', section.heading);
    const block = TextBlock.join('paragraph', paragraphs[0], [heading, ...paragraphs.map((paragraph) => textBlockOf('paragraph', paragraph))], '. ');
    const details = topItems.get(section) ?? [];
    const item: Item = {
      kind: 'line', node: paragraphs[0], block, text: block.text, start: heading.start, end: block.end, depth: 0, parent: null,
      children: details, checked: null, section,
    };
    entrySections.add(section);
    const category = section.parent && section.parent !== release.section ? categoryOf(section.parent, release) : null;
    entries.push({ item, release, kind: 'section', category });
  }
  for (const item of doc.items) {
    if (item.kind === 'line' || !item.text.trim()) continue;
    const grouped = item.kind === 'list-item' && item.depth === 1 && item.parent !== null && isCategoryBullet(item.parent);
    if (item.kind === 'list-item' && item.depth > 0 && !grouped) continue;
    const release = releaseOf(item.start);
    if (!release || (item.section && entrySections.has(item.section)) || aside(item.section, release)) continue;
    if (asideLists.has(item.node) || (item.parent && asideLists.has(item.parent.node)) || isReferenceItem(item)) continue;
    if (!grouped && isCategoryBullet(item)) continue;
    entries.push({ item, release, kind: 'item', category: categoryOf(item.section, release), label: grouped ? item.parent!.text.trim() : null });
  }
  return entries.sort((a, b) => a.item.start - b.item.start);
}

/**
 * List items and table rows that are not entries wherever they stand: under a label paragraph
 * that names links, downloads or thanks ("Quick links:", "**Contributors**"), and inside a
 * block quote (a note or tip about an entry).
 */
function asideListItems(doc: ReleaseSource): Set<Nodes> {
  const found = new Set<Nodes>();
  const quoted = (node: Nodes): void => {
    if (node.type === 'listItem' || node.type === 'tableRow') found.add(node);
    if ('children' in node) for (const child of (node as Parents).children as Nodes[]) quoted(child);
  };
  let previous: Nodes | null = null;
  for (const node of doc.root.children) {
    if ((node.type === 'list' || node.type === 'table') && previous?.type === 'paragraph') {
      const label = plainText(previous).trim().replace(/:$/, '');
      if (label.length <= 40 && ASIDE_SECTION.test(label)) for (const child of node.children) found.add(child);
    }
    if (node.type === 'blockquote') quoted(node);
    previous = node;
  }
  return found;
}

/** Inside a section of release notes about the notes, not a change: links, downloads, thanks, contributors, the full changelog. */
export function inReleaseAside(section: Section | null): boolean {
  for (let s = section; s; s = s.parent) if (ASIDE_SECTION.test(s.title)) return true;
  return false;
}

/** A heading or bullet that names a kind of change, not a change: "Bug fixes", "New features", "Other changes", "BUGFIXES". */
function isCategoryTitle(title: string): boolean {
  const words = title.toLowerCase().replace(/['’]/g, '').match(/\p{L}+/gu) ?? [];
  return words.length > 0 && words.length <= 4 && words.every((word) => CATEGORY_WORDS.has(word)) && words.some((word) => CATEGORY_HEADS.has(word));
}

/** A top-level bullet that groups entries under a category: "* ENHANCEMENT", "- Bug fixes:" with sub-bullets. */
function isCategoryBullet(item: Item): boolean {
  if (item.kind !== 'list-item' || item.depth !== 0 || item.children.length === 0) return false;
  const text = item.text.trim().replace(/:$/, '');
  if (text.length === 0 || text.length > 40 || /[.!?]/.test(text)) return false;
  const upper = /^[\p{Lu}\s&/-]{3,30}$/u.test(text) && !/\p{Ll}/u.test(text) && text.split(/\s+/).length <= 3;
  return upper || isCategoryTitle(text);
}

/** Words of phrasing content outside links and code spans. */
function wordsOutsideLinks(node: Nodes): number {
  if (node.type === 'text') return countWords(node.value);
  if (node.type === 'link' || node.type === 'linkReference' || node.type === 'inlineCode' || node.type === 'image' || node.type === 'html') return 0;
  if ('children' in node) return ((node as Parents).children as Nodes[]).reduce((sum, child) => sum + wordsOutsideLinks(child), 0);
  return 0;
}

function hasLinkOrCode(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference' || node.type === 'inlineCode') return true;
  return 'children' in node && ((node as Parents).children as Nodes[]).some(hasLinkOrCode);
}

/**
 * A list item that only names or links something: an API in a list of stabilized APIs, a
 * contributor, "[Full changelog](…)", "Docs: [English](…), [日本語](…)". One word outside the links
 * and code spans at most (a label), so "`date humanize`" is a name and "`--json` output" is not.
 */
function isReferenceItem(item: Item): boolean {
  if (item.kind !== 'list-item') return false;
  const own = (item.node as ListItem).children.filter((child) => child.type === 'paragraph');
  if (own.length === 0 || !own.some(hasLinkOrCode) || own.reduce((sum, child) => sum + wordsOutsideLinks(child), 0) > 1) return false;
  // "Added `webContents.getTargetId()`. [#50176](…)": the one word is a change, not a label: the item states what changed.
  if (CHANGE_WORD.test(item.text)) return false;
  // "[gsk: Add builder for Stroke](…/pull/1482)": a pull request's title, linked, states a change as its title did.
  return !own.some((paragraph) => linkedChangeTitle(paragraph));
}

/** A pull request, merge request, issue or commit address. */
const CHANGE_LINK = /\/(?:pull|pulls|merge_requests|issues)\/\d+|\/commits?\/[0-9a-f]{7,40}\b/i;

/** A link of three words or more to a pull request, an issue or a commit: its text is the change's title. */
function linkedChangeTitle(node: Nodes): boolean {
  if (node.type === 'link') return CHANGE_LINK.test(node.url) && countWords(plainText(node)) >= 3;
  return 'children' in node && ((node as Parents).children as Nodes[]).some(linkedChangeTitle);
}

/** A change verb opening an item: "Added", "Removed", "Fixed", "Changed", "Deprecated", "Improved", "Updated". */
const CHANGE_WORD = /^[^\p{L}]*(?:add(?:ed|s)?|remov(?:ed|es)|fix(?:ed|es)|chang(?:ed|es)|deprecat(?:ed|es)|improv(?:ed|es)|updat(?:ed|es)|renam(?:ed|es)|introduc(?:ed|es))(?![\p{L}])/iu;
