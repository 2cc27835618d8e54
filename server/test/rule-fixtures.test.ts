/**
 * Every fixture under test/fixtures/rules: the findings of the rules it checks are exactly the
 * expected ones (rule id and line), and so are the item hints and the related places of summary
 * findings (helpers/fixtures.ts); every item hint is one of its summary's related places; applying every fix and relinting removes the fixed findings,
 * adds no new ones (an inserted skeleton may be flagged as empty) and leaves the text outside the
 * fixes byte-identical. Every rule has a fixture that triggers it and a near miss that must not.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixturesDir } from './helpers/paths.js';
import { allRules, applyFixes, isItemHint } from '../src/engine/index.js';
import { actualColumnKeys, actualHintKeys, actualKeys, actualRelatedKeys, inScope, lintFixture, listFixtures, readFixture, ruleInScope, type Fixture } from './helpers/fixtures.js';

const fixtures: Fixture[] = listFixtures().map(readFixture);

/** Findings a freshly inserted section skeleton is meant to get until the writer fills it in. */
const SKELETON_RULES = new Set(['kernel/empty-section']);

describe('rule fixtures', () => {
  for (const fixture of fixtures) {
    test(fixture.name, () => {
      const result = lintFixture(fixture);
      const findings = inScope(fixture, result.findings);
      const listing = `${fixture.name} (type ${result.docType}):\n${findings.map((f) => `  ${f.line}:${f.column} ${isItemHint(f) ? 'item hint' : f.severity} ${f.ruleId} ${f.message}${f.related ? ` (related: lines ${f.related.map((place) => place.line).join(', ')})` : ''}`).join('\n')}`;
      assert.deepEqual(actualKeys(findings), fixture.expected, listing);
      assert.deepEqual(actualHintKeys(findings), fixture.expectedHints, `item hints of ${listing}`);
      assert.deepEqual(actualRelatedKeys(findings), fixture.expectedRelated, `related places of ${listing}`);
      const columns = actualColumnKeys(findings);
      for (const pinned of fixture.expectedColumns) assert.ok(columns.includes(pinned), `a finding at ${pinned} (line:column:rule) in ${listing}`);
      for (const hint of findings.filter(isItemHint)) {
        assert.equal(hint.severity, 'hint');
        const summary = findings.find((f) => f.ruleId === hint.ruleId && f.start === hint.partOf!.start && f.end === hint.partOf!.end && !isItemHint(f));
        assert.ok(summary?.related?.some((place) => place.start === hint.start && place.end === hint.end), `${hint.line}: an item hint is a related place of its summary`);
      }

      const fixable = findings.filter((finding) => finding.fix);
      if (fixable.length === 0) return;
      const { text: fixed, applied } = applyFixes(fixture.text, fixable);
      assert.ok(applied.length > 0);
      const edits = applied.flatMap((finding) => finding.fix!.edits);
      const first = Math.min(...edits.map((edit) => edit.start));
      const last = Math.max(...edits.map((edit) => edit.end));
      assert.ok(fixed.startsWith(fixture.text.slice(0, first)), 'text before the first fix is unchanged');
      assert.ok(fixed.endsWith(fixture.text.slice(last)), 'text after the last fix is unchanged');

      const after = inScope(fixture, lintFixture(fixture, fixed).findings);
      // Item hints come and go with their summary: they are not counted.
      const count = (list: typeof findings, ruleId: string) => list.filter((f) => f.ruleId === ruleId && !isItemHint(f)).length;
      for (const rule of new Set([...findings, ...after].map((f) => f.ruleId))) {
        const before = count(findings, rule);
        const fixedHere = applied.filter((f) => f.ruleId === rule).length;
        const now = count(after, rule);
        if (SKELETON_RULES.has(rule)) continue;
        assert.ok(now <= before - fixedHere,
          `${rule}: ${before} findings, ${fixedHere} fixed, ${now} after fixing — fixes must not create findings:\n${after.filter((f) => f.ruleId === rule).map((f) => `  ${f.line}:${f.column} ${f.message}`).join('\n')}`);
      }
      // An optional <name>.fixed.md beside the fixture is the exact expected text after fixing.
      const fixedFile = path.join(fixturesDir, fixture.name.replace(/\.md$/, '.fixed.md'));
      if (fs.existsSync(fixedFile)) assert.equal(fixed, fs.readFileSync(fixedFile, 'utf8'));
    });
  }
});

describe('fixture coverage', () => {
  // Rules over several documents have folders of fixtures (trace-fixtures.test.ts).
  for (const rule of allRules.filter((r) => r.meta.scope !== 'workspace')) {
    test(`${rule.meta.id} has a triggering fixture and a near miss`, () => {
      const relevant = fixtures.filter((fixture) => ruleInScope(fixture.rules, rule.meta.id));
      const triggering = relevant.filter((fixture) => fixture.expected.some((key) => key.endsWith(`:${rule.meta.id}`)));
      const nearMiss = relevant.filter((fixture) => !fixture.expected.some((key) => key.endsWith(`:${rule.meta.id}`)));
      assert.ok(triggering.length > 0, `no fixture expects ${rule.meta.id}`);
      assert.ok(nearMiss.length > 0, `no near-miss fixture checks that ${rule.meta.id} stays quiet`);
    });
  }
});
