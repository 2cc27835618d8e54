/**
 * Every workspace fixture (test/fixtures/workspaces/<folder>): the trace/* findings over the
 * folder are exactly the expected ones (document, line and rule), and so are their related places
 * in the other documents; applying a finding's fix and linting the folder again removes it and
 * adds no finding of the same rule. Every trace/* rule has a folder that triggers it and a near
 * miss that must not.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules, applyFixes } from '../src/engine/index.js';
import { ruleInScope } from './helpers/fixtures.js';
import { findingKeys, lintFixtureWorkspace, listWorkspaceFixtures, readWorkspaceFixture, relatedKeys, scoped } from './helpers/workspace-fixtures.js';

const fixtures = listWorkspaceFixtures().map(readWorkspaceFixture);

describe('workspace fixtures', () => {
  for (const fixture of fixtures) {
    test(fixture.name, () => {
      const found = scoped(fixture, lintFixtureWorkspace(fixture));
      const listing = `${fixture.name}:\n${found.map(({ doc, finding }) => `  ${doc}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}${finding.related ? ` (related: ${finding.related.map((p) => `${p.file ?? doc}:${p.line}`).join(', ')})` : ''}`).join('\n')}`;
      assert.deepEqual(findingKeys(found), fixture.expected, listing);
      assert.deepEqual(relatedKeys(found), fixture.expectedRelated, `related places of ${listing}`);
      for (const { doc, finding } of found.filter(({ finding: f }) => f.fix)) {
        const text = fixture.files.get(doc)!;
        const { text: fixed, applied } = applyFixes(text, [finding], false);
        assert.equal(applied.length, 1, `${doc}:${finding.line}: the fix applies`);
        const after = scoped(fixture, lintFixtureWorkspace(fixture, { key: doc, text: fixed }));
        const same = after.filter(({ doc: d, finding: f }) => d === doc && f.ruleId === finding.ruleId);
        const before = found.filter(({ doc: d, finding: f }) => d === doc && f.ruleId === finding.ruleId);
        assert.equal(same.length, before.length - 1, `${doc}:${finding.line}: after “${finding.fix!.title}” the finding is gone and none is new:\n${fixed}`);
      }
    });
  }
});

describe('workspace fixture coverage', () => {
  for (const rule of allRules.filter((r) => r.meta.scope === 'workspace')) {
    test(`${rule.meta.id} has a triggering folder and a near miss`, () => {
      const relevant = fixtures.filter((fixture) => ruleInScope(fixture.rules, rule.meta.id));
      const triggering = relevant.filter((fixture) => fixture.expected.some((key) => key.endsWith(`:${rule.meta.id}`)));
      const nearMiss = relevant.filter((fixture) => !fixture.expected.some((key) => key.endsWith(`:${rule.meta.id}`)));
      assert.ok(triggering.length > 0, `no folder expects ${rule.meta.id}`);
      assert.ok(nearMiss.length > 0, `no near-miss folder checks that ${rule.meta.id} stays quiet`);
    });
  }
});
