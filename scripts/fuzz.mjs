// Longer local fuzzing of the engine: runs the property tests (server/test/fuzz*.test.ts) with
// more cases and any seed, and saves every counterexample as a regression fixture under
// server/test/fixtures/fuzz-regressions/ (replayed by fuzz-regressions.test.ts on every run).
//
//   node scripts/fuzz.mjs                      1,000 cases per property, a random seed
//   node scripts/fuzz.mjs --runs 5000 --seed 42
//   node scripts/fuzz.mjs --no-build           skip `tsc -p server` (already built)
//   FUZZ_RUNS=5000 FUZZ_SEED=42 node scripts/fuzz.mjs   (the same, by environment)
//
// CI runs the same tests with the fixed seed and bounded counts written in the tests.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function option(name) {
  const at = args.indexOf(`--${name}`);
  if (at >= 0 && args[at + 1] !== undefined) return args[at + 1];
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : undefined;
}

if (args.includes('--help') || args.includes('-h')) {
  console.log('Usage: node scripts/fuzz.mjs [--runs N] [--seed S] [--no-build]');
  process.exit(0);
}

const runs = Number(option('runs') ?? process.env.FUZZ_RUNS ?? 1000);
const seed = Number(option('seed') ?? process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isInteger(runs) || runs <= 0) throw new Error(`--runs must be a positive whole number, got ${option('runs')}`);
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got ${option('seed')}`);

if (!args.includes('--no-build')) {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'server')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const testDir = path.join(root, 'server', 'dist', 'test');
const files = fs.readdirSync(testDir).filter((name) => /^fuzz.*\.test\.js$/.test(name)).map((name) => path.join(testDir, name));
console.log(`Fuzzing with ${runs} cases per property, seed ${seed} (replay: node scripts/fuzz.mjs --runs ${runs} --seed ${seed})`);
const started = Date.now();
const result = spawnSync(process.execPath, ['--test', '--test-timeout=0', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_SAVE: '1' },
});
console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s. Counterexamples (if any) are in server/test/fixtures/fuzz-regressions/.`);
process.exit(result.status ?? 1);
