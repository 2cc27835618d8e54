/**
 * Helpers for rules that reason about the sections of a strategy: which sections really play a
 * role (not a title that merely contains the whole document), which prose belongs to a role, and
 * how many words of real prose (placeholders aside) a section holds.
 */
import type { StrategyDocument } from '../model/document.js';
import type { Section } from '../model/sections.js';
import { plainText, type TextBlock } from '../model/text-block.js';
import type { Item } from '../model/items.js';
import type { SectionRole } from '../types.js';
import { countWords } from '../model/document.js';
import { phraseMatcher } from './phrases.js';
import { headNounOf, normalizeHeading, nounForms } from '../model/roles.js';
import { GOVERNING_SIGNALS, statesGoverningThought, titleIsDecision } from './governing.js';

export { DEFAULT_PLACEHOLDERS, hasTemplateToken, proseWords, sectionProseWords, withoutPlaceholders } from './placeholders.js';

export const KERNEL_ROLES = ['diagnosis', 'guiding-policy', 'coherent-actions'] as const satisfies readonly SectionRole[];
export type KernelRole = (typeof KERNEL_ROLES)[number];

export const KERNEL_ROLE_NAMES: Record<KernelRole, string> = {
  'diagnosis': 'diagnosis',
  'guiding-policy': 'guiding policy',
  'coherent-actions': 'coherent actions',
};

/**
 * True when a section only wraps the document or several kernel parts: a level-1 title with
 * subsections ("# Strategy"), or a section whose subsections play two other kernel roles
 * ("## Strategy" holding "### Diagnosis" and "### Plan").
 */
export function isContainer(doc: StrategyDocument, section: Section): boolean {
  // Asked for every block's ancestors (roleOwner): remembered per section, which belongs to one document.
  let known = containers.get(section);
  if (known === undefined) {
    known = computeIsContainer(doc, section);
    containers.set(section, known);
  }
  return known;
}

const containers = new WeakMap<Section, boolean>();

function computeIsContainer(doc: StrategyDocument, section: Section): boolean {
  if (section === doc.titleSection && section.depth === 1 && section.children.length > 0) return true;
  const others = new Set<SectionRole>();
  const visit = (s: Section): void => {
    for (const child of s.children) {
      for (const role of child.roles) if ((KERNEL_ROLES as readonly SectionRole[]).includes(role) && !section.roles.includes(role)) others.add(role);
      visit(child);
    }
  };
  visit(section);
  return others.size >= 2;
}

/**
 * The roles a reader of the kernel gives a section: those its heading names, or else the kernel
 * part its head noun names ("Our big challenge", "Data platform FY23 initiatives":
 * RoleMatcher.headRolesOf). A head noun is weaker evidence than the name: it is enough to find a
 * part (findKernelPart) or to tell that a section holds something else than actions, never to judge
 * the section as that part (roleSections, roleOwner and the rules built on them read names only).
 */
function kernelRolesOf(doc: StrategyDocument, section: Section): readonly SectionRole[] {
  let roles = kernelRoles.get(section);
  if (!roles) {
    roles = section.roles.length > 0 ? section.roles
      : doc.roleMatcher.headRolesOf(section.title).filter((role) => (KERNEL_ROLES as readonly SectionRole[]).includes(role));
    kernelRoles.set(section, roles);
  }
  return roles;
}

const kernelRoles = new WeakMap<Section, readonly SectionRole[]>();

/** Sections whose heading names the role, containers excluded. */
export function roleSections(doc: StrategyDocument, role: SectionRole): Section[] {
  return doc.sectionsWithRole(role).filter((section) => !isContainer(doc, section));
}

/** Sections that name the role or whose head noun does (kernelRolesOf), containers excluded. */
function partSections(doc: StrategyDocument, role: SectionRole): Section[] {
  return doc.sections.filter((section) => kernelRolesOf(doc, section).includes(role) && !isContainer(doc, section));
}

/**
 * Sections whose heading starts with one of `phrases` ("Context", "Background: …", "Rollout
 * plan"): headings that do a kernel part's job without its name. With `byHead`, also those that
 * end in a one-word one as their head noun ("Business context", "Key milestones", "Strategic
 * bets"; not "Current roadmap"). Matched on the normalized heading.
 */
export function sectionsNamed(doc: StrategyDocument, phrases: readonly string[], byHead = false): Section[] {
  if (phrases.length === 0) return [];
  const names = namesOf(phrases);
  return doc.sections.filter((section) => !isContainer(doc, section) && headingNamed(section.title, names, byHead));
}

