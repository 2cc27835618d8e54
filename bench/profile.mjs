// Where the engine spends its time on one document (not part of `npm run bench`; a guide for
// performance work). Prints:
//   - the lint split into "document model + parse" (every rule off) and each rule's own check
//     (timed by wrapping rule.check during full lints; a lazily built model part, such as the
//     sentences, is charged to the first rule that asks for it);
//   - a CPU profile of the full lints (node:inspector), self time summed by function and by
//     module (engine file or npm package).
//
//   node bench/profile.mjs [memo|handbook] [--runs N]
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT, DOCUMENTS, REFERENCE_DATE, ROOT, percentile } from './common.mjs';

const args = process.argv.slice(2);
const doc = DOCUMENTS[args.find((arg) => arg in DOCUMENTS) ?? 'handbook'];
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : doc.key === 'memo' ? 20 : 5;

const { lint, allRules } = await import(pathToFileURL(BUILT.engine).href);
const text = fs.readFileSync(doc.file, 'utf8');
const options = { filePath: doc.file, today: new Date(`${REFERENCE_DATE}T12:00:00Z`) };

// Per-rule time: wrap each rule's check (the rule objects are the engine's own).
const ruleMs = new Map();
for (const rule of allRules) {
  const check = rule.check;
  rule.check = (context) => {
    const start = performance.now();
    try {
      return check(context);
    } finally {
      ruleMs.set(rule.meta.id, (ruleMs.get(rule.meta.id) ?? 0) + performance.now() - start);
    }
  };
}

const time = (fn) => { const start = performance.now(); fn(); return performance.now() - start; };
for (let i = 0; i < 2; i++) lint(text, options); // warm-up
ruleMs.clear();

// Timing, without the profiler: full lint and lint with every rule off, in turn.
const full = [];
const noRules = [];
for (let i = 0; i < runs; i++) {
  full.push(time(() => lint(text, options)));
  noRules.push(time(() => lint(text, { ...options, onlyRules: [] })));
}
const ruleTotals = new Map(ruleMs);

// Then the CPU profile of as many full lints.
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
for (let i = 0; i < runs; i++) lint(text, options);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const fmt = (ms) => `${ms.toFixed(1).padStart(8)} ms`;
const pct = (part, whole) => `${((100 * part) / whole).toFixed(1).padStart(5)} %`;
const fullMedian = percentile(full, 50);
console.log(`${doc.display}: ${text.length.toLocaleString('en-US')} characters, ${runs} runs`);
console.log(`full lint, median               ${fmt(fullMedian)}`);
console.log(`parse + document model (no rule)${fmt(percentile(noRules, 50))}  ${pct(percentile(noRules, 50), fullMedian)}`);
console.log('\nRules by time per lint (mean over the timed runs):');
const rules = [...ruleTotals.entries()].map(([id, ms]) => [id, ms / runs]).sort((a, b) => b[1] - a[1]);
for (const [id, ms] of rules.slice(0, 15)) console.log(`  ${fmt(ms)}  ${pct(ms, fullMedian)}  ${id}`);
console.log(`  (${rules.length} rules ran; all together ${fmt(rules.reduce((sum, [, ms]) => sum + ms, 0))})`);

// CPU profile: self time per node → per function and per module.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i] ?? 0;
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + delta);
}
const moduleOf = (url) => {
  if (!url) return '(native / GC)';
  const file = url.startsWith('file:') ? decodeURIComponent(new URL(url).pathname) : url;
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (inModules) return inModules[1];
  if (file.startsWith(ROOT)) return path.relative(path.join(ROOT, 'server', 'dist', 'src'), file);
  return file.startsWith('node:') ? file : path.basename(file);
};
/** A function's file: the engine file, or the package and its file. */
const fileOf = (url) => {
  if (!url) return '';
  const file = url.startsWith('file:') ? decodeURIComponent(new URL(url).pathname) : url;
  const inModules = /node_modules\/(.*)$/.exec(file);
  if (inModules) return inModules[1];
  return file.startsWith(ROOT) ? path.relative(path.join(ROOT, 'server', 'dist', 'src'), file) : file;
};
const byFunction = new Map();
const byModule = new Map();
let totalUs = 0;
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id);
  if (callFrame.functionName === '(idle)' || callFrame.functionName === '(program)') continue;
  totalUs += us;
  const module = callFrame.url ? moduleOf(callFrame.url) : callFrame.functionName;
  const fn = `${callFrame.functionName || '(anonymous)'}  ${fileOf(callFrame.url) || module}:${callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  byModule.set(module, (byModule.get(module) ?? 0) + us);
}
const top = (map, count) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
console.log('\nCPU self time by module (profiled full lints):');
for (const [name, us] of top(byModule, 15)) console.log(`  ${pct(us, totalUs)}  ${name}`);
console.log('\nCPU self time by function:');
for (const [name, us] of top(byFunction, 20)) console.log(`  ${pct(us, totalUs)}  ${name}`);
