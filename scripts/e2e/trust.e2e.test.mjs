// Strategy Lint in Restricted Mode: code-server with workspace trust on (the other suites turn it
// off), a folder whose .strategy-lint.json turns bad-strategy/fluff off. While the folder is not
// trusted the extension still lints, with its built-in rules and defaults, so the fluff finding
// shows; once the user trusts the folder, the server restarts, reads the config file, and the
// finding goes. Screenshots: test-results/e2e/trust-<step>.png.
//
//   node --test scripts/e2e/trust.e2e.test.mjs          (E2E_VSIX=<file>, default strategy-lint.vsix)
// Normally run through `npm run test:e2e` (scripts/e2e/run.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureInstalled, paths } from './env.mjs';
import * as h from './harness.mjs';
import { collectLogs, fixture, has, launchWorkbench, ofFile, openLinted, REFERENCE_DATE, runCommand, statusItem, waitForProblems } from './lib.mjs';

const repo = paths().repoRoot;
const vsix = path.resolve(repo, process.env.E2E_VSIX || 'strategy-lint.vsix');
const MEMO = 'memo.md';

let dirs;
let cs;
let page;

describe('Strategy Lint in Restricted Mode (code-server with workspace trust)', () => {
  before(async () => {
    assert.ok(fs.existsSync(vsix), `${vsix} not found: run npm run package, or set E2E_VSIX`);
    await ensureInstalled({ log: (m) => h.log(m) });
    dirs = h.makeTempDirs('sl-e2e-trust-');
    fs.writeFileSync(path.join(dirs.workspaceDir, MEMO), fixture('weak-memo.md'));
    fs.writeFileSync(path.join(dirs.workspaceDir, '.strategy-lint.json'), JSON.stringify({ rules: { 'bad-strategy/fluff': 'off' } }, null, 2));
    h.writeUserSettings(dirs.userDataDir, {
      'strategyLint.referenceDate': REFERENCE_DATE,
      'editor.minimap.enabled': false,
      'workbench.editor.enablePreview': false,
      // Restricted Mode without the start-up modal: the folder opens untrusted.
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
      'security.workspace.trust.untrustedFiles': 'open',
    });
    ({ cs, page } = await launchWorkbench(vsix, dirs, { workspaceTrust: true }));
  }, { timeout: 240_000 });

  after(async () => {
    if (dirs) collectLogs({ codeServerLog: cs?.logFile, userDataDir: dirs.userDataDir, prefix: 'trust-' });
    await h.cleanup();
  }, { timeout: 60_000 });

  test('untrusted: built-in rules and defaults (the config file is ignored); trusted: the config file applies', { timeout: 180_000 }, async () => {
    const shot = (step) => h.screenshot(page, `trust-${step}`);
    try {
      await page.locator(`${h.SEL.statusBar} .statusbar-item`, { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 60_000 });
      await openLinted(page, MEMO, { type: 'Strategy memo', timeoutMs: 90_000 });
      // Line 15 says "leverage spreadsheets": fluff, which the untrusted config file cannot turn off.
      await waitForProblems(page, (rs) => has(ofFile(rs, MEMO), 'bad-strategy/fluff', 15) && has(ofFile(rs, MEMO), 'kernel/coherent-actions-missing'),
        'the fluff finding (defaults) while the folder is untrusted');
      await shot('untrusted');

      // Trust the folder from the Workspace Trust editor.
      await runCommand(page, 'Workspaces: Manage Workspace Trust');
      const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
      await trust.waitFor({ timeout: 30_000 });
      await trust.click();
      await h.waitFor(async () => (await page.locator(`${h.SEL.statusBar} .statusbar-item`, { hasText: 'Restricted Mode' }).count()) === 0,
        { timeoutMs: 30_000, what: 'Restricted Mode to end' });
      await runCommand(page, 'View: Close All Editors');
      await openLinted(page, MEMO, { type: 'Strategy memo' });

      // The restarted server reads .strategy-lint.json: fluff is off, the other findings stay.
      const rows = await waitForProblems(page, (rs) => !has(ofFile(rs, MEMO), 'bad-strategy/fluff') && has(ofFile(rs, MEMO), 'kernel/coherent-actions-missing'),
        'the fluff finding to go once the folder is trusted', { timeoutMs: 60_000 });
      assert.ok(ofFile(rows, MEMO).length > 0, 'other findings remain');
      await statusItem(page, /Strategy memo · \d+/).waitFor();
      await shot('trusted');
    } catch (err) {
      await shot('failed').catch(() => {});
      throw err;
    }
  });
});
