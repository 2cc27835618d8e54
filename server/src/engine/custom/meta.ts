/** The metadata of a custom rule, built from its spec (a custom rule has no options: its spec is its configuration). */
import type { RuleMeta, Severity } from '../types.js';
import { CUSTOM_FAMILY, customRuleId, type CustomRuleSpec } from './types.js';

export function customMeta(name: string, spec: CustomRuleSpec, shape: { documentLevel: boolean; fixable: boolean; description: string }): RuleMeta {
  return {
    id: customRuleId(name),
    family: CUSTOM_FAMILY,
    description: shape.description,
    // "off" is resolved like any severity setting; the meta holds what the rule reports at when on.
    defaultSeverity: (spec.severity === 'off' ? 'warning' : spec.severity) as Severity,
    types: spec.types,
    documentLevel: shape.documentLevel,
    fixable: shape.fixable,
    options: {},
    rationale: 'A rule this team wrote in its Strategy Lint config file (customRules).',
    howToFix: spec.message ?? shape.description,
    seeds: [],
    examples: { bad: '', good: '' },
    ...(spec.url ? { url: spec.url } : {}),
  };
}
