/**
 * `--print-config FILE`: the configuration that applies to a file — the config files read for it,
 * its document type, every setting and every rule's severity and options — and where each value
 * comes from: the built-in default, a config file (the nearest one or one it extends), the
 * command line, or the document's own front matter. The file need not exist yet.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, lint, resolveRule, type ConfigLayer, type DocType } from '../engine/index.js';
import { DEFAULT_MAX_DOCUMENT_LENGTH } from '../engine/config/resolve.js';
import { readBoundedText } from '../config/read-file.js';
import type { LintContext } from './lint-context.js';
import { terminalSafeLines } from './terminal.js';

const DEFAULT = 'default';

interface Sourced<T> {
  value: T;
  source: string;
}

export interface PrintedConfig {
  file: string;
  configFiles: string[];
  docType?: DocType;
  docTypeReason?: string;
  ignored: boolean;
  settings: {
    referenceDate: Sourced<string | null>;
    fiscalYearStartMonth: Sourced<number>;
    maxDocumentLength: Sourced<number>;
    types: Array<Sourced<{ glob: string; type: DocType }>>;
    sections: Array<Sourced<{ role: string; setting: unknown }>>;
    ignores: Array<Sourced<string>>;
  };
  rules: Record<string, { severity: string; severitySource: string; options: Record<string, Sourced<unknown>> }>;
}

export function describeConfig(file: string, context: LintContext, shown: (file: string) => string): PrintedConfig {
  const absolute = path.resolve(context.cwd, file);
  const config = context.configFor(absolute);
  const options = context.lintOptions(absolute, config);
  let layers: readonly ConfigLayer[] = options.layers ?? [];
  let docType: DocType | undefined;
  let docTypeReason: string | undefined;
  if (fs.existsSync(absolute)) {
    try {
      const result = lint(readBoundedText(absolute, context.readLimit(config)).text, options);
      layers = result.layers ?? layers;
      docType = result.docType;
      docTypeReason = result.document.typeDecision.reason;
    } catch {
      // Unreadable: the configuration still applies; the type is left out.
    }
  }
  const sourceOf = (layer: ConfigLayer): string => {
    const source = layer.source ?? 'settings';
    if (source.endsWith(' (front matter)')) return `${shown(source.slice(0, -' (front matter)'.length))} (front matter)`;
    return path.isAbsolute(source) ? shown(source) : source;
  };
  const last = <T>(key: 'referenceDate' | 'fiscalYearStartMonth' | 'maxDocumentLength', fallback: T): Sourced<T> => {
    let found: Sourced<T> = { value: fallback, source: DEFAULT };
    for (const layer of layers) if (layer[key] !== undefined) found = { value: layer[key] as T, source: sourceOf(layer) };
    return found;
  };
  const rules: PrintedConfig['rules'] = {};
  for (const rule of allRules) {
    const resolved = resolveRule(rule, layers);
    let severitySource = DEFAULT;
    const optionSources: Record<string, string> = {};
    for (const layer of layers) {
      for (const key of [`${rule.meta.family}/*`, rule.meta.id]) {
        const settings = layer.rules?.[key];
        if (!settings) continue;
        if (settings.severity) severitySource = `${sourceOf(layer)}${key === rule.meta.id ? '' : ` (${key})`}`;
        for (const name of Object.keys(settings.options ?? {})) if (Object.hasOwn(rule.meta.options, name)) optionSources[name] = sourceOf(layer);
      }
    }
    rules[rule.meta.id] = {
      severity: resolved.severity,
      severitySource,
      options: Object.fromEntries(Object.entries(resolved.options).map(([name, value]) => [name, { value, source: optionSources[name] ?? DEFAULT }])),
    };
  }
  return {
    file: shown(absolute),
    configFiles: config.files.map(shown),
    ...(docType ? { docType, docTypeReason } : {}),
    ignored: context.ignored(absolute, config),
    settings: {
      referenceDate: last<string | null>('referenceDate', null),
      fiscalYearStartMonth: last('fiscalYearStartMonth', 1),
      maxDocumentLength: last('maxDocumentLength', DEFAULT_MAX_DOCUMENT_LENGTH),
      types: layers.flatMap((layer) => Object.entries(layer.types ?? {}).map(([glob, type]) => ({ value: { glob, type }, source: sourceOf(layer) }))),
      sections: layers.flatMap((layer) => Object.entries(layer.sections ?? {}).map(([role, setting]) => ({ value: { role, setting }, source: sourceOf(layer) }))),
      ignores: layers.flatMap((layer) => (layer.ignores ?? []).map((glob) => ({ value: glob, source: sourceOf(layer) }))),
    },
    rules,
  };
}

/** A list setting as written: a replacement list, or what it adds and removes. */
function listSetting(setting: unknown): string {
  if (Array.isArray(setting)) return `= ${setting.join(', ')}`;
  const { add = [], remove = [] } = (setting ?? {}) as { add?: string[]; remove?: string[] };
  return [...add.map((word) => `+ ${word}`), ...remove.map((word) => `− ${word}`)].join(', ');
}

export function printConfigText(printed: PrintedConfig): string {
  const lines = [`Configuration for ${printed.file}`];
  lines.push(`  config files   ${printed.configFiles.length ? printed.configFiles.join(', ') : 'none (the built-in defaults)'}`);
  lines.push(`  document type  ${printed.docType ? `${printed.docType} — ${printed.docTypeReason}` : 'not known (the file does not exist or cannot be read)'}`);
  if (printed.ignored) lines.push('  ignored        yes: "ignores" or --ignore-pattern leave it out (--no-ignore lints it)');
  const { settings } = printed;
  const rows: Array<[string, string, string]> = [
    ['referenceDate', settings.referenceDate.value ?? 'today (or the front matter’s updated:/date:)', settings.referenceDate.source],
    ['fiscalYearStartMonth', String(settings.fiscalYearStartMonth.value), settings.fiscalYearStartMonth.source],
    ['maxDocumentLength', String(settings.maxDocumentLength.value), settings.maxDocumentLength.source],
    ...settings.types.map(({ value, source }): [string, string, string] => ['types', `${value.glob} → ${value.type}`, source]),
    ...settings.sections.map(({ value, source }): [string, string, string] => [`sections.${value.role}`, listSetting(value.setting), source]),
    ...settings.ignores.map(({ value, source }): [string, string, string] => ['ignores', value, source]),
  ];
  const table = (header: [string, string, string], body: Array<[string, string, string]>) => {
    const widths = [0, 1].map((column) => Math.max(header[column].length, ...body.map((row) => row[column].length)));
    return [header, ...body].map((row) => `  ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}`.trimEnd());
  };
  lines.push('', ...table(['setting', 'value', 'from'], rows));
  const ruleRows = Object.entries(printed.rules).map(([id, rule]): [string, string, string] => {
    const changed = Object.entries(rule.options).filter(([, option]) => option.source !== DEFAULT);
    const options = changed.map(([name, option]) => `; ${name}: ${Array.isArray(option.value) ? `${option.value.length} words` : JSON.stringify(option.value)} (${option.source})`).join('');
    return [id, rule.severity, `${rule.severitySource}${options}`];
  });
  lines.push('', ...table(['rule', 'severity', 'from'], ruleRows));
  return terminalSafeLines(`${lines.join('\n')}\n`);
}
