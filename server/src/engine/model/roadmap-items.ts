/**
 * What is and is not a plan item in a roadmap, beyond the section roles: the pieces of the
 * roadmap reading in StrategyDocument.roadmapItems that look at one section, list or row.
 *
 * Real roadmaps mix plan items with other lists: how to use or contribute to the roadmap, the
 * project's vision and risks, milestones marked completed, lists introduced as finished work,
 * pointers to issue trackers, release schedules (a version and a date, nothing more).
 */
import type { List, ListItem, Nodes, Parents } from 'mdast';
import type { Item } from './items.js';
import type { Section } from './sections.js';
import { findDates, type DateOptions } from './dates.js';
import { plainText as plain } from './text-block.js';

/**
 * Headings of sections that are about the roadmap or the project rather than plan items, beyond
 * the ones every roadmap shares (why, summary, shipped, …): vision, mission, values, risks and
 * their mitigations, how to use or contribute to the roadmap, how it changes, the guidance and
 * considerations of a guide to running one. A leading qualifier is allowed ("Known risks",
 * "Potential challenges", "Founding principles", "Project vision", "Additional considerations").
 */
const ABOUT_THE_ROADMAP = /^[^\p{L}\p{N}]*(?:(?:known|potential|key|main|major|open|project|founding|core|our|the|additional|other|general)\s+)?(?:vision|guidance\b|guidelines?\b|considerations\b|benefits\b|mission|purpose|values|principles|risks\b|risk\s+mitigations?|mitigations?\b|challenges|concerns|contribut|using\s+(?:this|the|our)\s+roadmap|how\s+to\b|how\s+we\s+(?:use|plan|work|prioriti[sz]e|decide)|changes\s+to\s+(?:this|the)\b|get(?:ting)?\s+involved|triag|(?:roadmap\s+|planning\s+|release\s+)?process(?:es)?[^\p{L}\p{N}]*$|governance[^\p{L}\p{N}]*$|feedback[^\p{L}\p{N}]*$)/iu;

export function isAboutTheRoadmap(title: string): boolean {
  return ABOUT_THE_ROADMAP.test(title);
}

/** "v2.8 (completed)", "Milestone 3 ✅", "1.9 release, delivered: July 2024": a heading that marks its section as done. */
const DONE_HEADING = /\((?:completed?|done|shipped|released|delivered|finished)\)|[✅✔☑]|[,;|—–]\s*(?:completed?|done|shipped|released|delivered|finished)\s*(?:[:—–-]|\b(?:in|on)\s)/iu;
/** "**Status**: Completed — …" as the first line under a milestone heading. */
const DONE_STATUS = /^[^\p{L}]*status[^\p{L}]{0,6}(?:completed?|done|shipped|released|delivered|finished)\b/iu;

/**
 * "Recently completed", "Already shipped", "Previously released": a heading that files its items as
 * finished work, with a qualifier of time before the done word.
 */
const DONE_QUALIFIED_HEADING = /^[^\p{L}\p{N}]*(?:recently|already|previously|just)\s+(?:completed?|done|shipped|released|delivered|finished|landed|launched)\b/iu;
/** "Kept below for historic purposes", "for reference only": a note that the section is the record of an older plan. */
const HISTORIC_NOTE = /\bfor\s+(?:historic(?:al)?|archival|reference)\s+(?:purposes|reasons|reference)\b|\bfor\s+reference\s+only\b|\bkept\s+for\s+(?:the\s+)?record\b/i;

/**
 * A milestone or release section marked done, in its heading or by a status line first under it;
 * or a section kept as the record of an older plan, as its first line says.
 */
export function isDoneSection(section: Section): boolean {
  if (DONE_HEADING.test(section.title) || DONE_QUALIFIED_HEADING.test(section.title)) return true;
  const first = section.ownBlocks[0];
  return first?.type === 'paragraph' && (DONE_STATUS.test(plain(first)) || HISTORIC_NOTE.test(plain(first)));
}

/** "✅ Bulk edit", "Bulk edit (done)", "[shipped]": an item marked done in its own text. */
const DONE_MARK = /^[^\p{L}\p{N}]{0,3}[✅✔☑]|[✅✔☑][^\p{L}\p{N}]{0,3}$|[([](?:done|completed?|shipped|released|delivered|finished)[)\]]/iu;

