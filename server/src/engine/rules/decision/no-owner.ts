import { defineRule } from '../../types.js';
import { countWords, type StrategyDocument } from '../../model/document.js';

/** A value that is still a template placeholder: "@owner", "<name>", "TBD", "${1:owner}". */
const PLACEHOLDER_VALUE = /^\s*(?:@?owner|@?name|@?author|tbd|tbc|todo|n\/a|none|unknown|-+|\?+|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\})\s*$/i;
/**
 * "Prepared by Ana Costa", "Decision made on 2026-11-15 by Kenji Watanabe": a by-line names the owner without a colon.
 * A body that approves or owns it counts by its short name ("Approved by TOC on: …") or as a board, council or committee
 * ("defined and approved by the board of directors"); "prepared by the SRE leads" names nobody.
 */
const BY_LINE = /\b(?:[Pp]repared|[Ww]ritten|[Aa]uthored|[Dd]rafted|[Dd]ecided|[Mm]ade|[Oo]wned|[Ll]ed|[Dd]riven|[Pp]roposed|[Aa]pproved)\s+(?:[^.\n]{0,30}?\s)?by\s+(?:@[\p{L}]|[\p{Lu}][\p{Ll}]+\s+[\p{Lu}][\p{Ll}]+)|\b(?:[Aa]pproved|[Oo]wned|[Rr]atified)\s+by\s+(?:the\s+)?\p{Lu}{2,}\b|\b(?:[Aa]pproved|[Oo]wned|[Rr]atified|[Mm]aintained)\s+by\s+(?:the|our|its)\s+(?:[\p{L}-]+\s+){0,2}(?:board|council|committee|working\s+group)\b/u;
/** "The core team will drive these efforts", "The platform group owns this": a named body takes it on. */
const OWNING_BODY = /\b(?:team|group|committee|council|board|wg|sig)\s+(?:will\s+(?:drive|lead|own)|(?:is|are)\s+(?:responsible|accountable)\s+for|owns|leads|drives)\b/i;
/** A by-line under the title: a name on its own line above a date ("Ana Costa / March 2026"). */
const NAME_LINE = /^\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}[\p{Ll}.]*){1,2}$/u;
const NOT_A_NAME = /^(?:draft|status|version|updated|last|revised|proposal|rfc|design|summary|approved|accepted|final|table|contents)\b/i;
const YEAR = /\b(?:19|20)\d{2}\b/;
/** Labels that name an owner wherever they stand (a per-initiative "Owner: @li" far down the page). */
const BODY_LABELS = ['owner', 'owners', 'dri', 'author', 'authors', 'decider', 'deciders', 'sponsor', 'sponsors', 'point of contact', 'accountable',
  // "**Tracking Manager:** Martin", "Assignee: Ana"; an OKR line that opens with its owner's title ("CFO: Improve…").
  'manager', 'assignee', 'assigned to', 'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cro', 'cpo'];
/** "Thank you to @ana for keeping this roadmap up to date": the person who keeps the document. */
const KEEPS_THE_DOCUMENT = /\b(?:keep|keeps|keeping|maintain|maintains|maintaining)\s+(?:this|the)\s+(?:roadmap|document|page|plan|doc)\b/i;
/** Sections that list the people: "Staffing", "Owners", "Sponsors", "Team", a proposal's "Volunteers" or "Mentors". */
const PEOPLE_HEADING = /^\W*(?:staffing|owners?|ownership|sponsors?|authors?|team|people|contacts?|points?\s+of\s+contact|maintainers|leads?|volunteers|mentors)\b/i;
/** `@ana`, not an e-mail address. */
const MENTION = /(?<![\p{L}\p{N}_.@])@(?!(?:owner|name|author|someone|you|tbd|todo)\b)[\p{L}][\p{L}\p{N}_.-]*/iu;

function escapeLabel(label: string): string {
  return label.trim().toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/**
 * "Owner: Ana", "DRI — @li", `author = "Ana"` (front matter a site generator left as text) and
 * "**Owner** [Ana](…)" (a bold label with no colon).
 */
function labelPattern(labels: readonly string[]): RegExp {
  return new RegExp(`(?:^|[\\s|*_(·•,;])(?:${labels.join('|')})(?:[\\s*_]*(?:[:=—–]|-\\s)[\\s*_"']*|(?:\\*\\*|__)[ \\t]+\\[?)[@\\p{L}]`, 'iu');
}

/** The first paragraph under the title is a by-line: a name on its own line, and a date. */
function byLineUnderTitle(doc: StrategyDocument, topEnd: number): boolean {
  const title = doc.titleSection;
  const block = doc.textBlocks.find((b) => b.kind === 'paragraph' && b.start > (title?.titleEnd ?? -1));
  if (!block || block.start >= topEnd || (title && block.start >= (title.children[0]?.start ?? title.end))) return false;
  // The source's first line: hard line breaks read as spaces in the prose text.
  const first = doc.text.slice(block.start, block.end).split(/\r?\n/)[0].replace(/\\$/, '').trim();
  if (!NAME_LINE.test(first) || NOT_A_NAME.test(first)) return false;
  // The date may be the next paragraph: "Ana Costa" and then "Last updated: March 1, 2026".
  const next = doc.textBlocks.find((b) => b.start >= block.end);
  return YEAR.test(block.text) || (next !== undefined && next.kind === 'paragraph' && next.start < topEnd && YEAR.test(next.text) && countWords(next.text) <= 8);
}

function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(filled);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).some(filled);
  const text = String(value);
  return text.trim().length > 0 && !PLACEHOLDER_VALUE.test(text);
}

