/**
 * Validation of configuration as users write it (config files, editor settings, front matter).
 * Nothing is thrown: each problem names the file, the key and what was expected, the bad key is
 * dropped, and everything valid is kept, so linting always continues.
 */
import { DOC_TYPES, SECTION_ROLES, type DocType, type SectionRole, type SeveritySetting, type OptionSpec } from '../types.js';
import { rulesById, allRules } from '../rules/index.js';
import type { ConfigLayer, ConfigProblem, ListSetting, RuleSettings } from './types.js';
import { unsafeGlob } from '../model/doctype.js';
import { validateLanguages } from '../model/languages/validate.js';
import { isCustomRuleKey, validateCustomRules } from '../custom/validate.js';
import { describeValue as describe, parseSeverity } from './values.js';

export { parseSeverity };

const TOP_LEVEL_KEYS = ['$schema', 'extends', 'rules', 'types', 'sections', 'referenceDate', 'fiscalYearStartMonth', 'maxDocumentLength', 'ignores', 'root', 'customRules', 'language', 'languages'];

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function validateList(value: unknown, key: string, problem: (key: string, message: string) => void): ListSetting | undefined {
  if (isStringArray(value)) return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { add, remove, ...rest } = value as Record<string, unknown>;
    const unknownKeys = Object.keys(rest);
    if (unknownKeys.length > 0) problem(`${key}.${unknownKeys[0]}`, 'unknown key; a list setting is an array of strings or { "add": [...], "remove": [...] }');
    const result: { add?: string[]; remove?: string[] } = {};
    if (add !== undefined) {
      if (isStringArray(add)) result.add = add;
      else problem(`${key}.add`, `expected an array of strings, got ${describe(add)}`);
    }
    if (remove !== undefined) {
      if (isStringArray(remove)) result.remove = remove;
      else problem(`${key}.remove`, `expected an array of strings, got ${describe(remove)}`);
    }
    return result;
  }
  problem(key, `expected an array of strings or { "add": [...], "remove": [...] }, got ${describe(value)}`);
  return undefined;
}

function validateOption(spec: OptionSpec, value: unknown, key: string, problem: (key: string, message: string) => void): unknown {
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return problem(key, `expected a number, got ${describe(value)}`);
      if (spec.minimum !== undefined && value < spec.minimum) return problem(key, `expected a number ≥ ${spec.minimum}, got a smaller one`);
      if (spec.maximum !== undefined && value > spec.maximum) return problem(key, `expected a number ≤ ${spec.maximum}, got a larger one`);
      return value;
    case 'boolean':
      return typeof value === 'boolean' ? value : problem(key, `expected true or false, got ${describe(value)}`);
    case 'string':
      if (typeof value !== 'string') return problem(key, `expected a string, got ${describe(value)}`);
      if (spec.enum && !spec.enum.includes(value)) return problem(key, `expected one of ${spec.enum.map((v) => `"${v}"`).join(', ')}, got another string`);
      return value;
    case 'string[]':
      return validateList(value, key, problem);
  }
}

/** A rule's option spec by name: own keys only, so "constructor" or "toString" is an unknown option. */
function ownOption(options: Readonly<Record<string, OptionSpec>>, name: string): OptionSpec | undefined {
  return Object.hasOwn(options, name) ? options[name] : undefined;
}

/** Rule ids a settings key addresses: an id, or a family wildcard like "prose/*". */
export function ruleIdsForKey(key: string): string[] {
  if (key.endsWith('/*')) {
    const family = key.slice(0, -2);
    return allRules.filter((rule) => rule.meta.family === family).map((rule) => rule.meta.id);
  }
  return rulesById.has(key) ? [key] : [];
}

