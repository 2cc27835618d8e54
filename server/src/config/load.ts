/**
 * Config files on disk: `.strategy-lint.json`, `.strategy-lint.yaml` or `.strategy-lint.yml`.
 * The nearest folder's file wins (searching up from the document), `extends` pulls in other
 * files (relative paths), and `"root": true` is implicit — ancestors beyond the nearest file are
 * not merged, so a subfolder's config is predictable. A broken file yields a problem naming the
 * file and key; linting continues with whatever was valid plus the defaults.
 *
 * A config file may come from a stranger (a cloned repository, a pull request linted in CI), so
 * it cannot make the linter read what lies outside: `extends` takes relative paths to .json,
 * .yaml or .yml files whose real path stays inside the repository (the nearest folder above with
 * `.git`; without one, the CLI's working folder or the editor's workspace folder), a config file
 * that is a link to a file outside is not read, files are read only when regular and small
 * (read-file.ts), and no problem ever quotes what a file holds: it names the file, the key and
 * what was expected.
 */
import * as path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { validateConfig } from '../engine/config/validate.js';
import type { ConfigLayer, ConfigProblem } from '../engine/config/types.js';
import type { ConfigFileAccess } from './file-access.js';
import { nodeFileAccess } from './node-file-access.js';
import { FileReadError, describeIoError } from './read-file.js';

export const CONFIG_FILE_NAMES = ['.strategy-lint.json', '.strategy-lint.yaml', '.strategy-lint.yml'] as const;

export interface LoadedConfig {
  /** Layers lowest precedence first: extended files, then the nearest file. */
  layers: ConfigLayer[];
  problems: ConfigProblem[];
  /** Every file read (the nearest one last), for watching. */
  files: string[];
  /** Folder of the nearest config file (type globs are relative to it), or null. */
  baseDir: string | null;
}

export function findConfigFile(startDir: string, stopAt?: string, files: ConfigFileAccess = nodeFileAccess): string | null {
  let dir = path.resolve(startDir);
  const stop = stopAt ? path.resolve(stopAt) : null;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (files.kind(candidate) === 'file') return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir || (stop && dir === stop)) return null;
    dir = parent;
  }
}

/** Parse a config file's text; JSON with comments is accepted (as VS Code settings are). */
export function parseConfigText(text: string, file: string): { value: unknown; problem?: ConfigProblem } {
  const isJson = file.endsWith('.json');
  try {
    if (isJson) return { value: JSON.parse(stripJsonComments(text)) };
    return { value: parseYaml(text, { maxAliasCount: 50, logLevel: 'error' }) ?? {} };
  } catch (error) {
    return { value: undefined, problem: { file, key: '(file)', message: isJson ? jsonError(text, error) : yamlError(error) } };
  }
}

