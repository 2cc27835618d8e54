/**
 * Incremental linting (engine/incremental): the chunked parse gives exactly the tree of a
 * whole-text parse, and a LintSession fed a document and then edit after edit reports exactly
 * what a fresh lint of each version reports — every field of every finding (rule, severity,
 * message, range, line and column, fix, a summary's related places, an item hint's summary),
 * the document type and the configuration problems.
 *
 * The reference lint parses the whole text at once (no chunks) and builds its sentence layer
 * through the shared cache, so neither of the session's reuse paths is shared with it.
 * Fixed seed in CI; FUZZ_RUNS (see fuzz-support.ts) scales every property for a longer run.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { allRules, isItemHint, lint, lintSteps, LintSession, type LintOptions, type LintResult } from '../src/engine/index.js';
import { parseMarkdown } from '../src/engine/model/parse.js';
import { ChunkedParser } from '../src/engine/incremental/parse-cache.js';
import { candidateChunks } from '../src/engine/incremental/chunks.js';
import { SessionParser } from '../src/engine/incremental/session-parser.js';
import { textDiff } from '../src/engine/incremental/diff.js';
import { limitMarkup } from '../src/engine/model/markup-limits.js';
import { FUZZ_SEED, markdownArb, markdownCaseArb, unicodeArb, type FuzzCase } from './fuzz-support.js';
import { FIXTURE_TODAY, readFixture } from './helpers/fixtures.js';
import { fixturesDir, repoRoot } from './helpers/paths.js';

/** Cases per property: the CI count, scaled when FUZZ_RUNS asks for a longer run (FUZZ_RUNS=1000 → ×10). */
function runs(ciRuns: number): number {
  const scale = Number(process.env.FUZZ_RUNS) / 100;
  return Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(ciRuns * scale)) : ciRuns;
}

function finish(steps: Generator<string, LintResult, void>): LintResult {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A lint that shares nothing with the session: the whole text parsed at once. */
function referenceLint(text: string, options: LintOptions): LintResult {
  return finish(lintSteps(text, options, { root: parseMarkdown(text) }));
}

function comparable(result: LintResult): unknown {
  return { docType: result.docType, problems: result.problems, findings: result.findings };
}

// ---------------------------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------------------------

/** What an edit inserts: typing, line structure, Markdown syntax and the words rules react to. */
const PIECES = [
  'a', 'e', ' ', ' ', 'x', '.', ',', '\n', '\n', '\n\n', '\r\n', '\r', '#', '# ', '## ', '### Risks\n', '## Diagnosis\n\n',
  '```', '```\n', '~~~\n', '    ', '\t', '- ', '* ', '1. ', '2) ', '- [ ] ', '> ', '>', '|', ' | ', '|---|---|\n', '---\n', '***',
  '===\n', '<!--', '-->', '<!-- strategy-lint-disable -->\n', '<!-- strategy-lint-disable-next-line prose/hedge -->', '<div>\n',
  '[ref]: https://example.com\n', '[^1]', '[^1]: note\n', '[x]', 'https://example.com ', '**', '_', '`', '"', '“', '”', '’',
  'leverage synergies ', 'world-class ', 'very ', 'really ', 'might ', 'perhaps ', 'we will ', 'It was decided ', 'is built ',
  'NRR ', 'net revenue retention (NRR) ', 'KPI ', 'XYZZY ', 'KR1: ', 'Key result: grow NPS from 30 to 45 by Q3 2027',
  'Objective: ', 'Q3 2027 ', 'by 20% ', 'TODO ', 'TBD', '[fill in]', 'Owner: @ana ', 'because ', 'so that customers ',
  'The quick brown fox jumps over the lazy dog. ', '\uFEFF', 'é', '—', '…',
];

const insertArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 2, maxLength: 5 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: markdownArb.map((text) => text.slice(0, 200)) },
);

type Edit = { kind: 'insert' | 'delete' | 'replace'; at: number; length: number; text: string };

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'insert', 'delete', 'replace'),
  at: fc.nat(),
  length: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 60 })),
  text: insertArb,
}) as fc.Arbitrary<Edit>;

function applyEdit(text: string, edit: Edit): string {
  const at = edit.at % (text.length + 1);
  const end = Math.min(text.length, at + edit.length);
  if (edit.kind === 'insert') return text.slice(0, at) + edit.text + text.slice(at);
  if (edit.kind === 'delete') return text.slice(0, at) + text.slice(end);
  return text.slice(0, at) + edit.text + text.slice(end);
}

