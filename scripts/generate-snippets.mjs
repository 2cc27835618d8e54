#!/usr/bin/env node
/**
 * Generate the VS Code snippets and the template index from the template sources.
 *
 * Sources (one per template id, the single source of truth):
 *   snippets/templates/<id>.md            the snippet body (VS Code snippet syntax), starting with
 *                                         front matter that declares `strategy-lint: { type }`
 *   snippets/templates/<id>.samples.json  title, description, docType, prefix, suggestedFileName and
 *                                         a sample value for every tab stop
 *
 * Outputs (generated, committed, never edited by hand):
 *   snippets/markdown.code-snippets       contributed to VS Code for the `markdown` language
 *   snippets/templates.json               an index for the client's template commands and for tests
 *
 * Usage:
 *   node scripts/generate-snippets.mjs           write the outputs
 *   node scripts/generate-snippets.mjs --check   exit 1 if the outputs on disk are out of date
 *   --root DIR                                    work on another checkout (tests use a copy)
 *
 * Exit codes: 0 ok, 1 drift (with --check), 2 invalid template sources.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { fillWithSamples, tabStopsOf, FIXED_DATE } from './snippet-grammar.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Template ids in the order users see them; ids not listed here follow, alphabetically. */
export const TEMPLATE_ORDER = [
  'strategy-memo', 'vision-memo', 'roadmap', 'okr-set', 'decision-doc', 'release-note', 'status-update', 'investor-update',
];

const DOC_TYPES = ['strategy', 'okr', 'roadmap', 'release-notes', 'decision', 'update'];

/**
 * @typedef {{ id: string, title: string, docType: string, description: string, prefix: string,
 *   file: string, samplesFile: string, suggestedFileName: string, tabStops: number[], body: string,
 *   samples: Record<string, string> }} Template
 */

export class TemplateError extends Error {}

/**
 * Read and validate every template under `<root>/snippets/templates`.
 * @param {string} [root]
 * @returns {Template[]}
 */
export function loadTemplates(root = repoRoot) {
  const dir = path.join(root, 'snippets', 'templates');
  const ids = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -'.md'.length));
  ids.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));

  /** @type {string[]} */
  const problems = [];
  /** @type {Template[]} */
  const templates = [];
  for (const id of ids) {
    const body = readFileSync(path.join(dir, `${id}.md`), 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '');
    const samplesPath = path.join(dir, `${id}.samples.json`);
    if (!existsSync(samplesPath)) {
      problems.push(`${id}: missing snippets/templates/${id}.samples.json`);
      continue;
    }
    /** @type {any} */
    let meta;
    try {
      meta = JSON.parse(readFileSync(samplesPath, 'utf8'));
    } catch (error) {
      problems.push(`${id}.samples.json: ${/** @type {Error} */ (error).message}`);
      continue;
    }
    for (const key of ['title', 'description', 'docType', 'prefix', 'suggestedFileName']) {
      if (typeof meta[key] !== 'string' || meta[key].trim() === '') problems.push(`${id}.samples.json: "${key}" must be a non-empty string`);
    }
    if (!DOC_TYPES.includes(meta.docType)) problems.push(`${id}.samples.json: unknown docType ${JSON.stringify(meta.docType)}`);
    const samples = meta.samples && typeof meta.samples === 'object' ? meta.samples : {};
    const tabStops = tabStopsOf(body).filter((n) => n !== 0);
    const missing = tabStops.filter((n) => typeof samples[String(n)] !== 'string');
    const extra = Object.keys(samples).filter((key) => !tabStops.includes(Number(key)) && key !== '0');
    if (missing.length) problems.push(`${id}.samples.json: no sample for tab stop(s) ${missing.join(', ')}`);
    if (extra.length) problems.push(`${id}.samples.json: sample(s) for tab stop(s) the body does not use: ${extra.join(', ')}`);

    // The filled template must declare its type in valid front matter.
    const filled = fillWithSamples(body, samples, { date: FIXED_DATE });
    const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(filled);
    if (!frontMatter) {
      problems.push(`${id}.md: must start with front matter (--- … ---)`);
    } else {
      try {
        const data = parseYaml(frontMatter[1] ?? '');
        const declared = data?.['strategy-lint']?.type;
        if (declared !== meta.docType) problems.push(`${id}.md: front matter declares strategy-lint.type ${JSON.stringify(declared)}, samples say ${JSON.stringify(meta.docType)}`);
      } catch (error) {
        problems.push(`${id}.md: front matter is not valid YAML once filled: ${/** @type {Error} */ (error).message}`);
      }
    }

    templates.push({
      id,
      title: meta.title,
      docType: meta.docType,
      description: meta.description,
      prefix: meta.prefix,
      file: `templates/${id}.md`,
      samplesFile: `templates/${id}.samples.json`,
      suggestedFileName: meta.suggestedFileName,
      tabStops,
      body,
      samples,
    });
  }
  const seen = new Map();
  for (const t of templates) {
    for (const key of ['prefix', 'title']) {
      const k = `${key}:${t[/** @type {'prefix' | 'title'} */ (key)]}`;
      if (seen.has(k)) problems.push(`${t.id}: ${key} ${JSON.stringify(t[/** @type {'prefix' | 'title'} */ (key)])} is also used by ${seen.get(k)}`);
      seen.set(k, t.id);
    }
  }
  if (problems.length) throw new TemplateError(`Invalid templates:\n  ${problems.join('\n  ')}`);
  return templates;
}

