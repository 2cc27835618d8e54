#!/usr/bin/env node
// The editor, seen by a user: installs the packaged extension into code-server, drives it in
// headless Chromium and saves a screenshot of each step under test-results/manual/:
//
//   01-hints-as-you-type   typing buzzwords into a strategy memo → squiggles, Problems, status bar
//   02-hover               the hover that explains a hint
//   03-quick-fix-menu      Ctrl+. on the hint: the rule's fix first, then disable / docs
//   04-quick-fix-applied   the fix applied, the hint gone
//   05-template-roadmap    New document from template… → Roadmap
//   06-template-release    New document from template… → Release note
//   07-review              Review my strategy: the report beside the memo
//
//   node scripts/e2e/editor-screenshots.mjs [--vsix strategy-lint.vsix]
// Exits non-zero (with a failure screenshot and the code-server log tail) when a step fails.
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled, paths } from './env.mjs';
import * as h from './harness.mjs';

const argv = process.argv.slice(2);
const vsixArg = argv.includes('--vsix') ? argv[argv.indexOf('--vsix') + 1] : 'strategy-lint.vsix';
const vsix = path.resolve(paths().repoRoot, vsixArg);
const outDir = path.join(paths().repoRoot, 'test-results', 'manual');

const MEMO = `---
owner: "@maria"
date: 2026-11-02
---

# Growth strategy 2027

We will win mid-market finance teams by making onboarding self-serve.

## Where we are

Mid-market merchants wait three weeks for a custom integration, and 31% of them churn before
their first live payment. Our sales-led onboarding cannot scale past 40 new accounts a month.

## Guiding policy

Self-serve onboarding for mid-market merchants, instead of custom integrations for everyone.

## Success metrics

- KR1: Cut median onboarding time from 21 days to 1 day by Q2 2027
- KR2: Ship the new onboarding wizard
`;

const TYPED = ' We will leverage our world-class platform to unlock synergies.';

async function shot(page, name) {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  h.log(`screenshot ${path.relative(paths().repoRoot, file)}`);
  return file;
}

async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  await page.locator(h.SEL.quickInputBox).waitFor();
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator(h.SEL.quickInput).waitFor({ state: 'hidden' });
}

