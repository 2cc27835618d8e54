/** Engine basics: positions (LF, CRLF, CR, BOM), document types, isolation of a throwing rule. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, LineIndex, allRules, INTERNAL_ERROR_RULE_ID, StrategyDocument } from '../src/engine/index.js';
import { DEFAULT_ROLE_SYNONYMS } from '../src/engine/model/roles.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';

const doc = (text: string, filePath?: string) => new StrategyDocument(text, { filePath, roleSynonyms: DEFAULT_ROLE_SYNONYMS, fiscalYearStartMonth: 1, today: FIXTURE_TODAY });

describe('positions', () => {
  const body = ['# Growth strategy', '', '## Guiding policy', '', 'We will leverage partners.', ''];
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    test(`${name} line ends map findings to the right line and column`, () => {
      const text = body.join(eol);
      const [finding] = lint(text, { type: 'strategy', onlyRules: ['bad-strategy/fluff'] }).findings;
      assert.equal(text.slice(finding.start, finding.end), 'leverage');
      assert.deepEqual([finding.line, finding.column, finding.endLine, finding.endColumn], [5, 9, 5, 17]);
    });
  }
  test('LineIndex round-trips offsets', () => {
    const index = new LineIndex('a\r\nbb\rccc\nd');
    assert.deepEqual(index.lineStarts, [0, 3, 6, 10]);
    assert.deepEqual(index.positionAt(7), { line: 2, character: 1 });
    assert.equal(index.offsetAt(2, 1), 7);
    assert.equal(index.lineEnd(0), 1);
  });
  test('a byte-order mark does not shift positions', () => {
    const text = '\uFEFF# Growth strategy\n\n## Guiding policy\n\nWe will leverage partners.\n';
    const [finding] = lint(text, { type: 'strategy', onlyRules: ['bad-strategy/fluff'] }).findings;
    assert.equal(text.slice(finding.start, finding.end), 'leverage');
  });
});

describe('document types', () => {
  test('front matter first, then file name, then headings, else generic', () => {
    assert.equal(doc('---\nstrategy-lint:\n  type: roadmap\n---\n# X\n', 'STRATEGY.md').type, 'roadmap');
    assert.equal(doc('---\ndoctype: okr\n---\n# X\n').type, 'okr');
    assert.equal(doc('# X\n', 'ROADMAP.md').type, 'roadmap');
    assert.equal(doc('# X\n', 'docs/q3.release.md').type, 'release-notes');
    assert.equal(doc('# X\n', 'ADR-012-storage.md').type, 'decision');
    assert.equal(doc('# Plan\n\n## Diagnosis\n\nx\n\n## Guiding policy\n\ny\n').type, 'strategy');
    assert.equal(doc('# Plan\n\n## Now\n\n- a\n\n## Next\n\n- b\n\n## Later\n\n- c\n').type, 'roadmap');
    assert.equal(doc('# Changelog\n\n## 2.4.0\n\n- a\n\n## 2.3.0\n\n- b\n').type, 'release-notes');
  });
  test('a README with a "Diagnosis" heading stays generic', () => {
    assert.equal(doc('# Widget\n\n## Diagnosis\n\nRun the doctor.\n\n## Usage\n\nInstall.\n', 'README.md').type, 'generic');
    assert.equal(doc('# Widget\n\n## Problem\n\nIt breaks.\n\n## Approach\n\nWe patch it.\n', 'README.md').type, 'generic');
  });
  test('generic documents get prose rules only', () => {
    const result = lint('# Widget\n\nWe will leverage synergies to unlock value.\n', { filePath: 'README.md', today: FIXTURE_TODAY });
    assert.equal(result.docType, 'generic');
    const families = new Set(result.findings.map((f) => f.ruleId.split('/')[0]));
    assert.ok([...families].every((family) => family === 'prose'), [...families].join(', '));
  });
});

describe('isolation', () => {
  test('a rule that throws yields one internal-error finding naming it; other rules still report', () => {
    const fluff = allRules.find((rule) => rule.meta.id === 'bad-strategy/fluff')!;
    const original = fluff.check;
    const errors: string[] = [];
    (fluff as { check: unknown }).check = () => {
      throw new Error('boom');
    };
    try {
      const result = lint('# Growth strategy\n\n## Guiding policy\n\nWe will leverage partners.\n', { type: 'strategy', onRuleError: (id) => errors.push(id) });
      const internal = result.findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID);
      assert.equal(internal.length, 1);
      assert.match(internal[0].message, /bad-strategy\/fluff/);
      assert.deepEqual(errors, ['bad-strategy/fluff']);
      assert.ok(result.findings.some((f) => f.ruleId === 'kernel/diagnosis-missing'));
    } finally {
      (fluff as { check: unknown }).check = original;
    }
  });
});
