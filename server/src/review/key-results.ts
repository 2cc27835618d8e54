/**
 * Key-result classification for the review: is a key result an outcome or an output, and what
 * are its metric, baseline, target, date and owner?
 *
 * The verdict (outcome / output / no target / no metric) reuses the outcomes rules' own reading
 * (rules/outcomes/_measures.ts: the output verbs of outcomes/output-as-outcome — ship, launch,
 * release, build, deliver, implement, migrate, complete, finish, create, roll out, publish, hire, …
 * — and their metric vocabulary), so the review's table never contradicts the squiggles. The
 * field extraction ("from 12% to 20%", "12% → 20%", "to 20% by Q3 2027", "currently 12%",
 * "baseline: 12%", "@maria", "Owner: Maria Chen", table columns) is the review's own.
 *
 * Every pattern is a flat alternation or a bounded repetition (no nested quantifiers), so the
 * extraction is linear on any input.
 */
import { findDates, type DateOptions } from '../engine/model/dates.js';
import { KEY_RESULT_LABEL } from '../engine/model/items.js';
import {
  carriesOutcome, DEFAULT_OUTCOME_METRICS, DEFAULT_OUTPUT_VERBS, hasQuantity, metricMentions, metricPhrase, outputPassive, outputVerbLead, scrub,
} from '../engine/rules/outcomes/_measures.js';

export type KeyResultKind = 'outcome' | 'output';
/**
 * The table's verdict, in the outcomes rules' terms: an outcome with a quantity, an output
 * (outcomes/output-as-outcome), an outcome that names a metric but sets no target, or one with no
 * number or named metric (both outcomes/unmeasurable).
 */
export type KeyResultVerdict = 'outcome' | 'output' | 'no-target' | 'no-metric';
export type DateSource = 'key result' | 'column' | 'objective' | 'heading';

export interface KeyResultFields {
  kind: KeyResultKind;
  verdict: KeyResultVerdict;
  /** Carries a number, percentage, currency, unit or a named metric. */
  measurable: boolean;
  /** Why it was classified so, in a few words ("moves activation 22% → 35%"). */
  reason: string;
  metric: string | null;
  baseline: string | null;
  target: string | null;
  date: string | null;
  dateSource: DateSource | null;
  owner: string | null;
}

/** Columns a key-result table may carry, found from its header cells. */
export interface KeyResultColumns {
  text?: string;
  metric?: string;
  baseline?: string;
  target?: string;
  date?: string;
  owner?: string;
}

const OUTPUT_VERB_SOURCE =
  'ship(?:s|ped|ping)?|launch(?:es|ed|ing)?|releas(?:e|es|ed|ing)|buil(?:d|ds|t|ding)|deliver(?:s|ed|ing)?|implement(?:s|ed|ing)?'
  + '|migrat(?:e|es|ed|ing)|complet(?:e|es|ed|ing)|finish(?:es|ed|ing)?|creat(?:e|es|ed|ing)|roll(?:s|ed|ing)?[\\s-]out'
  + '|publish(?:es|ed|ing)?|hir(?:e|es|ed|ing)';
/** An output verb opening the line, possibly after a subject or an adverb ("We will ship", "Successfully launch"). */
const OUTPUT_VERB_LEAD = new RegExp(`^(?:[\\p{L}\\p{N}'’-]+\\s+){0,3}?(${OUTPUT_VERB_SOURCE})\\b`, 'iu');
/** Passive deliverables: "SSO is shipped", "portal goes live". */
const OUTPUT_PASSIVE = new RegExp(`\\b(?:is|are|be|been|gets?|got)\\s+(${OUTPUT_VERB_SOURCE})\\b|\\bgo(?:es)?\\s+live\\b|\\blive\\s+in\\s+production\\b`, 'iu');

