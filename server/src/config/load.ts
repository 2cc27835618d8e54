/**
 * Config files on disk: `.strategy-lint.json`, `.strategy-lint.yaml` or `.strategy-lint.yml`.
 * The nearest folder's file wins (searching up from the document), `extends` pulls in other
 * files (relative paths), and `"root": true` is implicit — ancestors beyond the nearest file are
 * not merged, so a subfolder's config is predictable. A broken file yields a problem naming the
 * file and key; linting continues with whatever was valid plus the defaults.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { validateConfig } from '../engine/config/validate.js';
import type { ConfigLayer, ConfigProblem } from '../engine/config/types.js';

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

export function findConfigFile(startDir: string, stopAt?: string): string | null {
  let dir = path.resolve(startDir);
  const stop = stopAt ? path.resolve(stopAt) : null;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
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
    return { value: parseYaml(text, { maxAliasCount: 50 }) ?? {} };
  } catch (error) {
    const message = error instanceof YAMLParseError
      ? `not valid YAML: ${error.message.split('\n')[0]}`
      : `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { value: undefined, problem: { file, key: '(file)', message } };
  }
}

/** Remove // and /* *\/ comments and trailing commas outside strings. */
function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      out += char;
      if (char === '\\') out += text[++i] ?? '';
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++;
      i++;
    } else out += char;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** Read one config file and its `extends` chain (cycles and missing files become problems). */
export function loadConfigFile(file: string, readFile: (file: string) => string = (f) => fs.readFileSync(f, 'utf8'), seen = new Set<string>()): LoadedConfig {
  const result: LoadedConfig = { layers: [], problems: [], files: [file], baseDir: path.dirname(file) };
  if (seen.has(file)) {
    result.problems.push({ file, key: 'extends', message: 'circular "extends" chain; this file is already being loaded' });
    return result;
  }
  seen.add(file);
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    result.problems.push({ file, key: '(file)', message: `cannot be read: ${error instanceof Error ? error.message : String(error)}` });
    return result;
  }
  const parsed = parseConfigText(text, file);
  if (parsed.problem) {
    result.problems.push(parsed.problem);
    return result;
  }
  const validated = validateConfig(parsed.value, file);
  for (const target of validated.extends) {
    const resolved = path.resolve(path.dirname(file), target);
    if (!fs.existsSync(resolved)) {
      result.problems.push({ file, key: 'extends', message: `cannot find "${target}" (resolved to ${resolved})` });
      continue;
    }
    const inner = loadConfigFile(resolved, readFile, seen);
    result.layers.push(...inner.layers);
    result.problems.push(...inner.problems);
    result.files.unshift(...inner.files);
  }
  result.layers.push({ ...validated.layer, baseDir: path.dirname(file) });
  result.problems.push(...validated.problems);
  return result;
}

/** The config that applies to a document: the nearest config file above it (if any). */
export function loadConfigForFile(documentPath: string, options: { stopAt?: string; explicitFile?: string } = {}): LoadedConfig {
  const file = options.explicitFile ?? findConfigFile(path.dirname(path.resolve(documentPath)), options.stopAt);
  if (!file) return { layers: [], problems: [], files: [], baseDir: null };
  return loadConfigFile(path.resolve(file));
}

/** The path of a document relative to the config's folder, for type globs. */
export function relativeToConfig(documentPath: string, config: LoadedConfig, fallbackDir: string): string {
  return path.relative(config.baseDir ?? fallbackDir, path.resolve(documentPath)).split(path.sep).join('/');
}