/** Lint the start text and every edited version with one session; each must equal the reference. */
function checkSequence(start: string, options: LintOptions, edits: readonly Edit[]): void {
  const session = new LintSession(options);
  let text = start;
  for (let step = 0; step <= edits.length; step++) {
    if (step > 0) text = applyEdit(text, edits[step - 1]);
    const incremental = session.lint(text);
    assert.deepStrictEqual(comparable(incremental), comparable(referenceLint(text, options)),
      `step ${step} of ${edits.length}; text: ${JSON.stringify(text)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** Line-level Markdown aimed at the chunk boundaries: headings, blank lines, fences, HTML, front matter, limits. */
const LINES = [
  '# Title', '## Section', '###### Deep', '####### not a heading', '#hashtag', '#', '# ', '\t# tab', '   # indented', 'Paragraph text',
  'Éclair starts with a letter', '日本語の段落', '', '', '', '  ', '```', '```js', '~~~', '````', '``` a`b', '    code', '- item', '1. item',
  '  - nested', '    continued', '> quote', '>', '---', '***', '===', '<!-- c', '-->', '<!-- a -->', '<div>', '</div>', '<pre>',
  '</pre>', '<script>', '</script>', '<?php', '?>', '| a | b |', '|---|---|', '| 1 | 2 |', '[x]: /url', '[^1]: note', 'see [^1] and [x]',
  'We will leverage synergies.', 'https://example.com/a_b_ c', 'www.x.com', 'text *emph* `code`', '- [ ] task', '+ plus', '* star',
  `${'>'.repeat(210)} deep`, `${'- '.repeat(120)}deep`, `${'a* '.repeat(600)}`, `${'x] '.repeat(600)}`,
];

const lineDocArb = fc.tuple(
  fc.constantFrom('', '', '', '\uFEFF', '---\ntitle: x\n# comment\n---\n', '---\n# not closed\n'),
  fc.array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom('\n', '\n', '\n', '\r\n', '\r')), { maxLength: 40 }),
).map(([head, lines]) => head + lines.map(([line, eol]) => line + eol).join(''));

describe('incremental: chunked parse', () => {
  test('equals a whole-text parse, node for node (line-level documents)', () => {
    const parser = new ChunkedParser(20_000);
    fc.assert(fc.property(lineDocArb, (text) => {
      assert.deepStrictEqual(parser.parse(text), parseMarkdown(text));
    }), { seed: FUZZ_SEED, numRuns: runs(800) });
  });

  test('equals a whole-text parse (strategy-shaped documents and arbitrary Unicode)', () => {
    const parser = new ChunkedParser(20_000);
    fc.assert(fc.property(fc.oneof(markdownArb, unicodeArb, fc.tuple(markdownArb, markdownArb).map(([a, b]) => a + b)), (text) => {
      assert.deepStrictEqual(parser.parse(text), parseMarkdown(text));
    }), { seed: FUZZ_SEED, numRuns: runs(400) });
  });

  test('a session\'s parser equals a whole-text parse after every edit (trees and markup-limit counts)', () => {
    fc.assert(fc.property(fc.oneof(lineDocArb, markdownArb), fc.array(editArb, { minLength: 1, maxLength: 12 }), (start, edits) => {
      const parser = new SessionParser();
      let text = start;
      for (let step = 0; step <= edits.length; step++) {
        if (step > 0) text = applyEdit(text, edits[step - 1]);
        const { root, limits } = parser.parse(text);
        assert.deepStrictEqual(root, parseMarkdown(text), `step ${step}: ${JSON.stringify(text)}`);
        const whole = limitMarkup(text);
        assert.deepStrictEqual(limits, { nestedLines: whole.nestedLines, denseBlocks: whole.denseBlocks });
        // The cuts found from the previous ones are those of a scan of the whole text.
        assert.deepStrictEqual(parser.candidateCuts, candidateChunks(text).map(({ start, line }) => ({ start, line })));
      }
    }), { seed: FUZZ_SEED, numRuns: runs(300) });
  });

  test('textDiff finds the common prefix and suffix', () => {
    const naive = (a: string, b: string) => {
      const max = Math.min(a.length, b.length);
      let prefix = 0;
      while (prefix < max && a[prefix] === b[prefix]) prefix++;
      let suffix = 0;
      while (suffix < max - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
      return { prefix, suffix, delta: b.length - a.length };
    };
    const long = fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 1200 });
    fc.assert(fc.property(long, editArb, (text, edit) => {
      const after = applyEdit(text, edit);
      assert.deepStrictEqual(textDiff(text, after), naive(text, after));
    }), { seed: FUZZ_SEED, numRuns: runs(500) });
  });

  test('cuts at headings and at letters after a blank line, never in front matter or fenced code', () => {
    const text = '---\ntitle: x\n# yaml comment\n---\n# Title\n\nIntro.\n\n```sh\n# comment\n\nletter\n```\n\n## Next\n- a\n\nb\n';
    const starts = candidateChunks(text).map((chunk) => text.slice(chunk.start, chunk.start + 8));
    assert.deepEqual(starts, ['---\ntitl', '# Title\n', 'Intro.\n\n', '## Next\n', 'b\n']);
    assert.equal(candidateChunks('Intro\n\n# A\n\n[x]: /url\n').length, 1, 'definitions reach across the document: no cuts');
  });

  test('a text starting with several byte-order marks chunks to the tree parseMarkdown gives', () => {
    // Found by the long fuzz run: parseMarkdown stripped one mark and micromark the next, which
    // moved what followed by one character; now all leading marks are stripped, in both.
    const parser = new SessionParser();
    for (const text of ['\uFEFF', '\uFEFF\uFEFF', '\uFEFF\uFEFFa', '\uFEFF\uFEFFa\n\na', 'aa\uFEFF\uFEFFa\n\na', '\uFEFF\uFEFF---\na: 1\n---\n# A\n\nB\n\n# C\n']) {
      assert.deepStrictEqual(parser.parse(text).root, parseMarkdown(text), JSON.stringify(text));
      assert.deepStrictEqual(new ChunkedParser().parse(text), parseMarkdown(text), JSON.stringify(text));
    }
  });

  test('merges a chunk whose end the next cut cannot close (unclosed fence, HTML)', () => {
    const parser = new ChunkedParser();
    for (const text of ['# A\n```\n# B\n\nC\n', '<!--\n# A\n\nB -->\n# C\n', '# A\n<div>\n# B\n', '```\ncode\n```\n# A\n']) {
      assert.deepStrictEqual(parser.parse(text), parseMarkdown(text), JSON.stringify(text));
    }
  });
});

