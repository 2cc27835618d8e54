// CLI cold start: wall time of a whole `node <cli> FILE` process, from spawn to exit, as a user
// (or CI) running the command pays it: Node's start, loading the bundle, reading and linting the
// file, printing. One untimed run first warms the OS file cache, as for every peer.
//
//   node bench/cli.mjs               prints the figures as JSON
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT, DOCUMENTS, REFERENCE_DATE, ROOT, exists, firstErrorLine, log, looksLikeCrash, repeat, summarize, timeProcess } from './common.mjs';

/** How many runs: the memo is the figure that matters; the handbook gets a time budget. */
export const CLI_PLAN = {
  memo: { warmup: 1, runs: 10, minRuns: 10 },
  handbook: { warmup: 0, runs: 3, minRuns: 1, budgetMs: 30_000 },
};

/**
 * Time a command-line tool on a file. `command(file)` gives [executable, args]; exit codes in
 * `okCodes` count as a run (linters exit 1 when they find something); anything else is an error
 * reported with the tool's first error line, and so is a crash (an uncaught exception's stack).
 */
export async function timeCli(command, file, plan, { okCodes = [0, 1], env = {}, timeoutMs = 120_000 } = {}) {
  const [executable, args] = command(file);
  let lastStderr = '';
  const once = async () => {
    const run = await timeProcess(executable, args, { env, timeoutMs });
    lastStderr = run.stderr;
    if (run.timedOut) return { ok: false, error: `timed out after ${timeoutMs / 1000} s` };
    if (!okCodes.includes(run.code)) return { ok: false, error: `exit ${run.code}: ${firstErrorLine(run.stderr || run.stdout)}` };
    // An uncaught exception exits with 1 too, like a linter that found something.
    if (looksLikeCrash(run.stderr)) return { ok: false, error: `crashed: ${firstErrorLine(run.stderr)}` };
    return { ok: true, ms: run.ms };
  };
  const result = await repeat(once, plan);
  return { ...result, stderr: lastStderr };
}

export const OUR_CLI = (file) => [process.execPath, [BUILT.cliBin, '--reference-date', REFERENCE_DATE, '--no-color', file]];

/** Alternating pairs (ours, markdownlint-cli2) on the memo, after one warm-up run of each. */
export const PAIRS = 7;

/**
 * Our CLI against markdownlint-cli2 on the memo, A B A B …: the ratio ours ÷ theirs is taken
 * pair by pair (a drift of the machine's speed during the run moves both), and its median kept.
 */
export async function pairedWithMarkdownlint(doc = DOCUMENTS.memo) {
  const { PEERS } = await import('./peers.mjs');
  const peer = PEERS.find((candidate) => candidate.name === 'markdownlint-cli2');
  let theirs;
  try {
    theirs = peer.command(doc.file);
  } catch (error) {
    return { error: `markdownlint-cli2 not installed (${error instanceof Error ? error.message : error})` };
  }
  const ours = OUR_CLI(doc.file);
  const once = async ([executable, args]) => {
    const run = await timeProcess(executable, args);
    if (run.timedOut || ![0, 1].includes(run.code) || looksLikeCrash(run.stderr)) throw new Error(`${path.basename(args[0])}: exit ${run.code}: ${firstErrorLine(run.stderr || run.stdout)}`);
    return run.ms;
  };
  try {
    await once(ours);
    await once(theirs);
    const pairs = [];
    for (let i = 0; i < PAIRS; i++) pairs.push({ ours: await once(ours), theirs: await once(theirs) });
    const ratios = pairs.map((pair) => pair.ours / pair.theirs);
    return { pairs: pairs.length, ratio: summarize(ratios), ours: summarize(pairs.map((pair) => pair.ours)), theirs: summarize(pairs.map((pair) => pair.theirs)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export async function benchCli() {
  if (!exists(BUILT.cliBundle)) return { error: `CLI not built (${path.relative(ROOT, BUILT.cliBundle)} missing: run node scripts/bundle.mjs)` };
  const results = {};
  for (const doc of Object.values(DOCUMENTS)) {
    log(`cli: strategy-lint on the ${doc.key}`);
    const { stderr: _stderr, ...result } = await timeCli(OUR_CLI, doc.file, CLI_PLAN[doc.key]);
    results[doc.key] = result;
  }
  log(`cli: strategy-lint and markdownlint-cli2 on the memo, ${PAIRS} alternating pairs`);
  results.pairs = await pairedWithMarkdownlint();
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchCli();
  const strip = (key, value) => (key === 'samples' ? undefined : value);
  console.log(JSON.stringify(results, strip, 2));
}
