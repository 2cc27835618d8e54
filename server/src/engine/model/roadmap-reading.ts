/**
 * Roadmap items, read from a document's lists, tables and headings: the items a plan commits to
 * (not its why, its done work, its previews of the sections below or its link lists), each with
 * when it is planned — its own date, else its section's period or horizon, or a swimlane column.
 * The document model (document.ts) reads them once, on first use.
 */
import type { List, Nodes, Paragraph, Root } from 'mdast';
import type { SectionRole } from '../vocabulary.js';
import { normalizeHeading } from './roles.js';
import { withinRole, type Section } from './sections.js';
import { plainText, TextBlock, textBlockOf } from './text-block.js';
import { EMPTY_CELL, HORIZON_COLUMN, type Item } from './items.js';
import { isAboutTheRoadmap, isDescriptionList, isDoneItem, isDoneLeadIn, isDoneSection, isFieldLine, isFrameLeadIn, isPointerItem, isScheduleRow } from './roadmap-items.js';
import { findDates, horizonOf, termHorizonOf, yearHeadingOf, type DateMention, type DateOptions } from './dates.js';
import { countWords } from './word-count.js';

export interface RoadmapItem {
  item: Item;
  /** When the item is planned: its own date, else its section's period or horizon. */
  when: DateMention | null;
  /** The section whose heading gave `when` (null when the item carries its own date, or has none). */
  whenSection?: Section | null;
  /** For a swimlane cell: the column header that gave `when` ("Later", "H1 2028"). */
  whenColumn?: TextBlock | null;
}

/** What the reading needs of a document (the model in document.ts is one). */
interface RoadmapSource {
  readonly root: Root;
  readonly sections: readonly Section[];
  readonly titleSection: Section | null;
  readonly dateOptions: DateOptions;
  readonly referenceDate: Date;
  readonly items: readonly Item[];
}

const NON_ITEM_ROLES: readonly SectionRole[] = ['summary', 'non-goals', 'risks', 'audience', 'diagnosis', 'guiding-policy', 'metrics', 'options'];

/** Sections of a roadmap that explain it or list what is not planned work: their items are not plan items. */
const WHY_SECTION = /^[^\p{L}\p{N}]*(?:why|strategy|strategic context|context|background|how to read|about|changelog|legend|principles|assumptions|dependencies|open questions|questions|faq|glossary|appendix|notes|links|references|team|owners|contacts|done|shipped|recently shipped|completed|released|delivered|launched|past|archive|archived|not doing|won['’]?t do|will not do|parked|icebox|dropped|cancell?ed|deprioriti[sz]ed|not (?:on|in) (?:this|the) roadmap|not planned|what we(?:['’]re| are) not doing|ideas|parking lot|unscheduled|not scheduled|someday|wish ?list|under consideration)\b/iu;

/**
 * Subsection headings under a horizon that describe the plan rather than name an item: an attribute
 * of an item ("Problem", "Outcome"), a theme, or bookkeeping ("Capacity", "Status", "Milestones").
 */
const NOT_AN_ITEM_HEADING = /^[^\p{L}\p{N}]*(?:why|what|how|who|when|where|which|problem|pain|customers?|users?|outcomes?|impact|metrics?|kpis?|success|goals?|targets?|objectives?|okrs?|key results?|owners?|dri|status|timeline|schedule|milestones?|capacity|staffing|headcount|budget|scope|confidence|risks?|dependenc(?:y|ies)|notes?|summary|overview|intro(?:duction)?|highlights|recap|themes?|focus|priorities|criteria|exit criteria|decisions?|learnings|results?|measures?|evidence|hypothes[ie]s|updates?|changes|process|resources|progress|in progress|committed|stretch|exploring|retro(?:spective)?)\b/iu;

/** A month's name or abbreviation, and the words that join months into a span ("January to March"). */
const MONTH_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|and|to|through|until)$/i;

/** A table row that reports finished work: "Done", "✅", "✅ Shipped". */
const DONE_CELL = /^(?:(?:✅|✔️?|☑️?)\s?)?(?:done|shipped|released|completed?|delivered|launched|live)(?:\s?(?:✅|✔️?|☑️?))?$|^(?:✅|✔️?|☑️?)$/iu;

/** A sub-bullet that describes its parent rather than being an item: "Why: …", "Outcome: …", "Owner: @ana". */
const ATTRIBUTE_LINE = /^\s*(?:why|problem|pain|customers?|users?|who|for whom|outcomes?|impact|metrics?|kpis?|success(?: metric)?|goal|target|owner|dri|status|when|eta|timeline|notes?|risks?|dependenc(?:y|ies)|scope|context|evidence|results?|measures?|hypothesis|okr|kr\d{0,2})\s*:/iu;

/** A list item that groups plan items under a theme: a few words, children, no date of its own. */
const GROUP_WORDS = 5;

