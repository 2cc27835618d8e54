/**
 * The browser build (issue 11): server/out/browser-server.js and client/out/browser-extension.js
 * import no Node module; the server loads in a web-worker sandbox (helpers/web-worker.ts) and
 * answers the protocol; in a github.dev-shaped workspace (`vscode-vfs://github/…` URIs) it names
 * documents by their path, reads the nearest config file and its `extends` through the client
 * (`strategyLint/readFiles`), and publishes a config file's problems on its own URI. An editor that
 * cannot read files for it gets one line saying so, and linting with the defaults.
 * lsp-browser-build.test.ts runs the desktop protocol tests against the same bundle.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionKind, CodeActionRequest, DiagnosticSeverity, ExitNotification, HoverRequest, ShutdownRequest, type CodeAction, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { BROWSER_SERVER_BUNDLE, FLUFF_MEMO as MEMO, hasFluff, LspTestClient } from './helpers/lsp-client.js';
import { repoRoot } from './helpers/paths.js';
import { tempTree } from './helpers/temp-tree.js';
import { requiredModules, startWebWorker } from './helpers/web-worker.js';

const CLIENT_BUNDLE = path.join(repoRoot, 'client', 'out', 'browser-extension.js');

describe('browser build: the bundles', () => {
  test('the server bundle requires nothing; the client bundle requires only vscode', () => {
    assert.deepEqual(requiredModules(BROWSER_SERVER_BUNDLE), []);
    assert.deepEqual(requiredModules(CLIENT_BUNDLE), ['vscode']);
  });

  test('the sandbox they are tested in is a web worker\'s: no require, process, Buffer, setImmediate, global or document', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-web-worker-'));
    const probe = path.join(dir, 'probe.js');
    fs.writeFileSync(probe, `postMessage(['require', 'process', 'Buffer', 'setImmediate', 'global', 'document', 'self', 'postMessage', 'MessageChannel', 'TextDecoder'].map((name) => name + ':' + typeof globalThis[name]));`);
    const worker = startWebWorker(probe);
    try {
      const report = await new Promise<string[]>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      assert.deepEqual(report, [
        'require:undefined', 'process:undefined', 'Buffer:undefined', 'setImmediate:undefined', 'global:undefined', 'document:undefined',
        'self:object', 'postMessage:function', 'MessageChannel:function', 'TextDecoder:function',
      ]);
    } finally {
      await worker.terminate();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('browser build: a github.dev workspace (vscode-vfs URIs)', () => {
  const ROOT = 'vscode-vfs://github/acme/plans';
  let dir: string;
  let client: LspTestClient;
  const memo = `${ROOT}/docs/STRATEGY.md`;

  before(async () => {
    dir = tempTree('sl-web-vfs-', {
      '.strategy-lint.json': JSON.stringify({ extends: './shared/base.json', rules: { 'bad-strategy/fluff': 'error' } }),
      'shared/base.json': JSON.stringify({ rules: { 'outcomes/*': 'hint' } }),
      'broken/.strategy-lint.yaml': 'rules:\n  bad-strategy/fluff: [\n',
    });
    // The client reads the repository's files: here, from the temporary folder.
    const readFiles = (uri: string): string | null => (uri.startsWith(`${ROOT}/`) ? path.join(dir, ...decodeURIComponent(uri.slice(ROOT.length + 1)).split('/')) : null);
    client = await LspTestClient.start({ server: 'worker', workspaceFolderUris: [ROOT], readFiles });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('typing a buzzword shows the finding, at the severity the config file and its extends set', async () => {
    const plain = MEMO.replace('We will leverage our sales team to focus on finance teams', 'We will focus on finance teams');
    await client.open(memo, plain);
    const first = await client.waitForDiagnostics(memo);
    assert.ok(!hasFluff(first), 'no buzzword yet');
    const line = plain.split('\n').findIndex((text) => text.includes('We will focus on finance teams'));
    const character = plain.split('\n')[line].indexOf('focus');
    await client.change(memo, [{ range: { start: { line, character }, end: { line, character } }, text: 'leverage our sales team to ' }]);
    const diagnostics = await client.waitForDiagnostics(memo, hasFluff, { after: client.publicationCount(memo) });
    const fluff = diagnostics.find((d) => d.code === 'bad-strategy/fluff')!;
    assert.equal(fluff.severity, DiagnosticSeverity.Error, 'the config file says error');
    assert.deepEqual(fluff.range.start, { line, character });
    const outcomes = diagnostics.filter((d) => String(d.code).startsWith('outcomes/'));
    assert.ok(outcomes.length > 0 && outcomes.every((d) => d.severity === DiagnosticSeverity.Hint), 'the extended file says hint');
    const asked = client.readFilesRequests.flat();
    assert.ok(asked.includes(`${ROOT}/.strategy-lint.json`) && asked.includes(`${ROOT}/shared/base.json`), asked.join(', '));
    assert.ok(asked.every((uri) => uri.startsWith('vscode-vfs://github/')), 'files are asked for by URIs of the workspace\'s scheme');
  });

  test('the document is named by its path: STRATEGY.md makes it a strategy memo', async () => {
    const status = await client.waitFor('a status', () => [...client.statuses].reverse().find((s) => s.uri === memo));
    assert.equal(status.docType, 'strategy');
    assert.match(String(status.typeReason), /STRATEGY\.md/);
  });

  test('a hover explains the finding and a quick fix replaces the word', async () => {
    const fluff = client.latest(memo)!.find((d) => d.code === 'bad-strategy/fluff')!;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: memo }, position: fluff.range.start });
    assert.match((hover!.contents as MarkupContent).value, /\*\*Why it matters:\*\* Fluff/);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: memo }, range: fluff.range, context: { diagnostics: [fluff], only: [CodeActionKind.QuickFix] },
    }) as CodeAction[];
    const fix = actions.find((action) => action.title === 'Replace "leverage" with "use"');
    assert.ok(fix?.edit?.changes?.[memo], actions.map((action) => action.title).join(' | '));
  });

  test('the review is built from the same lint', async () => {
    const review = await client.connection.sendRequest('strategyLint/review', { uri: memo, nonce: 'n0nce', cspSource: 'vscode-webview:' }) as { markdown: string; html?: string; docType: string };
    assert.equal(review.docType, 'strategy');
    assert.match(review.markdown, /STRATEGY\.md/);
    assert.match(String(review.html), /nonce="n0nce"/);
  });

  test('a broken config file gets its diagnostic on its own vscode-vfs URI', async () => {
    const broken = `${ROOT}/broken/memo.strategy.md`;
    await client.open(broken, MEMO);
    assert.ok(hasFluff(await client.waitForDiagnostics(broken)), 'linted with the defaults');
    const [problem] = await client.waitForDiagnostics(`${ROOT}/broken/.strategy-lint.yaml`, (d) => d.length > 0);
    assert.match(String(problem.message), /not valid YAML/);
  });
});

describe('browser build: the worker\'s life', () => {
  test('exit ends the worker, as it ends a server process (a restart does not leave one behind)', async () => {
    const client = await LspTestClient.start({ server: 'worker' });
    try {
      await client.connection.sendRequest(ShutdownRequest.type);
      await client.connection.sendNotification(ExitNotification.type);
      await client.waitFor('the worker to exit', () => !client.running, 10_000);
    } finally {
      await client.stop();
    }
  });
});

describe('browser build: an editor that does not read files for the server', () => {
  let dir: string;
  let client: LspTestClient;

  before(async () => {
    dir = tempTree('sl-web-noread-', { '.strategy-lint.json': '{ "rules": { "bad-strategy/fluff": "off" } }' });
    client = await LspTestClient.start({ server: 'worker', workspaceFolders: [dir], readFiles: 'unsupported' });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('says so in one line and lints with the settings and defaults', async () => {
    const uri = `file://${path.join(dir, 'memo.strategy.md')}`;
    await client.open(uri, MEMO);
    assert.ok(hasFluff(await client.waitForDiagnostics(uri)), 'the config file could not be read, so fluff stays on');
    const warning = await client.waitFor('the warning', () => client.logs.find((line) => line.includes('does not read files for the server')));
    assert.match(warning, /config files, \.gitignore files and "Lint all documents" are not available/);
    await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]);
    await client.waitForDiagnostics(uri, () => true, { after: client.publicationCount(uri) });
    assert.equal(client.logs.filter((line) => line.includes('does not read files for the server')).length, 1, 'once');
  });
});

describe('browser build: the strategy map in a github.dev workspace', () => {
  const ROOT = 'vscode-vfs://github/acme/plans';
  const EXAMPLE = path.join(repoRoot, 'examples', 'strategy-map');
  let dir: string;
  let client: LspTestClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-web-map-'));
    fs.cpSync(EXAMPLE, path.join(dir, 'docs'), { recursive: true });
    // A roadmap without a front-matter date, serving the strategy: git would date it, but there is no git here.
    fs.writeFileSync(path.join(dir, 'docs', 'team-roadmap.md'), '---\nserves: strategy.md\n---\n\n# Team roadmap\n\n## Now\n\n- **Guided dispatch setup** for new firms. Serves: A2\n');
    fs.writeFileSync(path.join(dir, '.gitignore'), 'drafts/\n');
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.writeFileSync(path.join(dir, 'drafts', 'roadmap.md'), '# Draft roadmap\n\n## Now\n\n- **Enterprise deals** for big contractors.\n');
    const toPath = (uri: string): string | null => (uri.startsWith(`${ROOT}/`) ? path.join(dir, ...decodeURIComponent(uri.slice(ROOT.length + 1)).split('/')) : null);
    const walk = (folder: string): string[] => fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(folder, entry.name)) : entry.name.endsWith('.md') ? [path.join(folder, entry.name)] : []);
    const findFiles = (folderUri: string): string[] => {
      const folder = toPath(`${folderUri}/`);
      return folder ? walk(folder).map((file) => `${ROOT}/${path.relative(dir, file).split(path.sep).map(encodeURIComponent).join('/')}`) : [];
    };
    client = await LspTestClient.start({ server: 'worker', workspaceFolderUris: [ROOT], readFiles: toPath, findFiles });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an open roadmap gets its trace finding, related to the strategy the client read for the server', async () => {
    const uri = `${ROOT}/docs/roadmap.md`;
    await client.open(uri, fs.readFileSync(path.join(dir, 'docs', 'roadmap.md'), 'utf8'));
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'trace/orphan-item'));
    const orphan = diagnostics.find((d) => d.code === 'trace/orphan-item')!;
    assert.equal(orphan.range.start.line, 29);
    assert.equal(orphan.relatedInformation?.[0]?.location.uri, `${ROOT}/docs/strategy.md`);
    assert.deepEqual(client.findFilesRequests, [ROOT]);
  });

  test('the map covers the folder the client listed, less what .gitignore leaves out; stale-after-strategy says once that git dates were skipped', async () => {
    const result = await client.connection.sendRequest('strategyLint/strategyMap', { uri: `${ROOT}/docs/okrs.md` }) as { uris: Record<string, string>; map: { findings: Array<{ ruleId: string }> } };
    assert.deepEqual(Object.keys(result.uris).sort(), ['docs/RELEASE_NOTES.md', 'docs/decisions/0001-offline-first-technician-app.md', 'docs/okrs.md', 'docs/roadmap.md', 'docs/strategy.md', 'docs/team-roadmap.md']);
    assert.equal(result.uris['docs/strategy.md'], `${ROOT}/docs/strategy.md`);
    assert.deepEqual(result.map.findings.map((f) => f.ruleId).sort(), ['trace/contradicts-policy', 'trace/orphan-item', 'trace/unplanned-action']);
    const notes = client.logs.filter((line) => line.includes('trace/stale-after-strategy skipped'));
    assert.equal(notes.length, 1, client.logs.join('\n'));
    assert.match(notes[0], /skipped 1 roadmap or OKR document: no front-matter date \(updated:\) and git dates were skipped \(git is not available here/);
  });
});
