/**
 * What a reader sees that tells a document's type: its path (folders and file name), its title
 * and the structure of the common templates. Each signal has a weight; the type decision
 * (doctype.ts) adds them up. A name is a strong hint, not proof: a guide about how to write a
 * roadmap, a template or a contributing guide carries a signal against every type.
 */
import type { DocType } from '../vocabulary.js';
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
export const WEIGHTS = { fileName: 5, folder: 3, outerFolder: 2, title: 3, weakTitle: 2, structure: 5, partialStructure: 2, guide: -10, rootReadme: -5, guideHeadings: -5 } as const;

/**
 * Words of a look back: a retrospective, a recap, a review of a plan or a period, a year-end or
 * shareholder letter. A retrospective on a roadmap reports what happened to the roadmap: it is an
 * update, and the plan it names is what it looks back on, not its type.
 */
export const LOOK_BACK_TITLE = /\b(?:retrospective|retro|recap|looking\s+back|look\s+back)\b|\b(?:year|month|week|quarter|half|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|h[12]|20\d\d)\s+in\s+review\b|\b(?:roadmap|plan|goals?|okrs?|quarterly|annual|mid-?year|year-end|end-of-year)\s+review\b|\breview\s+of\s+(?:the|our|this|last)\s+(?:year|quarter|half|month|roadmap|plan|goals|okrs)\b|\b(?:annual|year-end|end-of-year|shareholders?|investors?)\s+letter\b/i;
const LOOK_BACK_NAME = /(?:^|[-_.])(?:retro|retrospective|recap|year[-_]in[-_]review|(?:annual|year[-_]?end|end[-_]of[-_]year|eoy|shareholders?|investors?)[-_]letter|(?:roadmap|plan|goals?|okrs?|quarterly|annual)[-_]reviews?)(?:[-_.]|$)/i;
/** Folders of look backs: "roadmap-reviews/", "retrospectives/". They speak for an update only, whatever plan they name. */
const LOOK_BACK_FOLDER = /(?:^|[-_])(?:retros|retrospectives|recaps|(?:roadmap|plan|goals?|okrs?|quarterly|annual)[-_]?reviews)(?:[-_]|$)/i;
/**
 * Folders that name one issue of a series rather than what the documents are: a version
 * ("10.0", "v2"), a year or a period ("2025", "2023H2", "Q3"), a pre-release ("preview1", "rc2").
 * They are skipped when reading the nearest folders: "release-notes/10.0/preview/preview1/maui.md"
 * is in release-notes/ as much as "release-notes/maui.md" is.
 */
const SERIES_FOLDER = /^(?:v?\d+(?:[._]\d+){0,3}|(?:19|20)\d\d(?:[-_]?(?:[qh][1-4]|\d\d))?|[qh][1-4](?:[-_]?(?:19|20)?\d\d)?|(?:preview|rc|beta|alpha|nightly)[-_]?\d{0,3})$/i;

const FILE_NAME_TYPES: Array<[RegExp, InferredType, number]> = [
  [/^roadmaps?\.md$|\.roadmap\.md$/i, 'roadmap', 5],
  [/^release[_-]?notes\b.*\.md$|^releasenotes\b.*\.md$|^changelog\.md$|^changes\.md$|^history\.md$|^news\.md$|^releases\.md$|^whats[_-]?new\.md$|\.release\.md$/i, 'release-notes', 5],
  [/^okrs?\.md$|\.okrs?\.md$|^goals\.md$/i, 'okr', 5],
  [/^strategy\.md$|\.strategy\.md$|^vision\.md$|\.vision\.md$|^mission\.md$|^direction\.md$/i, 'strategy', 5],
  // A project's principles, values or priorities page is its strategy in short.
  [/^(?:principles|values|priorities|values[_-]and[_-]priorit(?:y|ies|ization))\.md$/i, 'strategy', 4],
  // A project's standing goals, not a period's: "HighLevelGoals.md", "long-term-goals.md", "MANIFESTO.md".
  [/^(?:high[_-]?level[_-]?goals|long[_-]?term[_-]?goals|guiding[_-]?principles|manifesto|north[_-]?star)\.md$/i, 'strategy', 4],
  [/\.decision\.md$|^rfc-.*\.md$|^adr-.*\.md$/i, 'decision', 5],
  [/\.update\.md$/i, 'update', 5],
  // A look back on a period or a plan, whatever it looks back on: "roadmap-retro.md", "2025-recap.md", "eoy-letter-2025.md".
  [LOOK_BACK_NAME, 'update', 3],
  [/(?:^|[-_.])okrs?(?:[-_.]|$)/i, 'okr', 3],
  [/(?:^|[-_.])road[-_]?maps?(?:[-_.]|$)/i, 'roadmap', 3],
  // "announcing-vite-4-3.md", "release-of-1.8.0.md", "Rust-1.95.0.md", "nushell_v0_114_1.md", "whats-new-in-2.4.md".
  [/(?:^|[-_])(?:release|released|releases|announcing|announce|whats[-_]new|changelog)(?:[-_.]|$)|(?:^|[-_])v\d+[-_.]\d+|(?:^|[-_])\d{1,3}[._]\d{1,3}(?:[._]\d{1,3})?(?:[-_.]|$)/i, 'release-notes', 2],
  // "2024-09-project-goals-update.md", "annual-report-2024.md", "status_report_june.md".
  [/(?:^|[-_.])(?:updates?|status[-_]reports?|progress[-_]reports?|annual[-_]reports?|annual[-_]review|annual|activity[-_](?:and[-_])?(?:contract[-_])?reports?|monthly[-_]reports?)(?:[-_.]|$)/i, 'update', 3],
];

