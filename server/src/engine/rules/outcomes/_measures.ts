/**
 * Shared reading of key results for the outcomes/* rules (not a rule: no default export).
 *
 * A key result is read three ways:
 * - its *statement*: the line without its label ("KR2:"), task box and owner; for a table row,
 *   the key-result cell. Output verbs and vanity metrics are judged on the statement only, so a
 *   child item ("Initiative: build the checklist") never makes its key result an output.
 * - its *detail*: the statement plus the row's other cells and the item's children. Numbers,
 *   baselines and dates are looked for in the detail, so a key result that spreads metric,
 *   baseline, target and date over table columns or sub-bullets is read as a whole.
 * - its table *columns*, found from the header cells (baseline, target, date, owner, metric).
 *
 * Numbers are counted after dates, versions, handles, ticket references and ordinal labels
 * ("Phase 2", "P1", "SOC 2") are blanked out, so "Launch v2 in Q3 2027" carries no quantity.
 * Every regex is a flat alternation or a bounded repetition: linear on any input.
 */
import type { OptionSpecs } from '../../types.js';
import type { KeyResult, StrategyDocument } from '../../model/document.js';
import type { Item } from '../../model/items.js';
import { KEY_RESULT_LABEL, OBJECTIVE_LABEL } from '../../model/items.js';
import { findDates, hasTimeframe, yearHeadingOf, type DateMention } from '../../model/dates.js';
import { CODE_PLACEHOLDER, type TextBlock } from '../../model/text-block.js';
import { foldTypography, phraseMatcher } from '../../text/phrases.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary defaults (each rule exposes the lists it uses as options).

/** Verbs that name a deliverable rather than a result (RULES.md: outcomes/output-as-outcome). */
export const DEFAULT_OUTPUT_VERBS: readonly string[] = [
  'ship', 'launch', 'release', 'build', 'deliver', 'implement', 'migrate', 'complete', 'finish', 'create', 'roll out',
  'publish', 'hire', 'deploy', 'develop', 'design', 'introduce', 'add', 'integrate', 'set up', 'stand up', 'rebuild',
  'redesign', 'refactor', 'rewrite', 'upgrade', 'document', 'write', 'draft', 'finalize', 'finalise', 'go live', 'deprecate',
  'sunset', 'retire', 'decommission', 'replace', 'consolidate',
  'kick off', 'hold', 'host', 'conduct', 'organize', 'organise', 'run a', 'run an', 'run the',
];

/** Metrics an outcome can move: naming one (moved by a verb or given a number) makes a line an outcome. */
export const DEFAULT_OUTCOME_METRICS: readonly string[] = [
  'activation', 'adoption', 'retention', 'churn', 'conversion', 'revenue', 'ARR', 'MRR', 'NRR', 'GRR', 'NDR',
  'net revenue retention', 'net dollar retention', 'gross retention', 'NPS', 'net promoter score', 'CSAT', 'CES',
  'satisfaction', 'satisfaction score', 'DAU', 'WAU', 'MAU', 'active users', 'active teams', 'active accounts',
  'active members', 'active customers', 'active developers', 'paying customers', 'paying accounts', 'paying teams',
  'paid accounts', 'paid conversion', 'trial-to-paid', 'usage', 'engagement', 'time to value', 'time-to-value',
  'time to first value', 'time to first', 'setup time', 'onboarding time', 'latency', 'response time',
  'resolution time', 'wait time', 'load time', 'uptime', 'availability', 'error rate', 'failure rate',
  'change failure rate', 'incidents', 'defects', 'escaped defects', 'tickets', 'support tickets', 'deflection',
  'cycle time', 'lead time', 'deploy frequency', 'deployment frequency', 'throughput', 'win rate', 'close rate',
  'qualified pipeline', 'pipeline coverage', 'sales pipeline', 'bookings', 'renewal rate', 'renewals', 'expansion', 'margin', 'gross margin', 'cost', 'CAC', 'LTV',
  'payback', 'market share', 'share of', 'completion rate', 'task success', 'frequency', 'p50', 'p95', 'p99', 'MTTR',
  'SLO', 'accuracy', 'time saved', 'hours saved', 'drop-off', 'abandonment', 'repeat purchase', 'GMV', 'AOV',
];

/**
 * The options of a rule that leaves deliverables to outcomes/output-as-outcome: it recognises
 * them with the same two lists, so a user who edits them there should edit them here too.
 */
export const DELIVERABLE_OPTIONS = {
  outputVerbs: {
    type: 'string[]',
    default: DEFAULT_OUTPUT_VERBS,
    description: 'Verbs of deliverables: a key result that is only a deliverable ("Hire 5 engineers") is left to outcomes/output-as-outcome, which asks for the metric, the target and the date together.',
  },
  outcomeMetrics: {
    type: 'string[]',
    default: DEFAULT_OUTCOME_METRICS,
    description: 'Metrics whose movement makes a line that starts with an output verb an outcome (and so judged by this rule too).',
  },
} as const satisfies OptionSpecs;

// ---------------------------------------------------------------------------------------------
// Patterns.

