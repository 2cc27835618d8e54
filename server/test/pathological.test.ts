/**
 * Pathological documents, generated here (never committed as big files): each must lint within a
 * generous time bound — a hang detector, not a benchmark (bench/ measures speed) — without an
 * internal error, and with sound findings (the fuzz invariants of fuzz-support.ts).
 *
 * Bounds are wall-clock seconds chosen for a loaded 2-core CI machine: roughly ten times what a
 * quiet laptop needs, and far below what the unguarded cases took (minutes, or a stack overflow).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  lint, lintSteps, fixAll, INTERNAL_ERROR_RULE_ID, SKIPPED_RULES_ID, PARSE_LIMITED_ID, type LintOptions, type LintResult,
} from '../src/engine/index.js';
import { parseMarkdown } from '../src/engine/model/parse.js';
import { useLinearEditMap } from '../src/engine/model/micromark-linear-consume.js';
import { limitMarkup, NESTING_COLUMN_LIMIT } from '../src/engine/model/markup-limits.js';
import { fastBlankLine } from '../src/engine/model/blank-line.js';
import { violations } from './fuzz-support.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';

const BASE: LintOptions = { today: FIXTURE_TODAY };

/** Lint within `seconds` (wall clock), with sound findings; returns the result. */
function lintWithin(seconds: number, text: string, options: LintOptions = {}): LintResult & { ms: number } {
  const started = performance.now();
  const result = lint(text, { ...BASE, ...options });
  const ms = performance.now() - started;
  assert.ok(ms < seconds * 1000, `took ${(ms / 1000).toFixed(1)} s (bound ${seconds} s)`);
  assert.deepEqual(result.findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID).map((f) => f.message), []);
  assert.deepEqual(violations(text, result), []);
  return { ...result, ms };
}

const ids = (result: LintResult) => result.findings.map((f) => f.ruleId);

/** A strategy document of about `size` characters: sections, prose, key results, a table, code. */
function bigStrategy(size: number): string {
  const part = (i: number) => [
    `## ${['Diagnosis', 'Guiding policy', 'Coherent actions', 'Risks', 'Success metrics'][i % 5]} ${i}`,
    '',
    `Mid-market merchants churn in their first 90 days because onboarding takes three weeks; we will leverage partners to cut it to one day by Q${(i % 4) + 1} 2027. The team owns **onboarding** and \`setup\`, see [the data](https://example.com/${i}).`,
    '',
    `- KR${i % 9}: raise activation from ${i % 50}% to ${(i % 50) + 10}% by 2027-06-30 (@ana)`,
    `- Rebuild onboarding for self-serve so churn drops (@li, Q${(i % 4) + 1} 2027)`,
    '  - Why: setup takes three weeks',
    '',
    '| Objective | Key result | Owner |',
    '|---|---|---|',
    `| Grow mid-market | KR${i % 9}: NPS from 30 to 45 | @ana |`,
    '',
    '```js',
    'const leverage = synergy * 2;',
    '```',
    '',
  ].join('\n');
  const parts: string[] = ['---', 'title: Payments strategy', 'owner: "@ana"', '---', '# Payments strategy', ''];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const p = part(i);
    parts.push(p);
    length += p.length + 1;
  }
  return parts.join('\n');
}