describe('incremental: LintSession equals lint() after every edit', () => {
  test('random documents and options, random edits (insert, delete, replace)', () => {
    fc.assert(fc.property(markdownCaseArb, fc.array(editArb, { minLength: 1, maxLength: 10 }), ({ text, options }: FuzzCase, edits) => {
      checkSequence(text, options, edits);
    }), { seed: FUZZ_SEED, numRuns: runs(100) });
  });

  test('typing: one character at a time into a strategy document', () => {
    const typingArb = fc.array(fc.record({
      kind: fc.constant('insert' as const), at: fc.nat(), length: fc.constant(0), text: fc.constantFrom('a', 'e', ' ', '\n', '#', '-', '*', '`', '>', '|', 'x', '.'),
    }), { minLength: 5, maxLength: 25 });
    fc.assert(fc.property(markdownCaseArb, fc.nat(), typingArb, ({ text, options }: FuzzCase, cursor, typed) => {
      // Type at one place, as a writer does: every edit lands where the previous one ended.
      let at = cursor % (text.length + 1);
      const edits = typed.map((edit) => ({ ...edit, at: at++ }));
      checkSequence(text, options, edits);
    }), { seed: FUZZ_SEED, numRuns: runs(30) });
  });

  test('the examples and rule examples, edited at random', () => {
    const examples = fs.readdirSync(path.join(repoRoot, 'examples')).filter((name) => name.endsWith('.md'))
      .map((name) => ({ text: fs.readFileSync(path.join(repoRoot, 'examples', name), 'utf8'), options: { filePath: name, today: FIXTURE_TODAY } }));
    const ruleExamples = allRules.flatMap((rule) => [rule.meta.examples.bad, rule.meta.examples.good]
      .map((text) => ({ text, options: { type: rule.meta.types[0], today: FIXTURE_TODAY } as LintOptions })));
    const startArb = fc.constantFrom(...examples, ...ruleExamples);
    fc.assert(fc.property(startArb, fc.array(editArb, { minLength: 1, maxLength: 8 }), (start, edits) => {
      checkSequence(start.text, start.options, edits);
    }), { seed: FUZZ_SEED, numRuns: runs(50) });
  });
});

