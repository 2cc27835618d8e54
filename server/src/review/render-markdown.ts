/**
 * The review as Markdown: what `strategy-lint review FILE` prints and what "Export to Markdown"
 * saves. Plain GFM (headings, a checklist, pipe tables, a numbered list), so it reads in a
 * terminal as well as in a preview. Document text is escaped so it cannot break a table or turn
 * into HTML.
 */
import { DOC_TYPE_PHRASES } from '../engine/vocabulary.js';
import { type KeyResultRow, type Review, type SectionCheck, type TopFix } from './review.js';

const MAX_CELL = 90;

/** Escape document text for inline Markdown: no raw HTML, no table breaks, no stray emphasis. */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/([`*_[\]|])/g, '\\$1')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?\w+;)/g, '&amp;');
}

function truncate(text: string, max = MAX_CELL): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function cell(text: string | null | undefined, max = MAX_CELL): string {
  return text ? escapeMarkdownInline(truncate(text, max)) : '—';
}

export function bar(score: number | null, width = 10): string {
  if (score === null) return '';
  const filled = Math.round((score / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

const plural = (n: number, word: string, many = `${word}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;

function countsLine(review: Review): string {
  const c = review.counts;
  if (c.total === 0) return 'no findings';
  const parts = [
    c.error ? plural(c.error, 'error') : '',
    c.warning ? plural(c.warning, 'warning') : '',
    c.information ? `${c.information} information` : '',
    c.hint ? plural(c.hint, 'hint') : '',
  ].filter(Boolean);
  return `${plural(c.total, 'finding')} (${parts.join(', ')})`;
}

function sectionLine(section: SectionCheck): string {
  const box = section.status === 'present' ? '[x]' : '[ ]';
  const label = `**${section.label}**`;
  if (section.status === 'missing') return `- ${box} ${label} — missing: ${section.purpose}`;
  const where = `“${cell(section.heading, 60)}”, line ${section.line}`;
  const also = section.alsoAt.length ? `; also line${section.alsoAt.length === 1 ? '' : 's'} ${section.alsoAt.join(', ')}` : '';
  if (section.status === 'empty') return `- ${box} ${label} — empty (${plural(section.words, 'word')}): ${where}${also}`;
  const note = section.note ? ` ${escapeMarkdownInline(section.note.charAt(0).toUpperCase() + section.note.slice(1))}.` : '';
  const flagged = section.ruleIds.length ? ` Flagged: ${section.ruleIds.map((id) => `\`${id}\``).join(', ')}.` : '';
  const tail = note || flagged ? `.${note}${flagged}` : '';
  return `- ${box} ${label} — ${where} (${plural(section.words, 'word')})${also}${tail}`;
}

function kindCell(row: KeyResultRow): string {
  return row.verdict === 'outcome' || row.verdict === 'goal' ? row.verdict : `**${row.verdict.replace('-', ' ')}**`;
}

function dateCell(row: KeyResultRow): string {
  if (!row.date) return '—';
  const from = row.dateSource && row.dateSource !== 'key result' && row.dateSource !== 'column' ? ` (${row.dateSource})` : '';
  return `${cell(row.date, 30)}${from}`;
}

function keyResultTable(review: Review): string[] {
  const rows = review.keyResults;
  const out: string[] = [];
  const withObjective = rows.some((r) => r.objective);
  const head = ['Line', ...(withObjective ? ['Objective'] : []), 'Key result', 'Type', 'Metric', 'Baseline', 'Target', 'Date', 'Owner'];
  out.push(`| ${head.join(' | ')} |`);
  out.push(`|${head.map((h) => (h === 'Line' ? '--:' : '---')).join('|')}|`);
  let lastObjective: number | null = -1;
  for (const row of rows) {
    const objective = withObjective
      ? [row.objectiveLine !== lastObjective && row.objective ? cell(row.objective, 50) : '']
      : [];
    lastObjective = row.objectiveLine;
    const label = row.label ? `${escapeMarkdownInline(row.label)}: ` : '';
    out.push(`| ${row.line} | ${[...objective, `${label}${cell(row.text)}`, kindCell(row), cell(row.metric, 40), cell(row.baseline, 20), cell(row.target, 24), dateCell(row), cell(row.owner, 24)].join(' | ')} |`);
  }
  return out;
}

/** "line 12", "lines 12, 14 and 30", "lines 12, 14 and 3 more lines" (shown: the first of `total` lines, as text or links). */
export function linesPhrase(shown: readonly string[], total: number): string {
  const hidden = total - shown.length;
  const list = hidden > 0 ? `${shown.join(', ')} and ${hidden} more line${hidden === 1 ? '' : 's'}`
    : shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return `line${total === 1 ? '' : 's'} ${list}`;
}

/** "Same issue 4 more times, on lines 12, 14 and 30." */
function alsoText(fix: TopFix): string {
  const shown = fix.otherLines.slice(0, 8).map(String);
  const lines = shown.length === 0 ? '' : `, on ${linesPhrase(shown, fix.otherLineCount)}`;
  return `Same issue ${plural(fix.occurrences - 1, 'more time')}${lines}.`;
}

/** "Items on lines 13, 15 and 18." — the places the rule's summary findings stand for. */
function itemsText(fix: TopFix): string {
  return `Items on ${linesPhrase(fix.itemLines.slice(0, 8).map(String), fix.itemLineCount)}.`;
}

function fixLines(fix: TopFix): string[] {
  const where = fix.documentLevel ? `line ${fix.line} (whole document)` : `line ${fix.line}`;
  const quick = fix.quickFix ? ` · quick fix: ${escapeMarkdownInline(fix.quickFix.title)}` : '';
  const lines = [`${fix.rank}. **${escapeMarkdownInline(fix.message)}**`, `   ${fix.severity} · ${where} · \`${fix.ruleId}\`${quick}`];
  if (fix.occurrences > 1) lines.push(`   ${alsoText(fix)}`);
  if (fix.itemLineCount > 0) lines.push(`   ${itemsText(fix)}`);
  return lines;
}