describe('pathological documents', () => {
  test('5 MB of Markdown: linear time, sentence-level rules skipped with one information finding', () => {
    const text = bigStrategy(5_000_000);
    assert.ok(text.length >= 5_000_000);
    const result = lintWithin(90, text, { type: 'strategy' });
    const skipped = result.findings.filter((f) => f.ruleId === SKIPPED_RULES_ID);
    assert.equal(skipped.length, 1);
    assert.match(skipped[0].message, /maxDocumentLength/);
    assert.ok(result.findings.some((f) => f.ruleId === 'bad-strategy/fluff'), 'range rules still report');
  });

  test('past maxDocumentLength only the first half of it is read: findings stop there, whole-document checks are skipped, and one finding says so', () => {
    const max = 40_000;
    const text = bigStrategy(200_000);
    const result = lintWithin(60, text, { type: 'strategy', layers: [{ maxDocumentLength: max }] });
    const skipped = result.findings.filter((f) => f.ruleId === SKIPPED_RULES_ID);
    assert.equal(skipped.length, 1);
    const read = Number(/only its first ([\d,]+) characters/.exec(skipped[0].message)?.[1].replace(/,/g, ''));
    assert.ok(read > max * 0.375 && read <= max / 2, `read ${read} characters`);
    assert.match(skipped[0].message, /checks of the document as a whole were skipped/);
    assert.equal(text.slice(read - 1, read + 3), '\n## ', 'the part read ends before a heading');
    const others = result.findings.filter((f) => f.ruleId !== SKIPPED_RULES_ID);
    assert.ok(others.some((f) => f.ruleId === 'bad-strategy/fluff'), 'range rules still report in the part read');
    assert.ok(others.every((f) => f.end <= read && !f.documentLevel), 'nothing past the part read, no whole-document finding');
    // At the limit the document is linted whole.
    const whole = lint(text.slice(0, max), { ...BASE, type: 'strategy', layers: [{ maxDocumentLength: max }] });
    assert.ok(!ids(whole).includes(SKIPPED_RULES_ID));
  });

  test('parsing grows linearly with the number of lists (micromark EditMap.consume replaced)', () => {
    assert.equal(useLinearEditMap(), true, 'the linear EditMap.consume could not be installed');
    const unit = '- a list item\n- another item\n\n> a quote\n\nA paragraph.\n\n';
    const time = (copies: number): number => {
      const text = unit.repeat(copies);
      const started = performance.now();
      parseMarkdown(text);
      return performance.now() - started;
    };
    time(200); // warm up
    const small = Math.min(time(500), time(500));
    const large = time(4_000);
    // Linear: about 8×; the quadratic consume made it about 40× (and minutes at 5 MB).
    assert.ok(large < small * 24 + 500, `4,000 copies took ${large.toFixed(0)} ms, 500 took ${small.toFixed(0)} ms`);
  });

  test('rules that relate items to items or blocks grow linearly with the number of items', () => {
    /** Milliseconds the rule's own step takes (the lazy model parts it asks for included), best of two. */
    const ruleTime = (ruleId: string, text: string, type: LintOptions['type']): number => {
      let best = Infinity;
      for (let run = 0; run < 2; run++) {
        const steps = lintSteps(text, { ...BASE, type, onlyRules: [ruleId] });
        assert.equal(steps.next().value, ruleId);
        const started = performance.now();
        const done = steps.next();
        best = Math.min(best, performance.now() - started);
        assert.equal(done.done, true);
      }
      return best;
    };
    const okrs = (n: number) => `# Team OKRs\n\n## Objective: Merchants onboard themselves\n\n${Array.from({ length: n }, (_, i) =>
      `- KR${i + 1}: Raise activation from ${i % 50}% to ${(i % 50) + 5}%${i % 2 ? ' by Q3 2027' : ''}`).join('\n')}\n`;
    const releases = (n: number) => `# Release notes\n\n${Array.from({ length: n }, (_, i) =>
      `## ${i % 3 === 0 ? `Misc ${i}` : `2.${i}.0 — 2026-0${1 + (i % 9)}-1${i % 9}`}\n\nWe shipped things in this one.\n\n- We refactored part ${i} of the import pipeline.\n- We rebuilt the exporter.\n`).join('\n')}`;
    const cases: Array<[string, (n: number) => string, LintOptions['type'], number]> = [
      ['outcomes/no-timeframe', okrs, 'okr', 1_000],
      ['release-notes/we-centric', releases, 'release-notes', 300],
      ['release-notes/missing-version-or-date', releases, 'release-notes', 300],
    ];
    for (const [ruleId, build, type, n] of cases) {
      ruleTime(ruleId, build(n / 4), type); // warm up
      const small = ruleTime(ruleId, build(n), type);
      const large = ruleTime(ruleId, build(n * 8), type);
      // Linear: about 8×; comparing every item with every other (or every block) made it 40–60×.
      assert.ok(large < small * 24 + 200, `${ruleId}: ${n * 8} items took ${large.toFixed(0)} ms, ${n} took ${small.toFixed(0)} ms`);
    }
  });

  test('10,000 nested list levels on one line, and 500 levels by indentation', () => {
    const oneLine = `# Plan\n\n${'- '.repeat(10_000)}We will leverage synergies.\n`;
    const result = lintWithin(20, oneLine);
    assert.ok(ids(result).includes(PARSE_LIMITED_ID));
    assert.match(result.findings.find((f) => f.ruleId === PARSE_LIMITED_ID)!.message, new RegExp(`column ${NESTING_COLUMN_LIMIT}`));
    const ordered = `${'1. '.repeat(10_000)}x\n`;
    lintWithin(20, ordered);
    const indented = `# Plan\n\n${Array.from({ length: 500 }, (_, i) => `${' '.repeat(i * 2)}- item ${i} leverages synergy`).join('\n')}\n`;
    const deep = lintWithin(30, indented);
    assert.ok(ids(deep).includes(PARSE_LIMITED_ID));
  });

  test('a list nested by indentation grows linearly with its depth (the blank-line check reads the source)', () => {
    assert.equal(fastBlankLine, true, 'the fast blank-line check could not be installed');
    // Each level indented two more blanks, as in the 3,000-level list that took 51 s through the CLI.
    const nested = (levels: number) => `# Plan\n\n${Array.from({ length: levels }, (_, i) => `${' '.repeat(i * 2)}- item ${i} leverages synergy`).join('\n')}\n`;
    const time = (levels: number): number => {
      const text = nested(levels);
      const started = performance.now();
      // Linted whole (2,000 levels are 4 MB): past maxDocumentLength only a part would be read.
      const result = lint(text, { ...BASE, layers: [{ maxDocumentLength: 100_000_000 }] });
      const ms = performance.now() - started;
      assert.equal(ids(result).includes(PARSE_LIMITED_ID), levels > 100, 'levels past 100 are past the nesting guard');
      return ms;
    };
    time(100); // warm up
    const small = Math.min(time(500), time(500));
    const large = time(2_000);
    // About 4× now; when every open list item consumed every line's blanks to see whether the line
    // was blank, it was about 9× (and 51 s at 3,000 levels).
    assert.ok(large < small * 7 + 300, `2,000 levels took ${large.toFixed(0)} ms, 500 took ${small.toFixed(0)} ms`);
  });

  test('10,000 nested block quotes (">>>>…", "> > > …", and mixed with lists)', () => {
    for (const prefix of ['>'.repeat(10_000), '> '.repeat(10_000), '> - '.repeat(5_000), '>\t'.repeat(10_000)]) {
      const result = lintWithin(20, `# Notes\n\n${prefix} We will leverage synergies.\n`);
      assert.ok(ids(result).includes(PARSE_LIMITED_ID));
    }
    const byLines = Array.from({ length: 1_000 }, (_, i) => `${'>'.repeat(i + 1)} line ${i}`).join('\n');
    lintWithin(30, byLines);
  });

  test('nesting below the limit is parsed as written', () => {
    const text = `${'> '.repeat(60)}We will leverage synergies.\n`;
    assert.equal(limitMarkup(text).text, text);
    const result = lintWithin(10, text, { type: 'strategy', onlyRules: ['bad-strategy/fluff'] });
    assert.deepEqual(result.findings.map((f) => text.slice(f.start, f.end)), ['leverage', 'synergies']);
  });

  test('a 200,000-character line of prose, and one dense with emphasis and brackets', () => {
    const words = ['we', 'will', 'leverage', 'our', 'customers', 'growth', 'in', 'Q3 2027', 'because', 'churn', 'is', 'rising', 'NPS', 'synergy', 'the', 'team.'];
    const prose = Array.from({ length: 40_000 }, (_, i) => words[i % words.length]).join(' ').slice(0, 200_000);
    const result = lintWithin(30, `# Strategy\n\n## Diagnosis\n\n${prose}\n`, { type: 'strategy' });
    assert.ok(ids(result).includes('bad-strategy/fluff'));
    for (const dense of ['a*b '.repeat(50_000), '*_'.repeat(100_000), ']'.repeat(200_000), 'snake_case_word '.repeat(12_500), '*'.repeat(100_000) + 'x' + '*'.repeat(100_000)]) {
      const limited = lintWithin(20, `# Notes\n\n${dense}\n`);
      assert.ok(ids(limited).includes(PARSE_LIMITED_ID), dense.slice(0, 20));
    }
  });

  test('the guards keep the length and the line ends, and leave front matter, fenced code and lists of short items alone', () => {
    const samples = [
      `---\n${'snake_key: [a]\n'.repeat(1_500)}${' '.repeat(300)}- deep yaml\n---\n# T\n`,
      `\`\`\`c\n${'int *p = *q; a[i] = b[j];\n'.repeat(1_500)}\`\`\`\n`,
      Array.from({ length: 3_000 }, (_, i) => `- [ ] task ${i} **now** [link](x)`).join('\r\n'),
      `| a | b |\n|---|---|\n${'| *x* | [y](z) |\n'.repeat(3_000)}`,
      `${'- '.repeat(500)}x\r${'>'.repeat(500)}y\r\n${'a*b '.repeat(2_000)}\n`,
    ];
    for (const [i, text] of samples.entries()) {
      const limited = limitMarkup(text);
      assert.equal(limited.text.length, text.length);
      assert.deepEqual([...limited.text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index), [...text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index));
      if (i < 4) assert.equal(limited.text, text, `sample ${i} is left alone`);
    }
    const last = limitMarkup(samples[4]);
    assert.deepEqual([last.nestedLines, last.denseBlocks], [2, 1]);
  });

  test('a paragraph with many, but not too many, emphasis markers keeps its emphasis', () => {
    const text = `# Notes\n\n${'*we* leverage '.repeat(400)}\n`;
    assert.equal(limitMarkup(text).text, text);
    const result = lintWithin(10, text);
    assert.ok(!ids(result).includes(PARSE_LIMITED_ID));
  });

  test('NUL bytes and invalid UTF-16 (lone surrogates)', () => {
    const text = '# Str\u0000ategy\n\n## Diagnosis\n\nWe \u0000 will leverage \uD800 synergies \uDC00 and \uDBFF\uDBFF partners.\n\n- KR1: \uDFFF raise NPS from 30 to 45\n\u0000\n';
    const result = lintWithin(10, text, { type: 'strategy' });
    const fluff = result.findings.filter((f) => f.ruleId === 'bad-strategy/fluff' && !f.documentLevel).map((f) => text.slice(f.start, f.end));
    assert.deepEqual(fluff, ['leverage', 'synergies']);
    fixAll(text, { ...BASE, type: 'strategy' });
  });

  test('a byte-order mark does not shift positions, in front matter and body', () => {
    const text = '\uFEFF---\ntype: strategy\n---\n# Growth strategy\n\n## Guiding policy\n\n> We will\n> leverage partners.\n';
    const result = lintWithin(10, text);
    assert.equal(result.docType, 'strategy');
    const fluff = result.findings.find((f) => f.ruleId === 'bad-strategy/fluff' && !f.documentLevel)!;
    assert.equal(text.slice(fluff.start, fluff.end), 'leverage');
    assert.deepEqual([fluff.line, fluff.column], [9, 3]);
  });

  test('several byte-order marks (concatenated files) do not shift positions either', () => {
    for (const marks of ['\uFEFF\uFEFF', '\uFEFF\uFEFF\uFEFF']) {
      const text = `${marks}---\ntype: strategy\n---\n# Growth strategy\n\n## Guiding policy\n\nWe will leverage partners.\n`;
      const result = lintWithin(10, text);
      assert.equal(result.docType, 'strategy', 'front matter after the marks is read');
      const fluff = result.findings.find((f) => f.ruleId === 'bad-strategy/fluff' && !f.documentLevel)!;
      assert.equal(text.slice(fluff.start, fluff.end), 'leverage');
      assert.deepEqual([fluff.line, fluff.column], [8, 9]);
    }
    const inline = '\uFEFF\uFEFFWe will leverage partners.\n';
    const finding = lintWithin(10, inline, { type: 'strategy' }).findings.find((f) => f.ruleId === 'bad-strategy/fluff' && !f.documentLevel)!;
    assert.equal(inline.slice(finding.start, finding.end), 'leverage');
  });

  test('CR-only line ends give the same lines and columns as LF', () => {
    const lf = '# Growth strategy\n\n## Diagnosis\n\nChurn is rising.\n\n## Guiding policy\n\n- We will\n  leverage partners.\n- KR1: raise NPS\n';
    const cr = lf.replace(/\n/g, '\r');
    const crlf = lf.replace(/\n/g, '\r\n');
    const at = (text: string) => lintWithin(10, text, { type: 'strategy' }).findings.map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
    assert.deepEqual(at(cr), at(lf));
    assert.deepEqual(at(crlf), at(lf));
  });

  test('right-to-left text, bidi controls and emoji with joiners', () => {
    const text = '# استراتيجية النمو 👩‍👩‍👧‍👦\n\n## Diagnosis\n\nשלום \u202Eevil\u202C עולם 🏳️‍🌈 we leverage 👍🏽 synergies מרחבא.\n\n- مرحبا KR1: raise NPS from 30 to 45 by Q3 2027 ✅\n';
    const result = lintWithin(10, text, { type: 'strategy' });
    const fluff = result.findings.filter((f) => f.ruleId === 'bad-strategy/fluff' && !f.documentLevel).map((f) => text.slice(f.start, f.end));
    assert.deepEqual(fluff, ['leverage', 'synergies']);
  });

  test('a table with 5,000 rows', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `| Grow ${i % 7} | KR${i % 9}: raise NPS from ${i % 40} to ${(i % 40) + 5} by Q3 2027 | @ana |`);
    const text = `# Team OKRs\n\n| Objective | Key result | Owner |\n|---|---|---|\n${rows.join('\n')}\n`;
    const result = lintWithin(60, text, { type: 'okr' });
    assert.equal(result.document.items.filter((item) => item.kind === 'table-row').length, 5_000);
  });

  test('front matter that is not YAML, and YAML bombs', () => {
    const laughs = (levels: number, width: number) => {
      let yaml = 'a0: &a0 ["lol"]\n';
      for (let i = 1; i < levels; i++) yaml += `a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]\n`;
      return yaml;
    };
    const cases: Array<[string, string]> = [
      ['not YAML', '{{{ not yaml ::: ['],
      ['Jekyll liquid', '{% include x.html %}'],
      ['a scalar', 'just a string'],
      ['billion laughs', laughs(9, 9)],
      ['deep alias chain', laughs(40, 2)],
      ['merge-key bomb', `a0: &a0 {x: 1}\n${Array.from({ length: 30 }, (_, i) => `a${i + 1}: &a${i + 1} {<<: [*a${i}, *a${i}], y${i}: 1}`).join('\n')}`],
      ['20,000 anchors', Array.from({ length: 20_000 }, (_, i) => `k${i}: &x${i} v`).join('\n')],
      ['20,000 keys', Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join('\n')],
      ['deeply nested flow', `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}`],
      ['deeply nested blocks', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
      ['unknown tags', '!!binary a: !!js/function "x"\nb: !!set {a, b}'],
      ['duplicate keys', 'type: okr\ntype: roadmap'],
    ];
    for (const [name, yaml] of cases) {
      const text = `---\n${yaml}\n---\n# Strategy\n\n## Diagnosis\n\nWe will leverage partners.\n`;
      const result = lintWithin(20, text);
      assert.ok(result.document.sections.length >= 2, `${name}: the body is still read`);
    }
    const broken = lint('---\nstrategy-lint:\n  disable: [prose/*\n---\n# T\n', BASE);
    assert.match(broken.problems[0]?.message ?? '', /not valid YAML.*ignored/);
  });

  test('an unclosed front matter, fence and comment swallow nothing they should not', () => {
    for (const text of ['---\ntitle: x\n# T\n\nWe leverage.\n', '```\n# T\n\nWe leverage synergies.\n', '<!-- strategy-lint-disable\n# T\n\nWe leverage synergies.\n']) {
      lintWithin(10, text.repeat(2_000));
    }
  });
});
