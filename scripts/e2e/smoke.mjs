#!/usr/bin/env node
// Smoke test of the e2e environment: code-server + headless Chromium can open a
// workspace, show the Explorer, open memo.md, render its text and detect Markdown.
// Screenshot: test-results/e2e/smoke.png. Exits non-zero (with the code-server log tail) on failure.
//
//   node scripts/e2e/smoke.mjs          # installs what is missing first (fast when installed)
//   E2E_KEEP=1 node scripts/e2e/smoke.mjs   # keep the temp dirs for inspection
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled } from './env.mjs';
import * as h from './harness.mjs';

const MEMO = '# Memo\n\nSmoke test: the quick brown fox jumps over the lazy dog.\n';
const t0 = performance.now();
const secs = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
let cs;
let page;

try {
  await ensureInstalled({ log: (m) => h.log(m) });

  const dirs = h.makeTempDirs('sl-e2e-smoke-');
  fs.writeFileSync(path.join(dirs.workspaceDir, 'memo.md'), MEMO);
  h.writeUserSettings(dirs.userDataDir);

  cs = await h.startCodeServer({ folder: dirs.workspaceDir, ...dirs });
  h.log(`code-server up on ${cs.url} (pid/pgid ${cs.pid}) after ${secs()}`);

  const browser = await h.launchChromium();
  page = await h.openWorkbench(browser, cs.url);
  h.log(`workbench and explorer ready after ${secs()}`);

  await h.openFileFromExplorer(page, 'memo.md');
  await h.waitFor(async () => (await h.visibleEditorText(page))?.includes('quick brown fox'), {
    timeoutMs: 30_000,
    what: 'memo.md text in the editor',
  });
  // the language mode reads "Plain Text" for ~1 s after opening, until the built-in
  // Markdown extension is registered: wait for it (an onLanguage:markdown extension needs it)
  await page.locator('#status\\.editor\\.mode', { hasText: 'Markdown' }).waitFor({ timeout: 30_000 });
  const text = await h.visibleEditorText(page);
  h.log(`editor shows:\n${text}`);

  const shot = await h.screenshot(page, 'smoke.png');
  h.log(`screenshot: ${path.relative(process.cwd(), shot)}`);
  h.log(`SMOKE OK (${secs()})`);
} catch (err) {
  process.exitCode = 1;
  process.stderr.write(`[e2e] SMOKE FAILED after ${secs()}: ${err?.stack ?? err}\n`);
  if (page) {
    try { process.stderr.write(`[e2e] failure screenshot: ${await h.screenshot(page, 'smoke-failure.png')}\n`); } catch {}
  }
  if (cs) process.stderr.write(`--- tail of code-server log (${cs.logFile}) ---\n${cs.logTail(60)}\n`);
} finally {
  await h.cleanup();
}
