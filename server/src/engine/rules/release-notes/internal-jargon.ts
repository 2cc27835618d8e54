import { defineRule, type Fix } from '../../types.js';
import type { Nodes, Parents } from 'mdast';
import type { StrategyDocument } from '../../model/document.js';
import { inReleaseAside } from '../../model/releases.js';
import { plainText, type TextBlock } from '../../model/text-block.js';
import { findDates } from '../../model/dates.js';
import { phraseMatcher } from '../../text/phrases.js';
import { isDeveloperChangelog } from './_entries.js';

type Kind = 'ticket' | 'pull request' | 'commit' | 'code name';

interface Hit { kind: Kind; index: number; length: number; text: string }

/** "ABC-123": a project key and a number. */
const TICKET = /(?<![\p{L}\p{N}_/.#-])([A-Z][A-Z0-9]{1,9})-(\d{1,6})(?![\p{L}\p{N}_]|[-.]\d)/gu;
/** "#1234", "PR 1234", "PR #1234", "pull request 1234", "MR !12". */
const PULL_REQUEST = /(?<![\p{L}\p{N}_&/#])#\d{2,7}(?![\p{L}\p{N}_])|\b(?:PR|MR|[Pp]ull\s+[Rr]equest|[Mm]erge\s+[Rr]equest)\s?[#!]?\d{1,7}(?![\p{L}\p{N}_])/gu;
/** A commit SHA: 7–40 lower-case hex characters with at least two digits and two letters. */
const COMMIT = /(?<![\p{L}\p{N}_#/.-])[0-9a-f]{7,40}(?![\p{L}\p{N}_])/gu;

/** A group that holds nothing but references: " (#1234)", " [ABC-12, #45]", " (a1b2c3d)". */
const REF_TOKEN = String.raw`(?:[A-Z][A-Z0-9]{1,9}-\d{1,6}|#\d{2,7}|(?:PR|MR)\s?[#!]?\d{1,7}|[0-9a-f]{7,40})`;
const REF_GROUP = new RegExp(String.raw` ?[(\[]\s?${REF_TOKEN}(?:\s?[,;/&]\s?${REF_TOKEN}){0,5}\s?[)\]]`, 'g');
/** Words that point the reader to a reference rather than cite it: "see [#12](…)", "tracked in [#12](…)". */
const POINTER = /\b(?:see|in|at|on|via|issues?|discussions?|tracking|thread|details)\s?[(\[]?$/i;
/** Table columns of links: "link", "PR", "pull request", "commit", "issue". */
const REFERENCE_COLUMN = /^[^\p{L}]*(?:links?|prs?|pull\s+requests?|merge\s+requests?|commits?|issues?|refs?|references?)[^\p{L}]*$/iu;
const REF_PREFIX = new RegExp(String.raw`^\s?[(\[]?${REF_TOKEN}[)\]]?\s?[:—–-]?\s`);

interface LinkSpan { start: number; end: number; text: string }

function linkSpans(root: Nodes): LinkSpan[] {
  const ranges: LinkSpan[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'linkReference') {
      ranges.push({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0, text: plainText(node).trim() });
      return;
    }
    if ('children' in node) for (const child of (node as Parents).children as Nodes[]) visit(child);
  };
  visit(root);
  return ranges;
}

function isCommit(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return digits >= 2 && text.length - digits >= 2;
}

function findHits(text: string, allowed: ReadonlySet<string>, codeNames: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  const add = (kind: Kind, index: number, value: string): void => {
    if (hits.some((h) => index < h.index + h.length && h.index < index + value.length)) return;
    hits.push({ kind, index, length: value.length, text: value });
  };
  let match: RegExpExecArray | null;
  TICKET.lastIndex = 0;
  while ((match = TICKET.exec(text)) !== null) {
    // "DDR4-3600", "MP3-320": a public standard with its generation number is as public as the standard.
    const prefix = match[1].toUpperCase();
    let letters = prefix.length;
    while (letters > 1 && prefix.charCodeAt(letters - 1) >= 48 && prefix.charCodeAt(letters - 1) <= 57) letters--;
    if (!allowed.has(prefix) && !allowed.has(prefix.slice(0, letters))) add('ticket', match.index, match[0]);
  }
  PULL_REQUEST.lastIndex = 0;
  while ((match = PULL_REQUEST.exec(text)) !== null) {
    // "ranked #50", "number #12": a rank, not a pull request.
    if (match[0].startsWith('#') && /\b(?:ranked|rank|rated|number|no\.)\s*$/i.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    add('pull request', match.index, match[0]);
  }
  COMMIT.lastIndex = 0;
  while ((match = COMMIT.exec(text)) !== null) if (isCommit(match[0])) add('commit', match.index, match[0]);
  for (const name of phraseMatcher(codeNames, { inflect: false }).matchAll(text)) add('code name', name.index, name.text);
  return hits.sort((a, b) => a.index - b.index);
}

/**
 * Hide a reference from readers but keep it in the source: " (ABC-123)" → " <!-- ABC-123 -->";
 * a leading "ABC-123: " moves to an HTML comment at the end of the line. Only where the source
 * text is exactly the prose text (no escapes or markup inside).
 */
function commentFix(doc: StrategyDocument, block: TextBlock, hit: Hit): Fix | undefined {
  const eolIndex = block.text.indexOf('\n', hit.index);
  const lineStart = block.text.lastIndexOf('\n', hit.index) + 1;
  const lineEnd = lineStart + block.text.slice(lineStart, eolIndex >= 0 ? eolIndex : block.text.length).trimEnd().length;
  const exact = (from: number, to: number): { start: number; end: number } | null => {
    const range = block.sourceRange(from, to);
    return doc.text.slice(range.start, range.end) === block.text.slice(from, to) ? range : null;
  };
  /** Remove text[from, to) and put the references in a comment at the end of the line (after its punctuation). */
  const move = (from: number, to: number, refs: string): Fix | undefined => {
    const removed = exact(from, to);
    const last = exact(lineEnd - 1, lineEnd);
    if (!removed || !last || to > lineEnd) return undefined;
    const comment = ` <!-- ${refs} -->`;
    const edits = to === lineEnd
      ? [{ start: removed.start, end: removed.end, newText: comment }]
      : [{ start: removed.start, end: removed.end, newText: '' }, { start: last.end, end: last.end, newText: comment }];
    return { title: `Move "${refs}" into an HTML comment`, edits, preferred: true };
  };
  REF_GROUP.lastIndex = 0;
  let group: RegExpExecArray | null;
  while ((group = REF_GROUP.exec(block.text)) !== null) {
    if (hit.index < group.index || hit.index >= group.index + group[0].length) continue;
    if (group.index <= lineStart) break;
    return move(group.index, group.index + group[0].length, group[0].trim().slice(1, -1).trim());
  }
  const prefix = REF_PREFIX.exec(block.text.slice(lineStart, lineEnd));
  if (prefix && hit.index < lineStart + prefix[0].length && lineStart + prefix[0].length < lineEnd) {
    const refs = prefix[0].replace(/[:—–-]?\s*$/, '').replace(/^\s?[(\[]?|[)\]]$/g, '').trim();
    return move(lineStart, lineStart + prefix[0].length, refs);
  }
  return undefined;
}

/**
 * One fix for a summary: every reference's own fix, the same move made once (two references in one
 * group). Only when it clears them all: a summary whose fix leaves some behind has none.
 */
function allFixes(fixes: ReadonlyArray<Fix | undefined>): Fix | undefined {
  const edits: Fix['edits'][number][] = [];
  const key = (edit: Fix['edits'][number]): string => `${edit.start}:${edit.end}:${edit.newText}`;
  const seen = new Set<string>();
  for (const fix of fixes) {
    if (!fix) return undefined;
    const fresh = fix.edits.filter((edit) => !seen.has(key(edit)));
    if (fresh.some((edit) => edits.some((other) => edit.start < other.end && other.start < edit.end))) return undefined;
    for (const edit of fresh) {
      seen.add(key(edit));
      edits.push(edit);
    }
  }
  if (edits.length === 0) return undefined;
  return { title: 'Move every reference into an HTML comment', edits: edits.sort((a, b) => a.start - b.start), preferred: true };
}

const WHAT: Record<Kind, string> = {
  'ticket': 'an internal ticket key',
  'pull request': 'a pull-request reference',
  'commit': 'a commit hash',
  'code name': 'an internal code name',
};

export default defineRule({
  meta: {
    id: 'release-notes/internal-jargon',
    family: 'release-notes',
    description: 'Ticket keys (ABC-123), bare pull-request or commit references and internal code names in customer-facing release notes.',
    defaultSeverity: 'warning',
    types: ['release-notes'],
    documentLevel: false,
    summarises: true,
    fixable: true,
    options: {
      codeNames: {
        type: 'string[]',
        default: [],
        description: 'Internal project or code names to flag ("Project Falcon", "Bluebird"); empty by default.',
      },
      allowedPrefixes: {
        type: 'string[]',
        default: ['CVE', 'CWE', 'GHSA', 'ISO', 'IEC', 'RFC', 'SHA', 'AES', 'RSA', 'UTF', 'COVID', 'PEP', 'JSR', 'WCAG', 'GPT', 'ES', 'ECMA', 'TLS', 'SSL', 'HTTP', 'IPV', 'NIST', 'FIPS', 'PCI', 'SOC', 'HIPAA', 'GDPR', 'EN', 'ANSI', 'IEEE', 'MPEG', 'USB', 'DDR', 'LTE', 'MP', 'SP', 'MIL', 'UTC', 'GMT', 'CET', 'EST', 'PST', 'IP', 'WPA', 'SARS', 'ICD', 'NACE', 'NAICS', 'ASC', 'IFRS'],
        description: 'Upper-case prefixes that look like ticket keys but are public identifiers customers understand (CVE-2026-1234, ISO-27001, UTF-8).',
      },
      developerChangelogs: {
        type: 'boolean',
        default: false,
        description: 'Also flag pull-request and commit references in developer changelogs (Keep a Changelog format, or linking semver.org), where they are the convention; ticket keys and code names are flagged either way.',
      },
      maxFindings: {
        type: 'number',
        default: 5,
        minimum: 1,
        description: 'Report each reference up to this many; above it, one finding on the title summarizes them (notes that cite a pull request on every line have one habit to change, not forty findings). The summary lists each reference (related locations, each marked with a hint) and its quick fix moves them all into HTML comments.',
      },
      flagLinkedReferences: {
        type: 'boolean',
        default: true,
        description: 'Also flag references written as links ("[#1234](…)"): the reader still sees a bare number. Links that say what they are ("[issue #1234](…)"), that the text points to ("see [#1234](…)"), in a links column of a table or under thanks and contributors are never flagged. Set to false to flag only references that are not links.',
      },
    },
    rationale:
      'Customers cannot open your tracker. "Fixed PAY-2213 (#4471, 9f3c2ab)" tells them nothing and signals that the note was written for the team, not for them; internal code names are worse, because they look like product names nobody has heard of. Release notes should describe the change in the customer\'s words.',
    howToFix:
      'Describe the change by what the customer gets, and keep references where the team looks for them. The quick fix moves a reference in parentheses (or at the start of a line) into an HTML comment, which stays in the source but is not shown to readers.',
    seeds: [
      { source: '003', quote: 'starts with what we built, not what customers must achieve' },
    ],
    examples: {
      bad: '# Release notes\n\n## 2.4.0 — 2026-11-21\n\n- Imports now run in the background, so you can keep working (PAY-2213).\n',
      good: '# Release notes\n\n## 2.4.0 — 2026-11-21\n\n- Imports now run in the background, so you can keep working. <!-- PAY-2213 -->\n',
    },
  },
  check({ doc, options, report, reportDocument, isSuppressed }) {
    const allowed = new Set(options.allowedPrefixes.map((prefix) => prefix.toUpperCase()));
    const links = linkSpans(doc.root);
    const referencesAllowed = !options.developerChangelogs && isDeveloperChangelog(doc);
    // Table cells under a column that holds links by design ("| author | change | link |").
    const referenceCells = new Set<Nodes>();
    for (const item of doc.items) {
      item.cells?.forEach((cell, i) => {
        if (REFERENCE_COLUMN.test(item.header?.[i] ?? '')) referenceCells.add(cell.node);
      });
    }
    /** A linked reference that is not jargon: links are not flagged, the link names more than the number ("[issue #12](…)"), it is pointed to ("see [#12](…)"), it sits in a links column or under thanks and contributors. */
    const linkedIsFine = (block: TextBlock, hit: Hit, link: LinkSpan): boolean => !options.flagLinkedReferences
      || link.text !== hit.text || POINTER.test(block.text.slice(Math.max(0, hit.index - 24), hit.index))
      || referenceCells.has(block.node) || inReleaseAside(doc.sectionAt(link.start));
    const found: Array<{ hit: Hit; message: string; start: number; end: number; fix?: Fix }> = [];
    for (const block of doc.textBlocks) {
      const hits = findHits(block.text, allowed, options.codeNames);
      if (hits.length === 0) continue;
      const dates = findDates(block.text, doc.dateOptions);
      for (const hit of hits) {
        if (dates.some((d) => hit.index < d.index + d.length && d.index < hit.index + hit.length)) continue;
        if (referencesAllowed && (hit.kind === 'pull request' || hit.kind === 'commit')) continue;
        const { start, end } = block.sourceRange(hit.index, hit.index + hit.length);
        const link = hit.kind === 'code name' ? undefined : links.find((span) => start >= span.start && end <= span.end);
        if (link && linkedIsFine(block, hit, link)) continue;
        found.push({
          hit,
          message: hit.kind === 'code name'
            ? `"${hit.text}" is an internal code name: customers have never heard it. Name the feature by what it does for them.`
            : `"${hit.text}" is ${WHAT[hit.kind]}: customers cannot open it. Describe the change in their words; keep the reference in your tracker or an HTML comment.`,
          start,
          end,
          fix: hit.kind === 'code name' ? undefined : commentFix(doc, block, hit),
        });
      }
    }
    const shown = found.filter((finding) => !isSuppressed(finding.start));
    if (shown.length <= options.maxFindings) {
      for (const { message, start, end, fix } of shown) report({ message, start, end, fix });
      return;
    }
    const kinds = [...new Set(shown.map((finding) => finding.hit.kind))];
    const examples = shown.slice(0, 3).map((finding) => `"${finding.hit.text}"`).join(', ');
    reportDocument(
      `${shown.length} tracker references and code names in customer-facing text (${examples}${shown.length > 3 ? ', …' : ''}): customers cannot open ${kinds.length === 1 && kinds[0] === 'code name' ? 'or place them' : 'them'}. Describe each change in their words; keep the references in your tracker or in HTML comments.`,
      allFixes(shown.map((finding) => finding.fix)),
      shown.map(({ hit, message, start, end }) => ({ start, end, message: `"${hit.text}" is ${WHAT[hit.kind]}`, hint: message })),
    );
  },
});
