/**
 * Findings placed where the problem is: a finding that summarises several places carries them as
 * related locations, and the places with a fault of their own get item hints (hint severity,
 * `partOf` the summary). Checked here through the engine (positions, severity settings,
 * suppression), the language server's finding mapping (mapFindings), the review (item hints are
 * not problems of their own) and the bundled CLI's JSON, SARIF and text output.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { isItemHint, lint, type Finding, type LintOptions, type RuleSettings } from '../src/engine/index.js';
import { mapFindings } from '../src/lsp/finding-mapping.js';
import { buildReview } from '../src/review/review.js';
import { renderReviewMarkdown } from '../src/review/render-markdown.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';
import { repoRoot } from './helpers/paths.js';
import { tempTree } from './helpers/temp-tree.js';

const ITEMS = ['SSO', 'Audit log', 'Bulk edit', 'Dark mode', 'Public API', 'Webhooks', 'Zapier app'];
/** Seven bare items (more than maxFindings, 5) and one that names an outcome. */
const ROADMAP = [
  '---', 'updated: 2026-11-21', '---', '# Northwind roadmap', '',
  'This roadmap serves our [2027 strategy](./strategy.md).', '',
  '## Now', '', ...ITEMS.slice(0, 4).map((item) => `- ${item}`), '- Faster search. Outcome: cut median search time from 4 s to 1 s.', '',
  '## Next', '', ...ITEMS.slice(4).map((item) => `- ${item}`), '',
].join('\n');
const lines = ROADMAP.split('\n');
/** 1-based line of an item. */
const lineOf = (text: string, item: string): number => text.split('\n').indexOf(`- ${item}`) + 1;

const OPTIONS: LintOptions = { filePath: 'ROADMAP.md', today: FIXTURE_TODAY, onlyRules: ['roadmap/no-outcome'] };
const withRule = (setting: RuleSettings): LintOptions => ({ ...OPTIONS, layers: [{ source: 'test', rules: { 'roadmap/no-outcome': setting } }] });
const summaryOf = (findings: readonly Finding[]): Finding | undefined => findings.find((f) => f.ruleId === 'roadmap/no-outcome' && !isItemHint(f));
const hintsOf = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.ruleId === 'roadmap/no-outcome' && isItemHint(f));

