import type { List, ListItem, Nodes, Parents } from 'mdast';
import { defineRule } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import { textBlockOf, plainText } from '../../model/text-block.js';
import { countWords } from '../../model/document.js';
import { withinRole } from '../../model/sections.js';
import { FRAME_HEADINGS, isFrameSection } from './shared.js';
import { namesPolicyList } from '../../text/kernel.js';

/** Lists that are collections rather than arguments: references, link lists, names. */
function isCollection(list: List, choices = false): boolean {
  const items = list.children;
  if (items.every((item) => item.checked !== null && item.checked !== undefined)) return true; // a task list
  let links = 0;
  let words = 0;
  for (const item of items) {
    const first = item.children[0];
    if (first?.type === 'paragraph' && first.children[0]?.type === 'link') links++;
    words += countWords(plainText(item));
  }
  if (links * 2 >= items.length) return true; // a list of links
  // Names, tags, short labels; but short priorities are still priorities ("Performance", "Security", …).
  return !choices && words / items.length < 3;
}

function hasGrouping(list: List): boolean {
  return list.children.some((item: ListItem) => item.children.some((child) => child.type === 'list'));
}

/** Top-level lists, and lists nested in list items of grouped lists (each is its own group). */
function collectLists(node: Nodes, lists: List[]): void {
  if (node.type === 'list') lists.push(node);
  if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'blockquote') return;
  if ('children' in node) for (const child of (node as Parents).children as Nodes[]) collectLists(child, lists);
}

function firstLineEnd(doc: StrategyDocument, start: number): number {
  const line = doc.lines.positionAt(start).line;
  return Math.max(start, doc.lines.lineEnd(line));
}

export default defineRule({
  meta: {
    id: 'pyramid/too-many-siblings',
    family: 'pyramid',
    description: 'A heading with more than 7 subsections, or a flat list of more than 7 items: too many points to hold without grouping.',
    defaultSeverity: 'information',
    types: ['strategy', 'decision', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      maxSections: {
        type: 'number',
        default: 7,
        minimum: 2,
        description: 'Most direct subsections a heading may have. Summaries and frames (appendix, references, FAQ, open questions…) do not count.',
      },
      maxListItems: {
        type: 'number',
        default: 7,
        minimum: 2,
        description: 'Most items a flat list (no nested items) may have. Task lists, link lists and lists of short labels are not checked.',
      },
      frameHeadings: {
        type: 'string[]',
        default: FRAME_HEADINGS,
        description: 'Headings that frame the document rather than make a point (matched at the start of the heading); not counted as siblings.',
      },
    },
    rationale:
      'Readers hold three to five ideas at once. Minto\'s pyramid groups supporting points under a few headings, each making one point; eleven sibling sections or a fourteen-bullet list leave the grouping to the reader, who will do it differently from you — or not at all.',
    howToFix:
      'Group the items into three to five groups that each make one point, with the point as the group\'s heading or parent bullet. Items that fit no group are often the ones to cut.',
    seeds: [
      { source: '002', quote: 'a sharp problem definition, a few guiding policies, and a concise set of coherent actions' },
      { source: 'Minto, The Pyramid Principle', quote: 'ideas at any level must always be summaries of the ideas grouped below them' },
    ],
    examples: {
      bad: '# Growth strategy\n\nWe will grow through mid-market self-serve in 2027.\n\n## Actions\n\n- Rebuild onboarding for self-serve accounts\n- Add usage-based pricing for small teams\n- Launch the partner directory in Europe\n- Hire two solutions engineers for the EU\n- Rewrite the pricing page for mid-market buyers\n- Add SSO to the team plan this spring\n- Publish quarterly product webinars for admins\n- Sunset the legacy reporting module next year\n',
      good: '# Growth strategy\n\nWe will grow through mid-market self-serve in 2027.\n\n## Actions\n\n- Make self-serve work for teams of 50–500\n  - Rebuild onboarding for self-serve accounts\n  - Add usage-based pricing for small teams\n  - Add SSO to the team plan this spring\n- Sell in Europe through partners\n  - Launch the partner directory in Europe\n  - Hire two solutions engineers for the EU\n- Explain the offer to mid-market buyers\n  - Rewrite the pricing page for mid-market buyers\n  - Publish quarterly product webinars for admins\n',
    },
  },
  check({ doc, options, report }) {
    // Each finding lists every subsection or item as a related place, without item hints: the
    // count is the problem, not any one of them.
    const frames = options.frameHeadings;
    for (const section of doc.sections) {
      const points = section.children.filter((child) => !isFrameSection(child, frames));
      if (points.length <= options.maxSections) continue;
      report({
        message: `"${section.title}" has ${points.length} subsections. Group them under three to five headings that each make one point, so readers see the structure of the argument.`,
        start: section.titleStart,
        end: section.titleEnd,
        related: points.map((child, i) => ({ start: child.titleStart, end: child.titleEnd, message: `Subsection ${i + 1} of ${points.length}` })),
      });
    }

    const lists: List[] = [];
    collectLists(doc.root, lists);
    for (const list of lists) {
      const start = list.position?.start.offset ?? 0;
      const section = doc.sectionAt(start);
      if (list.children.length <= options.maxListItems || hasGrouping(list) || isCollection(list, section !== null && namesPolicyList(section.title))) continue;
      if (section && (isFrameSection(section, frames) || withinRole(section, 'metrics'))) continue;
      const firstItem = list.children[0];
      const firstText = firstItem.children[0]?.type === 'paragraph' ? textBlockOf('paragraph', firstItem.children[0]) : null;
      report({
        message: `This list has ${list.children.length} items in one flat run. Group them under three to five parent items that each make one point, so readers see the structure (and cut what fits no group).`,
        start: firstText?.start ?? start,
        end: firstLineEnd(doc, firstText?.start ?? start),
        related: list.children.map((item, i) => {
          const at = item.position?.start.offset ?? start;
          return { start: at, end: firstLineEnd(doc, at), message: `Item ${i + 1} of ${list.children.length}` };
        }),
      });
    }
  },
});
