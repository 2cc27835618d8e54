/**
 * Helpers shared by the pyramid/* rules (not a rule): where a source offset falls in the reading
 * order (words read before it), what the opening of a document is, and whether it states a
 * governing thought.
 */
import type { StrategyDocument } from '../../model/document.js';
import { countWords } from '../../model/document.js';
import type { Section } from '../../model/sections.js';
import type { TextBlock } from '../../model/text-block.js';
import { phraseMatcher } from '../../text/phrases.js';

/** Phrases that state a governing thought: a recommendation, decision, ask, plan or status. */
export const GOVERNING_SIGNALS: readonly string[] = [
  'we recommend', 'I recommend', 'recommends', 'proposes', 'our recommendation', 'my recommendation', 'the recommendation is', 'we propose', 'I propose',
  'this proposal', 'we will', "we'll", 'we will not', "we won't", 'we are going to', "we're going to", 'we should', 'we must',
  'we need', 'I need', 'we decided', 'we have decided', "we've decided", 'our decision', 'the decision is', 'we chose',
  'we choose', 'we are choosing', "we're choosing", 'the ask is', 'our ask', 'my ask', 'we ask', 'we are asking',
  "we're asking", 'I am asking', "I'm asking", 'please approve', 'we seek approval', 'our plan is', 'the plan is', 'we plan to',
  'we intend to', 'our strategy is', 'the strategy is', 'our bet is', 'we bet', 'we are betting', "we're betting", 'we commit',
  'bottom line', 'in short', 'tl;dr', 'the answer is', 'in conclusion', 'we conclude', 'we are on track', "we're on track",
  'is on track', 'are on track', 'we are off track', 'is off track', 'are off track', 'is at risk', 'are at risk', 'we are behind',
  "we're behind", 'behind plan', 'ahead of plan', 'behind schedule', 'ahead of schedule', 'we hit', 'we missed', 'we shipped',
  'we launched',
];

/** A labelled line that states the answer or the status: "Status: green", "**Decision:** …", "TL;DR —". */
const ANSWER_LABEL = /(?:^|\n)[ \t]*(?:(?:\*\*|__)[ \t]*)?(?:status|decision|recommendation|the ask|ask|bottom line|tl;?dr|bluf|headline|answer|summary|in short)(?:[ \t]*(?:\*\*|__))?[ \t]*[:—–-]/i;

/**
 * A title that is itself the decision: "Use Postgres for events", "ADR-12: Sunset the v1 API",
 * "Launch the partner directory". Verbs that are also nouns ("Launch plan", "Support strategy")
 * count only before a determiner, a number or a gerund; no title that names a kind of document
 * ("… strategy", "… plan", "… vs …") or asks a question counts.
 */
