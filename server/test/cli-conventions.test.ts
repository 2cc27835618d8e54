/**
 * The CLI conventions people expect from ESLint and markdownlint-cli2: `ignores` in the config and
 * `--ignore-pattern` on top of .gitignore (named files included), `--no-ignore`; `--init` and
 * `--print-config`; `--quiet` and `--max-warnings`; a progress line on a terminal only. The
 * progress and TTY cases run the CLI in-process (run() with a fake terminal); the rest the bundle.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, type CliIo } from '../src/cli/main.js';
import { validateConfig } from '../src/engine/index.js';
import { repoRoot } from './helpers/paths.js';
import { WEAK_MEMO as MEMO } from './helpers/documents.js';
import { tempTree } from './helpers/temp-tree.js';

const CLI = path.join(repoRoot, 'server', 'out', 'cli.js');

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const filesIn = (stdout: string): string[] => [...new Set((JSON.parse(stdout) as Array<{ file: string }>).map((f) => f.file))].sort();

describe('ignores, --ignore-pattern and --no-ignore', () => {
  const tree = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'build/\n',
    '.strategy-lint.json': '{ "ignores": ["drafts", "archive/**/*.md", "CHANGELOG.md"] }',
    'strategy/STRATEGY.md': MEMO,
    'strategy/drafts/next.md': MEMO,
    'archive/2024/STRATEGY.md': MEMO,
    'docs/CHANGELOG.md': MEMO,
    'build/STRATEGY.md': MEMO,
    'rfcs/0001-x.md': MEMO,
  };

  test('config ignores (a folder at any depth, a glob, a name) apply on top of .gitignore', () => {
    const dir = tempTree('strategy-lint-ignores-', tree);
    assert.deepEqual(filesIn(cli(['--format', 'json', '.'], dir).stdout), ['rfcs/0001-x.md', 'strategy/STRATEGY.md']);
  });

  test('--ignore-pattern adds globs relative to the working folder; --no-ignore lints everything', () => {
    const dir = tempTree('strategy-lint-ignores-', tree);
    assert.deepEqual(filesIn(cli(['--format', 'json', '--ignore-pattern', 'rfcs/**', '.'], dir).stdout), ['strategy/STRATEGY.md']);
    assert.deepEqual(filesIn(cli(['--format', 'json', '--no-ignore', '.'], dir).stdout), [
      'archive/2024/STRATEGY.md', 'build/STRATEGY.md', 'docs/CHANGELOG.md', 'rfcs/0001-x.md', 'strategy/STRATEGY.md', 'strategy/drafts/next.md',
    ]);
  });

  test('they apply to files named on the command line (as pre-commit names them); .gitignore does not', () => {
    const dir = tempTree('strategy-lint-ignores-', tree);
    const named = cli(['--format', 'json', 'strategy/drafts/next.md', 'docs/CHANGELOG.md', 'build/STRATEGY.md', 'rfcs/0001-x.md'], dir);
    assert.equal(named.code, 0);
    assert.deepEqual(filesIn(named.stdout), ['build/STRATEGY.md', 'rfcs/0001-x.md']);
  });

  test('globs are relative to the nearest config file\'s folder', () => {
    const dir = tempTree('strategy-lint-ignores-', { 'team/.strategy-lint.json': '{ "ignores": ["old/*.md"] }', 'team/old/a.md': MEMO, 'team/new/a.md': MEMO, 'old/a.md': MEMO });
    assert.deepEqual(filesIn(cli(['--format', 'json', '.'], dir).stdout), ['old/a.md', 'team/new/a.md']);
  });

  test('an ignores value that is not a list, or a glob that could hang, is a config problem', () => {
    assert.deepEqual(validateConfig({ ignores: 'drafts' }, 'f').problems, [{ file: 'f', key: 'ignores', message: 'expected an array of globs, got a string' }]);
    const { layer, problems } = validateConfig({ ignores: ['ok/**', '*a*a*a*a*b'] }, 'f');
    assert.deepEqual(layer.ignores, ['ok/**']);
    assert.equal(problems[0].key, 'ignores[1]');
  });
});

