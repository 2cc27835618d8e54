import { defineRule } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import type { Item } from '../../model/items.js';
import type { Section } from '../../model/sections.js';
import { hasTimeframe, horizonOf } from '../../model/dates.js';
import { phraseMatcher } from '../../text/phrases.js';
import { FOREIGN_DATE_COLUMN, FOREIGN_OWNER_COLUMN, FOREIGN_OWNER_LABEL } from '../../model/languages/index.js';
// Here an item's owner section is the one holding it as an action: a coherent-actions heading, or a
// plan the kernel rules accept under another name ("Timeline for transition", "Next 3 months").
import { actionItems, actionOwner as roleOwner, DEFAULT_PLACEHOLDERS, hasTemplateToken, quoteTitle, withoutPlaceholders } from '../../text/kernel.js';

/** `@ana`, `@team-payments` — not an e-mail address. */
const MENTION = /(?<![\p{L}\p{N}_.@])@[\p{L}][\p{L}\p{N}_.-]*/u;
/** "Owner: ana", "DRI: @li" — a label and a colon, then a name. */
const OWNER_COLON = /\b(?:owners?|dri|driver|assignee|lead|accountable|responsible)\s*:\s*[@\p{L}]/iu;
/** "owner @ana", "DRI — Li", "led by Ana", "assigned to Li": without a colon the name must be capitalised or a mention. */
const OWNER_LABEL = /\b(?:[Oo]wners?|OWNER|DRI|[Dd]river|[Aa]ssignee|[Aa]ssigned\s+to|[Ll]ed\s+by|[Oo]wned\s+by)[\s=—–-]+[@\p{Lu}]/u;
/** "(Ana, Q1 2027)", "— Ana Lopez, by March": a capitalised name right before a comma and a date. */
const NAME_BEFORE_DATE = /(?:\(|[—–]\s?)[\p{Lu}][\p{Ll}]+(?:\s[\p{Lu}][\p{Ll}]+)?\s?,/u;
/**
 * Milestones and sprints: "M2", "week 6", "sprint 14", "T+30"; a target release ("for Go 1.3",
 * "in v2.7", "release 1.36"); the coming months ("next 3 months").
 */
const MILESTONE = /\b(?:M\d{1,2}|(?:week|sprint|day|wk)\s*\d{1,3}|T\s?[+-]\s?\d{1,3})\b|\bv\d{1,3}\.\d{1,3}\b|\b(?:release|version)\s+v?\d{1,3}(?:\.\d{1,3})+\b|\b(?:in|for|by|until|before|from|with)\s+(?:the\s+)?\p{L}[\p{L}\d+-]*\s+\d{1,3}\.\d{1,3}\b|\b(?:next|coming|upcoming)\s+\d{1,2}\s+(?:months?|weeks?|quarters?)\b/iu;
/** "Now", "Next (3–6 months)", "Later:" — but not "Next steps". */
const HORIZON_HEADING = /^\W*(?:now|next|later|soon|future)\s*(?:$|[(:—–-])/i;
/** A table cell that says nothing: "", "-", "TBD", "?". */
const EMPTY_CELL = /^[\s\-–—?]*$|^\s*(?:tbd|tbc|todo|n\/a|none|unassigned|unknown)\s*$/i;

const OWNER_COLUMNS = /^(?:owners?|dri|driver|who|lead|team|assignee|responsible|accountable|person)\b/i;
/** A sub-item that is the action's owner field, as a table's column would be: "- Who: Core Infra", "- Team: Comms". */
/** A sub-item that is the action's date field: "- When: once beta 1 is out", "- ETA: 2 weeks" ("ETA: N/A" gives none). */
const DATE_FIELD = /^\s*(?:when|due|due date|deadline|target date|timeline|timing|eta|quarter|milestone)\s*:\s*(?!(?:tbd|tbc|todo|n\/a|none|unknown)\s*$)\S/iu;
const OWNER_FIELD = /^\s*(?:who|owners?|dri|driver|lead|team|assignee|responsible|accountable)\s*:\s*[@\p{L}]/iu;
const DATE_COLUMNS = /^(?:when|due|due date|date|deadline|target date|target|timeline|timing|eta|quarter|by|milestone|deliver(?:y|ed)? by|horizon|start|end)\b/i;

function allText(item: Item): string {
  const parts = [item.text];
  const visit = (child: Item): void => {
    parts.push(child.text);
    child.children.forEach(visit);
  };
  item.children.forEach(visit);
  return parts.join(' ');
}

function columnFilled(item: Item, column: RegExp): boolean {
  if (!item.header || !item.cells) return false;
  return item.header.some((name, i) => column.test(name) && item.cells![i] !== undefined && !EMPTY_CELL.test(item.cells![i].text));
}

/** Section titles from the item's own section up to its coherent-actions section. */
function headingsAbove(doc: StrategyDocument, item: Item): string[] {
  const owner = roleOwner(doc, item.section);
  const titles: string[] = [];
  for (let s: Section | null = item.section; s; s = s.parent) {
    titles.push(s.title);
    if (s === owner) break;
  }
  return titles;
}

/** What one action misses, as its own finding or its item hint. */
function itemMessage(m: { owner: boolean; date: boolean }): string {
  return m.owner && m.date
    ? 'This action has no owner and no date: add who is accountable (`@name` or `Owner: …`) and when it lands (a date, quarter or milestone).'
    : m.owner
      ? 'This action has no owner: add the one person accountable for it (`@name` or `Owner: …`).'
      : 'This action has no date: add when it lands (a date, quarter or milestone) so progress can be checked.';
}

export default defineRule({
  meta: {
    id: 'kernel/action-no-owner',
    family: 'kernel',
    description: 'A coherent action with no owner or no date.',
    defaultSeverity: 'information',
    types: ['strategy', 'decision'],
    documentLevel: false,
    fixable: false,
    options: {
      timeWords: {
        type: 'string[]',
        default: ['milestone', 'deadline', 'eta', 'kickoff', 'by launch', 'before launch', 'at launch', 'weekly', 'monthly', 'quarterly', 'biweekly', 'fortnightly', 'daily', 'ongoing', 'immediately', 'today', 'tomorrow', 'this week', 'next week', 'this sprint', 'next sprint', 'eow', 'eod'],
        description: 'Words that give an action a time without a calendar date (dates, quarters, halves, months, "in 6 weeks", milestones "M2" and "week 6" are always recognised).',
      },
      groupAt: {
        type: 'number',
        default: 3,
        minimum: 2,
        description: 'When at least this many actions of one section all lack the same thing, report once on the section heading instead of on every action.',
      },
    },
    rationale:
      'An action nobody owns is an action nobody does, and an action with no date cannot be late — so it cannot be checked either. Strategy writers who turn policy into action map each initiative to an owner and a milestone; the reader should be able to see who will do what by when.',
    howToFix:
      'Give each action one accountable person (`@name` or `Owner: Name`) and a date, quarter or milestone (`Q2 2027`, `by March 15`, `M2`). In a table, add Owner and Due columns.',
    seeds: [
      { source: '002', quote: 'I map each guiding policy to a small number of initiatives with owners, milestones, and outcome metrics' },
      { source: '001', quote: 'single-threaded ownership for outcomes' },
    ],
    examples: {
      bad: '# Payments strategy\n\n## Coherent actions\n\n- Rebuild onboarding for self-serve (@ana, Q1 2027)\n- Give each new mid-market account a named setup guide\n',
      good: '# Payments strategy\n\n## Coherent actions\n\n- Rebuild onboarding for self-serve (@ana, Q1 2027)\n- Give each new mid-market account a named setup guide. Owner: Li, by March 2027.\n',
    },
  },
  check({ doc, options, report, isSuppressed }) {
    const timeWords = phraseMatcher(options.timeWords);
    const missing = new Map<Section | null, Array<{ item: Item; owner: boolean; date: boolean }>>();
    for (const item of actionItems(doc)) {
      // Done items need no owner; unfilled template lines are prose/placeholder's business.
      if (item.checked === true || hasTemplateToken(item.text)) continue;
      // "Owner: TBD" names nobody.
      const text = withoutPlaceholders(allText(item), DEFAULT_PLACEHOLDERS).text;
      const headings = headingsAbove(doc, item);
      const hasOwner = MENTION.test(text) || OWNER_LABEL.test(text) || OWNER_COLON.test(text) || NAME_BEFORE_DATE.test(text) || columnFilled(item, OWNER_COLUMNS)
        || item.children.some((child) => OWNER_FIELD.test(withoutPlaceholders(child.text, DEFAULT_PLACEHOLDERS).text))
        || headings.some((title) => MENTION.test(title) || OWNER_LABEL.test(title) || OWNER_COLON.test(title))
        // In another language, its owner labels and columns too ("Verantwortlich: Anna", "担当: 田中").
        || (doc.language.code !== 'en' && (FOREIGN_OWNER_LABEL.test(text) || columnFilled(item, FOREIGN_OWNER_COLUMN) || headings.some((title) => FOREIGN_OWNER_LABEL.test(title))));
      const hasDate = hasTimeframe(text, doc.dateOptions) || item.children.some((child) => DATE_FIELD.test(withoutPlaceholders(child.text, DEFAULT_PLACEHOLDERS).text)) || MILESTONE.test(text) || timeWords.test(text) || columnFilled(item, DATE_COLUMNS)
        || (doc.language.code !== 'en' && columnFilled(item, FOREIGN_DATE_COLUMN))
        || headings.some((title) => hasTimeframe(title, doc.dateOptions) || (HORIZON_HEADING.test(title) && horizonOf(title, doc.referenceDate) !== null) || MILESTONE.test(title));
      // An action on a line where the rule is suppressed counts as fine (it is not in a section summary either).
      if ((hasOwner && hasDate) || isSuppressed(item.start)) continue;
      const key = roleOwner(doc, item.section);
      const list = missing.get(key) ?? [];
      list.push({ item, owner: !hasOwner, date: !hasDate });
      missing.set(key, list);
    }
    for (const [section, list] of missing) {
      const all = actionItems(doc).filter((item) => item.checked !== true && !hasTemplateToken(item.text) && roleOwner(doc, item.section) === section);
      const sameGap = list.every((m) => m.owner === list[0].owner && m.date === list[0].date);
      if (section && list.length >= options.groupAt && list.length === all.length && sameGap) {
        const { owner, date } = list[0];
        const what = owner && date ? 'an owner or a date' : owner ? 'an owner' : 'a date';
        const needs = owner && date
          ? 'one accountable person (`@name` or `Owner: …`) and a date, quarter or milestone'
          : owner ? 'one accountable person (`@name` or `Owner: …`)' : 'a date, quarter or milestone';
        report({
          message: `None of the ${list.length} actions in ${quoteTitle(section)} names ${what}: give each ${needs}.`,
          start: section.titleStart,
          end: section.titleEnd,
          related: list.map((m) => ({
            ...doc.lines.firstLine(m.item.start, m.item.end),
            message: `This action names no ${owner && date ? 'owner or date' : owner ? 'owner' : 'date'}`,
            hint: itemMessage(m),
          })),
        });
        continue;
      }
      for (const m of list) report({ message: itemMessage(m), start: m.item.start, end: m.item.end });
    }
  },
});
