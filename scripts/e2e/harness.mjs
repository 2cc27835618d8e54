// Helpers to drive a real VS Code (code-server) in headless Chromium.
// Node built-ins only, plus playwright-core loaded from the e2e cache.
//
//   import { ensureInstalled } from './env.mjs';
//   import * as h from './harness.mjs';
//   await ensureInstalled();
//   const dirs = h.makeTempDirs();                       // { root, userDataDir, extensionsDir, workspaceDir }
//   h.writeUserSettings(dirs.userDataDir);               // quiet defaults (no welcome page, no chat, ...)
//   await h.installExtension('strategy-lint.vsix', dirs.extensionsDir);
//   const cs = await h.startCodeServer({ folder: dirs.workspaceDir, ...dirs });
//   const browser = await h.launchChromium();
//   const page = await h.openWorkbench(browser, cs.url);
//   ...
//   // everything started here is stopped by h.cleanup(), which also runs on exit/SIGINT/SIGTERM.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, loadPlaywright, node24Env, paths } from './env.mjs';

// ---------------------------------------------------------------------------
// cleanup registry: runs on normal exit, on errors and on signals

const cleanups = [];
let cleaningUp = false;

/** Register an async cleanup; returns a function that unregisters it. Runs in reverse order. */
export function onCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Run (once) every registered cleanup, newest first. Safe to call repeatedly. */
export async function cleanup() {
  if (cleaningUp) return;
  cleaningUp = true;
  while (cleanups.length) {
    const fn = cleanups.pop();
    try { await fn(); } catch (err) { process.stderr.write(`[e2e] cleanup error: ${err?.message ?? err}\n`); }
  }
  cleaningUp = false;
}

// synchronous last resort: kill process groups we started, even on process.exit()
const groups = new Set();
process.on('exit', () => {
  for (const pgid of groups) { try { process.kill(-pgid, 'SIGKILL'); } catch {} }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, async () => {
    process.stderr.write(`[e2e] ${sig}: cleaning up\n`);
    await cleanup();
    process.exit(128 + (os.constants.signals[sig] ?? 1));
  });
}

// ---------------------------------------------------------------------------
// small utilities

export function log(msg) {
  process.stderr.write(`[e2e] ${msg}\n`);
}

/** A TCP port that is free right now on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Poll `check` (async, returns truthy when done) until it succeeds or timeoutMs passes.
 * Errors thrown by `check` are retried, except those with `err.fatal = true`.
 */
export async function waitFor(check, { timeoutMs = 30_000, intervalMs = 200, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      if (err?.fatal) throw err; // e.g. the process we wait for has exited: no point retrying
      lastErr = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${lastErr ? ` (last error: ${lastErr.message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Temporary user-data, extensions and workspace folders for one run.
 * Removed by cleanup() unless E2E_KEEP=1 is set.
 */
export function makeTempDirs(prefix = 'sl-e2e-') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    workspaceDir: path.join(root, 'workspace'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  onCleanup(() => {
    if (process.env.E2E_KEEP) log(`kept temp dirs in ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  });
  return dirs;
}

/** Settings that keep the workbench quiet and deterministic for tests. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

/**
 * Optional: make typed text land literally. By default keyboard.type/insertText go
 * through auto-closing brackets ("(" -> "()", the ")" ends up after later text) and
 * auto-indent (a line after an indented line is indented). Merge these into
 * writeUserSettings(dir, LITERAL_TYPING_SETTINGS) when a test types multi-line text.
 */
export const LITERAL_TYPING_SETTINGS = {
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoClosingOvertype': 'never',
  'editor.autoSurround': 'never',
  'editor.autoIndent': 'none',
  'editor.formatOnType': false,
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.wordBasedSuggestions': 'off',
};

/** Write <userDataDir>/User/settings.json (QUIET_SETTINGS merged with `extra`). */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...extra }, null, 2));
}

function tailFile(file, lines = 60) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Environment for a code-server process: Node 24 on PATH, and code-server's own
 * config.yaml / coder-logs kept under `stateDir` instead of $HOME.
 */
export function codeServerEnv(stateDir, extra = {}) {
  return {
    ...node24Env(),
    ...(stateDir ? { CODE_SERVER_CONFIG: path.join(stateDir, 'config.yaml'), XDG_DATA_HOME: path.join(stateDir, 'data') } : {}),
    ...extra,
  };
}

