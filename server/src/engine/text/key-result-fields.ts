/**
 * The fields of a key result read from its text: metric, baseline, target and owner ("from 12% to
 * 20%", "12% → 20%", "to 20% by Q3 2027", "currently 12%", "baseline: 12%", "NPS ≥ 45", "@maria",
 * "Owner: Maria Chen"). Pure functions of text; the model's key-result reading
 * (model/key-results.ts) calls them after blanking out dates, and lets table columns win.
 *
 * Every pattern is a flat alternation or a bounded repetition (no nested quantifiers), so the
 * extraction is linear on any input.
 */
import { blank, CHANGE_VERB, DEFAULT_OUTPUT_VERBS, verbAlternation } from './measures.js';

/** The default output verbs with their inflections: the words after one of them name what is delivered, not a metric. */
let outputVerbSource: string | undefined;
const outputVerbs = (): string => (outputVerbSource ??= verbAlternation(DEFAULT_OUTPUT_VERBS));

const DECREASE_VERB = /^(?:cut|cuts|cutting|reduc|decreas|lower|drop|shrink|shorten|halv)/i;
const INCREASE_VERB = /^(?:increas|rais|grow|grew|lift|boost|improv|doubl|tripl|expand|accelerat)/i;

/** Metrics people name without a number being needed to recognise them. */
const NAMED_METRIC = new RegExp([
  '\\b(?:NPS|CSAT|CES|ARR|MRR|NRR|GRR|NDR|DAU|WAU|MAU|CAC|LTV|ACV|AOV|GMV|MTTR|MTTD|MTBF|SLO|SLA|DORA|ROI|p50|p75|p90|p95|p99)\\b',
  '\\b(?:churn|retention|activation|conversion|adoption|engagement|revenue|bookings|pipeline|margin|latency|uptime|availability|throughput|payback|renewals?|expansion)\\b',
  '\\b(?:net promoter score|error rate|failure rate|win rate|close rate|response time|resolution time|lead time|cycle time|deploy(?:ment)? frequency|time[ -]to[ -][a-z]+|active (?:users|teams|accounts|customers|developers|merchants)|paying (?:users|teams|accounts|customers)|customer satisfaction|sign-?ups|downloads|page views|tickets)\\b',
  '\\b[a-z]+ (?:rate|score|ratio|share)\\b',
].join('|'), 'i');

/** One quantity: "$1.2M", "22%", "10 per team", "200 ms", "3x", "1,200", "+5 pp". */
const VALUE_SOURCE =
  '(?:[+−–-]\\s?)?(?:[$€£¥]\\s?)?(?<![\\p{L}\\p{N}_.])\\d+(?:[.,]\\d+){0,4}'
  + '(?:\\s?(?:%|pp\\b|pts?\\b|points?\\b|percentage points\\b|[kmb]\\b|bn\\b|[kmgt]i?b\\b|[kmg]bps\\b|x\\b|×|ms\\b|s\\b|secs?\\b|seconds?\\b|mins?\\b|minutes?\\b|h\\b|hrs?\\b|hours?\\b|days?\\b|weeks?\\b|months?\\b|/5\\b|/10\\b))?'
  + '(?:\\s?(?:/|per\\s)\\s?(?:[\\p{L}]+)){0,2}';
const VALUE = new RegExp(VALUE_SOURCE, 'giu');
const ARROW_SOURCE = '(?:→|->|=>|⟶|➝|➔|⇒)';

