/**
 * Helpers for rules that reason about the sections of a strategy: which sections really play a
 * role (not a title that merely contains the whole document), which prose belongs to a role, and
 * how many words of real prose (placeholders aside) a section holds.
 */
import type { StrategyDocument } from '../model/document.js';
import type { Section } from '../model/sections.js';
import type { TextBlock } from '../model/text-block.js';
import type { SectionRole } from '../types.js';
import { countWords } from '../model/document.js';
import { phraseMatcher } from './phrases.js';
import { normalizeHeading } from '../model/roles.js';

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

/** Sections whose heading names the role, containers excluded. */
export function roleSections(doc: StrategyDocument, role: SectionRole): Section[] {
  return doc.sectionsWithRole(role).filter((section) => !isContainer(doc, section));
}

/**
 * Sections whose heading starts with one of `phrases` ("Context", "Background: …", "Rollout
 * plan"): headings that do a kernel part's job without its name. Matched on the normalized heading.
 */
export function sectionsNamed(doc: StrategyDocument, phrases: readonly string[]): Section[] {
  if (phrases.length === 0) return [];
  const matcher = phraseMatcher(phrases, { inflect: false });
  return doc.sections.filter((section) => !isContainer(doc, section) && matcher.matchAll(normalizeHeading(section.title)).some((m) => m.index === 0));
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

/**
 * Whether the document has a kernel part, under any of its names: a heading with the role, a
 * heading starting with one of `alsoAccept`, or a bold-labelled paragraph of a one-page memo
 * ("**Diagnosis.** …"). What the *-missing rules ask before they report.
 */
export function hasKernelPart(doc: StrategyDocument, role: SectionRole, alsoAccept: readonly string[]): boolean {
  return roleSections(doc, role).length > 0 || sectionsNamed(doc, alsoAccept).length > 0 || labelledBlocks(doc, role, alsoAccept).length > 0;
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

function plainText(node: { value?: unknown; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((child) => plainText(child as { value?: unknown; children?: unknown[] })).join('');
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

/** Default placeholder words and phrases: what a template leaves behind. */
export const DEFAULT_PLACEHOLDERS: readonly string[] = [
  'TODO', 'TBD', 'TBC', 'TK', 'FIXME', 'XXX', 'N/A', 'WIP', 'lorem ipsum', 'dolor sit amet', 'fill in', 'fill this in',
  'to be written', 'to be defined', 'to be determined', 'to be decided', 'to be confirmed', 'coming soon',
  'details to follow', 'more to come', 'work in progress', 'placeholder', 'see below', 'see above', 'insert here',
];

/** Template tokens: `<the obstacle?>`, `${1:owner}`, `[fill in]`, `{{name}}`. Flat patterns, linear. */
const TEMPLATE_TOKEN = /<[\p{L}][^<>\n]{0,300}>|\$\{[^{}\n]{0,300}\}|\{\{[^{}\n]{0,300}\}\}|\[(?:insert|add|fill|describe|your|todo|tbd)[^[\]\n]{0,200}\]/giu;

/** True when the text still holds an unfilled template token (`<the obstacle?>`, `${1:owner}`). */
export function hasTemplateToken(text: string): boolean {
  TEMPLATE_TOKEN.lastIndex = 0;
  const found = TEMPLATE_TOKEN.test(text);
  TEMPLATE_TOKEN.lastIndex = 0;
  return found;
}

/** Prose with placeholders and template tokens blanked out (same length). */
export function withoutPlaceholders(text: string, placeholders: readonly string[]): { text: string; placeholders: number } {
  let count = 0;
  let result = text.replace(TEMPLATE_TOKEN, (token) => {
    count++;
    return ' '.repeat(token.length);
  });
  const matches = phraseMatcher(placeholders, { inflect: false }).matchAll(result);
  if (matches.length > 0) {
    count += matches.length;
    let rebuilt = '';
    let from = 0;
    for (const match of matches) {
      rebuilt += result.slice(from, match.index) + ' '.repeat(match.length);
      from = match.index + match.length;
    }
    result = rebuilt + result.slice(from);
  }
  return { text: result, placeholders: count };
}

/** Words of real prose in some blocks, placeholders aside. */
export function proseWords(blocks: readonly TextBlock[], placeholders: readonly string[]): { words: number; placeholders: number } {
  let words = 0;
  let found = 0;
  for (const block of blocks) {
    const cleaned = withoutPlaceholders(block.text, placeholders);
    words += countWords(cleaned.text);
    found += cleaned.placeholders;
  }
  return { words, placeholders: found };
}

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
