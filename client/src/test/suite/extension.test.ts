/**
 * Integration tests in a real VS Code (see ../run-integration.ts): the extension activates on a
 * Markdown document, publishes diagnostics, offers hovers and quick fixes, reviews the document
 * in a webview and creates documents from templates. Every wait has a timeout; no fixed sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'strategy-lint.strategy-lint';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Resolves with the document's Strategy Lint diagnostics once `predicate` holds. */
function waitForDiagnostics(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'strategy-lint');
  return new Promise((resolve, reject) => {
    if (predicate(ours())) return resolve(ours());
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for diagnostics on ${uri.toString()}; have: ${ours().map((d) => String((d.code as { value: string }).value ?? d.code)).join(', ')}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString()) && predicate(ours())) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(ours());
      }
    });
  });
}

const codeOf = (diagnostic: vscode.Diagnostic): string => {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
};

describe('Strategy Lint in VS Code', () => {
  let memo: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    memo = await vscode.workspace.openTextDocument(workspaceFile('weak.strategy.md'));
    await vscode.window.showTextDocument(memo);
    diagnostics = await waitForDiagnostics(memo.uri, (d) => d.length > 0);
  });

  it('activates on Markdown, not before', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'installed');
    assert.ok(extension.isActive, 'active after a Markdown document was opened');
  });

  it('publishes diagnostics with the rule id and its documentation link', () => {
    const codes = diagnostics.map(codeOf);
    assert.ok(codes.includes('kernel/coherent-actions-missing'), codes.join(', '));
    const fluff = diagnostics.find((d) => codeOf(d) === 'bad-strategy/fluff');
    assert.ok(fluff, codes.join(', '));
    const code = fluff.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/bad-strategy\/fluff\.md$/);
  });

  it('explains a hint on hover', async () => {
    const fluff = diagnostics.find((d) => codeOf(d) === 'bad-strategy/fluff')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', memo.uri, fluff.range.start.translate(0, 1));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : (content as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /Why it matters/);
    assert.match(text, /How to fix/);
  });

  it('applies a quick fix', async () => {
    const fluff = diagnostics.find((d) => codeOf(d) === 'bad-strategy/fluff' && memo.getText(d.range).toLowerCase() === 'leverage')!;
    assert.ok(fluff);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', memo.uri, fluff.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Replace "leverage" with "use"');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(memo.getText(), /We will use our/);
    await waitForDiagnostics(memo.uri, (d) => !d.some((x) => codeOf(x) === 'bad-strategy/fluff' && memo.getText(x.range).toLowerCase() === 'leverage'));
  });

  it('reviews the document in a webview beside it', async () => {
    const result = await vscode.commands.executeCommand<{ title: string; markdown: string } | undefined>('strategyLint.review', memo.uri);
    assert.ok(result, 'the review command returns the review');
    assert.equal(result.title, 'Platform strategy 2027');
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    assert.ok(tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('strategyLint.review')), 'a review tab');
  });

  it('creates a roadmap from its template, with the snippet inserted', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('strategyLint.newFromTemplate', 'roadmap');
    assert.ok(editor);
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(editor.document.isUntitled, true);
    assert.match(editor.document.getText(), /## Now/);
  });
});
