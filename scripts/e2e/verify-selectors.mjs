#!/usr/bin/env node
// Verifies, in a running code-server, every selector / shortcut that NOTES.md
// recommends for end-to-end scenarios. Re-run it after upgrading code-server.
//
// It packages a tiny throw-away "probe" extension (diagnostic on TODO, hover,
// quick fix, a command with a notification, an output channel) into a .vsix with
// the repo's @vscode/vsce, installs it with `code-server --install-extension`,
// and drives the same flows the Strategy Lint scenarios need.
//
//   node scripts/e2e/verify-selectors.mjs        # screenshots: test-results/e2e/verify-*.png
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled, paths } from './env.mjs';
import * as h from './harness.mjs';

const SEL = h.SEL;
const results = [];
let step = 0;
async function check(name, fn) {
  const t0 = performance.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    h.log(`PASS ${name} (${((performance.now() - t0) / 1000).toFixed(1)}s)${detail ? `: ${detail}` : ''}`);
  } catch (err) {
    results.push({ name, ok: false, err: err.message.split('\n')[0] });
    h.log(`FAIL ${name}: ${err.message}`);
  }
  if (page) await h.screenshot(page, `verify-${String(++step).padStart(2, '0')}`).catch(() => {});
}

// --- probe extension -------------------------------------------------------
const PROBE_PACKAGE = {
  name: 'e2e-probe',
  displayName: 'E2E Probe',
  publisher: 'e2e',
  version: '0.0.1',
  license: 'MIT',
  engines: { vscode: '^1.80.0' },
  main: './extension.js',
  activationEvents: ['onLanguage:markdown'],
  contributes: { commands: [{ command: 'e2eProbe.hello', title: 'E2E Probe: Say Hello' }] },
};
const PROBE_JS = `
const vscode = require('vscode');
exports.activate = (context) => {
  const out = vscode.window.createOutputChannel('E2E Probe');
  out.appendLine('probe activated');
  const coll = vscode.languages.createDiagnosticCollection('e2e-probe');
  const lint = (doc) => {
    if (doc.languageId !== 'markdown') return;
    const diags = [];
    doc.getText().split('\\n').forEach((line, i) => {
      const c = line.indexOf('TODO');
      if (c >= 0) {
        const d = new vscode.Diagnostic(new vscode.Range(i, c, i, c + 4), 'Probe: unresolved TODO', vscode.DiagnosticSeverity.Warning);
        d.source = 'e2e-probe'; d.code = 'todo';
        diags.push(d);
      }
    });
    coll.set(doc.uri, diags);
    out.appendLine('linted ' + doc.uri.path + ': ' + diags.length);
  };
  vscode.workspace.textDocuments.forEach(lint);
  context.subscriptions.push(
    coll, out,
    vscode.workspace.onDidOpenTextDocument(lint),
    vscode.workspace.onDidChangeTextDocument((e) => lint(e.document)),
    vscode.languages.registerHoverProvider('markdown', {
      provideHover(doc, pos) {
        const r = doc.getWordRangeAtPosition(pos, /TODO/);
        return r ? new vscode.Hover('**Probe hover**: TODO means work is missing', r) : undefined;
      },
    }),
    vscode.languages.registerCodeActionsProvider('markdown', {
      provideCodeActions(doc, range, ctx) {
        return ctx.diagnostics.filter((d) => d.source === 'e2e-probe').map((d) => {
          const a = new vscode.CodeAction('Probe: replace TODO with DONE', vscode.CodeActionKind.QuickFix);
          a.edit = new vscode.WorkspaceEdit();
          a.edit.replace(doc.uri, d.range, 'DONE');
          a.diagnostics = [d];
          a.isPreferred = true;
          return a;
        });
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand('e2eProbe.hello', () => vscode.window.showInformationMessage('Hello from the e2e probe')),
  );
};
exports.deactivate = () => {};
`;

