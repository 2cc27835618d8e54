/**
 * Shared reading of roadmap items for the roadmap/* rules (not a rule: no default export).
 *
 * A plan item is read with everything that belongs to it: its own text, its sub-bullets, the
 * theme it is grouped under, and — for a table row — the cells, whose header says what they are
 * ("Problem", "Why", "Outcome", "Metric").
 */
import type { RoadmapItem, StrategyDocument } from '../../model/document.js';
import type { Section } from '../../model/sections.js';
import { EMPTY_CELL, HORIZON_COLUMN, type Item } from '../../model/items.js';
import { readable, type TextBlock } from '../../model/text-block.js';
import type { RelatedItem, RuleContext } from '../../types.js';
import { themeParts } from './_context.js';

/** Columns that say who does the work or when, not why or what for. */
const BOOKKEEPING_COLUMN = /^\W*(?:owner|owners|dri|team|squad|lead|assignee|status|state|quarter|half|date|due|when|eta|timeline|timeframe|effort|size|estimate|priority|rank|confidence|id|#|link|ticket|epic)\W*$/i;

/**
 * Everything written about an item: own text (for a row, its cells minus owner/status/date columns),
 * theme (grouping parent; for a swimlane cell, its row's cells outside the horizons), children.
 */
export function planText(item: Item): string {
  if (item.kind === 'table-row' && item.cells && item.header) {
    const header = item.header;
    return item.cells.filter((_, i) => !BOOKKEEPING_COLUMN.test(header[i] ?? '') && (item.column === undefined || i === item.column || !HORIZON_COLUMN.test(header[i] ?? '')))
      .map((cell) => cell.text).join(' \u2029 ');
  }
  const parts: string[] = [];
  if (item.parent && item.parent.depth === item.depth - 1 && item.kind === 'list-item') parts.push(item.parent.text);
  const visit = (node: Item): void => {
    parts.push(node.text);
    node.children.forEach(visit);
  };
  visit(item);
  return parts.join(' \u2029 ');
}

/**
 * What the themes above an item say: the headings and lead-in paragraphs of its enclosing sections,
 * below the sections that frame the whole plan ("## Theme 1: Technicians finish jobs without
 * calling the office" and the paragraph under it). A theme that states the customer and the
 * problem states them for its items. The title's intro, a section that holds every item, and a
 * paragraph about the roadmap itself speak for the whole roadmap, not for one item.
 */
export function themeText(doc: StrategyDocument, item: Item): string {
  return themeParts(doc, item).join(' \u2029 ');
}

/** The non-empty cells of a table row whose header matches `header` (for a swimlane cell, the row's cells outside the horizons). */
export function cellsUnder(item: Item, header: RegExp): string[] {
  if (item.kind !== 'table-row' || !item.cells || !item.header) return [];
  const found: string[] = [];
  item.header.forEach((name, i) => {
    const cell = item.cells![i];
    if (item.column !== undefined && HORIZON_COLUMN.test(name)) return;
    if (cell && header.test(name) && !EMPTY_CELL.test(cell.text)) found.push(cell.text);
  });
  return found;
}

/** The cell that names a table row: its first cell with text (a row may start with an empty cell); a swimlane cell names itself. */
function nameCell(item: Item): TextBlock | undefined {
  if (item.column !== undefined) return item.block;
  return item.kind === 'table-row' ? item.cells?.find((cell) => cell.text.trim() !== '') : undefined;
}

/** The theme of a swimlane cell: the first cell with text outside the horizon columns. */
function themeCell(item: Item): TextBlock | undefined {
  if (item.column === undefined || !item.cells || !item.header) return undefined;
  return item.cells.find((cell, i) => cell.text.trim() !== '' && !HORIZON_COLUMN.test(item.header![i] ?? '') && !BOOKKEEPING_COLUMN.test(item.header![i] ?? ''));
}

/** Where an item-level finding goes: a row's first cell with text, else the item's first line. */
export function itemRange(doc: StrategyDocument, item: Item): { start: number; end: number } {
  const block: TextBlock = nameCell(item) ?? item.block;
  const start = block.start === block.end ? item.start : block.sourceRange(0, 0).start;
  const lineEnd = doc.lines.lineEnd(doc.lines.positionAt(start).line);
  const end = Math.min(block.end, lineEnd);
  return { start, end: Math.max(end, Math.min(start + 1, lineEnd)) };
}

/** A short name for an item in messages: its bold lead or first few words (inline code as written). */
export function itemName(doc: StrategyDocument, item: Item, max = 48): string {
  const block = nameCell(item) ?? item.block;
  const text = readable(doc, block).replace(/\s+/g, ' ').trim();
  const lead = /^(.{3,60}?)(?:\s[—–-]\s|:\s|\s\(|\.\s|$)/.exec(text);
  const name = lead ? lead[1].trimEnd() : text;
  return name.length > max ? `${name.slice(0, max).replace(/\s+\S*$/, '')}…` : name;
}

/** Months from `from` to `to`, rounded down to whole months (for messages). */
export function monthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months--;
  return months;
}

/** The heading or column header that gave an item its timing ("## Later", a "Later" column), if any. */
interface TimingSource {
  title: string;
  start: number;
  end: number;
}

/** Group items whose timing comes from the same section heading or column header, so it gets one finding. */
export function bySource(items: readonly RoadmapItem[]): Array<{ source: TimingSource | null; items: RoadmapItem[] }> {
  const groups: Array<{ key: object | null; source: TimingSource | null; items: RoadmapItem[] }> = [];
  for (const entry of items) {
    const key = entry.whenSection ?? entry.whenColumn ?? null;
    const group = key ? groups.find((g) => g.key === key) : undefined;
    if (group) group.items.push(entry);
    else groups.push({ key, source: timingSource(entry), items: [entry] });
  }
  return groups.map(({ source, items: grouped }) => ({ source, items: grouped }));
}

/** Where timing from a heading or column is reported: the heading's text, or the header cell. */
export function timingSource(entry: RoadmapItem): TimingSource | null {
  if (entry.whenSection) return { title: entry.whenSection.title, start: entry.whenSection.titleStart, end: entry.whenSection.titleEnd };
  const column = entry.whenColumn;
  if (!column) return null;
  const { start, end } = column.sourceRange(0, column.text.length);
  return { title: column.text.trim(), start, end };
}

/** A date mention as a reader says it: "by March" → "March", "in 2028" → "2028". */
export function dateLabel(text: string): string {
  return text.trim().replace(/^(?:in|by|until|before|after|from|during|through|throughout|beyond|since|for|end\s+of|eoy|early|mid|late|start\s+of|beginning\s+of)[\s-]+/i, '');
}

interface ItemReport {
  /** For one item. */
  item(name: string): string;
  /** For one item, in a summary's list of the places it stands for (a few words). */
  related(name: string): string;
  /** For a section whose every item misses it. */
  section(title: string, count: number): string;
  /** For a document where more items miss it than `maxFindings`. */
  document(missing: number, total: number, names: string): string;
}

/**
 * Report the items that miss something, without flooding a terse roadmap: more than `maxFindings`
 * items → one finding on the title; a section of three or more items that all miss it → one
 * finding on its heading; otherwise one finding per item. A summary lists its items as related
 * places, each with an item hint (the item's own message at hint severity). An item on a line
 * where the rule is suppressed counts as fine.
 */
export function reportMissing(
  doc: StrategyDocument,
  items: readonly Item[],
  allMissing: readonly Item[],
  maxFindings: number,
  messages: ItemReport,
  context: Pick<RuleContext<unknown>, 'report' | 'reportDocument' | 'isSuppressed'>,
): void {
  const { report, reportDocument } = context;
  const missing = allMissing.filter((item) => !context.isSuppressed(itemRange(doc, item).start));
  if (missing.length === 0) return;
  const related = (list: readonly Item[]): RelatedItem[] => list.map((item) => {
    const name = itemName(doc, item);
    return { ...itemRange(doc, item), message: messages.related(name), hint: messages.item(name) };
  });
  // A swimlane row whose cells all miss it is one finding on its theme, as a section is on its heading.
  const rows = new Map<Item['node'], Item[]>();
  for (const item of items) if (themeCell(item)) rows.set(item.node, [...(rows.get(item.node) ?? []), item]);
  const wholeRows = [...rows.values()].filter((cells) => cells.length >= 2 && cells.every((item) => missing.includes(item)));
  const findings = missing.length - wholeRows.reduce((sum, cells) => sum + cells.length - 1, 0);
  if (findings > maxFindings) {
    const names = missing.slice(0, 3).map((item) => `"${itemName(doc, item, 30)}"`).join(', ');
    reportDocument(messages.document(missing.length, items.length, `${names}${missing.length > 3 ? ', …' : ''}`), undefined, related(missing));
    return;
  }
  const bySection = new Map<Section | null, Item[]>();
  for (const item of items) bySection.set(item.section, [...(bySection.get(item.section) ?? []), item]);
  const done = new Set<Item>();
  for (const [section, sectionItems] of bySection) {
    if (!section || sectionItems.length < 3 || !sectionItems.every((item) => missing.includes(item))) continue;
    report({ message: messages.section(section.title, sectionItems.length), start: section.titleStart, end: section.titleEnd, related: related(sectionItems) });
    sectionItems.forEach((item) => done.add(item));
  }
  for (const cells of wholeRows) {
    if (cells.some((item) => done.has(item))) continue;
    const theme = themeCell(cells[0])!;
    const { start, end } = theme.sourceRange(0, theme.text.length);
    report({ message: messages.section(readable(doc, theme).replace(/\s+/g, ' ').trim(), cells.length), start, end, related: related(cells) });
    cells.forEach((item) => done.add(item));
  }
  for (const item of missing) {
    if (!done.has(item)) report({ message: messages.item(itemName(doc, item)), ...itemRange(doc, item) });
  }
}
