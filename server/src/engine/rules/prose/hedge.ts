import retextIntensify from 'retext-intensify';
import { hedges } from 'hedges';
import { weasels } from 'weasels';
import { fillers } from 'fillers';
import { defineRule, type Fix } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import { withinRole } from '../../model/sections.js';
import type { SectionRole } from '../../types.js';
import { toString } from 'nlcst-to-string';
import { isQuoted, inQuotes, retextProcessor, runRetext, sentenceAt, underHeading, wordAfter, wordBefore, SKIPS_QUOTED_BLOCKS, SPECULATIVE_HEADINGS } from './shared.js';

/**
 * retext-intensify's hedge, weasel and filler lists are written for general prose. Much of them is
 * the plain vocabulary of a plan ("will", "should", "must", "can", "could", "many", "most", "find",
 * "estimate", "likely", "rather" as in "rather than", "generally available", "clearly defined") and
 * would drown the real hedges. These are not reported unless a user removes them from the list.
 */
const IGNORED: readonly string[] = [
  // Modal verbs and commitments: "We will" is the governing thought of a strategy.
  'will', 'would', 'should', 'must', 'can', 'could', 'be able to', 'be sure',
  // Quantities and frequencies a plan states honestly.
  'about', 'approximately', 'around', 'roughly', 'at least', 'estimate', 'estimated', 'estimates', 'few', 'many', 'most',
  'much', 'several', 'some', 'couple', 'bit', 'a bit', 'little', 'all', 'only', 'enough', 'far', 'more or less', 'over',
  'almost', 'almost never', 'always', 'often', 'frequently', 'occasionally', 'sometimes', 'seldom', 'rarely', 'rare',
  'usually', 'typically', 'generally', 'in general', 'mostly', 'largely', 'mainly', 'primarily', 'partially', 'overall',
  'widely', 'heavily', 'highly', 'strongly', 'fully', 'completely', 'entirely', 'especially', 'particularly',
  'specifically', 'precisely', 'exactly', 'slightly', 'hardly', 'virtually', 'practically', 'nearly', 'effectively',
  // Honest, quantified uncertainty: estimates and likelihoods belong in a plan.
  'likely', 'unlikely', 'probability', 'probable', 'improbable', 'possibility', 'possible', 'assume', 'assumed', 'assumes',
  'assumption', 'believe', 'believed', 'believes', 'think', 'thinks', 'thought', 'guess', 'guessed', 'guesses', 'suppose',
  'supposes', 'supposed', 'speculate', 'speculated', 'speculates', 'doubt', "don't know", 'inconclusive', 'suggest',
  'suggested', 'suggests', 'suggestive', 'indicate', 'tend', 'appear', 'appeared', 'appears', 'apparent', 'consistent with',
  'evidently', 'so far', 'allege', 'alleged', 'certain', 'definite', 'clear', 'clearly', 'quite clearly', 'necessarily',
  // Ordinary verbs and words with nothing weak about them.
  'acts', 'again', 'already', 'also', 'anyway', 'back', 'began', 'begin', 'start', 'started', 'better', 'close', 'combats',
  'consider', 'considered', 'considers', 'decided', 'diagnostic', 'down', 'up', 'then', 'that', 'so', 'still', 'even',
  'ever', 'own', 'real', 'right', 'well', 'works', 'helps', 'supports', 'gains', 'improved', 'useful', 'effective',
  'efficient', 'excellent', 'expert', 'experts', 'find', 'finds', 'found', 'felt', 'heard', 'knew', 'noticed', 'saw',
  'smelled', 'touched', 'watched', 'wanted', 'wished', 'wondered', 'looked', 'looks', 'look like', 'looks like', 'like',
  'is like', 'linked to', 'read', 'say', 'says', 'understand', 'understands', 'understood', 'realised', 'realized',
  'recognised', 'recognized', 'rather', 'pretty', 'tiny', 'too', 'sort', 'things', 'various', 'somebody', 'someone',
  'something', 'somewhere', 'whatever', 'whenever', 'wherever', 'whoever', 'ok', 'okay', 'easily', 'nicely', 'badly',
  'simply', 'just', 'ultimately', 'bunch', 'actual', 'actually', 'stuff',
];

