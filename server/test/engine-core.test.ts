/** Engine basics: positions (LF, CRLF, CR, BOM), document types, isolation of a throwing rule. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, lintSteps, LineIndex, allRules, INTERNAL_ERROR_RULE_ID, StrategyDocument } from '../src/engine/index.js';
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

  /** Run `fn` with the checks of some rules replaced. */
  const withChecks = (replacements: Record<string, (context: { report: (d: unknown) => void; reportDocument: (m: unknown, f?: unknown) => void }) => void>, fn: () => void) => {
    const saved = new Map<string, unknown>();
    for (const [id, check] of Object.entries(replacements)) {
      const rule = allRules.find((r) => r.meta.id === id)!;
      saved.set(id, rule.check);
      (rule as { check: unknown }).check = check;
    }
    try {
      fn();
    } finally {
      for (const [id, check] of saved) (allRules.find((r) => r.meta.id === id) as { check: unknown }).check = check;
    }
  };
  const strategy = '# Growth strategy\n\n## Guiding policy\n\nWe will leverage partners.\n';

  test('whatever a rule throws (a string, undefined, an object whose toString throws), lint names it and goes on', () => {
    const unprintable = { toString() { throw new Error('no'); } };
    withChecks({
      'bad-strategy/fluff': () => { throw 'a string'; },
      'kernel/order': () => { throw undefined; },
      'pyramid/missing-summary': () => { throw unprintable; },
    }, () => {
      const result = lint(strategy, { type: 'strategy', onRuleError: () => { throw new Error('the callback fails too'); } });
      const internal = result.findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID).map((f) => f.message);
      assert.equal(internal.length, 3);
      assert.ok(internal.some((m) => m.includes('bad-strategy/fluff') && m.includes('a string')));
      assert.ok(internal.some((m) => m.includes('kernel/order') && m.includes('undefined')));
      assert.ok(internal.some((m) => m.includes('pyramid/missing-summary') && m.includes('unprintable')));
      assert.ok(result.findings.some((f) => f.ruleId === 'kernel/diagnosis-missing'), 'the other rules still report');
    });
  });

  test('a rule that throws after reporting keeps its findings; one that throws on every rule still leaves a result', () => {
    withChecks({
      'bad-strategy/fluff': ({ report }) => {
        report({ message: 'first', start: 0, end: 1 });
        throw new Error('then fails');
      },
    }, () => {
      const result = lint(strategy, { type: 'strategy' });
      assert.ok(result.findings.some((f) => f.ruleId === 'bad-strategy/fluff' && f.message === 'first'));
      assert.equal(result.findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID).length, 1);
    });
    const everyRule = Object.fromEntries(allRules.map((rule) => [rule.meta.id, () => { throw new Error(`${rule.meta.id} broke`); }]));
    withChecks(everyRule, () => {
      const result = lint(strategy, { type: 'strategy' });
      // Rules over several documents (trace/*) run in lintWorkspace, not here.
      const ran = allRules.filter((rule) => rule.meta.types.includes('strategy') && rule.meta.scope !== 'workspace').length;
      assert.equal(result.findings.length, ran);
      assert.ok(result.findings.every((f) => f.ruleId === INTERNAL_ERROR_RULE_ID && f.documentLevel));
    });
  });

  test('offsets a rule gets wrong (NaN, negative, past the end, fractional) are clamped; an unsafe fix is dropped', () => {
    withChecks({
      'bad-strategy/fluff': ({ report }) => {
        report({ message: 'nan', start: Number.NaN, end: Number.NaN });
        report({ message: 'negative', start: -5, end: 3 });
        report({ message: 'past the end', start: 10, end: 1e9 });
        report({ message: 'fractional', start: 2.7, end: 5.2 });
        report({ message: 'reversed', start: 9, end: 4 });
        report({ message: 'bad fix', start: 0, end: 1, fix: { title: 'x', edits: [{ start: 5, end: 1e9, newText: 'y' }] } });
        report({ message: 'overlapping fix', start: 0, end: 1, fix: { title: 'x', edits: [{ start: 0, end: 4, newText: '' }, { start: 2, end: 6, newText: '' }] } });
        report({ message: 'good fix', start: 0, end: 1, fix: { title: 'x', edits: [{ start: 0, end: 1, newText: '#' }] } });
      },
    }, () => {
      const result = lint(strategy, { type: 'strategy', onlyRules: ['bad-strategy/fluff'] });
      const byMessage = new Map(result.findings.map((f) => [f.message, f]));
      for (const finding of result.findings) {
        assert.ok(Number.isInteger(finding.start) && Number.isInteger(finding.end) && finding.start >= 0 && finding.start <= finding.end && finding.end <= strategy.length, finding.message);
      }
      assert.deepEqual([byMessage.get('nan')!.start, byMessage.get('nan')!.end], [0, 0]);
      assert.deepEqual([byMessage.get('past the end')!.start, byMessage.get('past the end')!.end], [10, strategy.length]);
      assert.deepEqual([byMessage.get('fractional')!.start, byMessage.get('fractional')!.end], [2, 5]);
      assert.equal(byMessage.get('bad fix')!.fix, undefined);
      assert.equal(byMessage.get('overlapping fix')!.fix, undefined);
      assert.ok(byMessage.get('good fix')!.fix);
    });
  });

  test('a document that cannot be read yields one internal-error finding, not an exception', () => {
    const steps = lintSteps(strategy, { type: 'strategy' }, { root: { type: 'root', children: [null as never] } });
    let step = steps.next();
    while (!step.done) step = steps.next();
    const result = step.value;
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0].ruleId, INTERNAL_ERROR_RULE_ID);
    assert.match(result.findings[0].message, /could not read this document/);
  });
});