describe('--init', () => {
  test('writes .strategy-lint.json with $schema and a types glob per folder named for a type, and says so', () => {
    const dir = tempTree('strategy-lint-init-', {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'strategy/platform.md': MEMO,
      'rfcs/text/0001-x.md': '# RFC: use Postgres\n\nWe propose Postgres.\n',
      'okrs/ROADMAP.md': '# Roadmap\n\n## Now\n\n- Import\n',
      'docs/guide.md': '# Guide\n\nHow to use it.\n',
    });
    const { code, stdout } = cli(['--init'], dir);
    assert.equal(code, 0);
    const config = JSON.parse(fs.readFileSync(path.join(dir, '.strategy-lint.json'), 'utf8')) as { $schema: string; types: Record<string, string>; rules: object; ignores: string[] };
    assert.match(config.$schema, /^https:\/\/unpkg\.com\/strategy-lint@[\d.]+\/schemas\/strategy-lint\.schema\.json$/, 'not installed here: the published schema');
    assert.deepEqual(config.types, { 'rfcs/**/*.md': 'decision', 'strategy/**/*.md': 'strategy' });
    assert.deepEqual(config.rules, {});
    assert.deepEqual(config.ignores, []);
    assert.match(stdout, /^Wrote \.strategy-lint\.json:/);
    assert.match(stdout, /strategy\/\*\*\/\*\.md\s+strategy\s+\(1 document\)/);
    assert.match(stdout, /not okrs\/: of its 1 document, ROADMAP\.md \(roadmap\) read as another type/);
    const again = cli(['--init'], dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /\.strategy-lint\.json already exists here; it was left as it is/);
  });

  test('points $schema at the installed package when there is one, and says when no folder names a type', () => {
    const dir = tempTree('strategy-lint-init-', { 'node_modules/strategy-lint/schemas/strategy-lint.schema.json': '{}', 'notes.md': MEMO });
    const { code, stdout } = cli(['--init'], dir);
    assert.equal(code, 0);
    const config = JSON.parse(fs.readFileSync(path.join(dir, '.strategy-lint.json'), 'utf8')) as { $schema: string; types: object };
    assert.equal(config.$schema, './node_modules/strategy-lint/schemas/strategy-lint.schema.json');
    assert.deepEqual(config.types, {});
    assert.match(stdout, /types {4}none: no folder here is named for a type/);
  });
});

describe('--print-config', () => {
  const tree = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    'shared.json': '{ "rules": { "prose/*": "off" }, "sections": { "diagnosis": { "add": ["the landscape"] } } }',
    'docs/.strategy-lint.json': '{ "extends": "../shared.json", "rules": { "prose/hedge": "warning", "bad-strategy/fluff": { "options": { "maxDensity": 20 } } }, "types": { "plans/*.md": "roadmap" }, "ignores": ["drafts/**"], "fiscalYearStartMonth": 2 }',
    'docs/strategy.md': '---\nstrategy-lint:\n  disable: [decision/no-owner]\n---\n# Platform strategy\n\nWe will win.\n',
  };

  test('names the config files, the type and where each value comes from', () => {
    const dir = tempTree('strategy-lint-print-', tree);
    const { code, stdout } = cli(['--print-config', 'docs/strategy.md', '--reference-date', '2026-11-21'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /^Configuration for docs\/strategy\.md$/m);
    assert.match(stdout, /^ {2}config files {3}shared\.json, docs\/\.strategy-lint\.json$/m);
    assert.match(stdout, /^ {2}document type {2}strategy — /m);
    assert.match(stdout, /^ {2}referenceDate\s+2026-11-21\s+command line$/m);
    assert.match(stdout, /^ {2}fiscalYearStartMonth\s+2\s+docs\/\.strategy-lint\.json$/m);
    assert.match(stdout, /^ {2}maxDocumentLength\s+1000000\s+default$/m);
    assert.match(stdout, /^ {2}types\s+plans\/\*\.md → roadmap\s+docs\/\.strategy-lint\.json$/m);
    assert.match(stdout, /^ {2}sections\.diagnosis\s+\+ the landscape\s+shared\.json$/m);
    assert.match(stdout, /^ {2}ignores\s+drafts\/\*\*\s+docs\/\.strategy-lint\.json$/m);
    assert.match(stdout, /^ {2}kernel\/order\s+information\s+default$/m);
    assert.match(stdout, /^ {2}prose\/passive\s+off\s+shared\.json \(prose\/\*\)$/m);
    assert.match(stdout, /^ {2}prose\/hedge\s+warning\s+docs\/\.strategy-lint\.json$/m);
    assert.match(stdout, /^ {2}decision\/no-owner\s+off\s+docs\/strategy\.md \(front matter\)$/m);
    assert.match(stdout, /^ {2}bad-strategy\/fluff\s+warning\s+default; maxDensity: 20 \(docs\/\.strategy-lint\.json\)$/m);
  });

  test('--format json, for a file that does not exist yet, inside an ignored folder', () => {
    const dir = tempTree('strategy-lint-print-', tree);
    const printed = JSON.parse(cli(['--print-config', 'docs/drafts/new.md', '--format', 'json'], dir).stdout) as {
      file: string; configFiles: string[]; docType?: string; ignored: boolean;
      settings: { fiscalYearStartMonth: { value: number; source: string } };
      rules: Record<string, { severity: string; severitySource: string; options: Record<string, { value: unknown; source: string }> }>;
    };
    assert.equal(printed.file, 'docs/drafts/new.md');
    assert.deepEqual(printed.configFiles, ['shared.json', 'docs/.strategy-lint.json']);
    assert.equal(printed.docType, undefined);
    assert.equal(printed.ignored, true);
    assert.deepEqual(printed.settings.fiscalYearStartMonth, { value: 2, source: 'docs/.strategy-lint.json' });
    assert.equal(printed.rules['prose/passive'].severity, 'off');
    assert.equal(printed.rules['prose/passive'].severitySource, 'shared.json (prose/*)');
    assert.deepEqual(printed.rules['prose/passive'].options.reportWithActor, { value: false, source: 'default' });
    assert.deepEqual(printed.rules['bad-strategy/fluff'].options.maxDensity, { value: 20, source: 'docs/.strategy-lint.json' });
  });
});

