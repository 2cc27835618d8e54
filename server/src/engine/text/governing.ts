/**
 * Governing thoughts (Minto): the sentences, labels and titles that state an answer — a
 * recommendation, a decision, an ask, a plan or a status. The pyramid rules look for them in a
 * document's opening; the kernel rules take a decision doc's lead that states one as its policy.
 */
import { phraseMatcher } from './phrases.js';

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
  'we launched', 'it is time to', "it's time to",
];

/** A labelled line that states the answer or the status: "Status: green", "**Decision:** …", "TL;DR —". */
const ANSWER_LABEL = /(?:^|\n)[ \t]*(?:(?:\*\*|__)[ \t]*)?(?:status|decision|recommendation|the ask|ask|bottom line|tl;?dr|bluf|headline|answer|summary|in short)(?:[ \t]*(?:\*\*|__))?[ \t]*[:—–-]/i;

/**
 * A title that is itself the decision: "Use Postgres for events", "ADR-12: Sunset the v1 API",
 * "Launch the partner directory". Verbs that are also nouns ("Launch plan", "Support strategy")
 * count only before a determiner, a number or a gerund; no title that names a kind of document
 * ("… strategy", "… plan", "… vs …") or asks a question counts.
 */
// Proposal series number their documents too: "KEP-4706: …", "OTEP 227: …", "PEP 8: …".
const TITLE_PREFIX = /^\W*(?:(?:adr|rfc|kep|otep|rfd|pep|jep|sep|mep|decision|proposal)(?:[\s#-]*\d+)?[ \t]*[:.—–-][ \t]*)?/i;
const CLEAR_VERB = /^(?:use|adopt|migrate|replace|sunset|deprecate|remove|drop|consolidate|introduce|retire|rename|standardi[sz]e|choose|prefer|require|allow|enable|disable|raise|lower|increase|reduce|invest|centrali[sz]e|outsource|rewrite|rebuild|freeze|defer|accept|reject|prioriti[sz]e|acquire|unbundle|bundle|switch|move|keep|split|merge|add|buy|demote|promote|stabili[sz]e|unify|separate|forbid|mandate|recommend)\s+\S/i;
const NOUN_VERB = /^(?:support|price|charge|focus|partner|open|close|start|stop|cut|launch|ship|build|hire|exit|enter|delay|pause|limit|sell|invest)\s+(?:the|a|an|our|all|every|each|this|these|those|its|their|one|two|three|four|five|\d+|on|to|from|into|\p{L}+ing)\b/iu;
const DOCUMENT_NOUN = /\b(?:strategy|strategies|plan|planning|update|review|roadmap|notes|process|program|programme|proposal|memo|doc|document|policy|principles|guide|handbook|playbook|report|retro|retrospective|overview|brief|kickoff|options|questions|criteria|framework|vs\.?|versus)\b|\?\s*$/i;

/** Does the title state the decision (an imperative: "Adopt usage pricing")? */
export function titleIsDecision(title: string | null): boolean {
  if (title === null) return false;
  const rest = title.replace(TITLE_PREFIX, '');
  if (DOCUMENT_NOUN.test(rest)) return false;
  return CLEAR_VERB.test(rest) || NOUN_VERB.test(rest);
}

/** "The focus of this year is on project health", "Our top priority for 2027 is…": the focus, stated. */
const FOCUS_STATEMENT = /\b(?:our|the)\s+(?:(?:main|primary|top|overall|one|single)\s+)?(?:focus|priority|priorities)\b[^.!?\n]{0,40}?\s(?:is|are|will\s+be)\s/i;

/** "This RFC proposes…", "The RFC entails a new flag", "This proposal introduces…": a proposal that says what it changes. */
const PROPOSAL_STATEMENT = /\b(?:this|the)\s+(?:rfc|proposal|adr|design|change|document|pr)\s+(?:proposes|introduces|entails|adds|suggests|would\s+(?:add|introduce))\b/i;

/** Does the text state a governing thought (answer, decision, ask, status)? */
export function statesGoverningThought(text: string, signals: readonly string[]): boolean {
  return ANSWER_LABEL.test(text) || FOCUS_STATEMENT.test(text) || PROPOSAL_STATEMENT.test(text) || phraseMatcher(signals).test(text);
}

/**
 * Does a sentence open with the decision, as an imperative: "Demote the target to Tier 2",
 * "Drop IE11 support for Vue 3", "Deprecate and remove the plugin". What a proposal's summary
 * often is; unlike a title, a sentence may name a plan or a policy.
 */
export function opensWithImperative(sentence: string): boolean {
  const rest = sentence.replace(/^[\s*_>`-]+/, '');
  return CLEAR_VERB.test(rest) || NOUN_VERB.test(rest);
}