describe('related locations and item hints: engine', () => {
  test('a summary on the title relates every item it counts, with exact positions; each gets an item hint', () => {
    const { findings } = lint(ROADMAP, OPTIONS);
    const summary = summaryOf(findings)!;
    assert.equal(summary.severity, 'information');
    assert.equal(summary.documentLevel, true);
    assert.equal(summary.line, 4);
    assert.match(summary.message, /^7 of 8 roadmap items name no outcome \("SSO", "Audit log", "Bulk edit", …\)/);
    assert.deepEqual(summary.related!.map((place) => place.line), ITEMS.map((item) => lineOf(ROADMAP, item)));
    for (const [i, place] of summary.related!.entries()) {
      const line = lineOf(ROADMAP, ITEMS[i]);
      assert.deepEqual({ ...place }, {
        start: ROADMAP.indexOf(`- ${ITEMS[i]}\n`) + 2, end: ROADMAP.indexOf(`- ${ITEMS[i]}\n`) + 2 + ITEMS[i].length,
        line, column: 3, endLine: line, endColumn: 3 + ITEMS[i].length, message: `"${ITEMS[i]}" names no outcome`,
      });
      assert.equal(ROADMAP.slice(place.start, place.end), ITEMS[i]);
    }
    const hints = hintsOf(findings);
    assert.deepEqual(hints.map((hint) => hint.line), ITEMS.map((item) => lineOf(ROADMAP, item)));
    for (const [i, hint] of hints.entries()) {
      assert.equal(hint.severity, 'hint');
      assert.equal(hint.documentLevel, false);
      assert.match(hint.message, new RegExp(`^"${ITEMS[i]}" names no outcome: say which metric`));
      const { start, end, line, column, endLine, endColumn } = summary;
      assert.deepEqual(hint.partOf, { start, end, line, column, endLine, endColumn, message: summary.message });
      assert.deepEqual([hint.start, hint.end], [summary.related![i].start, summary.related![i].end]);
    }
    // The item that names an outcome is neither related nor marked.
    const fine = lines.findIndex((line) => line.startsWith('- Faster search')) + 1;
    assert.ok(!findings.some((f) => f.line === fine) && !summary.related!.some((place) => place.line === fine));
  });

  test('severity settings: the summary takes the configured severity, item hints stay hints; off means neither', () => {
    for (const severity of ['error', 'warning', 'hint'] as const) {
      const { findings } = lint(ROADMAP, withRule({ severity }));
      assert.equal(summaryOf(findings)!.severity, severity);
      assert.deepEqual(new Set(hintsOf(findings).map((hint) => hint.severity)), new Set(['hint']));
      assert.equal(hintsOf(findings).length, ITEMS.length);
    }
    assert.deepEqual(lint(ROADMAP, withRule({ severity: 'off' })).findings, []);
  });

  test('below maxFindings each item is its own finding: no summary, no related places, no item hints', () => {
    const { findings } = lint(ROADMAP, withRule({ options: { maxFindings: 10 } }));
    // "## Next" has three items, all missing: one finding on its heading, with its items.
    const next = findings.find((f) => f.message.startsWith('None of the 3 items under "Next"'))!;
    assert.deepEqual(next.related!.map((place) => place.line), ITEMS.slice(4).map((item) => lineOf(ROADMAP, item)));
    const own = findings.filter((f) => !isItemHint(f) && f !== next);
    assert.deepEqual(own.map((f) => f.line), ITEMS.slice(0, 4).map((item) => lineOf(ROADMAP, item)));
    assert.ok(own.every((f) => f.related === undefined && f.severity === 'information'));
    assert.deepEqual(hintsOf(findings).map((hint) => hint.line), ITEMS.slice(4).map((item) => lineOf(ROADMAP, item)));
  });

  test('a suppressed item is not counted, related or marked; a suppressed summary takes its hints with it', () => {
    const suppressed = ROADMAP.replace('- Dark mode', '<!-- strategy-lint-disable-next-line roadmap/no-outcome -->\n- Dark mode');
    const { findings } = lint(suppressed, OPTIONS);
    const summary = summaryOf(findings)!;
    assert.match(summary.message, /^6 of 8 /);
    const rest = ITEMS.filter((item) => item !== 'Dark mode').map((item) => lineOf(suppressed, item));
    assert.deepEqual(summary.related!.map((place) => place.line), rest);
    assert.deepEqual(hintsOf(findings).map((hint) => hint.line), rest);

    const quiet = ROADMAP.replace('# Northwind', '<!-- strategy-lint-disable-next-line roadmap/no-outcome -->\n# Northwind');
    assert.deepEqual(lint(quiet, OPTIONS).findings, []);
    // Another rule's suppression changes nothing.
    const other = ROADMAP.replace('- Dark mode', '<!-- strategy-lint-disable-next-line prose/hedge -->\n- Dark mode');
    assert.equal(hintsOf(lint(other, OPTIONS).findings).length, ITEMS.length);
  });

  test('a place reported on its own keeps its finding and gets no item hint (the buzzwords of a fluff-density finding)', () => {
    const memo = '# Growth strategy\n\n## Guiding policy\n\nWe will leverage our world-class platform to unlock new segments.\n';
    const { findings } = lint(memo, { filePath: 'STRATEGY.md', onlyRules: ['bad-strategy/fluff'] });
    const density = findings.find((f) => f.documentLevel)!;
    assert.deepEqual(density.related!.map((place) => [place.line, place.column, place.message]), [
      [5, 9, '"leverage" is a buzzword'], [5, 22, '"world-class" is a buzzword'], [5, 46, '"unlock" is a buzzword'],
    ]);
    assert.ok(!findings.some(isItemHint));
    assert.equal(findings.filter((f) => !f.documentLevel).length, 3);
  });
});

describe('related locations and item hints: the language server moves them with the text (mapFindings)', () => {
  test('text inserted above moves related places and partOf; an edited item drops out of the related places', () => {
    const before = lint(ROADMAP, OPTIONS).findings;
    const inserted = ROADMAP.replace('## Now', 'A line for context.\n\n## Now');
    const moved = mapFindings(ROADMAP, inserted, before);
    const fresh = lint(inserted, OPTIONS).findings;
    const offsets = (findings: readonly Finding[]) => findings.map((f) => [f.start, f.end, f.related?.map((p) => [p.start, p.end]), f.partOf && [f.partOf.start, f.partOf.end]]);
    assert.deepEqual(offsets(moved), offsets(fresh));
    assert.ok(summaryOf(before)!.related!.length === ITEMS.length, 'the original is not changed');

    const edited = ROADMAP.replace('- Webhooks', '- Web hooks');
    const summary = summaryOf(mapFindings(ROADMAP, edited, before))!;
    assert.deepEqual(summary.related!.map((place) => edited.slice(place.start, place.end)), ITEMS.filter((item) => item !== 'Webhooks'));
  });
});