const NUMBER_WORDS = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen';
const RELATIVE_WORDS = 'double|doubles|doubled|doubling|triple|triples|tripled|tripling|halve|halves|halved|halving|twice|in\\s+half|by\\s+half';
const ABSOLUTE_WORDS = 'zero|all|every|none|no\\s+more\\s+than|at\\s+least|at\\s+most';
const UNIT = '%|percent|pp|bps|x|×|k|m|mm|bn|b|ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|points?|pts?';

/** A number: "22%", "$1.2M", "10x", "1,200", "200 ms", "4.5". Not "v2", "S3", "2FA". */
const NUMBER = new RegExp(`(?<![\\p{L}\\p{N}_.,])[-+−]?[$€£¥]?\\d+(?:[.,]\\d+)*(?:\\s?(?:${UNIT}))?(?![\\p{L}\\p{N}])`, 'giu');
const SPELLED_NUMBER = new RegExp(`\\b(?:${NUMBER_WORDS})\\b`, 'i');
const RELATIVE_CHANGE_WORD = new RegExp(`\\b(?:${RELATIVE_WORDS})\\b`, 'i');
const ABSOLUTE_WORD = new RegExp(`\\b(?:${ABSOLUTE_WORDS})\\b`, 'i');

/** Tokens whose digits are not quantities. Each is blanked out (same length) before numbers are counted. */
const NOT_QUANTITY = [
  /\b(?:v|version|release|phase|tier|level|step|stage|wave|part|section|chapter|sprint|milestone|gen|generation|soc|iso|ios|android|windows|python|node|java|layer|series|round|type|class|category|option|objective|goal|kr|o|p|sev|priority|horizon|pillar|theme|bet|initiative|workstream)[\s#-]?\d+(?:\.\d+)*[a-z]?\b/giu,
  /\b\d+\.\d+\.\d+\b/g, // 2.4.0
  /(?<![\p{L}\p{N}_])[@#][\p{L}\p{N}_.-]+/gu, // @owner, #1234
  /\b[A-Z][A-Z0-9]{1,9}-\d+\b/g, // ABC-123
  /\b24\/7\b/g,
  /\b(?:1st|2nd|3rd|\d+th)\b/gi,
];

const CHANGE_VERB_SOURCE = "increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|grow(?:s|n|ing)?|grew|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|improv(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|halv(?:e|es|ed|ing)|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|lower(?:s|ed|ing)?|drop(?:s|ped|ping)?|shrink(?:s|ing)?|shorten(?:s|ed|ing)?|mov(?:e|es|ed|ing)|keep(?:s|ing)?|maintain(?:s|ed|ing)?|hold(?:s|ing)?|sustain(?:s|ed|ing)?|reach(?:es|ed|ing)?|hit(?:s|ting)?|achiev(?:e|es|ed|ing)|accelerat(?:e|es|ed|ing)|expand(?:s|ed|ing)?|driv(?:e|es|ing)|bring(?:s|ing)?|get(?:s|ting)?|speed(?:s|ing)?\\s+up|eliminat(?:e|es|ed|ing)|minimi[sz](?:e|es|ed|ing)|maximi[sz](?:e|es|ed|ing)|convert(?:s|ed|ing)?|retain(?:s|ed|ing)?|activat(?:e|es|ed|ing)|win(?:s|ning)?|save(?:s|d)?|sav(?:ing)|recover(?:s|ed|ing)?|prevent(?:s|ed|ing)?|avoid(?:s|ed|ing)?|lose|losing|stop(?:s|ped|ping)?";
export const CHANGE_VERB = new RegExp(`\\b(?:${CHANGE_VERB_SOURCE})\\b`, 'iu');
/** Holding a level needs no baseline: "Keep uptime at or above 99.95%". */
const MAINTAIN = /\b(?:keep(?:s|ing)?|maintain(?:s|ed|ing)?|sustain(?:s|ed|ing)?|hold(?:s|ing)?|stay(?:s|ing)?|remain(?:s|ing)?|preserv(?:e|es|ing)|protect(?:s|ing)?|no\s+(?:regression|worse)|at\s+or\s+(?:above|below)|sla|slo|of\s+the\s+time|at\s+all\s+times|at\s+any\s+(?:point|time)|or\s+(?:better|less|more|higher|lower|fewer))\b/i;

const VALUE = `(?<![\\p{N}.,])[-+−]?[$€£¥]?\\d+(?:[.,]\\d+)*(?:\\s?(?:${UNIT}))?`;
/** "from 3 to 10", "from 18% → 10%", "3 → 10", "(today 40%)", "baseline: 2.1", "up from 12". */
const BASELINE = new RegExp([
  `\\bfrom\\s+(?:about\\s+|around\\s+|roughly\\s+|~\\s?|an?\\s+(?:estimated\\s+)?)?(?:${VALUE}|${NUMBER_WORDS}|zero)`,
  `(?:${VALUE})\\s*(?:→|->|=>|⟶|➝|➔|⇒)`,
  `\\((?:[^()\\d]{0,30}?|Q[1-4]|H[12]|FY\\s?\\d{2,4}|20\\d{2})\\s*[:=]?\\s*[-+−]?[$€£¥]?\\d`,
  `\\b(?:baseline|currently|current(?:ly)?\\s+(?:at|is)|today|was|were|now\\s+at|up\\s+from|down\\s+from|vs\\.?|versus|compared\\s+(?:to|with)|starting\\s+(?:at|from|point)|last\\s+(?:year|quarter|half|month|period))\\b`,
  `(?<![\\p{L}\\p{N}.,])\\d+(?:[.,]\\d+)*\\s?(?:%|x|×)?\\s?(?:to|[-–—])\\s?\\d+(?:[.,]\\d+)*\\s?(?:%|x|×)`,
].join('|'), 'iu');
/** A relative target carries its own baseline (today's value): "by 20%", "30% more", "2x", "halve", "YoY". */
const RELATIVE_TARGET = new RegExp([
  `\\bby\\s+(?:about\\s+|around\\s+|~\\s?|at\\s+least\\s+)?[-+−]?\\d+(?:[.,]\\d{1,3})?\\s?(?:%|percent|pp|bps|points?|pts?|x|×)`,
  `(?<![\\p{N}.,])\\d+(?:[.,]\\d+)*\\s?(?:%|percent|pp|points?|x|×)\\s+(?:increase|decrease|reduction|growth|lift|improvement|more|fewer|less|higher|lower|faster|slower|cheaper|better|gain|drop|uplift)`,
  `(?<![\\p{L}\\p{N}.])\\d+(?:[.,]\\d+)?\\s?(?:x|×)(?![\\p{L}\\p{N}])`,
  `(?:^|[\\s(])\\+\\s?[$€£¥]?\\d`,
  `\\b(?:${RELATIVE_WORDS}|yoy|qoq|mom|year[\\s-]over[\\s-]year|quarter[\\s-]over[\\s-]quarter|month[\\s-]over[\\s-]month)\\b`,
].join('|'), 'iu');
/** Counting new things starts from zero: "Sign 5 design partners", "Add 200 new paying teams", "Close 10 deals". */
const NEW_COUNT = /\b(?:add(?:s|ed|ing)?|sign(?:s|ed|ing)?|upgrad(?:e|es|ed|ing)|renew(?:s|ed|ing)?|refer(?:s|red|rals?)|win|wins|won|land(?:s|ed)?|clos(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)|recruit(?:s|ed)?|onboard(?:s|ed)?|hir(?:e|es|ed|ing))\b|(?<![\p{N}.,])\d[\d,.]*(?:\s?[km])?\s+(?:new|additional|more)\b|\bnet[\s-]new\b|\b(?:on|to|onto|into|using)\s+the\s+new\b|\blive\s+(?:on|in|with)\b|\bgo(?:es|ing)?\s+live\b/iu;
/**
 * A standard rather than a move, scored by the count itself: "Zero critical findings open longer
 * than 30 days", "Every incident has a postmortem within 5 days", "Reduce P1 bugs older than 30 days to zero".
 */
const STANDARD_TARGET = /^(?:zero|no|0|every|each|all)\s+\p{L}|\bto\s+(?:zero|0)\b(?![.,]\d)/iu;
/** A percentage or number that is an absolute level: "to 60%", "reach 10,000", "NPS of 45", "below 2%". */
const ABSOLUTE_TARGET_LEAD = /\b(?:to|at|of|reach(?:es|ed|ing)?|hit(?:s|ting)?|achiev(?:e|es|ing)|target(?:s|ing)?|goal|above|below|under|over|least|most|than|within|≥|≤|<|>|=)\s*[:=]?\s*(?:about\s+|around\s+|~\s?)?$/i;

/** A verb governed clause that names an outcome: "so that …", "to raise …", "resulting in …". */
const OUTCOME_CLAUSE = new RegExp(`\\b(?:so\\s+that|so\\s+(?:customers|users|teams|admins|merchants|developers|we)|in\\s+order\\s+to|resulting\\s+in|as\\s+measured\\s+by|measured\\s+by|which\\s+(?:should|will)\\s+(?:${CHANGE_VERB_SOURCE})|to\\s+(?:${CHANGE_VERB_SOURCE})|and\\s+(?:${CHANGE_VERB_SOURCE})|(?:raising|increasing|reducing|cutting|lifting|lowering|improving|growing|driving|doubling|halving|boosting|moving))\\b`, 'iu');

/**
 * A change sized by a number, whatever the metric is called: "cut inbound reschedule calls by 40%",
 * "we believe caching can cut it to 15". Verbs that also name work ("get", "move", "bring") are left out.
 */
const QUANTIFIED_CHANGE = /\b(?:increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|grow(?:s|ing)?|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|improv(?:e|es|ed|ing)|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|lower(?:s|ed|ing)?|shrink(?:s|ing)?|shorten(?:s|ed|ing)?|halv(?:e|es|ed|ing))\b(?:\s+[^\s,;:.]{1,30}){0,6}?\s+(?:by|to|under|below|above|over)\s+(?:about\s+|around\s+|~\s?|at\s+least\s+|at\s+most\s+)?[-+−]?[$€£¥]?\d/iu;

const CUSTOMER_SUBJECT = /^(?:the\s+|our\s+|new\s+|all\s+)?(?:\d[\d,]*\s+)?(?:customers?|users?|teams?|accounts?|admins?|merchants?|developers?|members?|people|buyers?|clients?|partners?|sellers?|shoppers?|subscribers?)\b/i;

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Replace text[start, end) by spaces: indices stay valid, later patterns cannot match inside. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + text.slice(end);
}

/** Text with dates, versions, handles, references and ordinal labels blanked out. */
export function scrub(text: string, dates: readonly DateMention[]): string {
  let result = foldTypography(text);
  for (const date of dates) result = blank(result, date.index, date.index + date.length);
  for (const pattern of NOT_QUANTITY) {
    pattern.lastIndex = 0;
    result = result.replace(pattern, (match) => ' '.repeat(match.length));
  }
  return result;
}

/** Every number left in a scrubbed text. */
export function numbersIn(scrubbed: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  NUMBER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = NUMBER.exec(scrubbed)) !== null) found.push(match);
  return found;
}