/** Verbs that move a metric. */
const CHANGE_VERB = /\b(?:increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|grow(?:s|n|ing)?|grew|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|improv(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|halv(?:e|es|ed|ing)|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|lower(?:s|ed|ing)?|drop(?:s|ped|ping)?|shrink(?:s|ing)?|shorten(?:s|ed|ing)?|mov(?:e|es|ed|ing)|keep(?:s|ing)?|maintain(?:s|ed|ing)?|hold(?:s|ing)?|sustain(?:s|ed|ing)?|reach(?:es|ed|ing)?|hit(?:s|ting)?|achiev(?:e|es|ed|ing)|accelerat(?:e|es|ed|ing)|expand(?:s|ed|ing)?|driv(?:e|es|ing)|bring(?:s|ing)?|get(?:s|ting)?|convert(?:s|ed|ing)?|retain(?:s|ed|ing)?|activat(?:e|es|ed|ing))\b/i;
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
  + '(?:\\s?(?:%|pp\\b|pts?\\b|points?\\b|percentage points\\b|[kmb]\\b|bn\\b|x\\b|×|ms\\b|s\\b|secs?\\b|seconds?\\b|mins?\\b|minutes?\\b|h\\b|hrs?\\b|hours?\\b|days?\\b|weeks?\\b|months?\\b|/5\\b|/10\\b))?'
  + '(?:\\s?(?:/|per\\s)\\s?(?:[\\p{L}]+)){0,2}';
const VALUE = new RegExp(VALUE_SOURCE, 'giu');
const ARROW_SOURCE = '(?:→|->|=>|⟶|➝|➔|⇒)';

const FROM_TO = new RegExp(`\\bfrom\\s+(?:about\\s+|around\\s+|roughly\\s+|~\\s?)?(${VALUE_SOURCE})\\s*(?:to|${ARROW_SOURCE})\\s*(?:at\\s+least\\s+|about\\s+|around\\s+|~\\s?|over\\s+|under\\s+|below\\s+|above\\s+)?(${VALUE_SOURCE})`, 'iu');
const ARROW = new RegExp(`(${VALUE_SOURCE})\\s*${ARROW_SOURCE}\\s*(${VALUE_SOURCE})`, 'iu');
const COMPARATOR_TARGET = new RegExp(`(≥|>=|≤|<=|>|<|\\bat\\s+least|\\bat\\s+most|\\bno\\s+more\\s+than|\\bno\\s+less\\s+than|\\bmore\\s+than|\\bless\\s+than|\\bfewer\\s+than|\\babove|\\bbelow|\\bunder|\\bover|\\bwithin)\\s*(${VALUE_SOURCE})`, 'iu');
const TO_TARGET = new RegExp(`\\b(?:to|reach(?:es|ing)?|hit(?:s|ting)?|achiev(?:e|es|ing)|target(?:s|ing)?(?:\\s+of)?|goal(?:\\s+of)?)\\s*[:=]?\\s*(?:about\\s+|around\\s+|~\\s?)?(${VALUE_SOURCE})`, 'iu');
const BY_DELTA = new RegExp(`\\bby\\s+(?:about\\s+|around\\s+|~\\s?|at\\s+least\\s+)?(${VALUE_SOURCE})`, 'iu');
const BASELINE = new RegExp(`(?:\\b(?:currently|today|baseline(?:\\s+is|\\s+of)?|now|up\\s+from|down\\s+from|vs\\.?|versus|starting\\s+(?:at|from)|was|from\\s+a\\s+baseline\\s+of|from)\\s*[:=]?\\s*(?:at\\s+|is\\s+)?)(${VALUE_SOURCE})`, 'iu');
const PERCENT_OF = new RegExp(`(${VALUE_SOURCE.replace('(?:\\s?(?:/|per\\s)\\s?(?:[\\p{L}]+)){0,2}', '')})\\s+of\\s+`, 'iu');

const OWNER_HANDLE = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}][\p{L}\p{N}_.-]*[\p{L}\p{N}_]|(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}]/u;
const OWNER_LABEL = /\b(?:[Oo]wners?|OWNERS?|DRI|[Dd]ri|[Ll]ead|[Aa]ccountable)\s*[:=—–-]\s*([\p{Lu}@][\p{L}\p{N}_.@'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)?)|\b[Oo]wned\s+by\s+([\p{Lu}@][\p{L}\p{N}_.@'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)?)/u;

