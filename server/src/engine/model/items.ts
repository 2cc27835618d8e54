/**
 * Items: list items, table rows and labelled lines ("KR2: …" inside a paragraph). Rules about key
 * results, objectives, roadmap items, release entries and actions all start from items.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, Parents, Root, Table, TableRow } from 'mdast';
import { TextBlock, textBlockOf } from './text-block.js';
import { sectionAt, type Section } from './sections.js';
import { TextMemo } from '../text/memo.js';

export interface Item {
  kind: 'list-item' | 'table-row' | 'line';
  node: ListItem | TableRow | Paragraph | Heading;
  /** The item's own text (a list item's paragraphs before any nested list; a row's cells joined by " | "). */
  block: TextBlock;
  text: string;
  /** Source range of the own text. */
  start: number;
  end: number;
  /** List nesting: 0 for an item of a list that is not inside another list item. */
  depth: number;
  parent: Item | null;
  children: Item[];
  /** Task list state, null when not a task item. */
  checked: boolean | null;
  section: Section | null;
  /** For table rows: the header cells' text, lower-cased, and each cell's block. */
  header?: string[];
  cells?: TextBlock[];
  /** For table rows: the header cells' blocks (one array per table, shared by its rows). */
  headerCells?: TextBlock[];
  /**
   * For one cell of a swimlane row read as its own roadmap item ("Theme | Now | Next | Later"):
   * the cell's column. `block` is the cell, `cells` and `header` are still the whole row's.
   */
  column?: number;
}

/** Table columns that are horizons or periods: "Now", "Next", "Later", "Q1 2027", "H2". */
export const HORIZON_COLUMN = /^[^\p{L}]*(?:now|next|later|q[1-4]|h[12])\b/iu;
/** A cell that holds nothing: blank, a dash, "n/a", "TBD", "?", "…". */
export const EMPTY_CELL = /^\s*(?:(?:[—–-]+|n\/?a|none|tbd|tbc|\?+|…|\.\.\.)\s*)?$/i;

// The labels allow markup around them ("**KR1**:") as `\s*(?:(?:\*\*|__)\s*)?`, never as
// `\s*(?:\*\*|__)?\s*`: two optional runs of blanks side by side make a failing match quadratic.
/** Labels that open a key-result line: "KR:", "KR1:", "KR 1.2 —", "KR-3:", "**KR1.1** …", "Key result 2:", "Measure:" (Measure = Key Result). */
export const KEY_RESULT_LABEL = /^\s*(?:(?:\*\*|__)\s*)?(?:KR[\s-]?\d{1,2}(?:\.\d{1,2})?[a-z]?(?:\s*(?:(?:\*\*|__)\s*)?[:.)—–-]|(?=\s))|(?:KR|key\s+results?(?:\s#?\d{1,2}(?:\.\d{1,2})?)?|measures?(?:\s#?\d{1,2})?)\s*(?:(?:\*\*|__)\s*)?[:.)—–-])/i;
/** Labels that open an objective line: "Objective:", "Objective 1:", "O1:", "Goal:" (Goal = Objective). */
export const OBJECTIVE_LABEL = /^\s*(?:(?:\*\*|__)\s*)?(?:objective\s?#?\d{0,2}|O\d{1,2}|goal\s?#?\d{0,2})\s*(?:(?:\*\*|__)\s*)?[:.)—–-]/i;
/** Labels of work, not results: "Experiment:", "Task:", "Initiative 2:" (Experiment = Task). Never key results. */
export const TASK_LABEL = /^\s*(?:(?:\*\*|__)\s*)?(?:experiments?|tasks?|initiatives?|projects?|actions?|epics?|activit(?:y|ies)|deliverables?|milestones?|bets?|to-?dos?)\s?#?\d{0,2}\s*(?:(?:\*\*|__)\s*)?[:.)—–-]/i;

function ownBlocksOfListItem(item: ListItem): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const child of item.children) {
    if (child.type === 'paragraph') blocks.push(textBlockOf('paragraph', child));
    else if (child.type === 'heading') blocks.push(textBlockOf('heading', child));
  }
  return blocks;
}

function emptyBlock(node: Nodes): TextBlock {
  const offset = node.position?.start.offset ?? 0;
  return new TextBlock('paragraph', node, '', [], offset, offset);
}

/** The labelled lines of a paragraph ("KR2: …", "Objective: …"), a one-line paragraph included. */
function labelledLines(paragraph: Paragraph): TextBlock[] {
  const block = textBlockOf('paragraph', paragraph);
  return labelledRanges.get(block.text, labelledRangesOf).map(([from, to]) => block.slice(from, to));
}

/** Which lines of a paragraph's text are labelled, by text: most paragraphs have none, and keep having none. */
const labelledRanges = new TextMemo<Array<[number, number]>>();

function labelledRangesOf(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // Lines end at \n, \r\n or a lone \r (the text keeps the document's line ends).
  const breaks = /\r\n|\r|\n/g;
  let from = 0;
  for (;;) {
    const found = breaks.exec(text);
    const to = found ? found.index : text.length;
    const line = text.slice(from, to);
    if (KEY_RESULT_LABEL.test(line) || OBJECTIVE_LABEL.test(line)) ranges.push([from, to]);
    if (!found) break;
    from = found.index + found[0].length;
  }
  return ranges;
}

export function collectItems(root: Root, sections: readonly Section[]): Item[] {
  const items: Item[] = [];

  const visitList = (list: List, depth: number, parent: Item | null): void => {
    for (const listItem of list.children) {
      const blocks = ownBlocksOfListItem(listItem);
      const block = blocks.length > 0 ? TextBlock.join('paragraph', listItem, blocks, ' ') : emptyBlock(listItem);
      const start = block.start;
      const item: Item = {
        kind: 'list-item', node: listItem, block, text: block.text, start, end: block.end, depth, parent,
        children: [], checked: listItem.checked ?? null, section: sectionAt(sections, start),
      };
      parent?.children.push(item);
      items.push(item);
      for (const child of listItem.children) visitNode(child, depth + 1, item);
    }
  };

  const visitTable = (table: Table): void => {
    const [headerRow, ...rows] = table.children;
    const headerCells = headerRow ? headerRow.children.map((cell) => textBlockOf('tableCell', cell)) : [];
    const header = headerCells.map((cell) => cell.text.trim().toLowerCase());
    for (const row of rows as TableRow[]) {
      const cells = row.children.map((cell) => textBlockOf('tableCell', cell));
      const block = cells.length > 0 ? TextBlock.join('tableCell', row, cells, ' | ') : emptyBlock(row);
      const start = block.start;
      items.push({
        kind: 'table-row', node: row, block, text: block.text, start, end: block.end, depth: 0, parent: null,
        children: [], checked: null, section: sectionAt(sections, start), header, cells, headerCells,
      });
    }
  };

  const visitNode = (node: Nodes, depth: number, parent: Item | null): void => {
    if (node.type === 'list') visitList(node, depth, parent);
    else if (node.type === 'table') visitTable(node);
    else if (node.type === 'paragraph' && parent === null) {
      for (const line of labelledLines(node)) {
        items.push({
          kind: 'line', node, block: line, text: line.text, start: line.start, end: line.end, depth: 0, parent: null,
          children: [], checked: null, section: sectionAt(sections, line.start),
        });
      }
    } else if (node.type !== 'listItem' && 'children' in node) {
      for (const child of (node as Parents).children as Nodes[]) visitNode(child, depth, parent);
    }
  };

  for (const node of root.children) visitNode(node, 0, null);
  return items.sort((a, b) => a.start - b.start);
}