function validateRuleSettings(ruleKey: string, value: unknown, problem: (key: string, message: string) => void): RuleSettings | undefined {
  const ids = ruleIdsForKey(ruleKey);
  const base = `rules.${ruleKey}`;
  // A custom rule may be defined in another layer (settings, an extended file): its severity can be set here.
  if (ids.length === 0 && isCustomRuleKey(ruleKey)) {
    const fields = value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : null;
    const severity = fields ? (Object.keys(fields).every((key) => key === 'severity') ? parseSeverity(fields.severity) : null) : parseSeverity(value);
    if (severity) return { severity };
    problem(base, 'a custom rule takes a severity here ("error", "warning", "information", "hint", "off"); its other fields are set in customRules');
    return undefined;
  }
  if (ids.length === 0) {
    problem(base, 'unknown rule id (run `strategy-lint --list-rules` for the list, or use a family like "prose/*")');
    return undefined;
  }
  const severity = parseSeverity(value);
  if (severity) return { severity };
  if (Array.isArray(value)) {
    // ESLint's ["warning", { options }] form.
    const [first, second] = value;
    const parsed = parseSeverity(first);
    if (!parsed) {
      problem(base, `expected a severity ("error", "warning", "information", "hint", "off") first, got ${describe(first)}`);
      return undefined;
    }
    return second === undefined ? { severity: parsed } : { severity: parsed, ...validateRuleSettings(ruleKey, { options: second }, problem) };
  }
  if (!value || typeof value !== 'object') {
    problem(base, `expected a severity ("error", "warning", "information", "hint", "off") or { "severity": ..., "options": {...} }, got ${describe(value)}`);
    return undefined;
  }
  const { severity: rawSeverity, options: rawOptions, ...flatOptions } = value as Record<string, unknown>;
  const result: RuleSettings = {};
  if (rawSeverity !== undefined) {
    const parsed = parseSeverity(rawSeverity);
    if (parsed) result.severity = parsed;
    else problem(`${base}.severity`, `expected "error", "warning", "information", "hint" or "off", got ${describe(rawSeverity)}`);
  }
  const options: Record<string, unknown> = {};
  const optionSources: Array<[Record<string, unknown>, string]> = [[flatOptions, base]];
  if (rawOptions !== undefined) {
    if (rawOptions && typeof rawOptions === 'object' && !Array.isArray(rawOptions)) optionSources.push([rawOptions as Record<string, unknown>, `${base}.options`]);
    else problem(`${base}.options`, `expected an object of rule options, got ${describe(rawOptions)}`);
  }
  for (const [source, prefix] of optionSources) {
    for (const [name, optionValue] of Object.entries(source)) {
      // With a family wildcard, an option applies to the rules that have it.
      const specs = ids.map((id) => ownOption(rulesById.get(id)!.meta.options, name)).filter(Boolean) as OptionSpec[];
      if (specs.length === 0) {
        const known = ids.length === 1 ? Object.keys(rulesById.get(ids[0])!.meta.options) : [];
        problem(`${prefix}.${name}`, `unknown option${known.length ? ` (known: ${known.join(', ')})` : ' (this rule has no options)'}`);
        continue;
      }
      const checked = validateOption(specs[0], optionValue, `${prefix}.${name}`, problem);
      if (checked !== undefined) options[name] = checked;
    }
  }
  if (Object.keys(options).length > 0) result.options = options;
  return result;
}

