// Strategy Lint in a real VS Code: the packaged .vsix installed into code-server (its own
// temporary user-data and extensions folders), driven from headless Chromium. One code-server
// for all scenarios; the workbench is reset (editors closed, unsaved changes reverted) between
// them and each scenario works on its own copy of a fixture. Every wait polls what the page
// shows, with a timeout. Each scenario saves test-results/e2e/<nn>-<name>.png (also on failure).
//
//   node --test scripts/e2e/vscode.e2e.test.mjs          (E2E_VSIX=<file>, default strategy-lint.vsix)
// Normally run through `npm run test:e2e` (scripts/e2e/run.mjs), which builds the .vsix first.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ensureInstalled, paths } from './env.mjs';
import * as h from './harness.mjs';
import {
  collectLogs, editorLines, fixture, formatRows, frameWith, has, launchWorkbench, ofFile, openLinted, problemRows, REFERENCE_DATE,
  runCommand, runCommandAndPick, SCENARIO_SETTINGS, scenarios, showHover, showHoverAt, statusItem, STRATEGY_FAMILIES, typeAtEndOfLine, waitForProblems, words,
  writeWorkspace, processIds,
} from './lib.mjs';

const repo = paths().repoRoot;
const vsix = path.resolve(repo, process.env.E2E_VSIX || 'strategy-lint.vsix');

/** Workspace file → fixture it starts as. One file per scenario, so scenarios do not interact. */
const WORKSPACE = {
  'weak-memo.md': 'weak-memo.md', // 01, 03, 06
  'typing-memo.md': 'clean-memo.md', // 02
  'fixes-memo.md': 'fixes-memo.md', // 04
  'settings-memo.md': 'weak-memo.md', // 07
  'README.md': 'README.md', // 08
  'crash-memo.md': 'clean-memo.md', // 09
  'docs/plans.md': 'plans-generic.md', // 12
  'roadmap-many.md': 'roadmap-many.md', // 13
  'produktstrategie.md': 'german-memo.md', // 16
};

/** A docs repository (scenario 15): the sample under examples/, copied as a folder of the workspace. */
const DOCS_REPOSITORY = { from: path.join(repo, 'examples', 'strategy-map'), to: 'strategy-map' };

/**
 * A real strategy page from the real-document corpus (scenario 11): other people's writing, so it
 * is read from the ignored cache, byte for byte, and the scenario is skipped when it is absent.
 */
const REAL_STRATEGY = {
  repo: 'sourcegraph/handbook',
  path: 'content/strategy-goals/strategy/cody/index.md',
};

/** The client's notices after a crash, and after too many (client/src/error-handler.ts). */
const RESTARTED = /Strategy Lint's server stopped unexpectedly and was restarted/;
const GAVE_UP = /Strategy Lint's server stopped unexpectedly 6 times in 3 minutes and was not restarted/;

let dirs;
let cs;
let page;
/** The real strategy page's bytes, or null when the corpus cache is absent. */
let realStrategy = null;

/** One scenario: the workbench reset, <nn>-<name>.png of how it ended (lib.mjs scenarios). */
const scenario = scenarios(() => page);

