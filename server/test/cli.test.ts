/**
 * The CLI contract: JSON output has exactly the contract's fields, SARIF 2.1.0 is well formed,
 * exit codes are 0 / 1 / 2 as RULES.md says, folders honour .gitignore, --fix rewrites files,
 * and a broken config file is named while linting continues on defaults. Runs the bundled CLI.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './helpers/paths.js';
import { WEAK_MEMO } from './helpers/documents.js';
import { CATALOG_RULE_IDS } from './helpers/catalog.js';
import { tempTree } from './helpers/temp-tree.js';

const CLI = path.join(repoRoot, 'server', 'out', 'cli.js');

const CLEAN_README = `# Widget

Widget prints the weather for your city. Install it with npm and run it.
`;

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('strategy-lint --explain-type', () => {
  const files = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    'strategy/README.md': '# Developer infrastructure strategy\n\nWhere our build tooling stands and where we take it next.\n',
    'docs/how-to-write-a-roadmap.md': '# How to write a roadmap\n\n## Now\n\nWhat the team works on.\n\n## Next\n\nWhat comes after.\n',
  };

  test('names the signals, their weights and the totals, and lints nothing', () => {
    const dir = tempTree('strategy-lint-explain-', files);
    const { code, stdout } = cli(['--explain-type', 'strategy/README.md', 'docs/how-to-write-a-roadmap.md'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /^strategy\/README\.md: strategy — folder strategy\/ and title “Developer infrastructure strategy”$/m);
    assert.match(stdout, /^ {2}\s*\+3 {2}strategy {6}folder strategy\/$/m);
    assert.match(stdout, /^ {2}\s*\+4 {2}strategy {6}title “Developer infrastructure strategy”$/m);
    assert.match(stdout, /^docs\/how-to-write-a-roadmap\.md: generic — title “How to write a roadmap” reads as a guide/m);
    assert.match(stdout, /−10 {2}every type/);
    assert.match(stdout, /a type needs 4/);
    assert.doesNotMatch(stdout, /warning|information/, 'no findings are printed');
  });

  test('--format json gives each file its decision and signals', () => {
    const dir = tempTree('strategy-lint-explain-', files);
    const { code, stdout } = cli(['--explain-type', '--format', 'json', 'strategy/README.md'], dir);
    assert.equal(code, 0);
    const [explained] = JSON.parse(stdout) as Array<{ file: string; docType: string; signals: Array<{ kind: string; weight: number }>; scores: Record<string, number> }>;
    assert.equal(explained.file, 'strategy/README.md');
    assert.equal(explained.docType, 'strategy');
    assert.deepEqual(explained.signals.map((s) => [s.kind, s.weight]).sort(), [['folder', 3], ['title', 4]]);
    assert.equal(explained.scores.strategy, 7);
  });

  test('folders above the repository root say nothing of the type', () => {
    const dir = tempTree('strategy-lint-explain-', { 'roadmap/.git/HEAD': 'ref: refs/heads/main\n', 'roadmap/README.md': '# Public roadmap\n\nThis repository tracks our public roadmap as issues on a project board.\n' });
    const { stdout } = cli(['--explain-type', 'roadmap/README.md'], dir);
    assert.match(stdout, /^roadmap\/README\.md: generic/m, 'the repository is named roadmap; its README is not a roadmap');
  });
});

describe('strategy-lint CLI', () => {
  test('--format json prints exactly the contract fields, with why the document got its type', () => {
    const dir = tempTree('strategy-lint-cli-', { 'STRATEGY.md': WEAK_MEMO });
    const { code, stdout } = cli(['--format', 'json', 'STRATEGY.md'], dir);
    assert.equal(code, 0, 'warnings only: exit 0 at the default --max-severity error');
    const findings = JSON.parse(stdout) as Record<string, unknown>[];
    assert.ok(findings.length > 0);
    for (const finding of findings) {
      const expected = ['column', 'docType', 'docTypeReason', 'endColumn', 'endLine', 'file', 'line', 'message', 'ruleId', 'severity'];
      // `related` only on a finding that summarises several places: here the buzzword density, on the title.
      if (finding.ruleId === 'bad-strategy/fluff' && finding.line === 1) expected.push('related');
      assert.deepEqual(Object.keys(finding).sort(), expected.sort());
      assert.equal(finding.file, 'STRATEGY.md');
      assert.equal(finding.docType, 'strategy');
      assert.match(finding.docTypeReason as string, /file name STRATEGY\.md/);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(finding.severity as string));
      for (const key of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(finding[key]) && (finding[key] as number) >= 1);
    }
    const fluff = findings.filter((f) => f.ruleId === 'bad-strategy/fluff' && (f.line as number) > 1);
    assert.deepEqual(fluff.map((f) => [f.line, f.column]), [[5, 9], [5, 22], [5, 46]]);
  });

  test('exit codes: 1 at or above --max-severity, 0 below it, 2 for usage errors', () => {
    const dir = tempTree('strategy-lint-cli-', { 'STRATEGY.md': WEAK_MEMO, 'README.md': CLEAN_README });
    assert.equal(cli(['STRATEGY.md', '--max-severity', 'warning'], dir).code, 1);
    assert.equal(cli(['STRATEGY.md', '--max-severity', 'error'], dir).code, 0);
    assert.equal(cli(['README.md', '--max-severity', 'hint'], dir).code, 0);
    const usage = cli(['--format', 'xml', 'STRATEGY.md'], dir);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--format must be one of/);
    assert.equal(cli([], dir).code, 2);
    assert.equal(cli(['no-such-file.md'], dir).code, 2);
    assert.equal(cli(['--type', 'poem', 'STRATEGY.md'], dir).code, 2);
  });

  test('text output groups by file with file:line:col severity rule-id message and a summary', () => {
    const dir = tempTree('strategy-lint-cli-', { 'STRATEGY.md': WEAK_MEMO });
    const { stdout } = cli(['STRATEGY.md'], dir);
    assert.match(stdout, /^STRATEGY\.md \(strategy\)$/m);
    assert.match(stdout, /^STRATEGY\.md:5:9 warning bad-strategy\/fluff "leverage" is fluff/m);
    assert.match(stdout, /^✖ \d+ problems? \(0 errors, \d+ warnings?, \d+ information, \d+ hints?\) in 1 of 1 file\.$/m);
    assert.doesNotMatch(stdout, /\u001b\[/, 'no colour when not a terminal');
  });

  test('folders find Markdown files and honour .gitignore', () => {
    const dir = tempTree('strategy-lint-cli-', {
      '.gitignore': 'drafts/\n',
      'docs/STRATEGY.md': WEAK_MEMO,
      'docs/drafts/ROADMAP.md': WEAK_MEMO,
      'docs/notes.txt': WEAK_MEMO,
      'node_modules/pkg/README.md': WEAK_MEMO,
    });
    const files = new Set((JSON.parse(cli(['--format', 'json', '.'], dir).stdout) as { file: string }[]).map((f) => f.file));
    assert.deepEqual([...files], ['docs/STRATEGY.md']);
    const named = new Set((JSON.parse(cli(['--format', 'json', 'docs/drafts/ROADMAP.md'], dir).stdout) as { file: string }[]).map((f) => f.file));
    assert.deepEqual([...named], ['docs/drafts/ROADMAP.md'], 'a file named explicitly is linted even when ignored');
    const globbed = new Set((JSON.parse(cli(['--format', 'json', 'docs/**/*.md'], dir).stdout) as { file: string }[]).map((f) => f.file));
    assert.deepEqual([...globbed], ['docs/STRATEGY.md']);
  });

  test('--format sarif is SARIF 2.1.0 with rules and results', () => {
    const dir = tempTree('strategy-lint-cli-', { 'STRATEGY.md': WEAK_MEMO });
    const sarif = JSON.parse(cli(['--format', 'sarif', 'STRATEGY.md'], dir).stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'strategy-lint');
    assert.ok(run.tool.driver.rules.length >= 1);
    const result = run.results.find((r: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.ruleId === 'bad-strategy/fluff' && r.locations[0].physicalLocation.region.startLine === 5);
    assert.equal(result.level, 'warning');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'bad-strategy/fluff');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 5, startColumn: 9, endLine: 5, endColumn: 17 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'STRATEGY.md');
  });

  test('--list-rules lists every rule with severity and docs URL, as text and JSON', () => {
    const dir = tempTree('strategy-lint-cli-', {});
    const rows = JSON.parse(cli(['--list-rules', '--format', 'json'], dir).stdout) as { id: string; severity: string; url: string; description: string }[];
    assert.deepEqual(rows.map((r) => r.id).sort(), [...CATALOG_RULE_IDS].sort());
    for (const row of rows) assert.match(row.url, new RegExp(`/docs/rules/${row.id}\\.md$`));
    const text = cli(['--list-rules'], dir).stdout;
    assert.match(text, /^bad-strategy\/fluff\s+warning\s+\S/m);
  });

  test('--fix applies safe fixes in place and reports what is left', () => {
    const dir = tempTree('strategy-lint-cli-', { 'STRATEGY.md': WEAK_MEMO });
    cli(['--fix', 'STRATEGY.md'], dir);
    const fixed = fs.readFileSync(path.join(dir, 'STRATEGY.md'), 'utf8');
    assert.match(fixed, /We will use our platform to unlock new segments\./);
    assert.ok(fixed.startsWith(WEAK_MEMO.slice(0, WEAK_MEMO.indexOf('We will'))));
    const left = (JSON.parse(cli(['--format', 'json', 'STRATEGY.md'], dir).stdout) as { ruleId: string; line: number }[]).filter((f) => f.ruleId === 'bad-strategy/fluff' && (f.line as number) > 1);
    assert.equal(left.length, 1, '"unlock" has no safe fix and remains');
  });

  test('a malformed config file is named with its key; linting continues on defaults; exit 2', () => {
    const dir = tempTree('strategy-lint-cli-', { '.strategy-lint.json': '{ "rules": { "bad-strategy/fluff": "loud" } }', 'STRATEGY.md': WEAK_MEMO });
    const { code, stdout, stderr } = cli(['--format', 'json', 'STRATEGY.md'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /\.strategy-lint\.json: config error rules\.bad-strategy\/fluff: expected a severity/);
    assert.ok((JSON.parse(stdout) as { ruleId: string }[]).some((f) => f.ruleId === 'bad-strategy/fluff'), 'defaults still lint');
  });

  test('--help and --version', () => {
    const dir = tempTree('strategy-lint-cli-', {});
    assert.match(cli(['--help'], dir).stdout, /Usage: strategy-lint/);
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.equal(cli(['--version'], dir).stdout.trim(), pkg.version);
  });

  test('review prints the report for one file', () => {
    const dir = tempTree('strategy-lint-cli-', { 'STRATEGY.md': WEAK_MEMO });
    const { code, stdout } = cli(['review', 'STRATEGY.md'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /Diagnosis/);
    assert.match(stdout, /Guiding policy/);
  });
});