export function readRoadmapItems(doc: RoadmapSource): RoadmapItem[] {
  const result: RoadmapItem[] = [];
  const add = (item: Item, own = item.text): void => {
    if (item.text.trim().length === 0 || item.checked === true || isDoneItem(item) || isPointerItem(item) || isFieldLine(item.text)) return;
    if (item.kind === 'table-row' && item.column === undefined && item.cells?.some((cell) => DONE_CELL.test(cell.text.trim()))) return;
    if (isScheduleRow(item, doc.dateOptions)) return;
    result.push({ item, ...whenOf(doc, item, own) });
  };
  // Lists that are not plan items: introduced as finished work ("We have finished:") or as the
  // reasons or rules for the work ("The benefits of this process:"), or the
  // description list of an item written as a subsection (read with it).
  const skipped: Array<{ start: number; end: number }> = [];
  doc.root.children.forEach((node, i) => {
    const before = doc.root.children[i - 1];
    if (node.type === 'list' && before?.type === 'paragraph' && (isDoneLeadIn(plainText(before)) || isFrameLeadIn(plainText(before)))) skipped.push(rangeOf(node));
    else if (node.type === 'list' && previewsSections(doc, node)) skipped.push(rangeOf(node));
  });
  const subsections: Array<{ item: Item; heading: TextBlock }> = [];
  for (const section of doc.sections) {
    const entry = subsectionItem(doc, section);
    if (!entry) continue;
    subsections.push(entry);
    for (const node of section.ownBlocks) if (node.type === 'list') skipped.push(rangeOf(node));
  }
  for (const item of doc.items) {
    if (item.kind === 'line' || (item.kind === 'list-item' && item.depth > 0)) continue;
    if (!inPlan(doc, item.section) || skipped.some((range) => range.start <= item.start && item.start < range.end)) continue;
    // A swimlane row ("Theme | Now | Next | Later") is a theme: each cell under a horizon is an item.
    if (item.kind === 'table-row' && isSwimlane(item.header)) {
      for (const cell of swimlaneCells(item)) add(cell);
      continue;
    }
    // A theme groups items; an item with "Why: …", "Outcome: …" sub-bullets is one item described in detail.
    const isGroup = item.kind === 'list-item' && item.children.length > 0 && countWords(item.text) <= GROUP_WORDS
      && findDates(item.text, doc.dateOptions).length === 0 && !item.children.some((child) => ATTRIBUTE_LINE.test(child.text));
    if (isGroup) for (const child of item.children) add(child);
    else add(item);
  }
  // Its date is the one in its heading: the prose may recall past dates or mention later ones.
  for (const entry of subsections) add(entry.item, entry.heading.text);
  return result.sort((a, b) => a.item.start - b.item.start);
}

/** Outside the sections that explain a roadmap or list what is not planned (why, summary, risks, shipped…). */
function inPlan(doc: RoadmapSource, section: Section | null): boolean {
  return !NON_ITEM_ROLES.some((role) => withinRole(section, role)) && !inWhySection(doc, section);
}

/**
 * An item written as a subsection of a horizon or period ("## Next" → "### Bulk edit for boards"
 * and a paragraph or two): its heading and prose, like a release entry written as a subsection.
 * Only a leaf with prose and no list or table (those hold the items themselves) — save a list
 * that describes the heading ("adds …", "deprecates …": lower-case fragments), read with it —
 * and never a heading that is a period, a question, an attribute ("### Problem") or a note about
 * the plan.
 */
function subsectionItem(doc: RoadmapSource, section: Section): { item: Item; heading: TextBlock } | null {
  if (section === doc.titleSection || section.children.length > 0 || !section.parent) return null;
  if (section.ownBlocks.some((node) => node.type === 'table' || (node.type === 'list' && !isDescriptionList(node)))) return null;
  const paragraphs = section.ownBlocks.filter((node): node is Paragraph => node.type === 'paragraph');
  if (paragraphs.length === 0 || !inPlan(doc, section)) return null;
  const title = section.title.trim();
  if (NOT_AN_ITEM_HEADING.test(title) || /\?\s*$/.test(title) || isPeriodHeading(doc, title)) return null;
  // Under a horizon or period heading: the plan's timeline, not any subsection of a roadmap. A
  // heading over a list of fields ("Owner: @ana", "Links: …") is an item card wherever it stands.
  const card = section.ownBlocks.some((node) => node.type === 'list' && node.children.every((entry) => isFieldLine(plainText(entry))));
  if (!card && !sectionTiming(doc, section.parent).whenSection) return null;
  const heading = textBlockOf('heading', section.heading);
  const prose: TextBlock[] = [];
  for (const node of section.ownBlocks) {
    if (node.type === 'paragraph') prose.push(textBlockOf('paragraph', node));
    else if (node.type === 'list') {
      for (const entry of node.children) for (const child of entry.children) if (child.type === 'paragraph') prose.push(textBlockOf('paragraph', child));
    }
  }
  const block = TextBlock.join('paragraph', paragraphs[0], [heading, ...prose], '. ');
  const item: Item = {
    kind: 'line', node: paragraphs[0], block, text: block.text, start: heading.start, end: block.end, depth: 0, parent: null,
    children: [], checked: null, section,
  };
  return { item, heading };
}