describe('Strategy Lint in VS Code (code-server + Chromium)', () => {
  before(async () => {
    assert.ok(fs.existsSync(vsix), `${vsix} not found: run npm run package, or set E2E_VSIX`);
    await ensureInstalled({ log: (m) => h.log(m) });
    dirs = h.makeTempDirs('sl-e2e-');
    writeWorkspace(dirs.workspaceDir, WORKSPACE);
    fs.cpSync(DOCS_REPOSITORY.from, path.join(dirs.workspaceDir, DOCS_REPOSITORY.to), { recursive: true });
    realStrategy = await cachedRealDocument(REAL_STRATEGY);
    if (realStrategy) {
      fs.mkdirSync(path.dirname(path.join(dirs.workspaceDir, REAL_STRATEGY.path)), { recursive: true });
      fs.writeFileSync(path.join(dirs.workspaceDir, REAL_STRATEGY.path), realStrategy);
    }
    h.writeUserSettings(dirs.userDataDir, SCENARIO_SETTINGS);
    ({ cs, page } = await launchWorkbench(vsix, dirs));
  }, { timeout: 240_000 });

  after(async () => {
    if (dirs) collectLogs({ codeServerLog: cs?.logFile, userDataDir: dirs.userDataDir });
    await h.cleanup();
  }, { timeout: 60_000 });

  scenario('01', 'weak-memo-problems', 'weak memo: the Problems panel lists the expected rule ids at the expected lines', async () => {
    // First Markdown file: activates the extension and starts the server.
    await openLinted(page, 'weak-memo.md', { type: 'Strategy memo', timeoutMs: 90_000 });
    const expected = [
      ['kernel/coherent-actions-missing', 8], // on the title: the memo has no actions section
      ['bad-strategy/fluff', 15], // "leverage spreadsheets …"
      ['outcomes/output-as-outcome', 24], // "KR2: Launch the new analytics dashboard"
    ];
    const rows = await waitForProblems(page, (rs) => expected.every(([code, line]) => has(ofFile(rs, 'weak-memo.md'), code, line)),
      `weak-memo.md to show ${expected.map(([c, l]) => `${c} at line ${l}`).join(', ')}`);
    const mine = ofFile(rows, 'weak-memo.md');
    for (const r of mine) {
      assert.equal(r.source, 'strategy-lint', `every row comes from strategy-lint:\n${formatRows(mine)}`);
      assert.match(r.code, /^[a-z-]+\/[a-z-]+$/, `rule ids are family/name:\n${formatRows(mine)}`);
    }
    const fluff = mine.find((r) => r.code === 'bad-strategy/fluff');
    assert.equal(fluff.col, 1, 'the fluff finding starts at "leverage" (column 1)');
    assert.match(fluff.message, /"leverage" is fluff/);
    assert.equal(fluff.severity, 'Warning');
    // Exactly what the engine reports for this text (the CLI, same rules): nothing lost or invented.
    assert.deepEqual(mine.map((r) => `${r.line}:${r.col} ${r.code}`).sort(), cliFindings('weak-memo.md').sort(),
      `the Problems panel matches the CLI's findings:\n${formatRows(mine)}`);
    await statusItem(page, `Strategy memo · ${mine.length}`).waitFor();
  }, { timeout: 180_000 });

  scenario('02', 'type-buzzword', 'typing "leverage" into a clean memo adds a fluff diagnostic; deleting it removes it', async ({ shot }) => {
    await openLinted(page, 'typing-memo.md', { type: 'Strategy memo' });
    await statusItem(page, 'Strategy memo · 0').waitFor();
    await waitForProblems(page, (rs) => ofFile(rs, 'typing-memo.md').length === 0, 'typing-memo.md to start without problems');
    const typed = ' We will leverage partners.';
    const line17 = fixture('clean-memo.md').split('\n')[16];
    await typeAtEndOfLine(page, 17, typed);
    await h.waitFor(async () => (await editorLines(page)).includes(line17 + typed), { what: 'the typed sentence on line 17' });
    const rows = await waitForProblems(page, (rs) => has(ofFile(rs, 'typing-memo.md'), 'bad-strategy/fluff', 17),
      'a bad-strategy/fluff diagnostic on line 17');
    const fluff = ofFile(rows, 'typing-memo.md').find((r) => r.code === 'bad-strategy/fluff');
    assert.equal(fluff.col, line17.length + typed.indexOf('leverage') + 1, 'the diagnostic starts at the typed "leverage"');
    assert.match(fluff.message, /"leverage" is fluff/);
    assert.equal(ofFile(rows, 'typing-memo.md').length, 1, `only the new finding:\n${formatRows(ofFile(rows, 'typing-memo.md'))}`);
    await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor();
    await shot('typed');
    for (let i = 0; i < typed.length; i++) await page.keyboard.press('Backspace');
    await h.waitFor(async () => (await editorLines(page)).includes(line17), { what: 'line 17 back to its original text' });
    await waitForProblems(page, (rs) => ofFile(rs, 'typing-memo.md').length === 0, 'the fluff diagnostic to go after deleting the sentence');
    await statusItem(page, 'Strategy memo · 0').waitFor();
  });

  scenario('03', 'hover', 'hovering a flagged word shows the rule\'s explanation', async () => {
    const { rulesById } = await import(pathToFileURL(path.join(repo, 'server/dist/src/engine/index.js')).href);
    const { firstSentences } = await import(pathToFileURL(path.join(repo, 'server/dist/src/lsp/hover.js')).href);
    const meta = rulesById.get('bad-strategy/fluff').meta;
    await openLinted(page, 'weak-memo.md', { type: 'Strategy memo' });
    await waitForProblems(page, (rs) => has(ofFile(rs, 'weak-memo.md'), 'bad-strategy/fluff', 15), 'the fluff diagnostic on line 15');
    await page.locator(h.SEL.editorLines).first().click();
    await h.goTo(page, 15, 3); // inside "leverage"
    const text = await (await showHover(page, 'Why it matters')).innerText();
    const got = words(text);
    for (const [what, want] of [
      ['the diagnostic message', '"leverage" is fluff'],
      ['the rule id', 'bad-strategy/fluff'],
      ["the rule's description", meta.description],
      ["the rule's rationale (first sentence)", firstSentences(meta.rationale)],
      ['how to fix', 'How to fix'],
    ]) {
      assert.ok(got.includes(words(want)), `the hover shows ${what}: "${want}"\n  hover text:\n${text}`);
    }
  });

  scenario('14', 'rule-page', 'the hover\'s "docs" link and "Open documentation" open the rule\'s page bundled in the extension', async ({ shot }) => {
    const { rulesById } = await import(pathToFileURL(path.join(repo, 'server/dist/src/engine/index.js')).href);
    const meta = rulesById.get('bad-strategy/fluff').meta;
    const pagesBefore = page.context().pages().length;
    await openLinted(page, 'weak-memo.md', { type: 'Strategy memo' });
    await waitForProblems(page, (rs) => has(ofFile(rs, 'weak-memo.md'), 'bad-strategy/fluff', 15), 'the fluff diagnostic on line 15');
    const hover = await showHoverAt(page, 15, 3, 'Why it matters');
    await shot('hover');
    await hover.locator('a', { hasText: /^docs$/ }).first().click();
    await page.keyboard.press('Escape'); // the hover stays open after a click (it was shown from the keyboard)
    // The bundled docs/rules/bad-strategy/fluff.md in the Markdown preview, beside the memo.
    const preview = await frameWith(page, (t) => t.includes('bad-strategy/fluff') && t.includes('why it matters') && t.includes('how to fix') && t.includes(words(meta.description).split(' ').slice(0, 6).join(' ')),
      'the rule page in the Markdown preview', { timeoutMs: 30_000 });
    const previewText = (await preview.evaluate(() => document.body.innerText)).toLowerCase();
    assert.ok(previewText.includes('“revisiting ‘good strategy bad strategy’”, a post on alexis’s leadership blog'), `the page names its source in words:\n${previewText.slice(0, 1500)}`);
    await page.locator('.tabs-container .tab', { hasText: 'Preview fluff.md' }).waitFor();
    assert.equal(page.context().pages().length, pagesBefore, 'nothing opened outside the editor (no web page)');
    await shot('preview');
    // Close the preview (its tab made active first); the memo stays.
    await page.locator('.tabs-container .tab', { hasText: 'Preview fluff.md' }).click();
    await runCommand(page, 'View: Revert and Close Editor');
    await page.locator('.tabs-container .tab', { hasText: 'Preview fluff.md' }).waitFor({ state: 'detached' });

    // The "Open documentation" code action opens the same page.
    await page.locator(h.SEL.editorLines).first().click();
    await h.goTo(page, 15, 3);
    await h.quickFix(page, 'Open documentation for bad-strategy/fluff');
    await page.locator('.tabs-container .tab', { hasText: 'Preview fluff.md' }).waitFor({ timeout: 30_000 });
    await frameWith(page, (t) => t.includes('bad-strategy/fluff') && t.includes('why it matters'), 'the rule page again, from the code action');
  });

  scenario('04', 'quick-fix-and-fix-all', 'a quick fix and "Fix all" change the text and the diagnostics follow', async ({ shot }) => {
    const file = path.join(dirs.workspaceDir, 'fixes-memo.md');
    const original = fixture('fixes-memo.md');
    const line23 = 'We will leverage a world-class support team and utilize partners.';
    assert.equal(original.split('\n')[22], line23, 'fixture: line 23');
    await openLinted(page, 'fixes-memo.md', { type: 'Strategy memo' });
    await waitForProblems(page, (rs) => ['leverage', 'world-class', 'utilize'].every((w) => ofFile(rs, 'fixes-memo.md').some((r) => r.line === 23 && r.message?.includes(`"${w}"`))),
      'fluff diagnostics on "leverage", "world-class" and "utilize" (line 23)');

    // Quick fix on "leverage".
    await page.locator(h.SEL.editorLines).first().click();
    await h.goTo(page, 23, 11);
    const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace "leverage" with "use"' });
    await h.pressUntilVisible(page, 'Control+.', fixRow);
    const menu = await page.locator('.action-widget:visible .monaco-list-row').allInnerTexts();
    await shot('quick-fix-menu');
    await fixRow.first().click();
    for (const title of ['Replace "leverage" with "use"', 'Disable bad-strategy/fluff for this line', 'Disable bad-strategy/fluff for this file']) {
      assert.ok(menu.some((t) => t.includes(title)), `the quick fix menu offers "${title}": ${JSON.stringify(menu)}`);
    }
    const afterQuickFix = 'We will use a world-class support team and utilize partners.';
    await h.waitFor(async () => (await editorLines(page)).includes(afterQuickFix), { what: `line 23 to read "${afterQuickFix}"` });
    await waitForProblems(page, (rs) => {
      const mine = ofFile(rs, 'fixes-memo.md');
      return !mine.some((r) => r.message?.includes('"leverage"')) && mine.some((r) => r.message?.includes('"world-class"'));
    }, 'the "leverage" diagnostic to go (and "world-class" to stay)');
    await shot('quick-fix');

    // Fix all: Source Action… → "Fix all auto-fixable Strategy Lint problems (n)" (source.fixAll.strategyLint).
    await runCommand(page, 'Source Action...');
    const fixAll = page.locator('.action-widget .monaco-list-row', { hasText: 'Fix all auto-fixable Strategy Lint problems' });
    await fixAll.first().waitFor({ timeout: 15_000 });
    await shot('source-action-menu');
    await fixAll.first().click();
    const fixedLine = 'We will use a support team and use partners.';
    await h.waitFor(async () => (await editorLines(page)).includes(fixedLine), { what: `line 23 to read "${fixedLine}"` });
    await page.keyboard.press('Control+S');
    await page.locator(`${h.SEL.activeTab}.dirty`).waitFor({ state: 'detached' });
    const expected = original.replace(line23, fixedLine);
    await h.waitFor(() => fs.readFileSync(file, 'utf8') === expected, { what: 'fixes-memo.md on disk to hold the fixed text', timeoutMs: 10_000 })
      .catch((err) => {
        err.message += `\n  on disk line 23: ${JSON.stringify(fs.readFileSync(file, 'utf8').split('\n')[22])}`;
        throw err;
      });
    await waitForProblems(page, (rs) => ofFile(rs, 'fixes-memo.md').length === 0, 'no problems left in fixes-memo.md');
    await statusItem(page, 'Strategy memo · 0').waitFor();
  });

  scenario('05', 'templates', '"New document from template…" creates a roadmap and a release note with their sections', async ({ shot }) => {
    // The panel closed, so the whole template fits in the editor (only rendered lines can be read).
    if (await page.locator(h.SEL.problemsPanel).isVisible()) await runCommand(page, 'View: Hide Panel');
    await page.locator(h.SEL.problemsPanel).waitFor({ state: 'hidden' });
    // Roadmap: Now / Next / Later.
    await runCommandAndPick(page, 'Strategy Lint: New document from template', { firstItem: 'Strategy memo', pick: 'Roadmap' });
    await page.locator(h.SEL.activeTab, { hasText: /Untitled-\d+/ }).waitFor();
    const roadmap = await h.waitFor(async () => {
      const lines = await editorLines(page);
      return ['## Now', '## Next', '## Later'].every((s) => lines.includes(s)) ? lines : null;
    }, { what: 'a roadmap with "## Now", "## Next" and "## Later" in the new editor' });
    const order = ['## Now', '## Next', '## Later'].map((s) => roadmap.indexOf(s));
    assert.deepEqual([...order].sort((a, b) => a - b), order, `Now, Next, Later in that order:\n${roadmap.join('\n')}`);
    assert.ok(roadmap.some((l) => /^# .+ roadmap$/.test(l)), `a "# … roadmap" title:\n${roadmap.join('\n')}`);
    assert.ok(roadmap.includes('  type: roadmap'), 'front matter declares the roadmap type');
    await statusItem(page, /Roadmap · \d+/).waitFor(); // linted as a roadmap
    await shot('roadmap');

    // Release note: a "## <version> — <date>" heading.
    await runCommandAndPick(page, 'Strategy Lint: New document from template', { firstItem: 'Strategy memo', pick: 'Release note' });
    const release = await h.waitFor(async () => {
      const lines = await editorLines(page);
      return lines.some((l) => /^## .+ — \d{4}-\d{2}-\d{2}$/.test(l)) ? lines : null;
    }, { what: 'a release note with a "## <version> — <YYYY-MM-DD>" heading' });
    const heading = release.find((l) => /^## .+ — \d{4}-\d{2}-\d{2}$/.test(l));
    const [, version, date] = /^## (.+) — (\d{4}-\d{2}-\d{2})$/.exec(heading);
    assert.match(version, /\d+\.\d+\.\d+/, `the heading has a version placeholder: ${heading}`);
    const days = Math.abs(Date.parse(`${date}T12:00:00`) - Date.now()) / 86_400_000;
    assert.ok(days < 1.5, `the heading's date is today (snippet $CURRENT_DATE): ${heading}`);
    assert.ok(release.includes('  type: release-notes'), 'front matter declares the release-notes type');
    await statusItem(page, /Release notes · \d+/).waitFor();
    assert.equal(await page.locator('.tabs-container .tab', { hasText: /Untitled-\d+/ }).count(), 2, 'two new untitled documents');
  });

  scenario('06', 'review', '"Review my strategy" opens the report with the kernel map and scores', async ({ shot }) => {
    const review = JSON.parse(execFileSync(process.execPath, [path.join(repo, 'server/bin/strategy-lint.cjs'), 'review', '-f', 'json',
      '--reference-date', REFERENCE_DATE, path.join(dirs.workspaceDir, 'weak-memo.md')], { encoding: 'utf8' }));
    await openLinted(page, 'weak-memo.md', { type: 'Strategy memo' });
    await runCommand(page, 'Strategy Lint: Review my strategy');
    await page.locator('.tabs-container .tab', { hasText: `Review: ${review.title}` }).waitFor();
    await page.mouse.move(5, 500); // no hover over the report
    // The report is in the webview's nested iframe, not in the workbench page.
    const frame = await frameWith(page, (t) => t.includes('strategy review') && t.includes('scores') && t.includes(review.title.toLowerCase()), 'the review report in the webview');
    await frame.locator('#kernel ol.kernel li.step').first().waitFor();
    const steps = await frame.locator('#kernel ol.kernel li.step').evaluateAll((lis) => lis.map((li) => ({
      label: li.querySelector('h3')?.firstChild?.textContent.trim(),
      status: [...li.classList].find((c) => c.startsWith('status-'))?.slice(7),
    })));
    const required = review.kernel.sections.filter((s) => s.expectation === 'required').map((s) => ({ label: s.label, status: s.status }));
    assert.deepEqual(steps, required, 'the kernel map shows each required section with its status');
    assert.deepEqual(steps.map((s) => s.label), ['Diagnosis', 'Guiding policy', 'Coherent actions']);
    assert.equal(steps.find((s) => s.label === 'Coherent actions').status, 'missing');
    const scores = await frame.locator('#scores .score-row').evaluateAll((rows) => rows.map((r) => ({
      label: r.querySelector('.score-label strong')?.textContent.trim(),
      score: Number(r.querySelector('.score-value')?.textContent.trim()),
    })));
    const want = review.scores.filter((s) => s.applicable).map((s) => ({ label: s.label, score: s.score }));
    assert.deepEqual(scores, want, 'the scores match the engine\'s review');
    const overall = (await frame.locator('.ring-inner b').first().innerText()).trim();
    assert.equal(overall, String(review.overall.score), 'the overall score');
    await shot('kernel');
    await frame.locator('#scores').scrollIntoViewIfNeeded();
  });

  scenario('07', 'settings-and-config', 'turning bad-strategy/fluff off in settings and in .strategy-lint.json: the diagnostics follow', async ({ shot }) => {
    const vscodeDir = path.join(dirs.workspaceDir, '.vscode');
    const settingsFile = path.join(vscodeDir, 'settings.json');
    const configFile = path.join(dirs.workspaceDir, '.strategy-lint.json');
    const mine = (rs) => ofFile(rs, 'settings-memo.md');
    const fluffOn = (severity) => (rs) => mine(rs).some((r) => r.code === 'bad-strategy/fluff' && r.line === 15 && r.severity === severity)
      && has(mine(rs), 'kernel/coherent-actions-missing', 8);
    const fluffOff = (rs) => !mine(rs).some((r) => r.code === 'bad-strategy/fluff') && has(mine(rs), 'kernel/coherent-actions-missing', 8);
    try {
      await openLinted(page, 'settings-memo.md', { type: 'Strategy memo' });
      await waitForProblems(page, fluffOn('Warning'), 'bad-strategy/fluff (warning) on line 15 to begin with');

      // Workspace setting.
      fs.mkdirSync(vscodeDir, { recursive: true });
      fs.writeFileSync(settingsFile, JSON.stringify({ 'strategyLint.rules': { 'bad-strategy/fluff': 'off' } }, null, 2));
      await waitForProblems(page, fluffOff, 'bad-strategy/fluff to go after "strategyLint.rules": {"bad-strategy/fluff": "off"} in .vscode/settings.json');
      await shot('setting-off');
      fs.writeFileSync(settingsFile, '{}\n');
      await waitForProblems(page, fluffOn('Warning'), 'bad-strategy/fluff to come back after removing the setting');

      // Config file: off, then on as an error, then removed.
      fs.writeFileSync(configFile, JSON.stringify({ rules: { 'bad-strategy/fluff': 'off' } }, null, 2));
      await waitForProblems(page, fluffOff, 'bad-strategy/fluff to go after {"rules": {"bad-strategy/fluff": "off"}} in .strategy-lint.json');
      await shot('config-off');
      fs.writeFileSync(configFile, JSON.stringify({ rules: { 'bad-strategy/fluff': 'error' } }, null, 2));
      await waitForProblems(page, fluffOn('Error'), 'bad-strategy/fluff to come back as an error after setting it to "error" in .strategy-lint.json');
      await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor();
      await shot('config-error');
      fs.rmSync(configFile);
      await waitForProblems(page, fluffOn('Warning'), 'bad-strategy/fluff back to a warning after deleting .strategy-lint.json');
    } finally {
      fs.rmSync(configFile, { force: true });
      fs.rmSync(vscodeDir, { recursive: true, force: true });
    }
  });

  scenario('08', 'readme-generic', 'a README (generic document) gets no strategy findings', async () => {
    const text = fixture('README.md');
    assert.match(text, /leverage|world-class/, 'fixture: the README uses words a strategy memo would be flagged for');
    await openLinted(page, 'README.md', { type: 'General document' });
    await statusItem(page, 'General document · 0').waitFor();
    const rows = await problemRows(page);
    const strategy = ofFile(rows, 'README.md').filter((r) => STRATEGY_FAMILIES.test(r.code ?? ''));
    assert.deepEqual(strategy, [], `no kernel/bad-strategy/outcomes findings on README.md:\n${formatRows(ofFile(rows, 'README.md'))}`);
    assert.deepEqual(ofFile(rows, 'README.md'), [], `no findings at all on README.md:\n${formatRows(ofFile(rows, 'README.md'))}`);
  });

  scenario('11', 'real-strategy-type', 'a real strategy page shows its type and why in the status bar', async ({ shot }, t) => {
    if (!realStrategy) {
      t.skip('the real-document cache (.cache/real-documents) has no copy of the page: run the corpus collection first');
      return;
    }
    await quickOpen(page, REAL_STRATEGY.path);
    const item = statusItem(page, /Strategy memo · \d+/);
    await item.waitFor({ timeout: 60_000 });
    await item.hover();
    const tooltip = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Type:' }).first();
    await tooltip.waitFor({ timeout: 15_000 });
    const text = await tooltip.innerText();
    assert.match(text, /Strategy Lint — Strategy memo/);
    assert.match(text, /Type: .*folder strategy\/.*title “Cody strategy”.*\(inferred\)/s, `the tooltip says why:\n${text}`);
    assert.match(text, /Set document type…/);
    await shot('tooltip');
  });

  scenario('12', 'set-type', 'a generic page that looks like a roadmap is offered the type; the menu writes it to front matter', async ({ shot }) => {
    await quickOpen(page, 'docs/plans.md');
    const item = statusItem(page, 'General document? · 0');
    await item.waitFor({ timeout: 60_000 });
    await item.hover();
    const tooltip = page.locator('.monaco-hover, .workbench-hover', { hasText: 'It may be' }).first();
    await tooltip.waitFor({ timeout: 15_000 });
    assert.match(await tooltip.innerText(), /It may be a roadmap \(title “Roadmap”\): only the prose rules ran\./);
    await shot('tooltip');
    await page.keyboard.press('Escape');
    await runCommandAndPick(page, 'Strategy Lint: Set document type…', { firstItem: 'Strategy memo', pick: 'Roadmap' });
    await statusItem(page, /^\s*\S*\s*Roadmap · \d+/).waitFor({ timeout: 30_000 });
    await h.waitFor(async () => (await editorLines(page)).slice(0, 4).join('\n').includes('type: roadmap'), { what: 'the type in the front matter' });
    assert.deepEqual((await editorLines(page)).slice(0, 5).map((l) => l.replace(/\u00a0/g, ' ')), ['---', 'owner: ana', 'strategy-lint:', '  type: roadmap', '---']);
  });

  scenario('13', 'roadmap-item-hints', 'a summarised roadmap finding points at every item, and each item carries a hint', async ({ shot }) => {
    await openLinted(page, 'roadmap-many.md', { type: 'Roadmap' });
    const rows = await waitForProblems(page, (rs) => has(ofFile(rs, 'roadmap-many.md'), 'roadmap/no-outcome', 6),
      'the no-outcome summary on the title of roadmap-many.md');
    const summary = ofFile(rows, 'roadmap-many.md').find((r) => r.code === 'roadmap/no-outcome');
    assert.match(summary.message, /7 of 7 roadmap items name no outcome/);
    // The related places are listed under the summary in the Problems panel; hints are not Problems rows.
    const related = await page.locator(h.SEL.problemsRow, { hasText: /roadmap-many\.md\(1[3-9]|2[0-5], \d+\)|Ln 1[3-9]|Ln 2[0-5]/ }).count();
    assert.ok(related >= 1, 'related information rows under the summary');
    assert.ok(!ofFile(rows, 'roadmap-many.md').some((r) => r.severity === 'Hint'), 'item hints stay out of the Problems panel');
    await shot('problems');
    await page.locator(h.SEL.editorLines).first().click();
    await h.goTo(page, 13, 5);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator(h.SEL.hover, { hasText: 'roadmap/no-outcome' }).first();
    await hover.waitFor({ timeout: 15_000 });
    assert.match(await hover.innerText(), /Offline drafts for inspection forms.*names no outcome/s);
    await shot('hint-hover');
  });

  scenario('16', 'german-memo', 'a German strategy memo: its kernel is found under German headings, the lens and the review use its own section names', async ({ shot }) => {
    await openLinted(page, 'produktstrategie.md', { type: 'Strategy memo' });
    await page.locator('.codelens-decoration', { hasText: 'Diagnose ✓ · Leitlinie ✓ · Maßnahmen ✓' }).first().waitFor({ timeout: 30_000 });
    const rows = ofFile(await problemRows(page), 'produktstrategie.md');
    // No English word list judged the German prose, and no kernel section was missed: one note says which checks ran.
    assert.deepEqual(rows.map((r) => r.code?.replace(/\(.*$/, '').trim()), ['strategy-lint/language-checks'], `only the language note on the German memo:\n${formatRows(rows)}`);
    assert.match(rows[0].message, /This document is in German/);
    await shot('lens-and-problems');
    await runCommand(page, 'Strategy Lint: Review my strategy');
    await page.locator('.tabs-container .tab', { hasText: 'Review: Produktstrategie 2027' }).waitFor();
    await page.mouse.move(5, 500);
    const frame = await frameWith(page, (t) => t.includes('produktstrategie 2027') && t.includes('scores'), 'the review report of the German memo');
    await frame.locator('#kernel ol.kernel li.step').first().waitFor();
    const steps = await frame.locator('#kernel ol.kernel li.step').evaluateAll((lis) => lis.map((li) => [
      li.querySelector('h3')?.firstChild?.textContent.trim(), [...li.classList].find((c) => c.startsWith('status-'))?.slice(7)]));
    assert.deepEqual(steps, [['Diagnose', 'present'], ['Leitlinie', 'present'], ['Maßnahmen', 'present']], 'the kernel map in German, every step present');
    await shot('review');
  });

  scenario('15', 'strategy-map', 'a docs repository: a trace finding relates the other document, and the strategy map shows the graph', async ({ shot }) => {
    await quickOpen(page, 'strategy-map/roadmap.md');
    await statusItem(page, /Roadmap · \d+/).waitFor({ timeout: 60_000 });
    // The folder is read after the first lint; the roadmap's diagnostics are published again with its trace findings.
    const rows = await waitForProblems(page, (rs) => has(ofFile(rs, 'roadmap.md'), 'trace/orphan-item', 30),
      'trace/orphan-item on line 30 of strategy-map/roadmap.md', { timeoutMs: 60_000 });
    const orphan = ofFile(rows, 'roadmap.md').find((r) => r.code === 'trace/orphan-item');
    assert.equal(orphan.severity, 'Info');
    assert.match(orphan.message, /traces to no guiding policy, coherent action or objective of strategy-map\/strategy\.md or strategy-map\/okrs\.md/);
    // Its related place is in the other document: the strategy's guiding-policy heading (line 21).
    const related = page.locator(h.SEL.problemsRow, { hasText: /strategy\.md\[Ln 21, Col \d+\]/ }).first();
    await related.waitFor({ timeout: 15_000 });
    assert.match(await related.innerText(), /what it could serve: Fernhill strategy 2027/);
    await shot('problems');
    await related.click();
    await page.locator(h.SEL.activeTab, { hasText: /^\s*strategy\.md/ }).waitFor();
    await statusItem(page, /Ln 21, Col \d+/).waitFor({ timeout: 15_000 });
    await shot('related-opened');

    // The OKR set, opened: its key result that pursues what P1 rules out, related to P1's line.
    await quickOpen(page, 'strategy-map/okrs.md');
    const okrRows = await waitForProblems(page, (rs) => has(ofFile(rs, 'okrs.md'), 'trace/contradicts-policy', 18),
      'trace/contradicts-policy on line 18 of strategy-map/okrs.md', { timeoutMs: 30_000 });
    assert.match(ofFile(okrRows, 'okrs.md').find((r) => r.code === 'trace/contradicts-policy').message, /P1 “Owner-operated firms first, not enterprise” .* rules out “enterprise”/);
    const policyRow = page.locator(h.SEL.problemsRow, { hasText: /strategy\.md\[Ln 23, Col \d+\]/ }).first();
    await policyRow.waitFor({ timeout: 15_000 });
    assert.match(await policyRow.innerText(), /P1 rules out “enterprise”/);
    // With the roadmap, the strategy and the OKR set open, the Problems panel lists exactly the
    // three planted findings of the docs repository, and nothing else in its documents.
    const opened = ['okrs.md', 'roadmap.md', 'strategy.md'];
    const findingsOf = (rs) => rs.filter((r) => r.code && opened.includes(r.file)).map((r) => `${r.file}:${r.line} ${r.code}`).sort();
    const planted = ['okrs.md:18 trace/contradicts-policy', 'roadmap.md:30 trace/orphan-item', 'strategy.md:37 trace/unplanned-action'];
    const all = await waitForProblems(page, (rs) => findingsOf(rs).length >= planted.length, 'the three planted findings in the Problems panel', { timeoutMs: 30_000 });
    assert.deepEqual(findingsOf(all), planted);
    await shot('contradiction');

    await runCommand(page, 'Strategy Lint: Show strategy map');
    const mapTab = page.locator('.tabs-container .tab', { hasText: 'Strategy map: strategy-map' });
    await mapTab.waitFor({ timeout: 30_000 });
    // The map opens beside the editor without taking focus: focus its group, then give it the window.
    await mapTab.click();
    // The webview takes the focus a moment after the click, and a palette opened before that closes
    // again: wait for it to hold the focus, and try again if the palette closed under the command.
    await page.waitForFunction(() => document.activeElement?.tagName === 'IFRAME', null, { timeout: 10_000 }).catch(() => {});
    await runCommand(page, 'View: Toggle Maximize Editor Group').catch(async (err) => {
      h.log(`the palette closed under "View: Toggle Maximize Editor Group" (${err.message.split('\n')[0]}); trying again`);
      await page.keyboard.press('Escape');
      await runCommand(page, 'View: Toggle Maximize Editor Group');
    });
    // The whole window for the map: the Problems panel reopens when a later step reads it, and
    // the side bar comes back at the end (finally), for the scenarios after this one.
    await runCommand(page, 'View: Hide Panel');
    await runCommand(page, 'View: Close Primary Side Bar');
    let frame;
    try {
      await page.mouse.move(5, 500);
      frame = await frameWith(page, (t) => t.includes('guiding policies') && t.includes('as text: what carries out each policy and action'), 'the strategy map in the webview');
      await frame.locator('#edges path').first().waitFor({ state: 'attached' });
      const flagged = await frame.locator('.node[class*="flag-"]').evaluateAll((nodes) => nodes.map((n) => `${n.querySelector('.title').textContent.slice(0, 16)}|${[...n.classList].filter((c) => c.startsWith('flag-')).join(' ')}`));
      assert.deepEqual(flagged.sort(), ['Close five enter|flag-contradiction', 'Rewrite the in-a|flag-orphan', 'Supplier price c|flag-unplanned'],
        'the contradiction, the orphan and the unplanned action are marked');
      const docs = await frame.locator('.node').evaluateAll((nodes) => [...new Set(nodes.map((n) => n.getAttribute('data-doc')))].sort());
      assert.deepEqual(docs, ['RELEASE_NOTES.md', 'decisions/0001-offline-first-technician-app.md', 'okrs.md', 'roadmap.md', 'strategy.md'].map((d) => `strategy-map/${d}`),
        'the map of the roadmap\'s docs repository: the folder its strategy lives in');
      const columns = await frame.locator('.column h2').allInnerTexts();
      assert.deepEqual(columns.map((c) => c.toLowerCase().replace(/\s+\d+$/, '')), ['diagnosis', 'guiding policies', 'actions and decisions', 'objectives and key results', 'roadmap items', 'releases']);
      assert.ok(await frame.locator('#edges path').count() >= 10, 'the links are drawn');
      assert.equal(await frame.locator('#edges path.conflict').count(), 1, 'one conflict: P1 and the key result that pursues what it rules out');
      const chips = (await frame.locator('.chips').innerText()).replace(/\s+/g, ' ');
      assert.match(chips, /1 pursue what a policy rules out 1 traced to nothing 1 actions planned nowhere 0 broken links 0 older than the strategy/);
      await shot('map');

      // Keyboard: ↓ moves within a column, → follows a link to the next layer; Enter opens the item's line.
      await frame.locator('.node.kind-policy').first().focus();
      await page.keyboard.press('ArrowDown');
      assert.match(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), /^Guiding policy: P2 Dispatch on the first day/);
      await page.keyboard.press('ArrowRight');
      const right = await frame.evaluate(() => ({ layer: document.activeElement?.getAttribute('data-layer'), label: document.activeElement?.getAttribute('aria-label') }));
      assert.ok(Number(right.layer) > 1, `→ from P2 follows a link to a later layer (${right.label})`);
      assert.match(right.label, /^Action: A2 Guided dispatch setup/, '→ from P2 reaches the action linked to it (a likely match) in the next layer');
      await page.keyboard.press('ArrowRight');
      const further = await frame.evaluate(() => ({ layer: document.activeElement?.getAttribute('data-layer'), label: document.activeElement?.getAttribute('aria-label') }));
      assert.equal(further.layer, '5', `→ from A2 skips the layers it has no link in (${further.label})`);
      assert.match(further.label, /^Release · 2027\.1: Guided dispatch setup/, '→ from A2 reaches the release that carries it out');
      await shot('keyboard');
      await frame.locator('.node.flag-orphan').focus();
      await shot('orphan-focused');
    } finally {
      if (!(await page.locator('.part.sidebar').isVisible())) await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    }
    await runCommand(page, 'View: Toggle Maximize Editor Group');
    await frame.locator('.node.flag-orphan').focus();
    await page.keyboard.press('Enter');
    await page.locator(h.SEL.activeTab, { hasText: /^\s*roadmap\.md/ }).waitFor({ timeout: 15_000 });
    await statusItem(page, /Ln 30, Col \d+/).waitFor({ timeout: 15_000 });
  });

  scenario('09', 'server-crash', 'a killed server is restarted, linting goes on, and the user is told once', async ({ shot }) => {
    await openLinted(page, 'crash-memo.md', { type: 'Strategy memo' });
    await statusItem(page, 'Strategy memo · 0').waitFor();
    const first = serverPids();
    assert.equal(first.length, 1, `one language server process for the workspace (found ${first.length})`);

    // A crash: the server dies without a word (SIGKILL, as the OOM killer would).
    process.kill(first[0], 'SIGKILL');
    const notice = page.locator(h.SEL.notification, { hasText: RESTARTED });
    await notice.first().waitFor({ timeout: 30_000 });
    const second = await h.waitFor(() => replacementOf(first[0]), { timeoutMs: 30_000, what: 'a new server process after the crash' });
    await shot('notice');
    // The new server lints the open document by itself (the client re-opens it), before any edit.
    await statusItem(page, 'Strategy memo · 0').waitFor({ timeout: 30_000 });

    // The restarted server lints: typing a buzzword brings its diagnostic.
    const line17 = fixture('clean-memo.md').split('\n')[16];
    const typed = ' We will leverage partners.';
    await typeAtEndOfLine(page, 17, typed);
    await waitForProblems(page, (rs) => has(ofFile(rs, 'crash-memo.md'), 'bad-strategy/fluff', 17),
      'the restarted server to flag the typed "leverage" on line 17');

    // A second crash: restarted again, but no second notice.
    await runCommand(page, 'Notifications: Clear All Notifications');
    await h.waitFor(async () => (await page.locator(h.SEL.notification).count()) === 0, { what: 'the notifications to clear' });
    process.kill(second, 'SIGKILL');
    await h.waitFor(() => replacementOf(second), { timeoutMs: 30_000, what: 'a third server process after the second crash' });
    await page.keyboard.type(' And synergies.', { delay: 20 });
    await waitForProblems(page, (rs) => ofFile(rs, 'crash-memo.md').filter((r) => r.code === 'bad-strategy/fluff' && r.line === 17).length === 2,
      'the third server to flag the typed "synergies" too');
    assert.equal(await notice.count(), 0, 'the crash notice is shown once per session, not on every restart');
    assert.equal(await page.locator('.notifications-center .notification-list-item', { hasText: RESTARTED }).count(), 0,
      'nor is it queued in the notification center');
  });

  scenario('10', 'crash-loop', 'a server that keeps crashing is given up on with an error; "Restart server" brings it back', async ({ shot }) => {
    await openLinted(page, 'crash-memo.md', { type: 'Strategy memo' });
    await statusItem(page, 'Strategy memo · 0').waitFor();
    // Scenario 09 crashed it twice already; crash it until the client gives up (6 crashes in 3 minutes).
    const gaveUp = page.locator(h.SEL.notification, { hasText: GAVE_UP });
    let kills = 0;
    while (!(await gaveUp.count())) {
      assert.ok(kills < 6, 'the client gave up within 6 crashes');
      const [pid] = serverPids();
      assert.ok(pid, 'a running server to crash');
      await watchStatusReset(page, 'Strategy memo · 0');
      process.kill(pid, 'SIGKILL');
      kills++;
      // The status bar still shows the killed server's "· 0" for a moment (the workbench draws what
      // the extension host sends, later): only a "· 0" drawn after it was reset is the new server's.
      // Killing on the old one's would kill the new server while it initializes.
      await h.waitFor(async () => (await gaveUp.count()) > 0 || (replacementOf(pid) !== null && await statusWasReset(page)
        && await statusItem(page, 'Strategy memo · 0').count() > 0), { timeoutMs: 30_000, what: `crash ${kills}: a restarted server that linted, or the client giving up` });
    }
    await shot('gave-up');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.deepEqual(serverPids(), [], 'after giving up, no server is started again');
    assert.equal(await page.locator(h.SEL.notification, { hasText: RESTARTED }).count(), 0, 'no "was restarted" notice: the user was told once, in 09');

    await gaveUp.first().locator('.monaco-button', { hasText: 'Restart server' }).click();
    await h.waitFor(() => serverPids().length === 1, { timeoutMs: 30_000, what: 'the server to start again after "Restart server"' });
    await statusItem(page, 'Strategy memo · 0').waitFor({ timeout: 30_000 });

    // The restart the user asked for forgets the earlier crashes: the next one is restarted, not given up on.
    await runCommand(page, 'Notifications: Clear All Notifications');
    const [pid] = serverPids();
    await watchStatusReset(page, 'Strategy memo · 0');
    process.kill(pid, 'SIGKILL');
    await h.waitFor(async () => replacementOf(pid) !== null && await statusWasReset(page) && await statusItem(page, 'Strategy memo · 0').count() > 0,
      { timeoutMs: 30_000, what: 'a restarted, linting server after one more crash' });
    assert.equal(await gaveUp.count(), 0, 'one crash after a manual restart is not "too many"');
  });
});

/**
 * From now on, note in the page when the status bar stops showing `text` (the client resets it
 * when its server stops): a MutationObserver sees every change the workbench draws, however brief.
 */
async function watchStatusReset(page, text) {
  await page.evaluate(({ selector, text }) => {
    const bar = document.querySelector(selector);
    window.__slStatusReset = false;
    window.__slStatusObserver?.disconnect();
    const check = () => {
      if (![...bar.querySelectorAll('.statusbar-item')].some((item) => item.textContent.includes(text))) window.__slStatusReset = true;
    };
    window.__slStatusObserver = new MutationObserver(check);
    window.__slStatusObserver.observe(bar, { subtree: true, childList: true, characterData: true, attributes: true });
  }, { selector: h.SEL.statusBar, text });
}

/** Has the status bar stopped showing the watched text since watchStatusReset? */
function statusWasReset(page) {
  return page.evaluate(() => window.__slStatusReset === true);
}

/** The one running server's pid when it is not `pid` (a restart replaced it), else null. */

/** Open a workspace file by its path through Quick Open (Ctrl+P): nested files are not rows of the Explorer until expanded. */
async function quickOpen(page, relativePath) {
  await page.keyboard.press('Control+P');
  await page.locator(h.SEL.quickInputBox).fill(relativePath);
  await h.waitFor(async () => (await page.locator(h.SEL.quickInputRow).first().innerText().catch(() => '')).includes(path.basename(relativePath)),
    { what: `${relativePath} in Quick Open`, timeoutMs: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(h.SEL.activeTab, { hasText: path.basename(relativePath) }).waitFor();
}

/** A document of the real-document corpus from the ignored cache, checked against its manifest hash; null when absent. */
async function cachedRealDocument({ repo: owner, path: file }) {
  const corpus = await import(pathToFileURL(path.join(repo, 'scripts', 'eval', 'corpus.mjs')).href);
  const entry = corpus.loadManifest().find((e) => e.repo === owner && e.path === file);
  if (!entry) return null;
  const cached = corpus.readCached(corpus.DEFAULT_CACHE, entry);
  return cached.bytes ?? null;
}

function replacementOf(pid) {
  const now = serverPids();
  return now.length === 1 && now[0] !== pid ? now[0] : null;
}

/**
 * Process ids of the language servers the installed extension runs (from /proc: the bundled
 * server's path lies inside this run's extensions folder).
 */
function serverPids() {
  return processIds((cmdline) => cmdline.includes(dirs.extensionsDir) && cmdline.includes(`server${path.sep}out${path.sep}server.js`));
}

/** "line:col rule-id" of each finding the CLI reports for a workspace file (same engine, same date). */
function cliFindings(name) {
  const run = spawnSync(process.execPath, [path.join(repo, 'server/bin/strategy-lint.cjs'), '-f', 'json', '--reference-date', REFERENCE_DATE,
    path.join(dirs.workspaceDir, name)], { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`strategy-lint CLI exited with ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout).map((f) => `${f.line}:${f.column} ${f.ruleId}`);
}
