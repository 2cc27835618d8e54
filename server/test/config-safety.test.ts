/**
 * Config files that reach outside (issue 15): `extends` stays inside the repository, no message
 * ever quotes a file's content, type globs cannot make matching hang on a long path, YAML errors
 * are called YAML errors, and option names that Object.prototype has are unknown like any other.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, validateConfig } from '../src/engine/index.js';
import { docTypeFromGlobs } from '../src/engine/model/doctype.js';
import { loadConfigForFile } from '../src/config/load.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';
import { tempTree } from './helpers/temp-tree.js';

const SECRET = 'ghp_S3cr3tT0k3nV4lu3';
const MEMO = '# Growth strategy\n\n## Guiding policy\n\nWe will leverage the partner channel.\n';

/** A repository (it has a .git folder) with these files, and a folder beside it holding secrets. */
function repository(files: Record<string, string>): { repo: string; outside: string } {
  const outside = tempTree('sl-secrets-', {
    'credentials.json': JSON.stringify(`https://ana:${SECRET}@github.com`),
    '.git-credentials': `https://ana:${SECRET}@github.com\n`,
    'settings.yaml': `token: ${SECRET}\n`,
  });
  const repo = tempTree('sl-repo-', { '.git/HEAD': 'ref: refs/heads/main\n', ...files });
  return { repo, outside };
}

const messagesOf = (loaded: ReturnType<typeof loadConfigForFile>) => loaded.problems.map((p) => `${p.key}: ${p.message}`).join('\n');

describe('extends stays inside the repository', () => {
  test('item 7: absolute, home-relative and escaping paths are refused, and nothing of the target is read or quoted', () => {
    const { repo, outside } = repository({ 'docs/memo.md': MEMO });
    const relativeOut = path.relative(path.join(repo, 'docs'), path.join(outside, 'credentials.json'));
    fs.writeFileSync(path.join(repo, 'docs', '.strategy-lint.json'), JSON.stringify({
      extends: [path.join(outside, '.git-credentials'), '~/.git-credentials', relativeOut, '/proc/self/environ'],
    }));
    const loaded = loadConfigForFile(path.join(repo, 'docs', 'memo.md'));
    const messages = messagesOf(loaded);
    assert.ok(!messages.includes(SECRET) && !messages.includes('ghp_'), messages);
    assert.ok(!messages.includes(process.env.PATH ?? '\u0000'), 'no environment variable');
    assert.equal(loaded.problems.filter((p) => p.key === 'extends').length, 4, messages);
    assert.match(messages, /is an absolute path; "extends" takes a path relative to this file/);
    assert.match(messages, /starts with "~"/);
    assert.match(messages, /leads outside the repository/);
    assert.deepEqual(loaded.files, [path.join(repo, 'docs', '.strategy-lint.json')], 'no target was read');
  });

  test('item 7: a link inside the repository to a file outside is refused, as a config file or an extends target', () => {
    const { repo, outside } = repository({ 'memo.md': MEMO, 'team/memo.md': MEMO });
    fs.symlinkSync(path.join(outside, 'credentials.json'), path.join(repo, 'shared.json'));
    fs.writeFileSync(path.join(repo, '.strategy-lint.json'), JSON.stringify({ extends: './shared.json' }));
    const viaExtends = loadConfigForFile(path.join(repo, 'memo.md'));
    assert.match(messagesOf(viaExtends), /"\.\/shared\.json" leads outside the repository/);
    assert.ok(!messagesOf(viaExtends).includes(SECRET));
    fs.symlinkSync(path.join(outside, 'settings.yaml'), path.join(repo, 'team', '.strategy-lint.yaml'));
    const linked = loadConfigForFile(path.join(repo, 'team', 'memo.md'));
    assert.match(messagesOf(linked), /is a link to a file outside the repository \(.+\); it was not read/);
    assert.ok(!messagesOf(linked).includes(SECRET) && !messagesOf(linked).includes('token'));
    assert.deepEqual(linked.layers.filter((layer) => layer.rules), []);
  });

  test('item 7: "../shared.json" inside the repository still works, and a target must be a config file', () => {
    const { repo } = repository({
      'shared.json': JSON.stringify({ rules: { 'bad-strategy/fluff': 'error' } }),
      'notes.txt': `rules: {}\nsecret: ${SECRET}\n`,
      'docs/memo.md': MEMO,
      'docs/.strategy-lint.json': JSON.stringify({ extends: ['../shared.json', '../notes.txt'] }),
    });
    const loaded = loadConfigForFile(path.join(repo, 'docs', 'memo.md'));
    assert.deepEqual(loaded.files, [path.join(repo, 'shared.json'), path.join(repo, 'docs', '.strategy-lint.json')]);
    assert.match(messagesOf(loaded), /"\.\.\/notes\.txt" is not a \.json, \.yaml or \.yml file/);
    const fluff = lint(MEMO, { type: 'strategy', layers: loaded.layers, today: FIXTURE_TODAY }).findings.filter((f) => f.ruleId === 'bad-strategy/fluff');
    assert.deepEqual(fluff.map((f) => f.severity), ['error']);
  });

  test('item 7: problems name the file, the key and what was expected, never the content', () => {
    const { repo } = repository({
      'memo.md': MEMO,
      'string.json': JSON.stringify(`https://ana:${SECRET}@github.com`),
      'broken.json': `{ "rules": ${SECRET} }`,
      'broken.yaml': `rules: [${SECRET}\n`,
      'values.yaml': `rules:\n  bad-strategy/fluff: ${SECRET}\nreferenceDate: ${SECRET}\nsections:\n  diagnosis: ${SECRET}\n`,
      '.strategy-lint.json': JSON.stringify({ extends: ['./string.json', './broken.json', './broken.yaml', './values.yaml'] }),
    });
    const loaded = loadConfigForFile(path.join(repo, 'memo.md'));
    const messages = messagesOf(loaded);
    assert.ok(!messages.includes(SECRET) && !messages.includes('ghp_') && !messages.includes('S3cr3t'), messages);
    assert.match(messages, /\(root\): expected an object of settings, got a string/);
    assert.match(messages, /\(file\): not valid JSON at line 1, column \d+/);
    assert.match(messages, /\(file\): not valid YAML/);
    assert.match(messages, /rules\.bad-strategy\/fluff: expected a severity .*got a string/);
  });
});

