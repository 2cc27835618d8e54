/**
 * Deliverables that are not written with an output verb: compounds ("Design and build the
 * portal"), nominalisations ("Implementation of SSO"), new artefacts ("A new onboarding guide"),
 * milestones ("Reach MVP"). Read by the key-result reading and the outcomes rules.
 */
import { foldTypography } from './phrases.js';

/** Nouns that turn an output verb into a noun modifier: "Design partners", "Release notes", "Build time". */
export const COMPOUND_NOUNS = 'partners?|notes|reviews?|docs|documentation|system|systems|debt|quality|candidates|cadence|velocity|process|budget|dates?|trains?|times?|frequency|pipeline|rate|success|health|stability|size';

/**
 * Verbs of work that open a compound whose later verb is an output verb: "Identify and deliver",
 * "Plan and implement", "Research, design and build". Alone they make no deliverable (a compound
 * is an output only when one of its verbs is in the output-verb list).
 */
const WORK_VERBS = new Set([
  'plan', 'identify', 'define', 'scope', 'research', 'investigate', 'explore', 'prototype', 'evaluate', 'assess', 'analyse',
  'analyze', 'spec', 'specify', 'test', 'pilot', 'validate', 'review', 'audit', 'prepare', 'propose', 'agree', 'select',
  'choose', 'pick', 'prioritize', 'prioritise', 'map', 'outline', 'discover', 'source', 'procure', 'negotiate', 'fund',
  'staff', 'coordinate', 'own', 'drive', 'lead', 'support', 'maintain', 'iterate', 'refine', 'finalize', 'finalise',
]);
/** Words that join the verbs of a compound. */
const COMPOUND_JOINS = new Set([',', 'and', '&', 'then', 'or', '+', '/']);
/** A subject or adverb before the line's verb: "We will", "To", "Successfully". */
const LEAD_PREFIX = /^(?:(?:we|i|the\s+team|team)\s+(?:will|shall|must|should|plan\s+to|are\s+going\s+to|want\s+to)\s+|to\s+|(?:successfully|fully|finally|first|then|also|jointly)\s+)/i;
const COMPOUND_NOUN_WORD = new RegExp(`^(?:${COMPOUND_NOUNS})$`, 'i');
/** Words, numbers and the commas and ampersands between them, read from the start of a line. */
const LEAD_TOKEN = /[\p{L}][\p{L}'-]*|\p{N}[\p{N}.,%]*|[,&+/]/gu;

function leadTokens(statement: string, max: number): Array<{ word: string; index: number }> {
  const text = foldTypography(statement).trimStart().replace(/^[-:\s]+/, '');
  const prefix = LEAD_PREFIX.exec(text);
  const from = prefix ? prefix[0].length : 0;
  const tokens: Array<{ word: string; index: number }> = [];
  LEAD_TOKEN.lastIndex = from;
  let end = from;
  let match: RegExpExecArray | null;
  while (tokens.length < max && (match = LEAD_TOKEN.exec(text)) !== null) {
    // A sentence break between two tokens ends the lead.
    if (/[.;:!?()]/.test(text.slice(end, match.index))) break;
    tokens.push({ word: match[0].toLowerCase(), index: match.index });
    end = match.index + match[0].length;
  }
  return tokens;
}

/** Base forms of the output verbs, one- and two-word ("roll out"), lower-cased. */
const baseForms = new WeakMap<readonly string[], Set<string>>();
function baseFormsOf(verbs: readonly string[]): Set<string> {
  let forms = baseForms.get(verbs);
  if (!forms) {
    forms = new Set(verbs.map((verb) => foldTypography(verb.trim().toLowerCase()).replace(/\s+/g, ' ')).filter(Boolean));
    baseForms.set(verbs, forms);
  }
  return forms;
}

/**
 * A compound of verbs opening the line where a later verb is an output verb: "Identify and deliver
 * three quick wins", "Plan and implement the retention policy", "Scope, build and launch …". The
 * first verb is a verb of work (or an output verb); returns the output verb, or null.
 */
export function compoundOutputLead(statement: string, verbs: readonly string[]): string | null {
  const outputs = baseFormsOf(verbs);
  const tokens = leadTokens(statement, 12);
  const verbAt = (i: number): { verb: string; next: number } | null => {
    const two = i + 1 < tokens.length ? `${tokens[i].word} ${tokens[i + 1].word}` : '';
    if (two && outputs.has(two)) return { verb: two, next: i + 2 };
    const one = tokens[i]?.word;
    if (one && (outputs.has(one) || WORK_VERBS.has(one))) return { verb: one, next: i + 1 };
    return null;
  };
  const first = verbAt(0);
  if (!first) return null;
  let i = first.next;
  for (let verbs = 1; verbs < 4; verbs++) {
    // One or two joining tokens: ",", "and", ", and", "and then".
    const gap = i;
    while (i < tokens.length && i - gap < 2 && COMPOUND_JOINS.has(tokens[i].word)) i++;
    if (i === gap) return null;
    const next = verbAt(i);
    if (!next) return null;
    // "Plan and release notes", "Identify and build quality": the verb is a noun modifier there.
    const after = tokens[next.next]?.word;
    if (outputs.has(next.verb) && !(after && COMPOUND_NOUN_WORD.test(after))) return next.verb;
    i = next.next;
  }
  return null;
}

/** Nouns of delivered work, when they open a line and take an object: "Implementation of …", "Migration to …". */
export const DEFAULT_DELIVERABLE_NOUNS: readonly string[] = [
  'implementation', 'delivery', 'launch', 'release', 'rollout', 'roll-out', 'migration', 'completion', 'creation',
  'development', 'introduction', 'deployment', 'publication', 'integration', 'documentation', 'support', 'redesign',
  'rebuild', 'rewrite', 'refactor', 'refactoring', 'upgrade', 'replacement', 'consolidation', 'deprecation', 'retirement',
  'decommissioning', 'setup', 'set-up', 'build-out', 'buildout', 'construction', 'design', 'finalization', 'finalisation',
  'stabilization', 'stabilisation', 'hiring', 'kickoff', 'kick-off', 'automation', 'modernization',
  'modernisation', 'overhaul', 'revamp', 'translation', 'localization', 'localisation',
];
/** Things that get made, when a line opens with "A new …" or "An updated …": "An updated handbook page". */
export const DEFAULT_ARTIFACTS: readonly string[] = [
  'page', 'pages', 'guide', 'guides', 'dashboard', 'dashboards', 'tool', 'tools', 'tooling', 'portal', 'site', 'website',
  'app', 'application', 'feature', 'features', 'playbook', 'handbook', 'runbook', 'template', 'templates', 'checklist',
  'faq', 'tutorial', 'tutorials', 'course', 'report', 'api', 'sdk', 'cli', 'plugin', 'extension', 'library', 'docs',
  'documentation', 'version', 'ui', 'flow', 'workflow', 'process', 'policy', 'program', 'programme', 'training', 'video',
  'videos', 'post', 'article', 'newsletter', 'integration', 'service', 'pipeline', 'framework', 'roadmap', 'strategy',
  'plan', 'model', 'system', 'platform', 'module', 'component', 'design', 'spec', 'specification', 'rfc', 'proposal',
];
/** A subject that will bring a deliverable: "The next release will bring …", "X will add …". */
const WILL_BRING = /^(?:[\p{L}\p{N}'’-]+\s+){1,4}(will\s+(?:bring|add|provide|offer|introduce|include|deliver))\s+/iu;
/** A delivery milestone, reached or named: "Achieve MVP", "Feature complete status for …", "Reach feature parity". */
const MILESTONE_LEAD = /^(?:(?:achieve|reach|hit|get\s+to|attain)\s+(?:an?\s+|the\s+|our\s+)?)?(?:mvp|minimum\s+viable\s+product|feature[\s-]complete(?:ness)?|code[\s-]complete|feature\s+parity|general\s+availability)(?![\p{L}\p{N}-])/iu;
/** A change joined to a made thing: "… and improved", "… and faster". */
const CHANGE_AFTER_AND = /^(?:improved|better|faster|easier|simpler|smoother|increased|reduced|higher|lower|fewer|more|less)$/;
/** Prepositions that give a nominalised deliverable its object: "Implementation of", "Migration to", "Support for". */
const DELIVERABLE_OBJECT = new Set(['of', 'for', 'to', 'with', 'across', 'into', 'onto', 'on']);
/** Words before a nominalised deliverable that keep it one: "The full implementation of", "A complete rewrite of". */
const DELIVERABLE_MODIFIERS = new Set(['the', 'a', 'an', 'our', 'full', 'complete', 'initial', 'first', 'successful', 'phased', 'gradual', 'public', 'general', 'end-to-end', 'company-wide', 'final']);
/** Adjectives of a made thing: "A new …", "An updated …", "A revised …". */
const NEW_ARTIFACT = new Set(['new', 'updated', 'revised', 'refreshed', 'revamped', 'redesigned', 'rewritten', 'improved', 'reworked', 'dedicated', 'first']);
/** Words that end a noun phrase: a made thing must end its phrase ("A new dashboard for admins", not "New dashboard adoption"). */
const PHRASE_END = new Set([
  'for', 'on', 'about', 'in', 'with', 'that', 'which', 'covering', 'explaining', 'describing', 'to', 'by', 'and', 'or',
  'at', 'from', 'of', 'so', 'where', 'who', 'across', 'per', 'published', 'shipped', 'live', 'launched', 'released',
  'available', 'ready', 'done', 'complete', 'completed', 'delivered', 'is', 'are',
]);
/** People a nominalised deliverable can be for: "Support for enterprise customers" is not a deliverable. */
const PEOPLE = new Set(['customers', 'customer', 'users', 'user', 'teams', 'team', 'accounts', 'account', 'admins', 'developers', 'members', 'people',
  'buyers', 'clients', 'partners', 'sellers', 'shoppers', 'subscribers', 'merchants', 'employees', 'staff', 'engineers', 'students', 'patients']);
/** Words that cannot sit inside a noun phrase before its head. */
const NOT_A_MODIFIER = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'to', 'for', 'with', 'by', 'and', 'or', 'that', 'which', 'is', 'are', 'from', 'at', 'per', 'than', 'as', 'will', 'can']);

const wordSets = new WeakMap<readonly string[], Set<string>>();
function wordSet(words: readonly string[]): Set<string> {
  let set = wordSets.get(words);
  if (!set) {
    set = new Set(words.map((word) => foldTypography(word.trim().toLowerCase())).filter(Boolean));
    wordSets.set(words, set);
  }
  return set;
}

/**
 * A deliverable named as a noun opening the line: a nominalised verb with its object
 * ("Implementation of the MVP for …", "Migration to Kubernetes", "Support for SAML"), or a new or
 * updated artefact ("An updated handbook page", "A new onboarding guide for admins"). Returns the
 * words that name it, or null. "Implementation time under 2 days", "Support tickets down 30%" and
 * "New dashboard adoption at 40%" are not deliverables: the noun does not take an object or end its phrase.
 */
export function deliverableNounLead(statement: string, nouns: readonly string[], artifacts: readonly string[]): string | null {
  const folded = foldTypography(statement).trimStart();
  const milestone = MILESTONE_LEAD.exec(folded);
  if (milestone) return milestone[0].replace(/\s+/g, ' ').toLowerCase();
  // "External asset costs will bring support for …": the thing named will deliver a deliverable.
  const bringer = WILL_BRING.exec(folded);
  if (bringer) {
    const rest = deliverableNounLead(folded.slice(bringer[0].length), nouns, artifacts);
    return rest ? `${bringer[1].toLowerCase().replace(/\s+/g, ' ')} ${rest}` : null;
  }
  const tokens = leadTokens(statement, 10).filter((t) => t.word !== ',');
  if (tokens.length < 2) return null;
  const nounSet = wordSet(nouns);
  let i = 0;
  while (i < tokens.length - 1 && i < 3 && DELIVERABLE_MODIFIERS.has(tokens[i].word) && !nounSet.has(tokens[i].word)) i++;
  if (nounSet.has(tokens[i].word) && DELIVERABLE_OBJECT.has(tokens[i + 1]?.word ?? '')) {
    // "Support for enterprise customers", "Migration of 200 accounts": work for people, or a count of them, is not one deliverable.
    if (tokens.slice(i + 2, i + 5).some((t) => PEOPLE.has(t.word))) return null;
    return tokens.slice(0, i + 2).map((t) => t.word).join(' ');
  }
  // "A new …", "An updated …", "New …": a made thing within the next five words, ending its phrase.
  let j = /^(?:a|an|the|our)$/.test(tokens[0].word) ? 1 : 0;
  if (!NEW_ARTIFACT.has(tokens[j]?.word ?? '')) return null;
  j++;
  const artifactSet = wordSet(artifacts);
  for (let k = j; k < Math.min(tokens.length, j + 5); k++) {
    const word = tokens[k].word;
    if (NOT_A_MODIFIER.has(word) || /^\p{N}/u.test(word)) return null;
    const next = tokens[k + 1]?.word;
    // "A revamped API and improved developer experience" joins a change to the thing made: not only a deliverable.
    if (next === 'and' && CHANGE_AFTER_AND.test(tokens[k + 2]?.word ?? '')) return null;
    if (artifactSet.has(word) && (next === undefined || PHRASE_END.has(next))) return tokens.slice(0, k + 1).map((t) => t.word).join(' ');
  }
  return null;
}
