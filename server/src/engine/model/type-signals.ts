/**
 * What a reader sees that tells a document's type: its path (folders and file name), its title
 * and the structure of the common templates. Each signal has a weight; the type decision
 * (doctype.ts) adds them up. A name is a strong hint, not proof: a guide about how to write a
 * roadmap, a template or a contributing guide carries a signal against every type.
 */
import type { DocType } from '../types.js';
import type { Section } from './sections.js';
import { normalizeHeading } from './roles.js';

export type InferredType = Exclude<DocType, 'generic'>;

export interface TypeSignal {
  /** The type the signal speaks for; null speaks against every type (a guide, a template). */
  type: InferredType | null;
  weight: number;
  kind: 'file-name' | 'folder' | 'title' | 'structure' | 'guide';
  /** In a reader's words: "folder `strategy/`", "title “Developer infrastructure strategy”". */
  reason: string;
}

/**
 * Weights: a file name decides alone; a folder or a title needs one more hint; a template's
 * structure decides alone. A guide or a template outweighs everything else put together.
 */
export const WEIGHTS = { fileName: 5, folder: 3, outerFolder: 2, title: 3, weakTitle: 2, structure: 5, partialStructure: 2, guide: -10 } as const;

const FILE_NAME_TYPES: Array<[RegExp, InferredType]> = [
  [/^roadmaps?\.md$|\.roadmap\.md$/i, 'roadmap'],
  [/^release[_-]?notes\.md$|^changelog\.md$|^changes\.md$|^history\.md$|^news\.md$|^releases\.md$|^whats[_-]?new\.md$|\.release\.md$/i, 'release-notes'],
  [/^okrs?\.md$|\.okrs?\.md$|^goals\.md$/i, 'okr'],
  [/^strategy\.md$|\.strategy\.md$|^vision\.md$|\.vision\.md$|^mission\.md$|^direction\.md$/i, 'strategy'],
  [/\.decision\.md$|^rfc-.*\.md$|^adr-.*\.md$/i, 'decision'],
  [/\.update\.md$/i, 'update'],
];

/** Files that are about a project's process, never one of its plans: a signal against every type. */
const PROCESS_FILE = /^(?:contributing|code[_-]of[_-]conduct|security|support|governance|maintainers|codeowners|license|licence|authors|pull_request_template|issue_template|onboarding)(?:\.[\w-]+)?\.md$|(?:^|[._-])templates?(?:[._-]|\.md$)/i;

const FOLDER_TYPES: Array<[RegExp, InferredType]> = [
  [/^(?:strateg(?:y|ies)|vision|visions|direction|directions|mission)$/i, 'strategy'],
  [/^(?:okrs?|goals|objectives|project[-_]goals)$/i, 'okr'],
  [/^(?:road[-_]?maps?)$/i, 'roadmap'],
  [/^(?:release[-_]?notes|releases|whats[-_]?new|changelogs?|release[-_]posts?)$/i, 'release-notes'],
  [/^(?:adrs?|decisions|decision[-_]records|architecture[-_]decisions|architecture[-_]decision[-_]records|rfcs?|design[-_]docs|design[-_]documents|proposals|keps|oteps|rfds)$/i, 'decision'],
  [/^(?:updates|status[-_]updates|monthly[-_]updates|weekly[-_]updates|investor[-_]updates|reports|annual[-_]reports|status[-_]reports)$/i, 'update'],
];

/** A file named like a version ("v1.4.md", "1.2.0.md", "v1_89.md"): one release, inside a release folder. */
const VERSION_FILE = /^v?\d+(?:[._]\d+){1,3}(?:[-._][\w]+)?\.md$/i;
/** A numbered record ("0003-use-postgres.md", "adr-012.md"), inside a decision folder. */
const NUMBERED_FILE = /^(?:adr[-_]?)?\d{1,5}[-_.][\w.-]*\.md$/i;

