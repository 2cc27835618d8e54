// A docs repository: the CLI over a folder of 1,000 Markdown documents, side by side with
// markdownlint-cli2 on the same folder, and the CLI's `--cache` on an unchanged second run.
//
// The folder is built by buildFolder() from the bench corpus (the memo and the handbook, cut at
// their `##` headings) and the repository's examples/, deterministically (a seeded generator: the
// same inputs give byte-identical files), into the system's temporary directory, and reused while
// its inputs are unchanged. Documents are spread over nested folders, as in a docs repository.
//
// Timing: wall time from spawn to exit of the whole process, as for the CLI cold start; our CLI
// and markdownlint-cli2 alternate (A B A B …). Peak memory is the process's VmHWM (read from
// /proc/<pid>/status while it runs; the CLI's worker threads are in the same process).
//
//   node bench/folder.mjs             prints the figures as JSON
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, BUILT, DOCUMENTS, REFERENCE_DATE, ROOT, exists, firstErrorLine, log, looksLikeCrash, random, summarize } from './common.mjs';

export const FOLDER_DOCUMENTS = 1000;
/** Alternating pairs (ours, markdownlint-cli2) uncached, then runs of ours with an unchanged --cache. */
export const FOLDER_PLAN = { pairs: 3, cachedRuns: 3 };
/** Bumped when the way the folder is built changes (it names the folder). */
const GENERATOR_VERSION = 1;

/** The `##` sections of a Markdown text (front matter and the title left out). */
function sections(text) {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const parts = body.split(/^(?=## )/m).map((part) => part.trim());
  return parts.filter((part) => part.startsWith('## ') && part.length > 200);
}

function inputs() {
  const examplesDir = path.join(ROOT, 'examples');
  const examples = fs.readdirSync(examplesDir).filter((name) => name.endsWith('.md')).sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(examplesDir, name), 'utf8') }));
  const memo = fs.readFileSync(DOCUMENTS.memo.file, 'utf8');
  const handbook = fs.readFileSync(DOCUMENTS.handbook.file, 'utf8');
  return { examples, memo, handbook };
}

const TITLES = ['Strategy', 'Team charter', 'Operating plan', 'Quarterly plan', 'Proposal', 'Handbook page', 'Playbook', 'Guide'];
const AREAS = ['platform', 'growth', 'sales', 'support', 'finance', 'people', 'security', 'data', 'design', 'mobile'];

/** The documents of the folder: [relative path, text], in a fixed order. */
export function folderDocuments({ examples, memo, handbook }, count = FOLDER_DOCUMENTS) {
  const next = random(20261207);
  const pool = [...sections(memo), ...sections(handbook)];
  const docs = [];
  for (let i = 0; i < count; i++) {
    const area = AREAS[i % AREAS.length];
    const sub = `team-${String(Math.floor(i / 100)).padStart(2, '0')}`;
    const number = String(i).padStart(4, '0');
    if (i % 40 === 0) {
      docs.push([`${area}/${sub}/memo-${number}.md`, memo]);
      continue;
    }
    if (i % 20 === 5) {
      const example = examples[Math.floor(i / 20) % examples.length];
      docs.push([`${area}/${sub}/${number}-${example.name}`, example.text]);
      continue;
    }
    const parts = 1 + Math.floor(next() * 4);
    const chosen = [];
    for (let p = 0; p < parts; p++) chosen.push(pool[Math.floor(next() * pool.length)]);
    const title = `# ${TITLES[Math.floor(next() * TITLES.length)]} ${number}`;
    docs.push([`${area}/${sub}/doc-${number}.md`, `${title}\n\n${chosen.join('\n\n')}\n`]);
  }
  return docs;
}

/** Build (or reuse) the folder; resolves with { dir, files, bytes }. */
export function buildFolder() {
  const source = inputs();
  const hash = createHash('sha256').update(JSON.stringify([GENERATOR_VERSION, FOLDER_DOCUMENTS, source])).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `strategy-lint-bench-docs-${hash}`);
  const docs = folderDocuments(source);
  const bytes = docs.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
  const complete = path.join(dir, '.complete');
  if (!fs.existsSync(complete)) {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [relative, text] of docs) {
      fs.mkdirSync(path.join(dir, path.dirname(relative)), { recursive: true });
      fs.writeFileSync(path.join(dir, relative), text);
    }
    fs.writeFileSync(complete, `${docs.length}\n`);
  }
  return { dir, files: docs.length, bytes };
}

