/**
 * Hover on a flagged range: what the rule checks, this finding's message, why it matters (with
 * the source it comes from, quoted), a one-line bad → good example, how to fix, and the docs
 * link. Compact: a writer should get the point in one glance.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl, rulesById, type Finding, type RuleMeta } from '../engine/index.js';
import { rangeOf } from './diagnostics.js';

/** Where the rule's principle comes from, for the quote's attribution. */
const SOURCE_NAMES: Record<string, string> = {
  '000': 'an execution handbook on roadmapping',
  '001': 'an operating essay on NRR and leading indicators',
  '002': 'an essay on engineering strategy at scale',
  '003': 'an essay on outcome-driven product leadership',
  '004': 'an essay on Rumelt’s Good Strategy / Bad Strategy',
};

const MAX_EXAMPLE = 110;

function trim(text: string, max = MAX_EXAMPLE): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** First sentence or two of the rationale: the hover is a summary, the docs have the rest. */
function shortRationale(rationale: string): string {
  const paragraph = rationale.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
  const sentences = paragraph.match(/[^.!?]+(?:[.!?]+["”’)]*|$)\s*/g) ?? [paragraph];
  let out = '';
  for (const sentence of sentences) {
    if (out && out.length + sentence.length > 260) break;
    out += sentence;
  }
  return out.trim();
}

/** Lines of `a` that `b` does not have (ignoring blank lines and headings that both share). */
function uniqueLines(a: string, b: string): string[] {
  const other = new Set(b.split(/\r?\n/).map((line) => line.trim()));
  return a.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !other.has(line) && line !== '---');
}

const exampleCache = new Map<string, { bad: string | null; good: string | null }>();

/** The line that differs between the rule's bad and good examples, each trimmed to one line. */
export function exampleLines(meta: RuleMeta): { bad: string | null; good: string | null } {
  let cached = exampleCache.get(meta.id);
  if (!cached) {
    const bad = uniqueLines(meta.examples.bad, meta.examples.good)[0] ?? null;
    const good = uniqueLines(meta.examples.good, meta.examples.bad)[0] ?? null;
    cached = { bad: bad ? trim(bad.replace(/^[-*+]\s+|^\d+[.)]\s+/, '')) : null, good: good ? trim(good.replace(/^[-*+]\s+|^\d+[.)]\s+/, '')) : null };
    exampleCache.set(meta.id, cached);
  }
  return cached;
}

/** Escape what would turn quoted document text into emphasis, links or HTML; `code` stays code. */
function escapeInline(text: string): string {
  return text.replace(/([\\*_[\]<>|])/g, '\\$1');
}

export function hoverMarkdown(finding: Finding): string {
  const rule = rulesById.get(finding.ruleId);
  if (!rule) return `**Strategy Lint** · \`${finding.ruleId}\`\n\n${finding.message}`;
  const meta = rule.meta as RuleMeta;
  const parts: string[] = [];
  parts.push(`**${escapeInline(meta.description)}** · \`${meta.id}\` (${finding.severity})`);
  parts.push(escapeInline(finding.message));
  const why = [`**Why it matters:** ${shortRationale(meta.rationale)}`];
  const seed = meta.seeds[0];
  if (seed) why.push(`> “${seed.quote.replace(/^["“]|["”]$/g, '')}” — ${SOURCE_NAMES[seed.source] ?? seed.source}`);
  parts.push(why.join('\n\n'));
  const example = exampleLines(meta);
  if (example.bad || example.good) {
    const rows: string[] = [];
    if (example.bad) rows.push(`✗ ${example.bad}`);
    if (example.good) rows.push(`✓ ${example.bad ? '' : 'add: '}${example.good}`);
    parts.push(`**Example**\n\n\`\`\`text\n${rows.join('\n')}\n\`\`\``);
  }
  parts.push(`**How to fix:** ${meta.howToFix.replace(/\s+/g, ' ').trim()}`);
  parts.push(`[Rule documentation](${ruleDocUrl(meta.id)})${finding.fix ? ' · quick fix available (Ctrl+.)' : ''}`);
  return parts.join('\n\n');
}

/** Findings under the cursor; document-level findings count on their title range. */
export function findingsAt(document: TextDocument, findings: readonly Finding[], position: Position): Finding[] {
  const offset = document.offsetAt(position);
  return findings.filter((finding) => finding.start <= offset && offset <= Math.max(finding.end, finding.start + 1));
}

export function provideHover(document: TextDocument, findings: readonly Finding[], position: Position): Hover | null {
  const hits = findingsAt(document, findings, position);
  if (hits.length === 0) return null;
  // Several rules on one spot: the most severe first, at most three, separated by rules.
  const order = ['error', 'warning', 'information', 'hint'];
  const shown = [...hits].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity)).slice(0, 3);
  const start = Math.min(...shown.map((f) => f.start));
  const end = Math.max(...shown.map((f) => f.end));
  return {
    contents: { kind: MarkupKind.Markdown, value: shown.map(hoverMarkdown).join('\n\n---\n\n') },
    range: rangeOf(document, start, end),
  };
}