describe('type globs and option names', () => {
  test('item 8: a path longer than the matched length is not matched against type globs (no runaway matching)', () => {
    const globs = { '**/a/**/a/**/b.md': 'roadmap' as const };
    assert.deepEqual(docTypeFromGlobs('x/a/y/a/z/b.md', globs), { glob: '**/a/**/a/**/b.md', type: 'roadmap' });
    const long = `${'a/'.repeat(2_000)}c.md`;
    assert.equal(long.length, 4_004);
    assert.equal(docTypeFromGlobs(long, globs), null, 'past the cap: not matched, instead of about 10 s of backtracking');
    assert.equal(docTypeFromGlobs(`${'a/'.repeat(2_000)}b.md`, globs), null);
    const result = lint('# Plan\n', { relativePath: long, layers: [{ types: globs }], today: FIXTURE_TODAY });
    assert.equal(result.docType, 'generic');
  });

  test('item 11: YAML errors are labelled YAML, including alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const dir = tempTree('sl-yaml-', { '.strategy-lint.yaml': `${bomb}\n`, 'memo.md': MEMO });
    const loaded = loadConfigForFile(path.join(dir, 'memo.md'));
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0].message, /not valid YAML/);
    assert.doesNotMatch(loaded.problems[0].message, /JSON/);
  });

  test('item 11: option names and severities that Object.prototype has are unknown, like any other', () => {
    const { problems, layer } = validateConfig({
      rules: {
        'bad-strategy/fluff': { options: { constructor: 1, toString: 'x', hasOwnProperty: true } },
        'prose/hedge': 'constructor',
        'prose/passive': { severity: 'toString' },
      },
      sections: { constructor: ['x'] },
    }, '.strategy-lint.json');
    const keys = problems.map((p) => p.key).sort();
    assert.deepEqual(keys, [
      'rules.bad-strategy/fluff.options.constructor', 'rules.bad-strategy/fluff.options.hasOwnProperty', 'rules.bad-strategy/fluff.options.toString',
      'rules.prose/hedge', 'rules.prose/passive.severity', 'sections.constructor',
    ]);
    assert.equal(layer.rules?.['prose/hedge'], undefined);
    assert.equal(layer.rules?.['prose/passive']?.severity, undefined);
    const frontMatter = lint('---\nstrategy-lint:\n  constructor: 1\n  toString: 2\n---\n# Memo\n', { today: FIXTURE_TODAY });
    assert.deepEqual(frontMatter.problems.map((p) => p.key).sort(), ['strategy-lint.constructor', 'strategy-lint.toString']);
  });
});
