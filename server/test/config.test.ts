/**
 * Configuration: precedence (defaults < settings < config file < front matter < inline comments),
 * nearest-folder cascade, `extends`, and invalid files (one clear problem naming file and key;
 * linting continues on defaults).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { lint, validateConfig, type ConfigLayer } from '../src/engine/index.js';
import { loadConfigForFile, findConfigFile } from '../src/config/load.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';
import { tempTree } from './helpers/temp-tree.js';

const MEMO = `# Growth strategy

## Guiding policy

We will leverage the partner channel rather than hire a field sales team.
`;

const fluffOf = (text: string, layers: ConfigLayer[] = []) =>
  lint(text, { type: 'strategy', layers, today: FIXTURE_TODAY }).findings.filter((f) => f.ruleId === 'bad-strategy/fluff');

describe('config precedence', () => {
  test('defaults flag fluff as a warning', () => {
    assert.deepEqual(fluffOf(MEMO).map((f) => f.severity), ['warning']);
  });
  test('settings change severity; a config file layer overrides settings', () => {
    const settings = validateConfig({ rules: { 'bad-strategy/fluff': 'error' } }, 'settings').layer;
    const file = validateConfig({ rules: { 'bad-strategy/fluff': 'hint' } }, '.strategy-lint.json').layer;
    assert.deepEqual(fluffOf(MEMO, [settings]).map((f) => f.severity), ['error']);
    assert.deepEqual(fluffOf(MEMO, [settings, file]).map((f) => f.severity), ['hint']);
  });
  test('front matter disable wins over the config file', () => {
    const file = validateConfig({ rules: { 'bad-strategy/fluff': 'error' } }, '.strategy-lint.json').layer;
    const text = `---\nstrategy-lint:\n  disable: [bad-strategy/fluff]\n---\n${MEMO}`;
    assert.equal(fluffOf(text, [file]).length, 0);
  });
  test('family wildcards and list options (replace and extend)', () => {
    assert.equal(fluffOf(MEMO, [validateConfig({ rules: { 'bad-strategy/*': 'off' } }, 'f').layer]).length, 0);
    const replaced = validateConfig({ rules: { 'bad-strategy/fluff': { options: { words: ['partner channel'] } } } }, 'f').layer;
    assert.deepEqual(fluffOf(MEMO, [replaced]).map((f) => MEMO.slice(f.start, f.end)), ['partner channel']);
    const extended = validateConfig({ rules: { 'bad-strategy/fluff': { severity: 'warning', words: { add: ['field sales'] } } } }, 'f').layer;
    assert.deepEqual(fluffOf(MEMO, [extended]).map((f) => MEMO.slice(f.start, f.end)), ['leverage', 'field sales']);
    const removed = validateConfig({ rules: { 'bad-strategy/fluff': ['warning', { words: { remove: ['leverage'] } }] } }, 'f').layer;
    assert.equal(fluffOf(MEMO, [removed]).length, 0);
  });
  test('inline comments suppress a line, a range, and a family', () => {
    const text = `# Growth strategy\n\n## Guiding policy\n\n<!-- strategy-lint-disable-next-line bad-strategy/fluff -->\nWe will leverage partners.\n\nWe will leverage partners.\n\n<!-- strategy-lint-disable bad-strategy/* -->\n\nWe will leverage partners.\n\n<!-- strategy-lint-enable bad-strategy/* -->\n\nWe will leverage partners.\n`;
    assert.deepEqual(fluffOf(text).filter((f) => !f.documentLevel).map((f) => f.line), [8, 16]);
  });
});

describe('config validation', () => {
  test('each problem names the file and the key, and valid keys survive', () => {
    const { layer, problems } = validateConfig({
      rules: { 'bad-strategy/fluff': 'loud', 'no/such-rule': 'off', 'prose/passive': 'off', 'bad-strategy/too-many-priorities': { options: { nope: 1 } } },
      referenceDate: 'yesterday',
      colour: 'red',
    }, '/repo/.strategy-lint.json');
    const keys = problems.map((p) => p.key).sort();
    assert.deepEqual(keys, ['colour', 'referenceDate', 'rules.bad-strategy/fluff', 'rules.bad-strategy/too-many-priorities.options.nope', 'rules.no/such-rule'].sort());
    assert.ok(problems.every((p) => p.file === '/repo/.strategy-lint.json'));
    assert.match(problems.find((p) => p.key === 'rules.bad-strategy/fluff')!.message, /expected a severity/);
    assert.deepEqual(layer.rules?.['prose/passive'], { severity: 'off' });
  });
  test('a malformed file: one problem, defaults still lint', () => {
    const dir = tempTree('strategy-lint-config-', { '.strategy-lint.json': '{ "rules": { "bad-strategy/fluff": "off", }, oops }', 'docs/memo.md': MEMO });
    const loaded = loadConfigForFile(path.join(dir, 'docs/memo.md'));
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0].file, path.join(dir, '.strategy-lint.json'));
    assert.match(loaded.problems[0].message, /not valid JSON/);
    assert.equal(fluffOf(MEMO, loaded.layers).length, 1, 'defaults apply');
  });
  test('invalid YAML names the file', () => {
    const dir = tempTree('strategy-lint-config-', { '.strategy-lint.yaml': 'rules:\n  bad-strategy/fluff: [off\n', 'memo.md': MEMO });
    const loaded = loadConfigForFile(path.join(dir, 'memo.md'));
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0].message, /not valid YAML/);
  });
});

describe('config files on disk', () => {
  test('the nearest folder wins, and extends chains are applied beneath it', () => {
    const dir = tempTree('strategy-lint-config-', {
      '.git/HEAD': 'ref: refs/heads/main\n', // a repository: "../base.yml" stays inside it
      '.strategy-lint.json': JSON.stringify({ rules: { 'bad-strategy/fluff': 'error' } }),
      'team/base.yml': 'rules:\n  bad-strategy/fluff: hint\n  prose/passive: "off"\n',
      'team/docs/.strategy-lint.yml': 'extends: ../base.yml\nrules:\n  prose/hedge: "off"\n',
      'team/docs/memo.md': MEMO,
      'other/memo.md': MEMO,
    });
    const near = loadConfigForFile(path.join(dir, 'team/docs/memo.md'));
    assert.deepEqual(near.problems, []);
    assert.deepEqual(near.files, [path.join(dir, 'team/base.yml'), path.join(dir, 'team/docs/.strategy-lint.yml')]);
    assert.deepEqual(fluffOf(MEMO, near.layers).map((f) => f.severity), ['hint']);
    const far = loadConfigForFile(path.join(dir, 'other/memo.md'));
    assert.deepEqual(fluffOf(MEMO, far.layers).map((f) => f.severity), ['error']);
    assert.equal(findConfigFile(path.join(dir, 'other')), path.join(dir, '.strategy-lint.json'));
  });
  test('missing and circular extends are problems, not crashes', () => {
    const dir = tempTree('strategy-lint-config-', {
      'a/.strategy-lint.json': JSON.stringify({ extends: ['./b.json', './missing.json'] }),
      'a/b.json': JSON.stringify({ extends: './.strategy-lint.json' }),
      'a/memo.md': MEMO,
    });
    const loaded = loadConfigForFile(path.join(dir, 'a/memo.md'));
    const messages = loaded.problems.map((p) => p.message).join('\n');
    assert.match(messages, /circular/);
    assert.match(messages, /cannot find "\.\/missing\.json"/);
  });
  test('type globs are relative to the config folder', () => {
    const dir = tempTree('strategy-lint-config-', { '.strategy-lint.json': JSON.stringify({ types: { 'plans/*.md': 'roadmap' } }), 'plans/q1.md': '# Plan\n' });
    const loaded = loadConfigForFile(path.join(dir, 'plans/q1.md'));
    const result = lint('# Plan\n\nSome text.\n', { filePath: path.join(dir, 'plans/q1.md'), relativePath: 'plans/q1.md', layers: loaded.layers });
    assert.equal(result.docType, 'roadmap');
  });
  test('a glob that could make path matching hang is refused, named, and the other globs still apply', () => {
    const runaway = '*a*a*a*a*a*a*a*a*a*a*b';
    const { layer, problems } = validateConfig({ types: { [runaway]: 'okr', '+(a|aa)+.md': 'okr', 'plans/**/*.md': 'roadmap' } }, '.strategy-lint.json');
    assert.deepEqual(problems.map((p) => [p.file, p.key]), [['.strategy-lint.json', `types.${runaway}`], ['.strategy-lint.json', 'types.+(a|aa)+.md']]);
    assert.match(problems[0].message, /ignored: more than 3 wildcards or brace groups .* split it into simpler globs/);
    assert.match(problems[1].message, /extended glob groups/);
    assert.deepEqual(layer.types, { 'plans/**/*.md': 'roadmap' });
    // A layer built without validation: the unsafe glob is skipped, not run, and the safe one decides.
    const relativePath = `plans/${'a'.repeat(200)}/${'a'.repeat(200)}.md`;
    const started = performance.now();
    const result = lint('# Plan\n', { relativePath, layers: [{ types: { [runaway]: 'okr', 'plans/**/*.md': 'roadmap' } }], today: FIXTURE_TODAY });
    assert.ok(performance.now() - started < 5_000, 'matching a 400-character path stays instant');
    assert.equal(result.docType, 'roadmap');
  });
});
