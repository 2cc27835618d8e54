/**
 * The custom rules in effect: every layer's `customRules`, a later layer replacing an earlier
 * rule of the same name (a config file's over the settings', as for every other key).
 */
import type { ConfigLayer } from '../config/types.js';
import type { Rule } from '../types.js';
import { existenceRule } from './existence.js';
import { occurrenceRule } from './occurrence.js';
import { requiredSectionRule } from './required-section.js';
import { substitutionRule } from './substitution.js';
import type { CustomRuleSpec } from './types.js';

export { CUSTOM_FAMILY, CUSTOM_KINDS, customRuleId, type CustomRuleSpec } from './types.js';
export { validateCustomRules, isCustomRuleKey } from './validate.js';
export { CUSTOM_RULES_SCHEMA } from './schema.js';

function compile(name: string, spec: CustomRuleSpec): Rule {
  switch (spec.kind) {
    case 'existence': return existenceRule(name, spec);
    case 'substitution': return substitutionRule(name, spec);
    case 'required-section': return requiredSectionRule(name, spec);
    case 'occurrence': return occurrenceRule(name, spec);
  }
}

/** Compiled rules by spec object: layers are rebuilt only when a config changes, so lints reuse them. */
const compiled = new WeakMap<CustomRuleSpec, Rule>();

export function customRulesOf(layers: readonly ConfigLayer[]): Rule[] {
  const specs = new Map<string, CustomRuleSpec>();
  for (const layer of layers) for (const [name, spec] of Object.entries(layer.customRules ?? {})) specs.set(name, spec);
  const rules: Rule[] = [];
  for (const [name, spec] of specs) {
    let rule = compiled.get(spec);
    if (!rule) {
      rule = compile(name, spec);
      compiled.set(spec, rule);
    }
    rules.push(rule);
  }
  return rules;
}