/** Validate one raw config object. `file` names it in problems. Unknown keys are reported and dropped. */
export function validateConfig(raw: unknown, file: string): { layer: ConfigLayer; problems: ConfigProblem[]; extends: string[] } {
  const problems: ConfigProblem[] = [];
  const problem = (key: string, message: string): undefined => {
    problems.push({ file, key, message });
    return undefined;
  };
  const layer: ConfigLayer = { source: file };
  const extendsList: string[] = [];
  if (raw === null || raw === undefined) return { layer, problems, extends: extendsList };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problem('(root)', `expected an object of settings, got ${describe(raw)}`);
    return { layer, problems, extends: extendsList };
  }
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!TOP_LEVEL_KEYS.includes(key)) problem(key, `unknown key (known: ${TOP_LEVEL_KEYS.filter((k) => k !== '$schema').join(', ')})`);
  }
  if (config.extends !== undefined) {
    if (typeof config.extends === 'string') extendsList.push(config.extends);
    else if (isStringArray(config.extends)) extendsList.push(...config.extends);
    else problem('extends', `expected a path or an array of paths, got ${describe(config.extends)}`);
  }
  if (config.rules !== undefined) {
    if (config.rules && typeof config.rules === 'object' && !Array.isArray(config.rules)) {
      layer.rules = {};
      for (const [ruleKey, value] of Object.entries(config.rules as Record<string, unknown>)) {
        const settings = validateRuleSettings(ruleKey, value, problem);
        if (settings) layer.rules[ruleKey] = settings;
      }
    } else problem('rules', `expected an object mapping rule ids to settings, got ${describe(config.rules)}`);
  }
  if (config.types !== undefined) {
    if (config.types && typeof config.types === 'object' && !Array.isArray(config.types)) {
      layer.types = {};
      for (const [glob, type] of Object.entries(config.types as Record<string, unknown>)) {
        const unsafe = unsafeGlob(glob);
        if (unsafe !== null) problem(`types.${glob}`, `this glob is ignored: ${unsafe}, which could make matching file paths hang`);
        else if (typeof type === 'string' && (DOC_TYPES as readonly string[]).includes(type)) layer.types[glob] = type as DocType;
        else problem(`types.${glob}`, `expected a document type (${DOC_TYPES.join(', ')}), got ${describe(type)}`);
      }
    } else problem('types', `expected an object mapping globs to document types, got ${describe(config.types)}`);
  }
  if (config.sections !== undefined) {
    if (config.sections && typeof config.sections === 'object' && !Array.isArray(config.sections)) {
      layer.sections = {};
      for (const [role, list] of Object.entries(config.sections as Record<string, unknown>)) {
        if (!(SECTION_ROLES as readonly string[]).includes(role)) {
          problem(`sections.${role}`, `unknown section role (known: ${SECTION_ROLES.join(', ')})`);
          continue;
        }
        const checked = validateList(list, `sections.${role}`, problem);
        if (checked) layer.sections[role as SectionRole] = checked;
      }
    } else problem('sections', `expected an object mapping section roles to heading synonyms, got ${describe(config.sections)}`);
  }
  if (config.referenceDate !== undefined) {
    if (typeof config.referenceDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(config.referenceDate)) layer.referenceDate = config.referenceDate;
    else if (config.referenceDate instanceof Date) layer.referenceDate = config.referenceDate.toISOString().slice(0, 10);
    else problem('referenceDate', `expected a date "YYYY-MM-DD", got ${describe(config.referenceDate)}`);
  }
  if (config.fiscalYearStartMonth !== undefined) {
    const month = config.fiscalYearStartMonth;
    if (typeof month === 'number' && Number.isInteger(month) && month >= 1 && month <= 12) layer.fiscalYearStartMonth = month;
    else problem('fiscalYearStartMonth', `expected a month number from 1 to 12, got ${describe(month)}`);
  }
  if (config.maxDocumentLength !== undefined) {
    const max = config.maxDocumentLength;
    if (typeof max === 'number' && Number.isInteger(max) && max >= 1000) layer.maxDocumentLength = max;
    else problem('maxDocumentLength', `expected a whole number of characters ≥ 1000, got ${describe(max)}`);
  }
  if (config.ignores !== undefined) {
    if (isStringArray(config.ignores)) {
      layer.ignores = config.ignores.filter((glob, i) => {
        const unsafe = unsafeGlob(glob);
        if (unsafe !== null) problem(`ignores[${i}]`, `this glob is ignored: ${unsafe}, which could make matching file paths hang`);
        return unsafe === null && glob.trim() !== '';
      });
    } else problem('ignores', `expected an array of globs, got ${describe(config.ignores)}`);
  }
  if (config.customRules !== undefined) {
    const rules = validateCustomRules(config.customRules, problem);
    if (rules) layer.customRules = rules;
  }
  validateLanguages(config, layer, problem, { list: validateList, rule: validateRuleSettings });
  return { layer, problems, extends: extendsList };
}
