/**
 * Rule fixtures: Markdown files with the expected findings written inline, in HTML comments that
 * change neither rendering nor word counts:
 *
 *   We will leverage our synergies. <!-- expect: bad-strategy/fluff bad-strategy/fluff -->
 *
 * A finding that summarises several places (one finding on the title or a heading for many items)
 * lists them as related places, and marks those with a fault of their own with an item hint
 * (`hint` severity). Those are written with their own markers on the item's line, so `expect`
 * keeps meaning what it meant (the findings a writer sees in the Problems panel):
 *
 *   - SSO <!-- expect-hint: roadmap/no-outcome -->        an item hint here (and a related place)
 *   - KR6 … <!-- expect-related: outcomes/too-many-key-results -->   a related place, no hint
 *
 * A header comment anywhere in the file says which rules the fixture checks and how to lint it:
 *
 *   <!-- fixture: rules=kernel/*,bad-strategy/fluff type=strategy file=STRATEGY.md referenceDate=2026-11-21 -->
 *
 * Findings of rules outside `rules` are ignored, so fixtures do not break when other rules change.
 * An expect marker may pin where a finding starts on its line: `bad-strategy/fluff@18` (column 18,
 * counted from 1, as editors show it). A marker naming an unknown rule is an error, not a miss.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, allRules, isItemHint, type DocType, type Finding, type LintResult } from '../../src/engine/index.js';
import { fixturesDir } from './paths.js';

export const FIXTURE_TODAY = new Date(Date.UTC(2026, 10, 21));

export interface Fixture {
  name: string;
  text: string;
  rules: string[];
  type?: DocType;
  file: string;
  referenceDate?: string;
  /** "line:ruleId" for every expected finding other than item hints, sorted. */
  expected: string[];
  /** "line:ruleId" for every expected item hint, sorted. */
  expectedHints: string[];
  /** "line:ruleId" for every expected related place of a summary (item hints' lines included), sorted. */
  expectedRelated: string[];
  /** "line:column:ruleId" for every expected finding whose marker pins its column (`rule-id@12`), sorted. */
  expectedColumns: string[];
}

const HEADER = /<!--\s*fixture:([^>]*)-->/;
const EXPECT = /<!--\s*expect(|-hint|-related):([^>]*)-->/g;

export function ruleInScope(scope: readonly string[], ruleId: string): boolean {
  return scope.some((entry) => entry === ruleId || (entry.endsWith('/*') && ruleId.startsWith(entry.slice(0, -1))));
}

export function readFixture(filePath: string): Fixture {
  const text = fs.readFileSync(filePath, 'utf8');
  const header = HEADER.exec(text);
  if (!header) throw new Error(`${filePath}: no <!-- fixture: rules=... --> header`);
  const fields = Object.fromEntries(header[1].trim().split(/\s+/).map((pair) => pair.split('=') as [string, string]));
  if (!fields.rules) throw new Error(`${filePath}: the fixture header names no rules`);
  const expected: string[] = [];
  const expectedHints: string[] = [];
  const expectedRelated: string[] = [];
  const expectedColumns: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const match of line.matchAll(EXPECT)) {
      for (const token of match[2].trim().split(/\s+/).filter(Boolean)) {
        // "rule-id" or "rule-id@column": a pinned column says where on the line the finding starts.
        const [id, column] = token.split('@');
        if (!allRules.some((rule) => rule.meta.id === id)) throw new Error(`${filePath}:${index + 1}: unknown rule "${id}" in an expect marker`);
        if (column !== undefined) {
          if (match[1] !== '' || !/^[1-9]\d*$/.test(column)) throw new Error(`${filePath}:${index + 1}: "${token}": only an expect marker pins a column, as rule-id@<column from 1>`);
          expectedColumns.push(`${index + 1}:${column}:${id}`);
        }
        const key = `${index + 1}:${id}`;
        if (match[1] === '') expected.push(key);
        else expectedRelated.push(key);
        if (match[1] === '-hint') expectedHints.push(key);
      }
    }
  });
  const rules = fields.rules.split(',');
  for (const entry of rules) {
    if (!allRules.some((rule) => ruleInScope([entry], rule.meta.id))) throw new Error(`${filePath}: unknown rule ${entry} in header`);
  }
  return {
    name: path.relative(fixturesDir, filePath),
    text,
    rules,
    type: fields.type as DocType | undefined,
    file: fields.file ?? path.basename(filePath).replace(/\.(?:pass|fail|\d+)(?=\.md$)/, ''),
    referenceDate: fields.referenceDate,
    expected: expected.sort(),
    expectedHints: expectedHints.sort(),
    expectedRelated: expectedRelated.sort(),
    expectedColumns: expectedColumns.sort(),
  };
}

export function lintFixture(fixture: Fixture, text = fixture.text): LintResult {
  return lint(text, {
    filePath: fixture.file,
    type: fixture.type,
    today: FIXTURE_TODAY,
    layers: fixture.referenceDate ? [{ source: 'fixture', referenceDate: fixture.referenceDate }] : [],
  });
}

export function inScope(fixture: Fixture, findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => ruleInScope(fixture.rules, finding.ruleId));
}

/** "line:ruleId" of the findings other than item hints, sorted. */
export function actualKeys(findings: readonly Finding[]): string[] {
  return findings.filter((finding) => !isItemHint(finding)).map((finding) => `${finding.line}:${finding.ruleId}`).sort();
}

/** "line:column:ruleId" of the findings other than item hints, sorted. */
export function actualColumnKeys(findings: readonly Finding[]): string[] {
  return findings.filter((finding) => !isItemHint(finding)).map((finding) => `${finding.line}:${finding.column}:${finding.ruleId}`).sort();
}

/** "line:ruleId" of the item hints, sorted. */
export function actualHintKeys(findings: readonly Finding[]): string[] {
  return findings.filter(isItemHint).map((finding) => `${finding.line}:${finding.ruleId}`).sort();
}

/** "line:ruleId" of every related place of every finding, sorted. */
export function actualRelatedKeys(findings: readonly Finding[]): string[] {
  return findings.flatMap((finding) => (finding.related ?? []).map((place) => `${place.line}:${finding.ruleId}`)).sort();
}

export function listFixtures(dir = path.join(fixturesDir, 'rules')): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md'))
    .map((name) => path.join(dir, name))
    .sort();
}
