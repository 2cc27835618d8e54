/**
 * Document type detection. What the writer says decides first: front matter, then a configured
 * glob. Otherwise the type is inferred from everything a reader sees, weighed together: the path
 * (folders and file name), the title and the structure of the common templates
 * (type-signals.ts). A generic document only gets prose rules, so a README is never flooded with
 * strategy warnings: inference asks for more than one hint, and a guide about a type is not one.
 */
import picomatch from 'picomatch';
import { DOC_TYPES, ROLE_INFO, type DocType } from '../vocabulary.js';
import type { Section } from './sections.js';
import { KEY_RESULT_LABEL } from './items.js';
import { LOOK_BACK_TITLE, WEIGHTS, type InferredType, type TypeSignal } from './type-signals.js';

export type DocTypeSource = 'forced' | 'front-matter' | 'config' | 'file-name' | 'path' | 'headings' | 'default';

export interface DocTypeDecision {
  type: DocType;
  source: DocTypeSource;
  /** Why, in words, for the review, the status bar and `--explain-type` ("folder strategy/ and title “Platform strategy”"). */
  reason: string;
  /** Every signal weighed (inferred types only). */
  signals?: readonly TypeSignal[];
  /** Each type's total (inferred types only). */
  scores?: Readonly<Record<InferredType, number>>;
  /** For a generic document that comes close to a type: the type, and why it might be one. */
  suggestion?: { type: InferredType; reason: string };
}

/** The total a type needs to be inferred: more than a folder or a title alone. */
export const TYPE_THRESHOLD = 4;
const INFERRED_TYPES = DOC_TYPES.filter((type): type is InferredType => type !== 'generic');

const TYPE_ALIASES: Record<string, DocType> = {
  'strategy': 'strategy', 'vision': 'strategy', 'memo': 'strategy', 'strategy-memo': 'strategy', 'vision-memo': 'strategy',
  'okr': 'okr', 'okrs': 'okr', 'roadmap': 'roadmap', 'release-notes': 'release-notes', 'release-note': 'release-notes',
  'releasenotes': 'release-notes', 'changelog': 'release-notes', 'decision': 'decision', 'adr': 'decision', 'rfc': 'decision',
  'update': 'update', 'status-update': 'update', 'investor-update': 'update', 'generic': 'generic',
};

export function parseDocType(value: unknown): DocType | null {
  if (typeof value !== 'string') return null;
  const key = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return TYPE_ALIASES[key] ?? ((DOC_TYPES as readonly string[]).includes(key) ? (key as DocType) : null);
}

export function docTypeFromGlobs(relativePath: string, globs: Record<string, DocType>): { glob: string; type: DocType } | null {
  const normalized = relativePath.replace(/\\/g, '/');
  // Matching is polynomial in the path length (each wildcard backtracks): a longer path is not
  // matched at all, so three wildcards cannot take seconds (4,000 characters took about 10 s).
  if (normalized.length > MAX_GLOB_PATH_LENGTH) return null;
  for (const [glob, type] of Object.entries(globs)) {
    if (unsafeGlob(glob) !== null) continue; // refused with a config problem when the config was read
    if (matcherFor(glob)(normalized)) return { glob, type };
  }
  return null;
}

const MAX_GLOB_LENGTH = 256;
/** Longest path matched against type globs: real paths are far shorter; the worst accepted glob matches this many characters in milliseconds. */
export const MAX_GLOB_PATH_LENGTH = 512;
/** Backtracking points in one glob: wildcards (`*`, `**`, `?`, `[…]`) and brace groups (`{a,b}`). */
const MAX_GLOB_CHOICES = 3;

/**
 * Why a `types` glob is refused, or null when it is safe. picomatch turns a glob into a regular
 * expression, and JavaScript cannot stop a regex that runs away: `*a*a*a*a*a*a*a*a*a*a*b` took
 * over 20 s against a 40-character path. Each wildcard or brace group is a backtracking point, so
 * the work grows with the path length to the power of their number. Three are enough for real
 * globs (a folder, any depth below it, any Markdown file) and keep matching a 500-character path
 * within milliseconds.
 */