async function newFromTemplate(page, title, expected, statusLabel) {
  await page.keyboard.press('F1');
  await page.locator(h.SEL.quickInputBox).waitFor();
  await page.locator(h.SEL.quickInputBox).fill('>Strategy Lint: New document from template');
  await page.locator(h.SEL.quickInputRow, { hasText: 'New document from template' }).first().waitFor();
  await page.keyboard.press('Enter');
  // The command's own quick pick replaces the palette: wait for a template row.
  await page.locator(h.SEL.quickInputRow, { hasText: 'Strategy memo' }).first().waitFor();
  const input = page.locator(h.SEL.quickInputBox);
  await input.fill(title);
  await page.locator(h.SEL.quickInputRow, { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await h.waitFor(async () => (await h.visibleEditorText(page))?.includes(expected), { what: `the ${title} template in the editor` });
  // Linted: the status bar shows the declared type.
  await page.locator('.part.statusbar', { hasText: new RegExp(`${statusLabel} · \\d+`) }).waitFor();
}

let cs;
let page;
const t0 = performance.now();
try {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run npm run package (or pass --vsix <file>)`);
  await ensureInstalled({ log: (m) => h.log(m) });
  const dirs = h.makeTempDirs('sl-e2e-editor-');
  fs.writeFileSync(path.join(dirs.workspaceDir, 'growth.strategy.md'), MEMO);
  // Never opened: only "Lint all documents in workspace" reports it.
  fs.mkdirSync(path.join(dirs.workspaceDir, 'plans'));
  fs.writeFileSync(path.join(dirs.workspaceDir, 'plans', 'ROADMAP.md'), '# Payments roadmap\n\n## Now\n\n- Ship the connector framework\n\n## Later\n\n- Launch in Japan (Q4 2028)\n');
  h.writeUserSettings(dirs.userDataDir, {
    ...h.LITERAL_TYPING_SETTINGS,
    'strategyLint.referenceDate': '2026-11-21',
    'editor.hover.delay': 200,
    'editor.minimap.enabled': false,
    'workbench.activityBar.location': 'default',
  });
  h.log(await h.installExtension(vsix, dirs.extensionsDir, dirs.userDataDir));
  cs = await h.startCodeServer({ folder: dirs.workspaceDir, ...dirs });
  const browser = await h.launchChromium();
  page = await h.openWorkbench(browser, cs.url, { viewport: { width: 1500, height: 940 } });

  // 1. Hints as you type.
  await h.openFileFromExplorer(page, 'growth.strategy.md');
  await page.locator('#status\\.editor\\.mode', { hasText: 'Markdown' }).waitFor();
  const squiggles = page.locator('.editor-instance .monaco-editor .squiggly-warning, .editor-instance .monaco-editor .squiggly-info');
  await h.waitFor(async () => (await squiggles.count()) > 0, { what: 'the first hints' });
  await page.locator('.part.statusbar', { hasText: 'Strategy memo' }).waitFor();
  const before = await page.locator('.editor-instance .monaco-editor .squiggly-warning').count();
  await page.locator(h.SEL.editorLines).first().click();
  await goTo(page, 8, 200);
  await page.keyboard.press('End');
  await page.keyboard.type(TYPED, { delay: 15 });
  await h.waitFor(async () => (await page.locator('.editor-instance .monaco-editor .squiggly-warning').count()) >= before + 3, { what: 'hints on the typed buzzwords' });
  await h.showProblems(page);
  await page.locator(h.SEL.problemsRow, { hasText: 'is fluff' }).first().waitFor();
  await page.locator('.part.statusbar', { hasText: /Strategy memo · \d+/ }).waitFor();
  await page.locator(h.SEL.editorLines).first().click();
  await goTo(page, 8, 1);
  await shot(page, '01-hints-as-you-type');

  // 2. Hover on "leverage" (the panel closed, so the hover has room).
  await page.keyboard.press('Control+J');
  await page.locator(h.SEL.problemsPanel).waitFor({ state: 'hidden' });
  const line8 = 'We will win mid-market finance teams by making onboarding self-serve.' + TYPED;
  const leverageColumn = line8.indexOf('leverage') + 3;
  await goTo(page, 8, leverageColumn);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator(`${h.SEL.hover}:visible`, { hasText: 'Why it matters' });
  await hover.first().waitFor();
  await shot(page, '02-hover');
  await page.keyboard.press('Escape');

  // 3–4. Quick fix.
  await goTo(page, 8, leverageColumn);
  await page.keyboard.press('Control+.');
  const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace "leverage" with "use"' });
  await fixRow.waitFor();
  await shot(page, '03-quick-fix-menu');
  await fixRow.click();
  await h.waitFor(async () => (await h.visibleEditorText(page))?.includes('We will use our world-class'), { what: 'the fix in the editor' });
  await h.waitFor(async () => (await page.locator(h.SEL.problemsRow, { hasText: '"leverage" is fluff' }).count()) === 0, { what: 'the leverage hint to go' });
  await shot(page, '04-quick-fix-applied');

  // 5–6. Templates.
  await newFromTemplate(page, 'Roadmap', '## Now', 'Roadmap');
  await shot(page, '05-template-roadmap');
  await newFromTemplate(page, 'Release note', 'What', 'Release notes');
  await shot(page, '06-template-release');

  // 7. Review my strategy.
  await page.locator('.tabs-container .tab', { hasText: 'growth.strategy.md' }).first().click();
  await page.locator(h.SEL.activeTab, { hasText: 'growth.strategy.md' }).waitFor();
  await h.runCommand(page, 'Strategy Lint: Review my strategy');
  await page.mouse.move(5, 400);
  await page.locator('.tabs-container .tab', { hasText: 'Review' }).first().waitFor();
  // The report renders inside the webview's nested iframes (not the workbench page itself).
  const findReviewFrame = () => h.waitFor(async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (/Export to Markdown/.test(text) && /Diagnosis/.test(text)) return frame;
    }
    return null;
  }, { what: 'the review report in the webview', timeoutMs: 30_000 });
  let reviewFrame = await findReviewFrame();
  await shot(page, '07-review');

  // 8. A line link in the report reveals the line in the memo.
  await reviewFrame.locator('a[data-line="15"]').first().click();
  await h.waitFor(async () => (await page.locator('.monaco-editor .line-numbers.active-line-number').allInnerTexts()).some((t) => t.trim() === '15'),
    { what: 'line 15 to become the active line' });
  h.log('review link revealed line 15 in the memo');

  // 9. Export to Markdown: save dialog (code-server's simple dialog), then the file on disk.
  reviewFrame = await findReviewFrame();
  await reviewFrame.locator('#export').click();
  await page.locator(h.SEL.quickInputBox).waitFor();
  const suggested = await page.locator(h.SEL.quickInputBox).inputValue();
  h.log(`save dialog suggests ${suggested}`);
  await page.keyboard.press('Enter');
  await page.locator(h.SEL.notification, { hasText: 'review saved to' }).waitFor();
  const exported = path.join(dirs.workspaceDir, 'growth.strategy.review.md');
  await h.waitFor(() => fs.existsSync(exported), { what: exported });
  const exportedText = fs.readFileSync(exported, 'utf8');
  if (!exportedText.includes('Growth strategy 2027')) throw new Error(`the exported review does not name the memo:\n${exportedText.slice(0, 400)}`);
  await shot(page, '08-review-exported');

  // 10. Lint all documents in workspace: the unopened roadmap appears in Problems.
  await page.locator('.tabs-container .tab', { hasText: 'growth.strategy.md' }).first().click();
  await h.runCommand(page, 'Strategy Lint: Lint all documents in workspace');
  await page.locator(h.SEL.notification, { hasText: 'documents linted' }).waitFor();
  await page.locator('.markers-panel', { hasText: 'ROADMAP.md' }).waitFor();
  await shot(page, '09-lint-workspace');

  // 11. The walkthrough (full width: the panel, the review and the toasts out of the way).
  await h.runCommand(page, 'Notifications: Clear All Notifications');
  await h.runCommand(page, 'View: Close Editors in Other Groups');
  await page.keyboard.press('Control+J');
  await page.locator(h.SEL.problemsPanel).waitFor({ state: 'hidden' });
  await page.keyboard.press('F1');
  await page.locator(h.SEL.quickInputBox).fill('>Welcome: Open Walkthrough');
  await page.locator(h.SEL.quickInputRow, { hasText: 'Open Walkthrough' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(h.SEL.quickInputRow, { hasText: 'Get started with Strategy Lint' }).first().waitFor();
  await page.locator(h.SEL.quickInputRow, { hasText: 'Get started with Strategy Lint' }).first().click();
  await page.locator('.getting-started-step', { hasText: 'See hints as you write' }).first().waitFor();
  await h.waitFor(async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (/Hints as you write/.test(text)) return true;
    }
    return false;
  }, { what: 'the walkthrough media', timeoutMs: 20_000 });
  await shot(page, '10-walkthrough');

  // 12. Insert template… at the cursor of an open document.
  await page.locator('.tabs-container .tab', { hasText: 'Untitled-2' }).first().click();
  await page.locator(h.SEL.editorLines).first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('F1');
  await page.locator(h.SEL.quickInputBox).fill('>Strategy Lint: Insert template');
  await page.locator(h.SEL.quickInputRow, { hasText: 'Insert template' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(h.SEL.quickInputRow, { hasText: 'Strategy memo' }).first().waitFor();
  await page.locator(h.SEL.quickInputBox).fill('Decision doc');
  await page.locator(h.SEL.quickInputRow, { hasText: 'Decision doc' }).first().waitFor();
  await page.keyboard.press('Enter');
  await h.waitFor(async () => /## Options/.test((await h.visibleEditorText(page)) ?? ''), { what: 'the inserted decision doc template' });
  if (/type: decision/.test((await h.visibleEditorText(page)) ?? '')) throw new Error('Insert template… must not insert front matter into a document that has text');
  await shot(page, '11-insert-template');
  h.log('Insert template… inserted the decision doc at the cursor');

  // 13. Restart server: the status bar comes back.
  await page.locator('.tabs-container .tab', { hasText: 'growth.strategy.md' }).first().click();
  await h.runCommand(page, 'Strategy Lint: Restart server');
  await page.locator('.part.statusbar', { hasText: /Strategy memo · \d+/ }).waitFor();
  h.log('Restart server: the server came back and relinted the memo');
  h.log(`EDITOR SCREENSHOTS OK (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
} catch (err) {
  process.exitCode = 1;
  process.stderr.write(`[e2e] FAILED: ${err?.stack ?? err}\n`);
  if (page) {
    try { await shot(page, 'failure'); } catch {}
  }
  if (cs) process.stderr.write(`--- tail of code-server log (${cs.logFile}) ---\n${cs.logTail(40)}\n`);
} finally {
  await h.cleanup();
}
