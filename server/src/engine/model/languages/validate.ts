/**
 * Validation of the config keys about languages: `language` ("de", or glob → language) and
 * `languages.<code>` ({ sections, titles, rules }). Like the rest of config/validate.ts: each
 * problem is reported, the bad key dropped, everything valid kept.
 */
import { DOC_TYPES, SECTION_ROLES, type SectionRole } from '../../vocabulary.js';
import type { ConfigLayer, LanguageSettings, ListSetting, RuleSettings } from '../../config/types.js';
import { unsafeGlob } from '../doctype.js';
import { parseLanguage, type TitleType } from './index.js';

type Problem = (key: string, message: string) => undefined | void;

interface Validators {
  list: (value: unknown, key: string, problem: Problem) => ListSetting | undefined;
  rule: (ruleKey: string, value: unknown, problem: Problem) => RuleSettings | undefined;
}

const LANGUAGE_HINT = 'a language code such as "de", "fr", "ja", "zh" or "en"';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function validateLanguages(config: Record<string, unknown>, layer: ConfigLayer, problem: Problem, validate: Validators): void {
  if (config.language !== undefined) {
    const value = config.language;
    if (typeof value === 'string') {
      if (parseLanguage(value)) layer.language = value;
      else problem('language', `expected ${LANGUAGE_HINT}, got another string`);
    } else if (isObject(value)) {
      const globs: Record<string, string> = {};
      for (const [glob, code] of Object.entries(value)) {
        const unsafe = unsafeGlob(glob);
        if (unsafe !== null) problem(`language.${glob}`, `this glob is ignored: ${unsafe}, which could make matching file paths hang`);
        else if (typeof code === 'string' && parseLanguage(code)) globs[glob] = code;
        else problem(`language.${glob}`, `expected ${LANGUAGE_HINT}`);
      }
      layer.language = globs;
    } else problem('language', `expected ${LANGUAGE_HINT}, or an object mapping globs to languages`);
  }
  if (config.languages === undefined) return;
  if (!isObject(config.languages)) {
    problem('languages', 'expected an object mapping language codes to { "sections", "titles", "rules" }');
    return;
  }
  layer.languages = {};
  for (const [code, raw] of Object.entries(config.languages)) {
    const base = `languages.${code}`;
    if (!parseLanguage(code)) {
      problem(base, `unknown language (expected ${LANGUAGE_HINT})`);
      continue;
    }
    if (!isObject(raw)) {
      problem(base, 'expected an object with "sections", "titles" and/or "rules"');
      continue;
    }
    const settings: LanguageSettings = {};
    const { sections, titles, rules, ...rest } = raw;
    for (const key of Object.keys(rest)) problem(`${base}.${key}`, 'unknown key (known: sections, titles, rules)');
    if (sections !== undefined) {
      if (isObject(sections)) {
        settings.sections = {};
        for (const [role, list] of Object.entries(sections)) {
          if (!(SECTION_ROLES as readonly string[]).includes(role)) {
            problem(`${base}.sections.${role}`, `unknown section role (known: ${SECTION_ROLES.join(', ')})`);
            continue;
          }
          const checked = validate.list(list, `${base}.sections.${role}`, problem);
          if (checked) settings.sections[role as SectionRole] = checked;
        }
      } else problem(`${base}.sections`, 'expected an object mapping section roles to heading names');
    }
    if (titles !== undefined) {
      if (isObject(titles)) {
        settings.titles = {};
        for (const [type, list] of Object.entries(titles)) {
          if (type === 'generic' || !(DOC_TYPES as readonly string[]).includes(type)) {
            problem(`${base}.titles.${type}`, `unknown document type (known: ${DOC_TYPES.filter((t) => t !== 'generic').join(', ')})`);
            continue;
          }
          const checked = validate.list(list, `${base}.titles.${type}`, problem);
          if (checked) settings.titles[type as TitleType] = checked;
        }
      } else problem(`${base}.titles`, 'expected an object mapping document types to title words');
    }
    if (rules !== undefined) {
      if (isObject(rules)) {
        settings.rules = {};
        for (const [ruleKey, value] of Object.entries(rules)) {
          const checked = validate.rule(ruleKey, value, (key, message) => problem(`${base}.${key}`, message));
          if (checked) settings.rules[ruleKey] = checked;
        }
      } else problem(`${base}.rules`, 'expected an object mapping rule ids to settings');
    }
    layer.languages[code] = settings;
  }
}