describe('related locations and item hints: the review', () => {
  test('item hints are not problems of their own: counts, scores and top fixes are those of the findings without them', () => {
    const result = lint(ROADMAP, { filePath: 'ROADMAP.md', today: FIXTURE_TODAY });
    assert.ok(result.findings.some(isItemHint));
    const review = buildReview(result);
    const without = buildReview({ ...result, findings: result.findings.filter((f) => !isItemHint(f)) });
    assert.deepEqual(review, without);
    assert.equal(review.counts.total, result.findings.filter((f) => !isItemHint(f)).length);
    const fix = review.topFixes.find((entry) => entry.ruleId === 'roadmap/no-outcome')!;
    assert.equal(fix.occurrences, 1);
    assert.deepEqual(fix.itemLines, ITEMS.map((item) => lineOf(ROADMAP, item)));
    assert.equal(fix.itemLineCount, ITEMS.length);
    assert.match(renderReviewMarkdown(review), /Items on lines 10, 11, 12, 13, 18, 19 and 20\./);
  });
});

const CLI = path.join(repoRoot, 'server', 'out', 'cli.js');
function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('related locations and item hints: CLI output', () => {
  const dir = tempTree('strategy-lint-related-', { 'plans/ROADMAP.md': ROADMAP });
  const file = 'plans/ROADMAP.md';
  const itemLines = ITEMS.map((item) => lineOf(ROADMAP, item));

  test('--format json: a summary carries related [{file, line, column, message}], item hints are elements at hint severity', () => {
    const findings = JSON.parse(cli(['--format', 'json', file], dir).stdout) as Array<Record<string, any>>;
    const summary = findings.find((f) => f.ruleId === 'roadmap/no-outcome' && f.severity === 'information')!;
    assert.deepEqual(Object.keys(summary).sort(), ['column', 'docType', 'docTypeReason', 'endColumn', 'endLine', 'file', 'line', 'message', 'related', 'ruleId', 'severity']);
    assert.deepEqual(summary.related, ITEMS.map((item, i) => ({ file, line: itemLines[i], column: 3, message: `"${item}" names no outcome` })));
    const hints = findings.filter((f) => f.ruleId === 'roadmap/no-outcome' && f.severity === 'hint');
    assert.deepEqual(hints.map((f) => f.line), itemLines);
    for (const hint of hints) {
      assert.deepEqual(Object.keys(hint).sort(), ['column', 'docType', 'docTypeReason', 'endColumn', 'endLine', 'file', 'line', 'message', 'ruleId', 'severity']);
    }
  });

  test('--format sarif: relatedLocations with id, physicalLocation and message; item hints are notes related to their summary', () => {
    const run = JSON.parse(cli(['--format', 'sarif', file], dir).stdout).runs[0];
    const ofRule = run.results.filter((r: any) => r.ruleId === 'roadmap/no-outcome');
    const summary = ofRule.find((r: any) => r.properties.severity === 'information');
    assert.equal(summary.level, 'note');
    const artifact = summary.locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(summary.relatedLocations, ITEMS.map((item, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: artifact, region: { startLine: itemLines[i], startColumn: 3, endLine: itemLines[i], endColumn: 3 + item.length } },
      message: { text: `"${item}" names no outcome` },
    })));
    const hints = ofRule.filter((r: any) => r.properties.severity === 'hint');
    assert.deepEqual(hints.map((r: any) => r.locations[0].physicalLocation.region.startLine), itemLines);
    for (const hint of hints) {
      assert.equal(hint.level, 'note');
      assert.equal(hint.relatedLocations.length, 1);
      assert.deepEqual(hint.relatedLocations[0].physicalLocation, summary.locations[0].physicalLocation);
      assert.equal(hint.relatedLocations[0].message.text, summary.message.text);
    }
  });

  test('text: the summary names its items\' lines; item hints are printed and counted only with --max-severity hint', () => {
    const { stdout, code } = cli([file], dir);
    assert.equal(code, 0);
    const summaryLine = stdout.split('\n').findIndex((line) => line.startsWith(`${file}:4:3 information roadmap/no-outcome 7 of 8`));
    assert.ok(summaryLine >= 0, stdout);
    assert.equal(stdout.split('\n')[summaryLine + 1], '  ↳ lines 10, 11, 12, 13, 18, 19 and 20');
    assert.ok(!stdout.includes('hint roadmap/no-outcome'), stdout);
    const json = JSON.parse(cli(['--format', 'json', file], dir).stdout) as Array<{ severity: string; ruleId: string }>;
    const notItemHints = json.filter((f) => !(f.severity === 'hint' && f.ruleId.startsWith('roadmap/no-'))).length;
    assert.match(stdout, new RegExp(`✖ ${notItemHints} problems? \\(`));

    const asked = cli([file, '--max-severity', 'hint'], dir);
    assert.equal(asked.code, 1);
    for (const line of itemLines) assert.ok(asked.stdout.includes(`${file}:${line}:3 hint roadmap/no-outcome "`), asked.stdout);
    assert.match(asked.stdout, new RegExp(`✖ ${json.length} problems? \\(`));
  });
});
