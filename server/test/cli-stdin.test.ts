/**
 * `--stdin` (and `--stdin-filename`), as editors and pipelines use it (efm-langserver, none-ls,
 * ALE, pre-commit): standard input linted as if it were the named file — its type from the name,
 * its config from its folder, which need not exist — and with `--fix`, the fixed text on stdout and
 * nothing else. Runs the bundled CLI.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './helpers/paths.js';
import { WEAK_MEMO as MEMO } from './helpers/documents.js';
import { tempTree } from './helpers/temp-tree.js';

const CLI = path.join(repoRoot, 'server', 'out', 'cli.js');

const ROADMAP = `# Plans

## Now

- Spreadsheet import
`;

function cli(args: string[], cwd: string, input: string | Buffer) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding { file: string; ruleId: string; line: number; docType: string; docTypeReason: string }

describe('strategy-lint --stdin', () => {
  test('lints standard input as the named file: its name, its type from the name, its config from its folder', () => {
    const dir = tempTree('strategy-lint-stdin-', { 'plans/.strategy-lint.json': '{ "rules": { "roadmap/*": "off" } }', 'docs/.keep': '' });
    const asRoadmap = JSON.parse(cli(['--stdin', '--stdin-filename', 'docs/ROADMAP.md', '--format', 'json'], dir, ROADMAP).stdout) as JsonFinding[];
    assert.ok(asRoadmap.length > 0);
    assert.ok(asRoadmap.every((f) => f.file === 'docs/ROADMAP.md' && f.docType === 'roadmap'));
    assert.match(asRoadmap[0].docTypeReason, /file name ROADMAP\.md/);
    assert.ok(asRoadmap.some((f) => f.ruleId.startsWith('roadmap/')));
    const configured = JSON.parse(cli(['--stdin', '--stdin-filename', 'plans/ROADMAP.md', '--format', 'json'], dir, ROADMAP).stdout) as JsonFinding[];
    assert.ok(configured.every((f) => !f.ruleId.startsWith('roadmap/')), 'plans/.strategy-lint.json applies, though plans/ROADMAP.md does not exist');
  });

  test('without --stdin-filename: shown as <stdin>, the type from the text, the config from the working folder', () => {
    const dir = tempTree('strategy-lint-stdin-', { '.strategy-lint.json': '{ "rules": { "bad-strategy/fluff": "error" } }' });
    const { code, stdout } = cli(['--stdin'], dir, MEMO);
    assert.equal(code, 1, 'fluff is an error here');
    assert.match(stdout, /^<stdin>:5:9 error bad-strategy\/fluff "leverage" is fluff/m);
  });

  test('--fix prints the whole fixed text on stdout and nothing else; exit 0 with findings left', () => {
    const dir = tempTree('strategy-lint-stdin-', {});
    const { code, stdout, stderr } = cli(['--stdin', '--stdin-filename', 'STRATEGY.md', '--fix'], dir, MEMO);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, MEMO.replace('leverage our world-class platform', 'use our platform'));
    const clean = '# Widget\n\nWidget prints the weather.\n';
    assert.equal(cli(['--stdin', '--fix'], dir, clean).stdout, clean, 'nothing to fix: the text as it came');
  });

  test('SARIF and review read standard input too', () => {
    const dir = tempTree('strategy-lint-stdin-', {});
    const sarif = JSON.parse(cli(['--stdin', '--stdin-filename', 'strategy/growth.md', '--format', 'sarif'], dir, MEMO).stdout);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'strategy/growth.md');
    const review = cli(['review', '--stdin', '--stdin-filename', 'STRATEGY.md'], dir, MEMO);
    assert.equal(review.code, 0, review.stderr);
    assert.match(review.stdout, /Guiding policy/);
  });

  test('a file that ignores leave out is not linted from standard input either; --fix echoes it', () => {
    const dir = tempTree('strategy-lint-stdin-', { '.strategy-lint.json': '{ "ignores": ["drafts/**"] }' });
    const { code, stdout } = cli(['--stdin', '--stdin-filename', 'drafts/STRATEGY.md', '--format', 'json'], dir, MEMO);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), []);
    assert.equal(cli(['--stdin', '--stdin-filename', 'drafts/STRATEGY.md', '--fix'], dir, MEMO).stdout, MEMO);
    assert.ok((JSON.parse(cli(['--stdin', '--stdin-filename', 'drafts/STRATEGY.md', '--no-ignore', '--format', 'json'], dir, MEMO).stdout) as unknown[]).length > 0);
  });

  test('usage errors: --stdin-filename alone, files as well as --stdin; input that is not UTF-8', () => {
    const dir = tempTree('strategy-lint-stdin-', { 'a.md': MEMO });
    const alone = cli(['--stdin-filename', 'a.md'], dir, MEMO);
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /--stdin-filename needs --stdin/);
    const both = cli(['--stdin', 'a.md'], dir, MEMO);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /name no files as well/);
    const binary = cli(['--stdin'], dir, Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    assert.equal(binary.code, 2);
    assert.match(binary.stderr, /standard input is not valid UTF-8/);
    assert.equal(binary.stdout, '');
  });
});