/** Run code-server once to completion (e.g. --install-extension); rejects with its output. */
export function runCodeServerCli(args, { timeoutMs = 120_000, stateDir } = {}) {
  const p = paths();
  return new Promise((resolve, reject) => {
    const child = spawn(p.codeServerBin, args, { env: codeServerEnv(stateDir), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    groups.add(child.pid);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); groups.delete(child.pid); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      try { process.kill(-child.pid, 'SIGKILL'); } catch {} // stray children
      groups.delete(child.pid);
      if (code === 0) resolve(out);
      else reject(new Error(`code-server ${args.join(' ')} exited with ${code ?? signal}:\n${out}`));
    });
  });
}

/**
 * Install a .vsix into extensionsDir (before starting code-server). Pass the run's
 * userDataDir too, so nothing is written to ~/.local/share/code-server.
 */
export async function installExtension(vsixPath, extensionsDir, userDataDir) {
  const args = ['--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsixPath)];
  if (userDataDir) args.unshift('--user-data-dir', userDataDir);
  return runCodeServerCli(args, { stateDir: userDataDir ? path.join(path.dirname(userDataDir), 'code-server-state') : undefined });
}

/**
 * Start code-server in its own process group, wait until its HTTP port answers.
 * Returns { url, port, pid, logFile, logTail(n), stop() }. stop() is also registered with cleanup().
 */
export async function startCodeServer({
  folder,
  userDataDir,
  extensionsDir,
  port,
  logFile,
  extraArgs = [],
  env = {},
  startTimeoutMs = 60_000,
  // Workspace trust is off unless a test asks for it (then the folder opens in Restricted Mode).
  workspaceTrust = false,
}) {
  const p = paths();
  port ??= await freePort();
  logFile ??= path.join(path.dirname(userDataDir), 'code-server.log');
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extraArgs,
    folder,
  ];
  const out = fs.openSync(logFile, 'a');
  // detached: setsid(), so the whole tree (server, extension host, watchers) is one group
  const child = spawn(p.codeServerBin, args, {
    env: codeServerEnv(path.join(path.dirname(userDataDir), 'code-server-state'), env),
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  const pgid = child.pid;
  groups.add(pgid);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(); }));
  child.on('error', (err) => { exited = { error: err }; });

  async function stop() {
    if (!groups.has(pgid)) return;
    try { process.kill(-pgid, 'SIGTERM'); } catch {}
    let timer;
    const timeout = new Promise((r) => { timer = setTimeout(r, 5_000, 'timeout'); });
    if (!exited && (await Promise.race([exitPromise, timeout])) === 'timeout') {
      log('code-server did not stop on SIGTERM within 5s; SIGKILL');
    }
    clearTimeout(timer); // else the pending timer keeps Node alive for 5s
    try { process.kill(-pgid, 'SIGKILL'); } catch {} // anything left in the group
    groups.delete(pgid);
  }
  onCleanup(stop);

  const url = `http://127.0.0.1:${port}`;
  const handle = { url, port, pid: child.pid, logFile, logTail: (n) => tailFile(logFile, n), stop };
  try {
    await waitFor(
      async () => {
        if (exited) throw Object.assign(new Error(`code-server exited early: ${JSON.stringify(exited)}`), { fatal: true });
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        return res.ok;
      },
      { timeoutMs: startTimeoutMs, what: `code-server on ${url}` },
    ).catch((err) => {
      if (exited) throw new Error(`code-server exited early: ${JSON.stringify(exited)}`);
      throw err;
    });
  } catch (err) {
    err.message += `\n--- tail of ${logFile} ---\n${handle.logTail(60)}`;
    throw err;
  }
  return handle;
}

/** Launch Debian's Chromium through playwright-core (headless unless E2E_HEADED=1). */
export async function launchChromium({ headless = !process.env.E2E_HEADED, args = [] } = {}) {
  const { chromium } = await loadPlaywright();
  // Chromium writes ~/.config/chromium/Crash Reports and ~/.config/chromium-headless
  // even with Playwright's temporary profile: point XDG dirs at a temp folder instead.
  const xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-e2e-chromium-'));
  onCleanup(() => fs.rmSync(xdg, { recursive: true, force: true }));
  const browser = await chromium.launch({
    executablePath: paths().chromium,
    headless,
    args: [...CHROMIUM_ARGS, ...args],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_CACHE_HOME: path.join(xdg, 'cache') },
    timeout: 60_000,
  });
  onCleanup(() => browser.close().catch(() => {}));
  return browser;
}

/** Selectors verified against code-server 4.139.1 (VS Code 1.139); see NOTES.md. */
export const SEL = {
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  activeTab: '.tabs-container .tab.active',
  editor: '.editor-instance .monaco-editor',
  focusedEditor: '.editor-instance .monaco-editor.focused',
  editorLines: '.editor-instance .monaco-editor .view-lines',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .monaco-list-row',
  problemsPanel: '.markers-panel',
  problemsRow: '.markers-panel .monaco-list-row',
  hover: '.monaco-hover',
  statusBar: '.part.statusbar',
  notification: '.notifications-toasts .notification-toast',
};

