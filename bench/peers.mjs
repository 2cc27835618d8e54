// Peers: other Markdown / prose linters on the same files, timed exactly like our CLI (cold
// start of a whole process, one warm-up run, then the median). They are devDependencies of
// bench/package.json, installed into bench/node_modules by bench/run.mjs on first use, and run
// with their default configuration (textlint with the one rule it is compared on).
//
//   node bench/peers.mjs             prints the figures as JSON
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, DOCUMENTS, formatMs, log } from './common.mjs';
import { timeCli } from './cli.mjs';

const MODULES = path.join(BENCH_DIR, 'node_modules');

export const PEER_PLAN = {
  memo: { warmup: 1, runs: 5, minRuns: 5 },
  handbook: { warmup: 0, runs: 3, minRuns: 1, budgetMs: 20_000 },
};

function packageJson(name) {
  return JSON.parse(fs.readFileSync(path.join(MODULES, name, 'package.json'), 'utf8'));
}

/** The file a package's `bin` points at, run with this Node (no shell shim in the timing). */
function binOf(name) {
  const { bin } = packageJson(name);
  const relative = typeof bin === 'string' ? bin : bin[name] ?? Object.values(bin)[0];
  return path.join(MODULES, name, relative);
}

export const PEERS = [
  {
    name: 'markdownlint-cli2',
    packages: ['markdownlint-cli2'],
    how: 'default rules',
    command: (file) => [process.execPath, [binOf('markdownlint-cli2'), file]],
  },
  {
    name: 'textlint + write-good',
    packages: ['textlint', 'textlint-rule-write-good'],
    how: '`--no-textlintrc --rule write-good`',
    command: (file) => [process.execPath, [binOf('textlint'), '--no-textlintrc', '--rule', 'write-good', file]],
  },
  {
    name: 'alex',
    packages: ['alex'],
    how: 'default rules',
    env: { NO_UPDATE_NOTIFIER: '1' },
    command: (file) => [process.execPath, [binOf('alex'), file]],
  },
  {
    name: 'harper.js',
    packages: ['harper.js'],
    how: '[`bench/harper-lint.mjs`](harper-lint.mjs): LocalLinter, Markdown, American English',
    command: (file) => [process.execPath, [path.join(BENCH_DIR, 'harper-lint.mjs'), file]],
  },
];

/** All peers' packages, for the installer to check. */
export const PEER_PACKAGES = PEERS.flatMap((peer) => peer.packages);

export async function benchPeers() {
  const results = [];
  for (const peer of PEERS) {
    const entry = { name: peer.name, how: peer.how, versions: {}, documents: {} };
    try {
      for (const name of peer.packages) entry.versions[name] = packageJson(name).version;
    } catch (error) {
      entry.error = `not installed (${error instanceof Error ? error.message : error})`;
      results.push(entry);
      continue;
    }
    for (const doc of Object.values(DOCUMENTS)) {
      log(`peers: ${peer.name} on the ${doc.key}`);
      const { stderr, ...result } = await timeCli(peer.command, doc.file, PEER_PLAN[doc.key], {
        env: peer.env,
        timeoutMs: doc.key === 'memo' ? 60_000 : 180_000,
      });
      const timing = /harper\.js timing: setup (\d+) ms, lint (\d+) ms/.exec(stderr);
      if (timing) result.note = `last run: setup ${formatMs(Number(timing[1]))}, lint ${formatMs(Number(timing[2]))}`;
      entry.documents[doc.key] = result;
    }
    results.push(entry);
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchPeers();
  const strip = (key, value) => (key === 'samples' ? undefined : value);
  console.log(JSON.stringify(results, strip, 2));
}
