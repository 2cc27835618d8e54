/**
 * Property-based fuzzing of the engine: generators of strategy-shaped Markdown and of hostile
 * Unicode, the invariants every lint result must satisfy, and the runner shared by the fuzz tests
 * and `node scripts/fuzz.mjs`.
 *
 * CI runs each property with a fixed seed and a bounded number of cases; FUZZ_RUNS and FUZZ_SEED
 * (set by scripts/fuzz.mjs --runs/--seed) make a longer local run. With FUZZ_SAVE=1 every
 * counterexample is written to test/fixtures/fuzz-regressions/, which fuzz-regressions.test.ts
 * replays on every run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Nodes, Parents } from 'mdast';
import {
  allRules, applyFixes, fixAll, lint, DOC_TYPES, SEVERITIES, INTERNAL_ERROR_RULE_ID,
  type DocType, type Finding, type LintOptions, type LintResult, type OptionSpecs,
} from '../src/engine/index.js';
import { DEFAULT_ROLE_SYNONYMS } from '../src/engine/model/roles.js';
import { foldTypography } from '../src/engine/text/phrases.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';
import { fixturesDir } from './helpers/paths.js';

export const REGRESSIONS_DIR = path.join(fixturesDir, 'fuzz-regressions');

/** Seed of every property (fixed in CI, so a failure reproduces). */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261121;

/** Cases per property: the CI count, or FUZZ_RUNS for a longer local run. */
export function runsFor(ciRuns: number): number {
  const override = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(override) && override > 0 ? Math.round(override) : ciRuns;
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/** Every word list the rules ship (fluff, hedges, KR words, placeholders, …): the words rules react to. */
const RULE_WORDS: string[] = [...new Set(allRules.flatMap((rule) =>
  Object.values(rule.meta.options as OptionSpecs).flatMap((spec) => (spec.type === 'string[]' ? [...spec.default] : []))))]
  .filter((word) => word.length > 0 && word.length < 40);

const PLAIN_WORDS = [
  'we', 'will', 'the', 'customers', 'onboarding', 'churn', 'merchants', 'team', 'revenue', 'growth', 'because', 'so',
  'first', 'rather', 'than', 'enterprise', 'mid-market', 'setup', 'takes', 'three', 'weeks', 'and', 'is', 'was',
  'released', 'by', 'it', 'our', 'users', 'can', 'now', 'export', 'reports', 'faster', "don't", 'e.g.', 'i.e.', 'etc.',
  'Dr.', 'U.S.', '3.5', '2.4.0', 'x', 'a', 'ok',
];

const ROLE_HEADINGS: string[] = [
  ...Object.values(DEFAULT_ROLE_SYNONYMS).flat(),
  'Now', 'Next', 'Later', 'Q3 2027', 'H2 2027', 'FY27 Q1', '2027', '2.4.0', 'v1.2.0 — 2026-11-21', '[1.0.0-rc.1] - 2026-03-01',
  "What's new", 'Unreleased', 'Latest release', 'Objective 1: Grow activation', 'O1: Win the mid-market', 'Objective',
  'Highlights', 'Lowlights', 'Asks', 'Status', 'Owner', 'Appendix', 'Why', 'Shipped', 'Added', 'Fixed', 'Known issues',
  'Context', 'Background', 'Priorities', 'Key results', 'Initiatives', 'Decision', 'Consequences', 'Rollout plan',
  'Payments strategy', 'Team OKRs', 'Product roadmap', 'Release notes', 'Weekly update', 'ADR-012: Storage',
];

const DATES = [
  'Q3 2027', 'Q1', 'H2 2027', '2H27', 'FY27 Q1', 'Q1 FY2027', '2026-11-21', '2027/03/15', '11/21/2026', '21.11.2026',
  'Sep 2027', "Sep '27", 'by March', 'in 2028', 'next quarter', 'in 18 months', 'end of year', 'EOY', 'mid-2027',
  '15 September 2027', 'Sep 15', 'this quarter', 'soon', 'eventually', 'Now', 'Later', 'by 2026-02-30', '2026-13-01',
];

const LABELS = [
  'KR1:', 'KR 2 —', 'KR-3:', 'KR1.2:', '**KR1.1**', 'Key result:', 'Key result 2:', 'Measure:', 'Objective:',
  'Objective 1:', 'O1:', 'Goal:', 'Task:', 'Experiment:', 'Owner:', 'DRI:', 'Why:', 'Outcome:', 'Status:', 'When:',
];

const ACRONYMS = ['NPS', 'ARR', 'MRR', 'SSO', 'NRR', 'SLA', 'EMEA', 'API', 'Net Revenue Retention (NRR)', 'single sign-on (SSO)', 'XYZZY', 'ABCD'];

const NUMBERS = ['30%', 'from 30% to 45%', '$1.2M', '€3k', '10x', '2,500', '-4.5 pts', '99.9%', 'by 20%', '3 → 5', '1,000 users'];

/** Characters that break naive code: NUL, BOM, bidi controls, joiners, lone surrogates, line separators. */
const HOSTILE = [
  '\u0000', '\uFEFF', '\u202E', '\u202D', '\u200F', '\u200E', '\u2066', '\u2069', '\u200D', '\u200B', '\u00AD',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u2028', '\u2029', '\u0085', '\f', '\v', '\t', '\r', '\n', '\r\n',
  '👩‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', 'é', 'e\u0301', 'ﬁ', 'Ⅳ', '\uFFFC', '\uFFFD', 'שלום', 'مرحبا', '中文', '\u0301\u0301',
  '𝒳', '&', '<', '>', '`', '*', '_', '~', '|', '[', ']', '(', ')', '#', '\\', '!', '-', ':', '"', "'", '’', '—', '–',
];

const wordArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PLAIN_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...RULE_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...ACRONYMS) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBERS) },
);