/** @param {string} id */
function rank(id) {
  const i = TEMPLATE_ORDER.indexOf(id);
  return i < 0 ? TEMPLATE_ORDER.length : i;
}

/**
 * The generated files, keyed by path relative to the repository root.
 * @param {string} [root]
 * @returns {Map<string, string>}
 */
export function generate(root = repoRoot) {
  const templates = loadTemplates(root);

  /** @type {Record<string, unknown>} */
  const snippets = {};
  for (const t of templates) {
    snippets[t.title] = {
      prefix: t.prefix,
      description: t.description,
      isFileTemplate: true,
      body: t.body.split('\n'),
    };
  }

  const index = {
    generatedBy: 'scripts/generate-snippets.mjs from snippets/templates/*.md and *.samples.json; do not edit',
    templates: templates.map((t) => ({
      id: t.id,
      title: t.title,
      docType: t.docType,
      description: t.description,
      prefix: t.prefix,
      file: t.file,
      samplesFile: t.samplesFile,
      suggestedFileName: t.suggestedFileName,
      tabStops: t.tabStops,
      body: t.body,
    })),
  };

  return new Map([
    ['snippets/markdown.code-snippets', `${JSON.stringify(snippets, null, 2)}\n`],
    ['snippets/templates.json', `${JSON.stringify(index, null, 2)}\n`],
  ]);
}

/**
 * Compare the generated files with the files on disk.
 * @param {string} [root]
 * @returns {string[]} the relative paths that are missing or differ
 */
export function check(root = repoRoot) {
  const stale = [];
  for (const [relative, content] of generate(root)) {
    const file = path.join(root, relative);
    if (!existsSync(file) || readFileSync(file, 'utf8').replace(/\r\n?/g, '\n') !== content) stale.push(relative);
  }
  return stale;
}

/** @param {string} [root] @returns {string[]} the relative paths written */
export function write(root = repoRoot) {
  const written = [];
  for (const [relative, content] of generate(root)) {
    const file = path.join(root, relative);
    if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
    writeFileSync(file, content);
    written.push(relative);
  }
  return written;
}

function main() {
  const args = process.argv.slice(2);
  let root = repoRoot;
  let checkOnly = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--check') checkOnly = true;
    else if (args[i] === '--root' && args[i + 1]) root = path.resolve(args[++i] ?? '');
    else {
      console.error(`generate-snippets: unknown argument ${args[i]}\nUsage: node scripts/generate-snippets.mjs [--check] [--root DIR]`);
      process.exit(2);
    }
  }
  try {
    if (checkOnly) {
      const stale = check(root);
      if (stale.length) {
        console.error(`generate-snippets: out of date: ${stale.join(', ')}\nRun \`node scripts/generate-snippets.mjs\` and commit the result.`);
        process.exit(1);
      }
      console.log('generate-snippets: snippets are up to date.');
      return;
    }
    const written = write(root);
    console.log(written.length ? `generate-snippets: wrote ${written.join(', ')}` : 'generate-snippets: snippets are up to date.');
  } catch (error) {
    if (error instanceof TemplateError) {
      console.error(`generate-snippets: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
