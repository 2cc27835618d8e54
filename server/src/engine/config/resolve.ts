/** Resolution of config layers, in order, on top of the rule defaults. */
import type { OptionSpecs, Rule, SectionRole, SeveritySetting } from '../types.js';
import { DEFAULT_ROLE_SYNONYMS, type RoleSynonyms } from '../model/roles.js';
import { applyList, type ConfigLayer, type ListSetting } from './types.js';

export const DEFAULT_MAX_DOCUMENT_LENGTH = 1_000_000;

interface ResolvedRuleSettings {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export function resolveRule(rule: Rule<any>, layers: readonly ConfigLayer[]): ResolvedRuleSettings {
  let severity: SeveritySetting = rule.meta.defaultSeverity;
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(rule.meta.options as OptionSpecs)) options[name] = spec.default;
  const familyKey = `${rule.meta.family}/*`;
  for (const layer of layers) {
    for (const key of [familyKey, rule.meta.id]) {
      const settings = layer.rules?.[key];
      if (!settings) continue;
      if (settings.severity) severity = settings.severity;
      for (const [name, value] of Object.entries(settings.options ?? {})) {
        const spec = Object.hasOwn(rule.meta.options, name) ? rule.meta.options[name] : undefined;
        if (!spec) continue;
        options[name] = spec.type === 'string[]' ? applyList(options[name] as readonly string[], value as ListSetting) : value;
      }
    }
  }
  return { severity, options };
}

export function resolveRoleSynonyms(layers: readonly ConfigLayer[]): RoleSynonyms {
  const synonyms = { ...DEFAULT_ROLE_SYNONYMS } as RoleSynonyms;
  for (const layer of layers) {
    for (const [role, list] of Object.entries(layer.sections ?? {}) as Array<[SectionRole, ListSetting]>) {
      synonyms[role] = applyList(synonyms[role], list);
    }
  }
  return synonyms;
}

/** The last layer that sets a scalar wins. */
export function lastSet<K extends keyof ConfigLayer>(layers: readonly ConfigLayer[], key: K): ConfigLayer[K] | undefined {
  let value: ConfigLayer[K] | undefined;
  for (const layer of layers) if (layer[key] !== undefined) value = layer[key];
  return value;
}

export function mergedTypeGlobs(layers: readonly ConfigLayer[]): ConfigLayer['types'] {
  const globs: NonNullable<ConfigLayer['types']> = {};
  for (const layer of layers) Object.assign(globs, layer.types ?? {});
  return globs;
}
