// Installs the peers into bench/node_modules from bench/package.json (and its lockfile) when
// any is missing: once per clone, outside the root workspaces and the root lockfile.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, ROOT, log } from './common.mjs';
import { PEER_PACKAGES } from './peers.mjs';

/** Install the peers into bench/node_modules (not the root workspaces) when any is missing. */
export function ensurePeersInstalled() {
  const missing = PEER_PACKAGES.filter((name) => !fs.existsSync(path.join(BENCH_DIR, 'node_modules', name, 'package.json')));
  if (missing.length === 0) return;
  log(`installing the peers into bench/node_modules (missing: ${missing.join(', ')}); once per clone`);
  // The parent `npm run` exports its own prefix; the bench installs into bench/ only.
  const env = { ...process.env };
  delete env.npm_config_prefix;
  delete env.npm_config_local_prefix;
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && npmCli.endsWith('.js')
    ? [process.execPath, [npmCli, 'install', '--prefix', BENCH_DIR, '--no-audit', '--no-fund']]
    : ['npm', ['install', '--prefix', BENCH_DIR, '--no-audit', '--no-fund']];
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' && command === 'npm' });
  if (result.status !== 0) log(`npm install --prefix bench failed (exit ${result.status}); the peers will be reported as not installed`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) ensurePeersInstalled();