/** Files that are about a project's process, never one of its plans: a signal against every type. */
const PROCESS_FILE = /^(?:contributing|code[_-]of[_-]conduct|security|support|governance|maintainers|codeowners|license|licence|authors|pull_request_template|issue_template|onboarding)(?:\.[\w-]+)?\.md$|(?:^|[._-])templates?(?:[._-]|\.md$)/i;

/** Folders of how a project works (its process, its guides), never one of its plans: "process/okr.md", "mechanics/ROADMAPS.md". */
const PROCESS_FOLDER = /^(?:process|processes|mechanics|guidelines|guides|playbooks?|how-?tos?|tutorials?|templates?)$/i;

/** Folders of meeting minutes: a discussion's record, not a plan nor a status update ("meetings/2025-07-02.md", "minutes/retro.md"). */
const MEETINGS_FOLDER = /^(?:meetings?|minutes|meeting[-_]notes|meeting[-_]minutes|agendas?)$/i;

/** Folder names, matched as whole words of the folder ("active-rfcs", "community-updates", "release-notes-archive"). */
const FOLDER_TYPES: Array<[RegExp, InferredType]> = [
  [/(?:^|[-_])(?:strateg(?:y|ies)|visions?|directions?|mission)(?:[-_]|$)/i, 'strategy'],
  [/(?:^|[-_])(?:okrs?|goals|objectives)(?:[-_]|$)/i, 'okr'],
  [/(?:^|[-_])(?:road[-_]?maps?)(?:[-_]|$)/i, 'roadmap'],
  [/(?:^|[-_])(?:release[-_]?notes|releases|whats[-_]?new|changelogs?|release[-_]posts?)(?:[-_]|$)/i, 'release-notes'],
  [/(?:^|[-_])(?:adrs?|decisions|decision[-_]records|architecture[-_]decisions|architecture[-_]decision[-_]records|rfcs?|design[-_]docs|design[-_]documents|proposals|keps|oteps|rfds)(?:[-_]|$)/i, 'decision'],
  [/(?:^|[-_])(?:updates|status[-_]updates|reports|annual[-_]reports|status[-_]reports)(?:[-_]|$)/i, 'update'],
];

/** An index page takes its folder's meaning ("roadmap/README.md"), except in a folder of records, where it lists them. */
const INDEX_FILE = /^(?:index|readme|overview|_index)\.mdx?$/i;
/** A file named by its date ("2020-05.md", "2026-11-03-weekly.md"): one issue of a series, inside an updates or releases folder. */
const DATED_FILE = /^\d{4}[-_](?:\d{2}|[qh][1-4]|w\d{1,2})(?:[-_]\d{2})?(?:[-_][\w.-]*)?\.mdx?$/i;

/** A file named like a version ("v1.4.md", "1.2.0.md", "v1_89.md"): one release, inside a release folder. */
const VERSION_FILE = /^v?\d+(?:[._]\d+){1,3}(?:[-._][\w]+)?\.md$/i;
/** A zero-padded number (not a year) opening a file name: "0003-hashtags.md", "007_adopt-x.md". */
const ZERO_PADDED_FILE = /^0\d{2,3}[-_][\w.-]*\.md$/i;
/** A numbered record ("0003-use-postgres.md", "adr-012.md"), inside a decision folder. */
const NUMBERED_FILE = /^(?:adr[-_]?)?\d{1,5}[-_.][\w.-]*\.md$/i;