/** Words of uncertainty: honest in a risks or options section, a hedge elsewhere. */
const UNCERTAIN = new Set(['apparently', 'appear to be', 'conceivably', 'hopefully', 'maybe', 'might', 'may', 'perhaps', 'possibly',
  'presumably', 'presumable', 'probably', 'seem', 'seemed', 'seems', 'supposedly', 'somehow', 'somewhat', 'kind of', 'sort of',
  'unsure', 'doubtful', 'arguably', 'reportedly', 'in my opinion', 'in my view', 'in my mind', 'in my understanding',
  'my impression', 'their impression', 'my thinking is', 'my understanding is', "if i'm understanding you correctly", 'try']);
/** Vague amounts: say how many. */
const VAGUE_AMOUNT = new Set(['a lot', 'lots', 'is a number', 'are a number', 'vast', 'significantly', 'substantially', 'relatively']);
/** "a lot of time": an idiom, not an amount anyone would count. */
const IDIOMATIC_AMOUNT = /^\s+of\s+(?:time|effort|work|energy|thought|attention|fun|sense|thanks)\b/i;
/** Intensifiers that add nothing and can simply go. */
const REMOVABLE = new Set(['very', 'really', 'basically', 'truly', 'totally', 'literally']);
/** "kind of" / "sort of" after these is a noun phrase ("this kind of customer"), not a hedge. */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'what', 'which', 'any', 'every', 'each', 'some', 'no',
  'one', 'same', 'other', 'another', 'different', 'new', 'right', 'wrong', 'certain', 'particular', 'similar', 'of', 'all', 'first']);
/** Only markup between the line (or table cell) start and here: a heading, list item or cell begins. */
const LABEL_START = /(?:^|\n|\|)[ \t]*(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+|\d{1,3}[.)][ \t]+)*(?:\*\*|__)?$/;
/** Subjects that make "may" / "might" hedge the writer's own plan. */
const FIRST_PERSON = new Set(['we', 'i', "we'd", "i'd"]);
/** "the very customers who…": "very" as an adjective meaning "exactly those". */
const POSSESSIVES = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'your', 'my']);
/**
 * "try to" is a hedge when the writer commits to trying: "we will try to", "we'll try to", "we
 * should try to". "We try to look two years ahead", the bare first person in the present, states
 * a habit, a practice, not a promise.
 */
const TRY_SUBJECTS = new Set(["we'll", "i'll", 'will', 'to', 'should', 'must', 'shall', "let's", 'and']);
/** Words after "very" that it narrows rather than inflates: "very rarely", "very first", "very end". */
const VERY_NARROWS = new Set(['rarely', 'seldom', 'often', 'frequently', 'few', 'little', 'early', 'late', 'soon', 'first', 'last',
  'beginning', 'start', 'end', 'least', 'top', 'bottom', 'same', 'next']);
/** Words that open a condition: a possibility named inside it hedges nothing ("if it turns out the spam somehow gets solved"). */
const CONDITION = /\b(?:if|unless|whether|in\s+case)\b(?![^,;:]*\bthen\b)[^,;:]*$/i;
/** "It might seem obvious that …, but …": a concession the sentence goes on to answer. */
const CONCESSION = /\b(?:but|yet|however)\b/i;

/** retext-intensify's list: the union of the three word lists it is built from. */
const INTENSIFY_LIST: readonly string[] = [...new Set([...fillers, ...hedges, ...weasels])];
const prefilters = new Map<string, RegExp>();

/**
 * A cheap test for paragraphs that may hold a reported phrase: the longest word of each phrase
 * still reported. Paragraphs without any are not walked by the plugin.
 */