interface Names {
  matcher: ReturnType<typeof phraseMatcher>;
  heads: Set<string>;
}

const namesByList = new Map<string, Names>();

function namesOf(phrases: readonly string[]): Names {
  const key = phrases.join('\u0000');
  let names = namesByList.get(key);
  if (!names) {
    if (namesByList.size > 50) namesByList.clear();
    const heads = new Set(phrases.map((phrase) => normalizeHeading(phrase)).filter((phrase) => /^[a-z]{3,}$/.test(phrase)).flatMap(nounForms));
    names = { matcher: phraseMatcher(phrases, { inflect: false }), heads };
    namesByList.set(key, names);
  }
  return names;
}

function headingNamed(title: string, names: Names, byHead = true): boolean {
  if (names.matcher.matchAll(normalizeHeading(title)).some((m) => m.index === 0)) return true;
  if (!byHead) return false;
  const head = headNounOf(title);
  return head !== null && !head.statusQuo && names.heads.has(head.noun);
}

/**
 * Paragraphs led by a bold label that names a role or one of `phrases`: "**Diagnosis.** Ticket
 * volume grew…", "**Decision:** We will…". A one-page memo often has these instead of headings.
 */
export function labelledBlocks(doc: StrategyDocument, role: SectionRole, phrases: readonly string[] = []): TextBlock[] {
  const matcher = phrases.length > 0 ? phraseMatcher(phrases, { inflect: false }) : null;
  return doc.textBlocks.filter((block) => {
    const label = boldLabel(block);
    if (label === null) return false;
    return doc.roleMatcher.rolesOf(label).includes(role) || (matcher?.matchAll(normalizeHeading(label)).some((m) => m.index === 0) ?? false);
  });
}

/** Where a kernel part was found: a section, or a block (a bold-labelled paragraph, a decision doc's lead). */
interface KernelPart {
  heading: string;
  start: number;
  section: Section | null;
}

/**
 * Where the document has a kernel part, under any of its names: a heading with the role, a
 * heading starting with one of `alsoAccept`, a bold-labelled paragraph of a one-page memo
 * ("**Diagnosis.** …"), or what a reader takes for it in that kind of document (kernelPartByShape).
 * What the *-missing rules ask before they report, and where the review's kernel map points.
 */
export function findKernelPart(doc: StrategyDocument, role: KernelRole, alsoAccept: readonly string[]): KernelPart | null {
  const section = roleSections(doc, role)[0] ?? partSections(doc, role)[0] ?? sectionsNamed(doc, alsoAccept, true)[0];
  if (section) return { heading: section.title, start: section.titleStart, section };
  const block = labelledBlocks(doc, role, alsoAccept)[0];
  if (block) return { heading: boldLabel(block) ?? block.text.slice(0, 40), start: block.start, section: null };
  return kernelPartByShape(doc, role);
}

export function hasKernelPart(doc: StrategyDocument, role: KernelRole, alsoAccept: readonly string[]): boolean {
  return findKernelPart(doc, role, alsoAccept) !== null;
}

/** The names a *-missing rule accepts for its part in this document: its own, and in a decision doc or proposal also those. */
export function acceptedNames(doc: StrategyDocument, alsoAccept: readonly string[], inDecisions: readonly string[]): readonly string[] {
  return readsAsProposal(doc) ? [...alsoAccept, ...inDecisions] : alsoAccept;
}

/** Headings that do the diagnosis's job under another name; the default of kernel/diagnosis-missing's `alsoAccept`. */
export const DIAGNOSIS_NAMES: readonly string[] = ['context', 'background', 'motivation', 'current state', 'state of the business', 'state of play',
  'where things stand', 'status quo', 'pain points', 'where we are now', 'where we are today', 'where we stand', 'current situation',
  'competitive landscape', 'landscape', 'market landscape', 'why this', 'why we', 'why were', 'why it matters', 'why change', 'why do this',
  'why is this', 'why are we'];

/** Headings that survey the field rather than diagnose it: a competitive landscape lists rivals, it need not say what is hard. */
const SURVEY_NAMES = /^(?:competitive\s+landscape|landscape|market\s+landscape)\b/;

/**
 * The diagnosis sections and their prose: headings with the role, and headings that do its job
 * under another name ("Context", "Motivation"; not a competitive landscape), with the prose that belongs to them (subsections
 * that name another role left out).
 */
