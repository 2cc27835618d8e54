/**
 * Sections: each top-level heading opens a section that runs until the next heading of the same
 * or a higher level. Sections form a tree and carry the roles their headings name.
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { SectionRole } from '../vocabulary.js';
import type { RoleMatcher } from './roles.js';
import { plainText } from './text-block.js';

export interface Section {
  heading: Heading;
  depth: number;
  /** Heading text as written (inline code kept). */
  title: string;
  /** Source range of the heading's text (without the `#` marks), for placing findings. */
  titleStart: number;
  titleEnd: number;
  /** From the heading to the next heading of the same or a higher level. */
  start: number;
  end: number;
  roles: SectionRole[];
  parent: Section | null;
  children: Section[];
  /** Top-level blocks between this heading and the next heading of any level. */
  ownBlocks: RootContent[];
  /** Index in document order. */
  index: number;
}

function headingTextRange(heading: Heading): { start: number; end: number } {
  const first = heading.children[0];
  const last = heading.children[heading.children.length - 1];
  const start = first?.position?.start.offset ?? heading.position?.start.offset ?? 0;
  const end = last?.position?.end.offset ?? heading.position?.end.offset ?? start;
  return { start, end };
}

export function buildSections(root: Root, textLength: number, matcher: RoleMatcher): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  for (const node of root.children) {
    if (node.type === 'heading') {
      const start = node.position?.start.offset ?? 0;
      while (open.length > 0 && open[open.length - 1].depth >= node.depth) {
        open.pop()!.end = start;
      }
      const title = plainText(node).trim();
      const range = headingTextRange(node);
      const section: Section = {
        heading: node,
        depth: node.depth,
        title,
        titleStart: range.start,
        titleEnd: range.end,
        start,
        end: textLength,
        roles: matcher.rolesOf(title),
        parent: open[open.length - 1] ?? null,
        children: [],
        ownBlocks: [],
        index: sections.length,
      };
      section.parent?.children.push(section);
      sections.push(section);
      open.push(section);
    } else if (sections.length > 0) {
      sections[sections.length - 1].ownBlocks.push(node);
    }
  }
  for (const section of open) section.end = textLength;
  return sections;
}

/**
 * The innermost section containing a source offset, or null before the first heading. Sections
 * are in document order and a section runs until the next heading of its level or higher, so
 * the last section starting at or before the offset is the innermost one containing it (if it
 * contains it at all): a binary search, not a scan (rules ask this for every item and block).
 */
export function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let low = 0;
  let high = sections.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sections[mid].start <= offset) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (last < 0) return null;
  const section = sections[last];
  return offset < section.end ? section : null;
}

/** True when the section or one of its ancestors has the role. */
export function withinRole(section: Section | null, role: SectionRole): boolean {
  for (let s = section; s; s = s.parent) if (s.roles.includes(role)) return true;
  return false;
}
