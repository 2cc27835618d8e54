import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled, paths } from './env.mjs';
import * as h from './harness.mjs';
await ensureInstalled();
const dirs = h.makeTempDirs('sl-explore-');
for (const f of fs.readdirSync(path.join(import.meta.dirname, 'fixtures'))) fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', f), path.join(dirs.workspaceDir, f));
h.writeUserSettings(dirs.userDataDir, { ...h.LITERAL_TYPING_SETTINGS, 'strategyLint.referenceDate': '2026-11-21' });
await h.installExtension('/tmp/sl-dev.vsix', dirs.extensionsDir, dirs.userDataDir);
const cs = await h.startCodeServer({ folder: dirs.workspaceDir, ...dirs });
const browser = await h.launchChromium();
const page = await h.openWorkbench(browser, cs.url);
try {
  await h.openFileFromExplorer(page, 'weak-memo.md');
  await h.showProblems(page);
  await h.waitFor(async () => (await page.locator(h.SEL.problemsRow).count()) > 3, { what: 'rows' });
  await h.waitFor(async () => false, { timeoutMs: 3000 }).catch(() => {});
  const rows = await page.locator(h.SEL.problemsRow).evaluateAll((rs) => rs.map((r) => ({ idx: r.getAttribute('data-index'), label: r.getAttribute('aria-label'), text: r.innerText, html: r.innerHTML.slice(0, 1500) })));
  fs.writeFileSync('/tmp/explore/rows.json', JSON.stringify(rows, null, 2));
  await page.screenshot({ path: '/tmp/explore/1.png' });
} catch (e) { console.error(e); await page.screenshot({ path: '/tmp/explore/fail.png' }); }
await h.cleanup();