export function diagnosisBlocks(doc: StrategyDocument, names: readonly string[]): { sections: Section[]; blocks: TextBlock[] } {
  const sections = [...roleSections(doc, 'diagnosis')];
  for (const section of sectionsNamed(doc, names)) {
    if (SURVEY_NAMES.test(normalizeHeading(section.title))) continue;
    if (section.roles.length === 0 && !sections.some((s) => s.start <= section.start && section.start < s.end)) sections.push(section);
  }
  const blocks: TextBlock[] = [];
  for (const section of sections) {
    for (const block of doc.sectionBlocks(section)) {
      let mine = true;
      for (let s = doc.sectionAt(block.start); s && s !== section; s = s.parent) if (s.roles.some((role) => role !== 'diagnosis')) mine = false;
      if (mine && !blocks.includes(block)) blocks.push(block);
    }
  }
  return { sections: sections.sort((a, b) => a.start - b.start), blocks: blocks.sort((a, b) => a.start - b.start) };
}

/** Headings that list the steps under another name; the default of kernel/coherent-actions-missing's `alsoAccept`. */
export const ACTION_PLAN_NAMES: readonly string[] = ['implementation', 'rollout', 'roll-out', 'milestones', 'timeline', 'work plan', 'workstreams',
  'roadmap', 'deliverables', 'action items', 'to-dos', 'todos', 'how we will get there', 'what happens next', 'migration plan', 'migration steps',
  'launch plan', 'delivery plan', 'execution plan', 'transition plan', 'proposed plan', 'things to do', 'work items', 'tasks', 'phases',
  'whats next', 'what is next', 'year plan', 'what we are working on', 'what were working on',
  // What a decision leaves to do: an ADR's "Follow-up actions".
  'follow-up actions', 'follow up actions', 'followup actions', 'follow-ups', 'follow-up work', 'follow-up tasks', 'next actions'];

const planNames = phraseMatcher(ACTION_PLAN_NAMES, { inflect: false });

/**
 * A section that holds actions: a coherent-actions heading, a plan under another name
 * ("Timeline for transition", "Things to do", "Rollout"), the coming months ("Next 3 months"), or
 * a list that states actions under any heading but a diagnosis, policy, options and the like
 * (listsActions). Not an RFC's Design: what it describes are not steps anyone owns.
 */
function isActionSection(doc: StrategyDocument, section: Section): boolean {
  if (isContainer(doc, section)) return false;
  if (section.roles.includes('coherent-actions')) return true;
  const title = normalizeHeading(section.title);
  return PLAN_PERIOD.test(title) || planNames.matchAll(title).some((m) => m.index === 0) || listsActions(doc, section);
}

/** Verbs of work that open an action ("Automate the hub baseline", "Define currency types"): the common verbs of plans. */
const ACTION_VERBS = new Set(['adopt', 'align', 'automate', 'build', 'clarify', 'consolidate', 'continue', 'create', 'define', 'deliver', 'deprecate',
  'design', 'develop', 'document', 'drive', 'drop', 'enable', 'engage', 'establish', 'evaluate', 'evolve', 'expand', 'explore', 'extend', 'finish',
  'fix', 'form', 'fund', 'grow', 'help', 'hire', 'identify', 'implement', 'improve', 'increase', 'integrate', 'introduce', 'invest', 'launch', 'lead',
  'make', 'measure', 'merge', 'migrate', 'move', 'offer', 'open', 'partner', 'pilot', 'port', 'prepare', 'prioritize', 'prioritise', 'promote',
  'provide', 'publish', 'raise', 'reach', 'reduce', 'refactor', 'release', 'remove', 'replace', 'research', 'revise', 'rewrite', 'run', 'scale',
  'ship', 'simplify', 'stabilize', 'stabilise', 'standardize', 'standardise', 'start', 'stop', 'streamline', 'strengthen', 'test', 'track', 'train',
  'transition', 'unify', 'update', 'upgrade', 'use', 'validate', 'write', 'add', 'complete', 'deploy', 'designate', 'appoint', 'recruit', 'retire',
  'set', 'ensure', 'focus', 'rebuild', 'redesign', 'sunset', 'audit', 'confirm', 'verify', 'investigate', 'monitor', 'configure', 'enforce',
  'communicate', 'announce', 'schedule', 'coordinate']);
