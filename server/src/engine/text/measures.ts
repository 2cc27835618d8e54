/**
 * The vocabulary and text judgements of key results, goals and plan items: numbers and what is
 * not a number, change verbs, baselines, relative and holding targets, the metrics an outcome
 * moves, and the deliverables that are not outcomes (an output verb or a compound of verbs, a
 * nominalised deliverable, a new or updated artefact, a passive "… shipped"). Pure functions of
 * text: the model's key-result reading (model/key-results.ts) assembles them into one reading
 * per key result, and the roadmap rules ask the same questions of plan items.
 *
 * Numbers are counted after dates, versions, handles, ticket references and ordinal labels
 * ("Phase 2", "P1", "SOC 2") are blanked out, so "Launch v2 in Q3 2027" carries no quantity.
 * Every regex is a flat alternation or a bounded repetition, and word sequences (compound verbs,
 * noun phrases) are read word by word: linear on any input.
 */
import type { DateMention } from '../model/dates.js';
import { escapeRegex, foldTypography, phraseMatcher } from './phrases.js';
import { languageMeasures } from '../model/languages/index.js';
import { COMPOUND_NOUNS } from './deliverables.js';

export { DEFAULT_ARTIFACTS, DEFAULT_DELIVERABLE_NOUNS, compoundOutputLead, deliverableNounLead } from './deliverables.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary defaults (each rule exposes the lists it uses as options).

