/**
 * How a roadmap item gives its reason or its outcome in words (not a rule: no default export):
 * a purpose after the item's head ("… to improve resource efficiency", "(helps benchmark runs)"),
 * a quality it moves ("reduce client downtime", "increase pod density"), and which mentions of
 * customer words name people rather than software ("Kubernetes operator", "users account").
 */
import type { PhraseMatcher } from '../../text/phrases.js';

/** Verbs that state what an item is for when they follow a purpose marker ("to", "which", "(", ", "). */
const PURPOSE_VERBS = 'improv(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|enabl(?:e|es|ed|ing)|allow(?:s|ed|ing)?|help(?:s|ed|ing)?'
  + '|mak(?:e|es|ing)|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|ensur(?:e|es|ed|ing)|simplif(?:y|ies|ied|ying)|speed(?:s|ing)?\\s+up'
  + '|streamlin(?:e|es|ed|ing)|keep(?:s|ing)?|stay(?:s|ing)?|let(?:s|ting)?|lower(?:s|ed|ing)?|cut(?:s|ting)?|eliminat(?:e|es|ed|ing)'
  + '|minimi[sz](?:e|es|ed|ing)|protect(?:s|ed|ing)?|unblock(?:s|ed|ing)?|solv(?:e|es|ed|ing)|sav(?:e|es|ed|ing)|boost(?:s|ed|ing)?';

/**
 * The why of an item, written after its head: a purpose clause ("to enable …", "which helps …",
 * "(improve compatibility …)", ", enabling …"), a benefit ("for better collaboration", "for
 * reliability purposes", "more efficient", "faster"). The head itself ("Improve documentation")
 * says what, not why: a purpose verb counts only after a marker.
 */
const PURPOSE = new RegExp(
  `\\b(?:to|can|could|will|would|should|which|that|this|it|thus|thereby|in\\s+order\\s+to)\\s+(?:${PURPOSE_VERBS})\\b`
  + `|(?:[,(;—–]|\\s-\\s)\\s?(?:to\\s+)?(?:${PURPOSE_VERBS})\\b`
  + '|\\bfor\\s+(?:better|improved|faster|easier|simpler|safer|greater|higher|lower|reduced)\\b|\\bfor\\s+[\\p{L}-]+\\s+purposes\\b'
  + '|\\bmore\\s+(?:efficient|reliable|stable|secure|performant|scalable|predictable|consistent|flexible|robust|usable|accessible|maintainable|responsive|resilient)\\b'
  + '|\\b(?:faster|easier|simpler|safer|cheaper|quicker)\\b',
  'iu',
);

export function statesPurpose(text: string): boolean {
  return PURPOSE.test(text);
}