/** One inline element: a word, or markup around words. */
const inlineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: wordArb },
  { weight: 1, arbitrary: wordArb.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: wordArb.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: wordArb.map((w) => `_${w}_`) },
  { weight: 1, arbitrary: wordArb.map((w) => `~~${w}~~`) },
  { weight: 1, arbitrary: wordArb.map((w) => `\`${w}\``) },
  { weight: 1, arbitrary: wordArb.map((w) => `[${w}](https://example.com/${encodeURIComponent(w)})`) },
  { weight: 1, arbitrary: wordArb.map((w) => `[${w}][ref]`) },
  { weight: 1, arbitrary: wordArb.map((w) => `![${w}](img.png)`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<https://example.com>', 'https://example.com/a?b=c', 'www.example.com', 'ana@example.com', '@ana', '@li', '<br>',
      '<!-- strategy-lint-disable-line -->', '<!-- strategy-lint-disable-line bad-strategy/fluff -->', '<!-- leverage -->',
      '\\*', '&amp;', '&#x27;', '[^1]', '<span>synergy</span>', '—', '-', '(', ')', ':', ';', '"quoted"', '…', '✅',
      'TODO', 'TBD', '<the obstacle?>', '${1:owner}', '{{name}}', '[fill in]', '#1', '😀',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
);

const sentenceArb = fc.tuple(
  fc.option(fc.constantFrom(...LABELS), { freq: 4 }),
  fc.array(inlineArb, { minLength: 1, maxLength: 12 }),
  fc.constantFrom('.', '.', '.', '?', '!', '', ':', '…'),
).map(([label, parts, end]) => `${label ? `${label} ` : ''}${parts.join(' ')}${end}`);

/** A paragraph: sentences, sometimes over several lines (soft and hard breaks). */
const paragraphArb = fc.array(fc.tuple(sentenceArb, fc.constantFrom(' ', ' ', ' ', '\n', '  \n', '\\\n')), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([s, sep], i) => (i === parts.length - 1 ? s : s + sep)).join(''));

const headingTextArb = fc.tuple(
  fc.constantFrom('', '', '', '1. ', '2) ', 'Part 2: ', '🩺 ', 'The ', 'Our '),
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ROLE_HEADINGS) }, { weight: 1, arbitrary: sentenceArb }),
  fc.constantFrom('', '', '', ':', ' — details', ' (draft)', ' and mitigations', ' `code`', ' #'),
).map(([a, b, c]) => `${a}${b}${c}`);

