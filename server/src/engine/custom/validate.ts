/**
 * Validation of `customRules` as users write them. As everywhere in the config, nothing is thrown:
 * each problem names the key (`customRules.<name>.<field>`) and what was expected, a rule with a
 * problem in a required field is dropped, and the others are kept.
 */
import { DOC_TYPES, SECTION_ROLES, type DocType, type SectionRole } from '../types.js';
import { describeValue as describe, parseSeverity } from '../config/values.js';
import { CUSTOM_KINDS, OCCURRENCE_TARGETS, type CustomKind, type CustomRuleSpec, type OccurrenceTarget } from './types.js';

type Problem = (key: string, message: string) => undefined;

/** A name that reads as a rule id: lower case, digits and hyphens. */
const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MAX_TERMS = 500;
const MAX_TERM_LENGTH = 100;

const COMMON_FIELDS = ['kind', 'message', 'description', 'severity', 'types', 'url'];
const KIND_FIELDS: Record<CustomKind, readonly string[]> = {
  existence: ['terms', 'sections', 'inflect'],
  substitution: ['swap', 'sections'],
  'required-section': ['heading', 'role', 'synonyms', 'prompt', 'before'],
  occurrence: ['of', 'min', 'max'],
};
/** Types a kind runs on when the rule does not say: every type a team writes on purpose. */
const DEFAULT_TYPES: readonly DocType[] = DOC_TYPES.filter((type) => type !== 'generic');

function text(value: unknown, key: string, problem: Problem, max = 500): string | undefined {
  if (typeof value === 'string' && value.trim() !== '' && value.length <= max) return value;
  return problem(key, typeof value === 'string' ? `expected a non-empty string of at most ${max} characters` : `expected a string, got ${describe(value)}`);
}

function terms(value: unknown, key: string, problem: Problem): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return problem(key, `expected a non-empty array of terms, got ${describe(value)}`);
  if (value.length > MAX_TERMS) return problem(key, `expected at most ${MAX_TERMS} terms`);
  const kept: string[] = [];
  value.forEach((term, i) => {
    if (typeof term === 'string' && term.trim() !== '' && term.length <= MAX_TERM_LENGTH) kept.push(term.trim());
    else problem(`${key}[${i}]`, `expected a term of 1 to ${MAX_TERM_LENGTH} characters, got ${describe(term)}`);
  });
  return kept.length > 0 ? kept : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], key: string, what: string, problem: Problem): T | undefined {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return problem(key, `expected ${what} (${allowed.join(', ')}), got ${typeof value === 'string' ? 'another string' : describe(value)}`);
}

function listOf<T extends string>(value: unknown, allowed: readonly T[], key: string, what: string, problem: Problem): T[] | undefined {
  if (!Array.isArray(value)) return problem(key, `expected an array of ${what} (${allowed.join(', ')}), got ${describe(value)}`);
  const kept = value.map((entry, i) => oneOf(entry, allowed, `${key}[${i}]`, what, problem)).filter((entry): entry is T => entry !== undefined);
  return kept.length > 0 ? kept : undefined;
}

function count(value: unknown, key: string, problem: Problem): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000) return value;
  return problem(key, `expected a whole number from 0 to 10000, got ${describe(value)}`);
}

