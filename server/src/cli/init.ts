/**
 * `--init`: a starter `.strategy-lint.json` in the working folder, with `$schema` (the installed
 * package's schema, else the published one) and a `types` glob for each folder of documents whose
 * name says their type (`strategy/`, `rfcs/`, `okrs/`, …), so those documents get it for certain
 * rather than by weighing signals — unless a document there reads as another type on its own (a
 * ROADMAP.md in strategy/), which the glob would mistype. It never overwrites a config file, and says what it wrote.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { typeSignals } from '../engine/model/type-signals.js';
import { lint } from '../engine/index.js';
import { documentReadLimit, readBoundedText } from '../config/read-file.js';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import type { DocType } from '../engine/index.js';
import { VERSION } from '../version.js';
import { resolveFiles } from './files.js';
import { projectPathOf } from './project-root.js';

export const LOCAL_SCHEMA = './node_modules/strategy-lint/schemas/strategy-lint.schema.json';
export const PUBLISHED_SCHEMA = `https://unpkg.com/strategy-lint@${VERSION}/schemas/strategy-lint.schema.json`;

/** The type a folder's own name gives its documents, if any ("rfcs" → decision). */
function folderType(name: string): DocType | null {
  const signal = typeSignals({ path: `${name}/document.md`, title: null, sections: [], structure: null, taskItems: 0, tags: [], kernelRoles: [] })
    .find((candidate) => candidate.kind === 'folder' && candidate.type !== null);
  return signal?.type ?? null;
}

interface TypedFolder {
  type: DocType;
  documents: number;
  /** Documents in it that read as another type ("ROADMAP.md (roadmap)"): a glob would mistype them. */
  others: string[];
}

/**
 * Folders (relative, with "/") of Markdown documents whose name gives a type: the outermost such
 * folder on each path, with how many documents it holds and which of them read as another type
 * on their own (a ROADMAP.md in strategy/), judged as the linter would without a config.
 */
export async function typedFolders(cwd: string): Promise<Map<string, TypedFolder>> {
  const { files } = await resolveFiles(['.'], cwd);
  const found = new Map<string, TypedFolder>();
  const roots = new Map<string, string | null>();
  for (const { path: file } of files) {
    const folders = path.relative(cwd, path.dirname(file)).split(path.sep).filter(Boolean);
    const depth = folders.findIndex((folder) => folderType(folder) !== null);
    if (depth < 0) continue;
    const folder = folders.slice(0, depth + 1).join('/');
    const entry = found.get(folder) ?? { type: folderType(folders[depth])!, documents: 0, others: [] };
    entry.documents++;
    let own: DocType = 'generic';
    try {
      own = lint(readBoundedText(file, documentReadLimit()).text, { filePath: file, projectPath: projectPathOf(file, roots), onlyRules: [] }).docType;
    } catch {
      // Unreadable: it does not argue against the folder.
    }
    if (own !== 'generic' && own !== entry.type) entry.others.push(`${path.relative(path.join(cwd, folder), file).split(path.sep).join('/')} (${own})`);
    found.set(folder, entry);
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

export interface InitResult {
  written: boolean;
  message: string;
}

export async function initConfig(cwd: string): Promise<InitResult> {
  const existing = CONFIG_FILE_NAMES.find((name) => fs.existsSync(path.join(cwd, name)));
  if (existing) return { written: false, message: `${existing} already exists here; it was left as it is (edit it, or delete it and run --init again)` };
  const folders = await typedFolders(cwd);
  const local = fs.existsSync(path.join(cwd, LOCAL_SCHEMA));
  const config = {
    $schema: local ? LOCAL_SCHEMA : PUBLISHED_SCHEMA,
    types: Object.fromEntries([...folders].filter(([, { others }]) => others.length === 0).map(([folder, { type }]) => [`${folder}/**/*.md`, type])),
    rules: {},
    ignores: [],
  };
  const file = path.join(cwd, CONFIG_FILE_NAMES[0]);
  try {
    fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    return { written: false, message: `cannot write ${CONFIG_FILE_NAMES[0]} (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  const lines = [`Wrote ${CONFIG_FILE_NAMES[0]}:`, `  $schema  ${config.$schema}${local ? '' : ' (strategy-lint is not installed here; npm install --save-dev strategy-lint makes it the local copy)'}`];
  if (folders.size === 0) lines.push('  types    none: no folder here is named for a type (strategy/, okrs/, roadmap/, rfcs/, adr/, releases/, updates/, …); documents get their type from their names, titles and headings');
  else {
    lines.push('  types');
    const width = Math.max(...[...folders.keys()].map((folder) => folder.length + 8));
    for (const [folder, { type, documents, others }] of folders) {
      const count = `${documents} document${documents === 1 ? '' : 's'}`;
      if (others.length === 0) lines.push(`    ${`${folder}/**/*.md`.padEnd(width)}  ${type.padEnd(13)} (${count})`);
      else lines.push(`    not ${folder}/: of its ${count}, ${others.slice(0, 3).join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''} read as another type; a glob would make them ${type === 'okr' ? 'an' : 'a'} ${type}`);
    }
  }
  lines.push('  rules    {} (every rule at its default; e.g. "prose/passive": "off")', '  ignores  [] (globs of documents to leave out, on top of .gitignore)', '', 'strategy-lint --print-config <file> shows what applies to a file, and strategy-lint --list-rules every rule.');
  return { written: true, message: `${lines.join('\n')}\n` };
}