const headingArb = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), headingTextArb).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`) },
  { weight: 1, arbitrary: fc.tuple(headingTextArb, fc.constantFrom('===', '---', '=')).map(([text, underline]) => `${text}\n${underline}`) },
  { weight: 1, arbitrary: fc.constantFrom('#', '##', '# ', '#######  too deep', '#hashtag', '## ##', '##   ') },
);

interface ListShape { ordered: boolean; marker: string; items: Array<{ task: string; text: string; children: ListShape | null }> }

/** A list nested at most `depth` levels below this one. */
function listOfDepth(depth: number): fc.Arbitrary<ListShape> {
  return fc.record({
    ordered: fc.boolean(),
    marker: fc.constantFrom('-', '*', '+', '.', ')'),
    items: fc.array(fc.record({
      task: fc.constantFrom('', '', '', '[ ] ', '[x] ', '[X] '),
      text: fc.oneof({ weight: 4, arbitrary: sentenceArb }, { weight: 1, arbitrary: paragraphArb }, { weight: 1, arbitrary: fc.constant('') }),
      children: depth > 0 ? fc.option(listOfDepth(depth - 1), { freq: 3 }) : fc.constant(null),
    }), { minLength: 1, maxLength: 4 }),
  });
}

const listArb = listOfDepth(2);

function renderList(list: ListShape, indent = ''): string {
  return list.items.map((item, i) => {
    const marker = list.ordered ? `${i + 1}${list.marker === ')' ? ')' : '.'}` : (list.marker === '.' || list.marker === ')' ? '-' : list.marker);
    const pad = ' '.repeat(marker.length + 1);
    const body = item.text.split('\n').join(`\n${indent}${pad}`);
    const own = `${indent}${marker} ${item.task}${body}`;
    return item.children ? `${own}\n${renderList(item.children, indent + pad)}` : own;
  }).join('\n');
}

const COLUMNS = ['Objective', 'Key result', 'KR', 'Owner', 'Status', 'When', 'Item', 'Problem', 'Outcome', 'Option', 'Risk', 'Measure', 'Notes', ''];

const tableArb = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 })).chain(([columns, rows]) => fc.tuple(
  fc.array(fc.constantFrom(...COLUMNS), { minLength: columns, maxLength: columns }),
  fc.array(fc.array(fc.oneof(sentenceArb, fc.constantFrom('', 'Done', '✅', '@ana', 'Q3 2027', 'KR1: NPS from 30 to 45', 'a | b', 'x\\|y')), { minLength: 1, maxLength: columns + 1 }), { minLength: rows, maxLength: rows }),
  fc.constantFrom('---', ':--', '--:', ':-:', '-'),
  fc.boolean(),
)).map(([header, body, align, outerPipes]) => {
  const row = (cells: string[]) => (outerPipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
  return [row(header), row(header.map(() => align)), ...body.map((cells) => row(cells.map((c) => c.replace(/\n/g, ' '))))].join('\n');
});

const codeArb = fc.tuple(
  fc.constantFrom('```', '~~~', '````', '    '),
  fc.constantFrom('', 'md', 'markdown', 'js', 'yaml'),
  fc.array(fc.oneof(paragraphArb, fc.constantFrom('# Diagnosis', '- KR1: ship it', '<!-- strategy-lint-disable -->', '```', '---')), { minLength: 0, maxLength: 3 }),
  fc.boolean(),
).map(([fence, info, lines, closed]) => {
  if (fence === '    ') return lines.length ? lines.map((l) => `    ${l.replace(/\n/g, '\n    ')}`).join('\n') : '    leverage synergies';
  return `${fence}${info}\n${lines.join('\n')}${closed ? `\n${fence}` : ''}`;
});

const RULE_IDS = allRules.map((rule) => rule.meta.id);

const directiveArb = fc.tuple(
  fc.constantFrom('disable', 'enable', 'disable-next-line', 'disable-line'),
  fc.array(fc.oneof(fc.constantFrom(...RULE_IDS), fc.constantFrom('prose/*', 'kernel/*', 'bad-strategy/*', 'no-such/rule')), { maxLength: 3 }),
  fc.constantFrom(' ', ', ', '  '),
).map(([kind, ids, sep]) => `<!-- strategy-lint-${kind}${ids.length ? ` ${ids.join(sep)}` : ''} -->`);

const htmlArb = fc.oneof(
  { weight: 3, arbitrary: directiveArb },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '<!-- leverage our synergies TODO -->', '<!--\nmulti-line comment: best-in-class\n-->', '<!-- unclosed comment: leverage',
      '<div>\nleverage synergies\n</div>', '<details><summary>More</summary>\n\nWe will leverage partners.\n\n</details>',
      '<script>\nvar x = "leverage";\n</script>', '<?php echo "synergy"; ?>', '<![CDATA[ world-class ]]>', '<br/>', '</div>',
    ),
  },
);

