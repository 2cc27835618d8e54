// Strategy Lint's browser build in a real VS Code web client: code-server serves VS Code's
// workbench to headless Chromium, and the user setting
//
//   "remote.extensionKind": { "strategy-lint.strategy-lint": ["web"] }
//
// makes the workbench run the extension (installed on the code-server side, like the other
// suites) in the browser's web-worker extension host, from package.json `browser`
// (client/out/browser-extension.js), instead of the Node extension host on the server. The
// language server then runs in a web worker of its own (server/out/browser-server.js) and reads
// config files through the client (vscode.workspace.fs) — as in vscode.dev and github.dev.
// (["ui"] lands in the web worker too; without the setting code-server runs the Node build.)
//
// Scenarios (screenshots test-results/e2e/web-<nn>-<name>.png):
//   w1 the extension host is the web worker: the output channel says so, and no Node server runs
//   w2 typing a buzzword shows the finding; a hover explains it; a quick fix applies
//   w3 a .strategy-lint.json in the folder changes the rule's severity (and deleting it restores it)
//   w4 "Review my strategy" shows its report
//   w5 "Lint all documents in workspace" lints closed files (findFiles + the client reading them)
//   w6 "New document from template…" makes a roadmap the server lints as one
//   w7 "Restart server" replaces the server's worker (the old one ends) and linting goes on
//   w8 a docs repository: a trace/* finding relates the other document (read through the client),
//      and "Show strategy map" draws the folder
//
//   node --test scripts/e2e/web.e2e.test.mjs          (E2E_VSIX=<file>, default strategy-lint.vsix)
// Normally run through `npm run test:e2e` (scripts/e2e/run.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { ensureInstalled, paths } from './env.mjs';
import * as h from './harness.mjs';
import {
  collectLogs, editorLines, fixture, formatRows, frameWith, has, launchWorkbench, ofFile, openLinted, REFERENCE_DATE, runCommand, runCommandAndPick, SCENARIO_SETTINGS, scenarios,
  processIds, showHover, statusItem, typeAtEndOfLine, waitForProblems, words, writeWorkspace,
} from './lib.mjs';

const repo = paths().repoRoot;
const vsix = path.resolve(repo, process.env.E2E_VSIX || 'strategy-lint.vsix');
const EXTENSION_ID = 'strategy-lint.strategy-lint';
/** What the browser entry point writes first to the "Strategy Lint" output channel (client/src/browser-extension.ts). */
const BROWSER_LINE = 'Strategy Lint in the browser: the extension runs in a web-worker extension host (no Node: `process` is undefined), the language server in a web worker of its own.';

const WORKSPACE = {
  'typing-memo.md': 'clean-memo.md', // w1, w2
  'config-memo.md': 'weak-memo.md', // w3
  'review-memo.md': 'weak-memo.md', // w4
  'notes/closed-memo.md': 'weak-memo.md', // w5 (never opened)
  'build/ignored-memo.md': 'weak-memo.md', // w5 (.gitignore'd)
  'restart-memo.md': 'clean-memo.md', // w7
};

let dirs;
let cs;
let page;

/** One scenario: the workbench reset, web-<nn>-<name>.png of how it ended (lib.mjs scenarios). */
const scenario = scenarios(() => page, { prefix: 'web-' });

/** Language server processes of this run's extension (a Node server would show here: /proc, its path inside the extensions folder). */
function nodeServerPids() {
  return processIds((cmdline) => cmdline.includes(dirs.extensionsDir) && /[\\/]server[\\/]out[\\/][\w-]*server\.js/.test(cmdline));
}

/** The text of the Output panel's editor (only its rendered lines). */
async function outputText() {
  return page.locator('.panel .output-view .view-lines, .panel [id="workbench.panel.output"] .view-lines').first().innerText().catch(() => '');
}