describe('--quiet and --max-warnings', () => {
  test('--quiet reports errors and warnings only', () => {
    const dir = tempTree('strategy-lint-quiet-', { 'STRATEGY.md': MEMO });
    const all = JSON.parse(cli(['--format', 'json', 'STRATEGY.md'], dir).stdout) as Array<{ severity: string }>;
    assert.ok(all.some((f) => f.severity === 'information'));
    const quiet = JSON.parse(cli(['--format', 'json', '--quiet', 'STRATEGY.md'], dir).stdout) as Array<{ severity: string }>;
    assert.ok(quiet.length > 0);
    assert.ok(quiet.every((f) => f.severity === 'error' || f.severity === 'warning'));
    assert.equal(quiet.length, all.filter((f) => f.severity === 'error' || f.severity === 'warning').length);
  });

  test('--max-warnings N fails the run above N warnings, and says so', () => {
    const dir = tempTree('strategy-lint-quiet-', { 'STRATEGY.md': MEMO });
    const warnings = (JSON.parse(cli(['--format', 'json', 'STRATEGY.md'], dir).stdout) as Array<{ severity: string }>).filter((f) => f.severity === 'warning').length;
    assert.ok(warnings >= 2);
    assert.equal(cli(['--max-warnings', String(warnings), 'STRATEGY.md'], dir).code, 0);
    const over = cli(['--max-warnings', String(warnings - 1), 'STRATEGY.md'], dir);
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1} allows`));
    const bad = cli(['--max-warnings', 'many', 'STRATEGY.md'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-warnings must be a whole number/);
  });
});

describe('progress on long runs', () => {
  async function runIn(cwd: string, args: string[], terminal: boolean) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, isTTY: false, stderrIsTTY: terminal, columns: 60, env: { NO_COLOR: '1' } };
    return { code: await run(args, io), stdout, stderr };
  }
  const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`docs/note-${String(i).padStart(2, '0')}.md`, `# Note ${i}\n\nA short note.\n`]));

  test('a terminal gets a progress line on stderr, redrawn in place and erased before the results', async () => {
    const dir = tempTree('strategy-lint-progress-', many);
    const { code, stdout, stderr } = await runIn(dir, ['docs/'], true);
    assert.equal(code, 0);
    assert.ok(stderr.startsWith('\r\u001b[KLinting 1/25 docs/note-00.md'), JSON.stringify(stderr.slice(0, 60)));
    assert.ok(stderr.endsWith('\r\u001b[K'), 'erased at the end');
    for (const line of stderr.split('\r\u001b[K').filter(Boolean)) assert.ok(line.length < 60, `fits the terminal: ${line}`);
    assert.doesNotMatch(stdout, /Linting/, 'never on stdout');
    assert.match(stdout, /No problems in 25 files/);
  });

  test('nothing when stderr is not a terminal, or for a few files', async () => {
    const dir = tempTree('strategy-lint-progress-', many);
    assert.equal((await runIn(dir, ['docs/'], false)).stderr, '');
    assert.equal((await runIn(dir, ['docs/note-01.md', 'docs/note-02.md'], true)).stderr, '');
  });
});