const frontMatterArb = fc.array(fc.oneof(
  fc.constantFrom('title: Payments strategy', 'owner: "@ana"', 'author: Ana', 'updated: 2026-11-01', 'date: 2025-01-15',
    'updated: not a date', 'last_updated: 2024-06-30', 'status: draft', 'tags: [a, b]', 'strategy-lint:\n  disable: [prose/hedge, bad-strategy/fluff]',
    'strategy-lint:\n  disable: prose/*', 'strategy-lint:\n  rules:\n    prose/long-sentence: off\n    bad-strategy/fluff: error',
    'strategy-lint:\n  referenceDate: 2026-01-01\n  fiscalYearStartMonth: 4', 'strategy-lint: 3', 'strategy-lint:\n  bogus: 1',
    'strategy-lint:\n  rules:\n    bad-strategy/fluff:\n      words: ["(a+)+$", "x*"]', 'a: &a [1, 2]\nb: [*a, *a]', '{{{ not yaml',
    'key: [unclosed', '- just\n- a list', 'plain scalar', '"quoted": "value"'),
  fc.constantFrom(...DOC_TYPES, 'bogus').map((type) => `type: ${type}`),
  fc.constantFrom(...DOC_TYPES).map((type) => `strategy-lint:\n  type: ${type}`),
), { maxLength: 4 }).map((lines) => `---\n${lines.join('\n')}\n---`);

const blockArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: paragraphArb },
  { weight: 5, arbitrary: headingArb },
  { weight: 4, arbitrary: listArb.map((list) => renderList(list)) },
  { weight: 1, arbitrary: tableArb },
  { weight: 1, arbitrary: codeArb },
  { weight: 2, arbitrary: htmlArb },
  { weight: 1, arbitrary: paragraphArb.map((p) => p.split('\n').map((line) => `> ${line}`).join('\n')) },
  { weight: 1, arbitrary: listArb.map((list) => renderList(list).split('\n').map((line) => `> ${line}`).join('\n')) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '___', '[ref]: https://example.com', '[^1]: A footnote about leverage.', '') },
);

export type Eol = '\n' | '\r\n' | '\r' | 'mixed';

/** Strategy-shaped Markdown: front matter, headings with role synonyms, prose, lists, tables, code, comments. */
export const markdownArb: fc.Arbitrary<string> = fc.tuple(
  fc.option(frontMatterArb, { freq: 4 }),
  fc.array(fc.tuple(blockArb, fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n')), { minLength: 0, maxLength: 14 }),
  fc.constantFrom<Eol>('\n', '\n', '\r\n', '\r', 'mixed'),
  fc.constantFrom('', '\n', '\n', '\n\n', '   '),
  fc.option(fc.tuple(fc.nat(), fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 4 })), { freq: 5 }),
).map(([frontMatter, blocks, eol, trailing, noise]) => {
  let text = (frontMatter ? `${frontMatter}\n` : '') + blocks.map(([block, sep]) => block + sep).join('') + trailing;
  if (noise) {
    const at = noise[0] % (text.length + 1);
    text = text.slice(0, at) + noise[1] + text.slice(at);
  }
  return withEol(text, eol);
});

/** Replace \n line ends (not \r\n already in the text) by the chosen line end; "mixed" cycles through all three. */
export function withEol(text: string, eol: Eol): string {
  if (eol === '\n') return text;
  const ends = ['\n', '\r\n', '\r'];
  let i = 0;
  return text.replace(/\r\n|\n/g, (found) => (found === '\r\n' ? found : eol === 'mixed' ? ends[i++ % 3] : eol));
}

/** Any Unicode: every code point, lone surrogates, NUL, BOM, bidi controls, joiners, Markdown punctuation. */
const unicodeUnit = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
  { weight: 2, arbitrary: fc.constantFrom(' ', 'a', 'We', ' leverage ', 'KR1: ', '# ', '- ', '> ', '| ', '---', '```', '<!--', '-->') },
);
export const unicodeArb: fc.Arbitrary<string> = fc.string({ unit: unicodeUnit, maxLength: 120 });

const optionsArb: fc.Arbitrary<LintOptions> = fc.record({
  type: fc.option(fc.constantFrom(...DOC_TYPES), { freq: 2, nil: undefined }),
  filePath: fc.option(fc.constantFrom('STRATEGY.md', 'ROADMAP.md', 'team.okrs.md', 'CHANGELOG.md', 'docs/adr/ADR-012-storage.md', 'weekly-update.md', 'README.md', 'notes.md'), { nil: undefined }),
  small: fc.boolean(),
}).map(({ type, filePath, small }) => ({
  ...(type ? { type } : {}),
  ...(filePath ? { filePath } : {}),
  today: FIXTURE_TODAY,
  // A low maxDocumentLength exercises the path that skips the sentence-level rules.
  ...(small ? { layers: [{ source: 'fuzz', maxDocumentLength: 1000 }] } : {}),
}));

