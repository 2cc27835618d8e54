/**
 * Helpers shared by the pyramid/* rules (not a rule): where a source offset falls in the reading
 * order (words read before it), what the opening of a document is, and whether it states a
 * governing thought.
 */
import type { StrategyDocument } from '../../model/document.js';
import { countWords } from '../../model/document.js';
import type { Section } from '../../model/sections.js';
import type { TextBlock } from '../../model/text-block.js';
import { opensWithImperative, statesGoverningThought, titleIsDecision } from '../../text/governing.js';
import { namesPolicyList, readsAsProposal } from '../../text/kernel.js';
import { phraseMatcher } from '../../text/phrases.js';

export { GOVERNING_SIGNALS, statesGoverningThought, titleIsDecision } from '../../text/governing.js';

/** Headings in the opening that announce the answer of an update or decision. */
const ANSWER_HEADING = /^\W*(?:highlights|headlines?|key\s+(?:takeaways|points|updates)|at\s+a\s+glance|status|the\s+ask|asks|decision|our\s+decision|recommendation|our\s+recommendation|tl;?\s?dr|bluf|bottom\s+line)\b/i;

interface ReadingOrder {
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

interface Opening {
  /** The prose read first: title and blocks up to the word budget. */
  blocks: TextBlock[];
  /** A summary-role section that starts within the opening, read in full. */
  summary: Section | null;
  text: string;
}

/**
 * The title plus the first `budget` words after it, plus a summary section that starts within them.
 * What stands above the title (a note, a metadata list) is read too, but does not use up the
 * budget — up to `budget` words of it.
 */
export function openingOf(doc: StrategyDocument, budget: number): Opening {
  const order = readingOrder(doc);
  const blocks: TextBlock[] = [];
  const heading = doc.titleSection?.heading;
  const titleIndex = heading ? order.blocks.findIndex((block) => block.node === heading) : -1;
  const preamble = titleIndex > 0 ? Math.min(order.before[titleIndex], budget) : 0;
  for (let i = 0; i < order.blocks.length && order.before[i] < budget + preamble; i++) blocks.push(order.blocks[i]);
  const openingEnd = blocks.length > 0 ? blocks[blocks.length - 1].end : 0;
  const summary = doc.sections.find((section) => section.roles.includes('summary') && section.start <= openingEnd + 1
    && section !== doc.titleSection) ?? null;
  if (summary) {
    for (const block of doc.blocksIn(summary.start, summary.end)) if (!blocks.includes(block)) blocks.push(block);
  }
  return { blocks, summary, text: blocks.map((block) => block.text).join('\n') };
}

/** What a proposal's summary says when it describes the change it proposes: "`memo` lets you skip renders". */
const PROPOSED_CHANGE = ['lets you', 'let you', 'allows you to', 'enables you to', 'lets users', 'allows users to', 'this rfc', 'this change'];

/**
 * Does the opening state a governing thought: in its prose, a decision title, an answer heading
 * with content, a summary that opens with the decision ("Drop IE11 support for Vue 3") or, in a
 * proposal, describes the change; or the guiding policy itself (a list of principles or
 * priorities, a "Strategy" section) within the opening?
 */
export function openingStatesAnswer(doc: StrategyDocument, opening: Opening, signals: readonly string[]): boolean {
  if (statesAnswer(opening.text, signals)) return true;
  if (titleIsDecision(doc.titleText)) return true;
  const withContent = (i: number): boolean => opening.blocks[i + 1] !== undefined && opening.blocks[i + 1].kind !== 'heading';
  if (opening.blocks.some((block, i) => block.kind === 'heading' && block.node !== doc.titleSection?.heading && ANSWER_HEADING.test(block.text) && withContent(i))) return true;
  const proposal = readsAsProposal(doc);
  for (const section of doc.sections) {
    if (!section.roles.includes('summary') || !opening.blocks.some((block) => block.start >= section.start && block.start < section.end)) continue;
    const first = doc.sectionBlocks(section).find((block) => block.kind !== 'heading');
    if (!first) continue;
    const sentence = firstSentence(first.text);
    if (opensWithImperative(sentence) || SUMMARY_IMPERATIVE.test(sentence)) return true;
    if (proposal && (phraseMatcher(PROPOSED_CHANGE).test(first.text) || PROPOSAL_LEAD.test(sentence))) return true;
  }
  if (doc.type === 'update' && reportsPeriodResult(opening)) return true;
  if (doc.type !== 'strategy') return false;
  // A strategy page that opens with its principles or priorities, its vision or mission, leads with its answer.
  if (doc.titleSection && namesPolicyList(doc.titleSection.title)) return true;
  // A page titled "Vision" whose first paragraph is a one-line statement: the vision itself.
  if (doc.titleSection && VISION_HEADING.test(doc.titleSection.title)) {
    // Notes such as "(draft 2)" are skipped; a question is not a statement.
    const first = doc.sectionBlocks(doc.titleSection).find((block) => block.kind !== 'heading' && !/^\s*\([^)]*\)\s*$/.test(block.text));
    const words = first ? countWords(first.text) : 0;
    if (first && first.kind === 'paragraph' && words >= 5 && words <= VISION_STATEMENT_WORDS && !/\?\s*$/.test(first.text)) return true;
  }
  if (VISION_STATEMENT.test(opening.text)) return true;
  return opening.blocks.some((block, i) => block.kind === 'heading' && withContent(i) && block.node !== doc.titleSection?.heading
    && (namesPolicyList(block.text) || VISION_HEADING.test(block.text) || doc.roleMatcher.rolesOf(block.text).includes('guiding-policy')));
}

