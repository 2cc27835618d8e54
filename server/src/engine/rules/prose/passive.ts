import retextPassive from 'retext-passive';
import { toString } from 'nlcst-to-string';
import type { Root as NlcstRoot, Sentence as NlcstSentence } from 'nlcst';
import { defineRule } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import { inQuotedBlock, inQuotes, retextProcessor, runRetext, sentenceAt, SKIPS_QUOTED_BLOCKS } from './shared.js';
import { contentIdentity, type Sentence } from '../../model/sentences.js';

/**
 * Forms of "to be" that make a passive. Contractions with 's are left out: "it's reached" is
 * "it has reached".
 */
const BE = new Set(['am', 'are', 'is', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't", "we're",
  "they're", "you're", "isn’t", "aren’t", "wasn’t", "weren’t", "we’re", "they’re", "you’re"]);
/** Paragraphs without a form of "to be" hold no passive: the plugin need not walk them. */
const BE_PREFILTER = /\b(?:am|are|is|was|were|be|been|being|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|we['’]re|they['’]re|you['’]re)\b/i;
/** Words that may stand between the verb and the participle ("is not yet decided", "was quickly reversed"). */
const BETWEEN = new Set(['not', 'also', 'still', 'already', 'now', 'then', 'always', 'never', 'just', 'yet', 'all', 'both',
  'each', 'only', 'even', 'being', 'often', 'usually', 'rarely', 'currently', 'typically', 'further', 'first', 'again']);
/** Words ending in -ed that are not participles. */
const NOT_PARTICIPLES = new Set(['need', 'feed', 'seed', 'speed', 'breed', 'deed', 'proceed', 'exceed', 'succeed', 'indeed',
  'weed', 'greed', 'heed', 'bleed', 'creed', 'hundred', 'sacred', 'naked', 'wicked', 'rugged', 'kindred', 'shred', 'embed',
  'wed', 'bed', 'red', 'shed', 'fed', 'led', 'bred', 'sped', 'fled', 'pled']);
/** Irregular participles with a prefix, which retext-passive's list does not have: "rebuilt", "rewritten", "undone". */
const PREFIXED_IRREGULAR = /^(?:re|over|under|mis|out|pre|co)-?(?:built|written|done|made|taken|given|thought|run|sold|spent|told|sent|paid|held|kept|brought|bought|caught|taught|found|shown|known|seen|drawn|driven|grown|chosen|begun|broken|spoken|stolen|frozen|forgotten|hidden|laid|led|met|read|said|split|spread|understood|thrown|dealt|shaken|woven)$/;
/**
 * Present-tense forms of "to be". A present passive mostly describes how something works ("the
 * cache is rebuilt on start", "factories are created on first use"): the system acts, and no owner
 * is hidden. It hides someone when it states a judgement or an intent without saying whose.
 */
const PRESENT = new Set(['am', 'is', 'are', "isn't", "aren't", "we're", "they're", "you're", "isn’t", "aren’t", "we’re", "they’re", "you’re"]);
/** Participles of judgement and intent: "it is expected that", "is not considered suitable", "are believed". */
const JUDGEMENT = new Set(['expected', 'considered', 'believed', 'intended', 'thought', 'felt', 'assumed', 'anticipated', 'recommended',
  'suggested', 'advised', 'encouraged', 'preferred', 'deemed', 'hoped', 'decided', 'agreed', 'proposed', 'planned', 'desired', 'wanted',
  'seen', 'regarded', 'viewed', 'perceived', 'estimated', 'projected', 'predicted', 'understood']);
/** Participles of design that state a purpose with "to": "is built to scale", "is designed to make". */
const DESIGN = new Set(['built', 'designed', 'made', 'engineered', 'crafted', 'tailored', 'optimized', 'optimised']);
/** Participles of putting something out or finishing it, which a date or a release after makes a record: "was released on 12 May". */
const PUBLISHED = new Set(['released', 'published', 'launched', 'shipped', 'tagged', 'announced', 'merged', 'posted', 'presented',
  'added', 'implemented', 'fixed', 'landed', 'introduced', 'resolved']);
const ON_A_DATE = /^\s+(?:on|in)\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;
/** "in [#610]", "in #610", "in v2.3", "in version 1.5", "in the 1.95 release", "in PR 12": where finished work landed. */
const IN_A_RELEASE = /^\s+in\s+(?:\[|#\d|v\d|version\b|release\b|the\s+[\w.-]+\s+release\b|(?:pr|pull\s+request|commit)\b)/i;
/** "It is recommended to update", "it was decided that": the writer hides behind "it" in any register. */
const IMPERSONAL = /^it\s+(?:is|was|has\s+been)\s+(?:[a-z]+ly\s+)?(?:recommended|advised|suggested|encouraged|decided|agreed|anticipated|believed|expected|felt|hoped|assumed|understood|planned|proposed)$/i;
/** Prefixes that keep a hyphenated participle a verb: "re-scoped", "co-owned", "pre-approved". */
const VERB_PREFIX = /^(?:re|co|pre|de|un|mis|dis|over|under|out|cross)-/;
/** Words after "by" that make it a time or a means, not an agent ("by Q3", "by the end of", "by cutting"). */
const BY_TIME = /^(?:\d|q[1-4]\b|h[12]\b|fy|end\b|the\s+end\b|then\b|now\b|next\b|mid|early\b|late\b|tomorrow\b|today\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|[a-z]+ing\b)/i;

const DEFAULT_IGNORE: readonly string[] = [
  // States and feelings, not actions: "we are committed", "the deal is based on".
  'based', 'interested', 'involved', 'concerned', 'supposed', 'used', 'located', 'related', 'unrelated', 'tired', 'excited',
  'pleased', 'satisfied', 'surprised', 'disappointed', 'worried', 'frustrated', 'confused', 'committed', 'focused', 'aligned',
  'prepared', 'positioned', 'dedicated', 'determined', 'qualified', 'experienced', 'skilled', 'talented', 'limited',
  'complicated', 'sophisticated', 'advanced', 'automated', 'outdated', 'dated', 'fragmented', 'crowded', 'scattered', 'mixed',
  'varied', 'detailed', 'balanced', 'biased', 'connected', 'engaged', 'motivated', 'married', 'called', 'named', 'titled',
  'entitled', 'labeled', 'labelled', 'finished', 'done', 'gone', 'known', 'lost', 'born', 'bound', 'set', 'left', 'upset',
  'stuck', 'fit', 'come', 'become', 'been', 'tasked', 'allowed', 'supposed', 'equipped', 'inclined', 'obliged',
  'convinced', 'overwhelmed', 'stretched', 'distributed', 'unprecedented', 'unexpected', 'unsolved', 'unknown', 'untested',
  'undecided', 'unaddressed', 'unowned', 'unstaffed', 'ashamed', 'thrilled', 'delighted', 'honored', 'honoured', 'addicted',
  'overrated', 'underrated', 'unified', 'affected', 'concentrated', 'locked',
  // Needs and remits, not actions: "more research is required", "help is needed", "the committee is charged with".
  'required', 'needed', 'charged',
];

interface PassiveHit { start: number; end: number; phrase: string }

interface Scan {
  /** Regular participles after a form of "to be" (retext-passive knows only irregular ones). */
  regular: PassiveHit[];
  /**
   * The document's sentences and their scans, in order. A scan's slices are every form of "to be"
   * with the word after it, as tiny sentences: all that retext-passive looks at (a participle
   * whose previous word is a form of "to be"), so it need not walk the whole document. Two nodes
   * after the word are kept for its check of quoted words.
   */
  sentences: Array<{ sentence: Sentence; scan: SentenceScan }>;
}

/** What a sentence holds for scan, with offsets from the sentence's start: its words alone decide it. */
interface SentenceScan {
  regular: Array<{ start: number; end: number }>;
  /** Ranges of the sentence's children to hand to retext-passive. */
  slices: Array<[number, number]>;
  /** What retext-passive reports in those slices (computed on first need). */
  irregular?: Array<{ start: number; end: number; actual: string }>;
}

/** Scans by sentence content (see contentIdentity), for the ignore list they were made with. */
const sentenceScans = new WeakMap<object, { ignoreKey: string; scan: SentenceScan }>();

function scan(doc: StrategyDocument, ignore: ReadonlySet<string>): Scan {
  const regular: PassiveHit[] = [];
  const ignoreKey = [...ignore].join('\u0001');
  const sentences: Scan['sentences'] = [];
  for (const sentence of doc.sentences) {
    const identity = contentIdentity(sentence.node);
    let cached = sentenceScans.get(identity);
    if (!cached || cached.ignoreKey !== ignoreKey) {
      cached = { ignoreKey, scan: scanSentence(doc, sentence, ignore) };
      sentenceScans.set(identity, cached);
    }
    sentences.push({ sentence, scan: cached.scan });
    for (const hit of cached.scan.regular) {
      const start = sentence.start + hit.start;
      const end = sentence.start + hit.end;
      regular.push({ start, end, phrase: doc.text.slice(start, end) });
    }
  }
  return { regular, sentences };
}

/**
 * What retext-passive reports on the candidates (as runRetext would on `candidates`, in the same
 * order), kept per sentence: only the slices of sentences not seen before are searched.
 */
function irregularPassives(doc: StrategyDocument, sentences: Scan['sentences']): Array<{ start: number; end: number; actual: string }> {
  const missing = sentences.filter(({ scan }) => !scan.irregular && scan.slices.length > 0);
  if (missing.length > 0) {
    const slices: NlcstSentence[] = [];
    for (const { sentence, scan } of missing) {
      scan.irregular = [];
      const nodes = sentence.node.children;
      for (const [from, to] of scan.slices) slices.push({ type: 'SentenceNode', children: nodes.slice(from, to) });
    }
    const tree: NlcstRoot = { type: 'RootNode', children: [{ type: 'ParagraphNode', children: slices }] };
    for (const message of runRetext(doc, 'passive', () => retextProcessor(retextPassive, {}), tree)) {
      // The sentence the message is in: the last one starting at or before it.
      let low = 0;
      let high = missing.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (missing[mid].sentence.start <= message.start) low = mid;
        else high = mid - 1;
      }
      const { sentence, scan } = missing[low];
      scan.irregular!.push({ start: message.start - sentence.start, end: message.end - sentence.start, actual: message.actual });
    }
  }
  const found: Array<{ start: number; end: number; actual: string }> = [];
  for (const { sentence, scan } of sentences) {
    for (const message of scan.irregular ?? []) found.push({ start: sentence.start + message.start, end: sentence.start + message.end, actual: message.actual });
  }
  return found;
}

function scanSentence(doc: StrategyDocument, sentence: Sentence, ignore: ReadonlySet<string>): SentenceScan {
  const regular: SentenceScan['regular'] = [];
  const slices: SentenceScan['slices'] = [];
  if (!BE_PREFILTER.test(doc.text.slice(sentence.start, sentence.end))) return { regular, slices };
  const nodes = sentence.node.children;
  const words: Array<{ value: string; start: number; end: number; index: number }> = [];
  nodes.forEach((child, index) => {
    if (child.type !== 'WordNode' || !child.position) return;
    words.push({ value: toString(child), start: child.position.start.offset ?? 0, end: child.position.end.offset ?? 0, index });
  });
  for (let i = 0; i < words.length - 1; i++) {
    if (!BE.has(words[i].value.toLowerCase())) continue;
    slices.push([words[i].index, words[i + 1].index + 3]);
    let j = i + 1;
    while (j < words.length && j <= i + 2 && isBetween(words[j].value) && !BE.has(words[j].value.toLowerCase())) j++;
    if (j >= words.length) continue;
    const candidate = words[j].value;
    const lower = candidate.toLowerCase();
    if (candidate !== lower || lower.length < 5) continue;
    const hit = { start: words[i].start - sentence.start, end: words[j].end - sentence.start };
    if (PREFIXED_IRREGULAR.test(lower)) {
      regular.push(hit);
      continue;
    }
    if (!/^[a-z]+(?:-[a-z]+)*ed$/.test(lower)) continue;
    // "was short-staffed", "is well-funded", "is data-driven": a compound adjective, not an action
    // (but "was re-scoped", "is co-owned" are verbs with a prefix).
    if (lower.includes('-') && !VERB_PREFIX.test(lower)) continue;
    const last = lower.slice(lower.lastIndexOf('-') + 1);
    if (NOT_PARTICIPLES.has(last) || /eed$/.test(last) && last !== 'agreed' && last !== 'guaranteed') continue;
    if (ignore.has(lower) || ignore.has(last)) continue;
    if (/^un[a-z]{3,}ed$/.test(last)) continue; // "is unmaintained", "are unsupported": a state
    regular.push(hit);
  }
  return { regular, slices };
}

/** A word that may stand between the verb and the participle: the list, or an adverb ("was intentionally designed"). */
function isBetween(word: string): boolean {
  const lower = word.toLowerCase();
  return BETWEEN.has(lower) || (word === lower && /^[a-z]{3,}ly$/.test(lower));
}

/**
 * Does this passive hide who acts? Present passives only when they state a judgement or a design
 * intent; negated ones ("will not be changed") promise that nothing is done, which no one owns, and
 * "can be set" offers the reader a choice.
 */
function hidesActor(doc: StrategyDocument, start: number, end: number): boolean {
  const words = doc.text.slice(start, end).toLowerCase().split(/\s+/);
  const verb = words[0];
  const participle = words[words.length - 1];
  const before = doc.text.slice(Math.max(0, start - 16), start);
  if (/(?:\bnot|\bnever|n['’]t)[*_]{0,2}\s+$/i.test(before)) return false; // "will not be changed", "will **not** be"
  if (verb === 'be' && /\b(?:can|could)\s+$/i.test(before)) return false; // "can be set as a second argument": what the reader may do
  // "3.0.15 was released on 2025-12-18", "this was implemented in [#610]", "support was added in version 1.5": a
  // record of finished work, pointing at when or where it happened, not a task someone must own.
  if ((verb === 'was' || verb === 'were') && PUBLISHED.has(participle)) {
    const after = doc.text.slice(end, end + 30);
    if (ON_A_DATE.test(after) || IN_A_RELEASE.test(after)) return false;
  }
  if (!PRESENT.has(verb) || words.includes('being')) return true;
  if (JUDGEMENT.has(participle)) return true;
  return DESIGN.has(participle) && /^\s+to\s+[a-z]/.test(doc.text.slice(end, end + 12));
}

/** "It is recommended to…", "it was decided that…": reported even where the passive is the normal register. */
function isImpersonal(doc: StrategyDocument, start: number, end: number): boolean {
  const before = /\b(it)\s+$/i.exec(doc.text.slice(Math.max(0, start - 8), start));
  if (!before) return false;
  return IMPERSONAL.test(`it ${doc.text.slice(start, end).replace(/\s+/g, ' ')}`) && /^\s+(?:that|to)\b/i.test(doc.text.slice(end, end + 8));
}

/** Does the passive name its actor ("was approved by the board", "was possible thanks to the docs team")? */
function hasAgent(doc: StrategyDocument, end: number): boolean {
  const sentence = sentenceAt(doc, end - 1);
  const rest = doc.text.slice(end, sentence ? sentence.end : end + 80);
  // "could not have been achieved without the support of the wider community", "thanks to the docs team": the actor is named.
  if (/^(?:\s+[\p{L}\p{N}'’-]+){0,3}?\s+(?:thanks\s+to|without\s+the\s+(?:help|support|work|efforts?)\s+of|with\s+the\s+(?:help|support)\s+of)\s+\S/u.test(rest.slice(0, 120))) return true;
  const match = /^(?:\s+[\p{L}\p{N}'’-]+){0,5}?\s+by\s+(\S.{0,30})/u.exec(rest.slice(0, 120));
  if (!match) return false;
  return !BY_TIME.test(match[1]);
}

export default defineRule({
  meta: {
    id: 'prose/passive',
    family: 'prose',
    description: 'Passive voice that hides who acts ("it was decided", "the roadmap will be reviewed").',
    defaultSeverity: 'hint',
    types: ['strategy', 'okr', 'roadmap', 'release-notes', 'decision', 'update', 'generic'],
    documentLevel: false,
    fixable: false,
    expensive: true,
    options: {
      ignore: {
        type: 'string[]',
        default: DEFAULT_IGNORE,
        description: 'Participles never reported: words that describe a state rather than an action ("we are committed", "is based on").',
      },
      skipTypes: {
        type: 'string[]',
        default: ['generic', 'release-notes'],
        description: 'Document types where the passive is the normal register and is not reported: a README or a release note describes what a system does ("findings are printed", "the crash was fixed"). Remove a type to check it.',
      },
      impersonalTypes: {
        type: 'string[]',
        default: ['release-notes'],
        description: 'Types in skipTypes where the impersonal passive is still reported: "it is recommended to update" hides who recommends it, in a release note as anywhere.',
      },
      reportWithActor: {
        type: 'boolean',
        default: false,
        description: 'Also report passives that name their actor ("was approved by the board"). Off by default: the actor is there, and the sentence is clear.',
      },
    },
    rationale:
      `In a plan, the passive voice hides the owner: "the pricing page will be redesigned" leaves every reader free to assume someone else will do it. Strategy needs coherent actions with owners; an active sentence names one. retext-passive finds passives built on irregular participles ("was made", "is being built"); this rule adds the regular ones ("was decided") and skips states ("we are committed"). A present passive that describes how something works ("the cache is rebuilt on start") names no owner because none is needed; it is reported when it states a judgement or an intent without saying whose ("it is expected that", "is considered too slow", "is designed to"). A negated one ("will not be changed") promises that nothing is done, and one with "can" ("the limit can be set per project") says what the reader may do; neither is reported.\n\n${SKIPS_QUOTED_BLOCKS}`,
    howToFix:
      'Name who acts and make them the subject: "The pricing page will be redesigned" → "The growth team will redesign the pricing page".',
    seeds: [
      { source: '002', quote: 'initiatives with owners, milestones, and outcome metrics' },
    ],
    examples: {
      bad: '# Q3 update\n\nIt was decided that the onboarding flow will be rebuilt, and mistakes were made on pricing.\n',
      good: '# Q3 update\n\nThe leadership team decided that Ana\'s team will rebuild the onboarding flow. We are committed to the Q3 date, and the launch plan was approved by the board.\n',
    },
  },
  check({ doc, options, report }) {
    // Where the passive is the normal register, only "it is recommended"-style passives are reported.
    const impersonalOnly = (options.skipTypes as readonly string[]).includes(doc.type);
    if (impersonalOnly && !(options.impersonalTypes as readonly string[]).includes(doc.type)) return;
    const ignore = new Set(options.ignore.map((word) => word.toLowerCase()));
    const { regular, sentences } = scan(doc, ignore);
    const irregular = irregularPassives(doc, sentences)
      .map((message) => ({ start: message.start, end: message.end, phrase: message.actual }))
      .filter((hit) => !ignore.has(hit.phrase.toLowerCase()));
    // retext-passive reports the participle alone: widen to "was made" when the verb is right before it.
    const widened = irregular.map((hit) => {
      const before = /([\p{L}'’]+)\s+$/u.exec(doc.text.slice(Math.max(0, hit.start - 16), hit.start));
      return before && BE.has(before[1].toLowerCase()) ? { ...hit, start: hit.start - before[0].length } : hit;
    });
    const hits = [...widened, ...regular].sort((a, b) => a.start - b.start);
    let lastEnd = -1;
    for (const hit of hits) {
      if (hit.end <= lastEnd) continue;
      lastEnd = hit.end;
      if (inQuotedBlock(doc, hit.start)) continue;
      const phrase = doc.text.slice(hit.start, hit.end);
      if (impersonalOnly ? !isImpersonal(doc, hit.start, hit.end) : !hidesActor(doc, hit.start, hit.end)) continue;
      if (hasAgent(doc, hit.end)) {
        if (options.reportWithActor) {
          report({ message: `${inQuotes(phrase)} is passive: make the actor after "by" the subject of the sentence.`, start: hit.start, end: hit.end });
        }
        continue;
      }
      report({
        message: `${inQuotes(phrase)} is passive and names no one: say who does it, so readers know who owns it.`,
        start: hit.start,
        end: hit.end,
      });
    }
  },
});
