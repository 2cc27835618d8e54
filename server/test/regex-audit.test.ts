/**
 * Every regular expression of the engine and its rules, audited for catastrophic backtracking.
 *
 * Collected two ways:
 * - statically: every regex literal (and `new RegExp("…")` with constant arguments) in
 *   src/engine/**, read with the TypeScript parser;
 * - dynamically: RegExp.prototype.exec is wrapped while the engine lints a corpus that triggers
 *   every rule (their examples, the example documents, generated documents), so regexes built at
 *   run time — word lists through phraseMatcher, date patterns, labels, config word lists — are
 *   caught too. Only regexes called from engine code count (not micromark's or parse-english's).
 *
 * Each is run, in a worker thread that is stopped if it hangs, on adversarial strings of 10,000
 * and 100,000 characters: long runs of spaces, hyphens, letters, digits, punctuation, and repeated
 * partial matches of the words in the pattern itself. A global regex is run to exhaustion (as
 * matchAll or replace would), a sticky one at every position. Time must grow linearly.
 *
 * User-supplied patterns: the config takes only word lists, which are escaped; a test checks that
 * a list holding regex syntax like "(a+)+$" is matched literally and cannot hang.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import fc from 'fast-check';
import { allRules, lint, DOC_TYPES, type OptionSpecs } from '../src/engine/index.js';
import { phraseMatcher } from '../src/engine/text/phrases.js';
import { serverRoot, repoRoot } from './helpers/paths.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';
import { markdownArb } from './fuzz-support.js';

interface Collected { source: string; flags: string; where: string }

const engineDir = path.join(serverRoot, 'src', 'engine');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Regex literals and constant `new RegExp(…)` calls in the engine's sources. */
function staticRegexes(): Collected[] {
  const found: Collected[] = [];
  for (const file of sourceFiles(engineDir)) {
    const text = fs.readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${path.relative(serverRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText();
        const slash = literal.lastIndexOf('/');
        found.push({ source: literal.slice(1, slash), flags: literal.slice(slash + 1), where: where(node) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const constant = (arg: ts.Expression | undefined) => (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : undefined);
        const body = constant(pattern);
        if (body !== undefined) found.push({ source: body, flags: constant(flags) ?? '', where: where(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Regexes the engine runs while linting `corpus`, with the engine file that called them. */
function dynamicRegexes(corpus: Array<{ text: string; type?: (typeof DOC_TYPES)[number]; layers?: unknown[] }>): Collected[] {
  const seen = new Map<string, Collected>();
  const known = new WeakSet<RegExp>();
  const original = RegExp.prototype.exec;
  const marker = `${path.sep}src${path.sep}engine${path.sep}`;
  let inside = false;
  RegExp.prototype.exec = function exec(this: RegExp, input: string) {
    if (!inside && !known.has(this)) {
      inside = true;
      known.add(this);
      const key = `${this.flags}\u0000${this.source}`;
      if (!seen.has(key)) {
        const frames = (new Error().stack ?? '').split('\n').slice(2);
        const caller = frames.find((frame) => !frame.includes('regex-audit'));
        if (caller && caller.includes(marker)) {
          const location = /\((.*):(\d+):\d+\)$/.exec(caller) ?? /at (.*):(\d+):\d+$/.exec(caller);
          seen.set(key, { source: this.source, flags: this.flags, where: location ? `${path.relative(serverRoot, location[1].replace('file://', ''))}:${location[2]}` : caller.trim() });
        }
      }
      inside = false;
    }
    return original.call(this, input);
  };
  try {
    for (const doc of corpus) {
      lint(doc.text, { today: FIXTURE_TODAY, type: doc.type, layers: doc.layers as never });
    }
  } finally {
    RegExp.prototype.exec = original;
  }
  return [...seen.values()];
}

/** Documents that make every rule run: rule examples (as each of their types), example files, fixtures, generated ones. */
function corpus(): Array<{ text: string; type?: (typeof DOC_TYPES)[number] }> {
  const docs: Array<{ text: string; type?: (typeof DOC_TYPES)[number] }> = [];
  for (const rule of allRules) {
    const type = rule.meta.types[0];
    docs.push({ text: rule.meta.examples.bad, type }, { text: rule.meta.examples.good, type });
  }
  const add = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) add(full);
      else if (entry.name.endsWith('.md')) docs.push({ text: fs.readFileSync(full, 'utf8') });
    }
  };
  add(path.join(repoRoot, 'examples'));
  add(path.join(serverRoot, 'test', 'fixtures', 'rules'));
  for (const [i, text] of fc.sample(markdownArb, { seed: 7, numRuns: 35 }).entries()) {
    docs.push({ text, type: ([undefined, 'strategy', 'okr', 'roadmap', 'release-notes', 'decision', 'update'] as const)[i % 7] });
  }
  return docs;
}

/**
 * The worker: builds the adversarial strings for each regex, runs it on them and reports the
 * time of each run. It posts "start" before each regex, so a hang is pinned on that regex.
 */
const WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const BASE = [' ', '-', 'a', 'A', '1', '\t', '\n', '.', '*', '_', 'a ', 'a-', ' -', '- ', '1.', '1 ', 'a1', 'aA', ':', ': ',
  '(', '[', '<', '#', '|', "'", '’', '\u00a0', 'é', '\r\n', ', ', '@', '/', 'a.', 'Q1 ', '20', 'KR ', '**', '  ', '—', '$1', '&#'];
function wordsOf(source) {
  const plain = source.replace(/\\[pPu]\{[^}]*\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\./g, ' ');
  const words = new Set();
  for (const word of plain.match(/[A-Za-z]{2,}/g) || []) if (words.size < 10) words.add(word.toLowerCase());
  return [...words];
}
// A piece is repeated to the length; a piece [head, run] is the head once, then the run repeated
// ("risks" then 20,000 spaces): what follows a keyword is where nested blanks backtrack.
function piecesFor(source) {
  const pieces = [...BASE];
  for (const word of wordsOf(source)) {
    pieces.push(word + ' ', word + '-', word, word.slice(0, -1) + ' ', word + ': ', word + ' 1 ', word[0].toUpperCase() + word.slice(1) + ' ');
    for (const run of [' ', '	', '-', '*', '1', 'a']) pieces.push([word, run]);
  }
  for (const head of ['(', '[', '**', '- ', '1.', '@a', '#']) pieces.push([head, ' ']);
  return pieces;
}
function fill(piece, length) {
  if (Array.isArray(piece)) return piece[0] + fill(piece[1], length - piece[0].length);
  return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}
function run(regex, input) {
  const started = performance.now();
  if (regex.global) {
    regex.lastIndex = 0;
    let match;
    while ((match = regex.exec(input)) !== null) if (match[0] === '') regex.lastIndex++;
  } else if (regex.sticky) {
    for (let i = 0; i < input.length; i++) { regex.lastIndex = i; regex.exec(input); }
  } else {
    regex.exec(input);
  }
  return performance.now() - started;
}
for (const [index, item] of workerData.regexes.entries()) {
  parentPort.postMessage({ type: 'start', index });
  const regex = new RegExp(item.source, item.flags);
  const timings = [];
  for (const piece of piecesFor(item.source)) {
    // Followed by a character that breaks the run: where a backtracking regex has to give up.
    timings.push({ piece, shape: 'run!', ms: run(regex, fill(piece, workerData.small) + '!') });
  }
  timings.sort((a, b) => b.ms - a.ms);
  const large = timings.slice(0, 3).map((t) => ({ piece: t.piece, shape: t.shape, small: t.ms, large: run(regex, fill(t.piece, workerData.large) + '!') }));
  parentPort.postMessage({ type: 'done', index, worstSmall: timings[0], large });
}
parentPort.postMessage({ type: 'end' });
`;

interface Report { index: number; worstSmall: { piece: string; shape: string; ms: number }; large: Array<{ piece: string; shape: string; small: number; large: number }> }

/**
 * Run the worker over the regexes. A regex that runs longer than `hangMs` on its battery is
 * reported as hanging; the worker is stopped and a new one continues with the next regex.
 */
async function audit(regexes: Collected[], hangMs: number): Promise<{ reports: Report[]; hung: Collected[] }> {
  const reports: Report[] = [];
  const hung: Collected[] = [];
  let from = 0;
  while (from < regexes.length) {
    const batch = regexes.slice(from);
    const stoppedAt = await new Promise<number | null>((resolve, reject) => {
      const worker = new Worker(WORKER, { eval: true, workerData: { regexes: batch, small: 10_000, large: 100_000 } });
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      worker.on('message', (message: { type: string } & Report) => {
        if (message.type === 'start') {
          current = message.index;
          clearTimeout(timer);
          timer = setTimeout(() => {
            void worker.terminate();
            resolve(current);
          }, hangMs);
        } else if (message.type === 'done') {
          reports.push({ ...message, index: message.index + from });
        } else if (message.type === 'end') {
          clearTimeout(timer);
          void worker.terminate();
          resolve(null);
        }
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    if (stoppedAt === null) break;
    hung.push(regexes[from + stoppedAt]);
    from += stoppedAt + 1;
  }
  return { reports, hung };
}

/**
 * Regexes that are only ever run on short, bounded slices of text, so their worst case is a
 * constant: source → where and why (checked by hand; keep this list short).
 */
const BOUNDED_INPUT = new Map<string, string>([
  [String.raw`^\s*(?:of|at|to|from|above|below|under|over|by|≥|≤|<|>|=|:|\(|—|–|-)?\s*(?:at\s+least\s+|at\s+most\s+|about\s+|~)?[-+−]?[$€£¥]?\d`, 'text/measures.ts carriesOutcome: 40 characters after a metric'],
  [String.raw`\d[\d,.]*\s?(?:%|k|m)?\s+(?:[\p{L}-]+\s+){0,2}$`, 'text/measures.ts carriesOutcome: 25 characters before a metric'],
  [String.raw`([\p{L}'’]+)\s+$`, 'prose/passive.ts: 16 characters before a participle'],
  [String.raw`([A-Z]{2,})[ \t]+$`, 'prose/undefined-acronym.ts isShoutedRun: 20 characters before an acronym'],
  [String.raw`^[ \t]+([A-Z]{2,})(?![\p{L}])`, 'prose/undefined-acronym.ts isShoutedRun: 20 characters after an acronym'],
  [String.raw`[:—–-]?\s*$`, 'release-notes/internal-jargon.ts: a REF_PREFIX match (a reference of at most ~50 characters)'],
  [String.raw`(\r?\n)+$`, 'roadmap/no-strategy-link.ts: the fix text the rule builds itself'],
  [String.raw`\b(?:to|at|of|reach(?:es|ed|ing)?|hit(?:s|ting)?|achiev(?:e|es|ing)|target(?:s|ing)?|goal|above|below|under|over|least|most|than|within|≥|≤|<|>|=)\s*[:=]?\s*(?:about\s+|around\s+|~\s?)?$`, 'text/measures.ts isRelativeOrHolding: 20 characters before a number'],
]);

function dedupe(list: Collected[]): Collected[] {
  const byKey = new Map<string, Collected>();
  for (const item of list) if (!byKey.has(`${item.flags}\u0000${item.source}`)) byKey.set(`${item.flags}\u0000${item.source}`, item);
  return [...byKey.values()];
}

describe('regular expressions', () => {
  const started = performance.now();
  const statics = staticRegexes();
  const afterStatic = performance.now();
  const dynamics = dynamicRegexes(corpus());
  const all = dedupe([...statics, ...dynamics]);
  if (process.env.REGEX_AUDIT_VERBOSE) console.log(`static ${statics.length} in ${(afterStatic - started).toFixed(0)} ms, dynamic ${dynamics.length} in ${(performance.now() - afterStatic).toFixed(0)} ms, ${all.length} distinct`);

  test('the collection finds the engine\'s regexes, static and built at run time', () => {
    assert.ok(statics.length > 150, `only ${statics.length} regex literals found in src/engine`);
    assert.ok(dynamics.length > 80, `only ${dynamics.length} regexes seen at run time`);
    const sources = all.map((r) => r.source);
    // The big word-list alternations (phraseMatcher), date patterns and the suppression directive are among them.
    assert.ok(sources.some((s) => s.includes('leverag')), 'the fluff word list');
    assert.ok(sources.some((s) => s.includes('FY')), 'the fiscal date pattern');
    assert.ok(sources.some((s) => s.includes('strategy-lint-')), 'the suppression directive');
    assert.ok(sources.some((s) => s.includes('KR')), 'the key-result label');
  });

  test('the audit catches exponential and quadratic regexes (control)', async () => {
    const controls: Collected[] = [
      { source: '(a+)+$', flags: '', where: 'exponential' },
      { source: String.raw`\s+$`, flags: '', where: 'quadratic on a run of blanks' },
      { source: String.raw`^(.+?)\s*(?::|\s+and\s+)`, flags: 'u', where: 'quadratic: lazy head, then blanks twice' },
      { source: String.raw`[.!?]+(?=\s)`, flags: 'g', where: 'quadratic when run to exhaustion' },
      { source: String.raw`\b\w+\b`, flags: 'g', where: 'linear' },
    ];
    const { reports, hung } = await audit(controls, 2_000);
    const flagged = [
      ...hung.map((regex) => regex.where),
      ...reports.filter((report) => report.worstSmall.ms > 500 || report.large.some((run) => run.large > 30 * run.small + 200)).map((report) => controls[report.index].where),
    ];
    assert.deepEqual(flagged.sort(), ['exponential', 'quadratic on a run of blanks', 'quadratic when run to exhaustion', 'quadratic: lazy head, then blanks twice'].sort());
  });

  test('every regex runs in linear time on adversarial input (10,000 and 100,000 characters)', async () => {
    const audited = all.filter((regex) => !BOUNDED_INPUT.has(regex.source));
    const { reports, hung } = await audit(audited, 10_000);
    const slow: string[] = hung.map((regex) => `/${regex.source}/${regex.flags} (${regex.where}): still running after 10 s (catastrophic backtracking)`);
    for (const report of reports) {
      const regex = audited[report.index];
      const name = `/${regex.source.length > 120 ? `${regex.source.slice(0, 120)}…` : regex.source}/${regex.flags} (${regex.where})`;
      // 10,000 characters: a linear regex needs a few milliseconds.
      if (report.worstSmall.ms > 500) slow.push(`${name}: ${report.worstSmall.ms.toFixed(0)} ms on 10,000 × ${JSON.stringify(report.worstSmall.piece)}`);
      for (const run of report.large) {
        // Ten times the input: linear is ~10× the time, quadratic ~100×. Generous for noise.
        if (run.large > 30 * run.small + 200) slow.push(`${name}: ${run.small.toFixed(1)} ms at 10,000 but ${run.large.toFixed(1)} ms at 100,000 × ${JSON.stringify(run.piece)}`);
      }
    }
    assert.deepEqual(slow, []);
  });

  test('word lists from the config are escaped: regex syntax is matched literally and cannot hang', () => {
    const hostile = ['(a+)+$', '(x|x)*y', '[', '\\', '(?=a)', 'a{1,99999}', '.*.*.*=', '^', '$', '|', '*', '+?', '(?<n>a)\\k<n>'];
    // Every word-list option of every rule gets the hostile words.
    const rules: Record<string, { options: Record<string, string[]> }> = {};
    for (const rule of allRules) {
      const lists = Object.entries(rule.meta.options as OptionSpecs).filter(([, spec]) => spec.type === 'string[]');
      if (lists.length > 0) rules[rule.meta.id] = { options: Object.fromEntries(lists.map(([name, spec]) => [name, [...(spec.default as readonly string[]), ...hostile]])) };
    }
    const layers = [{ source: 'hostile', rules: rules as never }];
    const attack = `${'a'.repeat(30_000)}!\n\n${'x'.repeat(20_000)}\n\n(a+)+$ is what we leverage.\n`;
    for (const type of DOC_TYPES) {
      const started = performance.now();
      const result = lint(`# Strategy (a+)+$\n\n## Diagnosis\n\n${attack}`, { type, today: FIXTURE_TODAY, layers });
      const ms = performance.now() - started;
      assert.ok(ms < 20_000, `${type}: ${ms.toFixed(0)} ms`);
      assert.deepEqual(result.findings.filter((f) => f.ruleId === 'strategy-lint/internal-error').map((f) => f.message), [], type);
    }
    // Literally: the fluff list with "(a+)+$" flags exactly that text, and not "aaaa".
    const text = '# Plan\n\n## Guiding policy\n\nWe want (a+)+$ and aaaa and (x|x)*y.\n';
    const fluff = lint(text, { type: 'strategy', today: FIXTURE_TODAY, onlyRules: ['bad-strategy/fluff'], layers: [{ rules: { 'bad-strategy/fluff': { options: { words: ['(a+)+$', '(x|x)*y'] } } } }] });
    assert.deepEqual(fluff.findings.filter((f) => !f.documentLevel).map((f) => text.slice(f.start, f.end)), ['(a+)+$', '(x|x)*y']);
    // The matcher itself: the phrase is a literal, also on 100,000 characters of "a".
    const matcher = phraseMatcher(['(a+)+$']);
    const started = performance.now();
    assert.deepEqual(matcher.matchAll(`${'a'.repeat(100_000)}!`), []);
    assert.ok(performance.now() - started < 2_000);
  });
});