/** After a bare word opening a line, a determiner or possessive shows it is a verb with its object: "Grow a baseline", "Make our engagement scalable". */
const OBJECT_START = /^(?:the|a|an|our|your|their|its|this|these|those|all|each|every|more|new)$/i;
/** Closed-class words that cannot open an imperative, and the -s, -ed, -ing and -ly forms that do not either. */
const NOT_IMPERATIVE = /^(?:we|you|they|it|i|he|she|there|here|this|that|these|those|the|a|an|our|your|their|its|all|each|every|some|any|no|not|if|when|while|once|after|before|as|for|to|in|on|of|with|by|from|at|and|or|but|so|why|how|what|where|who|which|both|either|neither|also|only|just|more|most|less|many|much|other|such|very|then|now|today)$|\p{L}(?:(?<![su])s|ed|ing|ly)$/iu;
/** After a verb-looking word, these show it is a noun: "Support for…", "Review of…", "Design is…". */
const NOUN_AFTER = /^(?:of|for|is|are|was|were|will|has|have|can|should|must|that|which)$/i;
/** The reader addressed: an instruction, not an action of the plan. */
const READER = /^(?:you|your|yours|yourself|youll|you'll|you\u2019ll)$/i;
/** The writers' commitment opening a line: "We will…", "We have to…", "Importantly, we need to…". */
const COMMITMENT = /^(?:\p{L}+,\s+)?we\s+(?:will|shall|must|need\s+to|have\s+to|are\s+going\s+to|plan\s+to|intend\s+to)\b|^we(?:'|\u2019)ll\b/iu;

/** Does a line say what will be done: an imperative of work, or the writers' commitment? Its leading label ("SCDI home: Create a page") aside. */
function statesAction(text: string): boolean {
  const line = text.trim();
  if (opensAction(line)) return true;
  const label = /^([^:.\n]{1,40}):\s+(?=\S)/.exec(line);
  return label !== null && label[1].split(/\s+/).length <= 4 && opensAction(line.slice(label[0].length));
}

function opensAction(line: string): boolean {
  if (COMMITMENT.test(line)) return true;
  const words = line.replace(/^[^\p{L}]+/u, '').split(/\s+/, 6).map((word) => word.replace(/[^\p{L}'-]+$/u, ''));
  if (words.length < 2 || !words[0] || NOUN_AFTER.test(words[1])) return false;
  // An instruction to the reader ("Update your config", "Run the tool if you need it") is no step of the writers' plan.
  if (words.some((word) => READER.test(word))) return false;
  // A name in capitals ("HTTP APIs", "SCDI") is not a verb.
  if (words[0].length > 1 && words[0] === words[0].toUpperCase()) return false;
  if (ACTION_VERBS.has(words[0].toLowerCase())) return true;
  return !NOT_IMPERATIVE.test(words[0]) && OBJECT_START.test(words[1]);
}

/** Roles whose sections hold other things than actions, though they may be written as imperatives (options, non-goals, policies, goals). */
const NOT_ACTION_ROLES = new Set<SectionRole>(['diagnosis', 'guiding-policy', 'options', 'non-goals', 'risks', 'metrics', 'audience', 'summary']);

/**
 * A list of actions where no heading names one: most of a section's own top-level list items, two
 * at least, say what will be done ("Automate the hub baseline", "Define currency types", "We have
 * to port the C library") — under any heading ("Focus areas", "Platform and infrastructure") but
 * one that holds a diagnosis, options, risks, non-goals, goals, a summary or a policy (principles
 * and values are written as imperatives too).
 */
function listsActions(doc: StrategyDocument, section: Section): boolean {
  let known = actionLists.get(section);
  if (known === undefined) {
    known = ownListStatesActions(doc, section) && !outsidePlan(doc, section);
    actionLists.set(section, known);
  }
  return known;
}

/** Do most of a section's own top-level list items, two at least, say what will be done? */
function ownListStatesActions(doc: StrategyDocument, section: Section): boolean {
  const items = doc.items.filter((item) => item.kind === 'list-item' && item.depth === 0 && item.section === section && item.text.trim().length > 0);
  return items.length >= 2 && items.filter((item) => statesAction(item.text)).length * 2 > items.length;
}

const actionLists = new WeakMap<Section, boolean>();

/** Is the section, or a section around it, one that holds no actions (a diagnosis, options, a policy, …)? */
function outsidePlan(doc: StrategyDocument, section: Section): boolean {
  const diagnosisNames = namesOf(DIAGNOSIS_NAMES);
  const proposal = readsAsProposal(doc);
  for (let s: Section | null = section; s; s = s.parent) {
    if (isContainer(doc, s)) continue;
    // Principles and values are standing rules; a list of priorities written as imperatives is the work itself.
    if (kernelRolesOf(doc, s).some((role) => NOT_ACTION_ROLES.has(role)) || (namesPolicyList(s.title) && !/priorities$/.test(normalizeHeading(s.title)))) return true;
    if (headingNamed(s.title, diagnosisNames)) return true;
    // A proposal's Proposal or Design says what will be built, and its lists are the design ("Publish pre-releases as pre-releases"), not steps anyone owns.
    if (proposal && PROPOSAL_BODY.has(normalizeHeading(s.title))) return true;
  }
  return false;
}

/** A proposal's sections that state or design what is proposed (DECISION_SECTION and the design headings of DECISION_KERNEL_NAMES). */
const PROPOSAL_BODY = new Set(['decision', 'decision outcome', 'proposal', 'the proposal', 'proposed solution', 'solution', 'resolution', 'detailed design', 'design',
  'design details', 'design overview', 'explanation', 'guide-level explanation', 'reference-level explanation', 'detailed explanation', 'proposed design',
  'proposed change', 'proposed changes', 'proposed approach', 'technical design', 'high-level design', 'specification', 'internal details', 'implementation details']);

/** The section that holds an item as an action: the nearest one that names a role or is an action section, when it is an action section. */
export function actionOwner(doc: StrategyDocument, section: Section | null): Section | null {
  for (let s = section; s; s = s.parent) {
    if (isActionSection(doc, s)) return s;
    // A heading that names actions only by its head noun ("Hiring plans") holds them when its list states them; it does not end the search.
    const roles = kernelRolesOf(doc, s);
    if (roles.length > 0 && !(s.roles.length === 0 && roles.includes('coherent-actions')) && !isContainer(doc, s)) return null;
  }
  return null;
}

const actionItemLists = new WeakMap<StrategyDocument, Item[]>();

/**
 * The document's actions: top-level list items and table rows in an action section, and its
 * paragraphs labelled as phases or steps ("_Phase 1_. Develop the translator.", "**Step 2:** …").
 */
export function actionItems(doc: StrategyDocument): Item[] {
  let items = actionItemLists.get(doc);
  if (!items) {
    items = doc.items.filter((item) => item.kind !== 'line' && !(item.kind === 'list-item' && item.depth > 0) && item.text.trim().length > 0
      && actionOwner(doc, item.section) !== null);
    for (const block of doc.textBlocks) {
      if (block.kind !== 'paragraph' || block.node.type !== 'paragraph' || !STEP_LABEL.test(block.text)) continue;
      const first = block.node.children[0];
      if (!first || (first.type !== 'strong' && first.type !== 'emphasis')) continue;
      const section = doc.sectionAt(block.start);
      if (actionOwner(doc, section) === null || items.some((item) => item.start <= block.start && block.start < item.end)) continue;
      if (doc.items.some((item) => item.kind === 'list-item' && item.node.position!.start.offset! <= block.start && block.start < item.node.position!.end.offset!)) continue;
      items.push({ kind: 'line', node: block.node, block, text: block.text, start: block.start, end: block.end, depth: 0, parent: null, children: [], checked: null, section });
    }
    items.sort((a, b) => a.start - b.start);
    actionItemLists.set(doc, items);
  }
  return items;
}

/** "Phase 1.", "Step 2:", "Stage 4a —": a paragraph that is one step of a plan. */
const STEP_LABEL = /^\s*(?:phase|step|stage|milestone)\s+\d{1,2}[a-z]?\b/i;

/** Headings only a proposal template has (RFC, KEP, OTEP, design doc), normalised. */
const PROPOSAL_SECTIONS = new Set(['motivation', 'drawbacks', 'alternatives', 'rationale and alternatives', 'prior art', 'unresolved questions',
  'detailed design', 'reference-level explanation', 'guide-level explanation', 'future possibilities', 'alternatives considered', 'design details',
  'how we teach this', 'adoption strategy', 'context and problem statement', 'decision outcome', 'consequences', 'considered options']);

const proposals = new WeakMap<StrategyDocument, boolean>();

/**
 * A decision doc, or a document written in a proposal template (two of Motivation, Drawbacks,
 * Alternatives, Prior art, …: an RFC that sets a year's direction). Its sections do the kernel's
 * jobs under the template's names: Motivation diagnoses, Summary and Design decide, Design and
 * Implementation say what will be done.
 */
export function readsAsProposal(doc: StrategyDocument): boolean {
  let known = proposals.get(doc);
  if (known === undefined) {
    const found = new Set(doc.sections.map((section) => normalizeHeading(section.title)).filter((title) => PROPOSAL_SECTIONS.has(title)));
    known = doc.type === 'decision' || found.size >= 2;
    proposals.set(doc, known);
  }
  return known;
}

/**
 * Headings that do a kernel part's job in a decision doc or proposal. An RFC's Summary states what
 * is proposed and its Design what will be built; an ADR's Decision, when it is more than the name
 * of the chosen option, is what will be done (kernelPartByShape).
 */
export const DECISION_KERNEL_NAMES: Readonly<Record<KernelRole, readonly string[]>> = {
  'diagnosis': ['current situation', 'current behavior', 'current behaviour', 'existing behavior', 'existing behaviour', 'limitations', 'use cases'],
  'guiding-policy': ['summary', 'abstract', 'introduction', 'overview', 'detailed design', 'design', 'design details', 'design overview', 'explanation',
    'guide-level explanation', 'reference-level explanation', 'detailed explanation', 'proposed design', 'proposed change', 'proposed changes',
    'proposed approach', 'proposed plan', 'technical design', 'high-level design', 'specification', 'the proposal'],
  'coherent-actions': ['detailed design', 'design', 'design details', 'explanation', 'reference-level explanation', 'detailed explanation', 'internal details',
    'implementation details', 'technical design', 'proposed design', 'proposed changes', 'proposed plan', 'adoption strategy', 'upgrade path',
    'migration', 'transition', 'phases', 'stages', 'specification', 'reference implementation', 'work estimates'],
};

/** Headings that end in a list of standing choices: "TOC operating principles", "Development priorities", "Core values". */
const POLICY_LIST_HEADING = /(?:^|\s)(?:principles|tenets|values|priorities)$/;
const NEGATED = /(?:^|\s)(?:not|non|no|never|anti|de-?prioriti\w*)(?:\s|-|$)/;

/** Does a heading list standing choices ("Principles", "TOC operating principles", "Development priorities")? */
export function namesPolicyList(heading: string): boolean {
  const title = normalizeHeading(heading);
  return POLICY_LIST_HEADING.test(title) && !NEGATED.test(title);
}
/** Headings that name the coming months or quarter: a plan ("Next 3 months", "This quarter", "Coming six weeks"). */
const PLAN_PERIOD = /^(?:in\s+)?(?:the\s+)?(?:next|coming|upcoming)\s+(?:\d{1,2}|few|two|three|four|six|nine|twelve|eighteen)\s+(?:months?|weeks?|quarters?)(?:\s|$)|^(?:this|next|coming)\s+(?:quarter|half|year)(?:\s|$)/;
/** A decision that only names the chosen option: "Chosen option: "B", because it comes out best". */
const CHOSEN_OPTION = /^\W*chosen\s+option\b/i;
/** The names of a decision section (an ADR's "Decision", MADR's "Decision outcome", a KEP's "Proposal"). */
const DECISION_SECTION = new Set(['decision', 'decision outcome', 'proposal', 'proposed solution', 'solution', 'resolution']);
/** Words that show a decision doc's lead names what is wrong or hard today. */
const OBSTACLE_CUES = [
  'problem', 'obstacle', 'challenge', 'concern', 'issue', 'risk', 'cost', 'costly', 'expensive', 'slow', 'fail', 'failure', 'broken', 'bug',
  'lose', 'lack', 'missing', 'cannot', "can't", 'unable', 'difficult', 'hard to', 'pain', 'friction', 'burden', 'debt', 'bottleneck',
  'limitation', 'however', 'unfortunately', 'struggle', 'confusing', 'unclear', 'complexity', 'inconsistent', 'outdated', 'no longer',
];

/** "Our strategy focuses on reducing the risks…", "The approach is to…": the policy, stated in a sentence ("the current approach is to…" is the status quo). */
const POLICY_STATEMENT = /\b(?<!(?:current|existing|old|previous|present|usual)\s)(?:strategy|approach|guiding\s+policy)\s+(?:is\s+to|will\s+be\s+to|focuses\s+on|is\s+focused\s+on|cent(?:er|re)s\s+on|rests\s+on)\b/i;
/** "Mission-critical work is hampered by…", "The biggest problem is…", "We tackle three distinct problems": a lead that names the obstacles. */
const OBSTACLE_STATEMENT = /\b(?:hampered|held\s+back|blocked|constrained|slowed(?:\s+down)?)\s+by\b|\bsuffers?\s+from\b|\bstruggles?\s+(?:with|to)\b|\b(?:the|our|main|biggest|key)\s+(?:problem|challenge|obstacle|bottleneck)s?\s+(?:is|are)\b|\bwe\s+(?:tackle|address|solve|face|take\s+on)\s+(?:(?:the\s+following|two|three|four|five|several|\d+|a\s+few)\s+)?(?:(?:distinct|main|key|core|separate)\s+)?(?:problems|challenges|obstacles)\b/i;

/**
 * A kernel part a reader sees where no heading names it:
 * - guiding policy: a heading or the title that lists standing choices ("Principles", "Core
 *   values", "Development priorities"); in a decision doc, a lead that states the decision
 *   ("the recommendation is…") or a title that is the decision ("Use Postgres for events");
 * - coherent actions: a heading naming the coming months ("Next 3 months"); in a decision doc, a
 *   decision section that says what will be done (more than naming the chosen option);
 * - guiding policy, anywhere: a sentence that states it ("our strategy focuses on…");
 * - diagnosis: a heading that is just "Why", a lead that names the obstacles ("… is hampered by");
 *   in a decision doc, a lead, abstract or introduction that names what is wrong today.
 */
function kernelPartByShape(doc: StrategyDocument, role: KernelRole): KernelPart | null {
  const proposal = readsAsProposal(doc);
  const named = (test: (title: string, section: Section) => boolean): Section | undefined =>
    doc.sections.find((section) => test(normalizeHeading(section.title), section));
  const at = (section: Section): KernelPart => ({ heading: section.title, start: section.titleStart, section });
  if (role === 'guiding-policy') {
    const list = doc.sections.find((section) => namesPolicyList(section.title));
    if (list) return at(list);
    const stated = doc.textBlocks.find((block) => block.kind === 'paragraph' && POLICY_STATEMENT.test(block.text));
    if (stated) return { heading: stated.text.slice(0, 40), start: stated.start, section: null };
    if (proposal && doc.titleSection && titleIsDecision(doc.titleText)) return at(doc.titleSection);
    const lead = leadBlocks(doc);
    if (proposal && lead.length > 0 && statesGoverningThought(lead.map((block) => block.text).join('\n'), GOVERNING_SIGNALS)) {
      return { heading: lead[0].text.slice(0, 40), start: lead[0].start, section: null };
    }
    return null;
  }
  if (role === 'coherent-actions') {
    const period = named((title) => PLAN_PERIOD.test(title));
    if (period) return at(period);
    const list = doc.sections.find((section) => listsActions(doc, section));
    if (list) return at(list);
    // A proposal's decision, or a summary that lists what will be done ("- Drop IE11 support for Vue 3").
    const decision = proposal ? named((title, section) => !isContainer(doc, section)
      && ((DECISION_SECTION.has(title) && saysWhatWillBeDone(doc, section)) || (section.roles.includes('summary') && ownListStatesActions(doc, section)))) : undefined;
    return decision ? at(decision) : null;
  }
  // A bare "Why" (a decision doc's motivation); "Why Acme" is a pitch, and a prefix match would take it.
  const why = named((title) => title === 'why');
  if (why) return at(why);
  const lead = leadBlocks(doc);
  const obstacles = lead.find((block) => OBSTACLE_STATEMENT.test(block.text));
  if (obstacles) return { heading: obstacles.text.slice(0, 40), start: obstacles.start, section: null };
  if (!proposal) return null;
  const cues = phraseMatcher(OBSTACLE_CUES);
  if (lead.length > 0 && countWords(lead.map((block) => block.text).join(' ')) >= 25 && lead.some((block) => cues.test(block.text))) {
    return { heading: lead[0].text.slice(0, 40), start: lead[0].start, section: null };
  }
  const opening = named((title) => /^(?:abstract|introduction|overview|summary)$/.test(title));
  if (opening && doc.sectionBlocks(opening).some((block) => block.kind !== 'heading' && cues.test(block.text))) return at(opening);
  return null;
}

/** The prose between the title and the first section after it (none when the document opens with a section). */
function leadBlocks(doc: StrategyDocument): TextBlock[] {
  const title = doc.titleSection;
  // The title is a level-1 heading, or the first heading of a page whose headings start lower ("## Strategy" over "### …").
  if (!title || (title.depth !== 1 && !(title.index === 0 && doc.sections.every((section) => section.depth >= title.depth)))) return [];
  const end = title.children[0]?.start ?? title.end;
  return doc.blocksIn(title.start, end).filter((block) => block.kind !== 'heading');
}

/**
 * A decision section that says what will be done ("We will store events in Postgres"): a short
 * ADR has no action plan, its decision is what will be done. Not one that only names the chosen
 * option ("Chosen option: B, because it comes out best"), nor an empty one.
 */
function saysWhatWillBeDone(doc: StrategyDocument, section: Section): boolean {
  if (section.children.length >= 2) return true;
  const blocks = doc.sectionBlocks(section).filter((block) => block.kind !== 'heading');
  if (blocks.length === 1 && CHOSEN_OPTION.test(blocks[0].text)) return false;
  return countWords(blocks.map((block) => block.text).join(' ')) >= 4;
}

/** The text of a paragraph's leading bold label ending in ".", ":" or a dash, else null. */
export function boldLabel(block: TextBlock): string | null {
  if (block.kind !== 'paragraph' || block.node.type !== 'paragraph') return null;
  const first = block.node.children[0];
  if (!first || first.type !== 'strong') return null;
  const label = plainText(first).trim();
  // A label is short: longer bold text is emphasis, not a part's name.
  if (label.length > 60) return null;
  const after = block.node.children[1];
  const punctuated = /[.:—–-]$/.test(label) || (after?.type === 'text' && /^[ \t]{0,3}[.:—–-]/.test(after.value)) || !after;
  let end = label.length;
  while (end > 0 && ' \t\n.:—–-'.includes(label[end - 1])) end--;
  return punctuated && label.split(/\s+/).length <= 6 ? label.slice(0, end) : null;
}

/** The section itself or its nearest ancestor whose heading names any role (containers skipped). */
export function roleOwner(doc: StrategyDocument, section: Section | null): Section | null {
  for (let s = section; s; s = s.parent) if (s.roles.length > 0 && !isContainer(doc, s)) return s;
  return null;
}

/** True when the nearest role-bearing section around an offset has the role. */
export function offsetHasRole(doc: StrategyDocument, offset: number, role: SectionRole): boolean {
  return roleOwner(doc, doc.sectionAt(offset))?.roles.includes(role) ?? false;
}

/**
 * Prose blocks of a section that belong to its role: subsections that name another role
 * ("### Risks" inside "## Plan") are left out, and so are headings unless `withHeadings`.
 */
export function roleBlocks(doc: StrategyDocument, section: Section, role: SectionRole, withHeadings = false): TextBlock[] {
  return doc.sectionBlocks(section).filter((block) => (withHeadings || block.kind !== 'heading') && offsetHasRole(doc, block.start, role));
}

/** The first section of each kernel role that is not nested in another kernel section, nor in an appendix. */
export function outermostKernelSections(doc: StrategyDocument): Map<KernelRole, Section> {
  const found = new Map<KernelRole, Section>();
  for (const section of doc.sections) {
    if (isContainer(doc, section)) continue;
    const role = KERNEL_ROLES.find((r) => section.roles.includes(r));
    if (!role || found.has(role)) continue;
    let nested = false;
    for (let s = section.parent; s; s = s.parent) {
      if (isContainer(doc, s)) continue;
      if (KERNEL_ROLES.some((r) => s.roles.includes(r)) || APPENDIX.test(s.title)) nested = true;
    }
    if (APPENDIX.test(section.title)) nested = true;
    if (!nested) found.set(role, section);
  }
  return found;
}

const APPENDIX = /\b(?:appendix|appendices|annex|faq|references|further reading|glossary)\b/i;

/** A short quotation of a heading for messages. */
export function quoteTitle(section: Section): string {
  const title = section.title.replace(/\s+/g, ' ').trim();
  return `"${title.length > 60 ? `${title.slice(0, 57)}…` : title}"`;
}

/** Where the kernel comes from: cited by each kernel/*-missing rule. */
export const KERNEL_SEEDS = [
  { source: '004', quote: "The 'kernel' of a good strategy, composed of diagnosis, guiding policy, and coherent actions" },
  { source: '002', quote: 'a sharp problem definition, a few guiding policies, and a concise set of coherent actions' },
] as const;
