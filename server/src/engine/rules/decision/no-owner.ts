import { defineRule } from '../../types.js';

/** A value that is still a template placeholder: "@owner", "<name>", "TBD", "${1:owner}". */
const PLACEHOLDER_VALUE = /^\s*(?:@?owner|@?name|@?author|tbd|tbc|todo|n\/a|none|unknown|-+|\?+|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\})\s*$/i;
/** "Prepared by Ana Costa", "Decision made on 2026-11-15 by Kenji Watanabe": a by-line names the owner without a colon. */
const BY_LINE = /\b(?:prepared|written|authored|drafted|decided|made|owned|led|driven|proposed|approved)\s+(?:[^.\n]{0,30}?\s)?by\s+(?:@[\p{L}]|[\p{Lu}][\p{Ll}]+\s+[\p{Lu}][\p{Ll}]+)/u;
/** `@ana`, not an e-mail address. */
const MENTION = /(?<![\p{L}\p{N}_.@])@(?!(?:owner|name|author|someone|you|tbd|todo)\b)[\p{L}][\p{L}\p{N}_.-]*/iu;

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
    const labels = options.labels.map((label) => label.trim().toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).filter(Boolean);
    const labelled = labels.length > 0 ? new RegExp(`(?:^|[\\s|*_(·•,;])(?:${labels.join('|')})[\\s*_]*(?:[:=—–]|-\\s)[\\s*_]*[@\\p{L}]`, 'iu') : null;
    for (const block of doc.textBlocks) {
      if (block.start >= topEnd) break;
      if (MENTION.test(block.text) || (labelled && labelled.test(block.text)) || BY_LINE.test(block.text)) return;
    }
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
