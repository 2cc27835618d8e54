/**
 * Protocol tests of the bundled language server's workspace model: the trace/* findings of an
 * open document, with related places in the other documents of the folder (read from disk),
 * follow edits of any open document; a closed document falls back to its text on disk; the
 * strategy map request answers the folder's map, its Markdown and the webview HTML.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient } from './helpers/lsp-client.js';
import { repoRoot } from './helpers/paths.js';

const EXAMPLE = path.join(repoRoot, 'examples', 'strategy-map');
const trace = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => String(d.code).startsWith('trace/'));

describe('language server: the workspace model and the strategy map', () => {
  let dir: string;
  let client: LspTestClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-lsp-trace-'));
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    client = await LspTestClient.start({ workspaceFolders: [dir] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an open roadmap gets its orphan item, related to the strategy on disk', async () => {
    const uri = fileUri(path.join(dir, 'roadmap.md'));
    const text = fs.readFileSync(path.join(dir, 'roadmap.md'), 'utf8');
    await client.open(uri, text);
    // The folder is read after the first lint: wait for the republished diagnostics.
    const diagnostics = await client.waitForDiagnostics(uri, (d) => trace(d).length > 0);
    const orphan = trace(diagnostics);
    assert.deepEqual(orphan.map((d) => [d.code, d.range.start.line]), [['trace/orphan-item', 29]]);
    const related = orphan[0].relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri, fileUri(path.join(dir, 'strategy.md')));
    assert.equal(related[0].location.range.start.line, 20, 'the guiding policy heading of strategy.md');
  });

  test('labelling the orphan in the open roadmap removes the finding; the strategy’s unplanned action follows an edit of the roadmap', async () => {
    const strategyUri = fileUri(path.join(dir, 'strategy.md'));
    await client.open(strategyUri, fs.readFileSync(path.join(dir, 'strategy.md'), 'utf8'));
    const before = await client.waitForDiagnostics(strategyUri, (d) => trace(d).length > 0);
    assert.deepEqual(trace(before).map((d) => [d.code, d.range.start.line]), [['trace/unplanned-action', 36]]);
    const roadmapUri = fileUri(path.join(dir, 'roadmap.md'));
    const text = fs.readFileSync(path.join(dir, 'roadmap.md'), 'utf8');
    const edited = text.replace('Cuts the time to open a chat from 4 s to 1 s.', 'Cuts the time to open a chat from 4 s to 1 s. Serves: A4');
    assert.notEqual(edited, text);
    await client.change(roadmapUri, [{ text: edited }]);
    await client.waitForDiagnostics(roadmapUri, (d) => trace(d).length === 0);
    // The strategy's A4 is now planned (labelled by the roadmap item): its diagnostics are republished.
    await client.waitForDiagnostics(strategyUri, (d) => trace(d).length === 0);
  });

  test('the strategy map request answers the folder’s map, Markdown, Mermaid and HTML', async () => {
    const uri = fileUri(path.join(dir, 'okrs.md'));
    const result = await client.connection.sendRequest('strategyLint/strategyMap', { uri, nonce: 'abc', cspSource: 'vscode-resource:' }) as {
      map: { nodes: Array<{ kind: string; flags: string[] }>; findings: Array<{ ruleId: string }> }; markdown: string; mermaid: string; html: string; uris: Record<string, string>;
    };
    assert.ok(result.map.nodes.some((node) => node.kind === 'policy'));
    assert.deepEqual(result.map.findings.map((f) => f.ruleId).sort(), ['trace/contradicts-policy']);
    assert.match(result.markdown, /^# Strategy map/);
    assert.match(result.mermaid, /^flowchart LR/);
    assert.match(result.html, /nonce-abc/);
    assert.equal(result.uris['strategy.md'], fileUri(path.join(dir, 'strategy.md')));
  });
});