/** Titles that name a type: decisive (4), strong (3) or weak (2). */
const TITLE_TYPES: Array<[RegExp, InferredType, number]> = [
  // "Cody strategy", "Platform strategy 2027", "Vision", "Our vision", "Mission, vision and values".
  [/\b(?:strateg(?:y|ies)|vision|mission)(?:\s+(?:20\d\d|fy\s?\d{2}|for\s+20\d\d))?\W*$|^\W*(?:our\s+)?(?:vision|mission|strategy)\b/i, 'strategy', 4],
  [/\bstrategic\s+(?:plan|priorities|direction|framework|roadmap|intent)\b/i, 'strategy', 4],
  // "Strategic goals", "Strategic objectives": a page of goals, however strategic (Goal = Objective).
  [/\bstrategic\s+(?:goals|objectives)\b/i, 'okr', 4],
  // A project's standing goals: "WebAssembly High-Level Goals", "Long-term goals", "Guiding principles".
  [/\b(?:high[- ]level|long[- ]term|overarching|guiding)\s+(?:goals|objectives|principles)\b/i, 'strategy', 4],
  [/\b(?:strateg(?:y|ies)|vision|mission|north star|direction|manifesto)\b/i, 'strategy', 3],
  // "Development priorities for 2026", "Annual plan 2026", "Funding plans".
  // "Compiler ambitions for 2022", "Our themes for 2027": what a team means to do in a year is its strategy for the year.
  [/\b(?:priorities|plans?|ambitions|aspirations|themes|focus areas|bets|agenda|goals and strategy)\s+(?:for\s+)?(?:20\d\d|fy\s?\d{2})\b|\b(?:annual|multi-year|long-term|strategic|funding|sustainability|business)\s+plans?\b/i, 'strategy', 4],
  [/\b(?:principles|values|priorities)\b/i, 'strategy', 2],
  // Who the product is for ("Our audience", "Target users", "Who we serve"): choosing where to play.
  [/^\W*(?:(?:our|the|target|intended)\s+)*(?:audiences?|users|customers|personas)\W*$|\bwho\s+we\s+(?:serve|build\s+for)\b|\btarget\s+(?:audiences?|users|customers|markets?)\b/i, 'strategy', 2],
  [/\broad\s?maps?\b/i, 'roadmap', 3],
  [/\b(?:okrs?|objectives and key results|key results)\b/i, 'okr', 3],
  // Goals of a period: "Measurable goals: December 2020 - March 2021", "Goals — Q3 2025".
  [/\b(?:measurable|measured)\s+(?:goals|objectives)\b|\b(?:goals|objectives)\s*[:—–-]\s*(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:20\d\d|[qh][1-4]\b)/i, 'okr', 4],
  [/^\W*(?:goals|objectives)\W*$|\b(?:quarterly|annual|yearly|team|project|program|product|company|engineering|20\d\d|[qh][1-4]|20\d\d\s?[hq][1-4])\s+(?:goals|objectives)\b|\bgoals\s+(?:for|of)\s+(?:the\s+)?(?:20\d\d|[qh][1-4]|quarter|half|year)\b/i, 'okr', 3],
  // A release announcement: "Gitea 1.8.0 is released", "Vite 4.3 is out!", "Announcing Rust 1.95.0".
  [/\bv?\d+\.\d+(?:\.\d+)?(?:[-+.][\w.]{1,20})?!?\s+(?:(?:is|has been)\s+(?:out|released|here|available|now available)|released|out now)\b|^\W*(?:announcing|introducing|releasing)\b.*\d+\.\d+|\brelease of\b.*\d+\.\d+/i, 'release-notes', 4],
  [/\b(?:release notes?|changelog|what['’]?s new|release highlights|product updates?|new releases?|release announcement)\b|^\W*(?:release|version)\s+v?\d+(?:\.\d+)*\b|^\W*v?\d+\.\d+(?:\.\d+)?\b/i, 'release-notes', 3],
  // A product and its version, nothing else: "Nushell 0.114.1", "Jellyfin for Android TV 0.19".
  [/^\W*\p{L}[\p{L}\p{N} .+&-]{0,48}\sv?\d+\.\d+(?:\.\d+)?(?:[-.]\w+)?\W*$/iu, 'release-notes', 2],
  [/^\W*(?:adr|rfc|kep|otep|rfd|mep)\b|\b(?:decision record|architecture decision|design doc(?:ument)?|proposal|decision)\b/i, 'decision', 3],
  [/^\W*(?:adr[\s-]*)?\d{1,4}\.\s+\p{L}/iu, 'decision', 2],
  // A zero-padded record number: "0003 Hashtags", "007: Adopt pnpm".
  [/^\W*0\d{2,3}\s*[\s:.—–-]\s*\p{L}/iu, 'decision', 3],
  // "2024 Annual Report: SIG Node", "September Project Goals Update", "Activity & Contract Report, June 2025".
  // A look back ("Retrospective on the May roadmap", "Roadmap review"); a sprint retro's notes say so too, so it needs one more hint.
  [LOOK_BACK_TITLE, 'update', 3],
  // A letter from the head of the organisation ("A note from our executive director") reports on its year more often than not.
  [/^\W*(?:an?\s+)?(?:note|letter|message)\s+from\s+(?:the|our)\s+(?:ceo|founders?|executive director|president|chair|director)\b/i, 'update', 2],
  [/\b(?:annual report|annual review|activity (?:&\s+|and\s+)?(?:contract\s+)?report|progress (?:update|report)|status (?:update|report)|(?:weekly|monthly|quarterly|yearly) (?:update|report)|goals? update|year in review|state of the)\b/i, 'update', 4],
  [/^\W*(?:this|last)\s+(?:week|month|quarter)\s+in\b|\bstate of\b|\bnewsletter\b/i, 'update', 3],
  // One week of a weekly series: "Week 12", "Wk 7 — payments".
  [/^\W*(?:week|wk)\s*\d{1,2}\b(?!\s*(?:plan|planning|goals|objectives)\b)/i, 'update', 2],
  // One issue of a series: "Linebender in December 2024", "The project in Q3 2025".
  [/\bin\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+20\d\d|q[1-4]\s+20\d\d|20\d\d)\W*$/i, 'update', 3],
  // A report of a period: anchored lookaheads, so the title is scanned once from its start.
  [/^(?=[^]*\breport\b)(?=[^]*\b(?:20\d\d|q[1-4]|january|february|march|april|may|june|july|august|september|october|november|december)\b)/i, 'update', 3],
  // "The path to Node-RED 5.0", "Road to 2.0".
  // "Our plan for Python 3.13", "Plans for Vite 6": a plan for a version is a roadmap.
  [/\bplans?\s+for\s+(?:\p{L}[\p{L}.+-]{0,30}\s+)?v?\d+\.\d+/iu, 'roadmap', 4],
  [/\b(?:path|road)\s+to\b.*\d|\bplans?\s+for\s+(?:v(?:ersion)?\s?)?\d/i, 'roadmap', 3],
  [/\b(?:update|updates|status|weekly|monthly|fortnightly|biweekly|business review|[wmq]br|snippets)\b/i, 'update', 3],
];

/** The decisive title patterns, read in a description: phrases that name a kind of document, not words any prose uses. */
const DESCRIPTION_TYPES = TITLE_TYPES.filter(([, , weight]) => weight >= 4);

/** Collections of records rather than one: "Architecture Decision Records (ADRs)", "Active RFCs". */
const COLLECTION_TITLE = /\b(?:decision records|decisions|rfcs|adrs|proposals|design docs|release notes archive|releases)\b/i;

/**
 * Titles of guides about these documents rather than one of them: "How to write a roadmap",
 * "RFC process", "OKR template", "Writing good release notes", "What is an ADR?".
 */
const GUIDE_TITLE = /\b(?:how\s+to|how\s+we\s+(?:plan|work|write|use|run|set|decide|make|track|manage|operate|review|prioriti[sz]e|think)|templates?|(?:roadmap|strategy|okrs?|rfcs?|adrs?|decision|release[- ]notes?|planning|goal[- ]setting)\s+(?:guide|guidelines|handbook)|(?:rfc|adr|okr|roadmap|release|planning|decision|review|strategy|proposal|goal[- ]setting)\s+process|(?:rfcs?|adrs?|okrs?|roadmaps?|strateg(?:y|ies)|proposals?|goals?|release[- ]notes?)\s+(?:management|guidance|guidelines|mechanics|lifecycle|workflow)|process\s+(?:for|of)|playbook|primer|tutorial|best practices(?=\s*(?:$|[^\sa-z]|(?:for|in|of|to|when|on|with|from|and)\b))|tips|writing\s+(?:a|an|good|great|effective|your|the|better)|cheat\s?sheet|faq|introduction\s+to|what\s+(?:is|are)\s+(?:an?\s+)?(?:okrs?|adrs?|rfcs?|roadmaps?|strateg))\b/i;
/** An instruction about one of these documents: "Craft a roadmap", "Write your OKRs", "Set team goals". */
const IMPERATIVE_TITLE = /^\W*(?:craft|write|create|build|make|draft|define|set|run|plan|use|prioriti[sz]e|maintain|share|present|review)\s+(?:(?:a|an|the|your|our|good|great|team|product)\s+){0,2}(?:roadmaps?|strateg(?:y|ies)|okrs?|visions?|rfcs?|adrs?|release notes|updates?|goals?|decision records?)\b/i;
/** A title that is itself a placeholder: "{short title of solved problem}", "<Feature name>", "[Project] roadmap". */
const PLACEHOLDER_TITLE = /\{[^{}]{2,80}\}|<[A-Za-z][^<>]{1,80}>|\[(?:project|product|team|feature|title|name|your[^\]]{0,40})\]/i;

/** Section titles of the common templates, normalised (roles.ts normalizeHeading). */
const RFC_SECTIONS = new Set(['summary', 'motivation', 'detailed design', 'design', 'guide-level explanation', 'reference-level explanation',
  'drawbacks', 'alternatives', 'rationale and alternatives', 'prior art', 'unresolved questions', 'future possibilities', 'proposal',
  'design details', 'risks and mitigations', 'graduation criteria', 'test plan', 'alternatives considered', 'background', 'abstract',
  'rationale', 'compatibility', 'implementation', 'open questions', 'goals', 'non-goals', 'user stories', 'how we teach this',
  'adoption strategy', 'unresolved questions and bikeshedding', 'detailed explanation', 'basic example', 'specification', 'security considerations',
  'introduction', 'proposed solution', 'proposed plan', 'proposed design', 'proposed change', 'proposed changes', 'detailed proposal',
  'source compatibility', 'effect on abi stability', 'future directions', 'acknowledgments', 'acknowledgements', 'stakeholders and reviewers',
  'backwards compatibility', 'backward compatibility', 'reference implementation', 'rejected ideas', 'rejected alternatives', 'open issues',
  'security implications', 'context and scope', 'goals and non-goals', 'cross-cutting concerns', 'design overview', 'proposed approach',
  'prior work', 'related work', 'migration plan', 'rollout plan', 'rollout', 'risks', 'trade-offs', 'tradeoffs', 'considered alternatives']);
/** Sections only a proposal has (a README or a guide has a "Summary" too). */
const RFC_DISTINCT = new Set(['motivation', 'drawbacks', 'alternatives', 'rationale and alternatives', 'prior art', 'unresolved questions',
  'design details', 'graduation criteria', 'alternatives considered', 'detailed design', 'reference-level explanation', 'guide-level explanation',
  'how we teach this', 'future possibilities', 'rationale', 'adoption strategy', 'proposed solution', 'proposed plan', 'proposed design',
  'source compatibility', 'future directions', 'stakeholders and reviewers', 'rejected ideas', 'rejected alternatives', 'backwards compatibility',
  'backward compatibility', 'reference implementation', 'context and scope', 'goals and non-goals', 'cross-cutting concerns', 'considered alternatives']);
const ADR_SECTIONS = new Set(['context', 'decision', 'consequences', 'status', 'context and problem statement', 'considered options',
  'decision outcome', 'decision drivers', 'pros and cons of the options', 'positive consequences', 'negative consequences', 'more information',
  'validation', 'confirmation', 'options considered', 'decision makers']);
const ADR_DISTINCT = new Set(['consequences', 'context and problem statement', 'considered options', 'decision outcome', 'decision drivers',
  'pros and cons of the options', 'positive consequences', 'negative consequences']);
/** A project-goal proposal: Summary / Motivation / Ownership / Milestones (and the Rust template's own names). */
const GOAL_PROPOSAL_SECTIONS = new Set(['summary', 'motivation', 'staffing', 'timeline', 'ownership', 'ownership and team asks', 'team asks', 'milestones', 'the next six months', 'the next 6 months',
  'the shiny future', 'status quo', 'the status quo', 'deliverables', 'success criteria', 'key results', 'goals', 'owners',
  // A project pitch: what done and success look like, and the people and time it needs.
  'what does done look like', 'what does success look like', 'what success looks like', 'definition of done', 'required resources',
  'resources needed', 'effort estimate', 'roles skills needed', 'skills needed', 'impact', 'project definition']);
const GOAL_PROPOSAL_DISTINCT = new Set(['ownership', 'ownership and team asks', 'team asks', 'the next six months', 'the next 6 months', 'the shiny future',
  'deliverables', 'staffing', 'what does done look like', 'what does success look like', 'required resources', 'effort estimate']);
/** Headings of a vision or strategy page beyond the kernel. */
const STRATEGY_SECTIONS = new Set(['leadership principles', 'operating principles', 'core values', 'company values', 'our strategy', 'strategy',
  'approach', 'our approach', 'purpose', 'what we believe', 'beliefs', 'business model', 'target customers', 'differentiation', 'long-term goals',
  'vision', 'mission', 'missions', 'values', 'our values', 'principles', 'tenets', 'pillars', 'strategic pillars', 'focus areas',
  'priorities', 'strategic priorities', 'where to play', 'how we win', 'how we will win', 'non-goals', 'what we will not do', "what we won't do",
  'themes', 'strategic themes', 'investment areas', 'bets', 'our bets', 'north star', 'mission and vision', 'vision and mission', 'why', 'long-term vision',
  'guiding principles', 'strategic goals', 'objectives', 'challenges', 'opportunities', 'competitive landscape', 'market', 'positioning']);
/** Headings of a roadmap's columns written as sections. */
const ROADMAP_SECTIONS = new Set(['ongoing', 'in progress', 'planned', 'future', 'completed', 'up next', 'under consideration', 'backlog', 'exploring',
  'near term', 'mid term', 'long term', 'short term', 'near-term', 'mid-term', 'long-term', 'short-term', 'current', 'upcoming', 'future work', 'done',
  'next up', 'now', 'next', 'later', 'in development', 'researching', 'investigating', 'planned features', 'future plans', 'milestones']);
/** Headings of a status or investor update. */
const UPDATE_SECTIONS = new Set(['looking back', 'our ask', 'the ask', 'get involved', 'highlights', 'lowlights', 'wins', 'accomplishments', 'achievements', 'looking ahead', 'what we did', 'what we shipped',
  'kpis', 'key metrics', 'financials', 'runway', 'hiring', 'asks', 'help wanted', 'blockers', 'kudos', 'shoutouts', 'team updates', 'lessons learned',
  'challenges', 'whats next', 'what is next', 'what comes next', 'progress', 'status', 'completed goals', 'stalled goals', 'current initiatives',
  'project health', 'metrics', 'misses', 'headlines', 'how you can help']);

/** Change categories of release notes (Keep a Changelog and its cousins). */
const RELEASE_SECTIONS = new Set(['added', 'changed', 'fixed', 'removed', 'deprecated', 'security', 'bug fixes', 'bugfixes', 'fixes', 'features',
  'new features', 'improvements', 'enhancements', 'breaking changes', 'known issues', 'highlights', 'other changes', 'performance',
  'deprecations', 'notable changes', 'new', 'updates', 'upgrade notes', 'upgrading', 'contributors', 'thank you', 'acknowledgements', 'feature highlights',
  'changes', 'full changelog', 'changelog', 'minor features', 'stabilized apis', 'hall of fame', 'downloads', 'where to get it', 'upgrade guide']);

/** The sets above as normalizeHeading() writes headings ("The next six months" → "next six months"). */
const normalizedSet = (set: ReadonlySet<string>): ReadonlySet<string> => new Set([...set].map(normalizeHeading));
const [RFC, RFC_ONLY, ADR, ADR_ONLY, GOAL_PROPOSAL, GOAL_PROPOSAL_ONLY, STRATEGY, ROADMAP, RELEASE, UPDATE] = [RFC_SECTIONS, RFC_DISTINCT, ADR_SECTIONS,
  ADR_DISTINCT, GOAL_PROPOSAL_SECTIONS, GOAL_PROPOSAL_DISTINCT, STRATEGY_SECTIONS, ROADMAP_SECTIONS, RELEASE_SECTIONS, UPDATE_SECTIONS].map(normalizedSet);

/** Headings (normalised) that state a purpose, and the principles or values a team works by. */
const PURPOSE_HEADING = /^(?:missions?|vision|purpose|north star|mission and vision|vision and mission|long-term vision)$/;
const PRINCIPLES_HEADING = /^(?:\w+\s)?(?:principles|values|tenets)$/;
/** A heading of the measures under one goal: "Success indicators for outcome 2", "Key results", "Measures of success". */
const MEASURES_HEADING = /^[^\p{L}]*(?:success\s+(?:indicators|metrics|measures|criteria)|indicators\s+of\s+success|measures\s+of\s+success|key\s+results)\b/iu;

/**
 * A heading (normalised) of how a project's success will be measured: "Measuring your project's success",
 * "Measuring success", "How we will measure success", "Success metrics".
 */
const SUCCESS_MEASURE_KEY = /^(?:measuring|measures? of|how (?:we will|to|will we|do we) measure) (?:(?:your|the|our|this) )?(?:projects? )?success\b|^(?:projects? )?success (?:metrics|measures|criteria|indicators)\b/;
/** A part of a project proposal (normalised): "Your project's problem", "Project scope", "Project budget", "Timeline". */
const PROPOSAL_PART_KEY = /^(?:(?:your|the|our) )?(?:projects? )?(problem|scope|budget|timeline|deliverables|milestones)\b/;

/** "Goal 1: …", "Objective 2 — …", "O3. …": a numbered goal heading. */
const NUMBERED_GOAL_HEADING = /^[^\p{L}\p{N}]*(?:goal|objective)\s?#?\d{1,2}\s*[:.—–)-]|^[^\p{L}\p{N}]*O\d{1,2}\s*[:.—–)-]/iu;

/** What follows a section name that goes on: a separator or a joining word. */
const CONTINUATION = /^\s*[,/&:(—–-]|^\s+(?:and|of|in|for|from|to|this|the|with)\b/;

/**
 * Headings of a guide about one of these documents: "How to write OKRs", "What are OKRs?",
 * "OKR process at Acme", "Criteria for key results", "Who sets OKRs?".
 */
const GUIDE_HEADING = /^(?!how\s+(?:to|you\s+can)\s+(?:help|contribute|get\s+involved)\b)(?:how\s+(?:to|do\s+(?:i|we|you)|should)\b|(?:what|who|when|why)\s+(?:is|are|sets?|writes?|owns?)\s+(?:an?\s+|the\s+|our\s+)?(?:okrs?|objectives|key results|roadmaps?|rfcs?|adrs?|decision records?|release notes|strateg(?:y|ies)|goals)\b|(?:okrs?|roadmap|rfc|adr|release|planning|decision|strategy|goal[- ]setting)\s+process\b|criteria\s+for\b|format\s+of\b|best\s+practices\b|tips\s+for\b|writing\s+(?:good|great|effective)\b)/i;

interface SignalInput {
  /** Path relative to the repository or workspace (or just the file name). */
  path: string | undefined;
  /** The title: front-matter `title:`, else the first level-1 heading, else the first heading. */
  title: string | null;
  sections: readonly Section[];
  /** The primary structure signal from the headings and shape (doctype.ts inferStructure), if any. */
  structure: TypeSignal | null;
  /** Task-list items (checkboxes) in the document. */
  taskItems: number;
  /** Front-matter `tags`, `categories` or `category`, lower-cased. */
  tags: readonly string[];
  /** Kernel roles the headings name (diagnosis, guiding-policy, coherent-actions). */
  kernelRoles: readonly string[];
  /** Front-matter `description` (or `summary`, `subtitle`): what the writer says the document is, under its title. */
  description?: string | null;
  /** The front matter dates the document (`date:`), as a post's does. */
  dated?: boolean;
  /** List items that link to another Markdown page of the project, counted up to 20. */
  localLinkItems?: number;
}

/** Front-matter tags that name a type (a blog's "release" tag, a handbook's "strategy" category). */
const TAG_TYPES: Array<[RegExp, InferredType]> = [
  [/^(?:release|releases|release[- ]notes|changelog)$/, 'release-notes'],
  [/^(?:updates?|status|status[- ]updates?|monthly[- ]updates?|progress)$/, 'update'],
  [/^(?:roadmaps?)$/, 'roadmap'],
  [/^(?:strategy|vision|mission)$/, 'strategy'],
  [/^(?:rfcs?|adrs?|decisions?|proposals?|design[- ]docs?)$/, 'decision'],
  [/^(?:okrs?|goals)$/, 'okr'],
];

export function typeSignals(input: SignalInput): TypeSignal[] {
  const signals: TypeSignal[] = [];
  pathSignals(input.path, signals);
  titleSignals(input.title, signals);
  descriptionSignals(input.description ?? null, signals);
  indexSignals(input, signals);
  postSignals(input, signals);
  if (input.structure) signals.push(input.structure);
  sectionSignals(input, signals);
  for (const [pattern, type] of TAG_TYPES) {
    const tag = input.tags.find((t) => pattern.test(t));
    if (tag) signals.push({ type, weight: WEIGHTS.partialStructure, kind: 'title', reason: `tagged “${tag}”` });
  }
  return signals;
}

function pathSignals(filePath: string | undefined, signals: TypeSignal[]): void {
  if (!filePath) return;
  const parts = filePath.split(/[\\/]/).filter((part) => part && part !== '.' && part !== '..');
  const name = parts.pop() ?? '';
  const fileNameSignal = (fileName: string, reason: string): void => {
    for (const [pattern, type, weight] of FILE_NAME_TYPES) {
      if (pattern.test(fileName)) {
        signals.push({ type, weight, kind: 'file-name', reason });
        return;
      }
    }
  };
  fileNameSignal(name, `file name ${name}`);
  const nearest = parts[parts.length - 1];
  if (nearest && PROCESS_FOLDER.test(nearest)) signals.push({ type: null, weight: WEIGHTS.guide, kind: 'guide', reason: `folder ${nearest}/ (how the project works, not a plan)` });
  if (nearest && MEETINGS_FOLDER.test(nearest)) signals.push({ type: null, weight: WEIGHTS.rootReadme, kind: 'guide', reason: `folder ${nearest}/ (minutes of meetings, not a plan)` });
  if (PROCESS_FILE.test(name)) signals.push({ type: null, weight: WEIGHTS.guide, kind: 'guide', reason: `file name ${name} (a template or process file)` });
  // The README at a repository's root introduces the project, even when the project is a roadmap or an RFC collection.
  if (parts.length === 0 && /^readme\.mdx?$/i.test(name)) signals.push({ type: null, weight: WEIGHTS.rootReadme, kind: 'guide', reason: `the repository’s ${name} (it introduces the project)` });
  // A post named by its date ("2025-01-13-notes.md", "2025-01-13-notes/index.md") reports on a period more often than not.
  const postName = INDEX_FILE.test(name) && parts.length > 0 ? `${parts[parts.length - 1]}.md` : name;
  // A zero-padded record number ("0003-hashtags/README.md", "0042-workspace.md") numbers one record of a series.
  if (ZERO_PADDED_FILE.test(postName) && !parts.slice(-1).some((folder) => FOLDER_TYPES.some(([pattern, type]) => type === 'decision' && pattern.test(folder)))) {
    signals.push({ type: 'decision', weight: 1, kind: 'file-name', reason: `a numbered record (${postName.replace(/\.md$/, '')})` });
  }
  if (DATED_FILE.test(postName)) signals.push({ type: 'update', weight: 1, kind: 'file-name', reason: `a dated post (${postName.replace(/\.md$/, '')})` });
  // A dated post kept as a folder ("2024-08-24-roadmap-retro/index.md") is named by its folder: read it as a file name, not as a folder of records.
  const postFolder = postName !== name && DATED_FILE.test(postName);
  if (postFolder) fileNameSignal(postName, `post name ${postName.replace(/\.md$/, '')}`);
  // The nearest three folders: a folder far up the path (a home folder, a monorepo root) says little.
  // Folders naming one issue of a series (a version, a year, a pre-release) are passed over.
  const folders = (postFolder ? parts.slice(0, -1) : parts).filter((folder) => !SERIES_FOLDER.test(folder)).slice(-3).reverse();
  const seen = new Set<InferredType>();
  folders.forEach((folder, depth) => {
    if (LOOK_BACK_FOLDER.test(folder)) {
      // "roadmap-reviews/" holds reviews of a roadmap: updates, not roadmaps.
      if (!seen.has('update')) signals.push({ type: 'update', weight: depth === 0 ? WEIGHTS.folder : WEIGHTS.outerFolder, kind: 'folder', reason: `folder ${folder}/ (looks back on a plan)` });
      seen.add('update');
      return;
    }
    for (const [pattern, type] of FOLDER_TYPES) {
      if (!pattern.test(folder) || seen.has(type)) continue;
      seen.add(type);
      const listing = depth === 0 && type === 'decision' && INDEX_FILE.test(name);
      signals.push({ type, weight: listing ? 1 : depth === 0 ? WEIGHTS.folder : WEIGHTS.outerFolder, kind: 'folder', reason: `folder ${folder}/` });
      if (depth === 0 && (type === 'update' || type === 'release-notes') && DATED_FILE.test(name)) {
        signals.push({ type, weight: WEIGHTS.partialStructure, kind: 'file-name', reason: `a date-named file (${name})` });
      }
      if (depth === 0 && type === 'release-notes' && VERSION_FILE.test(name)) {
        signals.push({ type, weight: WEIGHTS.partialStructure, kind: 'file-name', reason: `a version-named file (${name})` });
      }
      if (depth === 0 && type === 'decision' && NUMBERED_FILE.test(name)) {
        signals.push({ type, weight: WEIGHTS.partialStructure, kind: 'file-name', reason: `a numbered record (${name})` });
      }
    }
  });
}

/** The plans a look back names without being one. */
const LOOKED_BACK_ON: ReadonlySet<InferredType> = new Set(['roadmap', 'okr', 'strategy']);

function titleSignals(title: string | null, signals: TypeSignal[]): void {
  if (!title) return;
  const shown = title.length > 60 ? `${title.slice(0, 57)}…` : title;
  const seen = new Set<InferredType>();
  // "Retrospective on the May roadmap", "Roadmap review": the plan named is what the update looks back on.
  const lookBack = LOOK_BACK_TITLE.test(title);
  for (const [pattern, type, weight] of TITLE_TYPES) {
    if (seen.has(type) || (lookBack && LOOKED_BACK_ON.has(type)) || !pattern.test(title)) continue;
    seen.add(type);
    if (type === 'decision' && COLLECTION_TITLE.test(title)) continue;
    signals.push({ type, weight, kind: 'title', reason: `title “${shown}”` });
  }
  if (GUIDE_TITLE.test(title) || IMPERATIVE_TITLE.test(title)) signals.push({ type: null, weight: WEIGHTS.guide, kind: 'guide', reason: `title “${shown}” reads as a guide or template, not a plan` });
  else if (PLACEHOLDER_TITLE.test(title)) signals.push({ type: null, weight: WEIGHTS.guide, kind: 'guide', reason: `title “${shown}” is a placeholder (an unfilled template)` });
}

/**
 * The description under the title ("Progress report for the first half of the coding period") says
 * what the document is in the writer's words: it speaks for a type one step below the title, for a
 * type the title did not name. Only for types: a description is prose, and "how to" or "tips" in it
 * does not make a guide.
 */
function descriptionSignals(description: string | null, signals: TypeSignal[]): void {
  if (!description) return;
  const shown = description.length > 60 ? `${description.slice(0, 57)}…` : description;
  const named = new Set(signals.filter((s) => s.kind === 'title').map((s) => s.type));
  const lookBack = LOOK_BACK_TITLE.test(description);
  for (const [pattern, type, weight] of DESCRIPTION_TYPES) {
    if (named.has(type) || (lookBack && LOOKED_BACK_ON.has(type)) || !pattern.test(description)) continue;
    named.add(type);
    signals.push({ type, weight: weight - 1, kind: 'title', reason: `description “${shown}”` });
  }
}

/**
 * A folder's index page (README.md, index.md) that lists the folder's other pages ("- [Our audience](./who.md)")
 * introduces them: the plan is in the pages it links to, not in the index. Its folder's name speaks for them.
 */
function indexSignals(input: SignalInput, signals: TypeSignal[]): void {
  const links = input.localLinkItems ?? 0;
  if (!input.path || links < 3) return;
  const parts = input.path.split(/[\\/]/).filter((part) => part && part !== '.' && part !== '..');
  if (parts.length < 2 || !INDEX_FILE.test(parts[parts.length - 1])) return;
  signals.push({ type: null, weight: WEIGHTS.rootReadme, kind: 'guide', reason: `an index of its folder’s pages (${links >= 20 ? '20 or more' : links} items link to them)` });
}

/** Folders of a blog's posts: "_posts/", "posts/", "blog/", "news/", "newsletters/". */
const POSTS_FOLDER = /^_?(?:posts|blog|blogs|news|newsletters?)$/i;

/**
 * A post dated in its front matter, in a blog's folder, reports on its period more often than not,
 * as a post named by its date does (that one is read from the file name).
 */
function postSignals(input: SignalInput, signals: TypeSignal[]): void {
  if (!input.dated || !input.path || signals.some((s) => s.reason.startsWith('a dated post'))) return;
  const folders = input.path.split(/[\\/]/).slice(0, -1);
  const posts = folders.find((folder) => POSTS_FOLDER.test(folder));
  if (posts) signals.push({ type: 'update', weight: 1, kind: 'file-name', reason: `a dated post (in ${posts}/, dated in its front matter)` });
}

/** Template sections beyond the primary structure signal: RFC, ADR, goal proposal, vision page, roadmap columns, change categories. */
function sectionSignals(input: SignalInput, signals: TypeSignal[]): void {
  const headings = new Map<string, string>();
  for (const section of input.sections) {
    const key = normalizeHeading(section.title);
    // The title is read as a title, unless it is a template's first section ("# Summary" opening an RFC).
    if (section.depth === 1 && section.index === 0 && !RFC.has(key) && !ADR.has(key)) continue;
    if (key && !headings.has(key)) headings.set(key, section.title.trim());
  }
  // A heading is a template section when it is one, or starts with one ("Goals, objectives and requirements", "Highlights of this release").
  // A heading is a template section when it is one, or starts with one and goes on after a separator
  // or a joining word ("Goals, objectives and requirements", "Highlights of this release"), but not when
  // the name is only its first word ("Current funding situation").
  const inSet = (set: ReadonlySet<string>, key: string): boolean => {
    if (set.has(key)) return true;
    const raw = (headings.get(key) ?? key).toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '').replace(/^(?:the|our|my)\s+/, '');
    for (const entry of set) {
      if (!key.startsWith(`${entry} `)) continue;
      if (entry.includes(' ') || (raw.startsWith(entry) && CONTINUATION.test(raw.slice(entry.length)))) return true;
    }
    return false;
  };
  const found = (set: ReadonlySet<string>): string[] => [...headings.keys()].filter((key) => inSet(set, key));
  const named = (keys: readonly string[]): string => keys.slice(0, 3).map((key) => headings.get(key)).join(', ');
  const primary = input.structure?.type;
  // A procedure's headings (Purpose, Scope, Process): a page that defines how a team works, as a policy or an SOP does, not a plan.
  const procedure = ['purpose', 'scope'].every((key) => headings.has(key)) && ['process', 'procedure', 'procedures'].some((key) => headings.has(key));
  if (procedure) signals.push({ type: null, weight: WEIGHTS.guide, kind: 'guide', reason: 'headings of a procedure (Purpose, Scope, Process): how the team works, not a plan' });
  const guides = [...headings.values()].filter((title) => GUIDE_HEADING.test(title));
  if (guides.length >= 3) {
    signals.push({ type: null, weight: WEIGHTS.guideHeadings, kind: 'guide', reason: `headings of a guide (${guides.slice(0, 3).map((t) => `“${t}”`).join(', ')})` });
  }

  const template = (type: InferredType, all: ReadonlySet<string>, distinct: ReadonlySet<string>, what: string): void => {
    if (primary === type) return;
    const sections = found(all);
    const special = sections.filter((key) => inSet(distinct, key));
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
  // A project proposal (a grant or docs-season application, a project pitch): the problem, the scope, the budget or
  // the timeline, and how success will be measured. Goals with the measures they will be judged by: Goal = Objective.
  const successHeadings = [...headings.keys()].filter((key) => SUCCESS_MEASURE_KEY.test(key));
  const proposalParts = new Set([...headings.keys()].map((key) => PROPOSAL_PART_KEY.exec(key)?.[1]).filter((part) => part !== undefined));
  if (primary !== 'okr' && successHeadings.length > 0 && proposalParts.size >= 2) {
    const shown = [successHeadings[0], ...[...headings.keys()].filter((key) => PROPOSAL_PART_KEY.test(key))].slice(0, 3);
    signals.push({ type: 'okr', weight: WEIGHTS.structure, kind: 'structure', reason: `a project proposal with how its success is measured (${named(shown)})` });
  }

  const counted = (type: InferredType, set: ReadonlySet<string>, what: string, per: number, cap: number, min = 1): void => {
    if (primary === type) return;
    const sections = found(set);
    if (sections.length < min) return;
    signals.push({ type, weight: Math.min(cap, sections.length * per), kind: 'structure', reason: `${what} (${named(sections)})` });
  };
  counted('strategy', STRATEGY, 'vision and strategy headings', 1, 4, 2);
  // A company or project page that states its purpose and the principles it works by ("Mission", "Leadership principles").
  // Read by the name a heading opens with: "Our vision – what we want the future to look like" is a vision heading.
  const leadingName = (key: string): string => normalizeHeading((headings.get(key) ?? key).split(/\s[–—-]\s|[:(]/)[0]);
  const purpose = found(STRATEGY).filter((key) => PURPOSE_HEADING.test(leadingName(key)));
  const principles = found(STRATEGY).filter((key) => PRINCIPLES_HEADING.test(leadingName(key)));
  if (primary !== 'strategy' && purpose.length > 0 && principles.length > 0) {
    // What the organisation is for and how it means to act: with the headings counted above, that is a vision page.
    signals.push({ type: 'strategy', weight: 2, kind: 'structure', reason: `a purpose with principles (${named([purpose[0], principles[0]])})` });
  }
  // Goals with their measures: "Success indicators for outcome 1", "Key results" under each goal.
  // Numbered goals or objectives as headings ("## Goal 1: faster builds", "## Objective 2 — …"): Goal = Objective.
  const numberedGoals = input.sections.filter((section) => NUMBERED_GOAL_HEADING.test(section.title)).length;
  if (primary !== 'okr' && numberedGoals >= 1) {
    signals.push({ type: 'okr', weight: WEIGHTS.partialStructure, kind: 'structure', reason: `numbered goal headings (${input.sections.find((section) => NUMBERED_GOAL_HEADING.test(section.title))!.title.trim()})` });
  }
  const measures = input.sections.filter((section) => MEASURES_HEADING.test(section.title)).length;
  if (primary !== 'okr' && measures >= 2) {
    signals.push({ type: 'okr', weight: 3, kind: 'structure', reason: `${measures} headings of success measures` });
  }
  counted('roadmap', ROADMAP, 'roadmap stage headings', 1.5, 3, 2);
  counted('release-notes', RELEASE, 'change-category headings', 1, 3, 2);
  counted('update', UPDATE, 'update headings', 1, 3, 2);
  // Kernel sections short of the full kernel (the structure signal asks for all three, or two and a strong name).
  if (primary !== 'strategy' && input.kernelRoles.length >= 2) {
    signals.push({ type: 'strategy', weight: input.kernelRoles.length, kind: 'structure', reason: `kernel sections (${input.kernelRoles.join(', ')})` });
  }
  if (input.taskItems >= 3 && primary !== 'roadmap') {
    signals.push({ type: 'roadmap', weight: 1, kind: 'structure', reason: `${input.taskItems} checklist items` });
  }
}