/**
 * Open the workbench in a new page and wait until it is usable:
 * `.monaco-workbench` present and the Explorer showing rows of the folder.
 */
export async function openWorkbench(browser, url, { viewport = { width: 1400, height: 900 }, timeoutMs = 60_000 } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.waitForSelector(SEL.workbench, { timeout: timeoutMs });
  await page.locator(SEL.explorerRow).first().waitFor({ timeout: timeoutMs });
  return page;
}

/** Click a file in the Explorer and wait for its editor tab to be active. */
export async function openFileFromExplorer(page, name) {
  await page.locator(SEL.explorerRow, { hasText: name }).first().click();
  await page.locator(SEL.activeTab, { hasText: name }).waitFor();
  await page.locator(SEL.editorLines).first().waitFor();
}

/**
 * Text of the visible lines of the active editor, top to bottom.
 * (.view-line elements are positioned absolutely and may be out of DOM order;
 * spaces are rendered as U+00A0.) Only lines scrolled into view are rendered.
 */
export async function visibleEditorText(page) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return null;
    const lines = [...root.querySelectorAll('.view-line')]
      .map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top);
    return lines.map((l) => l.text).join('\n');
  }, SEL.editorLines);
}

/**
 * Show the Problems panel. Control+Shift+M TOGGLES it (a second press hides it),
 * so press only when it is not already visible.
 */
export async function showProblems(page) {
  if (!(await page.locator(SEL.problemsPanel).isVisible())) {
    await page.keyboard.press('Control+Shift+M');
  }
  await page.locator(SEL.problemsPanel).waitFor();
}

/** Texts (aria-labels) of the diagnostic rows in the Problems panel, e.g.
 * "Warning: <message> at line 5 and character 1. generated by <source>". */
export async function problems(page) {
  await showProblems(page);
  const labels = await page.locator(SEL.problemsRow).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
  // drop the per-file group rows ("1 problems in file plan.md of folder .")
  return labels.filter((l) => l && !/ problems? in file /.test(l));
}

/** Run a command from the command palette by its title (F1, type, Enter). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator(SEL.quickInputBox);
  await input.waitFor();
  await input.fill(`>${title}`);
  // wait until the first row is the command (the list filters asynchronously)
  await page.locator(`${SEL.quickInputRow}`, { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(SEL.quickInput).waitFor({ state: 'hidden' });
}

/**
 * Press `key` until `locator` is visible: for widgets that, on a busy machine, sometimes
 * do not open on the first key press (seen once with Control+. under load).
 */
export async function pressUntilVisible(page, key, locator, { attempts = 3, perTryMs = 5_000 } = {}) {
  for (let i = 1; ; i++) {
    await page.keyboard.press(key);
    try {
      await locator.first().waitFor({ timeout: perTryMs });
      return;
    } catch (err) {
      if (i >= attempts) throw err;
      log(`pressUntilVisible: ${key} attempt ${i} did not open the widget; retrying`);
      await page.keyboard.press('Escape'); // close whatever half-opened
    }
  }
}

/**
 * Apply a quick fix by its title at the cursor: Control+. opens `.action-widget`,
 * click the row with that title. Returns all row texts (first is the "Quick Fix" header).
 */
export async function quickFix(page, title) {
  const row = page.locator('.action-widget .monaco-list-row', { hasText: title });
  await pressUntilVisible(page, 'Control+.', row);
  const rows = await page.locator('.action-widget:visible .monaco-list-row').allInnerTexts();
  await row.first().click();
  await page.locator('.action-widget:visible').waitFor({ state: 'detached' }).catch(() => {});
  return rows;
}

/** Move the cursor with Go to Line (Control+G "line:col"), 1-based, and wait for the status bar. */
export async function goTo(page, line, col = 1) {
  await page.keyboard.press('Control+G');
  await page.locator(SEL.quickInputBox).waitFor();
  await page.keyboard.type(`${line}:${col}`);
  await page.keyboard.press('Enter');
  await page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`^Ln ${line}, Col ${col}\\b`) }).waitFor();
  // keys pressed before the editor has focus back are lost (e.g. Control+. right after)
  await page.locator(SEL.quickInput).waitFor({ state: 'hidden' });
  await page.locator(SEL.focusedEditor).waitFor();
}

/** Save a screenshot under test-results/e2e/ (created if needed); returns its path. */
export async function screenshot(page, name) {
  const dir = paths().resultsDir;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