/** VmHWM of a live process in MB (null once it is gone or without /proc). */
function vmHwmMb(pid) {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Wall time of a process from spawn to exit, and its peak RSS (polled); stdout kept. */
function timeWithMemory(command, args, { cwd, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve) => {
    const out = [];
    let stderr = '';
    const start = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = null;
    const poll = setInterval(() => {
      const value = vmHwmMb(child.pid);
      if (value !== null) peak = Math.max(peak ?? 0, value);
    }, 20);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-8000); });
    child.on('close', (code, signal) => {
      const ms = performance.now() - start;
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ ms, code, signal, rssMb: peak, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}

function checked(run, name) {
  if (run.signal) return `${name}: killed (${run.signal})`;
  if (![0, 1].includes(run.code)) return `${name}: exit ${run.code}: ${firstErrorLine(run.stderr || run.stdout)}`;
  if (looksLikeCrash(run.stderr)) return `${name}: crashed: ${firstErrorLine(run.stderr)}`;
  return null;
}

function markdownlintBin() {
  const modules = path.join(BENCH_DIR, 'node_modules', 'markdownlint-cli2');
  const { bin, version } = JSON.parse(fs.readFileSync(path.join(modules, 'package.json'), 'utf8'));
  const relative = typeof bin === 'string' ? bin : bin['markdownlint-cli2'] ?? Object.values(bin)[0];
  return { file: path.join(modules, relative), version };
}

/** Whether the built CLI knows an option (its --help names it). */
async function cliKnows(option) {
  const help = await timeWithMemory(process.execPath, [BUILT.cliBin, '--help'], { cwd: ROOT });
  return help.stdout.includes(option);
}

const memory = (runs) => {
  const values = runs.map((run) => run.rssMb).filter((value) => value !== null);
  return values.length ? Math.max(...values) : null;
};

export async function benchFolder() {
  if (!exists(BUILT.cliBundle)) return { error: `CLI not built (${path.relative(ROOT, BUILT.cliBundle)} missing: run node scripts/bundle.mjs)` };
  log(`folder: building ${FOLDER_DOCUMENTS} documents`);
  const folder = buildFolder();
  const ours = ['--reference-date', REFERENCE_DATE, '--no-color', '.'];
  const result = { files: folder.files, bytes: folder.bytes, cores: os.availableParallelism?.() ?? os.cpus().length };
  let peer = null;
  try {
    peer = markdownlintBin();
    result.peer = { name: 'markdownlint-cli2', version: peer.version };
  } catch (error) {
    result.peer = { name: 'markdownlint-cli2', error: `not installed (${error instanceof Error ? error.message : error})` };
  }
  const oursRuns = [];
  const peerRuns = [];
  for (let pair = 0; pair < FOLDER_PLAN.pairs; pair++) {
    log(`folder: pair ${pair + 1}/${FOLDER_PLAN.pairs} (strategy-lint, markdownlint-cli2)`);
    const run = await timeWithMemory(process.execPath, [BUILT.cliBin, ...ours], { cwd: folder.dir });
    const problem = checked(run, 'strategy-lint');
    if (problem) return { ...result, error: problem };
    oursRuns.push(run);
    if (peer) {
      const peerRun = await timeWithMemory(process.execPath, [peer.file, '**/*.md'], { cwd: folder.dir });
      const peerProblem = checked(peerRun, 'markdownlint-cli2');
      if (peerProblem) result.peer.error = peerProblem;
      else peerRuns.push(peerRun);
    }
  }
  result.uncached = { ...summarize(oursRuns.map((run) => run.ms)), rssMb: memory(oursRuns) };
  if (peerRuns.length) result.peer = { ...result.peer, ...summarize(peerRuns.map((run) => run.ms)), rssMb: memory(peerRuns) };

  if (await cliKnows('--cache')) {
    const cacheFile = path.join(os.tmpdir(), `strategy-lint-bench-cache-${process.pid}.json`);
    fs.rmSync(cacheFile, { force: true });
    const withCache = [...ours.slice(0, -1), '--cache', '--cache-location', cacheFile, '.'];
    try {
      log('folder: --cache, first run (writes the cache)');
      const filling = await timeWithMemory(process.execPath, [BUILT.cliBin, ...withCache], { cwd: folder.dir });
      const problem = checked(filling, 'strategy-lint --cache');
      if (problem) result.cached = { error: problem };
      else {
        const cachedRuns = [];
        for (let i = 0; i < FOLDER_PLAN.cachedRuns; i++) {
          log(`folder: --cache, unchanged run ${i + 1}/${FOLDER_PLAN.cachedRuns}`);
          const run = await timeWithMemory(process.execPath, [BUILT.cliBin, ...withCache], { cwd: folder.dir });
          const runProblem = checked(run, 'strategy-lint --cache');
          if (runProblem) {
            result.cached = { error: runProblem };
            break;
          }
          cachedRuns.push(run);
        }
        if (cachedRuns.length === FOLDER_PLAN.cachedRuns) {
          // The cached report must be the uncached one, byte for byte.
          const same = cachedRuns.every((run) => run.stdout === oursRuns[0].stdout) && filling.stdout === oursRuns[0].stdout;
          result.cached = { ...summarize(cachedRuns.map((run) => run.ms)), firstMs: filling.ms, rssMb: memory(cachedRuns), sameOutput: same };
        }
      }
    } finally {
      fs.rmSync(cacheFile, { force: true });
    }
  } else {
    result.cached = { error: 'the CLI has no --cache option' };
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchFolder();
  const strip = (key, value) => (key === 'samples' ? undefined : value);
  console.log(JSON.stringify(results, strip, 2));
}
