// Strategy Lint scenario helpers on top of harness.mjs: reading the Problems panel as data,
// waiting on it with a readable failure message, resetting the workbench between scenarios,
// and running commands that open a quick pick of their own.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { paths } from './env.mjs';
import * as h from './harness.mjs';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
/** Every scenario measures dates from this day, so date rules do not depend on the clock. */
export const REFERENCE_DATE = '2026-11-21';
export const STRATEGY_FAMILIES = /^(kernel|bad-strategy|outcomes)\//;

export function fixture(name) {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** User settings of the scenario suites (on top of harness QUIET_SETTINGS). */
export const SCENARIO_SETTINGS = {
  ...h.LITERAL_TYPING_SETTINGS,
  'strategyLint.referenceDate': REFERENCE_DATE,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
  'workbench.editor.enablePreview': false,
  // one rendered line per text line, so the editor's lines can be compared with the file's
  '[markdown]': { 'editor.wordWrap': 'off' },
};

/** Write each workspace file (path relative to the workspace → fixture it starts as). */
export function writeWorkspace(workspaceDir, files) {
  for (const [name, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(workspaceDir, name)), { recursive: true });
    fs.writeFileSync(path.join(workspaceDir, name), fixture(source));
  }
}

/**
 * Install the .vsix into the run's folders, start code-server on its workspace and open the
 * workbench in Chromium (user settings written before). Returns { cs, page }.
 */
export async function launchWorkbench(vsix, dirs, { workspaceTrust = false } = {}) {
  h.log(`installing ${path.relative(paths().repoRoot, vsix)}`);
  await h.installExtension(vsix, dirs.extensionsDir, dirs.userDataDir);
  const cs = await h.startCodeServer({ folder: dirs.workspaceDir, ...dirs, workspaceTrust });
  const browser = await h.launchChromium();
  const page = await h.openWorkbench(browser, cs.url, { viewport: { width: 1600, height: 1000 } });
  return { cs, page };
}

/**
 * The suites' scenario: `scenario(nn, name, title, body)` is a test that resets the workbench,
 * runs `body({ shot }, t)` and always saves <prefix><nn>-<name>.png of how it ended; `shot(step)`
 * saves <prefix><nn>-<name>-<step>.png. `pageOf()` is the suite's page (set in its before hook).
 */
export function scenarios(pageOf, { prefix = '' } = {}) {
  return (nn, name, title, body, { timeout = 150_000 } = {}) => test(`${nn} ${title}`, { timeout }, async (t) => {
    const page = pageOf();
    assert.ok(page, 'the workbench did not start (see the before hook)');
    const shot = (step) => h.screenshot(page, `${prefix}${nn}-${name}${step ? `-${step}` : ''}`);
    try {
      await resetWorkbench(page);
      await body({ shot }, t);
    } catch (err) {
      err.message += `\n  screenshot: ${path.relative(paths().repoRoot, path.join(paths().resultsDir, `${prefix}${nn}-${name}.png`))}`;
      throw err;
    } finally {
      await shot().catch(() => {});
    }
  });
}

/**
 * The Problems panel as data, in display order: one entry per diagnostic row,
 * { file, severity, message, source, code, line, col, label }. File rows ("5 problems in file
 * x.md of folder .") set `file` for the rows under them; the rows of a finding's related places
 * (under a summary such as the buzzword density) are not diagnostics and are left out. The list is
 * virtualised: only rows that are scrolled into view exist, so keep the number of open problems
 * small (or the panel large).
 */
export async function problemRows(page) {
  await h.showProblems(page);
  const raw = await page.locator(h.SEL.problemsRow).evaluateAll((rows) => rows.map((row) => ({
    index: Number(row.getAttribute('data-index')),
    label: row.getAttribute('aria-label') ?? '',
    message: row.querySelector('.marker-message')?.textContent ?? null,
    source: row.querySelector('.marker-source')?.textContent ?? null,
    code: row.querySelector('.marker-code')?.textContent ?? null,
    text: row.innerText,
  })));
  raw.sort((a, b) => a.index - b.index);
  const out = [];
  let file = null;
  for (const row of raw) {
    const fileRow = /^\d+ problems? in file (.+?) of folder /.exec(row.label);
    if (fileRow) {
      file = fileRow[1];
      continue;
    }
    if (row.message === null && row.code === null) continue; // a related place, not a diagnostic
    const pos = /\[Ln (\d+), Col (\d+)\]/.exec(row.text);
    out.push({
      file,
      severity: /^(\w+):/.exec(row.label)?.[1] ?? null,
      message: row.message,
      source: row.source,
      code: row.code,
      line: pos ? Number(pos[1]) : null,
      col: pos ? Number(pos[2]) : null,
      label: row.label,
    });
  }
  return out;
}

export function formatRows(rows) {
  if (rows.length === 0) return '    (no problems)';
  return rows.map((r) => `    ${r.file}:${r.line}:${r.col} ${r.severity} ${r.code} — ${r.message}`).join('\n');
}

