/**
 * Rule fixtures: Markdown files with the expected findings written inline, in HTML comments that
 * change neither rendering nor word counts:
 *
 *   We will leverage our synergies. <!-- expect: bad-strategy/fluff bad-strategy/fluff -->
 *
 * A header comment anywhere in the file says which rules the fixture checks and how to lint it:
 *
 *   <!-- fixture: rules=kernel/*,bad-strategy/fluff type=strategy file=STRATEGY.md referenceDate=2026-11-21 -->
 *
 * Findings of rules outside `rules` are ignored, so fixtures do not break when other rules change.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, allRules, type DocType, type Finding, type LintResult } from '../../src/engine/index.js';
import { fixturesDir } from './paths.js';

export const FIXTURE_TODAY = new Date(Date.UTC(2026, 10, 21));

export interface Fixture {
  name: string;
  text: string;
  rules: string[];
  type?: DocType;
  file: string;
  referenceDate?: string;
  /** "line:ruleId" for every expected finding, sorted. */
  expected: string[];
}

const HEADER = /<!--\s*fixture:([^>]*)-->/;
const EXPECT = /<!--\s*expect:([^>]*)-->/g;

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
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const match of line.matchAll(EXPECT)) {
      for (const id of match[1].trim().split(/\s+/).filter(Boolean)) expected.push(`${index + 1}:${id}`);
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

export function actualKeys(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.line}:${finding.ruleId}`).sort();
}

export function listFixtures(dir = path.join(fixturesDir, 'rules')): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md'))
    .map((name) => path.join(dir, name))
    .sort();
}
