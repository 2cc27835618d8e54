// Shared by the bench modules: where things are, the two fixed inputs, statistics and timing.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..');
/** The fixed inputs live in shared/, cloned beside the repo. */
export const CORPUS_DIR = path.resolve(ROOT, '..', 'shared', 'corpus', 'bench');

export const DOCUMENTS = {
  memo: { key: 'memo', label: 'memo (2,500 words)', file: path.join(CORPUS_DIR, 'memo-2500w.md'), display: '../shared/corpus/bench/memo-2500w.md' },
  handbook: { key: 'handbook', label: 'handbook (50,000 words)', file: path.join(CORPUS_DIR, 'handbook-50kw.md'), display: '../shared/corpus/bench/handbook-50kw.md' },
};

/** The Node flags the VS Code client starts the server with (SERVER_NODE_FLAGS in client/src/language-client.ts; a test keeps them equal). */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];

export const BUILT = {
  engine: path.join(ROOT, 'server', 'dist', 'src', 'engine', 'index.js'),
  cliBundle: path.join(ROOT, 'server', 'out', 'cli.js'),
  cliBin: path.join(ROOT, 'server', 'bin', 'strategy-lint.cjs'),
  server: path.join(ROOT, 'server', 'out', 'server.js'),
};

/** A fixed "today", so date rules see the same reference on every run. */
export const REFERENCE_DATE = '2026-11-21';

export function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Nearest-rank percentile of a list of numbers (p = 50 → median, 95 → p95). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples) {
  return { n: samples.length, median: percentile(samples, 50), p95: percentile(samples, 95), min: Math.min(...samples), samples };
}

/**
 * Spawn a command and measure its wall time from spawn to exit (stdout and stderr are drained and
 * kept, for checking that the tool really ran). Resolves with { ms, code, stdout, stderr, timedOut }.
 */
export function timeProcess(command, args, { cwd = BENCH_DIR, env = {}, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve) => {
    const out = [];
    const err = [];
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', (error) => err.push(Buffer.from(String(error))));
    child.on('close', (code) => {
      const ms = performance.now() - start;
      clearTimeout(timer);
      resolve({ ms, code, timedOut, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/**
 * Run `once` repeatedly: `warmup` untimed runs, then timed runs until `runs` are done or, after at
 * least `minRuns`, the time budget is spent. `once` resolves with { ms, ok, error? }.
 * Resolves with { ...summary, error? }; stops at the first failure.
 */
export async function repeat(once, { runs, minRuns = runs, warmup = 0, budgetMs = Infinity }) {
  for (let i = 0; i < warmup; i++) {
    const result = await once();
    if (!result.ok) return { n: 0, error: result.error };
  }
  const samples = [];
  const started = performance.now();
  while (samples.length < runs) {
    const result = await once();
    if (!result.ok) return { ...(samples.length ? summarize(samples) : { n: 0 }), error: result.error };
    samples.push(result.ms);
    if (samples.length >= minRuns && performance.now() - started > budgetMs) break;
  }
  return summarize(samples);
}

/** 4.3 ms, 123 ms, 1.23 s, 12.3 s. */
export function formatMs(ms) {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return 'n/a';
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 1 : 2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function exists(file) {
  return fs.existsSync(file);
}

/** The first meaningful line of a failed tool's output, for the table. */
export function firstErrorLine(text) {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const thrown = lines.find((line) => /^[\w.]*(Error|Exception)\b/.test(line));
  return (thrown ?? lines.find((line) => /error|cannot|failed|not found/i.test(line)) ?? lines[0] ?? 'no output').slice(0, 160);
}

/** Node's report of an uncaught exception: an error line and a stack ("    at …"). */
export function looksLikeCrash(stderr) {
  return /^\s+at .+/m.test(stderr) && /^[\w.]*(Error|Exception)\b/m.test(stderr);
}

/** A small deterministic random generator (mulberry32): the same seed gives the same folder, run after run. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
