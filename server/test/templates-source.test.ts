/**
 * The document templates (snippets/templates/<id>.md + <id>.samples.json), the snippet filler
 * (scripts/snippet-grammar.mjs) and the generated snippet files (scripts/generate-snippets.mjs).
 * Linting the filled templates with the engine is the engine's own test; this one checks the
 * sources are complete and consistent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './helpers/paths.js';

type FillModule = typeof import('../../scripts/snippet-grammar.mjs');
const fill = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'snippet-grammar.mjs')).href)) as FillModule;
const { fillWithSamples, tabStopsOf, parseSnippet, FIXED_DATE } = fill;

const templatesDir = path.join(repoRoot, 'snippets', 'templates');
const generator = path.join(repoRoot, 'scripts', 'generate-snippets.mjs');

const EXPECTED = {
  'strategy-memo': { docType: 'strategy', prefix: 'sl-strategy' },
  'vision-memo': { docType: 'strategy', prefix: 'sl-vision' },
  roadmap: { docType: 'roadmap', prefix: 'sl-roadmap' },
  'okr-set': { docType: 'okr', prefix: 'sl-okr' },
  'decision-doc': { docType: 'decision', prefix: 'sl-decision' },
  'release-note': { docType: 'release-notes', prefix: 'sl-release' },
  'status-update': { docType: 'update', prefix: 'sl-status' },
  'investor-update': { docType: 'update', prefix: 'sl-investor' },
} as const;

interface SamplesFile {
  title: string;
  description: string;
  docType: string;
  prefix: string;
  suggestedFileName: string;
  samples: Record<string, string>;
}

interface Template { id: string; body: string; meta: SamplesFile }

function loadTemplates(): Template[] {
  return readdirSync(templatesDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const id = name.slice(0, -'.md'.length);
      const body = readFileSync(path.join(templatesDir, name), 'utf8').replace(/\n$/, '');
      const meta = JSON.parse(readFileSync(path.join(templatesDir, `${id}.samples.json`), 'utf8')) as SamplesFile;
      return { id, body, meta };
    });
}

const templates = loadTemplates();

/** A CommonMark raw HTML open tag: a placeholder like `<Team name>` would vanish when rendered. */
const HTML_OPEN_TAG = /^<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^"'=<>`\s]+|'[^']*'|"[^"]*"))?)*\s*\/?>$/;

test('every expected template exists, with matching metadata', () => {
  assert.deepEqual(templates.map((t) => t.id).sort(), Object.keys(EXPECTED).sort());
  for (const { id, meta } of templates) {
    const expected = EXPECTED[id as keyof typeof EXPECTED];
    assert.equal(meta.docType, expected.docType, id);
    assert.equal(meta.prefix, expected.prefix, id);
    for (const key of ['title', 'description', 'suggestedFileName'] as const) {
      assert.ok(typeof meta[key] === 'string' && meta[key].trim().length > 0, `${id}: ${key}`);
    }
    assert.match(meta.suggestedFileName, /\.md$/, id);
  }
});

