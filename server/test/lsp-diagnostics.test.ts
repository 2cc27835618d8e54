/**
 * Protocol tests of the bundled language server: diagnostics on open, as the user types
 * (incremental sync), on save, for Markdown only, with rule ids, docs links and UTF-16 ranges.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, DidSaveTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { codes, fileUri, LspTestClient, TEST_SETTINGS } from './helpers/lsp-client.js';
import { fixturesDir } from './helpers/paths.js';

const MEMO = fs.readFileSync(path.join(fixturesDir, 'lsp', 'weak.strategy.md'), 'utf8');
const README = fs.readFileSync(path.join(fixturesDir, 'lsp', 'README.md'), 'utf8');

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('language server: diagnostics', () => {
  let dir: string;
  let client: LspTestClient;
  const slowUris = new Set<string>();
  const onSaveUris = new Set<string>();
  const disabledUris = new Set<string>();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-lsp-diag-'));
    client = await LspTestClient.start({
      workspaceFolders: [dir],
      settings: (scopeUri) => ({
        ...TEST_SETTINGS,
        ...(scopeUri && slowUris.has(scopeUri) ? { debounceMs: 400 } : {}),
        ...(scopeUri && onSaveUris.has(scopeUri) ? { run: 'onSave' } : {}),
        ...(scopeUri && disabledUris.has(scopeUri) ? { enable: false } : {}),
      }),
    });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('opening a weak strategy memo publishes its findings with code, docs link, source and fix data', async () => {
    const uri = fileUri(path.join(dir, 'weak.strategy.md'));
    await client.open(uri, MEMO);
    const diagnostics = await client.waitForDiagnostics(uri);
    const ids = codes(diagnostics);
    for (const expected of ['kernel/coherent-actions-missing', 'outcomes/output-as-outcome', 'bad-strategy/goals-as-strategy']) {
      assert.ok(ids.includes(expected), `expected ${expected} in ${ids.join(', ')}`);
    }
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'strategy-lint');
      assert.match(String(diagnostic.codeDescription?.href), new RegExp(`/docs/rules/${String(diagnostic.code).replace('/', '\\/')}\\.md$`));
      assert.equal((diagnostic.data as { ruleId: string }).ruleId, diagnostic.code);
    }
    // Document-level findings sit on the title's text ("# Platform strategy 2027").
    const kernel = diagnostics.find((d) => d.code === 'kernel/coherent-actions-missing')!;
    assert.deepEqual(kernel.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 24 } });
    assert.equal(kernel.severity, DiagnosticSeverity.Warning);
    const output = diagnostics.find((d) => d.code === 'outcomes/output-as-outcome')!;
    assert.equal(output.range.start.line, lineOf(MEMO, 'Launch the new analytics'));
    // The version the diagnostics belong to is published with them.
    assert.equal(client.diagnostics.get(uri)!.at(-1)!.version, 1);
    await client.waitFor('status notification', () => client.statuses.find((s) => s.uri === uri && s.docType === 'strategy' && s.label === 'Strategy memo' && s.findings === diagnostics.length));
  });

  test('typing a buzzword (incremental change) adds a fluff hint; deleting it removes the hint', async () => {
    const uri = fileUri(path.join(dir, 'typing.strategy.md'));
    await client.open(uri, MEMO);
    await client.waitForDiagnostics(uri);
    assert.ok(!codes(client.latest(uri)!).includes('bad-strategy/fluff'));

    const line = lineOf(MEMO, 'We will focus');
    const lineText = MEMO.split('\n')[line];
    const inserted = ' We will leverage our platform.';
    const before = client.publicationCount(uri);
    await client.change(uri, [{ range: { start: { line, character: lineText.length }, end: { line, character: lineText.length } }, text: inserted }]);
    const withFluff = await client.waitForDiagnostics(uri, (d) => codes(d).includes('bad-strategy/fluff'), { after: before });
    const fluff = withFluff.find((d) => d.code === 'bad-strategy/fluff')!;
    const column = lineText.length + inserted.indexOf('leverage');
    assert.deepEqual(fluff.range, { start: { line, character: column }, end: { line, character: column + 'leverage'.length } });
    assert.equal(fluff.severity, DiagnosticSeverity.Warning);

    const afterFluff = client.publicationCount(uri);
    await client.change(uri, [{ range: { start: { line, character: lineText.length }, end: { line, character: lineText.length + inserted.length } }, text: '' }]);
    await client.waitForDiagnostics(uri, (d) => !codes(d).includes('bad-strategy/fluff'), { after: afterFluff });
  });

  test('ranges count UTF-16 code units, as LSP positions do (an emoji before the buzzword)', async () => {
    const uri = fileUri(path.join(dir, 'emoji.strategy.md'));
    const text = MEMO.replace('We will focus on finance teams', '🚀 We will leverage finance teams');
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => codes(d).includes('bad-strategy/fluff'));
    const fluff = diagnostics.find((d) => d.code === 'bad-strategy/fluff')!;
    const line = lineOf(text, '🚀');
    const character = text.split('\n')[line].indexOf('leverage');
    assert.deepEqual(fluff.range.start, { line, character });
  });

  test('a burst of changes is linted once, for the latest version (debounced; stale lints dropped)', async () => {
    const uri = fileUri(path.join(dir, 'burst.strategy.md'));
    slowUris.add(uri);
    await client.open(uri, MEMO);
    await client.waitForDiagnostics(uri);
    const before = client.publicationCount(uri);
    let version = 1;
    for (const word of ['synergy', 'holistic', 'seamless', 'robust']) {
      version = await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: `${word} ` }]);
    }
    await client.waitFor('the lint of the last version', () => client.diagnostics.get(uri)!.at(-1)!.version === version);
    const fluff = client.latest(uri)!.filter((d) => d.code === 'bad-strategy/fluff' && d.range.start.line === 2);
    assert.equal(fluff.length, 4);
    const publications = client.diagnostics.get(uri)!.slice(before);
    assert.equal(publications.length, 1, `expected one publication, got versions ${publications.map((p) => p.version).join(', ')}`);
    assert.equal(publications[0].version, version);
  });

  test('a README is a generic document: prose hints at most, no strategy findings', async () => {
    const uri = fileUri(path.join(dir, 'README.md'));
    await client.open(uri, README);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(codes(diagnostics).filter((code) => !code.startsWith('prose/')), []);
    await client.waitFor('generic status', () => client.statuses.find((s) => s.uri === uri && s.docType === 'generic'));
  });

  test('documents that are not Markdown are not linted', async () => {
    const uri = fileUri(path.join(dir, 'notes.txt'));
    await client.open(uri, MEMO, 'plaintext');
    // Another document opened after it is linted; by then the text file would have been too.
    const marker = fileUri(path.join(dir, 'marker.strategy.md'));
    await client.open(marker, MEMO);
    await client.waitForDiagnostics(marker);
    assert.equal(client.publicationCount(uri), 0);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = fileUri(path.join(dir, 'closing.strategy.md'));
    await client.open(uri, MEMO);
    await client.waitForDiagnostics(uri, (d) => d.length > 0);
    const before = client.publicationCount(uri);
    await client.close(uri);
    await client.waitForDiagnostics(uri, (d) => d.length === 0, { after: before });
  });

  test('"run": "onSave" lints on open and on save, not while typing', async () => {
    const uri = fileUri(path.join(dir, 'save.strategy.md'));
    onSaveUris.add(uri);
    await client.open(uri, MEMO);
    await client.waitForDiagnostics(uri);
    const before = client.publicationCount(uri);
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'synergy ' }]);
    // Typing published nothing: another document's lint comes and goes first.
    const marker = fileUri(path.join(dir, 'marker-2.strategy.md'));
    await client.open(marker, MEMO);
    await client.waitForDiagnostics(marker);
    assert.equal(client.publicationCount(uri), before);
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    await client.waitForDiagnostics(uri, (d) => codes(d).includes('bad-strategy/fluff'), { after: before });
  });

  test('"enable": false publishes no findings', async () => {
    const uri = fileUri(path.join(dir, 'disabled.strategy.md'));
    disabledUris.add(uri);
    await client.open(uri, MEMO);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics, []);
    await client.waitFor('disabled status', () => client.statuses.find((s) => s.uri === uri && !s.enabled));
  });
});