/** Qualities an item can raise ("improve performance", "increase pod density"). */
const RAISE = /\b(?:improv(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|rais(?:e|es|ed|ing)|maximi[sz](?:e|es|ed|ing)|enhanc(?:e|es|ed|ing)|optimi[sz](?:e|es|ed|ing)|better|higher|greater)\b(?:\s+[^\s,;:.()]{1,30}){0,4}?\s+(?:performance|efficiency|throughput|speed|reliability|stability|availability|uptime|scalability|density|coverage|utili[sz]ation|responsiveness)\b/iu;
/** Costs an item can lower ("reduce client downtime", "fewer allocations", "less time doing GC"). */
const LOWER = /\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing)|shrink(?:s|ing)?|minimi[sz](?:e|es|ed|ing)|eliminat(?:e|es|ed|ing)|shorten(?:s|ed|ing)?|halv(?:e|es|ed|ing)|less|fewer|lower|smaller)\b(?:\s+[^\s,;:.()]{1,30}){0,4}?\s+(?:overhead|downtime|latency|memory|footprint|costs?|time|errors?|failures?|allocations?|storage|disk|cpu|bandwidth|mttr|wait(?:ing)?|toil|flakiness|usage|consumption|outages?|incidents?|crashes|load\s+time|startup\s+time|build\s+times?|(?:bundle|binary|download|install|image|package)\s+sizes?|bundles|binaries|payloads?)\b/iu;
/** What an item saves: "to save resources", "saves disk space", "saving money". */
const SAVE = /\bsav(?:e|es|ed|ing)\b(?:\s+[^\s,;:.()]{1,30}){0,2}?\s+(?:resources|costs?|money|time|memory|storage|disk(?:\s+space)?|space|cpu|bandwidth|energy|power|effort)\b/iu;
/** A speed-up is an outcome whatever it speeds up: "speed up rendering", "faster deployments", "makes queries more efficient". */
const SPEED = /\bspeed(?:s|ing)?\s+up\b|\b(?:faster|quicker|cheaper)\b|\bmore\s+(?:efficient|performant|responsive|reliable|stable)\b/iu;
/** An item stated as a test it must pass: "meets readiness criteria", "achieve Gateway API conformance". */
const CRITERION = /\b(?:meet(?:s|ing)?|pass(?:es|ing)?|achiev(?:e|es|ing)|reach(?:es|ing)?|satisf(?:y|ies|ying))\b(?:\s+[^\s,;:.()]{1,30}){0,4}?\s+(?:criteria|criterion|conformance|certification|compliance|requirements|slos?|slas?)\b/iu;

/** The item names a quality it should move or a test it should pass, without a number: an outcome in words. */
export function movesQuality(text: string): boolean {
  return RAISE.test(text) || LOWER.test(text) || SAVE.test(text) || SPEED.test(text) || CRITERION.test(text);
}

/** Customer words that, in the singular, usually name software ("Kubernetes operator", "Go client", "service account"). */
const SOFTWARE_NOUN = /^(?:operator|client|manager|host|store|account|member|leader|head|tenant)$/i;
/** A customer word used to name a thing ("users account", "user interface", "client certificates"). */
const THING_AFTER = /^[\s-]{1,3}(?:accounts?|interfaces?|namespaces?|ids?|modes?|librar(?:y|ies)|sdks?|apis?|certificates?|tokens?|objects?|records?|tables?|agents?|spaces?|sessions?)\b/i;
/** People named after such a singular: "store owners", "account managers". */
const PERSON_AFTER = /^[\s-]{1,3}(?:owners?|admins?|administrators?|managers?|staff|employees|teams?|operators?|users?|customers?|workers?|holders?)\b/i;
/** Words before such a singular that make it a person: "the operator", "each member". */
const DETERMINER = /^(?:a|an|the|each|every|any|all|our|your|their|its|new|existing|enterprise|human|end)$/i;

/**
 * Does the text name a customer? Customer words count as nouns (a plural is fine; "storing" or
 * "hosted" is a verb), not as the name of a thing ("users account", "user namespaces"); the
 * singulars that usually name software count only after a determiner ("the operator", not
 * "Vitess operator" or "HTTP client").
 */
export function namesCustomer(matcher: PhraseMatcher, text: string): boolean {
  return matcher.matchAll(text).some((match) => {
    const word = match.text.toLowerCase().replace(/[\s-]+/g, ' ');
    const phrase = match.phrase.toLowerCase().replace(/[\s-]+/g, ' ');
    if (word !== phrase && word !== `${phrase}s` && word !== `${phrase}es` && !(phrase.endsWith('y') && word === `${phrase.slice(0, -1)}ies`)) return false;
    const after = text.slice(match.index + match.length);
    if (THING_AFTER.test(after)) return false;
    if (SOFTWARE_NOUN.test(word) && !PERSON_AFTER.test(after)) {
      const before = text.slice(Math.max(0, match.index - 40), match.index).trimEnd().split(/\s+/).pop() ?? '';
      if (!DETERMINER.test(before)) return false;
    }
    return true;
  });
}
