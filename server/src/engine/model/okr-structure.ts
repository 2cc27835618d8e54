/**
 * What the OKR reading looks at: sections that hold a set of OKRs, key results or work, labels
 * and lead-ins, contents lists and group labels. The reading itself (okrs.ts classifyOkrs) walks
 * the document with these.
 */
import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import type { Root } from 'mdast';
import type { DocType } from '../vocabulary.js';
import type { DateOptions } from './dates.js';
import { KEY_RESULT_LABEL, OBJECTIVE_LABEL, type Item } from './items.js';
import { type Section } from './sections.js';
import { textBlockOf } from './text-block.js';
import { findDates, yearHeadingOf } from './dates.js';
import { countWords } from './word-count.js';

/** What the OKR reading reads of a document (the StrategyDocument, which builds it lazily). */
export interface OkrSource {
  readonly type: DocType;
  readonly root: Root;
  readonly items: Item[];
  readonly sections: Section[];
  readonly titleSection: Section | null;
  readonly titleText: string | null;
  readonly dateOptions: DateOptions;
  sectionAt(offset: number): Section | null;
  frontMatterValue(key: string): unknown;
}

/** Table columns that hold key results, and objectives. */
export const KEY_RESULT_COLUMN = /^[^\p{L}]*(?:key\s+results?|krs?|measures?|success\s+measures?)[^\p{L}]*$/iu;

/** Sections inside an objective or metrics section whose items are work or notes, not key results. */
export const NOT_KEY_RESULT_SECTION = /^[^\p{L}\p{N}]*(?:initiatives?|projects?|experiments?|tasks?|activit(?:y|ies)|deliverables?|milestones?|epics?|bets?|work|workstreams?|actions?|action items|plan|dependencies|risks?|notes|context|background|why|rationale|owners?|team|non-goals|out of scope|not included|excluded|alternatives|learnings|retro(?:spective)?)\b(?!\s+(?:goals?|objectives?|okrs?|key\s+results?|outcomes?)\b)/iu;

/** A key-results section: "Key results", "KRs", "Results", "Measures of success". */
const KEY_RESULTS_TITLE = /^[^\p{L}\p{N}]*(?:key\s+results?|krs|results|measures\s+of\s+success|success\s+measures)[^\p{L}\p{N}]*$/iu;

/** Headings that hold a set of OKRs: "OKRs", "Quarterly objectives and key results", "2027 goals". */
const OKR_SET_TITLE = /\b(?:okrs?|objectives|objectives\s+and\s+key\s+results|goals)\b/i;

/** A year, quarter, half or fiscal year written in a title. */
const PERIOD_MARK = /\b(?:20\d{2}|Q[1-4]|H[12]|FY\s?\d{2,4})\b/i;

/** A label paragraph that opens a list of key results: "Key results:", "**KRs**". */
const KEY_RESULTS_LEAD = /(?:^|[\n\r])[^\p{L}\p{N}\n\r]*(?:key\s+results?|krs?|measures?\s+of\s+success|success\s+measures)[^\p{L}\p{N}\n\r]*$/iu;

