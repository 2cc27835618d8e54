/**
 * The packaged extension: builds the .vsix the way `npm run package` does (vsce package
 * --no-dependencies; set STRATEGY_LINT_VSIX to check an existing file instead), lists it, and
 * fails on anything that should not ship (sources, tests, fixtures, source maps, node_modules) or
 * on anything missing (bundles, snippets, grammar, icon, README, CHANGELOG, LICENSE, walkthrough
 * media, every path package.json points at). Also checks the manifest's contributions, that
 * the server bundle inside the package starts on its own and answers `initialize`, and that the
 * browser build inside it (package.json `browser`) imports no Node module and answers `initialize`
 * in a web worker.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createProtocolConnection, InitializeRequest, PortMessageReader, PortMessageWriter, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { allRules } from '../src/engine/index.js';
import { repoRoot } from './helpers/paths.js';
import { requiredModules, startWebWorker } from './helpers/web-worker.js';
import { readZip, type ZipEntry } from './helpers/zip.js';

interface Manifest {
  main: string;
  browser: string;
  icon: string;
  activationEvents: string[];
  engines: { vscode: string };
  repository?: { url: string };
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    configuration: { title: string; properties: Record<string, { scope?: string }> };
    snippets: Array<{ language: string; path: string }>;
    grammars: Array<{ scopeName: string; path: string; injectTo?: string[] }>;
    jsonValidation?: Array<{ fileMatch: string | string[]; url: string }>;
    walkthroughs: Array<{ steps: Array<{ media: { markdown?: string; image?: string } }> }>;
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const clientProtocol = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'protocol.ts'), 'utf8');
const relative = (p: string): string => p.replace(/^\.\//, '');

describe('package.json (extension manifest)', () => {
  test('every command is in the "Strategy Lint" category, and the client registers exactly these', () => {
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'Strategy Lint', command.command);
    const clientCommands = [...clientProtocol.matchAll(/^\s+\w+: '(strategyLint\.[\w.]+)',$/gm)].map((m) => m[1]).sort();
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), clientCommands);
  });

  test('activation: Markdown and its own commands only, never "*" or on startup', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const event of manifest.activationEvents) {
      assert.notEqual(event, '*');
      assert.notEqual(event, 'onStartupFinished');
      if (event.startsWith('onCommand:')) assert.ok(commands.has(event.slice('onCommand:'.length)), event);
      else assert.equal(event, 'onLanguage:markdown');
    }
  });

  test('menus name contributed commands; Markdown-only commands are hidden elsewhere', () => {
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(commands.has(item.command), `${menu}: ${item.command}`);
    }
    const palette = new Map(manifest.contributes.menus.commandPalette.map((item) => [item.command, item.when]));
    assert.match(String(palette.get('strategyLint.review')), /editorLangId == markdown/);
    assert.match(String(palette.get('strategyLint.insertTemplate')), /editorLangId == markdown/);
    assert.equal(palette.get('strategyLint.openRuleDocumentation'), 'false', 'internal command hidden');
    assert.ok(manifest.contributes.menus['editor/title'].some((item) => item.command === 'strategyLint.review' && /markdown/.test(String(item.when))));
  });

  test('settings: the documented keys exist, per resource where sensible', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.equal(manifest.contributes.configuration.title, 'Strategy Lint');
    for (const key of ['enable', 'run', 'debounceMs', 'rules', 'types', 'sections', 'referenceDate', 'fiscalYearStartMonth', 'maxDocumentLength']) {
      assert.equal(properties[`strategyLint.${key}`]?.scope, 'resource', key);
    }
    assert.ok(properties['strategyLint.trace.server'], 'trace setting');
  });

  test('every file the manifest points at exists in the repository', () => {
    const paths = [
      manifest.main, manifest.browser, manifest.icon,
      ...manifest.contributes.snippets.map((s) => s.path),
      ...manifest.contributes.grammars.map((g) => g.path),
      ...(manifest.contributes.jsonValidation ?? []).map((j) => j.url).filter((url) => !/^https?:/.test(url)),
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? s.media.image ?? '')),
    ];
    for (const p of paths) assert.ok(fs.existsSync(path.join(repoRoot, relative(p))), p);
    assert.ok(manifest.repository?.url, 'vsce needs a repository');
  });
});

describe('the .vsix', () => {
  let tmp: string;
  let entries: ZipEntry[];
  let names: string[];

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-vsix-'));
    let vsix = process.env.STRATEGY_LINT_VSIX;
    if (!vsix) {
      for (const bundle of ['client/out/extension.js', 'server/out/server.js', 'client/out/browser-extension.js', 'server/out/browser-server.js']) {
        assert.ok(fs.existsSync(path.join(repoRoot, bundle)), `${bundle} is missing: run npm run build first`);
      }
      vsix = path.join(tmp, 'strategy-lint.vsix');
      try {
        execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], {
          cwd: repoRoot,
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 280_000,
        });
      } catch (error) {
        const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
        throw new Error(`vsce package failed: ${stderr.trim() || (error as Error).message}`);
      }
    }
    entries = readZip(fs.readFileSync(vsix));
    names = entries.map((entry) => entry.name);
  }, { timeout: 300_000 });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('ships nothing it should not: no sources, tests, fixtures, source maps or node_modules', () => {
    const offenders = names.filter((name) => /\.ts$|\.map$|(^|\/)(src|test|tests|fixtures|node_modules|dist)\/|\.samples\.json$|\.tsbuildinfo$|(^|\/)\.cache\//.test(name));
    assert.deepEqual(offenders, []);
    // The rule pages are the bulk (one per rule, opened offline from hovers, code actions and the review).
    const files = names.filter((name) => name.startsWith('extension/') && !name.startsWith('extension/docs/rules/'));
    assert.ok(files.length < 60, `a small allow-listed package (${files.length} files besides the rule pages): ${files.join(', ')}`);
  });

  test('ships everything it needs', () => {
    const required = [
      'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt',
      'extension/images/icon.png', 'extension/client/out/extension.js', 'extension/server/out/server.js',
      'extension/client/out/browser-extension.js', 'extension/server/out/browser-server.js',
      'extension/snippets/markdown.code-snippets', 'extension/snippets/templates.json',
      'extension/syntaxes/strategy-lint.injection.tmLanguage.json',
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => `extension/${relative(s.media.markdown ?? '')}`)),
      ...(manifest.contributes.jsonValidation ?? []).map((j) => `extension/${relative(j.url)}`),
      'extension/docs/rules/README.md', ...allRules.map((rule) => `extension/docs/rules/${rule.meta.id}.md`),
    ];
    for (const name of required) assert.ok(names.includes(name), `${name} missing from the .vsix`);
  });

  test('the packaged manifest points only at packaged files', () => {
    const packaged = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.read().toString('utf8')) as Manifest;
    const paths = [packaged.main, packaged.browser, packaged.icon, ...packaged.contributes.snippets.map((s) => s.path), ...packaged.contributes.grammars.map((g) => g.path)];
    for (const p of paths) assert.ok(names.includes(`extension/${relative(p)}`), p);
    const templates = JSON.parse(entries.find((e) => e.name === 'extension/snippets/templates.json')!.read().toString('utf8')) as { templates: Array<{ id: string; body: string }> };
    assert.ok(templates.templates.length >= 7, 'every template is indexed');
    for (const template of templates.templates) assert.ok(template.body.length > 100, template.id);
  });

  /** The package's files, written out once under tmp/extracted. */
  const extract = (): string => {
    const extracted = path.join(tmp, 'extracted');
    if (fs.existsSync(extracted)) return extracted;
    for (const entry of entries.filter((e) => e.name.startsWith('extension/') && !e.name.endsWith('/'))) {
      const target = path.join(extracted, entry.name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, entry.read());
    }
    return extracted;
  };

  /** The server on `connection` answers `initialize` as Strategy Lint within 15 s; then `stop` ends it. */
  const assertAnswersInitialize = async (connection: ProtocolConnection, stderr: () => string, stop: () => unknown) => {
    connection.listen();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no initialize answer; stderr: ${stderr()}`)), 15_000); });
      const result = await Promise.race([connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null }), timeout]);
      assert.equal(result.serverInfo?.name, 'strategy-lint');
      assert.ok(result.capabilities.hoverProvider);
    } finally {
      clearTimeout(timer);
      connection.dispose();
      await stop();
    }
  };

  test('the packaged server starts on its own (no node_modules) and answers initialize', async () => {
    const extracted = extract();
    const child = spawn(process.execPath, [path.join(extracted, 'extension', 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: tmp });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    await assertAnswersInitialize(connection, () => stderr, () => child.kill());
  });

  test('the packaged browser build imports no Node module, and its server answers initialize in a web worker', async () => {
    const extracted = extract();
    const packaged = JSON.parse(fs.readFileSync(path.join(extracted, 'extension', 'package.json'), 'utf8')) as Manifest;
    assert.deepEqual(requiredModules(path.join(extracted, 'extension', relative(packaged.browser))), ['vscode'], 'the client asks for nothing but vscode');
    const server = path.join(extracted, 'extension', 'server', 'out', 'browser-server.js');
    assert.deepEqual(requiredModules(server), []);
    const worker = startWebWorker(server);
    let stderr = '';
    worker.on('error', (error) => { stderr += error.stack ?? error.message; });
    await assertAnswersInitialize(createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker)), () => stderr, () => worker.terminate());
  });
});
