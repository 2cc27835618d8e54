#!/usr/bin/env node
/**
 * `npm run eval`: Strategy Lint against what careful reviewers flagged on real public documents.
 *
 *   node scripts/eval/run.mjs [--verbose] [--split tune|holdout|all] [--manifest <file or folder>]
 *                             [--cache <folder>] [--engine <engine index.js>] [--force-type] [--json <file>]
 *
 * Each manifest entry names a document (repository, path, commit, hash) and labels written from
 * the document alone: its type, whether it is good, document-level expectations and line locators
 * (rule, a substring of one line, fire or silent). The texts stay in an ignored cache; entries
 * whose text is absent or differs from the recorded hash are skipped and counted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CACHE, DEFAULT_MANIFEST, ROOT, loadManifest, readCached } from './corpus.mjs';
import { scoreDocument, summarize, FAMILIES } from './score.mjs';

const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', short: 'v' },
    split: { type: 'string', default: 'all' },
    manifest: { type: 'string' },
    cache: { type: 'string' },
    engine: { type: 'string' },
    'force-type': { type: 'boolean' },
    json: { type: 'string' },
  },
});

const enginePath = values.engine ?? path.join(ROOT, 'server/dist/src/engine/index.js');
if (!fs.existsSync(enginePath)) {
  console.error(`eval: the engine is not built (${path.relative(process.cwd(), enginePath)}); run npm run build first`);
  process.exit(2);
}
const engine = await import(pathToFileURL(enginePath).href);
const manifest = loadManifest(values.manifest ?? DEFAULT_MANIFEST);
const cacheDir = values.cache ?? DEFAULT_CACHE;

const scored = [];
const skipped = [];
for (const entry of manifest) {
  if (values.split !== 'all' && entry.split !== values.split) continue;
  const cached = readCached(cacheDir, entry);
  if (!cached.bytes) {
    skipped.push({ entry, reason: cached.missing });
    continue;
  }
  const text = cached.bytes.toString('utf8');
  const referenceDate = entry.referenceDate ?? entry.date;
  const result = engine.lint(text, {
    filePath: entry.path,
    relativePath: entry.path,
    projectPath: entry.path,
    type: values['force-type'] ? entry.type : undefined,
    today: referenceDate ? new Date(`${referenceDate}T12:00:00Z`) : undefined,
  });
  const ruleMeta = new Map(engine.allRules.map((rule) => [rule.meta.id, rule.meta]));
  scored.push(scoreDocument(entry, text, result, ruleMeta));
}

const splits = values.split === 'all' ? ['tune', 'holdout', 'all'] : [values.split];
const out = [];
const print = (line = '') => out.push(line);
const tuned = scored.filter((s) => s.entry.split === 'tune').length;
print(`# Real-document evaluation`);
print();
print(`${scored.length} documents scored (${tuned} tune, ${scored.length - tuned} held out), ${skipped.length} skipped${skipped.length ? ' (not in the cache: see --verbose)' : ''}${values['force-type'] ? '; types forced to the labelled type' : ''}.`);
const summaries = {};
for (const split of splits) {
  const docs = split === 'all' ? scored : scored.filter((s) => s.entry.split === split);
  if (docs.length === 0) continue;
  const summary = summarize(docs);
  summaries[split] = summary;
  print();
  print(`## ${split === 'all' ? 'Whole corpus' : split === 'tune' ? 'Tuned part (two thirds)' : 'Held-out part (one third)'} — ${docs.length} documents`);
  print();
  print('| family | labels | TP | FP | FN | precision | recall |');
  print('|---|---:|---:|---:|---:|---:|---:|');
  for (const family of [...FAMILIES, 'overall']) {
    const row = summary.families[family];
    if (!row || row.labels === 0) continue;
    const name = family === 'overall' ? '**overall**' : family;
    print(`| ${name} | ${row.labels} | ${row.tp} | ${row.fp} | ${row.fn} | ${ratio(row.tp, row.tp + row.fp)} | ${ratio(row.tp, row.tp + row.fn)} |`);
  }
  print();
  print(`- type accuracy: **${ratio(summary.typeRight, docs.length)}** (${summary.typeRight} of ${docs.length})`);
  print(`- warnings per 1,000 words on documents labelled good: **${summary.goodWords ? (summary.goodWarnings * 1000 / summary.goodWords).toFixed(2) : '—'}** (${summary.goodWarnings} warnings in ${summary.goodWords} words, ${summary.goodDocs} documents)`);
  print(`- strategy-family findings on documents labelled generic: **${summary.genericStrategyFindings}** (${summary.genericDocs} documents)`);
  print();
  print('Types (rows: labelled, columns: detected):');
  print();
  const types = engine.DOC_TYPES;
  print(`| labelled \\ detected | ${types.join(' | ')} |`);
  print(`|---|${types.map(() => '---:').join('|')}|`);
  for (const labelled of types) {
    const counts = types.map((detected) => summary.confusion[labelled]?.[detected] ?? 0);
    if (counts.every((c) => c === 0)) continue;
    print(`| ${labelled} | ${counts.map((c) => (c ? String(c) : '·')).join(' | ')} |`);
  }
}

if (values.verbose) {
  print();
  print('## Every miss and false finding');
  for (const doc of scored) {
    const problems = doc.outcomes.filter((o) => o.verdict === 'FN' || o.verdict === 'FP' || o.verdict === 'unlocated');
    const typeWrong = doc.detectedType !== doc.entry.type;
    if (problems.length === 0 && !typeWrong) continue;
    print();
    print(`### ${doc.entry.id} (${doc.entry.split}; labelled ${doc.entry.type}, detected ${doc.detectedType}${doc.typeReason ? `: ${doc.typeReason}` : ''})`);
    for (const o of problems) {
      const where = o.line ? `line ${o.line}` : 'document';
      const shown = o.lineText ? ` — ${JSON.stringify(o.lineText.trim().slice(0, 120))}` : '';
      const detail = o.verdict === 'FP' && o.message ? ` [${o.message.slice(0, 140)}]` : '';
      print(`- ${o.verdict} ${o.rule} at ${where}${shown}${o.why ? ` (label: ${o.why})` : ''}${detail}`);
    }
  }
  if (skipped.length) {
    print();
    print('## Skipped');
    for (const { entry, reason } of skipped) print(`- ${entry.id}: ${reason}`);
  }
}

process.stdout.write(`${out.join('\n')}\n`);
if (values.json) fs.writeFileSync(values.json, `${JSON.stringify({ summaries, skipped: skipped.length }, null, 2)}\n`);

function ratio(a, b) {
  return b === 0 ? '—' : (a / b).toFixed(2);
}