describe('incremental: related places and item hints', () => {
  /** Fixtures whose findings summarise several places (document, section and group summaries). */
  const SUMMARY_FIXTURES = [
    'roadmap/no-outcome.many.md', 'roadmap/no-outcome.section-summary.md', 'roadmap/beyond-horizon.fail.md',
    'roadmap/long-range-not-tentative.fail.md', 'kernel/action-no-owner.fail.md', 'outcomes/too-many-key-results.fail.md',
  ].map((name) => {
    const fixture = readFixture(path.join(fixturesDir, 'rules', name));
    return { text: fixture.text, options: { filePath: fixture.file, type: fixture.type, today: FIXTURE_TODAY } as LintOptions };
  });

  test('every start document has summaries with related places and item hints (so the property below checks them)', () => {
    for (const { text, options } of SUMMARY_FIXTURES) {
      const findings = lint(text, options).findings;
      assert.ok(findings.some((finding) => (finding.related?.length ?? 0) > 1), options.filePath);
    }
    assert.ok(SUMMARY_FIXTURES.some(({ text, options }) => lint(text, options).findings.some(isItemHint)));
  });

  test('summaries edited at random: related places and item hints equal a fresh lint after every edit', () => {
    fc.assert(fc.property(fc.constantFrom(...SUMMARY_FIXTURES), fc.array(editArb, { minLength: 1, maxLength: 8 }), (start, edits) => {
      checkSequence(start.text, start.options, edits);
    }), { seed: FUZZ_SEED, numRuns: runs(40) });
  });

  test('a paragraph inserted at the top moves every related place and item hint by its lines', () => {
    const { text, options } = SUMMARY_FIXTURES[0];
    const session = new LintSession(options);
    const before = session.lint(text);
    const shifted = text.replace('# Field service roadmap', 'Draft.\n\n# Field service roadmap');
    const after = session.lint(shifted);
    assert.deepStrictEqual(comparable(after), comparable(referenceLint(shifted, options)));
    const places = (result: LintResult) => result.findings.flatMap((finding) => [...(finding.related ?? []), ...(finding.partOf ? [finding.partOf] : [])]).map((place) => place.line);
    assert.deepEqual(places(after), places(before).map((line) => line + 2));
  });
});

describe('incremental: LintSession', () => {
  const memo = [
    '# Payments strategy', '', '## Diagnosis', '', 'Merchants churn because setup takes three weeks. We might perhaps fix it.', '',
    '## Guiding policy', '', 'We will win the mid-market by making setup self-serve, rather than adding enterprise features.', '',
    '## Coherent actions', '', '- Ship the self-serve onboarding flow by Q3 2027 (owner: @ana).', '- Retire the manual setup checklist.', '',
  ].join('\n');

  test('an edit in one paragraph parses that block again and reuses the others', () => {
    const session = new LintSession({ today: FIXTURE_TODAY });
    session.lint(memo);
    const edited = memo.replace('three weeks', 'three long weeks');
    const result = session.lint(edited);
    assert.deepEqual(session.stats, { parsedChunks: 1, parsedBlocks: 1 });
    assert.deepStrictEqual(comparable(result), comparable(lint(edited, { today: FIXTURE_TODAY })));
    // A line inserted at the top moves every block: none is parsed again, all are shifted.
    const shifted = `Draft for review.\n\n${edited}`;
    assert.deepStrictEqual(comparable(session.lint(shifted)), comparable(lint(shifted, { today: FIXTURE_TODAY })));
    assert.deepEqual(session.stats, { parsedChunks: 1, parsedBlocks: 1 }, 'only the new paragraph is parsed; the rest moved');
  });

  test('a lint abandoned part-way does not disturb the next ones', () => {
    const session = new LintSession({ today: FIXTURE_TODAY });
    const first = memo.replace('Merchants', 'Our merchants');
    const abandoned = session.lintSteps(first);
    abandoned.next();
    const second = memo.replace('self-serve', 'fully self-serve');
    assert.deepStrictEqual(comparable(session.lint(second)), comparable(lint(second, { today: FIXTURE_TODAY })));
    // Finishing the older lint still gives that version's findings (it builds its own sentence layer).
    assert.deepStrictEqual(comparable(finish(abandoned)), comparable(lint(first, { today: FIXTURE_TODAY })));
    const third = second.replace('Retire', 'Remove');
    assert.deepStrictEqual(comparable(session.lint(third)), comparable(lint(third, { today: FIXTURE_TODAY })));
  });

  test('new options apply to the next lint', () => {
    const session = new LintSession({ today: FIXTURE_TODAY });
    const before = session.lint(memo);
    assert.ok(before.findings.some((finding) => finding.ruleId === 'prose/hedge'));
    const options: LintOptions = { today: FIXTURE_TODAY, layers: [{ source: 'test', rules: { 'prose/hedge': { severity: 'off' } } }] };
    session.setOptions(options);
    const after = session.lint(memo);
    assert.ok(!after.findings.some((finding) => finding.ruleId === 'prose/hedge'));
    assert.deepStrictEqual(comparable(after), comparable(lint(memo, options)));
  });
});
