import type { List, Table } from 'mdast';
import { defineRule } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import type { Section } from '../../model/sections.js';
import { normalizeHeading } from '../../model/roles.js';
import { phraseMatcher } from '../../text/phrases.js';
import { isContainer, namesPolicyList, roleSections } from '../../text/kernel.js';

interface Entry { start: number; end: number }
/** `anchor`: where the finding goes — the heading or lead line that introduces the entries (else the first entry over the limit). */
interface Group { kind: 'priorities' | 'objectives' | 'policies'; label: string; entries: Entry[]; anchor?: Entry }

/** "Priority 1: …", "Bet #2 —", "Pillar 3.", "Objective 4:", "O5:". */
const NUMBERED_HEADING = /^\W*(?:(?:priority|bet|pillar|focus\s+area|theme|objective|policy|principle|tenet)\s*(?:#\s*)?\d{1,2}|O\d{1,2})\b/iu;
/** A week's or a sprint's to-do list is not a strategy's priorities: "Priorities this week". */
const SHORT_HORIZON = /\b(?:week|weekly|today|tomorrow|sprint|daily|day)\b/i;
/** Headings of advice about priorities rather than the priorities: "How to make good objectives", "Criteria for objectives", "Tips for choosing bets". */
const GUIDE_HEADING = /^\W*(?:how\s+to|tips\b|guidelines?\s+for|criteria\s+for|examples?\s+of|writing\s+good|choosing\s+(?:good\s+)?|what\s+makes\s+(?:a\s+)?good)/i;
/** Headings that list what is not a priority. */
const NEGATED_HEADING = /\b(?:not|non|no|won'?t|never|out\s+of\s+scope|de-?priori\w*|later|parking\s+lot|backlog)\b/i;

function isNumberedHeading(section: Section): { kind: Group['kind'] } | null {
  if (!NUMBERED_HEADING.test(section.title)) return null;
  if (/^\W*(?:objective|O\d)/i.test(section.title)) return { kind: 'objectives' };
  if (/^\W*(?:policy|principle|tenet)/i.test(section.title)) return { kind: 'policies' };
  return { kind: 'priorities' };
}

/** A list of exclusions ("We will not: …", "- No enterprise deals") is not a list of priorities. */
const NEGATIVE_WORD = /\b(?:not|never|won'?t|don'?t|stop|rule[sd]?\s+out|instead|avoid|exclude\w*|trade-?offs?)\b/i;

/** A lead-in that ends in a colon and whose last sentence rules things out: "Self-serve first. We will not:". */
function isNegativeLead(lead: string): boolean {
  const trimmed = lead.trimEnd();
  if (!trimmed.endsWith(':')) return false;
  const lastStop = Math.max(trimmed.lastIndexOf('.'), trimmed.lastIndexOf('!'), trimmed.lastIndexOf('?'));
  return NEGATIVE_WORD.test(trimmed.slice(lastStop + 1));
}
const NEGATIVE_ITEM = /^\W*(?:no|not|never|don'?t|won'?t|stop|avoid|drop)\b/i;

function entryOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, first?: { position?: { start: { offset?: number }; end: { offset?: number } } }): Entry {
  const anchor = first ?? node;
  return { start: anchor.position?.start.offset ?? 0, end: anchor.position?.end.offset ?? 0 };
}

/** Entries listed directly under a section: each top-level list (one group per list), each table, and its subsections. */
function groupsUnder(doc: StrategyDocument, section: Section, kind: Group['kind']): Group[] {
  const label = `"${section.title}"`;
  const anchor = { start: section.titleStart, end: section.titleEnd };
  const groups: Group[] = [];
  section.ownBlocks.forEach((node, i) => {
    const previous = section.ownBlocks[i - 1];
    const lead = previous?.type === 'paragraph' ? doc.text.slice(previous.position?.start.offset ?? 0, previous.position?.end.offset ?? 0) : '';
    if (node.type === 'list') {
      if (isNegativeLead(lead)) return;
      const items = (node as List).children;
      const texts = items.map((item) => doc.text.slice(item.children[0]?.position?.start.offset ?? 0, item.children[0]?.position?.end.offset ?? 0));
      if (texts.filter((text) => NEGATIVE_ITEM.test(text)).length * 2 >= texts.length) return;
      groups.push({ kind, label, anchor, entries: items.map((item) => entryOf(item, item.children[0])) });
    } else if (node.type === 'table') {
      if (isNegativeLead(lead)) return;
      groups.push({ kind, label, anchor, entries: (node as Table).children.slice(1).map((row) => entryOf(row, row.children[0])) });
    }
  });
  const children = section.children.filter((child) => child.roles.length === 0 && !NEGATED_HEADING.test(child.title) && !isContainer(doc, child));
  if (children.length > 0) groups.push({ kind, label, anchor, entries: children.map((child) => ({ start: child.titleStart, end: child.titleEnd })) });
  return groups;
}

/** "Our next priorities are:", "Focus areas for 2027:": a paragraph naming priorities that ends in a colon, over a list. */
const PRIORITY_LEAD = /\b(?:priorities|focus areas|areas of focus|bets)\b[^.!?\n]{0,40}:\s*$/i;

/** The lead's last sentence, short enough to quote: "Here is our list of priorities:". */
function leadSentence(lead: string): string {
  const text = lead.replace(/\s+/g, ' ').trim();
  const stop = Math.max(text.lastIndexOf('. '), text.lastIndexOf('! '), text.lastIndexOf('? '));
  const sentence = stop >= 0 ? text.slice(stop + 2) : text;
  return sentence.length > 60 ? `${sentence.slice(0, 57)}…` : sentence;
}

function introducedLists(doc: StrategyDocument, headings: ReturnType<typeof phraseMatcher>): Group[] {
  const groups: Group[] = [];
  for (const section of doc.sections) {
    section.ownBlocks.forEach((node, i) => {
      const previous = section.ownBlocks[i - 1];
      if (node.type !== 'list' || previous?.type !== 'paragraph') return;
      const lead = doc.text.slice(previous.position?.start.offset ?? 0, previous.position?.end.offset ?? 0).replace(/<!--[^>]*-->/g, '');
      if (!PRIORITY_LEAD.test(lead) || !headings.test(lead) || NEGATED_HEADING.test(lead) || SHORT_HORIZON.test(lead)) return;
      groups.push({ kind: 'priorities', label: `"${leadSentence(lead)}"`, anchor: entryOf(previous), entries: (node as List).children.map((item) => entryOf(item, item.children[0])) });
    });
  }
  return groups;
}

export default defineRule({
  meta: {
    id: 'bad-strategy/too-many-priorities',
    family: 'bad-strategy',
    description: 'More top-level priorities, objectives or policies than anyone can focus on.',
    defaultSeverity: 'warning',
    types: ['strategy', 'okr', 'roadmap', 'decision', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      maxPriorities: {
        type: 'number',
        default: 3,
        minimum: 1,
        description: 'Most priorities or objectives in one list, one set of numbered headings or one OKR set.',
      },
      maxPolicies: {
        type: 'number',
        default: 5,
        minimum: 1,
        description: 'Most guiding policies listed directly under one guiding-policy heading.',
      },
      priorityHeadings: {
        type: 'string[]',
        default: ['priorities', 'top priorities', 'key priorities', 'strategic priorities', 'focus areas', 'areas of focus', 'bets', 'big bets', 'strategic bets', 'pillars', 'strategic pillars', 'objectives', 'strategic objectives', 'company objectives'],
        description: 'Headings whose list items, table rows or subsections are priorities ("Our 2027 priorities" matches "priorities").',
      },
    },
    rationale:
      'Bad strategic objectives — a long list of things to do, labelled priorities — are one of Rumelt\'s hallmarks of bad strategy. When everything is a priority, nothing is: teams spread thin and every trade-off is re-argued. Buffett\'s advice is to list your goals and scratch everything below number three; good operators pick two or three metrics as the true north.',
    howToFix:
      'Rank the list and keep the top three (or five policies). Move the rest to a "Not now" or "Non-goals" list so readers see they were considered and deliberately deferred.',
    seeds: [
      { source: '004', quote: "He says like write your to-do list, and then scratch up everything that's below number three." },
      { source: '001', quote: "The art is deciding which two or three metrics are the organization's true north at a given stage" },
      { source: '004', quote: 'fluff, failure to face the challenge, mistaking goals for strategy, and bad strategic objectives' },
    ],
    examples: {
      bad: '# 2027 strategy\n\n## Our priorities\n\n1. Win mid-market merchants\n2. Expand to Germany\n3. Launch the partner program\n4. Rebuild the data platform\n5. Cut infrastructure cost by 20%\n',
      good: '# 2027 strategy\n\n## Our priorities\n\n1. Win mid-market merchants\n2. Expand to Germany\n3. Cut infrastructure cost by 20%\n\n## Not now\n\n- Launch the partner program\n- Rebuild the data platform\n',
    },
  },
  check({ doc, options, report }) {
    const headings = phraseMatcher(options.priorityHeadings);
    const groups: Group[] = [];

    for (const section of doc.sections) {
      if (isContainer(doc, section) || section.roles.includes('non-goals') || NEGATED_HEADING.test(section.title) || SHORT_HORIZON.test(section.title) || GUIDE_HEADING.test(section.title)) continue;
      const normalized = normalizeHeading(section.title);
      // The heading is about priorities: its words end in (or are) a priorities synonym.
      const match = headings.matchAll(normalized).find((m) => m.index + m.length >= normalized.length - 1 || /^\s*(?:for|in|of|this|next|\d)/.test(normalized.slice(m.index + m.length)));
      if (match) {
        groups.push(...groupsUnder(doc, section, /objectives/.test(match.phrase) ? 'objectives' : 'priorities'));
      }
    }
    // Guiding-policy sections, and headings that list standing choices ("TOC operating principles", "Core values").
    const policyLists = doc.sections.filter((section) => namesPolicyList(section.title) && !/priorities$/i.test(normalizeHeading(section.title))
      && !isContainer(doc, section) && !section.roles.includes('guiding-policy'));
    for (const section of [...roleSections(doc, 'guiding-policy'), ...policyLists]) {
      if (section === doc.titleSection) continue;
      groups.push(...groupsUnder(doc, section, 'policies'));
    }
    // A lead that introduces priorities, under any heading: "Our next priorities are:".
    groups.push(...introducedLists(doc, headings));
    // Numbered headings ("Priority 1", "Objective 2") among siblings.
    const byParent = new Map<Section | null, Section[]>();
    for (const section of doc.sections) {
      if (!isNumberedHeading(section)) continue;
      const siblings = byParent.get(section.parent) ?? [];
      siblings.push(section);
      byParent.set(section.parent, siblings);
    }
    for (const siblings of byParent.values()) {
      const kind = isNumberedHeading(siblings[0])!.kind;
      const parent = siblings[0].parent;
      groups.push({ kind, label: parent ? `"${parent.title}"` : 'this document', anchor: parent ? { start: parent.titleStart, end: parent.titleEnd } : undefined,
        entries: siblings.map((s) => ({ start: s.titleStart, end: s.titleEnd })) });
    }
    // OKR sets: objectives that share a section.
    if (doc.type === 'okr') {
      const bySection = new Map<Section | null, Entry[]>();
      for (const objective of doc.objectives) {
        // A team's objective under a company objective serves it: it is not one more priority beside it.
        if (objective.parent) continue;
        const key = objective.kind === 'heading' ? objective.section?.parent ?? null : objective.section;
        const list = bySection.get(key) ?? [];
        list.push({ start: objective.start, end: objective.end });
        bySection.set(key, list);
      }
      for (const [section, entries] of bySection) {
        groups.push({ kind: 'objectives', label: section ? `"${section.title}"` : 'this document', anchor: section ? { start: section.titleStart, end: section.titleEnd } : undefined, entries });
      }
    }

    const reported = new Set<number>();  // lines
    for (const group of groups) {
      const max = group.kind === 'policies' ? options.maxPolicies : options.maxPriorities;
      if (group.entries.length <= max) continue;
      const entries = [...group.entries].sort((a, b) => a.start - b.start);
      // On the heading or lead that introduces them: the count is the problem, not the fourth entry.
      const first = group.anchor ?? entries[max];
      const line = doc.lines.positionAt(first.start).line;
      if (reported.has(line)) continue;
      reported.add(line);
      const message = group.kind === 'policies'
        ? `${entries.length} guiding policies under ${group.label}, more than ${max}: a policy with that many rules guides nobody. Merge the ones that say the same thing and keep the ${max} that matter most.`
        : `${entries.length} ${group.kind} under ${group.label}, more than ${max}: when everything is a priority, nothing is. Rank them, keep the top ${max}, and move the rest to a "Not now" list.`;
      const noun = group.kind === 'policies' ? 'Policy' : group.kind === 'objectives' ? 'Objective' : 'Priority';
      report({
        message,
        start: first.start,
        end: first.end,
        // Every entry, without item hints: the count is the problem, not any one of them.
        related: entries.map((entry, i) => ({ ...doc.lines.firstLine(entry.start, entry.end), message: `${noun} ${i + 1} of ${entries.length}` })),
      });
    }
  },
});