/** "Status: Done" in an item's text, a sub-bullet or a status column. */
const STATUS_DONE = /\bstatus[^\p{L}]{0,6}(?:completed?|done|shipped|released|delivered|finished)\b/iu;
const STATUS_COLUMN = /^[^\p{L}]*(?:status|state|progress)[^\p{L}]*$/iu;
const DONE_WORD = /^[^\p{L}]*(?:completed?|done|shipped|released|delivered|finished|launched)\b/iu;

/**
 * An item marked done: a done mark, "Status: Done" in its text or a sub-bullet, a status column
 * that starts with a done word ("Completed in v2.3"), or struck through as a whole (~~Bulk edit~~).
 */
export function isDoneItem(item: Item): boolean {
  if (DONE_MARK.test(item.text.trim()) || STATUS_DONE.test(item.text)) return true;
  if (item.children.some((child) => STATUS_DONE.test(child.text))) return true;
  if (item.kind === 'table-row' && item.column === undefined && item.header && item.cells) {
    const { header, cells } = item;
    if (header.some((name, i) => STATUS_COLUMN.test(name) && DONE_WORD.test(cells[i]?.text ?? ''))) return true;
  }
  if (item.kind !== 'list-item') return false;
  const paragraph = (item.node as ListItem).children[0];
  if (paragraph?.type !== 'paragraph') return false;
  const parts = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return parts.length > 0 && parts.every((child) => child.type === 'delete');
}

/**
 * A list item that points at where the items are kept rather than being one: "See the
 * [milestone](…)", "[Issues for 0.4.0](…)", "As a board with the current status ([link](…))",
 * "[backlog](…/milestone/6) holds low-priority items".
 */
const POINTER = /^[^\p{L}\p{N}]*(?:see|visit|check(?:\s+out)?|view|browse|follow|refer\s+to|details\b|more\s+(?:details|info)|for\s+(?:more|details|a\s+full\s+list|the\s+full\s+list|a\s+complete\s+list|the\s+complete\s+list)|as\s+an?\s+(?:list|board|table|view|project|kanban)|(?:open\s+|all\s+|the\s+)?(?:issues|prs|pull\s+requests|tickets|milestones?|project\s+board|board|epics?|discussions?)\s+(?:for|in|of|tagged|labell?ed|with)\b|(?:github\s+)?(?:milestone|project|board|tracking\s+issue)\s*[:—–-])/iu;