const FROM_TO = new RegExp(`\\bfrom\\s+(?:about\\s+|around\\s+|roughly\\s+|~\\s?)?(${VALUE_SOURCE})\\s*(?:to|${ARROW_SOURCE})\\s*(?:at\\s+least\\s+|about\\s+|around\\s+|~\\s?|over\\s+|under\\s+|below\\s+|above\\s+)?(${VALUE_SOURCE})`, 'iu');
const ARROW = new RegExp(`(${VALUE_SOURCE})\\s*${ARROW_SOURCE}\\s*(${VALUE_SOURCE})`, 'iu');
const COMPARATOR_TARGET = new RegExp(`(≥|>=|≤|<=|>|<|\\bat\\s+least|\\bat\\s+most|\\bno\\s+more\\s+than|\\bno\\s+less\\s+than|\\bmore\\s+than|\\bless\\s+than|\\bfewer\\s+than|\\babove|\\bbelow|\\bunder|\\bover|\\bwithin)\\s*(${VALUE_SOURCE})`, 'iu');
const TO_TARGET = new RegExp(`\\b(?:to|reach(?:es|ing)?|hit(?:s|ting)?|achiev(?:e|es|ing)|target(?:s|ing)?(?:\\s+of)?|goal(?:\\s+of)?)\\s*(?:[:=]\\s*)?(?:about\\s+|around\\s+|~\\s?)?(${VALUE_SOURCE})`, 'iu');
const BY_DELTA = new RegExp(`\\bby\\s+(?:about\\s+|around\\s+|~\\s?|at\\s+least\\s+)?(${VALUE_SOURCE})`, 'iu');
const BASELINE = new RegExp(`(?:\\b(?:currently|today|baseline(?:\\s+is|\\s+of)?|now|up\\s+from|down\\s+from|vs\\.?|versus|starting\\s+(?:at|from)|was|from\\s+a\\s+baseline\\s+of|from)\\s*(?:[:=]\\s*)?(?:at\\s+|is\\s+)?)(${VALUE_SOURCE})`, 'iu');
const PERCENT_OF = new RegExp(`(${VALUE_SOURCE.replace('(?:\\s?(?:/|per\\s)\\s?(?:[\\p{L}]+)){0,2}', '')})\\s+of\\s+`, 'iu');

const OWNER_HANDLE = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}][\p{L}\p{N}_.-]*[\p{L}\p{N}_]|(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}]/u;
const OWNER_LABEL = /\b(?:[Oo]wners?|OWNERS?|DRI|[Dd]ri|[Ll]ead|[Aa]ccountable)\s*[:=—–-]\s*([\p{Lu}@][\p{L}\p{N}_.@'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)?)|\b[Oo]wned\s+by\s+([\p{Lu}@][\p{L}\p{N}_.@'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)?)/u;

/** Words that end a metric's noun phrase when read forwards from a number. */
const PHRASE_STOP = /^(?:by|in|within|before|until|during|for|from|to|at|on|across|through|so|and|or|while|with|without|per|than|vs|versus|when|where|which|that|who|after|each|every|this|next|via)$/i;
const LEADING_FILLER = /^(?:the|our|a|an|of|its|their|all|overall)\s+/i;

const MAX_PHRASE_WORDS = 7;

/** `text` without the characters of `lead` at its start and of `tail` at its end (a scan, not an anchored `[…]+$`, which is quadratic). */
function trimChars(text: string, lead: string, tail: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && lead.includes(text[start])) start++;
  while (end > start && tail.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

function tidy(text: string): string {
  return trimChars(text.replace(/\s+/g, ' '), ' ,;:.—–-', ' ,;:.—–(-').trim();
}

function cleanValue(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/^[–−]\s?/, '−').trim();
}

const CHANGE_VERBS = new RegExp(CHANGE_VERB.source, 'giu');
let outputVerbRegex: RegExp | undefined;

