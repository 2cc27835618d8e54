/** JSON schema of `customRules` (for the config file's schema and the `strategyLint.customRules` setting). */
import { DOC_TYPES, SECTION_ROLES } from '../types.js';
import { OCCURRENCE_TARGETS } from './types.js';

const severity = { enum: ['error', 'warning', 'information', 'hint', 'off'], default: 'warning', description: 'Severity of the rule (default warning), or "off".' };
const common = {
  message: { type: 'string', description: 'The finding\'s message. {{term}} is the text found (substitution: also {{replacement}}; required-section: {{heading}}; occurrence: {{count}} and {{range}}).' },
  description: { type: 'string', maxLength: 200, description: 'One line shown in hovers and --list-rules.' },
  severity,
  types: { type: 'array', items: { enum: DOC_TYPES }, description: 'Document types the rule runs on (existence and substitution: every type but generic by default).' },
  url: { type: 'string', pattern: '^https?://', description: 'A page that explains the rule: the diagnostic\'s link.' },
};
const sections = { type: 'array', items: { enum: SECTION_ROLES }, description: 'Only in sections with one of these roles (or under one).' };
const terms = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, maxLength: 100 } };

export const CUSTOM_RULES_SCHEMA = {
  type: 'object',
  description: 'Rules of your own, reported as custom/<name>: terms to avoid (existence), preferred terms with a quick fix (substitution), a section a document type must have (required-section), or how many objectives, key results, roadmap items, actions or sections a document has (occurrence).',
  propertyNames: { pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
  additionalProperties: {
    oneOf: [
      {
        type: 'object', additionalProperties: false, required: ['kind', 'terms'],
        properties: { kind: { const: 'existence' }, ...common, terms: { ...terms, description: 'Terms or phrases to flag (matched like the built-in word lists: any case, curly quotes and hyphen variants, never inside code).' }, sections, inflect: { type: 'boolean', default: true, description: 'Also match inflections ("north stars" for "north star").' } },
      },
      {
        type: 'object', additionalProperties: false, required: ['kind', 'swap'],
        properties: { kind: { const: 'substitution' }, ...common, swap: { type: 'object', minProperties: 1, additionalProperties: { type: 'string', minLength: 1, maxLength: 100 }, description: 'Term → the term to use instead (a quick fix replaces it, keeping its capitalisation).' }, sections },
      },
      {
        type: 'object', additionalProperties: false, required: ['kind', 'heading', 'types'],
        properties: {
          kind: { const: 'required-section' }, ...common,
          types: { ...common.types, minItems: 1, description: 'Document types that must have the section.' },
          heading: { type: 'string', minLength: 1, maxLength: 100, description: 'The heading the quick fix inserts; a section with this heading satisfies the rule.' },
          role: { enum: SECTION_ROLES, description: 'A section role that also satisfies the rule.' },
          synonyms: { ...terms, description: 'Other headings that satisfy the rule.' },
          prompt: { type: 'string', description: 'The prompt the quick fix puts in the new section (an HTML comment).' },
          before: { type: 'array', items: { enum: SECTION_ROLES }, description: 'Insert the section before the first main section with one of these roles; else at the end.' },
        },
      },
      {
        type: 'object', additionalProperties: false, required: ['kind', 'of', 'types'],
        properties: {
          kind: { const: 'occurrence' }, ...common,
          types: { ...common.types, minItems: 1, description: 'Document types the count applies to.' },
          of: { enum: OCCURRENCE_TARGETS, description: 'What to count, as Strategy Lint reads the document.' },
          min: { type: 'integer', minimum: 0, description: 'At least this many.' },
          max: { type: 'integer', minimum: 0, description: 'At most this many.' },
        },
      },
    ],
  },
};
