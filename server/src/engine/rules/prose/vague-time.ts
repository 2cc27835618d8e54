import { defineRule, type SectionRole } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import { findDates } from '../../model/dates.js';
import type { StrategyDocument } from '../../model/document.js';
import type { TextBlock } from '../../model/text-block.js';
import { withinRole } from '../../model/sections.js';
import { plainText } from '../../model/text-block.js';
import type { Nodes, Parents } from 'mdast';
import { inQuotedBlock, inQuotes, quotedInText, sentenceInBlock, wordAfter, wordBefore, SKIPS_QUOTED_BLOCKS } from './shared.js';

const DEFAULT_PHRASES = ['soon', 'eventually', 'at some point', 'in the future', 'in the near future', 'in the not too distant future',
  'someday', 'some day', 'sometime', 'down the road', 'in due course', 'in due time', 'when time permits', 'when we have time',
  'when we have capacity', 'when resources allow', 'as soon as possible', 'asap', 'at a later date', 'at a later stage',
  'in a future release', 'in a future version', 'shortly', 'before long', 'sooner or later', 'coming soon', 'one of these days',
  'in a few years', 'in the coming weeks', 'in the coming months', 'in the coming years', 'in the long-term future', 'in the longer-term future'];

/** Markers of a past event: "we eventually shipped", "soon became", which narrate rather than promise. */
const PAST = /^(?:[a-z]+[^e]ed|was|were|had|did|became|got|made|found|saw|took|went|came|knew|led|ran|began|grew|built|won|lost|left|gave|brought|felt|realised|realized|fell|rose|hit|sold|paid|spent|told|said|thought|understood|became)$/;
/** A participle after "be": "will be deleted at some point" is a future passive, not a past event. */
const PASSIVE_BEFORE = /\bbe\s+[\p{L}'’-]{2,30}[^\p{L}\n]{0,3}$/u;
/** "TBD" and friends. */
const TBD = /(?<![\p{L}\p{N}_-])(?:TBD|TBC|TBA|tbd)(?![\p{L}\p{N}_])/gu;
/** "Due: TBD", "launch date is TBD", "ETA TBD". */
const DATE_LABEL = /(?:\b(?:date|due|when|eta|deadline|timeline|timing|target|launch|ship|go-live|ga|release|by|start|end|quarter|kickoff)\b[^\p{L}\p{N}\n]{0,4}(?:(?:is|are|still)\s+){0,2}$)/iu;
/** Table columns that hold dates. */
const DATE_COLUMN = /\b(?:date|due|when|eta|deadline|timeline|timing|target|launch|ship|release|quarter|go-live|by|start|end|milestone|eol|end of life|sunset)\b/i;

/** A plan: a future or intention… */
const FUTURE = /\b(?:will|shall|going\s+to|committed\s+to|plan(?:s|ned)?\s+to|aim(?:s|ing)?\s+to|intend(?:s)?\s+to|expect(?:s)?\s+to|hope(?:s)?\s+to|want(?:s)?\s+to|would\s+like\s+to|should|must|needs?\s+to|planned|upcoming|scheduled|next)\b|['’]ll\b/i;
/** …with the writer's side as its subject… */
const OWNER = /\b(?:[Ww]e|[Oo]ur|[Uu]s|I|[Ll]et['’]s)\b|\b(?:the|our|my|[A-Z][\p{L}-]*)\s+team\b|@[\w-]+/u;
/** …or a delivery promised in any voice ("support will come", "is coming soon", "will be added"). */
const DELIVERY = /\b(?:will|to)\s+(?:[a-z]+ly\s+)?(?:be\s+)?(?:come|arrive|land|happen|take\s+place|ship(?:ped)?|launch(?:ed)?|release(?:d)?|add(?:ed)?|available|supported|done|fixed|delivered|built|revisited|addressed|improved|replaced|deprecated|removed|deleted|changed|merged|moved|dropped|retired|stabili[sz]ed|implemented|introduced|enabled|extended|published|announced|finali[sz]ed|rolled\s+out|decided|determined|settled|reconsidered|re-?evaluated|evaluated)\b|\b(?:is|are)\s+coming\b|\bcoming\s+soon\b/iu;
/** A vague time bounded right after it: "sometime in the next week or two", "soon, within 30 days", "ASAP (April)". */
const BOUNDED_AFTER = /^[\s,]{0,3}(?:in\s+the\s+next\b|within\b|this\s+(?:week|month|quarter|year|spring|summer|autumn|fall|winter)\b|next\s+(?:week|month|quarter|year)\b|\((?:[^()]{0,20}\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|[^()]{0,20}\b(?:q[1-4]|h[12]|20\d\d)\b))/i;
/** A plan told as history, a past belief recounted, or a question put in words: "our original plan was to…", "it was known at the time that we might revisit it in the future", "we consider whether it should eventually…". */
const NOT_A_PROMISE = /\b(?:plan|intention|idea|goal|hope)\s+was\s+to\b|\bwas\s+(?:going|supposed)\s+to\b|\bhad\s+(?:planned|hoped|intended)\b|\bwhether\b|\b(?:was|were)\s+(?:known|thought|understood|assumed|agreed|clear|expected)\s+(?:at\s+the\s+time\s+)?that\b/i;

/** Does the sentence promise something (rather than narrate or forecast what others will do)? */
function isCommitment(sentence: string): boolean {
  return (FUTURE.test(sentence) && OWNER.test(sentence)) || DELIVERY.test(sentence);
}

function timeHint(phrase: string): string {
  return `${inQuotes(phrase)} is not a date: give a target ("by March 2027", "in Q2"), or say what has to happen first.`;
}

/** Is "TBD" in this block a date: in a date column, or after a date label? */
function tbdIsDate(doc: StrategyDocument, block: TextBlock, index: number): boolean {
  if (DATE_LABEL.test(block.text.slice(Math.max(0, index - 40), index))) return true;
  if (block.kind !== 'tableCell') return false;
  if (!/^\s*(?:TBD|TBC|TBA)\b/i.test(block.text)) return false;
  const row = doc.items.find((item) => item.kind === 'table-row' && item.cells?.some((cell) => cell.start === block.start));
  if (!row?.cells || !row.header) return false;
  const column = row.cells.findIndex((cell) => cell.start === block.start);
  return column >= 0 && DATE_COLUMN.test(row.header[column] ?? '');
}

export { tbdIsDate };

/** Types where every paragraph is about delivery. */
const PLAN_TYPES = new Set(['roadmap', 'release-notes', 'okr']);

const listRanges = new WeakMap<StrategyDocument, Array<{ start: number; end: number }>>();

function inListItem(doc: StrategyDocument, offset: number): boolean {
  let ranges = listRanges.get(doc);
  if (!ranges) {
    ranges = doc.items.filter((item) => item.kind === 'list-item').map((item) => ({ start: item.start, end: item.end }));
    listRanges.set(doc, ranges);
  }
  return ranges.some((range) => offset >= range.start && offset < range.end);
}

const leadIns = new WeakMap<StrategyDocument, Array<{ start: number; end: number }>>();

/** Is the offset in a list introduced by a commitment ("To deliver our vision, we will:")? Its items carry the promise. */
function underCommittedLeadIn(doc: StrategyDocument, offset: number): boolean {
  let ranges = leadIns.get(doc);
  if (!ranges) {
    const found: Array<{ start: number; end: number }> = [];
    const visit = (node: Nodes): void => {
      if (!('children' in node)) return;
      const children = (node as Parents).children as Nodes[];
      children.forEach((child, i) => {
        const previous = children[i - 1];
        if (child.type === 'list' && previous?.type === 'paragraph') {
          const lead = plainText(previous).trim();
          if (lead.endsWith(':') && isCommitment(lead)) found.push({ start: child.position?.start.offset ?? 0, end: child.position?.end.offset ?? 0 });
        }
        if (child.type !== 'code' && child.type !== 'html') visit(child);
      });
    };
    visit(doc.root);
    leadIns.set(doc, (ranges = found));
  }
  return ranges.some((range) => offset >= range.start && offset < range.end);
}

export default defineRule({
  meta: {
    id: 'prose/vague-time',
    family: 'prose',
    description: 'Vague timing ("soon", "eventually", "at some point", "in the future", a TBD date) where a plan needs a date.',
    defaultSeverity: 'warning',
    types: ['strategy', 'okr', 'roadmap', 'release-notes', 'decision', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      phrases: {
        type: 'string[]',
        default: DEFAULT_PHRASES,
        description: 'Phrases that promise a time without naming one.',
      },
      ignoreRoles: {
        type: 'string[]',
        default: ['diagnosis', 'risks', 'non-goals'],
        description: 'Section roles that describe or forecast rather than commit ("competitors will eventually copy us" in Risks); not checked.',
      },
    },
    rationale:
      `"Soon" means next week to the writer and next quarter to the reader. Plans without dates cannot be held to account, and stakeholders fill the gap with their own hopes. A roadmap may be tentative, but it still says which quarter; an unknown date can at least say when it will be known.\n\n${SKIPS_QUOTED_BLOCKS}`,
    howToFix:
      'Replace the phrase with a date, quarter or month ("by March 2027", "in H2"), or name the trigger ("after the pilot ends"). For an unknown date, say when it will be set: "date set by 15 Jan, after the security review".',
    seeds: [
      { source: '000', quote: 'I keep a 12-month rolling window' },
      { source: '002', quote: 'initiatives with owners, milestones, and outcome metrics' },
    ],
    examples: {
      bad: '# Q3 update\n\nWe will launch self-serve onboarding soon and revisit pricing at some point.\n\n| Milestone | Due |\n|---|---|\n| Pricing page | TBD |\n',
      good: '# Q3 update\n\nWe will launch self-serve onboarding by March 2027 and revisit pricing as soon as the pilot ends. Soon after launch, churn fell.\n\n| Milestone | Due |\n|---|---|\n| Pricing page | Q2 2027 |\n',
    },
  },
  check({ doc, options, report }) {
    const matcher = phraseMatcher(options.phrases, { inflect: false });
    const roles = options.ignoreRoles as readonly string[];
    for (const block of doc.textBlocks) {
      if (block.kind === 'heading') continue; // "## Soon" names a roadmap horizon
      const section = doc.sectionAt(block.start);
      if (roles.some((role) => withinRole(section, role as SectionRole))) continue;

      for (const match of matcher.matchAll(block.text)) {
        const { start, end } = block.sourceRange(match.index, match.index + match.length);
        const phrase = match.phrase.toLowerCase();
        const after = wordAfter(doc.text, end);
        const before = wordBefore(doc.text, start);
        if (phrase === 'soon') {
          if (before === 'as' && after === 'as') {
            // "as soon as the pilot ends" names a trigger; "as soon as we can" does not.
            const rest = doc.text.slice(end, end + 30).toLowerCase();
            if (!/^\s+as\s+(?:possible|we\s+can|feasible|practical|practicable)\b/.test(rest)) continue;
          }
          if (['after', 'afterwards', 'afterward', 'thereafter', 'enough'].includes(after) || ['too', 'anytime', 'any'].includes(before)) continue;
        }
        if (phrase === 'shortly' && ['after', 'before', 'thereafter', 'afterwards'].includes(after)) continue;
        if (phrase === 'eventually' && /^consisten/.test(after)) continue; // "eventually consistent"
        if (phrase === 'in the future' && after === 'of') continue; // "invest in the future of payments"
        // "we eventually shipped" narrates; "will be deleted at some point" does not.
        if (PAST.test(after) || (PAST.test(before) && !PASSIVE_BEFORE.test(doc.text.slice(Math.max(0, start - 40), start)))) continue;
        if (inQuotedBlock(doc, start) || quotedInText(block.text, match.index)) continue;
        const range = sentenceInBlock(block.text, match.index);
        const context = block.text.slice(range.from, range.to);
        if (context.trimEnd().endsWith('?')) continue;
        if (BOUNDED_AFTER.test(doc.text.slice(end, end + 40))) continue;
        if (NOT_A_PROMISE.test(block.text.slice(range.from, match.index))) continue;
        // Items of a roadmap or an action plan are plan entries; elsewhere only commitments count.
        const planSection = withinRole(section, 'coherent-actions') || withinRole(section, 'metrics');
        const entry = PLAN_TYPES.has(doc.type) || (planSection && (block.kind === 'tableCell' || inListItem(doc, block.start)))
          || underCommittedLeadIn(doc, block.start);
        if (!entry && !isCommitment(context)) continue;
        if (findDates(context, doc.dateOptions).length > 0) continue; // "sometime in Q3"
        report({ message: timeHint(match.text), start, end });
      }

      TBD.lastIndex = 0;
      let tbd: RegExpExecArray | null;
      while ((tbd = TBD.exec(block.text)) !== null) {
        if (!tbdIsDate(doc, block, tbd.index)) continue;
        const { start, end } = block.sourceRange(tbd.index, tbd.index + tbd[0].length);
        report({
          message: `${inQuotes(tbd[0])} is not a date: give a target quarter or month, or the date by which the date will be set.`,
          start,
          end,
        });
      }
    }
  },
});