export interface FuzzCase { text: string; options: LintOptions }

export const markdownCaseArb: fc.Arbitrary<FuzzCase> = fc.record({ text: markdownArb, options: optionsArb });
export const unicodeCaseArb: fc.Arbitrary<FuzzCase> = fc.record({
  text: fc.oneof(unicodeArb, fc.tuple(markdownArb, unicodeArb, fc.nat()).map(([md, noise, at]) => {
    const i = at % (md.length + 1);
    return md.slice(0, i) + noise + md.slice(i);
  })),
  options: optionsArb,
});

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

const KNOWN_IDS = new Set([...RULE_IDS, INTERNAL_ERROR_RULE_ID, 'strategy-lint/rules-skipped', 'strategy-lint/parse-limited', 'strategy-lint/language-checks']);

/** Line starts by \r\n, \r and \n (computed independently of the engine's LineIndex). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  let match: RegExpExecArray | null;
  while ((match = breaks.exec(text)) !== null) starts.push(match.index + match[0].length);
  return starts;
}

function positionOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}

/** Ranges sorted by start, with the running maximum of their ends: "which ranges overlap [from, to)?" in log time. */
class RangeIndex {
  private readonly ranges: Array<[number, number]>;
  private readonly maxEnd: number[];
  constructor(ranges: Array<[number, number]>) {
    this.ranges = [...ranges].sort((a, b) => a[0] - b[0]);
    let max = -1;
    this.maxEnd = this.ranges.map(([, end]) => (max = Math.max(max, end)));
  }

  /** Ranges [s, e) with s < to and from < e (pass from = to - 1 … for a point, see `containing`). */
  overlapping(from: number, to: number): Array<[number, number]> {
    const found: Array<[number, number]> = [];
    // Last range starting before `to`; walk back while an earlier range may still reach `from`.
    let low = 0;
    let high = this.ranges.length - 1;
    let last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.ranges[mid][0] < to) {
        last = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    for (let i = last; i >= 0 && this.maxEnd[i] > from; i--) if (this.ranges[i][1] > from) found.push(this.ranges[i]);
    return found;
  }