describe('Strategy Lint in the browser (code-server\'s web-worker extension host)', () => {
  before(async () => {
    assert.ok(fs.existsSync(vsix), `${vsix} not found: run npm run package, or set E2E_VSIX`);
    await ensureInstalled({ log: (m) => h.log(m) });
    dirs = h.makeTempDirs('sl-e2e-web-');
    writeWorkspace(dirs.workspaceDir, WORKSPACE);
    fs.writeFileSync(path.join(dirs.workspaceDir, '.gitignore'), 'build/\n');
    // w8: the sample docs repository, as a folder of the workspace.
    fs.cpSync(path.join(repo, 'examples', 'strategy-map'), path.join(dirs.workspaceDir, 'strategy-map'), { recursive: true });
    // The browser build, in the browser's web-worker extension host.
    h.writeUserSettings(dirs.userDataDir, { ...SCENARIO_SETTINGS, 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } });
    ({ cs, page } = await launchWorkbench(vsix, dirs));
  }, { timeout: 240_000 });

  after(async () => {
    if (dirs) collectLogs({ codeServerLog: cs?.logFile, userDataDir: dirs.userDataDir, prefix: 'web-' });
    await h.cleanup();
  }, { timeout: 60_000 });

  scenario('w1', 'web-worker-host', 'the extension runs in the web-worker extension host, its server in a web worker: no Node process', async ({ shot }) => {
    await openLinted(page, 'typing-memo.md', { type: 'Strategy memo', timeoutMs: 90_000 });
    await statusItem(page, 'Strategy memo · 0').waitFor();
    // The code lens over the title, from the same server.
    await page.locator('.codelens-decoration', { hasText: 'Diagnosis ✓ · Guiding policy ✓ · Coherent actions ✓' }).first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Strategy Lint: Show output');
    await h.waitFor(async () => words(await outputText()).includes(words(BROWSER_LINE)), { what: 'the browser line in the "Strategy Lint" output', timeoutMs: 30_000 })
      .catch(async (err) => {
        err.message += `\n  the Output panel showed:\n${await outputText()}`;
        throw err;
      });
    await shot('output');
    assert.deepEqual(nodeServerPids().map((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')), [], 'no language server process on the code-server side: the server is a web worker in the browser');
    // The workbench's own account of where the extension runs.
    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Strategy Lint' }).first();
    await row.waitFor({ timeout: 30_000 });
    const where = await row.innerText();
    assert.match(where, /web worker/i, `the Running Extensions view places Strategy Lint in the web worker host:\n${where}`);
    const others = await page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Markdown Language Features' }).first().innerText();
    assert.doesNotMatch(others, /web worker/i, `while the built-in extensions run on the code-server side:\n${others}`);
    await shot('running-extensions');
    await page.keyboard.press('Escape'); // it opens as a modal editor, which Escape closes
    await page.locator('.runtime-extensions-editor').waitFor({ state: 'detached', timeout: 15_000 });
  }, { timeout: 180_000 });

  scenario('w2', 'type-hover-fix', 'typing a buzzword shows the finding; a hover explains it; a quick fix applies', async ({ shot }) => {
    await openLinted(page, 'typing-memo.md', { type: 'Strategy memo' });
    await statusItem(page, 'Strategy memo · 0').waitFor();
    const typed = ' We will leverage partners.';
    const line17 = fixture('clean-memo.md').split('\n')[16];
    await typeAtEndOfLine(page, 17, typed);
    const rows = await waitForProblems(page, (rs) => has(ofFile(rs, 'typing-memo.md'), 'bad-strategy/fluff', 17), 'a bad-strategy/fluff diagnostic on line 17');
    const fluff = ofFile(rows, 'typing-memo.md').find((r) => r.code === 'bad-strategy/fluff');
    const column = line17.length + typed.indexOf('leverage') + 1;
    assert.equal(fluff.col, column, 'the diagnostic starts at the typed "leverage"');
    assert.match(fluff.message, /"leverage" is fluff/);
    await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor();
    await shot('typed');

    await h.goTo(page, 17, column + 2);
    const hoverText = await (await showHover(page, 'Why it matters')).innerText();
    for (const want of ['"leverage" is fluff', 'bad-strategy/fluff', 'How to fix']) assert.ok(words(hoverText).includes(words(want)), `the hover shows "${want}":\n${hoverText}`);
    await shot('hover');
    await page.keyboard.press('Escape');

    const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace "leverage" with "use"' });
    await h.pressUntilVisible(page, 'Control+.', fixRow);
    await shot('quick-fix-menu');
    await fixRow.first().click();
    const fixed = `${line17} We will use partners.`;
    await h.waitFor(async () => (await editorLines(page)).includes(fixed), { what: `line 17 to read "${fixed}"` });
    await waitForProblems(page, (rs) => ofFile(rs, 'typing-memo.md').length === 0, 'no problems once the quick fix applied');
    await statusItem(page, 'Strategy memo · 0').waitFor();
  });

  scenario('w3', 'config-file', 'a .strategy-lint.json in the folder makes bad-strategy/fluff an error; deleting it restores the warning', async ({ shot }) => {
    const configFile = path.join(dirs.workspaceDir, '.strategy-lint.json');
    const mine = (rs) => ofFile(rs, 'config-memo.md');
    const fluffAs = (severity) => (rs) => mine(rs).some((r) => r.code === 'bad-strategy/fluff' && r.line === 15 && r.severity === severity)
      && has(mine(rs), 'kernel/coherent-actions-missing', 8);
    try {
      await openLinted(page, 'config-memo.md', { type: 'Strategy memo' });
      await waitForProblems(page, fluffAs('Warning'), 'bad-strategy/fluff (warning) on line 15 to begin with');
      fs.writeFileSync(configFile, JSON.stringify({ rules: { 'bad-strategy/fluff': 'error' } }, null, 2));
      const rows = await waitForProblems(page, fluffAs('Error'), 'bad-strategy/fluff as an error after {"rules": {"bad-strategy/fluff": "error"}} in .strategy-lint.json',
        { timeoutMs: 60_000 });
      assert.ok(mine(rows).filter((r) => r.code !== 'bad-strategy/fluff').every((r) => r.severity !== 'Error'), `only fluff became an error:\n${formatRows(mine(rows))}`);
      await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor();
      await shot('error');
      fs.rmSync(configFile);
      await waitForProblems(page, fluffAs('Warning'), 'bad-strategy/fluff back to a warning after deleting .strategy-lint.json', { timeoutMs: 60_000 });
    } finally {
      fs.rmSync(configFile, { force: true });
    }
  });

  scenario('w4', 'review', '"Review my strategy" shows its report', async ({ shot }) => {
    const review = JSON.parse(execFileSync(process.execPath, [path.join(repo, 'server/bin/strategy-lint.cjs'), 'review', '-f', 'json',
      '--reference-date', REFERENCE_DATE, path.join(dirs.workspaceDir, 'review-memo.md')], { encoding: 'utf8' }));
    await openLinted(page, 'review-memo.md', { type: 'Strategy memo' });
    await runCommand(page, 'Strategy Lint: Review my strategy');
    await page.locator('.tabs-container .tab', { hasText: `Review: ${review.title}` }).waitFor();
    await page.mouse.move(5, 500);
    const frame = await frameWith(page, (t) => t.includes('strategy review') && t.includes('scores') && t.includes(review.title.toLowerCase()), 'the review report in the webview');
    await frame.locator('#kernel ol.kernel li.step').first().waitFor();
    const overall = (await frame.locator('.ring-inner b').first().innerText()).trim();
    assert.equal(overall, String(review.overall.score), 'the overall score is the CLI\'s');
    const scores = await frame.locator('#scores .score-row').evaluateAll((rows) => rows.map((r) => Number(r.querySelector('.score-value')?.textContent.trim())));
    assert.deepEqual(scores, review.scores.filter((s) => s.applicable).map((s) => s.score), 'the scores are the CLI\'s');
    await shot('report');
  });

  scenario('w5', 'lint-workspace', '"Lint all documents in workspace" lints closed files and leaves out .gitignore\'d ones', async ({ shot }) => {
    await runCommand(page, 'Strategy Lint: Lint all documents in workspace');
    const summary = page.locator(h.SEL.notification, { hasText: /documents? linted/ });
    await summary.first().waitFor({ timeout: 60_000 });
    const message = await summary.first().innerText();
    assert.match(message, /\(1 ignored by \.gitignore\)/, message);
    const rows = await waitForProblems(page, (rs) => has(ofFile(rs, 'closed-memo.md'), 'bad-strategy/fluff', 15), 'findings of notes/closed-memo.md, which was never opened');
    assert.equal(ofFile(rows, 'ignored-memo.md').length, 0, 'build/ is in .gitignore');
    await shot('problems');
  });

  scenario('w6', 'template', '"New document from template…" makes a roadmap, linted as one', async ({ shot }) => {
    // The panel closed, so the whole template fits in the editor (only rendered lines can be read).
    if (await page.locator(h.SEL.problemsPanel).isVisible()) await runCommand(page, 'View: Hide Panel');
    await page.locator(h.SEL.problemsPanel).waitFor({ state: 'hidden' });
    await runCommandAndPick(page, 'Strategy Lint: New document from template', { firstItem: 'Strategy memo', pick: 'Roadmap' });
    await h.waitFor(async () => {
      const lines = await editorLines(page);
      return ['## Now', '## Next', '## Later'].every((heading) => lines.includes(heading));
    },
      { what: 'a roadmap with "## Now", "## Next" and "## Later" in the new editor' });
    await statusItem(page, /Roadmap · \d+/).waitFor({ timeout: 30_000 });
    await shot('roadmap');
  });

  scenario('w7', 'restart', '"Restart server" replaces the server\'s worker, and the new one lints', async ({ shot }) => {
    await openLinted(page, 'restart-memo.md', { type: 'Strategy memo' });
    await statusItem(page, 'Strategy memo · 0').waitFor();
    // The page's web workers (Playwright sees nested ones too): the server's is among them.
    const before = page.workers().map((worker) => worker.url());
    await runCommand(page, 'Strategy Lint: Restart server');
    await page.locator(`${h.SEL.statusBar} .statusbar-item`, { hasText: 'server restarted' }).first().waitFor({ timeout: 30_000 });
    await statusItem(page, 'Strategy memo · 0').waitFor({ timeout: 30_000 });
    await typeAtEndOfLine(page, 17, ' We will leverage partners.');
    await waitForProblems(page, (rs) => has(ofFile(rs, 'restart-memo.md'), 'bad-strategy/fluff', 17), 'the new server to flag the typed "leverage"');
    // A new worker came, the old server's closed itself on exit, and there are no more than before.
    await h.waitFor(() => {
      const now = page.workers().map((worker) => worker.url());
      return now.some((url) => !before.includes(url)) && before.some((url) => !now.includes(url)) && now.length <= before.length;
    }, { what: `the server's worker replaced (before: ${before.length} workers)`, timeoutMs: 15_000 });
    await shot('relinted');
  });

  scenario('w8', 'strategy-map', 'a docs repository: a trace finding relates the other document, and the strategy map draws the folder', async ({ shot }) => {
    // Nested files are not rows of the Explorer until expanded: Quick Open.
    await page.keyboard.press('Control+P');
    await page.locator(h.SEL.quickInputBox).fill('strategy-map/roadmap.md');
    await h.waitFor(async () => (await page.locator(h.SEL.quickInputRow).first().innerText().catch(() => '')).includes('roadmap.md'), { what: 'roadmap.md in Quick Open' });
    await page.keyboard.press('Enter');
    await statusItem(page, /Roadmap · \d+/).waitFor({ timeout: 60_000 });
    // The server in its web worker lists the folder through the client and reads the strategy beside the roadmap.
    await waitForProblems(page, (rs) => has(ofFile(rs, 'roadmap.md'), 'trace/orphan-item', 30), 'trace/orphan-item on line 30 of strategy-map/roadmap.md', { timeoutMs: 60_000 });
    await page.locator(h.SEL.problemsRow, { hasText: /strategy\.md\[Ln 21, Col \d+\]/ }).first().waitFor({ timeout: 15_000 });
    await shot('problems');
    await runCommand(page, 'Strategy Lint: Show strategy map');
    await page.locator('.tabs-container .tab', { hasText: 'Strategy map: strategy-map' }).waitFor({ timeout: 30_000 });
    await page.mouse.move(5, 500);
    const frame = await frameWith(page, (t) => t.includes('guiding policies') && t.includes('as text: what carries out each policy and action'), 'the strategy map in the webview');
    const flagged = await frame.locator('.node[class*="flag-"]').evaluateAll((nodes) => nodes.map((n) => [...n.classList].filter((c) => c.startsWith('flag-')).join(' ')).sort());
    assert.deepEqual(flagged, ['flag-contradiction', 'flag-orphan', 'flag-unplanned'], 'the contradiction, the orphan and the unplanned action are marked');
    await shot('map');
  });
});
