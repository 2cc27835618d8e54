// Engine: full lint of each document vs the remark-parse floor, in this process, after warm-up.
//
// The floor is `unified().use(remarkParse).parse(text)` with the very packages the engine uses
// (resolved from the server workspace). "Engine parser" is the processor the engine builds
// (remark-parse + GFM + YAML front matter), shown for information: the gap between it and the
// floor is the price of those extensions, the rest is the engine's own model and rules.
// The three are timed in turn within each round, so machine noise hits them alike.
//
//   node bench/engine.mjs            prints the figures as JSON
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT, DOCUMENTS, REFERENCE_DATE, ROOT, exists, log, summarize } from './common.mjs';

const PLAN = { memo: { warmup: 5, runs: 30 }, handbook: { warmup: 2, runs: 10 } };

/** Import a package as the server workspace resolves it (npm may hoist it to the root). */
async function importFromServer(name) {
  const require = createRequire(path.join(ROOT, 'server', 'package.json'));
  return import(pathToFileURL(require.resolve(name)).href);
}

function time(fn) {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export async function benchEngine() {
  if (!exists(BUILT.engine)) return { error: `engine not built (${path.relative(ROOT, BUILT.engine)} missing: run npx tsc -p server)` };
  const { lint } = await import(pathToFileURL(BUILT.engine).href);
  const { unified } = await importFromServer('unified');
  const remarkParse = (await importFromServer('remark-parse')).default;
  const remarkGfm = (await importFromServer('remark-gfm')).default;
  const remarkFrontmatter = (await importFromServer('remark-frontmatter')).default;
  const floor = unified().use(remarkParse);
  const engineParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
  const today = new Date(`${REFERENCE_DATE}T12:00:00Z`);

  const results = {};
  for (const doc of Object.values(DOCUMENTS)) {
    const text = fs.readFileSync(doc.file, 'utf8');
    const { warmup, runs } = PLAN[doc.key];
    log(`engine: ${doc.key} (${warmup} warm-up + ${runs} runs)`);
    const lintOnce = () => lint(text, { filePath: doc.file, today });
    const samples = { lint: [], floor: [], parser: [] };
    let findings = 0;
    let docType = '';
    for (let round = 0; round < warmup + runs; round++) {
      const linted = time(lintOnce);
      const parsedFloor = time(() => floor.parse(text));
      const parsedEngine = time(() => engineParser.parse(text));
      if (round < warmup) continue;
      samples.lint.push(linted.ms);
      samples.floor.push(parsedFloor.ms);
      samples.parser.push(parsedEngine.ms);
      findings = linted.value.findings.length;
      docType = linted.value.docType;
    }
    const lintStats = summarize(samples.lint);
    const floorStats = summarize(samples.floor);
    results[doc.key] = {
      lint: lintStats,
      floor: floorStats,
      parser: summarize(samples.parser),
      ratio: lintStats.median / floorStats.median,
      findings,
      docType,
      chars: text.length,
    };
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchEngine();
  const strip = (key, value) => (key === 'samples' ? undefined : value);
  console.log(JSON.stringify(results, strip, 2));
}