function buildProbeVsix(dir) {
  const src = path.join(dir, 'probe-src');
  fs.mkdirSync(src, { recursive: true });
  fs.writeFileSync(path.join(src, 'package.json'), JSON.stringify(PROBE_PACKAGE, null, 2));
  fs.writeFileSync(path.join(src, 'extension.js'), PROBE_JS);
  fs.writeFileSync(path.join(src, 'README.md'), '# E2E probe\n\nThrow-away extension used by scripts/e2e/verify-selectors.mjs.\n');
  fs.writeFileSync(path.join(src, 'LICENSE'), 'MIT\n');
  const vsce = path.join(paths().repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const out = path.join(dir, 'e2e-probe.vsix');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', out], {
    cwd: src,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

// --- run -------------------------------------------------------------------
let page;
let cs;
let browser;
const DOC = '# Plan\n\nGoal: ship the thing.\n\nTODO: pick a metric.\n\nEnd.\n';
try {
  await ensureInstalled();
  const dirs = h.makeTempDirs('sl-e2e-verify-');
  const memo = path.join(dirs.workspaceDir, 'plan.md');
  fs.writeFileSync(memo, DOC);
  h.writeUserSettings(dirs.userDataDir);

  await check('install .vsix with code-server --install-extension', async () => {
    const vsix = buildProbeVsix(dirs.root);
    const out = await h.installExtension(vsix, dirs.extensionsDir, dirs.userDataDir);
    return out.trim().split('\n').pop();
  });

  cs = await h.startCodeServer({ folder: dirs.workspaceDir, ...dirs });
  browser = await h.launchChromium();
  page = await h.openWorkbench(browser, cs.url);

  await check('Explorer row click opens the file (.explorer-folders-view .monaco-list-row, .tabs-container .tab.active)', async () => {
    await h.openFileFromExplorer(page, 'plan.md');
  });

  await check('language mode becomes Markdown (#status\\.editor\\.mode)', async () => {
    await page.locator('#status\\.editor\\.mode', { hasText: 'Markdown' }).waitFor({ timeout: 30_000 });
  });

  await check('read editor text (.view-lines .view-line sorted by top)', async () => {
    await h.waitFor(async () => (await h.visibleEditorText(page))?.includes('TODO: pick a metric.'), { what: 'editor text' });
    return JSON.stringify(await h.visibleEditorText(page));
  });

  await check('extension diagnostic squiggle (.squiggly-warning)', async () => {
    await page.locator(`${SEL.editor} .squiggly-warning`).first().waitFor({ timeout: 30_000 });
  });

  await check('Problems panel: Control+Shift+M -> .markers-panel rows', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator(SEL.problemsPanel).waitFor();
    const row = page.locator(SEL.problemsRow, { hasText: 'Probe: unresolved TODO' }).first();
    await row.waitFor();
    const label = await row.getAttribute('aria-label');
    if (!/line 5 and character 1/.test(label)) throw new Error(`unexpected aria-label ${label}`);
    return `aria-label="${label}"; panel text=${JSON.stringify(await page.locator(SEL.problemsPanel).innerText())}`;
  });

  await check('status bar problem counts (#status\\.problems aria-label)', async () => {
    const label = await page.locator('#status\\.problems').getAttribute('aria-label');
    if (!/Warnings: 1/.test(label)) throw new Error(`aria-label ${label}`);
    return label;
  });

  await check('Control+Shift+M toggles: a 2nd press hides .markers-panel; h.showProblems() reopens it', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator(SEL.problemsPanel).waitFor({ state: 'hidden' });
    await h.showProblems(page);
    await page.locator(SEL.problemsRow, { hasText: 'Probe: unresolved TODO' }).first().waitFor();
    return `h.problems(page) = ${JSON.stringify(await h.problems(page))}`;
  });

  await check('Go to line/column: Control+G, type "5:1", Enter (#status\\.editor\\.selection)', async () => {
    await page.locator(SEL.editorLines).first().click();
    await page.keyboard.press('Control+G');
    await page.locator(SEL.quickInputBox).waitFor();
    await page.keyboard.type('5:1');
    await page.keyboard.press('Enter');
    await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 5, Col 1' }).waitFor();
  });

  await check('hover via keyboard: Control+K Control+I -> .monaco-hover', async () => {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator(`${SEL.hover}:visible`, { hasText: 'Probe hover' }).first();
    await hover.waitFor();
    const text = await hover.innerText();
    await page.keyboard.press('Escape');
    return JSON.stringify(text);
  });

  await check('hover via mouse over the squiggle -> .monaco-hover', async () => {
    const sq = page.locator(`${SEL.editor} .squiggly-warning`).first();
    const box = await sq.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator(`${SEL.hover}:visible`, { hasText: 'Probe: unresolved TODO' }).first();
    await hover.waitFor();
    const text = await hover.innerText();
    await page.mouse.move(5, 5);
    return JSON.stringify(text);
  });

  await check('F8 next problem -> .marker-widget peek', async () => {
    await page.locator(SEL.editorLines).first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8');
    const w = page.locator('.marker-widget', { hasText: 'Probe: unresolved TODO' });
    await w.waitFor();
    await page.keyboard.press('Escape');
    await w.waitFor({ state: 'hidden' });
  });

  await check('quick fix: h.goTo + h.quickFix (Control+. -> .action-widget rows, click)', async () => {
    await h.goTo(page, 5, 2);
    const rows = await h.quickFix(page, 'Probe: replace TODO with DONE');
    await h.waitFor(async () => (await h.visibleEditorText(page)).includes('DONE: pick a metric.'), { what: 'quick fix edit' });
    await page.locator(SEL.problemsRow, { hasText: 'Probe: unresolved TODO' }).waitFor({ state: 'detached' });
    return `rows=${JSON.stringify(rows)}`;
  });

  await check('dirty tab (.tab.dirty) then Control+S saves to disk', async () => {
    await page.locator('.tabs-container .tab.active.dirty').waitFor();
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
    await h.waitFor(() => fs.readFileSync(memo, 'utf8').includes('DONE: pick a metric.'), { what: 'file on disk' });
  });

  await check('type into editor: click .view-lines, Control+End, keyboard.type', async () => {
    await page.locator(SEL.editorLines).first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('TODO typed (by keyboard.type) [x]\n');
    await h.waitFor(async () => (await h.visibleEditorText(page)).includes('TODO typed (by keyboard.type) [x]'), { what: 'typed text' });
    // the new TODO gets a diagnostic as you type
    await page.locator(SEL.problemsRow, { hasText: 'Probe: unresolved TODO' }).waitFor();
    return JSON.stringify(await h.visibleEditorText(page));
  });

  await check('quick fix by keyboard: Control+. then Enter applies the first (preferred) fix', async () => {
    await h.goTo(page, 8, 2);
    await h.pressUntilVisible(page, 'Control+.', page.locator('.action-widget .monaco-list-row', { hasText: 'Probe: replace TODO with DONE' }));
    await page.keyboard.press('Enter');
    await h.waitFor(async () => (await h.visibleEditorText(page)).includes('DONE typed (by keyboard.type) [x]'), { what: 'quick fix edit' });
    await page.keyboard.press('Control+End');
  });

  await check('type into editor: keyboard.insertText', async () => {
    await page.keyboard.insertText('inserted (text) with "quotes" and [brackets]');
    await h.waitFor(async () => (await h.visibleEditorText(page)).includes('inserted (text) with "quotes" and [brackets]'), { what: 'inserted text' });
  });

  await check('select all + type replaces the document (Control+A)', async () => {
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('# Fresh\n\nTODO: one\n');
    await h.waitFor(async () => (await h.visibleEditorText(page)) === '# Fresh\n\nTODO: one\n', { what: 'replaced text' });
    await page.keyboard.press('Control+S');
    await h.waitFor(() => fs.readFileSync(memo, 'utf8') === '# Fresh\n\nTODO: one\n', { what: 'file on disk' });
  });

  await check('command palette: F1 -> .quick-input-widget input, run built-in "Transform to Uppercase"', async () => {
    await page.keyboard.press('Control+G');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await h.runCommand(page, 'Transform to Uppercase');
    await h.waitFor(async () => (await h.visibleEditorText(page)).startsWith('# FRESH'), { what: 'uppercase' });
  });

  await check('Control+Shift+P also opens the command palette (input value ">")', async () => {
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator(SEL.quickInputBox);
    await input.waitFor();
    const v = await input.inputValue();
    if (v !== '>') throw new Error(`input value ${JSON.stringify(v)}`);
    await page.keyboard.press('Escape');
    await page.locator(SEL.quickInput).waitFor({ state: 'hidden' });
  });

  await check('command palette runs an extension command; notification toast (.notifications-toasts .notification-toast)', async () => {
    await h.runCommand(page, 'E2E Probe: Say Hello');
    const toast = page.locator(SEL.notification, { hasText: 'Hello from the e2e probe' });
    await toast.waitFor();
    return JSON.stringify(await toast.innerText());
  });

  await check('quick open: Control+P, type file name, Enter', async () => {
    fs.writeFileSync(path.join(dirs.workspaceDir, 'second.md'), '# Second\n\nTODO later\n');
    await page.locator(SEL.explorerRow, { hasText: 'second.md' }).waitFor(); // file watcher picked it up
    await page.keyboard.press('Control+P');
    await page.locator(SEL.quickInputBox).waitFor();
    await page.keyboard.type('second.md');
    await page.locator(SEL.quickInputRow, { hasText: 'second.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(SEL.activeTab, { hasText: 'second.md' }).waitFor();
    await h.waitFor(async () => (await h.visibleEditorText(page))?.includes('TODO later'), { what: 'second.md text' });
  });

  await check('extension output channel is a file <user-data>/logs/<ts>/exthost1/output_logging_<ts>/<n>-<channel>.log', async () => {
    const logs = path.join(dirs.userDataDir, 'logs');
    const file = await h.waitFor(() => {
      const hit = fs.readdirSync(logs, { recursive: true }).find((f) => f.endsWith('E2E Probe.log'));
      return hit && path.join(logs, hit);
    }, { what: 'output channel log', timeoutMs: 10_000 }).catch((err) => {
      throw new Error(`${err.message}; files: ${fs.readdirSync(logs, { recursive: true }).join(', ')}`);
    });
    return `${path.relative(dirs.userDataDir, file)}: ${JSON.stringify(fs.readFileSync(file, 'utf8').split('\n').slice(0, 2).join(' | '))}`;
  });

  // second, short session: LITERAL_TYPING_SETTINGS make typed text land verbatim
  await check('LITERAL_TYPING_SETTINGS: keyboard.type of brackets/indented lines is literal', async () => {
    const d2 = h.makeTempDirs('sl-e2e-verify-literal-');
    fs.writeFileSync(path.join(d2.workspaceDir, 'a.md'), '# A\n');
    h.writeUserSettings(d2.userDataDir, h.LITERAL_TYPING_SETTINGS);
    const cs2 = await h.startCodeServer({ folder: d2.workspaceDir, ...d2 });
    const page2 = await h.openWorkbench(browser, cs2.url);
    await h.openFileFromExplorer(page2, 'a.md');
    await page2.locator('#status\\.editor\\.mode', { hasText: 'Markdown' }).waitFor();
    await page2.locator(SEL.editorLines).first().click();
    await page2.keyboard.press('Control+End');
    const typed = '- item (one\n    indented "quote\nafter [x';
    await page2.keyboard.type(typed);
    const want = `# A\n${typed}`;
    await h.waitFor(async () => (await h.visibleEditorText(page2)) === want, { what: 'literal text', timeoutMs: 10_000 }).catch(async (err) => {
      throw new Error(`${err.message}; got ${JSON.stringify(await h.visibleEditorText(page2))}`);
    });
    await page2.context().close();
    await cs2.stop();
  });
} catch (err) {
  h.log(`ABORTED: ${err.stack}`);
  results.push({ name: 'setup', ok: false, err: err.message });
  if (cs) process.stderr.write(`--- tail of code-server log ---\n${cs.logTail(40)}\n`);
} finally {
  await h.cleanup();
}
const failed = results.filter((r) => !r.ok);
h.log(`${results.length - failed.length}/${results.length} checks passed`);
for (const f of failed) h.log(`  failed: ${f.name}: ${f.err}`);
process.exitCode = failed.length ? 1 : 0;
