/**
 * The review's key-result table and the squiggles read a key result once (model/key-results.ts),
 * so they agree: on every key result of every rule fixture, review fixture, example document and
 * rule example, where the outcomes rules run on the document's type,
 * - the table says "output" exactly when outcomes/output-as-outcome fires on it;
 * - "no target" or "no metric" exactly when outcomes/unmeasurable fires;
 * - it lacks a baseline exactly when outcomes/no-baseline fires;
 * - outcomes/no-timeframe fires only where the table shows no date or only a whole year
 *   inherited from a heading, and fires wherever a measured outcome or a goal shows no date.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, lint, rulesById, type Finding, type LintResult } from '../src/engine/index.js';
import { readKeyResults } from '../src/engine/model/key-results.js';
import { buildReview } from '../src/review/review.js';
import { fixturesDir, repoRoot } from './helpers/paths.js';
import { FIXTURE_TODAY, lintFixture, listFixtures, readFixture } from './helpers/fixtures.js';

interface Case { name: string; result: LintResult }

function cases(): Case[] {
  const found: Case[] = listFixtures().map((file) => {
    const fixture = readFixture(file);
    return { name: fixture.name, result: lintFixture(fixture) };
  });
  const reviewDir = path.join(fixturesDir, 'review');
  for (const name of fs.readdirSync(reviewDir).filter((n) => n.endsWith('.md')).sort()) {
    found.push({ name: `review/${name}`, result: lint(fs.readFileSync(path.join(reviewDir, name), 'utf8'), { filePath: name, today: FIXTURE_TODAY }) });
  }
  const examples = path.join(repoRoot, 'examples');
  for (const name of fs.readdirSync(examples).filter((n) => n.endsWith('.md')).sort()) {
    found.push({ name: `examples/${name}`, result: lint(fs.readFileSync(path.join(examples, name), 'utf8'), { filePath: name, today: FIXTURE_TODAY }) });
  }
  for (const rule of allRules) {
    for (const kind of ['bad', 'good'] as const) {
      found.push({ name: `${rule.meta.id} (${kind} example)`, result: lint(rule.meta.examples[kind], { type: rule.meta.types[0], filePath: 'example.md', today: FIXTURE_TODAY }) });
    }
  }
  return found;
}

const all = cases();

describe('the review table and the squiggles agree on every key result', () => {
  test('the corpus has key results of every verdict', () => {
    const verdicts = new Set(all.flatMap(({ result }) => buildReview(result).keyResults.map((row) => row.verdict)));
    assert.deepEqual([...verdicts].sort(), ['goal', 'no-metric', 'no-target', 'outcome', 'output']);
  });

  for (const { name, result } of all) {
    const readings = readKeyResults(result.document);
    if (readings.length === 0) continue;
    test(name, () => {
      const review = buildReview(result);
      assert.equal(review.keyResults.length, readings.length, 'one row per key result');
      const runs = (ruleId: string): boolean => rulesById.get(ruleId)!.meta.types.includes(result.docType);
      review.keyResults.forEach((row, i) => {
        const reading = readings[i];
        const on = (ruleId: string): boolean => result.findings.some((f: Finding) => f.ruleId === ruleId && f.start === reading.start);
        const where = `line ${row.line} "${row.text}" (${row.verdict}: ${row.reason})`;
        if (runs('outcomes/output-as-outcome')) {
          assert.equal(row.verdict === 'output', on('outcomes/output-as-outcome'), `output-as-outcome and the table disagree on ${where}`);
        }
        if (runs('outcomes/unmeasurable')) {
          assert.equal(row.verdict === 'no-target' || row.verdict === 'no-metric', on('outcomes/unmeasurable'), `unmeasurable and the table disagree on ${where}`);
        }
        if (runs('outcomes/no-baseline')) {
          assert.equal(row.lacksBaseline, on('outcomes/no-baseline'), `no-baseline and the table disagree on ${where}`);
          if (row.lacksBaseline) assert.equal(row.baseline, null, `a key result that lacks a baseline shows none: ${where}`);
        }
        if (runs('outcomes/no-timeframe')) {
          const undated = on('outcomes/no-timeframe');
          if (undated) assert.ok(row.date === null || row.dateCoarse, `no-timeframe fires, but the table shows the date ${row.date} (${row.dateSource}) on ${where}`);
          if (row.date === null && !reading.standIn && !reading.timeless && (row.verdict === 'outcome' || row.verdict === 'goal')) {
            assert.ok(undated, `the table shows no date, but no-timeframe is silent on ${where}`);
          }
        }
      });
    });
  }
});

describe('the reading follows the word lists each rule is configured with', () => {
  const text = (rules: string): string => `---\nstrategy-lint:\n  rules:\n${rules}---\n# Search OKRs for H1 2027\n\n## Objective 1: Finding things is instant\n\n- KR1: Spike the new search index by Q2 2027\n- KR2: Cut median search latency from 900 ms to 200 ms by Q2 2027\n`;
  const verdictsAndFindings = (rules: string): { verdicts: string[]; findings: string[] } => {
    const source = text(rules);
    const result = lint(source, { filePath: 'search.okrs.md', today: FIXTURE_TODAY });
    assert.deepEqual(result.problems, []);
    const spikeLine = source.split('\n').findIndex((line) => line.startsWith('- KR1:')) + 1;
    return {
      verdicts: buildReview(result).keyResults.map((row) => row.verdict),
      // Findings as "KR1:rule" or "KR2:rule".
      findings: result.findings.filter((f) => f.ruleId.startsWith('outcomes/')).map((f) => `${f.line === spikeLine ? 'KR1' : 'KR2'}:${f.ruleId}`),
    };
  };

  test('by default "Spike …" is no deliverable: it has no number, so outcomes/unmeasurable asks for one', () => {
    assert.deepEqual(verdictsAndFindings(''), { verdicts: ['no-metric', 'outcome'], findings: ['KR1:outcomes/unmeasurable'] });
  });

  test('an output verb added for outcomes/* makes it an output, for the rules and the table alike', () => {
    const configured = verdictsAndFindings('    outcomes/*:\n      options:\n        outputVerbs: { add: [spike] }\n');
    assert.deepEqual(configured, { verdicts: ['output', 'outcome'], findings: ['KR1:outcomes/output-as-outcome'] });
  });

  test('added for outcomes/output-as-outcome only, the table follows that rule; the other rules keep their own lists', () => {
    const configured = verdictsAndFindings('    outcomes/output-as-outcome:\n      options:\n        outputVerbs: { add: [spike] }\n');
    assert.deepEqual(configured.verdicts, ['output', 'outcome']);
    assert.deepEqual(configured.findings, ['KR1:outcomes/output-as-outcome', 'KR1:outcomes/unmeasurable']);
  });
});