export default defineRule({
  meta: {
    id: 'decision/no-owner',
    family: 'decision',
    description: 'A decision, strategy, roadmap or OKR set that names no owner, DRI or author.',
    defaultSeverity: 'information',
    types: ['decision', 'strategy', 'roadmap', 'okr'],
    documentLevel: true,
    fixable: false,
    options: {
      frontMatterKeys: {
        type: 'string[]',
        default: ['owner', 'owners', 'author', 'authors', 'dri', 'driver', 'drivers', 'decider', 'deciders', 'accountable', 'approver', 'approvers', 'lead', 'maintainer', 'maintainers'],
        description: 'Front matter keys that name the owner (a filled value that is not a placeholder like "@owner" or "TBD").',
      },
      labels: {
        type: 'string[]',
        default: ['owner', 'owners', 'dri', 'author', 'authors', 'driver', 'decider', 'deciders', 'decision maker', 'accountable', 'approver', 'approvers', 'lead', 'prepared by', 'written by', 'by'],
        description: 'Labels that name the owner in the body ("Owner: Ana", "DRI — @li", "| Author | Ana |"), near the top.',
      },
      topLines: {
        type: 'number',
        default: 20,
        minimum: 1,
        description: 'How many lines below the front matter count as "near the top" for body labels and @mentions.',
      },
    },
    rationale:
      'Single-threaded ownership is how decisions get made and strategies get carried out: one person who is accountable, whom readers can ask and who updates the document. A document with no named owner becomes nobody\'s, goes stale, and leaves readers guessing whom to challenge.',
    howToFix:
      'Name the one accountable person: `owner: "@ana"` in the front matter, or an `Owner: Ana` (or `DRI:`, `Author:`) line under the title.',
    seeds: [
      { source: '001', quote: 'single-threaded ownership for outcomes' },
      { source: '003', quote: 'From Jeff Bezos’s playbook I borrow the insistence on written narratives, single-threaded ownership, and clarity on what will not change.' },
    ],
    examples: {
      bad: '# Build the spreadsheet importer in-house\n\n## Decision\n\nWe will build the importer ourselves on our import API.\n',
      good: '# Build the spreadsheet importer in-house\n\nOwner: @priya · Status: accepted\n\n## Decision\n\nWe will build the importer ourselves on our import API.\n',
    },
  },
  check({ doc, options, reportDocument }) {
    const data = doc.frontMatter?.data ?? {};
    const own = (data['strategy-lint'] && typeof data['strategy-lint'] === 'object' ? data['strategy-lint'] : {}) as Record<string, unknown>;
    const keys = new Set(options.frontMatterKeys.map((key) => key.toLowerCase()));
    for (const source of [data, own]) {
      for (const [key, value] of Object.entries(source)) if (keys.has(key.toLowerCase()) && filled(value)) return;
    }
    const bodyStart = doc.frontMatter ? doc.frontMatter.end : 0;
    const topEnd = doc.lines.offsetAt(doc.lines.positionAt(bodyStart).line + options.topLines, 0);
    const labels = options.labels.map(escapeLabel).filter(Boolean);
    const labelled = labels.length > 0 ? labelPattern(labels) : null;
    for (const block of doc.textBlocks) {
      if (block.start >= topEnd) break;
      // The source too: a bold label with no colon ("**Owner** Ana") reads as one only with its markup.
      const source = doc.text.slice(block.start, block.end);
      if (MENTION.test(block.text) || (labelled && (labelled.test(block.text) || labelled.test(source))) || BY_LINE.test(block.text) || OWNING_BODY.test(block.text)) return;
    }
    if (byLineUnderTitle(doc, topEnd)) return;
    // Anywhere: an owner label on a line of its own ("**Owner:** @li" under each initiative), or people under a "Staffing" heading.
    const anywhere = labelPattern(BODY_LABELS.map(escapeLabel));
    if (doc.textBlocks.some((block) => anywhere.test(block.text))) return;
    if (doc.sections.some((section) => PEOPLE_HEADING.test(section.title) && doc.sectionBlocks(section).some((block) => MENTION.test(block.text)))) return;
    if (doc.textBlocks.some((block) => KEEPS_THE_DOCUMENT.test(block.text) && MENTION.test(block.text))) return;
    // A metadata table near the top: | Owner | @ana | or a header row with an Owner column.
    const labelCell = labels.length > 0 ? new RegExp(`^\\s*(?:${labels.join('|')})\\s*:?\\s*$`, 'i') : null;
    for (const item of doc.items) {
      if (item.start >= topEnd || item.kind !== 'table-row' || !item.cells || !labelCell) continue;
      const cells = item.cells.map((cell) => cell.text.trim());
      if (cells.some((cell, i) => labelCell.test(cell) && cells.slice(i + 1).some((next) => filled(next)))) return;
      if (item.header?.some((name, i) => labelCell.test(name) && filled(cells[i] ?? ''))) return;
    }
    reportDocument('No owner: name the one person accountable for this document — `owner:` in the front matter, or an `Owner:` / `DRI:` line under the title.');
  },
});