/** A number, a spelled number or a relative change word ("double", "halve"), or "all"/"zero". */
export function hasQuantity(scrubbed: string): boolean {
  return numbersIn(scrubbed).length > 0 || SPELLED_NUMBER.test(scrubbed) || RELATIVE_CHANGE_WORD.test(scrubbed) || ABSOLUTE_WORD.test(scrubbed);
}

const alternations = new WeakMap<readonly string[], string>();
const alternationsByList = new Map<string, string>();

/** Output verbs with their inflections, as one anchored regex source ("ship" → ship|ships|shipped|shipping). */
export function verbAlternation(verbs: readonly string[]): string {
  // Built once per list (the option's array, else its words): statements are checked one by one.
  let alternation = alternations.get(verbs);
  if (alternation === undefined) {
    const key = verbs.join('\u0001');
    alternation = alternationsByList.get(key);
    if (alternation === undefined) {
      if (alternationsByList.size > 20) alternationsByList.clear();
      alternationsByList.set(key, (alternation = buildVerbAlternation(verbs)));
    }
    alternations.set(verbs, alternation);
  }
  return alternation;
}

function buildVerbAlternation(verbs: readonly string[]): string {
  const forms = new Set<string>();
  const irregular: Record<string, string[]> = {
    build: ['built'], rebuild: ['rebuilt'], write: ['wrote', 'written'], rewrite: ['rewrote', 'rewritten'], hold: ['held'], run: ['ran'],
    go: ['goes', 'went', 'gone'], stand: ['stood'], set: ['set'], put: ['put'],
  };
  for (const raw of verbs) {
    const words = foldTypography(raw.trim().toLowerCase()).split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const [head, ...rest] = words;
    const tail = rest.length ? `\\s+${rest.map(escapeRegex).join('\\s+')}` : '';
    const heads = new Set([head, ...(irregular[head] ?? [])]);
    if (/^[a-z]+$/.test(head)) {
      const stem = head.endsWith('e') ? head.slice(0, -1) : head;
      const doubled = /[^aeiou][aeiou][bdgklmnprt]$/.test(head) && head.length <= 5 ? head + head.slice(-1) : head;
      const consonantY = /[^aeiou]y$/.test(head);
      heads.add(/(?:s|sh|ch|x|o)$/.test(head) ? `${head}es` : consonantY ? `${head.slice(0, -1)}ies` : `${head}s`);
      heads.add(head.endsWith('e') ? `${head}d` : consonantY ? `${head.slice(0, -1)}ied` : `${doubled}ed`);
      heads.add(head.endsWith('e') && !head.endsWith('ee') ? `${stem}ing` : `${doubled}ing`);
    }
    for (const form of heads) forms.add(`${escapeRegex(form)}${tail}`);
  }
  return [...forms].sort((a, b) => b.length - a.length).join('|');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const regexCache = new Map<string, RegExp>();
function cached(key: string, build: () => RegExp): RegExp {
  let regex = regexCache.get(key);
  if (!regex) {
    if (regexCache.size > 100) regexCache.clear();
    regex = build();
    regexCache.set(key, regex);
  }
  return regex;
}

/** Nouns that turn an output verb into a noun modifier: "Design partners", "Release notes", "Build time". */
const COMPOUND_NOUNS = 'partners?|notes|reviews?|docs|documentation|system|systems|debt|quality|candidates|cadence|velocity|process|budget|dates?|trains?|times?|frequency|pipeline|rate|success|health|stability|size';

/** "We will launch", "Launch", "Successfully ship", "To migrate": an output verb governing the line. */
export function outputVerbLead(statement: string, verbs: readonly string[]): RegExpExecArray | null {
  const alternation = verbAlternation(verbs);
  if (!alternation) return null;
  const regex = cached(`lead\u0000${alternation}`, () => new RegExp(
    `^(?:(?:we|i|the\\s+team|team)\\s+(?:will|shall|must|should|plan\\s+to|are\\s+going\\s+to|want\\s+to)\\s+|to\\s+|(?:successfully|fully|finally|first|then|also|re-?)\\s*)?(${alternation})(?![\\p{L}\\p{N}-])(?!\\s+(?:${COMPOUND_NOUNS})\\b)`, 'iu'));
  const match = regex.exec(foldTypography(statement).trimStart().replace(/^[-–—:\s]+/, ''));
  // "Deploys per team per week", "Releases that need no hotfix": with no subject, an -s form opening the line is a plural
  // noun, a metric; followed by an object ("Deploys the runbook") it is still a verb.
  if (match && match[0].length === match[1].length && /s$/i.test(match[1]) && !/\s/.test(match[1])
    && !verbs.some((verb) => verb.trim().toLowerCase() === match[1].toLowerCase())
    && !/^\s+(?:the|a|an|our|their|its|all|every|new|this|these|those|\d)/i.test(match.input.slice(match[0].length))) return null;
  return match;
}

const PASSIVE_OUTPUT = /^((?:[\p{L}\p{N}'’&/-]+\s+){1,6}?)(?:is\s+|are\s+|gets?\s+|has\s+been\s+|have\s+been\s+)?(shipped|launched|released|delivered|completed|implemented|migrated|rolled\s+out|published|deployed|live|generally\s+available|in\s+production)(?![\p{L}\p{N}-])/iu;

/** Customers as the subject ("Merchants go live on day one"): behaviour, which is an outcome. */
const CUSTOMERS_LEAD = /^(?:the\s+|our\s+|new\s+|all\s+|more\s+)?(?:\d[\d,]*\s+)?(?:customers|users|teams|accounts|admins|merchants|developers|members|people|buyers|clients|partners|sellers|shoppers|subscribers)\b/i;

/**
 * A line that moves or names a metric: "Increase story points delivered by 20%", "Median time from
 * request to live", "Share of services deployed …". Its participle qualifies the metric.
 */
const METRIC_LEAD = /^(?:increas(?:e|es)|rais(?:e|es)|grow|grows|lift|lifts|boost|boosts|improv(?:e|es)|doubl(?:e|es)|tripl(?:e|es)|halv(?:e|es)|cut|cuts|reduc(?:e|es)|decreas(?:e|es)|lower|lowers|drop|shrink|shorten|eliminat(?:e|es)|minimi[sz]e|maximi[sz]e|median|mean|average|avg|p\d{2}|share|number|count|percentage|percent|proportion|ratio|rate|time\s+(?:to|from|between)|%\s+of)\b/i;
/** A participle right after one of these is not a predicate: "time from request to live", "bugs found in production". */
const NOT_A_SUBJECT = /^(?:to|from|of|in|into|on|at|for|with|by|before|after|until|per|the|a|an)$/i;

/** "New portal live by Q2", "SSO shipped to all plans": a deliverable stated as done. */
export function outputPassive(statement: string): RegExpExecArray | null {
  const folded = foldTypography(statement).trimStart();
  if (CUSTOMERS_LEAD.test(folded) || METRIC_LEAD.test(folded)) return null;
  const match = PASSIVE_OUTPUT.exec(folded);
  // "Customers launched 200 campaigns" is customer behaviour; "Developer portal live" is a deliverable.
  const head = match?.[1].trim().split(/\s+/).pop() ?? '';
  if (!match || CUSTOMER_SUBJECT.test(head) || NOT_A_SUBJECT.test(head)) return null;
  return match;
}

// ---------------------------------------------------------------------------------------------
// Key-result views.

export interface Columns {
  statement: number;
  objective: number;
  metric: number;
  baseline: number;
  target: number;
  date: number;
  owner: number;
}

const EMPTY_CELL = /^\s*(?:(?:[—–-]+|n\/?a|none|tbd|tbc|\?+|…|\.\.\.)\s*)?$/i;

/** Columns of a key-result table from its header cells; the statement is the first unclaimed column. */
export function columnsOf(header: readonly string[]): Columns {
  const found: Partial<Columns> = {};
  const claimed = new Set<number>();
  const claim = (key: keyof Columns, test: RegExp): void => {
    if (found[key] !== undefined) return;
    const index = header.findIndex((h, i) => !claimed.has(i) && test.test(h));
    if (index >= 0) {
      found[key] = index;
      claimed.add(index);
    }
  };
  claim('date', /\b(?:date|due|deadline|when|by|eta|timeline|timeframe|quarter|half|period)\b/i);
  claim('baseline', /\b(?:baseline|current|currently|today|now|start(?:ing)?|from|before|was)\b/i);
  claim('target', /\b(?:target|to|end|after|goal\s+value)\b/i);
  claim('owner', /\b(?:owner|owners|dri|who|lead|responsible|accountable)\b/i);
  claim('statement', /\b(?:key\s+results?|kr|krs)\b/i);
  claim('statement', /\b(?:results?|outcomes?|success|measures?)\b/i);
  claim('objective', /^\W*(?:objectives?|goals?)\W*$/i);
  claim('metric', /\b(?:metric|metrics|kpi|kpis|indicator|measure|measures)\b/i);
  if (found.statement === undefined) {
    const index = found.metric ?? header.findIndex((_, i) => !claimed.has(i));
    if (index >= 0) found.statement = index;
  }
  return {
    statement: found.statement ?? 0, objective: found.objective ?? -1, metric: found.metric ?? -1, baseline: found.baseline ?? -1,
    target: found.target ?? -1, date: found.date ?? -1, owner: found.owner ?? -1,
  };
}

export interface KeyResultView {
  kr: KeyResult;
  /**
   * A goal rather than a key result: an unlabelled line of a "Goals" or "Objectives" section
   * (Goal = Objective). Goals are judged for outputs and timeframes, not for numbers or baselines.
   */
  isGoal: boolean;
  item: Item;
  /** The statement: label, task box and owner removed; for a row, the key-result cell. */
  statement: string;
  /** The statement as written, inline code included, for messages. */
  display: string;
  /** Source range of the statement's first line, where findings go. */
  start: number;
  end: number;
  /** The statement's block and the index where the statement starts in it (for sub-ranges). */
  block: TextBlock;
  offset: number;
  /** Statement, other cells (owner excluded) and child items: where numbers and dates are looked for. */
  detail: string;
  /** `detail` with dates, versions, handles and labels blanked out. */
  scrubbed: string;
  dates: DateMention[];
  /** For table rows: the cells by column, null when the column is missing or the cell empty. */
  cells: { baseline: string | null; target: string | null; date: string | null; metric: string | null; hasBaselineColumn: boolean; hasDateColumn: boolean } | null;
}

const TASK_BOX = /^\s*\[[ xX]\]\s+/;
const OWNER_TAIL = /(?<!\s)\s*(?:[(\[]\s*(?:(?:owner|owners|dri|lead)\s*)?(?:[:=—–-]\s*)?@[\p{L}\p{N}_.-]+[^)\]]{0,40}[)\]]|[—–-]\s*@[\p{L}\p{N}_.-]+|\s(?:owner|dri)\s*[:=]\s*[^,;]{1,40})\s*$/iu;

function cellText(cells: readonly TextBlock[] | undefined, index: number): string | null {
  if (!cells || index < 0 || index >= cells.length) return null;
  const text = cells[index].text.trim();
  return EMPTY_CELL.test(text) ? null : text;
}

/** Sections of goals, not measures: "Goals", "Our goals", "Objectives", "2027 goals". */
const GOAL_SECTION = /^[^\p{L}]*(?:(?:our|team|company|product|strategic|\d{4}|q[1-4]|h[12])\s+)*(?:goals?|objectives?|aims?|ambitions?)\b(?!\s+and\s+key\s+results)/iu;

function isGoalLine(kr: KeyResult): boolean {
  if (kr.label !== null || kr.objective !== null) return false;
  for (let s = kr.item.section; s; s = s.parent) {
    if (s.roles.includes('metrics')) return GOAL_SECTION.test(s.title);
  }
  return false;
}

/** Read one key result. */
export function viewOf(doc: StrategyDocument, kr: KeyResult): KeyResultView {
  const item = kr.item;
  let block = item.block;
  let statement = item.text;
  let offset = 0;
  const parts: string[] = [];
  let cells: KeyResultView['cells'] = null;

  if (item.kind === 'table-row' && item.cells && item.header) {
    const columns = columnsOf(item.header);
    const index = Math.min(columns.statement, item.cells.length - 1);
    block = item.cells[Math.max(0, index)];
    statement = block.text;
    item.cells.forEach((cell, i) => {
      if (i !== index && i !== columns.owner && i !== columns.objective) parts.push(cell.text);
    });
    cells = {
      baseline: cellText(item.cells, columns.baseline),
      target: cellText(item.cells, columns.target),
      date: cellText(item.cells, columns.date),
      metric: cellText(item.cells, columns.metric),
      hasBaselineColumn: columns.baseline >= 0,
      hasDateColumn: columns.date >= 0,
    };
  }
  const box = TASK_BOX.exec(statement);
  if (box) offset += box[0].length;
  const label = KEY_RESULT_LABEL.exec(statement.slice(offset));
  if (label) offset += label[0].length;
  while (offset < statement.length && /\s/.test(statement[offset])) offset++;
  const own = statement.slice(offset).replace(OWNER_TAIL, '');
  const descendants: string[] = [];
  const visit = (child: Item): void => {
    descendants.push(child.text);
    child.children.forEach(visit);
  };
  item.children.forEach(visit);
  const detail = [own, ...parts, ...descendants].join(' \u2029 ');
  const dates = findDates(detail, doc.dateOptions);
  // The first line, without its line end (\r\n and a lone \r included).
  const lineBreak = own.search(/\r\n|\r|\n/);
  const firstLineEnd = lineBreak >= 0 ? offset + lineBreak : offset + own.length;
  const range = block.sourceRange(offset, Math.max(offset + 1, firstLineEnd));
  return {
    kr, item, isGoal: isGoalLine(kr), statement: own.trim(), display: readable(doc, block, offset, offset + own.length).trim(), start: range.start, end: range.end,
    block, offset, detail, scrubbed: scrub(detail, dates), dates, cells,
  };
}

/** Sections of an update that report numbers ("Metrics", "KPIs"): their lines are results, not targets. */
const REPORT_SECTION = /^[^\p{L}\p{N}]*(?:metrics|kpis?|numbers|by\s+the\s+numbers|dashboard|results|scorecard|financials|health)\b/iu;

/**
 * Key results to judge. In a status or investor update, unlabelled lines of a "Metrics" section
 * report where a number stands; they are not targets, so they are left out.
 */
export function keyResultViews(doc: StrategyDocument): KeyResultView[] {
  return doc.keyResults
    .filter((kr) => !(doc.type === 'update' && kr.label === null && kr.objective === null && inReportSection(kr.item)))
    .map((kr) => viewOf(doc, kr));
}

function inReportSection(item: Item): boolean {
  for (let s = item.section; s; s = s.parent) if (REPORT_SECTION.test(s.title)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Judgements.

/** Outcome metrics named in a text, with their positions. */
export function metricMentions(text: string, metrics: readonly string[]): Array<{ index: number; length: number; text: string }> {
  const generic = /(?<![\p{L}\p{N}-])\p{L}[\p{L}-]{0,30}\s(?:rate|score|ratio|share|time)\b/giu;
  const found = phraseMatcher(metrics).matchAll(text).map((m) => ({ index: m.index, length: m.length, text: m.text }));
  generic.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = generic.exec(text)) !== null) {
    if (/^(?:the|a|an|same|one|first|last|next|this|that|these|those|every|each|real|part|full|on|in|at|over|any|some|no|spare|free|lead|cycle|their|our|your|his|her|its|my|more|less|much|enough|long|short|all|most|what|which|whose|of|for|by|to|per|from|with|spend|spends|spent|save|saves|saved|waste|wastes|wasted|take|takes|took)\s/i.test(match[0])) continue;
    found.push({ index: match.index, length: match[0].length, text: match[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The metric's noun phrase: the mention with up to two modifiers before it ("developer satisfaction"). */
export function metricPhrase(text: string, mention: { index: number; length: number }): string {
  const before = text.slice(0, mention.index).split(/\s+/).filter(Boolean);
  const modifiers: string[] = [];
  for (let i = before.length - 1; i >= 0 && modifiers.length < 2; i--) {
    const word = before[i];
    if (!/^[\p{L}][\p{L}-]*$/u.test(word) || /^(?:the|a|an|our|their|its|of|for|to|and|or|in|on|by|with|from|at|is|are)$/i.test(word) || CHANGE_VERB.test(word)) break;
    modifiers.unshift(word);
  }
  return [...modifiers, text.slice(mention.index, mention.index + mention.length)].join(' ');
}

/** The first target value in a key result, for messages ("60%"). */
export function firstTarget(view: KeyResultView): string | null {
  if (view.cells?.target) return view.cells.target;
  const numbers = numbersIn(view.scrubbed);
  // The number a "to", "reach" or "<" leads to is the target; "within 5 days" and "older than 30 days" only qualify it.
  const led = numbers.find((n) => ABSOLUTE_TARGET_LEAD.test(view.scrubbed.slice(Math.max(0, n.index - 20), n.index)) && !/\b(?:within|(?:older|longer|newer)\s+than)\s*$/i.test(view.scrubbed.slice(Math.max(0, n.index - 16), n.index)));
  const number = led ?? numbers[0];
  return number ? number[0].trim() : null;
}

/**
 * Does the statement name an outcome it moves? A from/to or arrow movement, an outcome clause
 * ("so that", "to raise …") or a named metric that a change verb moves or a number sizes.
 */
export function carriesOutcome(statement: string, scrubbed: string, metrics: readonly string[]): boolean {
  const text = foldTypography(statement);
  if (/\bfrom\s+\S{0,12}?\d\S{0,12}\s+(?:to|→|->)\s/i.test(scrubbed) || /\d\s*(?:%|x)?\s*(?:→|->|⇒)\s*\d/.test(scrubbed)) return true;
  if (QUANTIFIED_CHANGE.test(scrubbed)) return true;
  const mentions = metricMentions(text, metrics);
  const clause = OUTCOME_CLAUSE.exec(text);
  if (clause && (mentions.some((m) => m.index > clause.index) || hasQuantity(scrubbed.slice(clause.index)))) return true;
  for (const mention of mentions) {
    const before = text.slice(Math.max(0, mention.index - 40), mention.index);
    const after = scrubbed.slice(mention.index + mention.length, mention.index + mention.length + 40);
    const beforeScrubbed = scrubbed.slice(Math.max(0, mention.index - 25), mention.index);
    if (CHANGE_VERB.test(before.split(/[,;:()]/).pop() ?? '')) return true;
    if (/^\s*(?:of|at|to|from|above|below|under|over|by|≥|≤|<|>|=|:|\(|—|–|-)?\s*(?:at\s+least\s+|at\s+most\s+|about\s+|~)?[-+−]?[$€£¥]?\d/i.test(after)) return true;
    if (/\d[\d,.]*\s?(?:%|k|m)?\s+(?:[\p{L}-]+\s+){0,2}$/u.test(beforeScrubbed)) return true;
  }
  return false;
}

/**
 * Is the key result only a deliverable? Governed by an output verb (or stated as done: "Portal
 * live"), and no outcome anywhere in it: not in the line, its sub-bullets, nor its table columns
 * (a metric column with a baseline or target makes a "Launch …" row an outcome).
 */
export function isOutputView(view: KeyResultView, verbs: readonly string[], metrics: readonly string[]): boolean {
  if (!view.statement) return false;
  if (!outputVerbLead(view.statement, verbs) && !outputPassive(view.statement)) return false;
  if (view.cells?.metric && (view.cells.target || view.cells.baseline)) return false;
  return !carriesOutcome(view.detail, view.scrubbed, metrics);
}

/** The key result states a target level or count (not only a date). */
export function hasTarget(view: KeyResultView): boolean {
  if (view.cells?.target) return true;
  return numbersIn(view.scrubbed).length > 0 || SPELLED_NUMBER.test(view.scrubbed);
}

/** The key result says where the metric starts: from/to, an arrow, "baseline", "today", a baseline column. */
export function hasBaseline(view: KeyResultView): boolean {
  if (view.cells?.hasBaselineColumn) return view.cells.baseline !== null;
  return BASELINE.test(view.scrubbed.replace(/\u2029/g, ' '));
}

/** A relative or holding target needs no starting value: "by 20%", "2x", "halve", "keep above 99.9%". */
export function isRelativeOrHolding(view: KeyResultView): boolean {
  const text = foldTypography(view.detail);
  if (MAINTAIN.test(text) || NEW_COUNT.test(text) || STANDARD_TARGET.test(view.statement)) return true;
  if (!RELATIVE_TARGET.test(text)) return false;
  // "Grow ARR 30% to $2M" states an absolute level too: that one wants a baseline.
  for (const number of numbersIn(view.scrubbed)) {
    const lead = view.scrubbed.slice(Math.max(0, number.index - 20), number.index);
    if (ABSOLUTE_TARGET_LEAD.test(lead) && !/%|x|×|pp|points?/.test(number[0])) return false;
  }
  return true;
}

/** Where the timeframe of a key result comes from, when it is not on the line itself. */
export interface InheritedTimeframe {
  text: string;
  /** A whole year ("2027") is coarse: siblings with their own dates show the line needs one too. */
  coarse: boolean;
}

const TIMEFRAME_KEYS = ['period', 'quarter', 'half', 'timeframe', 'cycle', 'horizon', 'due', 'deadline', 'target_date', 'targetDate', 'okr_period', 'year'];

/** A date or year in a heading ("Q3 2027 OKRs", "OKRs 2027", "2027 goals"). */
function headingTimeframe(doc: StrategyDocument, title: string): InheritedTimeframe | null {
  const dates = findDates(title, doc.dateOptions);
  if (dates.length > 0) return { text: dates[0].text, coarse: dates.every((d) => d.kind === 'year') };
  const year = yearHeadingOf(title) ?? /(?<![\d.,/-])\b(20\d{2})\b(?![\d.,/%-])/.exec(title);
  if (year) return { text: 'text' in year ? year.text : year[1], coarse: true };
  return null;
}

/** Timeframe a key result inherits: its objective, enclosing headings and their lead-in prose, the title, front matter. */
export function inheritedTimeframe(doc: StrategyDocument, view: KeyResultView): InheritedTimeframe | null {
  const objective = view.kr.objective;
  if (objective && hasTimeframe(objective.text.replace(OBJECTIVE_LABEL, ''), doc.dateOptions)) {
    return { text: objective.text, coarse: findDates(objective.text, doc.dateOptions).every((d) => d.kind === 'year') && findDates(objective.text, doc.dateOptions).length > 0 };
  }
  let best: InheritedTimeframe | null = null;
  const consider = (found: InheritedTimeframe | null): boolean => {
    if (!found) return false;
    if (!found.coarse) {
      best = found;
      return true;
    }
    best ??= found;
    return false;
  };
  for (let s = view.item.section; s; s = s.parent) {
    if (consider(headingTimeframe(doc, s.title))) return best;
    // Lead-in prose above the item in an enclosing section ("By the end of Q2 2027 we will:").
    for (const node of s.ownBlocks) {
      if (node.type !== 'paragraph') continue;
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      if (start >= view.item.start) continue;
      for (const block of doc.blocksIn(start, end)) {
        if (findDates(block.text, doc.dateOptions).length > 0 && consider({ text: block.text, coarse: findDates(block.text, doc.dateOptions).every((d) => d.kind === 'year') })) return best;
      }
    }
  }
  const title = doc.titleText;
  if (title && consider(headingTimeframe(doc, title))) return best;
  for (const key of TIMEFRAME_KEYS) {
    const value = doc.frontMatterValue(key);
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    if (text && (hasTimeframe(text, doc.dateOptions) || /^\s*(?:20\d{2}|\d{4}-\d{2}(?:-\d{2})?)\s*$/.test(text) || /\b(?:Q[1-4]|H[12])\b/i.test(text))) {
      if (consider({ text: `${key}: ${text}`, coarse: /^\s*20\d{2}\s*$/.test(text) })) return best;
    }
  }
  return best;
}

/** Does the key result carry its own timeframe (text, children, or a date column)? */
export function ownTimeframe(doc: StrategyDocument, view: KeyResultView): boolean {
  if (view.cells?.date) return true;
  return view.dates.length > 0 || hasTimeframe(view.detail, doc.dateOptions);
}

/** Text of a block for messages, with each inline-code placeholder replaced by its code ("`--json`"). */
export function readable(doc: StrategyDocument, block: TextBlock, from = 0, to = block.text.length): string {
  const text = block.text.slice(from, to);
  if (!text.includes(CODE_PLACEHOLDER)) return text;
  let result = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== CODE_PLACEHOLDER) {
      result += text[i];
      continue;
    }
    const range = block.sourceRange(from + i, from + i + 1);
    result += doc.text.slice(range.start, range.end);
  }
  return result;
}

/** Shorten a statement for a message: the first ~60 characters, cut at a word. */
export function quote(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max)}…`;
}
