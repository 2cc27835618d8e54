/**
 * Workspace fixtures: small folders of documents under test/fixtures/workspaces/<name>/, linted
 * together (the trace/* rules). Expected findings are written inline as in rule fixtures, on the
 * line of the document where they are reported, and so are the related places, in whichever
 * document they are:
 *
 *   - KR 1.3: Close five enterprise deals <!-- expect: trace/contradicts-policy -->
 *   - **P1.** Mid-market first, not enterprise. <!-- expect-related: trace/contradicts-policy -->
 *
 * An optional fixture.json says which rules are checked (default every trace/* rule), the last
 * commit date of files (`"commits": { "roadmap.md": "2026-09-01" }`, as git would give them),
 * whether a history was read (`"history": "git"`), and which files of the folder are on disk but
 * not read into the model (`"ignore"`: a file the linter does not read still exists for a link).
 * A file that is not in the folder does not exist.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, lintWorkspace, WorkspaceModel, type Finding, type WorkspaceLintResult } from '../../src/engine/index.js';
import { fixturesDir } from './paths.js';
import { FIXTURE_TODAY, ruleInScope } from './fixtures.js';

export interface WorkspaceFixture {
  name: string;
  dir: string;
  /** Workspace key → text. */
  files: Map<string, string>;
  rules: string[];
  commits: Record<string, string>;
  history: 'git' | 'none';
  /** "file:line:ruleId", sorted. */
  expected: string[];
  expectedRelated: string[];
}

const EXPECT = /<!--\s*expect(|-related):([^>]*)-->/g;

export const workspaceFixturesDir = path.join(fixturesDir, 'workspaces');

export function listWorkspaceFixtures(): string[] {
  if (!fs.existsSync(workspaceFixturesDir)) return [];
  return fs.readdirSync(workspaceFixturesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

export function readWorkspaceFixture(name: string): WorkspaceFixture {
  const dir = path.join(workspaceFixturesDir, name);
  const config = fs.existsSync(path.join(dir, 'fixture.json')) ? JSON.parse(fs.readFileSync(path.join(dir, 'fixture.json'), 'utf8')) as Record<string, unknown> : {};
  const ignored = new Set((config.ignore as string[] | undefined) ?? []);
  const files = new Map<string, string>();
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const key = file.split(path.sep).join('/');
    if (!key.endsWith('.md') || ignored.has(key)) continue;
    files.set(key, fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  const expected: string[] = [];
  const expectedRelated: string[] = [];
  for (const [key, text] of files) {
    text.split(/\r\n|\r|\n/).forEach((line, index) => {
      for (const match of line.matchAll(EXPECT)) {
        for (const id of match[2].trim().split(/\s+/).filter(Boolean)) (match[1] === '' ? expected : expectedRelated).push(`${key}:${index + 1}:${id}`);
      }
    });
  }
  return {
    name, dir, files, rules: (config.rules as string[] | undefined) ?? ['trace/*'], commits: (config.commits as Record<string, string> | undefined) ?? {},
    history: config.history === 'git' ? 'git' : 'none', expected: expected.sort(), expectedRelated: expectedRelated.sort(),
  };
}

/** The fixture's folder as a workspace model (with one file's text replaced, for a fix). */
export function fixtureModel(fixture: WorkspaceFixture, replaced?: { key: string; text: string }): WorkspaceModel {
  const model = new WorkspaceModel({ fileExists: (key) => fs.existsSync(path.join(fixture.dir, key)), history: fixture.history });
  for (const [key, original] of fixture.files) {
    const text = replaced && replaced.key === key ? replaced.text : original;
    const result = lint(text, { filePath: key, relativePath: key, projectPath: key, today: FIXTURE_TODAY, onlyRules: [] });
    const commit = fixture.commits[key];
    model.set(key, { document: result.document, layers: result.layers, lastCommitted: commit ? new Date(`${commit}T00:00:00Z`) : null });
  }
  return model;
}

export function lintFixtureWorkspace(fixture: WorkspaceFixture, replaced?: { key: string; text: string }): WorkspaceLintResult {
  return lintWorkspace(fixtureModel(fixture, replaced));
}

/** Findings of the rules the fixture checks, with their document. */
export function scoped(fixture: WorkspaceFixture, result: WorkspaceLintResult): Array<{ doc: string; finding: Finding }> {
  return [...result.findings].flatMap(([doc, findings]) => findings.filter((f) => ruleInScope(fixture.rules, f.ruleId)).map((finding) => ({ doc, finding })));
}

export function findingKeys(found: ReadonlyArray<{ doc: string; finding: Finding }>): string[] {
  return found.map(({ doc, finding }) => `${doc}:${finding.line}:${finding.ruleId}`).sort();
}

export function relatedKeys(found: ReadonlyArray<{ doc: string; finding: Finding }>): string[] {
  return found.flatMap(({ doc, finding }) => (finding.related ?? []).map((place) => `${place.file ?? doc}:${place.line}:${finding.ruleId}`)).sort();
}
