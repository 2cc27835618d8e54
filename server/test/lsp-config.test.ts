/**
 * Protocol tests of configuration in the bundled language server: settings pulled per document
 * and refreshed on didChangeConfiguration, config files found per workspace folder (multi-root),
 * watched for changes, and broken config files reported on the file itself plus one
 * notification — while the documents are still linted with the defaults.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, FileChangeType, MessageType } from 'vscode-languageserver-protocol/node';
import { codes, fileUri, FLUFF_MEMO as MEMO, hasFluff, LspTestClient, TEST_SETTINGS } from './helpers/lsp-client.js';
import { tempTree } from './helpers/temp-tree.js';


describe('language server: settings', () => {
  let dir: string;
  let client: LspTestClient;
  let rules: Record<string, unknown> = {};

  before(async () => {
    dir = tempTree('sl-lsp-settings-', { 'memo.strategy.md': MEMO });
    client = await LspTestClient.start({ workspaceFolders: [dir], settings: () => ({ ...TEST_SETTINGS, rules }) });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('turning a rule off in settings relints open documents without it; back on, it returns', async () => {
    const uri = fileUri(path.join(dir, 'memo.strategy.md'));
    await client.open(uri, MEMO);
    await client.waitForDiagnostics(uri, hasFluff);
    const requestsBefore = client.configurationRequests;

    rules = { 'bad-strategy/fluff': 'off', 'outcomes/output-as-outcome': { severity: 'error' } };
    let before = client.publicationCount(uri);
    await client.changeSettings(() => ({ ...TEST_SETTINGS, rules }));
    const updated = await client.waitForDiagnostics(uri, (d) => !hasFluff(d), { after: before });
    assert.ok(client.configurationRequests > requestsBefore, 'settings are pulled again after the change');
    const output = updated.filter((d) => d.code === 'outcomes/output-as-outcome');
    assert.ok(output.length > 0 && output.every((d) => d.severity === DiagnosticSeverity.Error), 'severity from settings');

    rules = {};
    before = client.publicationCount(uri);
    await client.changeSettings(() => ({ ...TEST_SETTINGS, rules }));
    await client.waitForDiagnostics(uri, hasFluff, { after: before });
  });

  test('an unknown rule id in settings is reported once, and linting goes on', async () => {
    rules = { 'bad-strategy/fluf': 'off' };
    const uri = fileUri(path.join(dir, 'memo.strategy.md'));
    const before = client.publicationCount(uri);
    await client.changeSettings(() => ({ ...TEST_SETTINGS, rules }));
    await client.waitForDiagnostics(uri, hasFluff, { after: before });
    const message = await client.waitFor('a settings warning', () => client.messages.find((m) => m.message.includes('strategyLint.rules.bad-strategy/fluf')));
    assert.equal(message.type, MessageType.Warning);
    // More lints of the same settings do not repeat it.
    const again = client.publicationCount(uri);
    await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]);
    await client.waitForDiagnostics(uri, () => true, { after: again });
    assert.equal(client.messages.filter((m) => m.message.includes('bad-strategy/fluf')).length, 1);
  });
});

describe('language server: config files', () => {
  let broken: string;
  let good: string;
  let client: LspTestClient;

  before(async () => {
    broken = tempTree('sl-lsp-broken-', {
      '.strategy-lint.json': '{\n  "rules": {\n    "bad-strategy/fluff": "off"\n  }\n  "types": {}\n}\n',
      'docs/memo.strategy.md': MEMO,
    });
    good = tempTree('sl-lsp-good-', {
      '.strategy-lint.yaml': '# team config\nrules:\n  bad-strategy/fluff: off\n',
      'memo.strategy.md': MEMO,
    });
    client = await LspTestClient.start({ workspaceFolders: [broken, good] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(broken, { recursive: true, force: true });
    fs.rmSync(good, { recursive: true, force: true });
  });

  test('a malformed config file gets a diagnostic on itself and one notification; the memo is linted with the defaults', async () => {
    const memo = fileUri(path.join(broken, 'docs', 'memo.strategy.md'));
    const config = fileUri(path.join(broken, '.strategy-lint.json'));
    await client.open(memo, MEMO);
    const memoDiagnostics = await client.waitForDiagnostics(memo);
    assert.ok(hasFluff(memoDiagnostics), 'defaults apply: the broken file could not turn fluff off');
    const configDiagnostics = await client.waitForDiagnostics(config, (d) => d.length > 0);
    assert.equal(configDiagnostics.length, 1);
    const [problem] = configDiagnostics;
    assert.equal(problem.source, 'strategy-lint');
    assert.equal(problem.severity, DiagnosticSeverity.Error);
    assert.match(String(problem.message), /not valid JSON/);
    // JSON.parse points at the missing comma before "types" (line 5).
    assert.equal(problem.range.start.line, 4);
    await client.waitFor('the notification', () => client.messages.find((m) => m.message.includes('.strategy-lint.json')));

    // Typing relints; the same problem is not announced again.
    const before = client.publicationCount(memo);
    await client.change(memo, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]);
    await client.waitForDiagnostics(memo, () => true, { after: before });
    assert.equal(client.messages.filter((m) => m.message.includes('.strategy-lint.json')).length, 1);
    assert.ok(client.messages.every((m) => m.type === MessageType.Warning));
  });

  test('each workspace folder uses its own config file (multi-root)', async () => {
    const memo = fileUri(path.join(good, 'memo.strategy.md'));
    await client.open(memo, MEMO);
    const diagnostics = await client.waitForDiagnostics(memo);
    assert.ok(!hasFluff(diagnostics), 'fluff is off in this folder');
    assert.ok(codes(diagnostics).includes('outcomes/output-as-outcome'));
  });

  test('fixing the config file (file watcher event) clears its diagnostic and relints with it', async () => {
    const memo = fileUri(path.join(broken, 'docs', 'memo.strategy.md'));
    const configPath = path.join(broken, '.strategy-lint.json');
    const config = fileUri(configPath);
    fs.writeFileSync(configPath, '{\n  "rules": {\n    "bad-strategy/fluff": "off"\n  }\n}\n');
    const memoBefore = client.publicationCount(memo);
    const configBefore = client.publicationCount(config);
    await client.watchedFilesChanged([{ uri: config, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(config, (d) => d.length === 0, { after: configBefore });
    await client.waitForDiagnostics(memo, (d) => !hasFluff(d), { after: memoBefore });
  });

  test('an unknown key is reported at the key, as a warning', async () => {
    const configPath = path.join(good, '.strategy-lint.yaml');
    const config = fileUri(configPath);
    const memo = fileUri(path.join(good, 'memo.strategy.md'));
    fs.writeFileSync(configPath, '# team config\nrules:\n  bad-strategy/fluff: off\n  outcomes/no-such-rule: warning\n');
    const before = client.publicationCount(memo);
    await client.watchedFilesChanged([{ uri: config, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(memo, () => true, { after: before });
    const [problem] = await client.waitForDiagnostics(config, (d) => d.length === 1);
    assert.equal(problem.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(problem.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 23 } });
    assert.match(String(problem.message), /rules\.outcomes\/no-such-rule: unknown rule id/);
  });

  test('a config file that is deleted takes its diagnostics with it', async () => {
    const configPath = path.join(good, '.strategy-lint.yaml');
    const config = fileUri(configPath);
    const memo = fileUri(path.join(good, 'memo.strategy.md'));
    fs.rmSync(configPath);
    const memoBefore = client.publicationCount(memo);
    const configBefore = client.publicationCount(config);
    await client.watchedFilesChanged([{ uri: config, type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(config, (d) => d.length === 0, { after: configBefore });
    await client.waitForDiagnostics(memo, hasFluff, { after: memoBefore });
  });
});

describe('language server: lint all documents in the workspace', () => {
  let dir: string;
  let client: LspTestClient;

  before(async () => {
    dir = tempTree('sl-lsp-workspace-', {
      '.gitignore': 'build/\n',
      'STRATEGY.md': MEMO,
      'notes/ROADMAP.md': '# Roadmap\n\n## Now\n\n- Ship the thing\n',
      'build/generated.strategy.md': MEMO,
    });
    client = await LspTestClient.start({ workspaceFolders: [dir] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('lints closed files from disk, skips .gitignore\'d ones, and keeps results when a file is opened and closed', async () => {
    const uris = ['STRATEGY.md', 'notes/ROADMAP.md', 'build/generated.strategy.md'].map((name) => fileUri(path.join(dir, name)));
    const result = await client.connection.sendRequest('strategyLint/lintFiles', { uris }) as { linted: number; ignored: number; findings: number; withFindings: number };
    assert.equal(result.linted, 2);
    assert.equal(result.ignored, 1);
    assert.ok(result.findings > 0 && result.withFindings === 2, JSON.stringify(result));
    assert.ok(hasFluff(client.latest(uris[0])!));
    assert.ok((client.latest(uris[1]) ?? []).length > 0);
    assert.equal(client.publicationCount(uris[2]), 0);

    // Open and close: the file keeps its diagnostics (relinted from disk), unlike an ordinary close.
    await client.open(uris[0], MEMO);
    await client.waitForDiagnostics(uris[0], hasFluff, { after: client.publicationCount(uris[0]) - 1 });
    const before = client.publicationCount(uris[0]);
    await client.close(uris[0]);
    const afterClose = await client.waitForDiagnostics(uris[0], () => true, { after: before });
    assert.ok(hasFluff(afterClose));
  });
});
