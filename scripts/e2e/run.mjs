#!/usr/bin/env node
// npm run test:e2e — Strategy Lint proven in real editors.
//
//   1. installs what the run needs (Node 24, code-server, Chromium, Neovim, Emacs with eglot and
//      markdown-mode, playwright-core; cached under .cache/e2e/ or from apt, a no-op when present)
//                                                                    — env.mjs ensureInstalled()
//   2. builds the extension: npm run package → strategy-lint.vsix
//   3. runs, with Node's test runner, one file after the other:
//        vscode.e2e.test.mjs   the .vsix in code-server, driven from headless Chromium
//        trust.e2e.test.mjs    the .vsix in code-server with workspace trust on (Restricted Mode)
//        web.e2e.test.mjs      the .vsix's browser build in code-server's web-worker extension host
//        neovim.e2e.test.mjs   the language server through Neovim's built-in LSP client
//        emacs.e2e.test.mjs    the README's Emacs configuration in a real emacs -nw: eglot + flymake
//                              (skipped, saying why, only if Emacs could not be installed)
//   4. prints "N passed, N failed" with the time of each part and each scenario; on failure, where
//      the screenshots are and the tail of the code-server and extension logs.
//
// Artifacts: test-results/e2e/<nn>-<name>.png (one or more per scenario), results.tap,
// neovim-result.json, emacs-result.json, emacs-terminal.log, package.log, logs/ (code-server.log, remoteexthost.log, Strategy Lint.log).
//
//   node scripts/e2e/run.mjs [--vsix <file>] [--only vscode|trust|web|neovim|emacs] [--test-name-pattern <re>]
//     --vsix <file>   use this .vsix instead of running npm run package
//   E2E_KEEP=1 keeps the temporary folders; E2E_HEADED=1 shows the browser (needs a display).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled, paths } from './env.mjs';

const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const repo = paths().repoRoot;
const results = paths().resultsDir;
const rel = (p) => path.relative(process.cwd(), p) || '.';
const log = (msg) => process.stdout.write(`[e2e] ${msg}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

// (The outer npm's own Node details are dropped for nested installs by node24Env() in env.mjs.)

const SUITES = {
  vscode: path.join(import.meta.dirname, 'vscode.e2e.test.mjs'),
  neovim: path.join(import.meta.dirname, 'neovim.e2e.test.mjs'),
  trust: path.join(import.meta.dirname, 'trust.e2e.test.mjs'),
  web: path.join(import.meta.dirname, 'web.e2e.test.mjs'),
  emacs: path.join(import.meta.dirname, 'emacs.e2e.test.mjs'),
};
const only = option('--only');
if (only && !SUITES[only]) {
  process.stderr.write(`--only must be one of ${Object.keys(SUITES).join(', ')}\n`);
  process.exit(2);
}

/** Run a command; output to the console (inherit) or to a log file. Resolves with the exit code. */
function run(cmd, args, { env = process.env, logFile } = {}) {
  return new Promise((resolve, reject) => {
    const out = logFile ? fs.openSync(logFile, 'w') : 'inherit';
    const child = spawn(cmd, args, { cwd: repo, env, stdio: ['ignore', out, out] });
    if (logFile) fs.closeSync(out);
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${rel(file)})`;
  }
}

/** Tests and suites from a TAP file, in order: { name, ok, skipped, reason, ms, suite }. */
function parseTap(file) {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  const tests = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(not ok|ok) \d+ - (.*?)(?: # (SKIP|TODO)\b ?(.*))?$/.exec(lines[i]);
    if (!m) continue;
    const entry = { name: m[2], ok: m[1] === 'ok', skipped: Boolean(m[3]), reason: m[4] ?? '', ms: null, suite: false };
    if (/^\s*---$/.test(lines[i + 1] ?? '')) {
      for (let j = i + 2; j < lines.length && !/^\s*\.\.\.$/.test(lines[j]); j++) {
        const d = /duration_ms: ([\d.]+)/.exec(lines[j]);
        if (d) entry.ms = Number(d[1]);
        if (/type: 'suite'/.test(lines[j])) entry.suite = true;
      }
    }
    tests.push(entry);
  }
  return tests;
}

const timings = [];
const t0 = performance.now();
async function phase(name, fn) {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    timings.push([name, performance.now() - start]);
  }
}

function printTimings() {
  timings.push(['total', performance.now() - t0]);
  log('timings:');
  for (const [name, ms] of timings) log(`  ${name.padEnd(28)} ${seconds(ms).padStart(7)}`);
}