/** Where JSON.parse failed, as "at line L, column C" (never its excerpt of the text), or ''. */
function jsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  let offset = -1;
  const position = /at position (\d+)/.exec(message);
  if (position) offset = Number(position[1]);
  else {
    // "Unexpected token 'x', ..."<context>"... is not valid JSON": find the context to place it.
    const token = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
    const at = token ? stripJsonComments(text).indexOf(token[3]) : -1;
    if (token && at >= 0) offset = token[2] ? at + 10 : at + token[3].indexOf(token[1]);
  }
  if (/Unexpected end of JSON input/.test(message)) return 'not valid JSON: the file ends before its value does';
  if (offset < 0 || offset > text.length) return 'not valid JSON';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `not valid JSON at line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** A YAML error by its kind and position (yaml's messages can quote the text). */
function yamlError(error: unknown): string {
  if (error instanceof YAMLParseError) {
    const at = error.linePos?.[0];
    return `not valid YAML (${error.code.toLowerCase().replace(/_/g, ' ')})${at ? ` at line ${at.line}, column ${at.col}` : ''}`;
  }
  if (error instanceof ReferenceError && /alias/i.test(error.message)) return 'not valid YAML: more than 50 aliases, as in a YAML bomb';
  if (error instanceof RangeError) return 'not valid YAML: nested too deeply';
  return 'not valid YAML';
}

/**
 * Blank out // and /* *\/ comments and trailing commas outside strings. The result has the same
 * length and line ends as the text, so JSON.parse's positions are positions in the file.
 */
function stripJsonComments(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  let inString = false;
  let lastComma = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      lastComma = -1;
    } else if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end - 1;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      blank(i, end < 0 ? text.length : end + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (char === ',') lastComma = i;
    else if (char === '}' || char === ']') {
      if (lastComma >= 0) out[lastComma] = ' ';
      lastComma = -1;
    } else if (!/\s/.test(char)) lastComma = -1;
  }
  return out.join('');
}

export interface ConfigLoadOptions {
  /** Reads a config file's text (tests); by default a regular file of at most a few MB. */
  readFile?: (file: string) => string;
  /**
   * The folder `extends` may not leave when no repository (a folder with `.git`) holds the config
   * file and this folder does: the CLI's working folder, the editor's workspace folder.
   */
  fallbackRoot?: string;
  /** The folder `extends` may not leave, as found for the first file of the chain. */
  root?: ConfigRoot;
  /** Where files are read from: the disk (node:fs) unless given, as the browser's language server does. */
  files?: ConfigFileAccess;
}

export interface ConfigRoot {
  root: string;
  /** How messages name it: "the repository (/path)". */
  label: string;
}

const CONFIG_EXTENSION = /\.(?:json|ya?ml)$/i;

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree), or null. */
export function findRepositoryRoot(dir: string, files: ConfigFileAccess = nodeFileAccess): string | null {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (files.kind(path.join(current, '.git')) !== null) return current;
    if (path.dirname(current) === current) return null;
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The folder a config file's `extends` chain stays in: its repository, else `fallbackRoot` when that holds it, else its own folder. */
export function configRoot(file: string, fallbackRoot?: string, files: ConfigFileAccess = nodeFileAccess): ConfigRoot {
  const dir = path.dirname(path.resolve(file));
  const repository = findRepositoryRoot(dir, files);
  if (repository) return { root: repository, label: `the repository (${repository})` };
  if (fallbackRoot && isInside(dir, path.resolve(fallbackRoot))) return { root: path.resolve(fallbackRoot), label: `the workspace (${path.resolve(fallbackRoot)})` };
  return { root: dir, label: `the folder of this file (${dir})` };
}

/** Why `target` may not be extended from `file`, or its resolved path. */
function resolveExtends(file: string, target: string, root: ConfigRoot, files: ConfigFileAccess): { path: string } | { problem: string } {
  if (target.startsWith('~')) return { problem: `"${target}" starts with "~"; "extends" takes a path relative to this file, inside ${root.label}` };
  if (path.isAbsolute(target) || path.win32.isAbsolute(target) || /^[a-z][a-z0-9+.-]*:/i.test(target)) return { problem: `"${target}" is an absolute path; "extends" takes a path relative to this file, inside ${root.label}` };
  if (!CONFIG_EXTENSION.test(target)) return { problem: `"${target}" is not a .json, .yaml or .yml file; "extends" takes config files only` };
  const resolved = path.resolve(path.dirname(file), target);
  const real = files.realPath(resolved);
  if (!real) return { problem: `cannot find "${target}" (resolved to ${resolved})` };
  if (!isInside(real, files.realPath(root.root) ?? root.root)) return { problem: `"${target}" leads outside ${root.label}, so it was not read; "extends" may only name files inside it` };
  return { path: resolved };
}

/** Read one config file and its `extends` chain (cycles and missing files become problems). */
export function loadConfigFile(file: string, options: ConfigLoadOptions = {}, seen = new Set<string>()): LoadedConfig {
  const result: LoadedConfig = { layers: [], problems: [], files: [file], baseDir: path.dirname(file) };
  const files = options.files ?? nodeFileAccess;
  const identity = files.realPath(file) ?? file;
  if (seen.has(identity)) {
    result.problems.push({ file, key: 'extends', message: 'circular "extends" chain; this file is already being loaded' });
    return result;
  }
  seen.add(identity);
  const root = options.root ?? configRoot(file, options.fallbackRoot, files);
  let text: string;
  try {
    text = options.readFile ? options.readFile(file) : files.readText(file);
  } catch (error) {
    const message = error instanceof FileReadError ? error.message : `cannot be read (${describeIoError(error)})`;
    result.problems.push({ file, key: '(file)', message });
    return result;
  }
  const parsed = parseConfigText(text, file);
  if (parsed.problem) {
    result.problems.push(parsed.problem);
    return result;
  }
  const validated = validateConfig(parsed.value, file);
  for (const target of validated.extends) {
    const resolved = resolveExtends(file, target, root, files);
    if ('problem' in resolved) {
      result.problems.push({ file, key: 'extends', message: resolved.problem });
      continue;
    }
    const inner = loadConfigFile(resolved.path, { ...options, root }, seen);
    result.layers.push(...inner.layers);
    result.problems.push(...inner.problems);
    result.files.unshift(...inner.files);
  }
  result.layers.push({ ...validated.layer, baseDir: path.dirname(file) });
  result.problems.push(...validated.problems);
  return result;
}

/**
 * The config that applies to a document: the nearest config file above it (if any). A config
 * file found there that is a link to a file outside the repository (or workspace) is not read.
 */
export function loadConfigForFile(documentPath: string, options: { stopAt?: string; explicitFile?: string; fallbackRoot?: string; files?: ConfigFileAccess } = {}): LoadedConfig {
  const files = options.files ?? nodeFileAccess;
  const file = options.explicitFile ?? findConfigFile(path.dirname(path.resolve(documentPath)), options.stopAt, files);
  if (!file) return { layers: [], problems: [], files: [], baseDir: null };
  const resolved = path.resolve(file);
  const fallbackRoot = options.fallbackRoot ?? options.stopAt;
  if (!options.explicitFile) {
    const root = configRoot(resolved, fallbackRoot, files);
    const real = files.realPath(resolved);
    if (!real || !isInside(real, files.realPath(root.root) ?? root.root)) {
      return { layers: [], problems: [{ file: resolved, key: '(file)', message: `is a link to a file outside ${root.label}; it was not read` }], files: [resolved], baseDir: path.dirname(resolved) };
    }
  }
  return loadConfigFile(resolved, { fallbackRoot, files });
}

/** The path of a document relative to the config's folder, for type globs. */
export function relativeToConfig(documentPath: string, config: LoadedConfig, fallbackDir: string): string {
  return path.relative(config.baseDir ?? fallbackDir, path.resolve(documentPath)).split(path.sep).join('/');
}