  /** Ranges with s <= from and to <= e. */
  containing(from: number, to: number): boolean {
    return this.overlapping(from, Math.max(to, from + 1)).some(([s, e]) => s <= from && to <= e);
  }
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` splits a surrogate pair or a \r\n. */
function splitsUnit(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (isHigh(before) && isLow(after)) || (before === 13 && after === 10);
}

/** Ranges of prose characters: text and inline-code nodes outside code blocks, HTML and front matter. */
function proseRanges(result: LintResult): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
    if ((node.type === 'text' || node.type === 'inlineCode') && node.position) {
      ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
      return;
    }
    if ('children' in node) for (const child of (node as Parents).children as Nodes[]) visit(child);
  };
  visit(result.document.root);
  return ranges;
}

/** Source ranges of headings: rules about a section flag its heading, even an empty one ("#"). */
function headingRanges(result: LintResult): Array<[number, number]> {
  return result.document.sections.map((section) => [section.heading.position?.start.offset ?? 0, section.heading.position?.end.offset ?? 0]);
}

/** Source ranges of HTML nodes. */
function htmlRanges(result: LintResult): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'html' && node.position) ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
    if ('children' in node) for (const child of (node as Parents).children as Nodes[]) visit(child);
  };
  visit(result.document.root);
  return ranges;
}

/** Inside the front matter block (some rules flag its `updated:` date). */
function inFrontMatter(result: LintResult, finding: Finding): boolean {
  const fm = result.document.frontMatter;
  return fm !== null && finding.start >= fm.start && finding.end <= fm.end;
}

/**
 * Everything a lint result must satisfy, whatever the input. Returns the violations (empty when
 * the result is sound), each naming the finding.
 *
 * - no rule threw (no internal-error finding);
 * - every finding has a known rule id, a severity, a message;
 * - 0 ≤ start ≤ end ≤ length, integers; line/column (1-based) agree with the offsets, counting
 *   \r\n, \r and \n as line ends; no offset splits a surrogate pair or a \r\n;
 * - a document-level finding sits on the title range;
 * - a range finding is non-empty, holds a non-whitespace character, and overlaps a non-whitespace
 *   character of prose (a text or inline-code node outside code blocks, HTML and front matter) —
 *   or lies inside a heading (an empty one included) or inside the front matter, or is a
 *   prose/placeholder finding on an HTML-looking placeholder ("<Owner>");
 * - the words a message quotes ("leverage" is fluff) are the words of its range (or the range is
 *   the first part of the quoted statement);
 * - every fix edit lies inside the document, edits of one fix do not overlap, and what an edit
 *   removes is prose or blank space, never markup.
 */
export function violations(text: string, result: LintResult): string[] {
  const problems: string[] = [];
  const starts = lineStartsOf(text);
  const prose = new RangeIndex(proseRanges(result));
  const headings = new RangeIndex(headingRanges(result));
  const html = new RangeIndex(htmlRanges(result));
  const title = result.document.titleRange;
  const describe = (f: Finding) => `${f.ruleId} [${f.start},${f.end}) ${JSON.stringify(text.slice(f.start, f.end).slice(0, 80))}`;
  for (const f of result.findings) {
    if (f.ruleId === INTERNAL_ERROR_RULE_ID) {
      problems.push(`internal error: ${f.message}`);
      continue;
    }
    if (!KNOWN_IDS.has(f.ruleId)) problems.push(`unknown rule id ${f.ruleId}`);
    if (!SEVERITIES.includes(f.severity)) problems.push(`bad severity ${f.severity} on ${f.ruleId}`);
    if (typeof f.message !== 'string' || f.message.trim().length === 0) problems.push(`empty message on ${f.ruleId}`);
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end) || f.start < 0 || f.start > f.end || f.end > text.length) {
      problems.push(`range outside the document (length ${text.length}): ${describe(f)}`);
      continue;
    }
    const from = positionOf(starts, f.start);
    const to = positionOf(starts, f.end);
    if (from.line !== f.line || from.column !== f.column || to.line !== f.endLine || to.column !== f.endColumn) {
      problems.push(`line/column ${f.line}:${f.column}-${f.endLine}:${f.endColumn} disagree with offsets (expected ${from.line}:${from.column}-${to.line}:${to.column}): ${describe(f)}`);
    }
    if (splitsUnit(text, f.start) || splitsUnit(text, f.end)) problems.push(`range splits a surrogate pair or a CRLF: ${describe(f)}`);
    if (f.documentLevel) {
      if (f.start !== title.start || f.end !== title.end) problems.push(`document-level finding off the title range [${title.start},${title.end}): ${describe(f)}`);
    } else if (!inFrontMatter(result, f)) {
      const flagged = text.slice(f.start, f.end);
      const onHeading = headings.containing(f.start, f.end);
      // prose/placeholder flags "<Owner>", which Markdown parses as an HTML tag, on purpose.
      const onPlaceholderTag = f.ruleId === 'prose/placeholder' && html.containing(f.start, f.end);
      if (f.end <= f.start || !/\S/u.test(flagged)) problems.push(`empty or whitespace-only range: ${describe(f)}`);
      else if (!onHeading && !onPlaceholderTag && !prose.overlapping(f.start, f.end).some(([s, e]) => /\S/u.test(text.slice(Math.max(s, f.start), Math.min(e, f.end))))) {
        problems.push(`range touches no prose (code, HTML or markup only): ${describe(f)}`);
      }
    }
    // Rules that quote the words they flag ("leverage" is fluff): the range holds those words.
    // The quote may itself hold quotes ("was "quoted"" is passive): it ends before the verb.
    const quoted = QUOTING_RULES.has(f.ruleId) ? /^["“](.{1,120}?)["”] (?:is|are|frames|hedges|adds)\b/u.exec(f.message)?.[1] : undefined;
    if (quoted && !f.documentLevel && f.end > f.start) {
      // A quote of the source may carry a link's URL or an image: only link text is prose.
      const wanted = wordsOf(quoted.replace(/…$/u, '').replace(/!\[[^\]]*\]\([^)]*\)/gu, ' ').replace(/\]\([^)]*\)/gu, ']'));
      const flagged = wordsOf(prose.overlapping(f.start, f.end).sort((a, b) => a[0] - b[0]).map(([s, e]) => text.slice(Math.max(s, f.start), Math.min(e, f.end))).join(' '));
      if (wanted.length > 0 && !isSubsequence(wanted, flagged)) {
        problems.push(`the range does not hold the quoted words ${JSON.stringify(quoted)}: ${describe(f)}`);
      }
    }
    if (f.fix) {
      const edits = [...f.fix.edits].sort((a, b) => a.start - b.start);
      for (const [i, e] of edits.entries()) {
        if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.start > e.end || e.end > text.length || typeof e.newText !== 'string') {
          problems.push(`fix edit outside the document: ${f.ruleId} ${JSON.stringify(e)}`);
        }
        if (i > 0 && edits[i - 1].end > e.start) problems.push(`overlapping edits in one fix of ${f.ruleId}`);
        // What a fix removes is prose or blank space, never markup (a link's "]", a list marker).
        for (let k = e.start; k < e.end; k++) {
          if (/\s/u.test(text[k]) || prose.overlapping(k, k + 1).length > 0) continue;
          problems.push(`fix of ${f.ruleId} removes markup ${JSON.stringify(text.slice(e.start, e.end).slice(0, 40))} at ${k}`);
          break;
        }
      }
    }
  }
  return problems;
}

/** Rules whose message starts by quoting exactly the words their range flags. */
const QUOTING_RULES = new Set([
  'bad-strategy/fluff', 'bad-strategy/goals-as-strategy', 'outcomes/vanity-metric', 'release-notes/we-centric',
  'prose/undefined-acronym', 'prose/passive', 'prose/vague-time', 'prose/hedge',
]);

/** The words of a text (letters and digits, folded typography, lower case), for comparing a message's quote with the source. */
function wordsOf(text: string): string[] {
  return foldTypography(text).normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True when `words` appear in `within` in order (a quote may leave out images, URLs and markup). */
function isSubsequence(words: readonly string[], within: readonly string[]): boolean {
  let at = 0;
  for (const word of within) if (at < words.length && word === words[at]) at++;
  return at === words.length;
}

/** Findings without the document object, for comparing runs. */
export function fingerprint(result: LintResult): string {
  return JSON.stringify({ type: result.docType, findings: result.findings, problems: result.problems });
}

/** Apply edits independently of applyFixes: the reference for "text outside the edits is untouched". */
function applyReference(text: string, edits: ReadonlyArray<{ start: number; end: number; newText: string }>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}

const PERTURB = '# Other\n\n## Diagnosis\n\nWe leverage synergies. Something else entirely, so caches change.\n';

/** Lint, with the invariants, determinism (also after other documents filled the caches) and fix safety. */
export function checkCase({ text, options }: FuzzCase, { fixes = true }: { fixes?: boolean } = {}): string[] {
  const problems: string[] = [];
  let first: LintResult;
  try {
    first = lint(text, options);
  } catch (error) {
    return [`lint threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`];
  }
  problems.push(...violations(text, first));
  lint(PERTURB, { today: FIXTURE_TODAY });
  const again = lint(text, options);
  if (fingerprint(again) !== fingerprint(first)) problems.push('not deterministic: a second lint of the same text gave other findings');
  if (!fixes) return problems;

  // One pass of every fix (preferred or not), as a front end's "fix all of this kind" would.
  for (const preferredOnly of [false, true]) {
    const { text: fixed, applied } = applyFixes(text, first.findings, preferredOnly);
    if (applied.length === 0) continue;
    const edits = applied.flatMap((f) => f.fix!.edits);
    const lo = Math.min(...edits.map((e) => e.start));
    const hi = Math.max(...edits.map((e) => e.end));
    if (!fixed.startsWith(text.slice(0, lo)) || !fixed.endsWith(text.slice(hi))) problems.push('a fix pass changed text before its first or after its last edit');
    if (fixed !== applyReference(text, edits)) problems.push('a fix pass changed text outside its edits');
    try {
      problems.push(...violations(fixed, lint(fixed, options)).map((p) => `after fixes: ${p}`));
    } catch (error) {
      problems.push(`lint threw after fixes: ${String(error)}`);
    }
  }
  // Each fix alone.
  for (const finding of first.findings) {
    if (!finding.fix) continue;
    const fixed = applyReference(text, finding.fix.edits);
    try {
      const relinted = lint(fixed, options);
      const internal = relinted.findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID);
      if (internal.length > 0) problems.push(`fix of ${finding.ruleId} led to ${internal[0].message}`);
    } catch (error) {
      problems.push(`lint threw after the fix of ${finding.ruleId}: ${String(error)}`);
    }
  }
  // Fix all: converges (nothing preferred left to apply) and is idempotent.
  try {
    const all = fixAll(text, options);
    const left = applyFixes(all.text, all.remaining.findings, true);
    if (left.applied.length > 0 && left.text !== all.text) {
      problems.push(`fixAll did not converge: still fixable after its passes (${left.applied.map((f) => f.ruleId).join(', ')})`);
    }
    problems.push(...violations(all.text, all.remaining).map((p) => `after fixAll: ${p}`));
    const twice = fixAll(all.text, options);
    if (twice.fixed > 0 && twice.text !== all.text) problems.push('fixAll is not idempotent: a second run changed the text again');
  } catch (error) {
    problems.push(`fixAll threw: ${String(error)}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Runner and regressions
// ---------------------------------------------------------------------------------------------

/** Text that survives a UTF-8 .md file unchanged (no lone surrogates). */
function utf8Safe(text: string): boolean {
  return Buffer.from(text, 'utf8').toString('utf8') === text;
}

/** Save a counterexample as a regression fixture: .md when the text survives UTF-8, else .json. */
export function saveRegression(property: string, fuzzCase: FuzzCase, problems: readonly string[]): string {
  fs.mkdirSync(REGRESSIONS_DIR, { recursive: true });
  const hash = createHash('sha1').update(fuzzCase.text).update(JSON.stringify(fuzzCase.options)).digest('hex').slice(0, 10);
  const base = path.join(REGRESSIONS_DIR, `${property}-${hash}`);
  const options = { ...fuzzCase.options, today: undefined };
  const meta = { property, options, problems: problems.slice(0, 5) };
  if (utf8Safe(fuzzCase.text)) {
    fs.writeFileSync(`${base}.md`, fuzzCase.text);
    fs.writeFileSync(`${base}.options.json`, `${JSON.stringify(meta, null, 2)}\n`);
    return `${base}.md`;
  }
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ ...meta, text: fuzzCase.text }, null, 2)}\n`);
  return `${base}.json`;
}

export interface Regression { name: string; text: string; options: LintOptions }

/** Every saved counterexample, with the options it failed under. */
export function loadRegressions(): Regression[] {
  if (!fs.existsSync(REGRESSIONS_DIR)) return [];
  const result: Regression[] = [];
  for (const name of fs.readdirSync(REGRESSIONS_DIR).sort()) {
    const file = path.join(REGRESSIONS_DIR, name);
    const readOptions = (raw: { options?: Record<string, unknown> } | null): LintOptions => ({
      ...((raw?.options ?? {}) as LintOptions),
      today: FIXTURE_TODAY,
    });
    if (name.endsWith('.md')) {
      const sidecar = file.replace(/\.md$/, '.options.json');
      const meta = fs.existsSync(sidecar) ? JSON.parse(fs.readFileSync(sidecar, 'utf8')) : null;
      result.push({ name, text: fs.readFileSync(file, 'utf8'), options: readOptions(meta) });
    } else if (name.endsWith('.json') && !name.endsWith('.options.json')) {
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { text: string; options?: Record<string, unknown> };
      result.push({ name, text: raw.text, options: readOptions(raw) });
    }
  }
  return result;
}

/**
 * Run a property over an arbitrary: fixed seed, bounded runs, shrinking on failure. The failure
 * message carries the shrunk counterexample as JSON; with FUZZ_SAVE=1 it is also saved.
 */
export function runProperty(name: string, arbitrary: fc.Arbitrary<FuzzCase>, ciRuns: number, check: (c: FuzzCase) => string[]): void {
  const details = fc.check(fc.property(arbitrary, (fuzzCase) => {
    const problems = check(fuzzCase);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }), { seed: FUZZ_SEED, numRuns: runsFor(ciRuns), maxSkipsPerRun: 0 });
  if (!details.failed) return;
  const counterexample = details.counterexample?.[0];
  const problems = counterexample ? check(counterexample) : [];
  let saved = '';
  if (counterexample && process.env.FUZZ_SAVE === '1') saved = `\nSaved as ${saveRegression(name, counterexample, problems)}`;
  throw new Error(`${name}: property failed after ${details.numRuns} cases (seed ${details.seed}, path "${details.counterexamplePath}").\n`
    + `Counterexample: ${JSON.stringify(counterexample)}\n${problems.join('\n') || String(details.errorInstance)}${saved}`);
}

export const DOC_TYPES_FOR_REPLAY: readonly (DocType | undefined)[] = [undefined, ...DOC_TYPES];