/**
 * Poll the Problems panel until `check(rows)` is true. On timeout the error lists what the
 * panel showed last, so a failure says what was there instead of what was not.
 */
export async function waitForProblems(page, check, what, { timeoutMs = 30_000 } = {}) {
  let last = [];
  try {
    return await h.waitFor(async () => {
      last = await problemRows(page);
      return check(last) ? last : null;
    }, { timeoutMs, what });
  } catch (err) {
    err.message += `\n  the Problems panel showed:\n${formatRows(last)}`;
    throw err;
  }
}

/** Rows of one file. */
export const ofFile = (rows, file) => rows.filter((r) => r.file === file);
export const has = (rows, code, line) => rows.some((r) => r.code === code && (line === undefined || r.line === line));

/** The Strategy Lint status bar item: "<Document type> · <findings>". */
export function statusItem(page, text) {
  return page.locator(`${h.SEL.statusBar} .statusbar-item`, { hasText: text });
}

/**
 * Open a workspace file from the Explorer and wait until the server has linted it: the language
 * mode says Markdown and the status bar item shows "<type> · <n>" (it says "Strategy Lint" until
 * the first lint of that document arrives).
 */
export async function openLinted(page, name, { type = /[A-Za-z ]+/, timeoutMs = 60_000 } = {}) {
  await h.openFileFromExplorer(page, name);
  await page.locator('#status\\.editor\\.mode', { hasText: 'Markdown' }).waitFor({ timeout: timeoutMs });
  const pattern = new RegExp(`${typeof type === 'string' ? type : type.source} · \\d+`);
  try {
    await statusItem(page, pattern).waitFor({ timeout: timeoutMs });
  } catch (err) {
    const items = await page.locator(`${h.SEL.statusBar} .statusbar-item`).allInnerTexts().catch(() => []);
    throw new Error(`${name}: the status bar never showed ${pattern} (the server's lint of the document) within ${timeoutMs / 1000}s; `
      + `it shows: ${JSON.stringify(items.map((t) => t.trim()).filter(Boolean))}`);
  }
}

/** Press Escape until no dialog, quick input, action widget, hover or peek is open (e.g. after a failed scenario). */
export async function closeWidgets(page) {
  for (let i = 0; i < 4; i++) {
    const open = await page.locator(`.monaco-dialog-box:visible, ${h.SEL.quickInput}:visible, .action-widget:visible, ${h.SEL.hover}:visible, .marker-widget:visible`).count();
    if (!open) return;
    await page.keyboard.press('Escape');
  }
}

/**
 * Back to an empty editor area between scenarios: close every editor without saving (untitled
 * documents from templates and edited files are reverted, not saved), clear notifications.
 */
export async function resetWorkbench(page) {
  await closeWidgets(page);
  for (let i = 0; i < 20; i++) {
    if ((await page.locator('.tabs-container .tab').count()) === 0) break;
    await runCommand(page, 'View: Revert and Close Editor');
  }
  const left = await page.locator('.tabs-container .tab').count();
  if (left) throw new Error(`resetWorkbench: ${left} editor tab(s) would not close`);
  if (await page.locator(h.SEL.notification).count()) await runCommand(page, 'Notifications: Clear All Notifications');
}

/**
 * F1, type the command's title, wait for its row and press Enter. Retried (Escape, F1 again) when
 * the row does not appear: right after the workbench loads, the palette can open before the
 * extensions' contributed commands are registered, and an open palette does not pick them up.
 */
async function pickCommand(page, title, { attempts = 3, perTryMs = 10_000 } = {}) {
  const input = page.locator(h.SEL.quickInputBox);
  const row = page.locator(h.SEL.quickInputRow, { hasText: title }).first();
  for (let i = 1; ; i++) {
    await page.keyboard.press('F1');
    await input.waitFor();
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: perTryMs });
      break;
    } catch (err) {
      const shown = await page.locator(h.SEL.quickInputRow).allInnerTexts().catch(() => []);
      if (i >= attempts) throw new Error(`the command palette has no "${title}" after ${i} tries; it lists: ${JSON.stringify(shown)}`);
      h.log(`"${title}" not in the command palette yet (try ${i}); retrying`);
      await page.keyboard.press('Escape');
      await page.locator(h.SEL.quickInput).waitFor({ state: 'hidden' });
    }
  }
  await h.waitFor(async () => (await page.locator(h.SEL.quickInputRow).first().innerText()).includes(title),
    { what: `"${title}" at the top of the command palette`, timeoutMs: 10_000 });
  await page.keyboard.press('Enter');
}

/** Run a command from the palette by its title (waits until the palette has closed). */
export async function runCommand(page, title) {
  await pickCommand(page, title);
  await page.locator(h.SEL.quickInput).waitFor({ state: 'hidden' });
}