function printFailureHelp() {
  const shots = fs.existsSync(results) ? fs.readdirSync(results).filter((f) => /^\d\d-.*\.png$/.test(f)) : [];
  log(`screenshots (${shots.length}): ${rel(results)}/  — each scenario's last state is <nn>-<name>.png`);
  log(`logs: ${rel(path.join(results, 'logs'))}/`);
  process.stdout.write(`\n--- tail of ${rel(path.join(results, 'logs', 'code-server.log'))} ---\n${tail(path.join(results, 'logs', 'code-server.log'), 30)}\n`);
  process.stdout.write(`\n--- tail of ${rel(path.join(results, 'logs', 'Strategy Lint.log'))} ---\n${tail(path.join(results, 'logs', 'Strategy Lint.log'), 30)}\n`);
  process.stdout.write(`\n--- tail of ${rel(path.join(results, 'logs', 'remoteexthost.log'))} ---\n${tail(path.join(results, 'logs', 'remoteexthost.log'), 20)}\n\n`);
}

// Old artifacts of this runner go first, so nothing stale is mistaken for this run's evidence.
fs.mkdirSync(results, { recursive: true });
for (const f of fs.readdirSync(results)) {
  if (/^(\d\d|web|trust)-.*\.png$/.test(f) || ['results.tap', 'neovim-result.json', 'emacs-result.json', 'emacs-terminal.log', 'package.log'].includes(f)) fs.rmSync(path.join(results, f));
}
fs.rmSync(path.join(results, 'logs'), { recursive: true, force: true });

await phase('install (ensureInstalled)', () => ensureInstalled({ log: (m) => log(m) }));

let vsix = option('--vsix');
if (vsix) vsix = path.resolve(vsix);
else {
  vsix = path.join(repo, 'strategy-lint.vsix');
  const packageLog = path.join(results, 'package.log');
  log(`npm run package (output: ${rel(packageLog)})`);
  const code = await phase('npm run package', () => run('npm', ['run', 'package'], { logFile: packageLog }));
  if (code !== 0 || !fs.existsSync(vsix)) {
    process.stdout.write(`\n--- tail of ${rel(packageLog)} ---\n${tail(packageLog, 25)}\n\n`);
    log(`npm run package failed (exit ${code}): no extension to test`);
    printTimings();
    log('0 passed, 1 failed');
    process.exit(1);
  }
  log(`built ${rel(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB)`);
}

const tap = path.join(results, 'results.tap');
const pattern = option('--test-name-pattern');
const files = only ? [SUITES[only]] : [SUITES.vscode, SUITES.trust, SUITES.web, SUITES.neovim, SUITES.emacs];
const code = await phase('scenarios (node --test)', () => run(process.execPath, [
  '--test',
  '--test-concurrency=1', // one file at a time: a 2-core machine runs one browser + code-server well, not two
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...(pattern ? [`--test-name-pattern=${pattern}`] : []),
  ...files,
], { env: { ...process.env, E2E_VSIX: vsix } }));

const entries = parseTap(tap);
const ran = entries.filter((t) => !t.skipped && !t.suite);
const passed = ran.filter((t) => t.ok).length;
const failed = ran.length - passed;
log('scenarios:');
// TAP lists a suite after its tests; its time includes its before/after hooks (starting code-server…)
for (const t of entries.filter((e) => !e.skipped)) {
  const time = (t.ms === null ? '' : seconds(t.ms)).padStart(7);
  log(t.suite ? `  ${t.ok ? 'ok  ' : 'FAIL'} ${time}  [suite total] ${t.name}\n` : `  ${t.ok ? 'ok  ' : 'FAIL'} ${time}  ${t.name}`);
}
// A skipped suite (Emacs that could not be installed) is said, with its reason, not hidden.
const skippedEntries = entries.filter((e) => e.skipped);
for (const t of skippedEntries) log(`  SKIP          ${t.name}: ${t.reason.replace(/\\#/g, '#')}`);
printTimings();
if (code !== 0 || failed > 0 || (ran.length === 0 && skippedEntries.length === 0)) {
  printFailureHelp();
  log(`${passed} passed, ${Math.max(failed, 1)} failed`);
  process.exit(1);
}
log(`${passed} passed, ${failed} failed${skippedEntries.length ? `, ${skippedEntries.length} skipped` : ''}`);
