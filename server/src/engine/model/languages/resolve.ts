/**
 * The languages part of the configuration for one document: its configured language (`language`,
 * one for every document or per glob) and each language's lists (`languages.<code>`), resolved
 * over the built-in data. The document itself decides its language (document-language.ts).
 */
import picomatch from 'picomatch';
import { applyList, type ConfigLayer, type LanguageSettings, type ListSetting } from '../../config/types.js';
import type { SectionRole } from '../../vocabulary.js';
import { unsafeGlob, MAX_GLOB_PATH_LENGTH } from '../doctype.js';
import { languageData, parseLanguage, type TitleType } from './index.js';
import type { LanguageConfig, ResolvedLanguageSettings } from './document-language.js';

export type { LanguageConfig, ResolvedLanguageSettings } from './document-language.js';

const globMatchers = new Map<string, (path: string) => boolean>();

function globMatches(glob: string, relativePath: string): boolean {
  let matcher = globMatchers.get(glob);
  if (!matcher) {
    if (globMatchers.size > 200) globMatchers.clear();
    matcher = picomatch(glob, { dot: true, nocase: true, noextglob: true, matchBase: !glob.includes('/') });
    globMatchers.set(glob, matcher);
  }
  return matcher(relativePath);
}

/** The languages part of the config layers, for a document at `relativePath`: the last layer that names a language wins. */
export function resolveLanguageConfig(layers: readonly ConfigLayer[], relativePath: string | undefined): LanguageConfig {
  const config: LanguageConfig = { languages: {} };
  const path = relativePath?.replace(/\\/g, '/');
  for (const layer of layers) {
    const setting = layer.language;
    if (typeof setting === 'string') {
      const code = parseLanguage(setting);
      if (code) [config.language, config.languageSource] = [code, 'config'];
    } else if (setting && typeof setting === 'object' && path && path.length <= MAX_GLOB_PATH_LENGTH) {
      for (const [glob, value] of Object.entries(setting)) {
        const code = parseLanguage(value);
        if (code && unsafeGlob(glob) === null && globMatches(glob, path)) {
          [config.language, config.languageSource] = [code, `configured glob "${glob}"`];
          break;
        }
      }
    }
    for (const [raw, settings] of Object.entries(layer.languages ?? {})) {
      const code = parseLanguage(raw);
      if (code) config.languages[code] = mergeSettings(code, config.languages[code], settings);
    }
  }
  return config;
}

/** One layer's `languages.<code>` over what earlier layers (and the built-in data) gave. */
function mergeSettings(code: string, base: ResolvedLanguageSettings | undefined, settings: LanguageSettings): ResolvedLanguageSettings {
  const data = languageData(code);
  const merged: ResolvedLanguageSettings = { sections: { ...base?.sections }, titles: { ...base?.titles }, rules: { ...base?.rules } };
  for (const [role, list] of Object.entries(settings.sections ?? {}) as Array<[SectionRole, ListSetting]>) {
    merged.sections![role] = applyList(merged.sections![role] ?? data?.sections[role] ?? [], list);
  }
  for (const [type, list] of Object.entries(settings.titles ?? {}) as Array<[TitleType, ListSetting]>) {
    merged.titles![type] = applyList(merged.titles![type] ?? data?.titles[type] ?? [], list);
  }
  for (const [id, rule] of Object.entries(settings.rules ?? {})) {
    const earlier = merged.rules![id];
    merged.rules![id] = earlier ? { ...earlier, ...rule, options: { ...earlier.options, ...rule.options } } : rule;
  }
  return merged;
}