/** One entry of `customRules`, or undefined when a required field is missing or wrong. */
function validateOne(name: string, raw: unknown, problem: Problem): CustomRuleSpec | undefined {
  const base = `customRules.${name}`;
  if (!NAME.test(name)) return problem(base, 'a custom rule\'s name is lower-case letters, digits and hyphens (it becomes the rule id custom/<name>)');
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return problem(base, `expected an object with a "kind" and its fields, got ${describe(raw)}`);
  const entry = raw as Record<string, unknown>;
  const kind = oneOf(entry.kind, CUSTOM_KINDS, `${base}.kind`, 'a kind', problem);
  if (!kind) return undefined;
  for (const field of Object.keys(entry)) {
    if (!COMMON_FIELDS.includes(field) && !KIND_FIELDS[kind].includes(field)) {
      problem(`${base}.${field}`, `unknown field for a ${kind} rule (known: ${[...COMMON_FIELDS, ...KIND_FIELDS[kind]].join(', ')})`);
    }
  }
  let severity: CustomRuleSpec['severity'] = 'warning';
  if (entry.severity !== undefined) {
    const parsed = parseSeverity(entry.severity);
    if (parsed) severity = parsed;
    else problem(`${base}.severity`, `expected "error", "warning", "information", "hint" or "off", got ${describe(entry.severity)}`);
  }
  const types = entry.types === undefined ? undefined : listOf(entry.types, DOC_TYPES, `${base}.types`, 'document types', problem);
  const message = entry.message === undefined ? undefined : text(entry.message, `${base}.message`, problem);
  const description = entry.description === undefined ? undefined : text(entry.description, `${base}.description`, problem, 200);
  let url: string | undefined;
  if (entry.url !== undefined) {
    // Only links a reader can open safely; never a command: or javascript: URI.
    if (typeof entry.url === 'string' && /^https?:\/\/[^\s]{1,2000}$/i.test(entry.url)) url = entry.url;
    else problem(`${base}.url`, 'expected an http:// or https:// address');
  }
  const common = { severity, ...(message ? { message } : {}), ...(description ? { description } : {}), ...(url ? { url } : {}) };
  const sectionsOf = (): SectionRole[] | undefined =>
    entry.sections === undefined ? undefined : listOf(entry.sections, SECTION_ROLES, `${base}.sections`, 'section roles', problem);

  switch (kind) {
    case 'existence': {
      const list = terms(entry.terms, `${base}.terms`, problem);
      if (!list) return undefined;
      let inflect = true;
      if (entry.inflect !== undefined) {
        if (typeof entry.inflect === 'boolean') inflect = entry.inflect;
        else problem(`${base}.inflect`, `expected true or false, got ${describe(entry.inflect)}`);
      }
      const sections = sectionsOf();
      return { kind, ...common, types: types ?? DEFAULT_TYPES, terms: list, inflect, ...(sections ? { sections } : {}) };
    }
    case 'substitution': {
      const swap = entry.swap;
      if (!swap || typeof swap !== 'object' || Array.isArray(swap) || Object.keys(swap).length === 0) {
        return problem(`${base}.swap`, `expected an object of term → preferred term, got ${describe(swap)}`);
      }
      const kept: Record<string, string> = {};
      for (const [term, preferred] of Object.entries(swap as Record<string, unknown>).slice(0, MAX_TERMS)) {
        if (term.trim() === '' || term.length > MAX_TERM_LENGTH) problem(`${base}.swap`, `a term is 1 to ${MAX_TERM_LENGTH} characters`);
        else if (typeof preferred === 'string' && preferred.trim() !== '' && preferred.length <= MAX_TERM_LENGTH) kept[term.trim()] = preferred.trim();
        else problem(`${base}.swap.${term}`, `expected the preferred term (1 to ${MAX_TERM_LENGTH} characters), got ${describe(preferred)}`);
      }
      if (Object.keys(kept).length === 0) return undefined;
      const sections = sectionsOf();
      return { kind, ...common, types: types ?? DEFAULT_TYPES, swap: kept, ...(sections ? { sections } : {}) };
    }
    case 'required-section': {
      if (entry.types === undefined) return problem(`${base}.types`, 'a required-section rule names the document types that must have the section (e.g. ["decision"])');
      if (!types) return undefined;
      const heading = text(entry.heading, `${base}.heading`, problem, MAX_TERM_LENGTH);
      if (!heading || /[\r\n]/.test(heading)) return heading ? problem(`${base}.heading`, 'expected a heading on one line') : undefined;
      const role = entry.role === undefined ? undefined : oneOf(entry.role, SECTION_ROLES, `${base}.role`, 'a section role', problem);
      const synonyms = entry.synonyms === undefined ? [] : terms(entry.synonyms, `${base}.synonyms`, problem) ?? [];
      const prompt = entry.prompt === undefined ? undefined : text(entry.prompt, `${base}.prompt`, problem);
      const before = entry.before === undefined ? [] : listOf(entry.before, SECTION_ROLES, `${base}.before`, 'section roles', problem) ?? [];
      // "-->" would end the prompt's HTML comment early and put the rest into the document as text.
      return { kind, ...common, types, heading, synonyms, before, ...(role ? { role } : {}), ...(prompt ? { prompt: prompt.replace(/--+>?/g, '–') } : {}) };
    }
    case 'occurrence': {
      if (entry.types === undefined) return problem(`${base}.types`, 'an occurrence rule names the document types it counts in (e.g. ["okr"])');
      if (!types) return undefined;
      const of = oneOf<OccurrenceTarget>(entry.of, OCCURRENCE_TARGETS, `${base}.of`, 'what to count', problem);
      if (!of) return undefined;
      const min = entry.min === undefined ? undefined : count(entry.min, `${base}.min`, problem);
      const max = entry.max === undefined ? undefined : count(entry.max, `${base}.max`, problem);
      if (min === undefined && max === undefined) return problem(base, 'an occurrence rule needs "min", "max" or both');
      if (min !== undefined && max !== undefined && min > max) return problem(`${base}.min`, 'expected "min" to be at most "max"');
      return { kind, ...common, types, of, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
  }
}

/** `customRules` of one config layer: the valid rules by name. */
export function validateCustomRules(raw: unknown, problem: Problem): Record<string, CustomRuleSpec> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return problem('customRules', `expected an object mapping rule names to rules, got ${describe(raw)}`);
  const rules: Record<string, CustomRuleSpec> = {};
  for (const [name, entry] of Object.entries(raw as Record<string, unknown>)) {
    const spec = validateOne(name, entry, problem);
    if (spec) rules[name] = spec;
  }
  return rules;
}

/** Is this a rule id a custom rule could have (for `rules` keys set in another layer than the rule)? */
export function isCustomRuleKey(key: string): boolean {
  return key === 'custom/*' || (key.startsWith('custom/') && NAME.test(key.slice('custom/'.length)));
}
