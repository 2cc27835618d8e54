/**
 * Document type detection, first match wins: front matter → configured globs → file name →
 * headings → generic. A generic document only gets prose rules, so a README is never flooded
 * with strategy warnings; inference from headings therefore asks for strong evidence.
 */
import picomatch from 'picomatch';
import { DOC_TYPES, type DocType } from '../types.js';
import type { Section } from './sections.js';
import { KEY_RESULT_LABEL } from './items.js';

export type DocTypeSource = 'forced' | 'front-matter' | 'config' | 'file-name' | 'headings' | 'default';

export interface DocTypeDecision {
  type: DocType;
  source: DocTypeSource;
  /** Why, in words, for the review and hovers ("file name ROADMAP.md"). */
  reason: string;
}

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

const FILE_NAME_TYPES: Array<[RegExp, DocType]> = [
  [/^roadmap\.md$|\.roadmap\.md$/i, 'roadmap'],
  [/^release[_-]?notes\.md$|^changelog\.md$|\.release\.md$/i, 'release-notes'],
  [/^okrs?\.md$|\.okrs?\.md$/i, 'okr'],
  [/^strategy\.md$|\.strategy\.md$|^vision\.md$|\.vision\.md$/i, 'strategy'],
  [/\.decision\.md$|^rfc-.*\.md$|^adr-.*\.md$/i, 'decision'],
  [/\.update\.md$/i, 'update'],
];

export function docTypeFromFileName(filePath: string): DocType | null {
  const name = filePath.split(/[\\/]/).pop() ?? '';
  for (const [pattern, type] of FILE_NAME_TYPES) if (pattern.test(name)) return type;
  return null;
}

export function docTypeFromGlobs(relativePath: string, globs: Record<string, DocType>): { glob: string; type: DocType } | null {
  const normalized = relativePath.replace(/\\/g, '/');
  for (const [glob, type] of Object.entries(globs)) {
    if (unsafeGlob(glob) !== null) continue; // refused with a config problem when the config was read
    if (matcherFor(glob)(normalized)) return { glob, type };
  }
  return null;
}

const MAX_GLOB_LENGTH = 256;
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
const VERSION_HEADING = /^\[?v?\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?\]?(?:\s|$|[—–:-])/i;
const RELEASE_TITLE = /\b(?:release notes?|changelog|what'?s new|what’s new)\b/i;
const ROADMAP_TITLE = /\broadmap\b/i;
const HORIZON_HEADING = /^\W*(?:now|next|later)\b/i;
const PERIOD_HEADING = /^\W*(?:Q[1-4]|H[12]|FY\s?\d{2}|\d[HQ]\d{2})\b/i;
const OKR_HEADING = /\b(?:okrs?|objectives? and key results|key results)\b/i;
const OBJECTIVE_HEADING = /^\W*(?:objective\s?\d*|O\d)\s*[:.—–-]/i;
const DECISION_TITLE = /^(?:adr|rfc)\b|\bdecision\b/i;
const UPDATE_TITLE = /\b(?:status update|investor update|weekly update|monthly update|update)\b/i;
const UPDATE_HEADING = /\b(?:highlights|lowlights|asks?|what we need|how you can help)\b/i;

export function inferDocType(sections: readonly Section[], titleText: string | null, keyResultLines: number): DocTypeDecision | null {
  const roles = new Set(sections.flatMap((s) => s.roles));
  const kernelRoles = (['diagnosis', 'guiding-policy', 'coherent-actions'] as const).filter((role) => roles.has(role));
  const strongKernel = sections.some((s) => STRONG_KERNEL.test(s.title.replace(/^[^\p{L}]+/u, '')));
  const title = titleText ?? '';
  const titles = sections.map((s) => s.title);

  if (kernelRoles.length === 3 || (kernelRoles.length >= 2 && (strongKernel || /\b(?:strategy|vision)\b/i.test(title)))) {
    return { type: 'strategy', source: 'headings', reason: `headings name the kernel (${kernelRoles.join(', ')})` };
  }
  if (DECISION_TITLE.test(title) && roles.has('options')) {
    return { type: 'decision', source: 'headings', reason: 'a decision title with an options section' };
  }
  const horizons = titles.filter((t) => HORIZON_HEADING.test(t)).length;
  const periods = titles.filter((t) => PERIOD_HEADING.test(t)).length;
  if (horizons >= 2 || (ROADMAP_TITLE.test(title) && (horizons >= 1 || periods >= 1)) || periods >= 3) {
    return { type: 'roadmap', source: 'headings', reason: horizons >= 2 ? 'Now / Next / Later headings' : 'quarter headings' };
  }
  const versions = titles.filter((t) => VERSION_HEADING.test(t)).length;
  if (versions >= 2 || (RELEASE_TITLE.test(title) && versions >= 1)) {
    return { type: 'release-notes', source: 'headings', reason: 'version headings' };
  }
  const objectives = titles.filter((t) => OBJECTIVE_HEADING.test(t)).length;
  if (titles.some((t) => OKR_HEADING.test(t)) && (objectives >= 1 || keyResultLines >= 2) || objectives >= 1 && keyResultLines >= 2) {
    return { type: 'okr', source: 'headings', reason: 'objectives with key results' };
  }
  if (UPDATE_TITLE.test(title) && titles.filter((t) => UPDATE_HEADING.test(t)).length >= 1) {
    return { type: 'update', source: 'headings', reason: 'an update title with highlights/lowlights/asks' };
  }
  if (roles.has('options') && roles.has('summary') && titles.some((t) => /\bdecision\b/i.test(t))) {
    return { type: 'decision', source: 'headings', reason: 'options and a decision section' };
  }
  return null;
}

export { KEY_RESULT_LABEL };