/** Verbs that name a deliverable rather than a result (RULES.md: outcomes/output-as-outcome). */
export const DEFAULT_OUTPUT_VERBS: readonly string[] = [
  'ship', 'launch', 'release', 'build', 'deliver', 'implement', 'migrate', 'complete', 'finish', 'create', 'roll out',
  'publish', 'hire', 'deploy', 'develop', 'design', 'introduce', 'add', 'integrate', 'set up', 'stand up', 'rebuild',
  'redesign', 'refactor', 'rewrite', 'upgrade', 'document', 'write', 'draft', 'finalize', 'finalise', 'go live', 'deprecate',
  'sunset', 'retire', 'decommission', 'replace', 'consolidate',
  'kick off', 'hold', 'host', 'conduct', 'organize', 'organise', 'run a', 'run an', 'run the',
  'merge', 'stabilize', 'stabilise', 'communicate', 'announce',
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

// ---------------------------------------------------------------------------------------------
// Patterns.

const NUMBER_WORDS = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen';
const RELATIVE_WORDS = 'double|doubles|doubled|doubling|triple|triples|tripled|tripling|halve|halves|halved|halving|twice|in\\s+half|by\\s+half';
const ABSOLUTE_WORDS = 'zero|all|every|none|no\\s+more\\s+than|at\\s+least|at\\s+most';
const UNIT = '%|percent|pp|bps|x|×|k|m|mm|bn|b|[kmgt]i?b|[kmg]bps|ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|points?|pts?';

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
  /(?<![$€£¥\p{N}.,])\b20[1-3]\d\b(?![.,]\d|\s?(?:%|k\b|m\b))/gu, // a year: "Rust 2024", "the 2027 plan"
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
  `\\((?:[^()\\d,;]{0,30}?|Q[1-4]|H[12]|FY\\s?\\d{2,4}|20\\d{2})\\s*[:=]?\\s*[-+−]?[$€£¥]?\\d`,
  `\\b(?:baseline|currently|current(?:ly)?\\s+(?:at|is)|today|was|were|now\\s+at|up\\s+from|down\\s+from|vs\\.?|versus|compared\\s+(?:to|with)|starting\\s+(?:at|from|point)|last\\s+(?:year|quarter|half|month|period))\\b`,
  `(?<![\\p{L}\\p{N}.,])\\d+(?:[.,]\\d+)*\\s?(?:%|x|×)?\\s?(?:to|[-–—])\\s?\\d+(?:[.,]\\d+)*\\s?(?:%|x|×)`,
].join('|'), 'iu');
/** A relative target carries its own baseline (today's value): "by 20%", "down 30%", "30% more", "2x", "halve", "YoY". */
const RELATIVE_TARGET = new RegExp([
  `\\bby\\s+(?:about\\s+|around\\s+|~\\s?|at\\s+least\\s+)?[-+−]?\\d+(?:[.,]\\d{1,3})?\\s?(?:%|percent|pp|bps|points?|pts?|x|×)`,
  `\\b(?:up|down)\\s+(?:by\\s+)?(?:about\\s+|around\\s+|~\\s?)?[-+−]?\\d+(?:[.,]\\d{1,3})?\\s?(?:%|percent|pp|bps|points?|pts?|x|×)`,
  `(?<![\\p{N}.,])\\d+(?:[.,]\\d+)*\\s?(?:%|percent|pp|points?|x|×)\\s+(?:increase|decrease|reduction|growth|lift|improvement|more|fewer|less|higher|lower|faster|slower|cheaper|better|gain|drop|uplift)`,
  `(?<![\\p{L}\\p{N}.])\\d+(?:[.,]\\d+)?\\s?(?:x|×)(?![\\p{L}\\p{N}])`,
  `(?:^|[\\s(])\\+\\s?[$€£¥]?\\d`,
  `\\b(?:${RELATIVE_WORDS}|yoy|qoq|mom|year[\\s-]over[\\s-]year|quarter[\\s-]over[\\s-]quarter|month[\\s-]over[\\s-]month)\\b`,
].join('|'), 'iu');
/** Counting new things starts from zero: "Sign 5 design partners", "Add 200 new paying teams", "Close 10 deals". */
const NEW_COUNT = /\b(?:add(?:s|ed|ing)?|sign(?:s|ed|ing)?|upgrad(?:e|es|ed|ing)|renew(?:s|ed|ing)?|win|wins|won|land(?:s|ed)?|clos(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)|recruit(?:s|ed)?|onboard(?:s|ed)?|hir(?:e|es|ed|ing))(?:\s+(?:back|up|on|at\s+least|another|over|about|around|our\s+first|the\s+first|an?\s+further|an?\s+additional))?\s+(?:~\s?)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|a\s+hundred|a\s+dozen)\b)|\brefer(?:s|red|rals?)\b|(?<![\p{N}.,])\d[\d,.]*(?:\s?[km])?\s+(?:new|additional|more)\b|\bnet[\s-]new\b|\b(?:on|to|onto|into|using)\s+the\s+new\b|\blive\s+(?:on|in|with)\b|\bgo(?:es|ing)?\s+live\b/iu;
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
function numbersIn(scrubbed: string): RegExpExecArray[] {
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
    // "Set up", "set-up", "roll-out": a phrasal verb is written with a space or a hyphen.
    const tail = rest.length ? `[\\s-]+${rest.map(escapeRegex).join('[\\s-]+')}` : '';
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

/**
 * The people who do a project's work, as the subject of its plan: "Each technical writer will…",
 * "The maintainers will…". Not its customers or users: what they will do is behaviour, an outcome.
 */
const WORKERS = '(?:(?:each|every|the|our|a|one|two|three|all)\\s+)?(?:technical\\s+|tech\\s+)?(?:writers?|contractors?|interns?|mentors?|volunteers?|maintainers?|engineers?|staff|project|committee|working\\s+group)';

/** "We will launch", "Each writer will create", "Launch", "Successfully ship", "To migrate": an output verb governing the line. */
export function outputVerbLead(statement: string, verbs: readonly string[]): RegExpExecArray | null {
  const alternation = verbAlternation(verbs);
  if (!alternation) return null;
  const regex = cached(`lead\u0000${alternation}`, () => new RegExp(
    `^(?:(?:we|i|the\\s+team|team|${WORKERS})\\s+(?:will|shall|must|should|plan\\s+to|are\\s+going\\s+to|is\\s+going\\s+to|want\\s+to)\\s+|to\\s+|(?:continue|keep\\s+on|start|begin)\\s+to\\s+|(?:successfully|fully|finally|first|then|also|re-?)\\s*)?(${alternation})(?![\\p{L}\\p{N}-])(?!\\s+(?:${COMPOUND_NOUNS})\\b)`, 'iu'));
  const match = regex.exec(foldTypography(statement).trimStart().replace(/^[-–—:\s]+/, ''));
  // "Deploys per team per week", "Releases that need no hotfix": with no subject, an -s form opening the line is a plural
  // noun, a metric; followed by an object ("Deploys the runbook") it is still a verb.
  if (match && match[0].length === match[1].length && /s$/i.test(match[1]) && !/\s/.test(match[1])
    && !verbs.some((verb) => verb.trim().toLowerCase() === match[1].toLowerCase())
    && !/^\s+(?:(?:the|a|an|our|their|its|all|every|new|this|these|those)\b|\d)/i.test(match.input.slice(match[0].length))) return null;
  // "Integrated and observable.", "Automated, fast": a participle with no object describes a quality.
  if (match && /(?:ed|[^aeiou]t)$/i.test(match[1]) && !verbs.some((verb) => verb.trim().toLowerCase() === match[1].toLowerCase())
    && /^\s*(?:and\s+[\p{L}-]+(?:ble|ful|ive|ous|able|ible|ent|ant|al|ic|y)\b|[,.;:]|$)/iu.test(match.input.slice(match[0].length))) return null;
  return match;
}

const PASSIVE_OUTPUT = /^((?:[\p{L}\p{N}'’&/.-]+\s+){1,6}?)(?:is\s+|are\s+|gets?\s+|has\s+been\s+|have\s+been\s+)?(shipped|launched|released|delivered|completed|implemented|migrated|rolled\s+out|published|deployed|provisioned|merged|live|generally\s+available|in\s+production)(?![\p{L}\p{N}-])/iu;

/** Customers as the subject ("Merchants go live on day one"): behaviour, which is an outcome. */
const CUSTOMERS_LEAD = /^(?:the\s+|our\s+|new\s+|all\s+|more\s+)?(?:\d[\d,]*\s+)?(?:customers|users|teams|accounts|admins|merchants|developers|members|people|buyers|clients|partners|sellers|shoppers|subscribers)\b/i;

/**
 * A line that moves or names a metric: "Increase story points delivered by 20%", "Median time from
 * request to live", "Share of services deployed …". Its participle qualifies the metric.
 */
const METRIC_LEAD = /^(?:increas(?:e|es)|rais(?:e|es)|grow|grows|lift|lifts|boost|boosts|improv(?:e|es)|doubl(?:e|es)|tripl(?:e|es)|halv(?:e|es)|cut|cuts|reduc(?:e|es)|decreas(?:e|es)|lower|lowers|drop|shrink|shorten|eliminat(?:e|es)|minimi[sz]e|maximi[sz]e|median|mean|average|avg|p\d{2}|share|number|count|percentage|percent|proportion|ratio|rate|time\s+(?:to|from|between)|%\s+of)\b/i;
/** A participle right after one of these is not a predicate: "time from request to live", "bugs found in production". */
const NOT_A_SUBJECT = /^(?:to|from|of|in|into|on|at|for|with|by|before|after|until|per|the|a|an)$/i;

/**
 * Work stated as done with its auxiliary, when no number sizes it: "The app is audited", "The
 * architecture is detailed in a document", "Monitoring is in place", "The project ships a release".
 */
const PASSIVE_WORK = /^((?:[\p{L}\p{N}'’&/.-]+\s+){1,6}?)(?:(?:is|are|gets?|has\s+been|have\s+been)\s+(audited|documented|stabili[sz]ed|finished|landed|in\s+place|enabled\s+by\s+default|built|rebuilt|set\s+up|written|(?:detailed|described|written\s+up|captured|outlined|specified)\s+in\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:document|doc|page|post|blog\s+post|rfc|spec|guide|wiki))|(ships|launches|releases|delivers|publishes|deploys)(?=\s+(?:an?|the|its|their|our|v?\d)\b))(?![\p{L}\p{N}-])/iu;

/** "New portal live by Q2", "SSO shipped to all plans": a deliverable stated as done. */
export function outputPassive(statement: string): RegExpExecArray | null {
  const folded = foldTypography(statement).trimStart();
  if (CUSTOMERS_LEAD.test(folded) || METRIC_LEAD.test(folded)) return null;
  let match = PASSIVE_OUTPUT.exec(folded);
  if (!match && !/\d/.test(folded)) {
    const work = PASSIVE_WORK.exec(folded);
    // Group 2 holds the words of the done state, as in PASSIVE_OUTPUT.
    if (work) {
      match = work;
      match[2] = work[2] ?? work[3];
    }
  }
  // "Customers launched 200 campaigns" is customer behaviour; "Developer portal live" is a deliverable.
  const head = match?.[1].trim().split(/\s+/).pop() ?? '';
  if (!match || CUSTOMER_SUBJECT.test(head) || NOT_A_SUBJECT.test(head)) return null;
  return match;
}

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

/** The text states a target level or count (not only a date). */
export function statesTarget(scrubbed: string): boolean {
  return numbersIn(scrubbed).length > 0 || SPELLED_NUMBER.test(scrubbed);
}

/** The first target value in a scrubbed text, for messages ("60%"). */
export function firstTarget(scrubbed: string): string | null {
  const numbers = numbersIn(scrubbed);
  // The number a "to", "reach" or "<" leads to is the target; "within 5 days" and "older than 30 days" only qualify it.
  const led = numbers.find((n) => ABSOLUTE_TARGET_LEAD.test(scrubbed.slice(Math.max(0, n.index - 20), n.index)) && !/\b(?:within|(?:older|longer|newer)\s+than)\s*$/i.test(scrubbed.slice(Math.max(0, n.index - 16), n.index)));
  const number = led ?? numbers[0];
  return number ? number[0].trim() : null;
}

/** The text says where the metric starts: from/to, an arrow, "baseline", "today", "(Q1: 40%)"; in another language also its words ("von 41 % auf 60 %", "derzeit"). */
export function statesBaseline(scrubbed: string, language?: string): boolean {
  const text = scrubbed.replace(/\u2029/g, ' ');
  return BASELINE.test(text) || (languageMeasures(language).baseline?.test(text) ?? false);
}

/**
 * A relative or holding target needs no starting value: "by 20%", "2x", "halve", "keep above
 * 99.9%", a count of new things ("sign 5 design partners") or a standard ("zero P1 bugs older than 30 days").
 */
export function isRelativeOrHolding(detail: string, statement: string, scrubbed: string, language?: string): boolean {
  const text = foldTypography(detail);
  if (MAINTAIN.test(text) || NEW_COUNT.test(text) || STANDARD_TARGET.test(statement)) return true;
  if (languageMeasures(language).relative?.test(text)) return true;
  if (!RELATIVE_TARGET.test(text)) return false;
  // "Grow ARR 30% to $2M" states an absolute level too: that one wants a baseline.
  for (const number of numbersIn(scrubbed)) {
    const lead = scrubbed.slice(Math.max(0, number.index - 20), number.index);
    if (ABSOLUTE_TARGET_LEAD.test(lead) && !/%|x|×|pp|points?/.test(number[0])) return false;
  }
  return true;
}

/** A line a change verb opens: "Improve onboarding", "Reduce churn" (moving something, even without a number). */
export function changeVerbLead(statement: string): boolean {
  return METRIC_LEAD.test(foldTypography(statement).trimStart());
}

/** Customers as the subject: "Merchants go live on day one", "Teams adopt the new API". */
export function customersLead(statement: string): boolean {
  return CUSTOMERS_LEAD.test(foldTypography(statement).trimStart());
}

/** A statement shortened for a message: the first ~60 characters, cut at a word (no quotation marks). */
export function shortened(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max)}…`;
}