function prefilterFor(key: string, ignore: readonly string[]): RegExp {
  let regex = prefilters.get(key);
  if (!regex) {
    const ignored = new Set(ignore.map((phrase) => phrase.toLowerCase()));
    const words = new Set<string>();
    for (const phrase of INTENSIFY_LIST) {
      if (ignored.has(phrase)) continue;
      const longest = phrase.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a));
      words.add(longest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"));
    }
    regex = words.size > 0 ? new RegExp(`(?<![\\p{L}])(?:${[...words].join('|')})(?![\\p{L}])`, 'iu') : /(?!)/;
    if (prefilters.size > 50) prefilters.clear();
    prefilters.set(key, regex);
  }
  return regex;
}

type Kind = 'uncertain' | 'amount' | 'filler';

function kindOf(phrase: string): Kind {
  if (UNCERTAIN.has(phrase)) return 'uncertain';
  if (VAGUE_AMOUNT.has(phrase)) return 'amount';
  return 'filler';
}

function messageFor(kind: Kind, written: string): string {
  const q = inQuotes(written);
  if (kind === 'uncertain') {
    return written.toLowerCase() === 'try'
      ? `${inQuotes(`${written} to`)} hedges the commitment: say what you will do, or what you will learn and by when.`
      : `${q} hedges the claim: commit to it, or state the uncertainty once, with the odds and what would settle it.`;
  }
  if (kind === 'amount') return `${q} is vague: give the number, or the comparison it stands for.`;
  return `${q} adds emphasis, not meaning: cut it, or replace it with the fact behind it.`;
}

/**
 * Thanks and apologies an intensifier may strengthen without weakening a claim: "incredibly
 * grateful to our sponsors", "really sorry for the outage". A thank-you is not an assertion that
 * needs a number; "very excited about" still sells instead of saying.
 */
const FEELINGS = new Set(['grateful', 'thankful', 'appreciative', 'indebted', 'honored', 'honoured', 'humbled', 'sorry']);

/** Keep the match? Disambiguates the words that are also something else. */
function isHedge(doc: StrategyDocument, phrase: string, start: number, end: number): boolean {
  const text = doc.text;
  const written = text.slice(start, end);
  if (REMOVABLE.has(phrase) && FEELINGS.has(wordAfter(text, end))) return false;
  if (phrase === 'may' && doc.type === 'generic') return false; // a README's or a policy's "we may close stale issues" grants itself leave
  if (phrase === 'may' || phrase === 'might') {
    // "May 2027", "in May": the month. A modal "may" is never capitalised mid-sentence.
    if (/^M/.test(written)) return false;
    // "Customers may churn" states a possibility; "we might expand" hedges the writer's own plan.
    return FIRST_PERSON.has(wordBefore(text, start));
  }
  if (phrase === 'a lot' || phrase === 'lots') {
    // "a lot of customers" asks for a number; "learned a lot" and "a lot of time" do not.
    return wordAfter(text, end) === 'of' && !IDIOMATIC_AMOUNT.test(text.slice(end, end + 20));
  }
  if (phrase === 'very') {
    // "the very customers" means "exactly those"; "very much a C program" is an idiom, not an intensifier to cut.
    const after = wordAfter(text, end);
    return !POSSESSIVES.has(wordBefore(text, start)) && after !== 'much' && !VERY_NARROWS.has(after);
  }
  // "can somewhat compensate": a degree of what a verb does, as "partially" is; "somewhat better" still asks for the number.
  if (phrase === 'somewhat' && /^(?:can|could|may|might|will|would|to|does|do|did)$/.test(wordBefore(text, start))) return false;
  if (phrase === 'try') return wordAfter(text, end) === 'to' && TRY_SUBJECTS.has(wordBefore(text, start));
  if (phrase === 'kind of' || phrase === 'sort of') {
    // "| Kind of decision |", "## Sort of change": a label naming a category, not a hedge.
    if (/^[KS]/.test(written) && LABEL_START.test(text.slice(Math.max(0, start - 40), start))) return false;
    return !DETERMINERS.has(wordBefore(text, start));
  }
  if (phrase === 'huge' && /^\s+thanks?\b/i.test(text.slice(end, end + 10))) return false; // "a huge thanks"
  if (phrase === 'significantly') return wordBefore(text, start) !== 'statistically';
  return true;
}