/**
 * Run a command that opens a quick pick of its own (e.g. "New document from template…"):
 * the command, then wait for `firstItem` in its list, type `pick`, Enter.
 */
export async function runCommandAndPick(page, title, { firstItem, pick }) {
  await pickCommand(page, title);
  const input = page.locator(h.SEL.quickInputBox);
  // the command's own quick pick replaces the palette in the same widget
  await page.locator(h.SEL.quickInputRow, { hasText: firstItem }).first().waitFor();
  await input.fill(pick);
  await h.waitFor(async () => (await page.locator(h.SEL.quickInputRow).first().innerText()).includes(pick),
    { what: `"${pick}" at the top of the quick pick`, timeoutMs: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator(h.SEL.quickInput).waitFor({ state: 'hidden' });
}

/** Type `text` at the end of line `line` of the active editor. */
export async function typeAtEndOfLine(page, line, text) {
  await page.locator(h.SEL.editorLines).first().click();
  await h.goTo(page, line, 1);
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 20 });
}

/**
 * Show the hover at the cursor (Ctrl+K Ctrl+I, a chord that is retried when a busy machine loses
 * it) and wait until it holds `hasText` and has finished loading. Returns its locator.
 */
export async function showHover(page, hasText) {
  const hover = page.locator(`${h.SEL.hover}:visible`, { hasText }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    try {
      await hover.waitFor({ timeout: 10_000 });
      break;
    } catch (err) {
      if (attempt >= 3) throw new Error(`no hover with "${hasText}" after Ctrl+K Ctrl+I (${attempt} tries): ${err.message}`);
      await page.keyboard.press('Escape');
    }
  }
  await h.waitFor(async () => !(await hover.innerText()).includes('Loading'), { what: 'the hover to finish loading', timeoutMs: 10_000 });
  return hover;
}

/** The active editor's rendered lines (only those scrolled into view), top to bottom. */
export async function editorLines(page) {
  return ((await h.visibleEditorText(page)) ?? '').split('\n');
}

/**
 * The first frame (not the workbench itself) whose lower-cased text satisfies `predicate`:
 * webview content sits two iframes deep.
 */
export async function frameWith(page, predicate, what, { timeoutMs = 30_000 } = {}) {
  return h.waitFor(async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      // innerText applies CSS text-transform ("Scores" may read "SCORES"): compare in lower case
      const text = (await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '')).toLowerCase();
      if (predicate(text)) return frame;
    }
    return null;
  }, { what, timeoutMs });
}

/** Put the cursor at line:col of the focused editor and show the hover there (showHover). */
export async function showHoverAt(page, line, col, text) {
  await page.locator(h.SEL.editorLines).first().click();
  await h.goTo(page, line, col);
  return showHover(page, text);
}

/** Normalise text for "contains" checks across Markdown rendering: words only, lower case. */
export function words(text) {
  return String(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The newest directory under `dir` (e.g. the session folder under <user-data>/logs). */
function newestDir(dir) {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(dir, d.name))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Keep what explains a failure under test-results/e2e/logs/: code-server's log, the extension
 * host log and the "Strategy Lint" output channel (the server's stderr and errors).
 */
export function collectLogs({ codeServerLog, userDataDir, prefix = '' }) {
  const dest = path.join(paths().resultsDir, 'logs');
  fs.mkdirSync(dest, { recursive: true });
  const copied = [];
  const copy = (from, name) => {
    try {
      fs.copyFileSync(from, path.join(dest, prefix + name));
      copied.push(path.join(dest, prefix + name));
    } catch {}
  };
  if (codeServerLog) copy(codeServerLog, 'code-server.log');
  const session = newestDir(path.join(userDataDir, 'logs'));
  if (session) {
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/remoteexthost\.log$|exthost\.log$|Strategy Lint\.log$/.test(entry.name)) copy(full, entry.name.replace(/^\d+-/, ''));
      }
    };
    walk(session);
  }
  return copied;
}

/**
 * Run an editor process (Neovim headless, Emacs in a pty) in its own process group, so the
 * language server it starts goes with it; resolves with its exit code and output, and kills the
 * group after timeoutMs. `name` says which editor in the timeout error, with its output if
 * `outputOnTimeout`.
 */
export function runEditorProcess(name, command, args, options, { timeoutMs, outputOnTimeout = false }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, detached: true });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch {}
      reject(new Error(`${name} did not finish within ${timeoutMs / 1000}s${outputOnTimeout ? `; output:\n${output}` : ''}`));
    }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code) => {
      clearTimeout(timer);
      try { process.kill(-child.pid, 'SIGKILL'); } catch {} // a server that did not exit with it
      resolve({ code, output });
    });
  });
}

/** Ids of the running processes whose command line (NUL-separated, from /proc) `matches` accepts. */
export function processIds(matches) {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    if (matches(cmdline)) pids.push(Number(entry));
  }
  return pids;
}