/** Prose that announces the targets a list sets: "… achieve the following:", "Success looks like:", "Our targets:". */
const TARGETS_LEAD = /(?:\b(?:achieve|reach|hit|meet)\s+the\s+following|(?<!\bto\s)\btargets?|\bsuccess\s+(?:looks\s+like|means|is\s+measured\s+by)|\bmeasured\s+by)\s*:\s*$|\bwe(?:'|’|\s+wi)ll\s+(?:know|measure)\b[^:\n\r]{0,40}:\s*$/iu;

/** A group label over nested key results: a few words ("Security", "UI/UX", "Runtime support:"). */
const GROUP_WORDS = 3;

const GROUP_WORDS_WITH_COLON = 6;

/** Longest paragraph read as a key result of a key-results section (longer ones explain). */
const PARAGRAPH_WORDS = 60;

/**
 * A metrics section ("Success metrics", "Goals"). A title naming goals or metrics ("Goals and
 * strategy") names the page, not a section, when the document's other headings name roles of
 * their own (a diagnosis, a policy): the page is a strategy, not one goals section.
 */
export function isMetricsSection(doc: OkrSource, section: Section): boolean {
  if (!section.roles.includes('metrics')) return false;
  return section !== doc.titleSection || !doc.sections.some((other) => other !== section && other.roles.length > 0);
}

/** A section of work or notes ("Initiatives", "Risks", "Next steps"): its items are not key results. */
export function isWorkSection(section: Section): boolean {
  return NOT_KEY_RESULT_SECTION.test(section.title)
    || section.roles.some((role) => role === 'coherent-actions' || role === 'risks' || role === 'non-goals' || role === 'diagnosis'
      || role === 'guiding-policy' || role === 'options' || role === 'audience');
}

export function inWorkSection(section: Section | null, stop: Section | null = null): boolean {
  for (let s = section; s && s !== stop; s = s.parent) if (isWorkSection(s)) return true;
  return false;
}

export const isKeyResultsSection = (section: Section): boolean => KEY_RESULTS_TITLE.test(section.title);

/** A heading over a set of OKRs: a period ("2019 Q4", "Q1 2027", "H2 2024"), or one naming OKRs, objectives or goals. */
export function isOkrSet(doc: OkrSource, section: Section): boolean {
  return isOkrSetTitle(doc, section.title) && !section.roles.includes('non-goals');
}

export function isOkrSetTitle(doc: OkrSource, title: string): boolean {
  return OKR_SET_TITLE.test(title) || isPeriodTitle(doc, title);
}

/** A heading over only a table of contents ("On this page", "Contents"): the headings after it are not its parts. */
const CONTENTS_TITLE = /^[^\p{L}\p{N}]*(?:on\s+this\s+page|(?:table\s+of\s+)?contents|toc|in\s+this\s+(?:page|document|article))[^\p{L}\p{N}]*$/iu;

export function isContentsSection(section: Section): boolean {
  return CONTENTS_TITLE.test(section.title) && section.ownBlocks.every((node) => node.type !== 'paragraph' || countWords(textBlockOf('paragraph', node).text) <= 3);
}

/** The section a heading belongs to, a table of contents it follows left out. */
export function parentOf(section: Section): Section | null {
  let parent = section.parent;
  while (parent && isContentsSection(parent)) parent = parent.parent;
  return parent;
}

/**
 * The title OKRs are read under: the level-1 heading, else the front-matter title (a handbook page
 * whose first heading is "On this page" is titled in its front matter).
 */
export function okrTitleOf(doc: OkrSource): string {
  if (doc.titleSection && doc.titleSection.depth === 1 && !isContentsSection(doc.titleSection)) return doc.titleSection.title;
  const fromFrontMatter = doc.frontMatterValue('title');
  if (typeof fromFrontMatter === 'string' && fromFrontMatter.trim()) return fromFrontMatter.trim();
  return doc.titleText ?? '';
}

/** A title that is a period and little else: "2019 Q1", "Q3 2027 OKRs", "H2" (not "The next 6 months", "Plan for 2027"). */
function isPeriodTitle(doc: OkrSource, title: string): boolean {
  if (!PERIOD_MARK.test(title)) return false;
  let rest = title;
  const dates = findDates(title, doc.dateOptions);
  const year = yearHeadingOf(title);
  if (dates.length === 0 && !year) return false;
  for (const date of [...dates, ...(year ? [year] : [])].sort((a, b) => b.index - a.index)) rest = rest.slice(0, date.index) + ' ' + rest.slice(date.index + date.length);
  return countWords(rest) <= 2;
}

/** A list item that only links into the page: an entry of a table of contents. */
export function isContentsEntry(node: ListItem): boolean {
  const first = node.children[0];
  if (!first || first.type !== 'paragraph') return false;
  let links = 0;
  for (const child of first.children) {
    if (child.type === 'link' && child.url.startsWith('#')) links++;
    else if (!(child.type === 'text' && child.value.trim() === '')) return false;
  }
  return links > 0;
}

/** A short label that groups the key results nested under it ("Security", "Runtime support:"). */
export function isGroupLabel(item: Item): boolean {
  if (item.kind !== 'list-item' || item.children.length === 0 || item.checked !== null || /\p{N}/u.test(item.text)) return false;
  const text = item.text.trim();
  const words = countWords(text);
  return words > 0 && (words <= GROUP_WORDS || (/:$/.test(text) && words <= GROUP_WORDS_WITH_COLON));
}

/** A sub-bullet that describes the line above it ("Baseline: 40%", "Measured by the weekly survey", "Owner: @ana"). */
const DETAIL_LINE = /^[^\p{L}\p{N}]*(?:baseline|target|metric|measure|measured\s+(?:by|on|in|as|with)|currently|today|owner|dri|status|due|deadline|notes?|why|context|source|definition|defined\s+as|e\.g\.|for\s+example|including)\b/iu;

/**
 * A top-level item over sub-bullets that states no number: an objective over its key results (a
 * line with a number of its own, or whose sub-bullets describe it, is a key result with details).
 */
export function isNestedObjective(item: Item): boolean {
  return item.kind === 'list-item' && item.depth === 0 && item.children.length > 0 && item.text.trim().length > 0 && !/\d/.test(item.text)
    && item.children.filter((child) => DETAIL_LINE.test(child.text)).length * 2 < item.children.length;
}

/** Paragraphs right before each top-level list, by the list's items ("Key results:", "**Not included**"), and each item's list. */
export function leadIns(doc: OkrSource): { leads: Map<ListItem, Paragraph>; lists: Map<ListItem, ListItem[]> } {
  const leads = new Map<ListItem, Paragraph>();
  const lists = new Map<ListItem, ListItem[]>();
  const blocks = doc.root.children;
  blocks.forEach((node, i) => {
    const before = blocks[i - 1];
    if (node.type !== 'list' || before?.type !== 'paragraph') return;
    for (const item of (node as List).children) {
      leads.set(item, before);
      lists.set(item, (node as List).children);
    }
  });
  return { leads, lists };
}

/** A key-results label and nothing else: "**Key Results:**", "KRs:". */
export function isLabelOnly(text: string): boolean {
  const label = KEY_RESULT_LABEL.exec(text);
  return label !== null && !/[\p{L}\p{N}]/u.test(text.slice(label[0].length));
}

/** A key-results label followed only by who owns them ("**Key Results:** Martin and Bedeho"): a few words, no number. */
export function isLabelWithOwners(text: string): boolean {
  const label = KEY_RESULT_LABEL.exec(text);
  if (label === null || !/^\W*key\s+results?\b/i.test(label[0])) return false;
  const rest = text.slice(label[0].length).trim();
  return !/\d/.test(rest) && countWords(rest) <= 6;
}

/** A row of a table that tracks key results over time, one column each ("Date | KR#1 | KR#2 | Comments"). */
export function isTrackingRow(item: Item): boolean {
  return item.kind === 'table-row' && (item.header ?? []).filter((cell) => KEY_RESULT_COLUMN.test(cell)).length >= 2;
}

/** A one-paragraph label ("**Rationale**", "Not included:") that says its list is work or notes, not results. */
export function isWorkLabel(paragraph: Paragraph): boolean {
  return isWorkLabelText(textBlockOf('paragraph', paragraph).text);
}

export function isWorkLabelText(text: string): boolean {
  const trimmed = text.trim();
  return countWords(trimmed) <= 4 && NOT_KEY_RESULT_SECTION.test(trimmed);
}

/**
 * A paragraph that opens a list of key results: a "Key results:" label, or prose announcing
 * targets over a list whose items mostly carry a number ("Change failure rate < 15%").
 */
export function isKeyResultsLead(text: string, list: readonly ListItem[]): boolean {
  if (KEY_RESULTS_LEAD.test(text)) return true;
  if (!TARGETS_LEAD.test(text)) return false;
  const numbered = list.filter((item) => item.children[0]?.type === 'paragraph' && /\d/.test(textBlockOf('paragraph', item.children[0]).text)).length;
  return numbered * 2 >= list.length;
}

/** A paragraph that is only bold text ("**Daemon is as reliable as it can be**"), a name over what follows. */
export function isBoldName(paragraph: Paragraph): boolean {
  const parts = paragraph.children.filter((node) => !(node.type === 'text' && !/[\p{L}\p{N}]/u.test(node.value)));
  return parts.length === 1 && parts[0].type === 'strong' && countWords(textBlockOf('paragraph', paragraph).text) <= 20;
}

/** The name of a key-result label as written, without its markup and punctuation: "**KR1:**" → "KR1". */
export function labelName(label: RegExpExecArray | null): string | null {
  return label ? label[0].replace(/(?<![*_:.)—–-])[*_:.)—–-]+\s*$/, '').replace(/^[\s*_]+/, '').trim() : null;
}