/** Relative timeframes (a subset of the engine's): "by end of quarter", "within 90 days", "this half". */
const RELATIVE_DATE = /\b(?:by|before|until|within|in|over|during)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:(?:next|this|first|coming)\s+)?(?:\d+\s+)?(?:days?|weeks?|months?|quarters?|years?|half|sprints?|fiscal\s+year)\b|\b(?:this|next)\s+(?:quarter|half|year|month|sprint)\b|\bend\s+of\s+(?:the\s+)?(?:year|quarter|half|month)\b|\b(?:eoy|eoq|eom)\b/i;

/** Words that end a metric's noun phrase when read forwards from a number. */
const PHRASE_STOP = /^(?:by|in|within|before|until|during|for|from|to|at|on|across|through|so|and|or|while|with|without|per|than|vs|versus|when|where|which|that|who|after|each|every|this|next|via)$/i;
const LEADING_FILLER = /^(?:the|our|a|an|of|its|their|all|overall)\s+/i;
const EMPTY_CELL = /^\s*(?:|[—–-]+|n\/?a|none|tbd|tbc|\?+|…|\.\.\.)\s*$/i;

const MAX_PHRASE_WORDS = 7;

/** Strip "KR1:", "**Key result:**", task boxes and emphasis markers from a key-result line. */
export function stripLabel(text: string): string {
  let result = text.replace(/^\s*\[[ xX]\]\s+/, '');
  const label = KEY_RESULT_LABEL.exec(result);
  if (label) result = result.slice(label[0].length);
  return result.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^[\s,;:.—–-]+|[\s,;:.—–(-]+$/g, '').trim();
}

function cleanValue(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/^[–−]\s?/, '−').trim();
}