/**
 * A list whose entries are the titles of sections that follow ("1. Documentation", "2. HTTP/3"
 * over later "### Documentation", "### HTTP/3"): it previews the items, which are the sections.
 * Three entries or more, at least two thirds of them named again by a later heading.
 */
function previewsSections(doc: RoadmapSource, list: List): boolean {
  if (list.children.length < 3) return false;
  const end = rangeOf(list).end;
  const later = new Set(doc.sections.filter((section) => section.start >= end).map((section) => normalizeHeading(section.title)));
  const named = list.children.filter((entry) => {
    const name = normalizeHeading(plainText(entry));
    return name.length > 0 && later.has(name);
  }).length;
  return named * 3 >= list.children.length * 2;
}

/** A heading that only names a period: "Q1 2027", "Later", "2028", "January", "H1 2027 (committed)". */
function isPeriodHeading(doc: RoadmapSource, title: string): boolean {
  if (horizonOf(title, doc.referenceDate) || yearHeadingOf(title) || termHorizonOf(title, doc.referenceDate)) return true;
  let rest = title;
  for (const date of findDates(title, doc.dateOptions).sort((a, b) => b.index - a.index)) rest = rest.slice(0, date.index) + rest.slice(date.index + date.length);
  const words = rest.match(/\p{L}+/gu) ?? [];
  const months = words.filter((word) => MONTH_WORD.test(word)).length;
  return (rest !== title || months > 0) && words.length - months < 2;
}

function inWhySection(doc: RoadmapSource, section: Section | null): boolean {
  for (let s = section; s; s = s.parent) {
    if (WHY_SECTION.test(s.title)) return true;
    // The title may name the project's vision ("Vision and roadmap"): only sections below it are read so.
    const isTitle = s === doc.titleSection && (s.depth === 1 || s.children.length > 0);
    if (!isTitle && (isAboutTheRoadmap(s.title) || isDoneSection(s))) return true;
  }
  return false;
}

/**
 * When an item is planned: the latest date it names, else — for a swimlane cell — its column's
 * period or horizon, else the period or horizon of its nearest dated section.
 */
function whenOf(doc: RoadmapSource, item: Item, ownText = item.text): { when: DateMention | null; whenSection: Section | null; whenColumn?: TextBlock | null } {
  const own = findDates(ownText, doc.dateOptions);
  if (own.length > 0) return { when: own.reduce((latest, d) => (d.end > latest.end ? d : latest)), whenSection: null };
  const column = item.column !== undefined ? item.headerCells?.[item.column] : undefined;
  const fromColumn = column ? timingOf(doc, column.text) : null;
  if (column && fromColumn) return { when: fromColumn, whenSection: null, whenColumn: column };
  return sectionTiming(doc, item.section);
}

/** The period or horizon of the nearest dated section from `section` up (the title of a structured document excluded). */
function sectionTiming(doc: RoadmapSource, section: Section | null): { when: DateMention | null; whenSection: Section | null } {
  for (let s = section; s; s = s.parent) {
    if (s === doc.titleSection && s.depth === 1 && s.children.length > 0) break;
    const when = timingOf(doc, s.title);
    if (when) return { when, whenSection: s };
  }
  return { when: null, whenSection: null };
}

/** The period a heading or column header names: its latest date, a leading year, or Now / Next / Later. */
function timingOf(doc: RoadmapSource, title: string): DateMention | null {
  const dates = findDates(title, doc.dateOptions);
  if (dates.length > 0) return dates.reduce((latest, d) => (d.end > latest.end ? d : latest));
  return yearHeadingOf(title) ?? horizonOf(title, doc.referenceDate) ?? termHorizonOf(title, doc.referenceDate);
}

function rangeOf(node: Nodes): { start: number; end: number } {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** A table whose columns are horizons ("Theme | Now | Next | Later", "Area | Q1 2027 | Q2 2027"). */
function isSwimlane(header: readonly string[] | undefined): boolean {
  return (header?.filter((cell) => HORIZON_COLUMN.test(cell)).length ?? 0) >= 2;
}

/**
 * The cells of a swimlane row planned under a horizon column, each as an item. A row marked done
 * in another column ("Status: Shipped") plans nothing; empty, dash and done cells plan nothing,
 * and neither does a cell without a word (a number is a metric's value, not an item).
 */
function swimlaneCells(row: Item): Item[] {
  const { header, cells } = row;
  if (!header || !cells) return [];
  const horizon = (i: number): boolean => HORIZON_COLUMN.test(header[i] ?? '');
  if (cells.some((cell, i) => !horizon(i) && DONE_CELL.test(cell.text.trim()))) return [];
  const items: Item[] = [];
  cells.forEach((cell, column) => {
    const text = cell.text.trim();
    if (!horizon(column) || EMPTY_CELL.test(text) || DONE_CELL.test(text) || !/\p{L}/u.test(text)) return;
    items.push({ ...row, block: cell, text: cell.text, start: cell.start, end: cell.end, column });
  });
  return items;
}
