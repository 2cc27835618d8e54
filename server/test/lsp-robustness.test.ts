/**
 * Protocol tests of the bundled language server's robustness ("Never crash…"): a burst of 1,000
 * incremental changes, duplicate and out-of-order notifications, a client that disconnects in the
 * middle of a request, and an untrusted workspace (config files and restricted settings ignored).
 * Every wait has a timeout; there are no fixed sleeps.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codes, fileUri, FLUFF_MEMO as MEMO, hasFluff, LspTestClient, SERVER_BUNDLE, TEST_SETTINGS } from './helpers/lsp-client.js';
import { tempTree } from './helpers/temp-tree.js';

/** What a diagnostic says, without per-document data. */
const comparable = (diagnostics: Diagnostic[]): unknown[] =>
  diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The latest publication for `uri` that carries `version`. */
function publishedVersion(client: LspTestClient, uri: string, version: number): Diagnostic[] | undefined {
  const list = client.diagnostics.get(uri) ?? [];
  const last = list[list.length - 1];
  return last && last.version === version ? last.diagnostics : undefined;
}

/** A fresh lint of `text`: opened as another document in the same folder (same doc type from the name). */
async function freshLint(client: LspTestClient, dir: string, name: string, text: string): Promise<Diagnostic[]> {
  const uri = fileUri(path.join(dir, name));
  await client.open(uri, text);
  const diagnostics = await client.waitForDiagnostics(uri);
  await client.close(uri);
  return diagnostics;
}

describe('language server: robustness', () => {
  let dir: string;
  let client: LspTestClient;

  before(async () => {
    dir = tempTree('sl-lsp-robust-', {});
    client = await LspTestClient.start({ workspaceFolders: [dir] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('1,000 rapid incremental changes: the server stays alive and the last diagnostics are for the final text', { timeout: 120_000 }, async () => {
    const uri = fileUri(path.join(dir, 'burst.strategy.md'));
    await client.open(uri, MEMO);
    await client.waitForDiagnostics(uri);
    const mirror = TextDocument.create(uri, 'markdown', 1, MEMO);
    let version = 1;
    const words = ' synergy leverage world-class best-in-class growth focus customers';
    for (let i = 0; i < 1000; i++) {
      const lines = mirror.getText().split('\n');
      const line = (i * 7) % lines.length;
      const length = lines[line].length;
      let change: TextDocumentContentChangeEvent;
      if (i % 10 === 9 && length > 0) {
        // Delete a character.
        change = { range: { start: { line, character: length - 1 }, end: { line, character: length } }, text: '' };
      } else if (i % 50 === 49) {
        change = { range: { start: { line, character: length }, end: { line, character: length } }, text: '\n' };
      } else {
        change = { range: { start: { line, character: length }, end: { line, character: length } }, text: words[i % words.length] };
      }
      version = await client.change(uri, [change]);
      TextDocument.update(mirror, [change], version);
    }
    assert.equal(version, 1001);
    const last = await client.waitFor('diagnostics for the final version', () => publishedVersion(client, uri, version), 60_000);
    assert.ok(client.running, 'the server is still running');
    // The server's document is the client's: a hover answers, and the diagnostics equal a fresh lint.
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 10 } });
    const fresh = await freshLint(client, dir, 'burst-fresh.strategy.md', mirror.getText());
    assert.deepEqual(comparable(last), comparable(fresh));
  });

  test('duplicate and out-of-order notifications: no crash, and diagnostics follow the latest full text', async () => {
    const uri = fileUri(path.join(dir, 'order.strategy.md'));
    const { connection } = client;
    await client.open(uri, MEMO);
    await client.waitForDiagnostics(uri);
    // didOpen twice (the second one with other text).
    const reopened = `${MEMO}\nWe will be world-class.\n`;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: reopened } });
    // A newer change, then an older one after it.
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 5 }, contentChanges: [{ text: MEMO }] });
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
    });
    // Documents the server never saw.
    const unknown = fileUri(path.join(dir, 'never-opened.strategy.md'));
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: unknown } });
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: unknown, version: 2 }, contentChanges: [{ text: MEMO }] });
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: unknown, version: 3 },
      contentChanges: [{ range: { start: { line: 99, character: 99 }, end: { line: 100, character: 0 } }, text: 'y' }],
    });

    // Still answering requests.
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: unknown }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    const actions = await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: unknown },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);

    // A full-text change with the newest version: its diagnostics equal a fresh lint of that text.
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 10 }, contentChanges: [{ text: reopened }] });
    const last = await client.waitFor('diagnostics for version 10', () => publishedVersion(client, uri, 10));
    const fresh = await freshLint(client, dir, 'order-fresh.strategy.md', reopened);
    assert.deepEqual(comparable(last), comparable(fresh));
    assert.equal(client.publicationCount(unknown), 0, 'nothing published for a document that was never opened');
    assert.ok(client.running, 'the server is still running');
    assert.doesNotMatch(client.serverStderr, /Uncaught|Unhandled/);
    assert.ok(!client.logs.some((log) => /Uncaught exception|Unhandled rejection/.test(log)), client.logs.join('\n'));
  });
});

