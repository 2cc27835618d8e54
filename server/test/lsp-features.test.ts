/**
 * Protocol tests of the bundled language server's editor features: hover, code actions (quick
 * fix, disable for line / file, docs, source.fixAll), document symbols, code lens and the
 * `strategyLint/review` request.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCS_BASE_URL } from '../src/engine/index.js';
import { fileUri, LspTestClient, TEST_SETTINGS } from './helpers/lsp-client.js';
import { fixturesDir, repoRoot } from './helpers/paths.js';

const MEMO = fs.readFileSync(path.join(fixturesDir, 'lsp', 'weak.strategy.md'), 'utf8')
  .replace('We will focus on finance teams', 'We will leverage our world-class sales team to focus on finance teams');

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}

function names(symbols: DocumentSymbol[] | undefined): string[] {
  return (symbols ?? []).map((symbol) => symbol.name);
}

describe('language server: editor features', () => {
  let dir: string;
  let client: LspTestClient;
  let uri: string;
  let diagnostics: Diagnostic[];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-lsp-features-'));
    client = await LspTestClient.start({ workspaceFolders: [dir] });
    uri = fileUri(path.join(dir, 'weak.strategy.md'));
    await client.open(uri, MEMO);
    diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'bad-strategy/fluff'));
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const fluffOn = (word: string): Diagnostic => {
    const found = diagnostics.find((d) => d.code === 'bad-strategy/fluff' && MEMO.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character).toLowerCase() === word);
    assert.ok(found, `a fluff diagnostic on "${word}"`);
    return found;
  };

  test('hover on a flagged word explains the rule: message, why, example, how to fix, docs', async () => {
    const diagnostic = fluffOn('leverage');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: diagnostic.range.start.line, character: diagnostic.range.start.character + 2 } });
    assert.ok(hover, 'a hover');
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /bad-strategy\/fluff/);
    assert.match(value, /"leverage" is fluff/, 'the diagnostic\'s own message');
    assert.match(value, /\*\*Why it matters:\*\* Fluff is the first hallmark/);
    assert.match(value, /✗ `.+`  \n✓ `.+`/, 'a bad → good example');
    assert.match(value, /\*\*How to fix:\*\* .+ A quick fix is available/);
    assert.match(value, /\[docs\]\(https:\/\/.+\/docs\/rules\/bad-strategy\/fluff\.md\)/);
    assert.equal(value.match(/gibberish masquerading/g)?.length, 1, 'the rationale\'s quote is not repeated');
    assert.ok(value.length < 1200, `compact (${value.length} characters)`);
    assert.deepEqual(hover.range, diagnostic.range);
  });

  test('hover quotes the source a principle comes from', async () => {
    const diagnostic = diagnostics.find((d) => d.code === 'outcomes/output-as-outcome')!;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: diagnostic.range.start });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\n> “[^”]{20,}” — (?:“[^”]+”, a post|the “[^”]+” chapter)/, "a quoted source, named by its piece");
  });

  test('no hover where nothing is flagged', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 0 } });
    assert.equal(hover, null);
  });

  test('code actions: the preferred quick fix, disable for line, disable for file, open docs', async () => {
    const diagnostic = fluffOn('leverage');
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] },
    }) as CodeAction[];
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title === 'Replace "leverage" with "use"');
    assert.ok(fix, `quick fix in ${titles.join(' | ')}`);
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.isPreferred, true);
    assert.match(applyEdits(MEMO, editsOf(fix, uri)), /We will use our world-class/);

    const line = actions.find((a) => a.title === 'Disable bad-strategy/fluff for this line')!;
    assert.ok(line, `disable for line in ${titles.join(' | ')}`);
    const afterLine = applyEdits(MEMO, editsOf(line, uri)).split('\n');
    assert.equal(afterLine[diagnostic.range.start.line], '<!-- strategy-lint-disable-next-line bad-strategy/fluff -->');

    const file = actions.find((a) => a.title === 'Disable bad-strategy/fluff for this file')!;
    assert.ok(file);
    assert.ok(applyEdits(MEMO, editsOf(file, uri)).startsWith('---\nstrategy-lint:\n  disable: [bad-strategy/fluff]\n---\n'));

    const docs = actions.find((a) => a.title === 'Open documentation for bad-strategy/fluff')!;
    assert.equal(docs.command?.command, 'strategyLint.openRuleDocumentation');
    assert.deepEqual(docs.command?.arguments, ['bad-strategy/fluff', diagnostic.codeDescription!.href]);
    assert.ok(!actions.some((a) => a.kind === 'source.fixAll.strategyLint'), 'fix-all is not a quick fix');
  });

  test('a quick fix follows its text when lines were inserted above since the lint', async () => {
    const diagnostic = fluffOn('leverage');
    // What the editor does with a marker when two lines are inserted above: it moves with the text.
    const text = `\n\n${MEMO}`;
    const shiftedUri = fileUri(path.join(dir, 'shifted.strategy.md'));
    await client.open(shiftedUri, text);
    await client.waitForDiagnostics(shiftedUri);
    const moved = { ...diagnostic, range: { start: { ...diagnostic.range.start, line: diagnostic.range.start.line + 2 }, end: { ...diagnostic.range.end, line: diagnostic.range.end.line + 2 } } };
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: shiftedUri }, range: moved.range, context: { diagnostics: [moved] } }) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Replace "leverage" with "use"')!;
    assert.ok(fix);
    assert.match(applyEdits(text, editsOf(fix, shiftedUri)), /We will use our world-class/);
  });

  test('document-level findings offer "disable for this file", not "for this line"', async () => {
    const diagnostic = diagnostics.find((d) => d.code === 'kernel/coherent-actions-missing')!;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable kernel/coherent-actions-missing for this file'), titles.join(' | '));
    assert.ok(!titles.includes('Disable kernel/coherent-actions-missing for this line'));
  });

  test('source.fixAll.strategyLint applies every preferred fix (for editor.codeActionsOnSave)', async () => {
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    }) as CodeAction[];
    assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
    const [fixAll] = actions;
    assert.equal(fixAll.kind, 'source.fixAll.strategyLint');
    const fixed = applyEdits(MEMO, editsOf(fixAll, uri));
    assert.match(fixed, /We will use our sales team to focus/);
    // Everything else is untouched.
    assert.equal(fixed.replace('use our sales team', 'leverage our world-class sales team'), MEMO);
  });

  test('document symbols: the strategic skeleton under the document type', async () => {
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    const [root] = symbols;
    assert.equal(root.name, 'Strategy memo');
    assert.equal(root.detail, 'Platform strategy 2027');
    const title = root.children!.find((s) => s.name === 'Platform strategy 2027')!;
    assert.ok(title, names(root.children).join(' | '));
    assert.deepEqual(names(title.children), ['Diagnosis — Where we are', 'Guiding policy', 'Success metrics']);
    const metrics = title.children![2];
    assert.deepEqual(names(metrics.children), ['Key result — Launch the new analytics dashboard', 'Key result — Ship the mobile app']);
  });

  test('document symbols: objectives with their key results (OKRs), horizons with items (roadmap), releases', async () => {
    const cases: Array<[string, (root: DocumentSymbol) => void]> = [
      ['team.okrs.md', (root) => {
        assert.equal(root.name, 'OKR set');
        const top = root.children![0];
        const objective = top.children![0];
        assert.equal(objective.name, 'Objective — Objective 1: Merchants go live on their first day');
        assert.equal(objective.children!.length, 3);
        assert.match(objective.children![0].name, /^KR1 — Cut median onboarding time/);
      }],
      ['ROADMAP.md', (root) => {
        assert.equal(root.name, 'Roadmap');
        const horizons = root.children![0].children!;
        const now = horizons.find((s) => s.name.startsWith('Now'))!;
        assert.ok(now, names(horizons).join(' | '));
        assert.match(now.children![0].name, /Self-serve connectors/);
      }],
      ['RELEASE_NOTES.md', (root) => {
        assert.equal(root.name, 'Release notes');
        const release = root.children![0].children!.find((s) => s.name.startsWith('Release — 2.4.0'))!;
        assert.ok(release, names(root.children![0].children).join(' | '));
        assert.equal(release.children!.length, 2);
      }],
    ];
    for (const [file, check] of cases) {
      const exampleUri = fileUri(path.join(dir, file));
      await client.open(exampleUri, fs.readFileSync(path.join(repoRoot, 'examples', file), 'utf8'));
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: exampleUri } }) as DocumentSymbol[];
      check(symbols[0]);
    }
  });

  test('code lens above a strategy memo shows the kernel and opens the review', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.equal(lenses?.length, 1);
    const [lens] = lenses!;
    assert.equal(lens.range.start.line, 0);
    assert.equal(lens.command?.title, 'Diagnosis ✓ · Guiding policy ✓ · Coherent actions ✗');
    assert.equal(lens.command?.command, 'strategyLint.review');
    assert.deepEqual(lens.command?.arguments, [uri]);
  });

  test('no code lens on a README', async () => {
    const readmeUri = fileUri(path.join(dir, 'README.md'));
    await client.open(readmeUri, fs.readFileSync(path.join(fixturesDir, 'lsp', 'README.md'), 'utf8'));
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: readmeUri } });
    assert.deepEqual(lenses, []);
  });

  test('strategyLint/review returns the review, its Markdown and (with a nonce) its HTML', async () => {
    const result = await client.connection.sendRequest('strategyLint/review', { uri, nonce: 'TESTNONCE123', cspSource: 'vscode-webview://test' }) as {
      review: { docType: string; title: string }; markdown: string; html?: string; docType: string; title: string;
    };
    assert.equal(result.docType, 'strategy');
    assert.equal(result.review.title, 'Platform strategy 2027');
    assert.match(result.markdown, /Platform strategy 2027/);
    assert.ok(result.html, 'html when a nonce is given');
    assert.match(result.html, /nonce-TESTNONCE123/);
    assert.match(result.html, /data-line="\d+"/);
    const withoutHtml = await client.connection.sendRequest('strategyLint/review', { uri }) as { html?: string };
    assert.equal(withoutHtml.html, undefined);
  });
});

describe('language server: the document type, its reason, and setting it', () => {
  let dir: string;
  let client: LspTestClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-lsp-types-'));
    client = await LspTestClient.start({ workspaceFolders: [dir] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const statusOf = (uri: string) => client.waitFor(`status of ${uri}`, () => client.statuses.filter((s) => s.uri === uri).at(-1));
  const titleActions = (uri: string, line = 0) => client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [] },
  }) as Promise<CodeAction[]>;

  test('the status says how the type was decided, from the folder inside the workspace', async () => {
    const uri = fileUri(path.join(dir, 'strategy', 'README.md'));
    await client.open(uri, '# Developer infrastructure strategy\n\nOur builds take forty minutes.\n');
    const status = await statusOf(uri);
    assert.equal(status.docType, 'strategy');
    assert.equal(status.typeReason, 'folder strategy/ and title “Developer infrastructure strategy”');
    assert.equal(status.typeDeclared, false);
    const actions = await titleActions(uri);
    const notStrategy = actions.find((a) => a.title.startsWith('Strategy Lint: this is not a strategy document'));
    assert.ok(notStrategy, actions.map((a) => a.title).join('\n'));
    const text = applyEdits('# Developer infrastructure strategy\n\nOur builds take forty minutes.\n', editsOf(notStrategy, uri));
    assert.match(text, /^---\nstrategy-lint:\n {2}type: generic\n---\n\n# Developer/);
    assert.ok(actions.some((a) => a.command?.command === 'strategyLint.setDocumentType'), 'the type menu is offered too');
    assert.deepEqual(await titleActions(uri, 2), [], 'only on the title line');
  });

  test('a generic document that looks like a roadmap is offered the type, with the reason', async () => {
    const uri = fileUri(path.join(dir, 'docs', 'plans.md'));
    const text = '---\nowner: ana\n---\n\n# Roadmap\n\nWhat we plan to build next.\n';
    await client.open(uri, text);
    const status = await statusOf(uri);
    assert.equal(status.docType, 'generic');
    assert.deepEqual(status.suggestion, { docType: 'roadmap', label: 'Roadmap', reason: 'title “Roadmap”' });
    const actions = await titleActions(uri, 4);
    const treat = actions.find((a) => a.title === 'Strategy Lint: treat this document as a roadmap (title “Roadmap”)');
    assert.ok(treat, actions.map((a) => a.title).join('\n'));
    assert.equal(applyEdits(text, editsOf(treat, uri)), '---\nowner: ana\nstrategy-lint:\n  type: roadmap\n---\n\n# Roadmap\n\nWhat we plan to build next.\n');
  });

  test('an ordinary README gets no type lightbulb; strategyLint/setDocumentType still writes any type', async () => {
    const uri = fileUri(path.join(dir, 'README.md'));
    const text = '# Widget\n\nA small library.\n';
    await client.open(uri, text);
    await statusOf(uri);
    assert.deepEqual(await titleActions(uri), []);
    const result = await client.connection.sendRequest('strategyLint/setDocumentType', { uri, type: 'decision' }) as { edits: TextEdit[] };
    assert.equal(applyEdits(text, result.edits), '---\nstrategy-lint:\n  type: decision\n---\n\n# Widget\n\nA small library.\n');
    const refused = await client.connection.sendRequest('strategyLint/setDocumentType', { uri, type: 'nonsense' }) as { edits: TextEdit[] };
    assert.deepEqual(refused.edits, []);
  });

  test('a declared type is the writer’s word: no type actions, and the status says declared', async () => {
    const uri = fileUri(path.join(dir, 'notes.md'));
    await client.open(uri, '---\nstrategy-lint:\n  type: roadmap\n---\n\n# Notes\n\n## Now\n\n- Search\n');
    const status = await statusOf(uri);
    assert.equal(status.docType, 'roadmap');
    assert.equal(status.typeDeclared, true);
    assert.deepEqual(await titleActions(uri, 5), []);
  });
});

describe('language server: hover in a client that shows diagnostics itself', () => {
  test('with initializationOptions.diagnosticsShownInHover the message is not repeated', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-lsp-hover-'));
    const client = await LspTestClient.start({ workspaceFolders: [dir], initializationOptions: { diagnosticsShownInHover: true } });
    try {
      const uri = fileUri(path.join(dir, 'memo.strategy.md'));
      await client.open(uri, MEMO);
      const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'bad-strategy/fluff'));
      const fluff = diagnostics.find((d) => d.code === 'bad-strategy/fluff')!;
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: fluff.range.start });
      const value = (hover!.contents as MarkupContent).value;
      assert.ok(!value.includes(String(fluff.message)), 'no repeated message');
      assert.match(value, /\*\*Why it matters:\*\*/);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('language server: rule documentation links (strategyLint.docsUrl)', () => {
  test('by default they name the published package\'s pages; the setting moves diagnostics, hovers and the docs action', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-lsp-docs-'));
    let docsUrl: string | undefined;
    const client = await LspTestClient.start({ workspaceFolders: [dir], settings: () => ({ ...TEST_SETTINGS, ...(docsUrl ? { docsUrl } : {}) }) });
    try {
      const uri = fileUri(path.join(dir, 'weak.strategy.md'));
      await client.open(uri, MEMO);
      let fluff = (await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'bad-strategy/fluff'))).find((d) => d.code === 'bad-strategy/fluff')!;
      assert.equal(fluff.codeDescription?.href, `${DOCS_BASE_URL}bad-strategy/fluff.md`);
      assert.match(DOCS_BASE_URL, /^https:\/\/unpkg\.com\/strategy-lint@\d+\.\d+\.\d+\/docs\/rules\/$/);

      docsUrl = 'https://intranet.example/strategy-lint/rules'; // no trailing slash: one is added
      const before = client.publicationCount(uri);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      fluff = (await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'bad-strategy/fluff'), { after: before })).find((d) => d.code === 'bad-strategy/fluff')!;
      assert.equal(fluff.codeDescription?.href, 'https://intranet.example/strategy-lint/rules/bad-strategy/fluff.md');
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: fluff.range.start });
      assert.match((hover!.contents as MarkupContent).value, /\[docs\]\(https:\/\/intranet\.example\/strategy-lint\/rules\/bad-strategy\/fluff\.md\)/);
      const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: fluff.range, context: { diagnostics: [fluff], only: [CodeActionKind.QuickFix] } }) as CodeAction[];
      const docs = actions.find((a) => a.title === 'Open documentation for bad-strategy/fluff')!;
      assert.deepEqual(docs.command?.arguments, ['bad-strategy/fluff', 'https://intranet.example/strategy-lint/rules/bad-strategy/fluff.md']);

      docsUrl = 'javascript:alert(1)';
      const again = client.publicationCount(uri);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      fluff = (await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'bad-strategy/fluff'), { after: again })).find((d) => d.code === 'bad-strategy/fluff')!;
      assert.equal(fluff.codeDescription?.href, `${DOCS_BASE_URL}bad-strategy/fluff.md`, 'only http(s) URLs are taken');
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