/** A link to a view that holds many items: a milestone, a project board, a label, an issue search. */
const TRACKER_VIEW = /\/(?:milestones?|projects?|labels|boards?)(?:\/|\?|#|$)|\/(?:issues|pulls)\?|[?&]q=/i;

export function isPointerItem(item: Item): boolean {
  if (item.kind !== 'list-item') return false;
  if (POINTER.test(item.text)) return hasLink(item.node);
  // "[needs-owner](…/milestone/9) holds zero-priority items": the item opens with a link to a tracker view, and explains it.
  const paragraph = (item.node as ListItem).children[0];
  const first = paragraph?.type === 'paragraph' ? paragraph.children.find((child) => !(child.type === 'text' && child.value.trim() === '')) : undefined;
  return first?.type === 'link' && TRACKER_VIEW.test(first.url);
}

/** Words that sit beside a date in a schedule cell: "2nd week of September 2026", "est. Q3", "First 2.11.x release". */
const SCHEDULE_WORD = /^(?:\d+(?:st|nd|rd|th)?|week|weeks|of|the|in|on|by|around|about|approx|approximately|est|estimated|tentative|planned|target|early|mid|late|end|start|beginning|release|releases|released|notes|tbd|tba|first|last|final|initial|x|v?\d+(?:\.\d+)+(?:-[\w.]+)?|v\d+)$/i;

/** What a link beside a release says: "Release notes", "Changelog", "link". */
const LINK_WORD = /^(?:changelog|changes|link|here|github|announcement|blog|post|download|docs?|details|milestone|tag)$/i;

/**
 * A table row (or a list item) that only schedules a release: every cell is a version, a date, a link to the
 * release ("Release notes") or empty. It names no work to judge ("v2.21 | 2nd week of September 2026").
 */
export function isScheduleRow(item: Item, options: DateOptions): boolean {
  if (item.kind === 'list-item') return isScheduleEntry(item, options);
  if (item.kind !== 'table-row' || !item.cells || item.column !== undefined) return false;
  return item.cells.every((cell) => onlySchedule(cell.text, options, onlyLinks(cell.node)));
}

/** The text is dates and the words beside them, and (beside a link) what a link to a release says. */
function onlySchedule(text: string, options: DateOptions, link: boolean): boolean {
  let rest = text;
  for (const date of findDates(rest, options).sort((a, b) => b.index - a.index)) rest = rest.slice(0, date.index) + rest.slice(date.index + date.length);
  return rest.split(/[\s,.;:()|/—–-]+/).filter(Boolean).every((word) => SCHEDULE_WORD.test(word) || (link && LINK_WORD.test(word)));
}

/**
 * A list item that is only a date, often a link to the review or release held then: "[End of
 * December](reviews/december.md)", "Q3 2026". It schedules, and names no work to judge. The
 * item must hold a date: a bare "Release notes" link is a pointer, judged by isPointerItem.
 */
function isScheduleEntry(item: Item, options: DateOptions): boolean {
  if (item.children.length > 0 || findDates(item.text, options).length === 0) return false;
  const paragraph = (item.node as ListItem).children[0];
  return onlySchedule(item.text, options, paragraph?.type === 'paragraph' && onlyLinks(paragraph));
}

/**
 * The paragraph before a list says its items are finished work: "We have now finished the
 * groundwork:", "The following items were completed recently:". A lead-in about the future
 * ("Items to be completed:", "What will be done:") does not.
 */
const DONE_LEAD_IN = /\b(?:completed|finished|shipped|delivered|done|released|landed|accomplished|achieved)\b[^:]{0,80}:\s*$/i;
const FUTURE_LEAD_IN = /\b(?:to\s+be|will|shall|must|should|needs?\s+to|until|before|once|when|remaining|left|still)\b/i;

export function isDoneLeadIn(text: string): boolean {
  return DONE_LEAD_IN.test(text) && !FUTURE_LEAD_IN.test(text);
}

/**
 * The paragraph before a list says its entries argue for or govern the work rather than being it:
 * "There are multiple benefits of this process:", "Three reasons:", "We follow these principles:".
 */
const FRAME_LEAD_IN = /\b(?:benefits|advantages|reasons|principles|guidelines|rules)\b[^:]{0,60}:\s*$/i;

export function isFrameLeadIn(text: string): boolean {
  return FRAME_LEAD_IN.test(text);
}

/**
 * A list that describes what comes before it rather than listing items: every entry starts
 * with a lower-case word ("adds a new message format", "deprecates the old one"), continuing
 * the heading or sentence above.
 */
export function isDescriptionList(list: List): boolean {
  return list.children.length > 0 && (list.children.every((entry) => /^[^\p{L}\p{N}]*\p{Ll}/u.test(plain(entry)))
    || list.children.every((entry) => isFieldLine(plain(entry))));
}

/**
 * A line that fills in a field of an item rather than naming work: "Owner: @ana", "Links: [RFC](…)",
 * "**Tracking issue**: #12", "Status: in review". Under an item's heading, a list of them describes it.
 */
const FIELD_LINE = /^[^\p{L}\p{N}]*(?:owners?|dri|leads?|contacts?|assignees?|champions?|shepherds?|sponsors?|status|state|links?|tracking\s+issues?|issues?|epics?|rfcs?|prs?|pull\s+requests?|design\s+docs?|docs?|milestones?|eta|timeline|target|priority|notes?)[^\p{L}\p{N}:\n]{0,3}:/iu;

export function isFieldLine(text: string): boolean {
  return FIELD_LINE.test(text);
}

function hasLink(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  if (node.type === 'list') return false;
  return 'children' in node && ((node as Parents).children as Nodes[]).some(hasLink);
}

/** Every piece of text in the node is inside a link (blank text between links aside). */
function onlyLinks(node: Nodes): boolean {
  if (!('children' in node)) return false;
  const parts = ((node as Parents).children as Nodes[]).filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return parts.length > 0 && parts.every((child) => child.type === 'link' || child.type === 'linkReference');
}