/** Replace [start, end) with spaces so later patterns cannot match inside it (keeps indices). */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** The noun phrase just before `index`, back to a clause boundary, without its change verb. */
function phraseBefore(text: string, index: number): string | null {
  const before = text.slice(0, index);
  const boundary = lastMatch(before, /[,;:(](?!\d)|[—–]| - /g);
  let clause = boundary ? before.slice(boundary.index + boundary[0].length) : before;
  const verb = lastMatch(clause, new RegExp(CHANGE_VERB.source, 'gi'));
  if (verb) clause = clause.slice(verb.index + verb[0].length);
  else {
    const output = new RegExp(`\\b(?:${OUTPUT_VERB_SOURCE})\\b`, 'gi');
    const outputVerb = lastMatch(clause, output);
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
    if (!word || PHRASE_STOP.test(word.replace(/[,;:.)]+$/, ''))) break;
    if (/^[—–-]$/.test(word)) break;
    words.push(word.replace(/[,;:.)]+$/, ''));
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

/** "Launch" from "We will launch …", for the reason text. */
function outputVerbOf(text: string): string | null {
  const lead = OUTPUT_VERB_LEAD.exec(text);
  if (lead) return lead[1];
  const passive = OUTPUT_PASSIVE.exec(text);
  return passive ? (passive[1] ?? passive[0]) : null;
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

  const fromTo = FROM_TO.exec(rest);
  if (fromTo) {
    baseline = cleanValue(fromTo[1]);
    target = cleanValue(fromTo[2]);
    metric = phraseBefore(rest, fromTo.index);
    rest = blank(rest, fromTo.index, fromTo.index + fromTo[0].length);
  }
  if (!target) {
    const arrow = ARROW.exec(rest);
    if (arrow) {
      baseline = cleanValue(arrow[1]);
      target = cleanValue(arrow[2]);
      metric = phraseBefore(rest, arrow.index);
      rest = blank(rest, arrow.index, arrow.index + arrow[0].length);
    }
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

function lastDate(text: string, dateOptions: DateOptions): { text: string; index: number; length: number } | null {
  const dates = findDates(text, dateOptions);
  if (dates.length > 0) {
    const last = dates[dates.length - 1];
    return { text: last.text.trim(), index: last.index, length: last.length };
  }
  const relative = RELATIVE_DATE.exec(text);
  return relative ? { text: relative[0].trim(), index: relative.index, length: relative[0].length } : null;
}

/** Owner of a line: "@maria", "Owner: Maria Chen", "owned by @ana". */
export function findOwner(text: string): { text: string; index: number; length: number } | null {
  const label = OWNER_LABEL.exec(text);
  if (label) {
    const name = (label[1] ?? label[2]).replace(/[,;.)]+$/, '');
    return { text: name, index: label.index, length: label[0].length };
  }
  const handle = OWNER_HANDLE.exec(text);
  return handle ? { text: handle[0], index: handle.index, length: handle[0].length } : null;
}

/** A date found in a heading or objective line, for key results that inherit their timeframe. */
export function dateIn(text: string, dateOptions: DateOptions): string | null {
  return lastDate(text, dateOptions)?.text ?? null;
}

export interface ClassifyInput {
  /** The key result's own text (for a table row: the key-result cell). */
  text: string;
  /** Cells by column, for table rows. */
  columns?: KeyResultColumns;
  /** Text that details the key result (child items): searched for quantities, as the rules do. */
  detail?: readonly string[];
  /** Timeframe and owner to fall back on, from the objective or the section heading. */
  inherited?: { date?: { text: string; source: DateSource } | null; owner?: string | null };
  dateOptions: DateOptions;
}

function cell(value: string | undefined): string | null {
  if (value === undefined || EMPTY_CELL.test(value)) return null;
  return value.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

/** Classify one key result and extract its fields. */
export function classifyKeyResult(input: ClassifyInput): KeyResultFields {
  const text = stripLabel(input.text);
  const columns = input.columns ?? {};
  let scratch = text;

  // Date and owner first, blanked out so their digits never read as a baseline or target.
  const date = lastDate(scratch, input.dateOptions);
  for (const mention of findDates(scratch, input.dateOptions)) scratch = blank(scratch, mention.index, mention.index + mention.length);
  if (date) scratch = blank(scratch, date.index, date.index + date.length);
  const owner = findOwner(scratch);
  if (owner) scratch = blank(scratch, owner.index, owner.index + owner.length);
  scratch = scratch.replace(/\(\s*\)/g, '  ');

  const found = extractQuantities(scratch);
  const metricCell = cell(columns.metric);
  const baselineCell = cell(columns.baseline);
  const targetCell = cell(columns.target);
  let metric = metricCell ?? found.metric;
  const baseline = baselineCell ?? found.baseline;
  const target = targetCell ?? found.target;

  // The verdict uses the outcomes rules' own reading (rules/outcomes/_measures.ts), so the table
  // agrees with the squiggles: output verbs judged on the statement, quantities on the whole detail.
  const detail = [text, ...[columns.metric, columns.baseline, columns.target, columns.date].filter((c): c is string => c !== undefined), ...(input.detail ?? [])]
    .join(' \u2029 ');
  const scrubbed = scrub(detail, findDates(detail, input.dateOptions));
  const lead = outputVerbLead(text, DEFAULT_OUTPUT_VERBS);
  const passive = lead ? null : outputPassive(text);
  const isOutput = (lead !== null || passive !== null) && !carriesOutcome(text, scrubbed, DEFAULT_OUTCOME_METRICS);
  const quantity = hasQuantity(scrubbed);
  const mention = metricMentions(text, DEFAULT_OUTCOME_METRICS)[0];
  const named = mention ? metricPhrase(text, mention) : null;
  // "trial-to-paid conversion" rather than "conversion" when the rules' phrase extends ours.
  if (metric && !metricCell && /^[\p{L}-]+$/u.test(metric)) {
    const index = text.toLowerCase().indexOf(metric.toLowerCase());
    if (index >= 0) metric = metricPhrase(text, { index, length: metric.length });
  }
  const measurable = quantity || named !== null || metric !== null && NAMED_METRIC.test(metric);
  const verbText = (lead?.[1] ?? passive?.[2] ?? passive?.[0] ?? outputVerbOf(text) ?? '').replace(/\s+/g, ' ').trim();

  const change = baseline && target ? `${baseline} → ${target}` : target ? (/^[+−×<>≤≥]/.test(target) ? target : `to ${target}`) : '';
  const movementText = [metric, change].filter(Boolean).join(' ');
  let kind: KeyResultKind = 'outcome';
  let verdict: KeyResultVerdict;
  let reason: string;
  if (isOutput) {
    kind = 'output';
    verdict = 'output';
    const columnsSay = [metricCell, baselineCell && targetCell ? `${baselineCell} → ${targetCell}` : targetCell ? `to ${targetCell}` : null].filter(Boolean).join(' ');
    reason = columnsSay
      ? `the statement is a deliverable ("${verbText}"); make the result in its columns the key result: ${columnsSay}`
      : `a deliverable ("${verbText}") that moves no metric`;
  } else if (quantity) {
    verdict = 'outcome';
    if (verbText && (lead || passive)) reason = `"${verbText}" names the work, but it moves ${movementText || 'a metric'}`;
    else reason = movementText ? `moves ${movementText}` : 'a measurable result';
  } else if (named || metric) {
    verdict = 'no-target';
    metric ??= named;
    reason = `names ${metric} but sets no target`;
  } else {
    verdict = 'no-metric';
    reason = 'no number or named metric: nobody can tell whether it was met';
  }

  let dateText: string | null = cell(columns.date);
  let dateSource: DateSource | null = dateText ? 'column' : null;
  if (!dateText && date) {
    dateText = date.text;
    dateSource = 'key result';
  }
  if (!dateText && input.inherited?.date) {
    dateText = input.inherited.date.text;
    dateSource = input.inherited.date.source;
  }
  const ownerText = cell(columns.owner) ?? owner?.text ?? input.inherited?.owner ?? null;

  // A deliverable moves no metric: numbers in its text are counts of work ("Hire 5 engineers",
  // "SOC 2"). Explicit metric/baseline/target columns are kept: they show what it could move.
  return {
    kind, verdict, measurable, reason,
    metric: isOutput ? metricCell : metric ? tidy(metric) : null,
    baseline: isOutput ? baselineCell : baseline,
    target: isOutput ? targetCell : target,
    date: dateText, dateSource,
    owner: ownerText,
  };
}

/** Map a table header to key-result columns (the key result itself is the first unclaimed column). */
export function columnsOf(header: readonly string[]): Record<keyof KeyResultColumns, number> {
  const found: Partial<Record<keyof KeyResultColumns, number>> = {};
  const claim = (key: keyof KeyResultColumns, test: RegExp): void => {
    if (found[key] !== undefined) return;
    const index = header.findIndex((h, i) => test.test(h) && !Object.values(found).includes(i));
    if (index >= 0) found[key] = index;
  };
  claim('date', /\b(?:date|due|deadline|when|by|eta|timeline|timeframe|quarter|half)\b/i);
  claim('baseline', /\b(?:baseline|current|currently|today|now|start(?:ing)?|from|before)\b/i);
  claim('target', /\b(?:target|goal|to|end|after)\b/i);
  claim('owner', /\b(?:owner|dri|who|lead|responsible|accountable)\b/i);
  claim('text', /\b(?:key\s+results?|kr|krs|results?|measures?|outcomes?)\b/i);
  claim('metric', /\b(?:metric|metrics|kpi|indicator|measure)\b/i);
  if (found.text === undefined) {
    const index = header.findIndex((_, i) => !Object.values(found).includes(i));
    if (index >= 0) found.text = index;
  }
  return {
    text: found.text ?? -1, metric: found.metric ?? -1, baseline: found.baseline ?? -1,
    target: found.target ?? -1, date: found.date ?? -1, owner: found.owner ?? -1,
  };
}
