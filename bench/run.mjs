// `npm run bench` (after `npm run build`): measures the engine, the language server, the CLI and
// the peer linters on the two fixed inputs in one run, prints ONE table, and writes
// bench/RESULTS.md (with the machine's description) and bench/results.svg.
//
//   node bench/run.mjs                       everything (installs the peers on first use)
//   node bench/run.mjs --only engine,server  some parts; prints the table, writes nothing
//   node bench/run.mjs --json FILE           also writes the raw figures to FILE (for before/after comparisons)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { DOCUMENTS, ROOT } from './common.mjs';
import { benchEngine } from './engine.mjs';
import { benchServer } from './server.mjs';
import { benchCli } from './cli.mjs';
import { benchPeers } from './peers.mjs';
import { benchWorkspace } from './workspace.mjs';
import { benchFolder } from './folder.mjs';
import { ensurePeersInstalled } from './install.mjs';
import { renderTable, writeReport } from './report.mjs';

const PARTS = { engine: benchEngine, server: benchServer, cli: benchCli, peers: benchPeers, folder: benchFolder, workspace: benchWorkspace };

function parseArgs(argv) {
  argv = argv.filter((arg, i) => arg !== '--json' && argv[i - 1] !== '--json');
  const onlyIndex = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (onlyIndex < 0) return { parts: Object.keys(PARTS), partial: false };
  const value = argv[onlyIndex].includes('=') ? argv[onlyIndex].split('=')[1] : argv[onlyIndex + 1] ?? '';
  const parts = value.split(',').map((part) => part.trim()).filter(Boolean);
  const unknown = parts.filter((part) => !(part in PARTS));
  if (unknown.length || parts.length === 0) {
    console.error(`--only takes a comma-separated list of: ${Object.keys(PARTS).join(', ')}`);
    process.exit(2);
  }
  return { parts, partial: true };
}

function osName() {
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1];
    if (pretty) return `${pretty} (${os.type()} ${os.release()}, ${os.arch()})`;
  } catch { /* not Linux */ }
  return `${os.type()} ${os.release()} (${os.arch()})`;
}

function commit() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown (not a git checkout)';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'server', 'scripts'], { cwd: ROOT, encoding: 'utf8' });
  return `${head.stdout.trim()}${dirty.stdout.trim() ? ' + uncommitted changes in server/ or scripts/' : ''}`;
}

function describeMachine(started) {
  const cpus = os.cpus();
  const cpu = cpus[0]?.model?.trim() || 'unknown CPU';
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length;
  const memoryGiB = os.totalmem() / 2 ** 30;
  const date = started.date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  return {
    cpu, cores, memoryGiB, node: process.version, os: osName(), date, commit: commit(),
    loadStart: started.load, loadEnd: os.loadavg()[0], seconds: (performance.now() - started.at) / 1000,
    summary: `${cpu}, ${cores} cores, ${memoryGiB.toFixed(0)} GiB, Node ${process.version}, ${os.platform()}, ${date.slice(0, 10)}`,
  };
}

async function main() {
  const { parts, partial } = parseArgs(process.argv.slice(2));
  const missingInputs = Object.values(DOCUMENTS).filter((doc) => !fs.existsSync(doc.file));
  if (missingInputs.length) {
    console.error(`missing inputs: ${missingInputs.map((doc) => doc.display).join(', ')} (clone shared/ beside the repo)`);
    process.exit(2);
  }
  if (parts.some((part) => ['peers', 'cli', 'folder'].includes(part))) ensurePeersInstalled();
  const started = { at: performance.now(), load: os.loadavg()[0], date: new Date() };
  const results = {};
  const partLoads = {};
  for (const part of parts) {
    const loadBefore = os.loadavg()[0];
    try {
      results[part] = await PARTS[part]();
    } catch (error) {
      results[part] = { error: error instanceof Error ? error.message : String(error) };
    }
    partLoads[part] = [loadBefore, os.loadavg()[0]];
  }
  const machine = { ...describeMachine(started), partLoads };
  const jsonIndex = process.argv.indexOf('--json');
  if (jsonIndex > 0 && process.argv[jsonIndex + 1]) fs.writeFileSync(process.argv[jsonIndex + 1], JSON.stringify({ results, machine }));
  const loads = Object.entries(partLoads).map(([part, [from, to]]) => `${part} ${from.toFixed(1)} → ${to.toFixed(1)}`).join(', ');
  console.log(`\n${renderTable(results)}\n\n${machine.summary}; load average ${machine.loadStart.toFixed(1)} → ${machine.loadEnd.toFixed(1)} (${loads}); ${Math.round(machine.seconds)} s`);
  if (partial) {
    console.error('[bench] partial run (--only): bench/RESULTS.md and bench/results.svg left as they were');
    return;
  }
  writeReport(results, machine);
  console.error('[bench] wrote bench/RESULTS.md and bench/results.svg');
}

await main();
