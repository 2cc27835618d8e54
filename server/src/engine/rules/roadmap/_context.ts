/**
 * What a roadmap says about an item outside the item's own line (not a rule: no default export):
 * the goal its milestone or theme states, the section that details an item listed in an
 * overview, and which sections frame the whole plan rather than one theme.
 */
import type { StrategyDocument } from '../../model/document.js';
import type { Item } from '../../model/items.js';
import type { Section } from '../../model/sections.js';
import { contentStems, DEFAULT_STOP_WORDS } from '../../text/content-words.js';

const STOP_WORDS: ReadonlySet<string> = new Set(DEFAULT_STOP_WORDS);

/** A paragraph about the roadmap itself ("If you depend on a roadmap item…", "This table lists…"), not about one theme. */
const ABOUT_THE_ROADMAP = /\broadmap\b|\bthis\s+(?:document|page|table|list)\b/i;

/**
 * A goal stated for a milestone or theme: "The primary goal of this milestone is to …", "Our goal
 * for 3.13 is to …", "This release aims to …".
 */
const GOAL_STATEMENT = /\b(?:goals?|aims?|objectives?|purpose)\s+(?:(?:of|for)\s+(?:(?:this|the|our)\s+)?[^\s,;:]+(?:\s+[^\s,;:]+)?\s+)?(?:is|are|will\s+be)\b|\b(?:aims?|intends?)\s+to\b|^[^\p{L}]*(?:goals?|aim|objective)\s*:/iu;

const frames = new WeakMap<StrategyDocument, ReadonlySet<Section>>();

/**
 * Sections that frame the whole plan: each holds every roadmap item, and the items sit in more
 * than one section below it ("## Milestones" over "### v2.8", "### v2.9"). What such a section
 * says speaks for the roadmap, not for one theme. The title is always a frame.
 */
function frameSections(doc: StrategyDocument): ReadonlySet<Section> {
  let found = frames.get(doc);
  if (found) return found;
  const result = new Set<Section>();
  if (doc.titleSection) result.add(doc.titleSection);
  const items = doc.roadmapItems.map((entry) => entry.item);
  if (new Set(items.map((item) => item.section)).size >= 2) {
    const chains = items.map((item) => {
      const chain = new Set<Section>();
      for (let s = item.section; s; s = s.parent) chain.add(s);
      return chain;
    });
    for (const section of chains[0]) if (chains.every((chain) => chain.has(section))) result.add(section);
  }
  found = result;
  frames.set(doc, found);
  return found;
}

/** Paragraph text of a section's own blocks, optionally only those before `before`. */
function paragraphsOf(doc: StrategyDocument, section: Section, before = Infinity): string[] {
  const parts: string[] = [];
  for (const node of section.ownBlocks) {
    const start = node.position?.start.offset ?? 0;
    if (node.type !== 'paragraph' || start >= before) continue;
    for (const block of doc.blocksIn(start, node.position?.end.offset ?? start)) parts.push(block.text);
  }
  return parts;
}

/**
 * What the themes above an item say: the headings and lead-in paragraphs of its enclosing sections
 * ("## Theme 1: Technicians finish jobs without calling the office" and the paragraph under it).
 * Sections that frame the whole plan, and paragraphs about the roadmap itself, are left out.
 */
export function themeParts(doc: StrategyDocument, item: Item): string[] {
  const parts: string[] = [];
  const frame = frameSections(doc);
  for (let s: Section | null = item.section; s && !frame.has(s); s = s.parent) {
    parts.push(s.title);
    for (const text of paragraphsOf(doc, s, item.start)) if (!ABOUT_THE_ROADMAP.test(text)) parts.push(text);
  }
  return parts;
}

/** The theme a list item is grouped under ("- **Alerting integrations**" over its tasks), if any. */
function groupOf(item: Item): Item | null {
  return item.kind === 'list-item' && item.parent && item.parent.depth === item.depth - 1 ? item.parent : null;
}

/**
 * Goals stated by the milestone or theme sections an item sits in, that speak for the item. A
 * section's goal speaks for its items; where the items are grouped under themes, only for the
 * groups it names ("making the Alerting APIs generally available" names "Alerting integrations",
 * not "CLI integrations").
 */
export function goalsFor(doc: StrategyDocument, item: Item): string[] {
  const frame = frameSections(doc);
  const goals: string[] = [];
  const group = groupOf(item);
  for (let s: Section | null = item.section; s && !frame.has(s); s = s.parent) {
    for (const text of paragraphsOf(doc, s)) {
      const match = ABOUT_THE_ROADMAP.test(text) ? null : GOAL_STATEMENT.exec(text);
      if (!match) continue;
      const goal = text.slice(match.index);
      if (!group || namesGroup(doc, goal, group)) goals.push(goal);
    }
  }
  return goals;
}

/** The goal shares a word with the group's title that the other groups of its list do not share. */
function namesGroup(doc: StrategyDocument, goal: string, group: Item): boolean {
  const siblings = doc.items.filter((other) => other !== group && other.kind === 'list-item' && other.depth === group.depth
    && other.section === group.section && other.children.length > 0);
  const common = new Set<string>();
  for (const other of siblings) for (const stem of contentStems(other.text, STOP_WORDS)) common.add(stem);
  const goalStems = contentStems(goal, STOP_WORDS);
  return [...contentStems(group.text, STOP_WORDS)].some((stem) => !common.has(stem) && goalStems.has(stem));
}

/** Lower-case words of a title, parentheticals dropped: "Enabling subinterpreters (PEP 554)." → "enabling subinterpreters". */
function titleWords(text: string): string {
  return text.replace(/\([^)]{0,80}\)/g, ' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The text of the section that details an item listed in an overview: "We plan three pieces of
 * work: the tier 2 optimizer, …" followed by "### The tier 2 optimizer". Matched by title (one
 * contains the other, two words at least); the item's own sections never count.
 */
export function detailOf(doc: StrategyDocument, item: Item): string {
  if (item.kind !== 'list-item') return '';
  const name = titleWords(item.text);
  if (name.split(' ').length < 2 || name.length > 80) return '';
  const own = new Set<Section>();
  for (let s = item.section; s; s = s.parent) own.add(s);
  for (const section of doc.sections) {
    if (own.has(section) || section.start < item.start) continue;
    const title = titleWords(section.title);
    const shorter = title.length < name.length ? title : name;
    if (shorter.split(' ').length < 2 || !(` ${name} `.includes(` ${title} `) || ` ${title} `.includes(` ${name} `))) continue;
    return doc.blocksIn(section.start, section.end).map((block) => block.text).join(' \u2029 ');
  }
  return '';
}