export function unsafeGlob(glob: string): string | null {
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  if (/[@!?+*]\(/.test(glob)) return 'extended glob groups such as "+(…)" or "@(…)" are not supported';
  const choices = (glob.match(/\*+|\?|\[|\{/g) ?? []).length;
  if (choices > MAX_GLOB_CHOICES) return `more than ${MAX_GLOB_CHOICES} wildcards or brace groups ("*", "**", "?", "[…]", "{…}"); split it into simpler globs`;
  return null;
}

const matchers = new Map<string, (path: string) => boolean>();

/** Compiled once per glob: documents are linted again and again. */
function matcherFor(glob: string): (path: string) => boolean {
  let matcher = matchers.get(glob);
  if (!matcher) {
    if (matchers.size > 200) matchers.clear();
    matcher = picomatch(glob, { dot: true, nocase: true, noextglob: true, matchBase: !glob.includes('/') });
    matchers.set(glob, matcher);
  }
  return matcher;
}

/** Words in headings that mark each type strongly enough to infer it. */
const STRONG_KERNEL = /^(?:the\s+|our\s+)?(?:diagnosis|guiding polic(?:y|ies)|coherent actions?|the challenge|how we will win|where to play)\b/i;
/**
 * A release heading: "2.4.0 — 2026-11-21", "[2.4.0] - …", "🚀 v4.2.0 (2026-11-21)", "Version 12.1", "v5.8".
 * A bare two-part number followed by a word is section numbering ("1.2 Scope"), not a version.
 */
const VERSION_HEADING = /^[^\p{L}\p{N}\[]*(?:(?:release|version)\s+)?\[?(?:(?:v\d+\.\d+|\d+\.\d+\.\d+)(?:\.\d+)?(?:[-+][\w.]+)?\]?(?:\s|$|[—–:-])|\d+\.\d+(?:[-+][\w.]+)?\]?\s*(?:$|[—–:(|-]))/iu;
const RELEASE_TITLE = /\b(?:release notes?|changelog|what'?s new|what’s new)\b/i;
/** Titles of customer release notes dated by month or day rather than versioned: "Product updates — November 2026". */
const DATED_RELEASE_TITLE = /\b(?:release notes?|changelog|what'?s new|what’s new|product updates?)\b/i;
const ROADMAP_TITLE = /\broadmap\b/i;
const HORIZON_HEADING = /^\W*(?:now|next|later)\b/i;
const PERIOD_HEADING = /^\W*(?:Q[1-4]|H[12]|FY\s?\d{2}|\d[HQ]\d{2})\b/i;
const OKR_HEADING = /\b(?:okrs?|objectives? and key results|key results)\b/i;
/** A year, a quarter, a half or a fiscal year named anywhere in a heading. */
const PERIOD_WORD = /\b(?:20\d\d|[QH][1-4]|FY\s?\d{2})\b/i;
const OBJECTIVE_HEADING = /^\W*(?:objective\s?\d*|O\d)\s*[:.—–-]/i;
/** "ADR-12: …", "RFC: …", "Decision: …", and design docs or proposals (with an options section they weigh a decision). */
const DECISION_TITLE = /^(?:adr|rfc)\b|\bdecision\b|\bdesign\s+(?:doc|document)\b|\bproposal\b/i;
/** "Decision", "Our decision", "Decision outcome" (MADR) — not "Decisions" (a list in meeting notes). */
const DECISION_HEADING = /^\W*(?:the\s+|our\s+)?decision(?:\s+outcome)?\s*(?:$|[:—–(-])/i;
/** Nygard's ADR: Context, Decision, Consequences. */
const CONSEQUENCES_HEADING = /^\W*consequences\b/i;
/** Updates are named by their cadence as often as by the word: "Platform weekly", "October business review", "WBR". */
const UPDATE_TITLE = /\b(?:update|updates|status|status report|progress report|weekly|monthly|fortnightly|biweekly|business review|[wmq]br|snippets)\b/i;
const UPDATE_HEADING = /\b(?:highlights|lowlights|headlines|wins|misses|asks?|what we need|how you can help|blockers|done this week|next week)\b/i;
/** Headings only an update has: two different ones make an update whatever the title. */
const UPDATE_KINDS = [/\bhighlights\b/i, /\blowlights\b/i, /^\W*(?:asks?|what we need|how you can help)\b/i];

/** Structure beyond headings that a type can be told by (computed by the document). */
export interface TypeEvidence {
  /** A table with a "Key result" / "KR" column. */
  keyResultTable: boolean;
  /** A table with both an "Objective" (or "Goal") column and a key-result or measure column. */
  objectiveTable: boolean;
  /** A list whose top-level items hold sub-items (objectives with their key results). */
  nestedList: boolean;
  /** A table with a when column: "Quarter", "Horizon", "Timeline", "When". */
  timedTable: boolean;
  /** The title names a date, a period or a version ("Payments roadmap 2027", "Fieldbook 7.2 release notes"). */
  titleDated: boolean;
  /** Headings other than the title that name a date ("November 2026", "2026-11-20: Faster search"). */
  datedHeadings: number;
  /** List items or table rows that name a date, counted up to 2 ("Instant payouts (Q1 2027)"). */
  datedItems: number;
  /** Items or rows that report a status ("Status: at risk", "Current status: …", a Status column reading "On track"), counted up to 2. */
  statusReports?: number;
}

const NO_EVIDENCE: TypeEvidence = { keyResultTable: false, objectiveTable: false, nestedList: false, timedTable: false, titleDated: false, datedHeadings: 0, datedItems: 0 };

/**
 * The strongest structure of the document: the kernel, an ADR, horizon headings, version headings,
 * objectives with key results, an update's highlights and asks. The first that matches is the
 * structure signal (a strategy memo with an OKR section stays a strategy memo).
 */
export function inferStructure(sections: readonly Section[], titleText: string | null, keyResultLines: number, evidence: TypeEvidence = NO_EVIDENCE): TypeSignal | null {
  const found = (type: InferredType, reason: string): TypeSignal => ({ type, weight: WEIGHTS.structure, kind: 'structure', reason });
  const roles = new Set(sections.flatMap((s) => s.roles));
  const kernelRoles = (['diagnosis', 'guiding-policy', 'coherent-actions'] as const).filter((role) => roles.has(role));
  const strongKernel = sections.some((s) => STRONG_KERNEL.test(s.title.replace(/^[^\p{L}]+/u, '')));
  const title = titleText ?? '';
  const titles = sections.map((s) => s.title);
  // Headings below the title ("# Decision: adopt X" is a title, not a decision section).
  const bodyTitles = sections.filter((s, i) => !(i === 0 && s.title === title)).map((s) => s.title);

  if (kernelRoles.length === 3 || (kernelRoles.length >= 2 && (strongKernel || /\b(?:strategy|vision)\b/i.test(title)))) {
    return found('strategy', `headings name the kernel (${kernelRoles.map((role) => ROLE_INFO[role].label.toLowerCase()).join(', ')})`);
  }
  if (DECISION_TITLE.test(title) && roles.has('options')) {
    return found('decision', 'a decision title with an options section');
  }
  const decisionHeading = bodyTitles.some((t) => DECISION_HEADING.test(t));
  if (decisionHeading && (DECISION_TITLE.test(title) || bodyTitles.some((t) => CONSEQUENCES_HEADING.test(t)))) {
    return found('decision', DECISION_TITLE.test(title) ? 'a decision title with a decision section' : 'decision and consequences sections (an ADR)');
  }
  const horizons = titles.filter((t) => HORIZON_HEADING.test(t)).length;
  const periods = titles.filter((t) => PERIOD_HEADING.test(t)).length;
  // A retrospective on a roadmap or a roadmap review names the roadmap it looks back on, and is not one.
  const roadmapTitle = ROADMAP_TITLE.test(title) && !LOOK_BACK_TITLE.test(title);
  if (horizons >= 2 || (roadmapTitle && (horizons >= 1 || periods >= 1)) || periods >= 3) {
    return found('roadmap', horizons >= 2 ? 'Now / Next / Later headings' : 'quarter headings');
  }
  // "Payments roadmap 2027" over a table with a Quarter column, "Mobile roadmap — H1 2027" over theme headings.
  if (roadmapTitle && (evidence.titleDated || evidence.timedTable || evidence.datedItems >= 2)) {
    return found('roadmap', evidence.timedTable ? 'a roadmap title over a table with a when column' : evidence.titleDated ? 'a dated roadmap title' : 'a roadmap title over dated items');
  }
  const versions = titles.filter((t) => VERSION_HEADING.test(t)).length;
  if (versions >= 2 || (RELEASE_TITLE.test(title) && versions >= 1)) {
    return found('release-notes', 'version headings');
  }
  // Releases named by month or day ("## November 2026"), or one release in the title; not a status update.
  if (DATED_RELEASE_TITLE.test(title) && (evidence.titleDated || evidence.datedHeadings >= 1) && !titles.some((t) => UPDATE_HEADING.test(t))) {
    return found('release-notes', 'a release-notes title with dated or versioned releases');
  }
  const objectives = titles.filter((t) => OBJECTIVE_HEADING.test(t)).length;
  if (titles.some((t) => OKR_HEADING.test(t)) && (objectives >= 1 || keyResultLines >= 2) || objectives >= 1 && keyResultLines >= 2) {
    return found('okr', 'objectives with key results');
  }
  // "## Q4 objectives and key results" over "### <objective>" sections, each a list of key results.
  // The heading names a period, as a set of OKRs does ("2019 Q4 OKRs"); a guide's "Fundamentals of OKRs" does not.
  const okrSection = sections.find((s) => s.title !== title && OKR_HEADING.test(s.title) && PERIOD_WORD.test(s.title) && s.children.filter(holdsList).length >= 2);
  if (okrSection && !UPDATE_TITLE.test(title)) {
    return found('okr', `an OKR section with objectives as sub-sections (“${okrSection.title.trim()}”)`);
  }
  // "Growth team OKRs — Q1 2027" over objectives as bullets with key results as sub-bullets, or over a key-result table.
  if ((OKR_HEADING.test(title) && !UPDATE_TITLE.test(title) && (evidence.nestedList || evidence.keyResultTable)) || evidence.objectiveTable) {
    return found('okr', evidence.objectiveTable ? 'a table of objectives and key results' : 'an OKR title over objectives with key results');
  }
  if (UPDATE_TITLE.test(title) && bodyTitles.some((t) => UPDATE_HEADING.test(t))) {
    return found('update', 'an update title with highlights/lowlights/asks');
  }
  if (UPDATE_KINDS.filter((kind) => bodyTitles.some((t) => kind.test(t))).length >= 2) {
    return found('update', 'highlights, lowlights and asks sections');
  }
  // Work reported by its status ("Status: at risk", "Current status: …", a Status column of On track / Blocked).
  if ((evidence.statusReports ?? 0) >= 2) {
    const reason = 'work reported by its status (on track, at risk, current status)';
    return UPDATE_TITLE.test(title) ? found('update', `an update title over ${reason}`) : { type: 'update', weight: WEIGHTS.partialStructure, kind: 'structure', reason };
  }
  if (roles.has('options') && roles.has('summary') && titles.some((t) => /\bdecision\b/i.test(t))) {
    return found('decision', 'options and a decision section');
  }
  return null;
}

/** A section whose own text holds a list (an objective and its key results). */
function holdsList(section: Section): boolean {
  return section.ownBlocks.some((block) => block.type === 'list' || block.type === 'table');
}

/**
 * The inferred type: the type with the highest total, when it reaches TYPE_THRESHOLD (ties go to
 * the type a file name speaks for, then to the heavier single signal). Below the threshold the
 * document is generic, with the closest type as a suggestion when something spoke for it.
 */
export function decideInferredType(signals: readonly TypeSignal[]): DocTypeDecision {
  const against = signals.filter((s) => s.type === null);
  const penalty = against.reduce((sum, s) => sum + s.weight, 0);
  const scores = Object.fromEntries(INFERRED_TYPES.map((type) => [type, 0])) as Record<InferredType, number>;
  for (const signal of signals) if (signal.type) scores[signal.type] += signal.weight;
  const forType = (type: InferredType): TypeSignal[] => signals.filter((s) => s.type === type).sort((a, b) => b.weight - a.weight);
  // Reasons read as a reader finds them: where the file is, its title, then its shape.
  const inReadingOrder = (type: InferredType): TypeSignal[] => forType(type).slice(0, 3).sort((a, b) => READING_ORDER.indexOf(a.kind) - READING_ORDER.indexOf(b.kind));
  const rank = (type: InferredType): [number, number, number] => {
    const own = forType(type);
    return [scores[type] + penalty, own.some((s) => s.kind === 'file-name' && s.weight === WEIGHTS.fileName) ? 1 : 0, own[0]?.weight ?? 0];
  };
  const best = [...INFERRED_TYPES].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
  })[0];
  const total = scores[best] + penalty;
  const because = joinReasons(inReadingOrder(best).map((s) => s.reason));
  if (total >= TYPE_THRESHOLD) {
    const lead = forType(best)[0];
    const source: DocTypeSource = lead.kind === 'file-name' ? 'file-name' : lead.kind === 'folder' ? 'path' : 'headings';
    return { type: best, source, reason: because, signals, scores };
  }
  const guide = against.length > 0 ? joinReasons(against.map((s) => s.reason)) : null;
  // A guide or template that speaks of a roadmap is not one: nothing to suggest.
  const suggestion = scores[best] >= 2 && !guide ? { type: best, reason: because } : undefined;
  const reason = guide && scores[best] >= 2 ? `${guide}: it speaks of a ${best} (${because}) without being one`
    : suggestion ? `not enough to tell a type: ${because} alone suggests a ${best}`
    : 'no strategy structure found';
  return { type: 'generic', source: 'default', reason, signals, scores, ...(suggestion ? { suggestion } : {}) };
}

const READING_ORDER: ReadonlyArray<TypeSignal['kind']> = ['file-name', 'folder', 'title', 'structure', 'guide'];

/** "a", "a and b", "a, b and c" (at most three). */
function joinReasons(reasons: readonly string[]): string {
  const shown = [...new Set(reasons)].slice(0, 3);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export { KEY_RESULT_LABEL };
