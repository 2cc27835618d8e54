/**
 * Hover on a flagged range: what the rule checks, this finding's message, why it matters (with
 * the source it comes from, quoted), a one-line bad → good example, how to fix, and the docs
 * link. Compact: a writer should get the point in one glance.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl, rulesById, sourceName, type Finding, type RuleMeta } from '../engine/index.js';
import { rangeOf } from './diagnostics.js';

const MAX_EXAMPLE = 100;

function trim(text: string, max = MAX_EXAMPLE): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** The first sentence (or two, when the first is short): the hover is a summary, the docs have the rest. */
export function firstSentences(markdown: string, max = 240): string {
  const paragraph = markdown.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
  const sentences = paragraph.match(/[^.!?]+(?:[.!?]+["”’)]*(?=\s|$)|$)\s*/g) ?? [paragraph];
  let out = '';
  for (const sentence of sentences) {
    if (out && (out.length > 90 || out.length + sentence.length > max)) break;
    out += sentence;
  }
  out = out.trim();
  return out.length > max ? `${out.slice(0, max - 1).trimEnd()}…` : out;
}

const normalize = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** True when six words in a row of `quote` already appear in `text`. */
function quoted(text: string, quote: string): boolean {
  const haystack = ` ${normalize(text)} `;
  const words = normalize(quote).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const run = Math.min(6, words.length);
  for (let i = 0; i + run <= words.length; i++) {
    if (haystack.includes(` ${words.slice(i, i + run).join(' ')} `)) return true;
  }
  return false;
}

/** A source quote that the rationale does not already contain. */
function freshSeed(meta: RuleMeta, shownRationale: string): RuleMeta['seeds'][number] | undefined {
  // A quote of a few words ("Munger's twaddle") says less than the rationale already does.
  return meta.seeds.find((seed) => normalize(seed.quote).split(' ').length >= 5 && !quoted(`${meta.rationale} ${shownRationale}`, seed.quote));
}

/** Lines of `a` that `b` does not have (blank lines and front matter fences left out). */
function uniqueLines(a: string, b: string): string[] {
  const other = new Set(b.split(/\r?\n/).map((line) => line.trim()));
  return a.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !other.has(line) && line !== '---');
}

const exampleCache = new Map<string, { bad: string | null; good: string | null }>();

/** The line that differs between the rule's bad and good examples, each trimmed to one line. */
export function exampleLines(meta: RuleMeta): { bad: string | null; good: string | null } {
  let cached = exampleCache.get(meta.id);
  if (!cached) {
    const clean = (line: string | undefined): string | null => (line ? trim(line.replace(/^[-*+]\s+|^\d+[.)]\s+/, '')) : null);
    cached = { bad: clean(uniqueLines(meta.examples.bad, meta.examples.good)[0]), good: clean(uniqueLines(meta.examples.good, meta.examples.bad)[0]) };
    exampleCache.set(meta.id, cached);
  }
  return cached;
}

/** Escape what would turn quoted document text into emphasis, links or HTML; `code` stays code. */
function escapeInline(text: string): string {
  return text.replace(/([\\*_[\]<>|])/g, '\\$1');
}

function exampleCode(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

export interface HoverOptions {
  /** The client already shows the diagnostic's message in the hover (VS Code does): skip it. */
  diagnosticsShownInHover?: boolean;
  /** Base of the docs links (the `strategyLint.docsUrl` setting); DOCS_BASE_URL by default. */
  docsUrl?: string;
}

export function hoverMarkdown(finding: Finding, options: HoverOptions = {}): string {
  const rule = rulesById.get(finding.ruleId);
  if (!rule) {
    // A custom rule (customRules in the team's config) or an internal notice: its message, and the team's page if it has one.
    const docs = finding.docsUrl ? ` · [docs](${finding.docsUrl})` : '';
    const custom = finding.ruleId.startsWith('custom/') ? ' · a rule of this team\'s config file' : '';
    return `**Strategy Lint** · \`${finding.ruleId}\`${docs}${custom}\n\n${escapeInline(finding.message)}`;
  }
  const meta = rule.meta as RuleMeta;
  const parts: string[] = [];
  parts.push(`**${escapeInline(meta.description)}** · \`${meta.id}\` · [docs](${ruleDocUrl(meta.id, options.docsUrl)})`);
  if (!options.diagnosticsShownInHover) parts.push(escapeInline(finding.message));
  const why = firstSentences(meta.rationale);
  const seed = freshSeed(meta, why);
  parts.push(`**Why it matters:** ${why}${seed ? `\n\n> “${seed.quote.replace(/^["“]|["”]$/g, '')}” — ${sourceName(seed)}` : ''}`);
  const example = exampleLines(meta);
  const rows: string[] = [];
  if (example.bad) rows.push(`✗ ${exampleCode(example.bad)}`);
  if (example.good) rows.push(`✓ ${example.bad ? '' : 'add '}${exampleCode(example.good)}`);
  if (rows.length > 0) parts.push(rows.join('  \n'));
  parts.push(`**How to fix:** ${firstSentences(meta.howToFix, 260)}${finding.fix ? ' A quick fix is available (Ctrl+.).' : ''}`);
  return parts.join('\n\n');
}

/** Findings under the cursor; document-level findings count on their title range. */
export function findingsAt(document: TextDocument, findings: readonly Finding[], position: Position): Finding[] {
  const offset = document.offsetAt(position);
  return findings.filter((finding) => finding.start <= offset && offset <= Math.max(finding.end, finding.start + 1));
}

export function provideHover(document: TextDocument, findings: readonly Finding[], position: Position, options: HoverOptions = {}): Hover | null {
  const hits = findingsAt(document, findings, position);
  if (hits.length === 0) return null;
  // Several rules on one spot: the most severe first, at most three, separated by rules.
  const order = ['error', 'warning', 'information', 'hint'];
  const shown = [...hits].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity)).slice(0, 3);
  const start = Math.min(...shown.map((f) => f.start));
  const end = Math.max(...shown.map((f) => f.end));
  return {
    contents: { kind: MarkupKind.Markdown, value: shown.map((finding) => hoverMarkdown(finding, options)).join('\n\n---\n\n') },
    range: rangeOf(document, start, end),
  };
}