/**
 * Hedges the word lists cannot see: retext-intensify reads a word in parentheses as a mention
 * ("(probably) a goal to …"), its lists lack a few intensifiers ("immensely", "tremendously"), and
 * some hedges are a word in a context: "will likely" and "will generally" in a plan, "could
 * potentially", "a bit faster", "we hope to", "it would be nice to".
 */
const INTENSIFIERS = new Set(['immensely', 'tremendously', 'enormously', 'incredibly', 'hugely']);
const MODALS = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'is', 'are', 'was', 'were', 'be', 'been']);
const COMPARATIVES = new Set(['more', 'less', 'fewer', 'better', 'worse', 'faster', 'slower', 'easier', 'harder', 'bigger', 'smaller',
  'larger', 'higher', 'lower', 'longer', 'shorter', 'cheaper', 'simpler', 'clearer', 'safer', 'quicker', 'greater', 'stronger', 'weaker']);
/** Types whose job is to choose: there, "will likely" blurs the choice; elsewhere it forecasts. */
const CHOOSING_TYPES = new Set(['strategy', 'decision']);
const CONTEXT_PREFILTER = /\(|immensely|tremendously|enormously|incredibly|hugely|potentially|likely|generally|a (?:bit|lot|little) |lots |hop(?:e|ing) to|be nice/i;

/** Modals that, right before a word of uncertainty, double the hedge. */
const DOUBLING = new Set(['can', 'could', 'may', 'might']);

interface Extra { start: number; end: number; kind: Kind; message?: string }

function contextHedges(doc: StrategyDocument): Extra[] {
  const found: Extra[] = [];
  for (const sentence of doc.sentences) {
    if (!CONTEXT_PREFILTER.test(doc.text.slice(sentence.start, sentence.end))) continue;
    const words = sentence.node.children
      .filter((child) => child.type === 'WordNode' && child.position)
      .map((child) => ({ value: toString(child).toLowerCase().replace(/’/g, "'"), start: child.position!.start.offset ?? 0, end: child.position!.end.offset ?? 0 }));
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      const previous = words[i - 1]?.value ?? '';
      const next = words[i + 1]?.value ?? '';
      if (doc.text[word.start - 1] === '(') {
        // "(probably)", "(more or less)": a hedge standing alone in parentheses.
        for (const length of [1, 2, 3]) {
          const last = words[i + length - 1];
          if (!last || doc.text[last.end] !== ')') continue;
          const phrase = words.slice(i, i + length).map((w) => w.value).join(' ');
          if (hedges.includes(phrase)) found.push({ start: word.start, end: last.end, kind: 'uncertain' });
          break;
        }
        continue;
      }
      if (INTENSIFIERS.has(word.value)) {
        if (!FEELINGS.has(next)) found.push({ start: word.start, end: word.end, kind: 'filler' });
      }
      else if (word.value === 'potentially' && MODALS.has(previous)) found.push({ start: word.start, end: word.end, kind: 'uncertain' });
      else if (word.value === 'likely' && CHOOSING_TYPES.has(doc.type) && /^(?:will|would|[a-z]+'ll)$/.test(previous)) {
        found.push({ start: words[i - 1].start, end: word.end, kind: 'uncertain' });
      } else if (word.value === 'generally' && (/^(?:will|would|[a-z]+'ll)$/.test(previous) || (next === 'on' && /^(?:track|schedule|time)$/.test(words[i + 2]?.value ?? '')))) {
        found.push({ start: word.start, end: word.end, kind: 'uncertain' });
      } else if (word.value === 'a' && (next === 'bit' || next === 'lot' || next === 'little') && COMPARATIVES.has(words[i + 2]?.value ?? '')) {
        found.push({ start: word.start, end: words[i + 1].end, kind: 'amount' });
      } else if (word.value === 'lots' && COMPARATIVES.has(next)) {
        found.push({ start: word.start, end: word.end, kind: 'amount' });
      } else if ((word.value === 'hope' || word.value === 'hoping') && next === 'to' && /^(?:we|i|are|am|we're|i'm)$/.test(previous)) {
        found.push({ start: word.start, end: words[i + 1].end, kind: 'uncertain', message: `${inQuotes(doc.text.slice(word.start, words[i + 1].end))} hedges the plan: say what you will do and by when, or what it depends on.` });
      } else if (word.value === 'nice' && previous === 'be' && /^(?:would|it'd|we'd)$/.test(words[i - 2]?.value ?? '')) {
        const from = words[i - 2].value === 'would' && words[i - 3]?.value === 'it' ? words[i - 3] : words[i - 2];
        found.push({ start: from.start, end: word.end, kind: 'uncertain', message: `${inQuotes(doc.text.slice(from.start, word.end))} states a wish, not a choice: decide whether you will do it, and by when.` });
      }
    }
  }
  return found;
}

/**
 * A word of uncertainty inside a condition ("if it turns out the issue somehow gets solved, …")
 * names the possibility the condition tests; and "seem" in a sentence that goes on with "but"
 * ("It might seem obvious that …, but …") sets up a point to answer it. Neither hedges a claim.
 */
function inConditionOrConcession(doc: StrategyDocument, phrase: string, start: number, end: number): boolean {
  const sentence = sentenceAt(doc, start);
  if (!sentence) return false;
  const from = Math.max(sentence.start, start - 200);
  if (CONDITION.test(doc.text.slice(from, start))) return true;
  if (/^seem/.test(phrase)) return CONCESSION.test(doc.text.slice(end, Math.min(sentence.end, end + 300)));
  return false;
}

function removalFix(doc: StrategyDocument, start: number, end: number): Fix | undefined {
  const written = doc.text.slice(start, end);
  if (!REMOVABLE.has(written)) return undefined; // lower-case, mid-sentence only
  if (doc.text[start - 1] !== ' ' || !/^ [a-z]/.test(doc.text.slice(end, end + 2))) return undefined;
  return { title: `Remove ${inQuotes(written)}`, edits: [{ start, end: end + 1, newText: '' }] };
}

export default defineRule({
  meta: {
    id: 'prose/hedge',
    family: 'prose',
    description: 'Hedges, weasel words and empty intensifiers (from retext-intensify) that blur what the writer commits to.',
    defaultSeverity: 'information',
    types: ['strategy', 'okr', 'roadmap', 'release-notes', 'decision', 'update', 'generic'],
    documentLevel: false,
    fixable: true,
    expensive: true,
    options: {
      ignore: {
        type: 'string[]',
        default: IGNORED,
        description: 'Words and phrases from retext-intensify\'s hedge, weasel and filler lists not to report. The default drops the ordinary vocabulary of a plan ("will", "should", "likely", "estimate", "rather than"…); remove an entry to report it.',
      },
      contextual: {
        type: 'boolean',
        default: true,
        description: 'Also report the hedges that the word lists miss or that depend on context: a hedge alone in parentheses ("(probably)"), "immensely" and similar intensifiers, "could potentially", "a bit faster", "we hope to", "it would be nice to", "will generally", and "will likely" in strategies and decisions.',
      },
      uncertaintyAllowedIn: {
        type: 'string[]',
        default: ['risks', 'options'],
        description: 'Section roles where words of uncertainty ("might", "maybe", "probably") are honest and not reported. Intensifiers are still reported there.',
      },
      uncertaintyAllowedUnder: {
        type: 'string[]',
        default: SPECULATIVE_HEADINGS,
        description: 'Headings (and their subsections) where words of uncertainty are honest too: the sections of an RFC or design doc that weigh what may happen ("Drawbacks", "Unresolved questions", "Future possibilities").',
      },
    },
    rationale:
      `A strategy is a set of choices; hedges ("we might", "perhaps", "hopefully") let the writer avoid making them, and intensifiers ("very", "significantly", "a lot") stand in for the number the reader needs. Rumelt's bad strategy hides in such words. retext-intensify finds them; this rule keeps only the ones that weaken a plan and leaves estimates, likelihoods and modal verbs alone, except where a strategy or a decision says what it "will likely" do: a document whose job is to choose should choose. In a README or a policy, "we may" grants leave ("we may close stale issues") and is not reported.\n\n${SKIPS_QUOTED_BLOCKS}`,
    howToFix:
      'Commit ("we will", "we won\'t") or state the uncertainty once, with odds and the evidence that would settle it. Replace intensifiers with the fact: "significantly faster" → "twice as fast". The quick fix removes "very", "really", "truly" and similar words.',
    seeds: [
      { source: '004', quote: 'Rumelt’s identification of bad strategy through its hallmarks – fluff, failure to face the challenge' },
      { source: '002', quote: 'make trade-offs explicit' },
    ],
    examples: {
      bad: '# Pricing decision\n\nWe might perhaps move to usage pricing, which would hopefully be very popular with customers.\n',
      good: '# Pricing decision\n\nWe will move to usage pricing in Q2 2027. We estimate that 60% of accounts pay less; the likely risk is revenue churn from the largest ten.\n',
    },
  },
  check({ doc, options, report }) {
    const ignore = options.ignore;
    const key = `intensify\u0000${ignore.join('\u0001')}`;
    const messages = runRetext(doc, key, () => retextProcessor(retextIntensify, { ignore }), prefilterFor(key, ignore));
    const allowedRoles = options.uncertaintyAllowedIn as readonly string[];
    const candidates: Array<{ start: number; end: number; extra?: Extra }> = messages.map(({ start, end }) => ({ start, end }));
    if (options.contextual) for (const extra of contextHedges(doc)) candidates.push({ start: extra.start, end: extra.end, extra });
    let lastEnd = -1;
    const sorted = candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const candidate of sorted) {
      if (candidate.start < lastEnd) continue; // "quite" inside "quite clearly": one finding
      const written = doc.text.slice(candidate.start, candidate.end);
      const phrase = written.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
      if (!candidate.extra && !isHedge(doc, phrase, candidate.start, candidate.end)) continue;
      if (isQuoted(doc, candidate.start)) continue;
      // A question asks; it claims nothing to hedge ("What context might they be missing?").
      if (sentenceAt(doc, candidate.start)?.text.trimEnd().endsWith('?')) continue;
      const kind = candidate.extra?.kind ?? kindOf(phrase);
      if (kind === 'uncertain' && !candidate.extra && inConditionOrConcession(doc, phrase, candidate.start, candidate.end)) continue;
      // "can possibly", "could potentially": a doubled hedge blurs even where uncertainty is honest.
      if (kind === 'uncertain' && !DOUBLING.has(wordBefore(doc.text, candidate.start))) {
        const section = doc.sectionAt(candidate.start);
        if (allowedRoles.some((role) => withinRole(section, role as SectionRole))) continue;
        if (underHeading(section, options.uncertaintyAllowedUnder)) continue;
      }
      lastEnd = candidate.end;
      const message = candidate.extra?.message ?? messageFor(kind, written.replace(/^\(|\)$/g, ''));
      report({ message, start: candidate.start, end: candidate.end, fix: candidate.extra ? undefined : removalFix(doc, candidate.start, candidate.end) });
    }
  },
});