const TITLE_PREFIX = /^\W*(?:(?:adr|rfc|decision|proposal)(?:[\s#-]*\d+)?[ \t]*[:.—–-][ \t]*)?/i;
const CLEAR_VERB = /^(?:use|adopt|migrate|replace|sunset|deprecate|remove|drop|consolidate|introduce|retire|rename|standardi[sz]e|choose|prefer|require|allow|enable|disable|raise|lower|increase|reduce|invest|centrali[sz]e|outsource|rewrite|rebuild|freeze|defer|accept|reject|prioriti[sz]e|acquire|unbundle|bundle|switch|move|keep|split|merge|add|buy)\s+\S/i;
const NOUN_VERB = /^(?:support|price|charge|focus|partner|open|close|start|stop|cut|launch|ship|build|hire|exit|enter|delay|pause|limit|sell|invest)\s+(?:the|a|an|our|all|every|each|this|these|those|its|their|one|two|three|four|five|\d+|on|to|from|into|\p{L}+ing)\b/iu;
const DOCUMENT_NOUN = /\b(?:strategy|strategies|plan|planning|update|review|roadmap|notes|process|program|programme|proposal|memo|doc|document|policy|principles|guide|handbook|playbook|report|retro|retrospective|overview|brief|kickoff|options|questions|criteria|framework|vs\.?|versus)\b|\?\s*$/i;

/** Does the title state the decision (an imperative: "Adopt usage pricing")? */
export function titleIsDecision(title: string | null): boolean {
  if (title === null) return false;
  const rest = title.replace(TITLE_PREFIX, '');
  if (DOCUMENT_NOUN.test(rest)) return false;
  return CLEAR_VERB.test(rest) || NOUN_VERB.test(rest);
}

/** Headings in the opening that announce the answer of an update or decision. */
const ANSWER_HEADING = /^\W*(?:highlights|headlines?|key\s+(?:takeaways|points|updates)|at\s+a\s+glance|status|the\s+ask|asks|decision|our\s+decision|recommendation|our\s+recommendation|tl;?\s?dr|bluf|bottom\s+line)\b/i;

export interface ReadingOrder {
  blocks: TextBlock[];
  /** Words in blocks[0..i) for each i. */
  before: number[];
  total: number;
}

const orders = new WeakMap<StrategyDocument, ReadingOrder>();

export function readingOrder(doc: StrategyDocument): ReadingOrder {
  let order = orders.get(doc);
  if (!order) {
    const blocks = doc.textBlocks;
    const before: number[] = [];
    let total = 0;
    for (const block of blocks) {
      before.push(total);
      total += countWords(block.text);
    }
    order = { blocks, before, total };
    orders.set(doc, order);
  }
  return order;
}

/** Words of prose that come before a source offset. */
export function wordsBefore(doc: StrategyDocument, offset: number): number {
  const order = readingOrder(doc);
  let low = 0;
  let high = order.blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (order.blocks[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  if (low === 0) return 0;
  const block = order.blocks[low - 1];
  if (offset >= block.end) return order.before[low - 1] + countWords(block.text);
  // Inside a block: count its words up to the offset, roughly (source and text lengths agree in prose).
  const share = (offset - block.start) / Math.max(1, block.end - block.start);
  return order.before[low - 1] + Math.round(countWords(block.text) * share);
}

export interface Opening {
  /** The prose read first: title and blocks up to the word budget. */
  blocks: TextBlock[];
  /** A summary-role section that starts within the opening, read in full. */
  summary: Section | null;
  text: string;
}

/** The title plus the first `budget` words, plus a summary section that starts within them. */
export function openingOf(doc: StrategyDocument, budget: number): Opening {
  const order = readingOrder(doc);
  const blocks: TextBlock[] = [];
  for (let i = 0; i < order.blocks.length && order.before[i] < budget; i++) blocks.push(order.blocks[i]);
  const openingEnd = blocks.length > 0 ? blocks[blocks.length - 1].end : 0;
  const summary = doc.sections.find((section) => section.roles.includes('summary') && section.start <= openingEnd + 1
    && section !== doc.titleSection) ?? null;
  if (summary) {
    for (const block of doc.blocksIn(summary.start, summary.end)) if (!blocks.includes(block)) blocks.push(block);
  }
  return { blocks, summary, text: blocks.map((block) => block.text).join('\n') };
}

/** Does the text state a governing thought (answer, decision, ask, status)? */
export function statesGoverningThought(text: string, signals: readonly string[]): boolean {
  return ANSWER_LABEL.test(text) || phraseMatcher(signals).test(text);
}

/** Does the opening state a governing thought: in its prose, a decision title, or an answer heading with content? */
export function openingStatesAnswer(doc: StrategyDocument, opening: Opening, signals: readonly string[]): boolean {
  if (statesGoverningThought(opening.text, signals)) return true;
  if (titleIsDecision(doc.titleText)) return true;
  return opening.blocks.some((block, i) => block.kind === 'heading' && block.node !== doc.titleSection?.heading
    && ANSWER_HEADING.test(block.text) && opening.blocks[i + 1] !== undefined && opening.blocks[i + 1].kind !== 'heading');
}

/** Headings that frame a document rather than carry a point: never counted as siblings. */
export const FRAME_HEADINGS: readonly string[] = [
  'appendix', 'appendices', 'references', 'further reading', 'reading list', 'glossary', 'faq', 'faqs', 'open questions',
  'questions', 'changelog', 'change log', 'revision history', 'history', 'related', 'related documents', 'links', 'sources',
  'footnotes', 'notes', 'acknowledgements', 'acknowledgments', 'table of contents', 'contents', 'toc', 'resources', 'metadata',
  'document history', 'status', 'background', 'context', 'about this document', 'materials', 'see also', 'reading',
  // Parts of the ADR templates (MADR puts "Consequences" and "Confirmation" under "Decision Outcome").
  'consequences', 'confirmation',
];

/** Is this heading a frame (appendix, references, …) or a summary, rather than a point of the argument? */
export function isFrameSection(section: Section, frames: readonly string[]): boolean {
  if (section.roles.includes('summary')) return true;
  const title = section.title.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  return frames.some((frame) => title === frame || title.startsWith(`${frame} `));
}