/** Titles that name a type. */
const TITLE_TYPES: Array<[RegExp, InferredType, 'strong' | 'weak']> = [
  [/\b(?:strateg(?:y|ies)|vision|mission|north star|direction)\b/i, 'strategy', 'strong'],
  [/\broad\s?maps?\b/i, 'roadmap', 'strong'],
  [/\b(?:okrs?|objectives and key results|key results)\b/i, 'okr', 'strong'],
  [/^\W*goals\W*$|\b(?:quarterly|annual|yearly|team|project|program|product|company|engineering|20\d\d|[qh][1-4]|20\d\d\s?[hq][1-4])\s+goals\b|\bgoals\s+(?:for|of)\s+(?:the\s+)?(?:20\d\d|[qh][1-4]|quarter|half|year)\b/i, 'okr', 'strong'],
  [/\b(?:release notes?|changelog|what['’]?s new|release highlights|product updates?)\b|^\W*(?:announcing|introducing)\b.*\d+\.\d+|^\W*(?:release|version)\s+v?\d+(?:\.\d+)*\b|^\W*v?\d+\.\d+(?:\.\d+)?\b/i, 'release-notes', 'strong'],
  [/^\W*(?:adr|rfc|kep|otep|rfd|mep)\b|\b(?:decision record|architecture decision|design doc(?:ument)?|proposal|decision)\b/i, 'decision', 'strong'],
  [/^\W*(?:adr[\s-]*)?\d{1,4}\.\s+\p{L}/iu, 'decision', 'weak'],
  [/\b(?:update|updates|status|status report|progress report|weekly|monthly|fortnightly|biweekly|quarterly report|annual report|business review|[wmq]br|snippets|year in review)\b/i, 'update', 'strong'],
];

/**
 * Titles of guides about these documents rather than one of them: "How to write a roadmap",
 * "RFC process", "OKR template", "Writing good release notes", "What is an ADR?".
 */
const GUIDE_TITLE = /\b(?:how\s+to|how\s+we\s+(?:plan|work|write|use|run|set|decide|make|track|manage|operate|review|prioriti[sz]e|think)|guide|guidelines|templates?|(?:rfc|adr|okr|roadmap|release|planning|decision|review|strategy|proposal|goal[- ]setting)\s+process|process\s+(?:for|of)|playbook|primer|tutorial|best practices|tips|writing\s+(?:a|an|good|great|effective|your|the|better)|cheat\s?sheet|faq|introduction\s+to|what\s+(?:is|are)\s+(?:an?\s+)?(?:okrs?|adrs?|rfcs?|roadmaps?|strateg))\b/i;
/** A title that is itself a placeholder: "{short title of solved problem}", "<Feature name>", "[Project] roadmap". */
const PLACEHOLDER_TITLE = /\{[^{}]{2,80}\}|<[A-Za-z][^<>]{1,80}>|\[(?:project|product|team|feature|title|name|your[^\]]{0,40})\]/i;

/** Section titles of the common templates, normalised (roles.ts normalizeHeading). */
const RFC_SECTIONS = new Set(['summary', 'motivation', 'detailed design', 'design', 'guide-level explanation', 'reference-level explanation',
  'drawbacks', 'alternatives', 'rationale and alternatives', 'prior art', 'unresolved questions', 'future possibilities', 'proposal',
  'design details', 'risks and mitigations', 'graduation criteria', 'test plan', 'alternatives considered', 'background', 'abstract',
  'rationale', 'compatibility', 'implementation', 'open questions', 'goals', 'non-goals', 'user stories', 'how we teach this',
  'adoption strategy', 'unresolved questions and bikeshedding', 'detailed explanation', 'basic example', 'specification', 'security considerations']);
/** Sections only a proposal has (a README or a guide has a "Summary" too). */
const RFC_DISTINCT = new Set(['motivation', 'drawbacks', 'alternatives', 'rationale and alternatives', 'prior art', 'unresolved questions',
  'design details', 'graduation criteria', 'alternatives considered', 'detailed design', 'reference-level explanation', 'guide-level explanation',
  'how we teach this', 'future possibilities', 'rationale', 'adoption strategy']);
const ADR_SECTIONS = new Set(['context', 'decision', 'consequences', 'status', 'context and problem statement', 'considered options',
  'decision outcome', 'decision drivers', 'pros and cons of the options', 'positive consequences', 'negative consequences', 'more information',
  'validation', 'confirmation', 'options considered', 'decision makers']);
const ADR_DISTINCT = new Set(['consequences', 'context and problem statement', 'considered options', 'decision outcome', 'decision drivers',
  'pros and cons of the options', 'positive consequences', 'negative consequences']);
/** A project-goal proposal: Summary / Motivation / Ownership / Milestones (and the Rust template's own names). */
const GOAL_PROPOSAL_SECTIONS = new Set(['summary', 'motivation', 'ownership', 'ownership and team asks', 'team asks', 'milestones', 'the next six months', 'the next 6 months',
  'the shiny future', 'status quo', 'the status quo', 'deliverables', 'success criteria', 'key results', 'goals', 'owners']);
const GOAL_PROPOSAL_DISTINCT = new Set(['ownership', 'ownership and team asks', 'team asks', 'the next six months', 'the next 6 months', 'the shiny future']);
/** Headings of a vision or strategy page beyond the kernel. */
const STRATEGY_SECTIONS = new Set(['vision', 'mission', 'values', 'our values', 'principles', 'tenets', 'pillars', 'strategic pillars', 'focus areas',
  'priorities', 'strategic priorities', 'where to play', 'how we win', 'how we will win', 'non-goals', 'what we will not do', "what we won't do",
  'themes', 'strategic themes', 'investment areas', 'bets', 'our bets', 'north star', 'mission and vision', 'vision and mission', 'why', 'long-term vision',
  'guiding principles', 'strategic goals', 'objectives', 'challenges', 'opportunities', 'competitive landscape', 'market', 'positioning']);
/** Headings of a roadmap's columns written as sections. */
const ROADMAP_SECTIONS = new Set(['ongoing', 'in progress', 'planned', 'future', 'completed', 'up next', 'under consideration', 'backlog', 'exploring',
  'near term', 'mid term', 'long term', 'short term', 'near-term', 'mid-term', 'long-term', 'short-term', 'current', 'upcoming', 'future work', 'done',
  'next up', 'now', 'next', 'later', 'in development', 'researching', 'investigating', 'planned features', 'future plans', 'milestones']);
/** Change categories of release notes (Keep a Changelog and its cousins). */
const RELEASE_SECTIONS = new Set(['added', 'changed', 'fixed', 'removed', 'deprecated', 'security', 'bug fixes', 'bugfixes', 'fixes', 'features',
  'new features', 'improvements', 'enhancements', 'breaking changes', 'known issues', 'highlights', 'other changes', 'performance',
  'deprecations', 'notable changes', 'new', 'updates', 'upgrade notes', 'upgrading', 'contributors', 'thank you', 'acknowledgements', 'feature highlights']);

/** The sets above as normalizeHeading() writes headings ("The next six months" → "next six months"). */
const normalizedSet = (set: ReadonlySet<string>): ReadonlySet<string> => new Set([...set].map(normalizeHeading));
const [RFC, RFC_ONLY, ADR, ADR_ONLY, GOAL_PROPOSAL, GOAL_PROPOSAL_ONLY, STRATEGY, ROADMAP, RELEASE] = [RFC_SECTIONS, RFC_DISTINCT, ADR_SECTIONS,
  ADR_DISTINCT, GOAL_PROPOSAL_SECTIONS, GOAL_PROPOSAL_DISTINCT, STRATEGY_SECTIONS, ROADMAP_SECTIONS, RELEASE_SECTIONS].map(normalizedSet);

export interface SignalInput {
  /** Path relative to the repository or workspace (or just the file name). */
  path: string | undefined;
  /** The title: front-matter `title:`, else the first level-1 heading, else the first heading. */
  title: string | null;
  sections: readonly Section[];
  /** The primary structure signal from the headings and shape (doctype.ts inferStructure), if any. */
  structure: TypeSignal | null;
  /** Task-list items (checkboxes) in the document. */
  taskItems: number;
}

export function typeSignals(input: SignalInput): TypeSignal[] {
  const signals: TypeSignal[] = [];
  pathSignals(input.path, signals);
  titleSignals(input.title, signals);
  if (input.structure) signals.push(input.structure);
  sectionSignals(input, signals);
  return signals;
}

function pathSignals(filePath: string | undefined, signals: TypeSignal[]): void {
  if (!filePath) return;
  const parts = filePath.split(/[\\/]/).filter((part) => part && part !== '.' && part !== '..');
  const name = parts.pop() ?? '';
  for (const [pattern, type] of FILE_NAME_TYPES) {
    if (pattern.test(name)) {
      signals.push({ type, weight: WEIGHTS.fileName, kind: 'file-name', reason: `file name ${name}` });
      break;
    }
  }
  if (PROCESS_FILE.test(name)) signals.push({ type: null, weight: WEIGHTS.guide, kind: 'guide', reason: `file name ${name} (a template or process file)` });
  // The nearest three folders: a folder far up the path (a home folder, a monorepo root) says little.
  const folders = parts.slice(-3).reverse();
  const seen = new Set<InferredType>();
  folders.forEach((folder, depth) => {
    for (const [pattern, type] of FOLDER_TYPES) {
      if (!pattern.test(folder) || seen.has(type)) continue;
      seen.add(type);
      signals.push({ type, weight: depth === 0 ? WEIGHTS.folder : WEIGHTS.outerFolder, kind: 'folder', reason: `folder ${folder}/` });
      if (depth === 0 && type === 'release-notes' && VERSION_FILE.test(name)) {
        signals.push({ type, weight: WEIGHTS.partialStructure, kind: 'file-name', reason: `a version-named file (${name})` });
      }
      if (depth === 0 && type === 'decision' && NUMBERED_FILE.test(name)) {
        signals.push({ type, weight: WEIGHTS.partialStructure, kind: 'file-name', reason: `a numbered record (${name})` });
      }
    }
  });
}

function titleSignals(title: string | null, signals: TypeSignal[]): void {
  if (!title) return;
  const shown = title.length > 60 ? `${title.slice(0, 57)}…` : title;
  const seen = new Set<InferredType>();
  for (const [pattern, type, strength] of TITLE_TYPES) {
    if (seen.has(type) || !pattern.test(title)) continue;
    seen.add(type);
    signals.push({ type, weight: strength === 'strong' ? WEIGHTS.title : WEIGHTS.weakTitle, kind: 'title', reason: `title “${shown}”` });
  }
  if (GUIDE_TITLE.test(title)) signals.push({ type: null, weight: WEIGHTS.guide, kind: 'guide', reason: `title “${shown}” reads as a guide or template, not a plan` });
  else if (PLACEHOLDER_TITLE.test(title)) signals.push({ type: null, weight: WEIGHTS.guide, kind: 'guide', reason: `title “${shown}” is a placeholder (an unfilled template)` });
}

/** Template sections beyond the primary structure signal: RFC, ADR, goal proposal, vision page, roadmap columns, change categories. */
function sectionSignals(input: SignalInput, signals: TypeSignal[]): void {
  const headings = new Map<string, string>();
  for (const section of input.sections) {
    if (section.depth === 1 && section.index === 0) continue;
    const key = normalizeHeading(section.title);
    if (key && !headings.has(key)) headings.set(key, section.title.trim());
  }
  const found = (set: ReadonlySet<string>): string[] => [...headings.keys()].filter((key) => set.has(key) || set.has(key.replace(/^\d+\s+/, '')));
  const named = (keys: readonly string[]): string => keys.slice(0, 3).map((key) => headings.get(key)).join(', ');
  const primary = input.structure?.type;

  const template = (type: InferredType, all: ReadonlySet<string>, distinct: ReadonlySet<string>, what: string): void => {
    if (primary === type) return;
    const sections = found(all);
    const special = sections.filter((key) => distinct.has(key));
    if (special.length >= 1 && sections.length >= 3) {
      signals.push({ type, weight: WEIGHTS.structure, kind: 'structure', reason: `${what} (${named(sections)})` });
    } else if (special.length >= 1 && sections.length >= 2) {
      signals.push({ type, weight: WEIGHTS.partialStructure, kind: 'structure', reason: `${what} (${named(sections)})` });
    }
  };
  template('okr', GOAL_PROPOSAL, GOAL_PROPOSAL_ONLY, 'project-goal sections');
  // A goal proposal has a Summary and a Motivation too: its own sections decide before an RFC's.
  if (!signals.some((s) => s.type === 'okr' && s.kind === 'structure' && s.weight === WEIGHTS.structure)) {
    template('decision', RFC, RFC_ONLY, 'RFC sections');
  }
  template('decision', ADR, ADR_ONLY, 'ADR sections');

  const counted = (type: InferredType, set: ReadonlySet<string>, what: string, per: number, cap: number, min = 1): void => {
    if (primary === type) return;
    const sections = found(set);
    if (sections.length < min) return;
    signals.push({ type, weight: Math.min(cap, sections.length * per), kind: 'structure', reason: `${what} (${named(sections)})` });
  };
  counted('strategy', STRATEGY, 'vision and strategy headings', 1, 3, 2);
  counted('roadmap', ROADMAP, 'roadmap stage headings', 1.5, 3, 2);
  counted('release-notes', RELEASE, 'change-category headings', 1, 3, 2);
  if (input.taskItems >= 3 && primary !== 'roadmap') {
    signals.push({ type: 'roadmap', weight: 1, kind: 'structure', reason: `${input.taskItems} checklist items` });
  }
}