describe('language server: a client that disconnects mid-request', () => {
  test('the server exits cleanly (no crash, no unhandled exception) when stdin closes during a request', { timeout: 30_000 }, async () => {
    const dir = tempTree('sl-lsp-disconnect-', { 'memo.strategy.md': MEMO });
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onError(() => undefined);
    connection.listen();
    try {
      await connection.sendRequest(InitializeRequest.type, {
        processId: null,
        rootUri: fileUri(dir),
        capabilities: {},
        workspaceFolders: [{ uri: fileUri(dir), name: 'ws' }],
      });
      await connection.sendNotification(InitializedNotification.type, {});
      const uri = fileUri(path.join(dir, 'memo.strategy.md'));
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: MEMO } });
      // Requests in flight, then the connection goes away.
      void connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 12 } }).catch(() => undefined);
      void connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 40 } },
        context: { diagnostics: [] },
      }).catch(() => undefined);
      connection.dispose();
      child.stdin!.end();

      const timeout = new Promise<'timeout'>((resolve) => { const timer = setTimeout(() => resolve('timeout'), 10_000); timer.unref(); });
      const outcome = await Promise.race([exited, timeout]);
      if (outcome === 'timeout') {
        // Staying up is acceptable too, as long as nothing blew up.
        assert.equal(child.exitCode, null);
      } else {
        assert.equal(outcome.signal, null, 'not killed by a signal');
        // vscode-languageserver exits with 1 when the stream ends without shutdown/exit: a clean exit.
        assert.ok(outcome.code === 0 || outcome.code === 1, `exit code ${outcome.code}`);
      }
      assert.doesNotMatch(stderr, /Uncaught|Unhandled|TypeError|ReferenceError|EPIPE/, stderr);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('language server: workspace trust', () => {
  let dir: string;
  // Restricted settings that would hide another rule: ignored when untrusted too.
  const settings = () => ({ ...TEST_SETTINGS, rules: { 'outcomes/output-as-outcome': 'off' } });

  before(() => {
    dir = tempTree('sl-lsp-trust-', {
      '.strategy-lint.json': '{\n  "rules": {\n    "bad-strategy/fluff": "off"\n  }\n}\n',
      'memo.strategy.md': MEMO,
    });
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('untrusted: config files and restricted settings are ignored (built-in rules and defaults), and the log says so once', async () => {
    const client = await LspTestClient.start({ workspaceFolders: [dir], settings, initializationOptions: { workspaceTrusted: false } });
    try {
      const uri = fileUri(path.join(dir, 'memo.strategy.md'));
      await client.open(uri, MEMO);
      const diagnostics = await client.waitForDiagnostics(uri);
      assert.ok(hasFluff(diagnostics), 'the config file turning fluff off is ignored');
      assert.ok(codes(diagnostics).includes('outcomes/output-as-outcome'), 'the settings turning a rule off are ignored');
      assert.equal(client.publicationCount(fileUri(path.join(dir, '.strategy-lint.json'))), 0, 'the config file is not even read');
      await client.waitFor('the untrusted log line', () => client.logs.find((log) => log.includes('untrusted')));
      assert.equal(client.logs.filter((log) => log.includes('untrusted')).length, 1);
    } finally {
      await client.stop();
    }
  });

  test('trusted (or not said, as other editors do): the config file and settings apply', async () => {
    for (const initializationOptions of [{ workspaceTrusted: true }, undefined]) {
      const client = await LspTestClient.start({ workspaceFolders: [dir], settings, initializationOptions });
      try {
        const uri = fileUri(path.join(dir, 'memo.strategy.md'));
        await client.open(uri, MEMO);
        const diagnostics = await client.waitForDiagnostics(uri);
        assert.ok(!hasFluff(diagnostics), 'the config file turns fluff off');
        assert.ok(!codes(diagnostics).includes('outcomes/output-as-outcome'), 'the settings turn the rule off');
        assert.ok(!client.logs.some((log) => log.includes('untrusted')));
      } finally {
        await client.stop();
      }
    }
  });
});