/** "Carried out by": for each policy and action, what traces to it in the documents beside the memo. */
function carriedOutLines(review: Review): string[] {
  const section = review.carriedOutBy;
  const lines = ['## Carried out by', ''];
  if (!section) {
    lines.push('No policy or action of this document could be traced: it has none, or no other document was read.');
    return lines;
  }
  lines.push(`What traces to each policy and action, in the ${plural(section.documents, 'other document')} read with it (links written in them, or likely matches of key terms).`, '');
  for (const entry of section.entries) {
    const flags = entry.flags.length > 0 ? ` — ⚠ ${entry.flags.join(', ')}` : '';
    lines.push(`- **${escapeMarkdownInline(entry.label)}** ${escapeMarkdownInline(entry.text)} (line ${entry.line})${flags}`);
    if (entry.items.length === 0) lines.push('  - nothing carries it out');
    for (const item of entry.items) {
      lines.push(`  - ${item.conflict ? '⚠ ' : ''}${escapeMarkdownInline(item.kind)}: ${escapeMarkdownInline(item.text)} — \`${item.file.replace(/`/g, "'")}:${item.line}\` (${escapeMarkdownInline(item.link)})`);
    }
  }
  return lines;
}

export function renderReviewMarkdown(review: Review): string {
  const out: string[] = [];
  const push = (...lines: string[]): void => {
    out.push(...lines);
  };

  push(`# Strategy review: ${escapeMarkdownInline(review.title)}`, '');
  const overall = review.overall.score === null ? 'Not scored' : `Overall ${review.overall.score}/100 — ${review.overall.verdict}`;
  push(`**${overall}.** ${escapeMarkdownInline(review.headline)}`.trimEnd(), '');
  const file = review.file ? `\`${review.file.replace(/`/g, "'")}\` · ` : '';
  push(`${file}${review.docTypeLabel} (${escapeMarkdownInline(review.typeReason)}) · ${plural(review.wordCount, 'word')} · ${countsLine(review)}`, '');

  // Kernel map
  const required = review.kernel.sections.filter((s) => s.expectation === 'required');
  const recommended = review.kernel.sections.filter((s) => s.expectation === 'recommended');
  if (review.kernel.sections.length > 0) {
    push(review.kernel.kernelApplies ? '## Kernel' : '## Structure', '');
    if (required.length) {
      push(...required.map(sectionLine));
      if (review.kernel.inOrder === false) push('- [ ] **Order** — diagnosis, guiding policy and coherent actions appear out of order');
      push('');
    }
    if (recommended.length) {
      if (required.length) push('Also worth having:', '');
      push(...recommended.map(sectionLine), '');
    }
  }

  // Scores
  push('## Scores', '');
  push('| Area | Score | | How it was computed |', '|---|--:|---|---|');
  if (review.overall.score !== null) {
    push(`| **Overall** | **${review.overall.score}** | \`${bar(review.overall.score)}\` | ${escapeMarkdownInline(review.overall.explanation)} |`);
  }
  for (const score of review.scores) {
    if (score.applicable) push(`| ${score.label} | ${score.score} | \`${bar(score.score)}\` | ${escapeMarkdownInline(score.explanation)} |`);
  }
  const notApplicable = review.scores.filter((s) => !s.applicable).map((s) => s.label);
  push('');
  if (notApplicable.length) push(`Not applicable to ${DOC_TYPE_PHRASES[review.docType]}: ${notApplicable.join(', ')}.`, '');
  push(`> How scores work: ${escapeMarkdownInline(review.scoringFormula)}`, '');

  // Key results
  if (review.keyResultSummary) {
    push('## Key results', '', escapeMarkdownInline(review.keyResultSummary.text), '');
    if (review.keyResults.length) push(...keyResultTable(review), '');
    const empty = review.objectives.filter((o) => o.keyResultCount === 0);
    if (empty.length) {
      push(...empty.map((o) => `- Line ${o.line}: objective “${cell(o.text, 80)}” has no key results.`), '');
    }
  }

  // Top fixes
  push('## Top fixes', '');
  if (review.topFixes.length === 0) {
    push('Nothing to fix.', '');
  } else {
    for (const fix of review.topFixes) push(...fixLines(fix));
    push('');
    if (review.moreFindings > 0) {
      push(`${plural(review.moreFindings, 'more finding')} below these; see them all with \`strategy-lint${review.file ? ` ${review.file.replace(/`/g, "'")}` : ''}\` or in the Problems panel.`, '');
    }
  }

  if (review.carriedOutBy !== undefined) push(...carriedOutLines(review), '');

  if (review.notes.length) {
    push('## Notes', '', ...review.notes.map((n) => `- ${escapeMarkdownInline(n)}`), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
