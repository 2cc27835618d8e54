/**
 * Custom rules: rules a team writes as data in its config file (`customRules`), each reported as
 * `custom/<name>`. A few declarative kinds cover what teams ask for; each kind lives in its own
 * file beside this one and turns a spec into an ordinary Rule.
 */
import type { DocType, SectionRole, SeveritySetting } from '../types.js';

export const CUSTOM_FAMILY = 'custom';
export const CUSTOM_KINDS = ['existence', 'substitution', 'required-section', 'occurrence'] as const;
export type CustomKind = (typeof CUSTOM_KINDS)[number];

/** What every kind shares. */
interface CustomRuleBase {
  kind: CustomKind;
  /** The finding's message; `{{term}}` (and for substitutions `{{replacement}}`) are filled in. */
  message?: string;
  /** One line for hovers and `--list-rules`; defaults to the message. */
  description?: string;
  severity: SeveritySetting;
  /** Document types the rule runs on. */
  types: readonly DocType[];
  /** A page that explains the rule (the diagnostic's link). */
  url?: string;
}

/** Terms or phrases a team does not want (matched like the built-in word lists, never inside code). */
export interface ExistenceSpec extends CustomRuleBase {
  kind: 'existence';
  terms: readonly string[];
  /** Only in sections with one of these roles (or under one). */
  sections?: readonly SectionRole[];
  /** Also match "north stars" for "north star" (as the built-in lists do). Default true. */
  inflect: boolean;
}

/** Term → the term the team prefers, with a quick fix. */
export interface SubstitutionSpec extends CustomRuleBase {
  kind: 'substitution';
  swap: Readonly<Record<string, string>>;
  sections?: readonly SectionRole[];
}

/** A section a document type must have, with a quick fix that inserts its skeleton. */
export interface RequiredSectionSpec extends CustomRuleBase {
  kind: 'required-section';
  /** The heading to insert ("Rollback plan"); it also counts as present when written. */
  heading: string;
  /** A section role that also satisfies it ("risks"). */
  role?: SectionRole;
  /** Other headings that satisfy it ("Rollback", "Backout plan"). */
  synonyms: readonly string[];
  /** The prompt put in the inserted section (an HTML comment). */
  prompt?: string;
  /** Insert before the first main section with one of these roles; else at the end. */
  before: readonly SectionRole[];
}

export const OCCURRENCE_TARGETS = ['objectives', 'key-results', 'roadmap-items', 'actions', 'sections'] as const;
export type OccurrenceTarget = (typeof OCCURRENCE_TARGETS)[number];

/** How many of something a document has: "at most 3 objectives", "at least one key result". */
export interface OccurrenceSpec extends CustomRuleBase {
  kind: 'occurrence';
  of: OccurrenceTarget;
  min?: number;
  max?: number;
}

export type CustomRuleSpec = ExistenceSpec | SubstitutionSpec | RequiredSectionSpec | OccurrenceSpec;

export const customRuleId = (name: string): string => `${CUSTOM_FAMILY}/${name}`;