/** A synthesized item for a paragraph read as a key result (a key-results section written in prose). */
export function paragraphItem(doc: OkrSource, paragraph: Paragraph): Item {
  const block = textBlockOf('paragraph', paragraph);
  return {
    kind: 'line', node: paragraph, block, text: block.text, start: block.start, end: block.end, depth: 0, parent: null,
    children: [], checked: null, section: doc.sectionAt(block.start),
  };
}

export const paragraphsOf = (blocks: readonly RootContent[]): Paragraph[] => blocks.filter((node): node is Paragraph => node.type === 'paragraph');
const holdsItems = (section: Section): boolean => section.ownBlocks.some((node) => node.type === 'list' || node.type === 'table');

/**
 * Key results written as prose in a key-results section of an OKR document: one per subsection
 * (its first paragraph; the section's own list is then a summary of them), else the section's own
 * short paragraphs when it holds no list or table.
 */
export function paragraphKeyResults(doc: OkrSource, section: Section): Paragraph[] {
  const perSubsection = section.children
    .filter((child) => !isWorkSection(child) && !holdsItems(child) && !KEY_RESULT_LABEL.test(child.title))
    .map((child) => paragraphsOf(child.ownBlocks)[0])
    .filter((paragraph): paragraph is Paragraph => paragraph !== undefined);
  if (perSubsection.length > 0) return perSubsection;
  if (holdsItems(section)) return [];
  return paragraphsOf(section.ownBlocks).filter((paragraph) => {
    const text = textBlockOf('paragraph', paragraph).text.trim();
    // "These key results are scored monthly" speaks about them.
    return text.length > 0 && !/:$/.test(text) && countWords(text) <= PARAGRAPH_WORDS && !KEY_RESULT_LABEL.test(text) && !OBJECTIVE_LABEL.test(text)
      && !/\b(?:key\s+results?|krs?|okrs?)\b/i.test(text);
  });
}
