/**
 * The language server reads files from disk as carefully as the CLI (issue 15): in a trusted
 * workspace a config file's `extends` naming a FIFO, a device or a huge file, or a document that
 * is one, is a clear problem naming the file — the server neither hangs nor runs out of memory —
 * and nothing outside the workspace is read through `extends`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, FLUFF_MEMO as MEMO, hasFluff, LspTestClient } from './helpers/lsp-client.js';
import { tempTree } from './helpers/temp-tree.js';

const SECRET = 'ghp_S3cr3tT0k3nV4lu3';

describe('language server: files it must not read whole', { skip: process.platform === 'win32' ? 'no FIFOs or /dev/zero on Windows' : false }, () => {
  let dir: string;
  let outside: string;
  let client: LspTestClient;

  before(async () => {
    outside = tempTree('sl-lsp-outside-', { 'secret.json': JSON.stringify(`https://ana:${SECRET}@github.com`) });
    dir = tempTree('sl-lsp-special-', {
      'memo.strategy.md': MEMO,
      'docs/memo.strategy.md': MEMO,
      'docs/big.md': `# Big\n\n${'word '.repeat(4_000_000)}\n`,
      'huge.json': `{"pad": "${'x'.repeat(5 * 1024 * 1024)}"}`,
      '.strategy-lint.json': JSON.stringify({ extends: ['./pipe.json', './huge.json', './zero.json', path.join(outside, 'secret.json')] }),
    });
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.json')]).status, 0);
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'docs', 'pipe.md')]).status, 0);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'docs', 'zero.md'));
    client = await LspTestClient.start({ workspaceFolders: [dir] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  test('item 6/7: extends naming a FIFO, a huge file, a device or a file outside is a problem on the config file; the memo is linted', async () => {
    const memo = fileUri(path.join(dir, 'memo.strategy.md'));
    await client.open(memo, MEMO);
    assert.ok(hasFluff(await client.waitForDiagnostics(memo)), 'the memo is linted with the defaults');
    const config = fileUri(path.join(dir, '.strategy-lint.json'));
    const pipe = await client.waitForDiagnostics(fileUri(path.join(dir, 'pipe.json')), (d) => d.length > 0);
    assert.match(String(pipe[0].message), /is a named pipe, not a regular file/);
    const huge = await client.waitForDiagnostics(fileUri(path.join(dir, 'huge.json')), (d) => d.length > 0);
    assert.match(String(huge[0].message), /more than the 4\.0 MB Strategy Lint reads/);
    const own = await client.waitForDiagnostics(config, (d) => d.length >= 2);
    const messages = own.map((d) => String(d.message)).join('\n');
    assert.match(messages, /"\.\/zero\.json" leads outside the workspace \(.+\)/);
    assert.match(messages, /is an absolute path/);
    const everything = [...client.messages.map((m) => m.message), messages].join('\n');
    assert.ok(!everything.includes(SECRET), 'no notification or diagnostic quotes the file outside');
  });

  test('item 6: "lint all documents" names a device, a FIFO and a huge document instead of reading them; the others are linted', async () => {
    const names = ['docs/memo.strategy.md', 'docs/zero.md', 'docs/pipe.md', 'docs/big.md'];
    const uris = names.map((name) => fileUri(path.join(dir, name)));
    const result = await client.connection.sendRequest('strategyLint/lintFiles', { uris }) as { linted: number; findings: number };
    assert.ok(result.findings > 0, JSON.stringify(result));
    assert.ok(hasFluff(client.latest(uris[0])!));
    const reasons = [/is a character device, not a regular file/, /is a named pipe, not a regular file/, /more than the 15\.3 MB Strategy Lint reads/];
    for (const [i, reason] of reasons.entries()) {
      const [diagnostic] = await client.waitForDiagnostics(uris[i + 1], (d) => d.length === 1);
      assert.match(String(diagnostic.message), reason);
      assert.equal(diagnostic.code, 'strategy-lint/unreadable');
    }
  });
});