/** The noun phrase just before `index`, back to a clause boundary, without its change verb. */
function phraseBefore(text: string, index: number): string | null {
  const before = text.slice(0, index);
  const boundary = lastMatch(before, /[,;:(](?!\d)|[—–]| - /g);
  let clause = boundary ? before.slice(boundary.index + boundary[0].length) : before;
  const verb = lastMatch(clause, CHANGE_VERBS);
  if (verb) clause = clause.slice(verb.index + verb[0].length);
  else {
    outputVerbRegex ??= new RegExp(`\\b(?:${outputVerbs()})\\b`, 'gi');
    const outputVerb = lastMatch(clause, outputVerbRegex);
    if (outputVerb) clause = clause.slice(outputVerb.index + outputVerb[0].length);
  }
  clause = tidy(clause).replace(/\b(?:so\s+that|such\s+that|so)\s+/i, '');
  let words = clause.split(' ').filter(Boolean);
  while (words.length > 0 && LEADING_FILLER.test(`${words[0]} `)) words = words.slice(1);
  // Trailing function words ("… is", "… at") do not belong to a metric's name.
  while (words.length > 0 && /^(?:is|are|at|of|by|to|be|will|should|must|stays?|remains?|down|up|goes|go)$/i.test(words[words.length - 1])) words = words.slice(0, -1);
  if (words.length === 0 || words.length > MAX_PHRASE_WORDS) return words.length > MAX_PHRASE_WORDS ? words.slice(-4).join(' ') : null;
  return words.join(' ');
}

/** The noun phrase just after `index`, up to a stop word, punctuation or a date. */
function phraseAfter(text: string, index: number): string | null {
  const rest = text.slice(index).replace(/^\s+/, '');
  const words: string[] = [];
  for (const raw of rest.split(/\s+/)) {
    const word = raw.replace(/^[("'“‘]+/, '');
    if (!word || PHRASE_STOP.test(trimChars(word, '', ',;:.)'))) break;
    if (/^[—–-]$/.test(word)) break;
    words.push(trimChars(word, '', ',;:.)'));
    if (/[,;:.)]$/.test(word) || words.length >= 5) break;
  }
  while (words.length > 0 && LEADING_FILLER.test(`${words[0]} `)) words.shift();
  const phrase = words.join(' ').trim();
  return phrase && /\p{L}/u.test(phrase) ? phrase : null;
}

function lastMatch(text: string, regex: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    last = match;
    if (match[0].length === 0) regex.lastIndex++;
  }
  return last;
}

interface Extracted {
  metric: string | null;
  baseline: string | null;
  target: string | null;
}

/** Metric, baseline and target from free text whose dates and owners have been blanked out. */
function extractQuantities(text: string): Extracted {
  let metric: string | null = null;
  let baseline: string | null = null;
  let target: string | null = null;
  let rest = text;

  // A movement: "from 12% to 20%", else "12% → 20%".
  for (const pattern of [FROM_TO, ARROW]) {
    const movement = pattern.exec(rest);
    if (!movement) continue;
    baseline = cleanValue(movement[1]);
    target = cleanValue(movement[2]);
    metric = phraseBefore(rest, movement.index);
    rest = blank(rest, movement.index, movement.index + movement[0].length);
    break;
  }
  if (!baseline) {
    const base = BASELINE.exec(rest);
    if (base) {
      baseline = cleanValue(base[1]);
      rest = blank(rest, base.index, base.index + base[0].length);
    }
  }
  const verb = CHANGE_VERB.exec(rest);
  if (!target) {
    const comparator = COMPARATOR_TARGET.exec(rest);
    const to = TO_TARGET.exec(rest);
    const pick = comparator && (!to || comparator.index < to.index) ? comparator : to;
    if (pick === comparator && comparator) {
      const word = comparator[1].replace(/\s+/g, ' ').toLowerCase();
      const symbol: Record<string, string> = { 'at least': '≥', 'no less than': '≥', 'more than': '>', 'above': '>', 'over': '>', 'at most': '≤', 'no more than': '≤', 'less than': '<', 'fewer than': '<', 'below': '<', 'under': '<', 'within': '≤', '>=': '≥', '<=': '≤' };
      target = `${symbol[word] ?? word} ${cleanValue(comparator[2])}`;
      metric ??= phraseBefore(rest, comparator.index) ?? phraseAfter(rest, comparator.index + comparator[0].length);
      rest = blank(rest, comparator.index, comparator.index + comparator[0].length);
    } else if (to) {
      target = cleanValue(to[1]);
      const before = phraseBefore(rest, to.index);
      metric ??= before && !/^(?:to|reach|hit|achieve)$/i.test(before) ? before : phraseAfter(rest, to.index + to[0].length);
      rest = blank(rest, to.index, to.index + to[0].length);
    }
  }
  if (!target && verb) {
    const delta = BY_DELTA.exec(rest);
    if (delta) {
      const value = cleanValue(delta[1]);
      const sign = /^[+−-]/.test(value) ? '' : DECREASE_VERB.test(verb[0]) ? '−' : INCREASE_VERB.test(verb[0]) ? '+' : '';
      target = `${sign}${value}`;
      metric ??= phraseBefore(rest, delta.index);
      rest = blank(rest, delta.index, delta.index + delta[0].length);
    }
  }
  if (!target) {
    const share = PERCENT_OF.exec(rest);
    if (share && /%|percent/i.test(share[1])) {
      target = cleanValue(share[1]);
      metric ??= phraseAfter(rest, share.index + share[0].length);
    }
  }
  if (!target && verb) {
    // "Grow ARR 20%", "Double weekly active teams": the first quantity after the verb.
    VALUE.lastIndex = verb.index + verb[0].length;
    const value = VALUE.exec(rest);
    if (value) {
      target = cleanValue(value[0]);
      const sign = /^[+−-]/.test(target) ? '' : DECREASE_VERB.test(verb[0]) ? '−' : INCREASE_VERB.test(verb[0]) && /%|pp|points?/.test(target) ? '+' : '';
      target = sign + target;
      metric ??= phraseBefore(rest, value.index) ?? phraseAfter(rest, value.index + value[0].length);
    } else if (/^(?:doubl|tripl|halv)/i.test(verb[0])) {
      target = verb[0].toLowerCase().startsWith('doub') ? '×2' : verb[0].toLowerCase().startsWith('trip') ? '×3' : '×½';
      metric ??= phraseAfter(rest, verb.index + verb[0].length);
    }
  }
  if (!target) {
    // A bare quantity: "1,000 paying teams", "NPS 45".
    VALUE.lastIndex = 0;
    const value = VALUE.exec(rest);
    if (value) {
      target = cleanValue(value[0]);
      metric ??= phraseAfter(rest, value.index + value[0].length) ?? phraseBefore(rest, value.index);
    }
  }
  if (!metric) {
    const named = NAMED_METRIC.exec(text);
    if (named) metric = named[0];
  }
  if (metric) {
    metric = tidy(metric).replace(LEADING_FILLER, '');
    if (!/\p{L}/u.test(metric) || metric.length > 80) metric = null;
  }
  return { metric, baseline, target };
}

/** Owner of a line: "@maria", "Owner: Maria Chen", "owned by @ana". */
export function findOwner(text: string): { text: string; index: number; length: number } | null {
  const label = OWNER_LABEL.exec(text);
  if (label) {
    const name = trimChars(label[1] ?? label[2], '', ',;.)');
    return { text: name, index: label.index, length: label[0].length };
  }
  const handle = OWNER_HANDLE.exec(text);
  return handle ? { text: handle[0], index: handle.index, length: handle[0].length } : null;
}

export interface TextFields {
  metric: string | null;
  baseline: string | null;
  target: string | null;
  owner: string | null;
}

/**
 * Metric, baseline, target and owner of one key-result text. `blanked` lists the spans (dates) to
 * blank out first, so their digits never read as a baseline or target; the owner is blanked next.
 */
export function readFields(text: string, blanked: ReadonlyArray<{ index: number; length: number }>): TextFields {
  let scratch = text.replace(/\*\*|__/g, '  ');
  for (const span of blanked) scratch = blank(scratch, span.index, span.index + span.length);
  const owner = findOwner(scratch);
  if (owner) scratch = blank(scratch, owner.index, owner.index + owner.length);
  scratch = scratch.replace(/\(\s*\)/g, '  ');
  // A quantity in parentheses qualifies the line ("a full mirror (2 TB) in 4 hours"): the target is outside them, when there is one.
  // A baseline is often written there ("(currently 41%)") and is kept.
  const all = extractQuantities(scratch);
  const outside = scratch.includes('(') ? extractQuantities(scratch.replace(/\([^()]{0,80}\)/g, (aside) => ' '.repeat(aside.length))) : null;
  const fields = outside?.target && !all.baseline ? outside : all;
  return { ...fields, owner: owner?.text ?? null };
}

/** A metric name people recognise without a number: "NPS", "churn", "error rate", "active teams". */
export function isNamedMetric(text: string): boolean {
  return NAMED_METRIC.test(text);
}

/** Tidy a metric phrase for display (no leading article, no trailing punctuation). */
export function tidyMetric(text: string): string {
  return tidy(text).replace(LEADING_FILLER, '');
}