/** A vision statement is a sentence or two: a longer first paragraph under a "Vision" title is background. */
const VISION_STATEMENT_WORDS = 40;

/**
 * Imperatives a proposal's summary opens with that a title would not ("Define the compatibility
 * rules…", "Specify how…", "Establish a review rota"): the change proposed, stated as a command.
 */
const SUMMARY_IMPERATIVE = /^[\s*_>`-]*(?:define|document|specify|establish|formali[sz]e|codify|clarify|create|provide|implement|extend|expose|publish|set\s+up)\s+(?:and\s+\p{L}+\s+)?(?:the|a|an|our|all|how|which|what|when|new|\p{L}+(?:-\p{L}+)*\s+(?:rules?|policy|policies|process|procedures?|guidelines?|requirements?))\b/iu;

/** "This defines a policy for…", "This RFC proposes…", "This document specifies…": a proposal's summary naming its change. */
const PROPOSAL_LEAD = /^[\s*_>`-]*this(?:\s+(?:rfc|proposal|document|change|design|pep|kep|hip|enhancement|policy|pr|pull\s+request))?\s+(?:defines|proposes|introduces|specifies|establishes|describes|adds|documents|outlines|sets\s+out|creates|formali[sz]es|deprecates|removes|replaces)\b/i;

/**
 * An ask or a need stated with a word between ("we now need", "we still need"), or an ask for
 * support, help, feedback or funding ("…and ask for further support from the community").
 */
const ASK_STATEMENT = /\bwe\s+(?:now|also|still|really|urgently|therefore|will\s+now)\s+need\b|\bask(?:s|ing)?\s+(?:you\s+|the\s+community\s+)?for\s+(?:(?:your|our|some|more|further|additional|continued|broad|public|final)\s+){0,3}(?:support|help|feedback|funding|donations|sponsorship|sponsors|contributions|input|reviews?|comments)\b/i;

/** Does the text state a governing thought: the shared signals, or an ask in other words? */
export function statesAnswer(text: string, signals: readonly string[]): boolean {
  return statesGoverningThought(text, signals) || ASK_STATEMENT.test(text);
}

/**
 * What a vision or direction page leads with: "Our mission is to…", "Acme's mission is to…",
 * "The goal of the project is to…" (not "The aim of this document is to…"), "In three years, we want…".
 */
const VISION_STATEMENT = /\b(?:our|the|[\p{L}\p{N}]+['’]s)\s+(?:mission|vision|goal|aim|ambition|purpose)\s+is\s+to\b|\bthe\s+(?:mission|vision|goal|aim|ambition|purpose)\s+of\s+(?!(?:this|the)\s+(?:document|page|post|section|memo|doc|article|guide|proposal)\b)[^.!?\n]{1,40}?\s+is\s+to\b|\bwe\s+(?:want|aim|intend)\s+(?:to|the|our|for)\b/iu;

/** A period an update reports on: "September", "2024", "this month", "so far", "Q3". */
const REPORTED_PERIOD = /\b(?:january|february|march|april|june|july|august|september|october|november|december|20\d\d|(?:this|last|the\s+past)\s+(?:week|month|quarter|year|half|sprint|season|cycle)|so\s+far|[qh][1-4])\b/i;
/** What a period came to: "wrapped up with 207 pull requests", "is completed", "we shipped", "the community led". */
const PERIOD_RESULT = /\b(?:wrapped\s+up|completed|finished|passed|shipped|released|landed|reached|achieved|delivered|launched|doubled|tripled|grew|led)\b/i;

/**
 * An update whose first paragraph reports what its period came to ("September wrapped up with
 * 207 merged PRs from 40 contributors", "The first evaluation is completed") opens with its
 * headline: the status is the governing thought of an update.
 */
function reportsPeriodResult(opening: Opening): boolean {
  const first = opening.blocks.find((block) => block.kind === 'paragraph');
  if (!first) return false;
  return first.text.split(/[.!?](?:\s+|$)/).some((sentence) => REPORTED_PERIOD.test(sentence) && PERIOD_RESULT.test(sentence));
}
const VISION_HEADING = /^\W*(?:(?:our|the)\s+)?(?:vision|mission|north\s+star|where\s+we\s+are\s+(?:headed|going)|where\s+we(?:'|’)re\s+(?:headed|going)|direction)\b/i;

function firstSentence(text: string): string {
  const end = text.search(/[.!?](?:\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
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