test('each samples file covers exactly the tab stops its template uses', () => {
  for (const { id, body, meta } of templates) {
    const stops = tabStopsOf(body).filter((n) => n !== 0);
    assert.ok(stops.length > 0, `${id} has tab stops`);
    const keys = Object.keys(meta.samples).map(Number).sort((a, b) => a - b);
    assert.deepEqual(keys, stops, `${id}: samples keys vs tab stops`);
    for (const [key, value] of Object.entries(meta.samples)) {
      assert.ok(typeof value === 'string' && value.trim().length > 0, `${id}: sample ${key} is a non-empty string`);
      assert.doesNotMatch(value, /\bTODO\b|\bTBD\b|<[^>]*>|\[fill in\]|\$\{/i, `${id}: sample ${key} is no placeholder`);
    }
  }
});

test('templates declare their type in front matter and use the snippet syntax carefully', () => {
  for (const { id, body, meta } of templates) {
    assert.match(body, new RegExp(`^---\\nstrategy-lint:\\n {2}type: ${meta.docType}\\n`), `${id}: front matter declares the type first`);
    // A `$` that starts no tab stop or variable is an escape the author forgot (`$5M` is tab stop 5).
    assert.doesNotMatch(body, /(?<!\\)\$(?![0-9{A-Za-z_])/, `${id}: every literal $ is escaped`);
    for (const node of parseSnippet(body)) {
      if (node.type === 'variable') assert.match(node.name, /^CURRENT_/, `${id}: only date variables (${node.name})`);
    }
    // Placeholder prompts are in angle brackets and never parse as an HTML tag.
    const defaults = fillWithSamples(body, {}, { date: FIXED_DATE });
    const prompts = defaults.match(/<[^<>\n]+>/g) ?? [];
    assert.ok(prompts.length >= 3, `${id}: has <prompt> placeholders`);
    for (const prompt of prompts) assert.doesNotMatch(prompt, HTML_OPEN_TAG, `${id}: ${prompt} would render as an HTML tag`);
  }
});

test('filled templates leave no snippet syntax or placeholder behind', () => {
  for (const { id, body, meta } of templates) {
    const filled = fillWithSamples(body, meta.samples, { date: FIXED_DATE });
    assert.doesNotMatch(filled, /\$\{/, `${id}: no snippet syntax left`);
    // Samples may hold real dollar amounts; with neutral samples, no `$1` or `\$` may be left either.
    const neutral = fillWithSamples(body, Object.fromEntries(Object.keys(meta.samples).map((key) => [key, 'x'])), { date: FIXED_DATE });
    assert.doesNotMatch(neutral, /\$\{|\$\d|\\\$|\\\}/, `${id}: no snippet syntax left`);
    assert.doesNotMatch(filled, /<[^>\n]*>|\bTODO\b|\bTBD\b/, `${id}: no placeholder left`);
    assert.match(filled, new RegExp(`^---\\nstrategy-lint:\\n {2}type: ${meta.docType}\\n`), id);
    // Owners in YAML are quoted: a bare @ is a reserved indicator.
    assert.doesNotMatch(filled.split('\n---\n')[0] ?? '', /^\w+: @/m, `${id}: front matter quotes @owner`);
  }
});

test('fillWithSamples: placeholders, mirrors, choices, nesting, variables, escapes', () => {
  const options = { date: FIXED_DATE };
  assert.equal(fillWithSamples('${1:a} $1 ${2|x,y|} $3 ${3} $0', {}, options), 'a a x   ');
  assert.equal(fillWithSamples('${1:a} $1 ${2|x,y|} $3', { 1: 'A', 2: 'y', 3: 'C' }, options), 'A A y C');
  // A mirror before its placeholder still gets the placeholder's default.
  assert.equal(fillWithSamples('$1 / ${1:first}', {}, options), 'first / first');
  // Nested placeholders: the outer sample replaces the inner one too.
  assert.equal(fillWithSamples('${1:x ${2:y} z} [$2]', {}, options), 'x y z [y]');
  assert.equal(fillWithSamples('${1:x ${2:y} z} [$2]', { 2: 'Y' }, options), 'x Y z [Y]');
  assert.equal(fillWithSamples('${1:x ${2:y} z} [$2]', { 1: 'X' }, options), 'X [y]');
  assert.equal(fillWithSamples('${1:outer ${2:mid ${3:deep}}}', {}, options), 'outer mid deep');
  // Variables, with the fixed date.
  assert.equal(fillWithSamples('$CURRENT_YEAR-${CURRENT_MONTH}-$CURRENT_DATE', {}, options), '2026-11-21');
  assert.equal(fillWithSamples('${1:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}', {}, options), '2026-11-21');
  assert.equal(fillWithSamples('${CURRENT_MONTH_NAME} ${CURRENT_DAY_NAME_SHORT} $CURRENT_YEAR_SHORT', {}, options), 'November Sat 26');
  assert.equal(fillWithSamples('${TM_FILENAME:untitled.md} $WORKSPACE_NAME', {}, options), 'untitled.md WORKSPACE_NAME');
  assert.equal(fillWithSamples('$TM_FILENAME', {}, { ...options, variables: { TM_FILENAME: 'a.md' } }), 'a.md');
  // The real date by default.
  const now = new Date();
  assert.equal(fillWithSamples('$CURRENT_YEAR', {}), String(now.getFullYear()));
  // Escapes, and a $ that starts nothing.
  assert.equal(fillWithSamples('\\$5M \\} \\\\ ${1:a\\}b} $ ${ x', {}, options), '$5M } \\ a}b $ ${ x');
  assert.equal(fillWithSamples('${1|a\\,b,c|}', {}, options), 'a,b');
  // Transforms.
  assert.equal(fillWithSamples('${1:north wind} ${1/(\\w+) (\\w+)/${2:/upcase}-${1:/capitalize}/}', {}, options), 'north wind WIND-North');
  // Snippet bodies from .code-snippets are arrays of lines.
  assert.equal(fillWithSamples(['# ${1:Title}', '', '$0'], { 1: 'Plan' }, options), '# Plan\n\n');
  assert.deepEqual(tabStopsOf('${1:a ${2:b}} $3 ${4|x|} ${5/a/b/} $0 \\$6'), [0, 1, 2, 3, 4, 5]);
});

test('generated snippets match the templates and are up to date', () => {
  const result = spawnSync(process.execPath, [generator, '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, `generator --check: ${result.stderr}${result.stdout}`);

  const snippets = JSON.parse(readFileSync(path.join(repoRoot, 'snippets', 'markdown.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;
  const index = JSON.parse(readFileSync(path.join(repoRoot, 'snippets', 'templates.json'), 'utf8')) as { templates: { id: string; title: string; prefix: string; docType: string; file: string; suggestedFileName: string; body: string }[] };
  assert.equal(index.templates.length, templates.length);
  for (const entry of index.templates) {
    const source = templates.find((t) => t.id === entry.id);
    assert.ok(source, entry.id);
    assert.equal(entry.body, source.body);
    assert.equal(readFileSync(path.join(repoRoot, 'snippets', entry.file), 'utf8').replace(/\n$/, ''), source.body);
    const snippet = snippets[entry.title];
    assert.ok(snippet, `snippet "${entry.title}"`);
    assert.equal(snippet.prefix, source.meta.prefix);
    assert.equal(snippet.body.join('\n'), source.body);
  }
});

test('the generator reports drift and invalid templates', () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'strategy-lint-snippets-'));
  try {
    cpSync(path.join(repoRoot, 'snippets'), path.join(copy, 'snippets'), { recursive: true });
    for (const script of ['generate-snippets.mjs', 'snippet-grammar.mjs']) cpSync(path.join(repoRoot, 'scripts', script), path.join(copy, 'scripts', script));
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const run = () => spawnSync(process.execPath, [path.join(copy, 'scripts', 'generate-snippets.mjs'), '--check', '--root', copy], { encoding: 'utf8' });
    assert.equal(run().status, 0, 'an untouched copy is up to date');

    const roadmap = path.join(copy, 'snippets', 'templates', 'roadmap.md');
    const original = readFileSync(roadmap, 'utf8');
    writeFileSync(roadmap, original.replace('## Later', '## Later on'));
    const drift = run();
    assert.equal(drift.status, 1);
    assert.match(drift.stderr, /out of date: snippets\/markdown\.code-snippets, snippets\/templates\.json/);

    writeFileSync(roadmap, `${original}\nOne more: \${99:<extra?>}\n`);
    const invalid = run();
    assert.equal(invalid.status, 2);
    assert.match(invalid.stderr, /roadmap\.samples\.json: no sample for tab stop\(s\) 99/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
