/**
 * Configuration as users write it (config file, editor settings, front matter), one layer each.
 * Layers are applied in order on top of the rule defaults: settings < config file < front matter
 * < inline comments. Every list can be replaced (a plain array) or extended (`{ add, remove }`).
 */
import type { DocType, SectionRole, SeveritySetting } from '../types.js';
import type { CustomRuleSpec } from '../custom/types.js';

export type ListSetting = readonly string[] | { add?: readonly string[]; remove?: readonly string[] };

export interface RuleSettings {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface ConfigLayer {
  /** Where the layer came from, for messages ("/repo/.strategy-lint.json", "settings"). */
  source?: string;
  rules?: Record<string, RuleSettings>;
  /** Glob (relative to the config file's folder or the workspace) → document type. */
  types?: Record<string, DocType>;
  /** Extra or replacement heading synonyms per section role. */
  sections?: Partial<Record<SectionRole, ListSetting>>;
  /** "2026-11-21": the day roadmap horizons and staleness are measured from. */
  referenceDate?: string;
  /** Month (1–12) in which the fiscal year starts. */
  fiscalYearStartMonth?: number;
  /** Documents longer than this (characters) skip the expensive prose rules. */
  maxDocumentLength?: number;
  /** Globs of documents the CLI leaves out (relative to the nearest config file's folder, as `types` globs are). */
  ignores?: readonly string[];
  /** Rules the team writes as data, by name (reported as custom/<name>). */
  customRules?: Record<string, CustomRuleSpec>;
  /** Folder the globs in `types` are relative to. */
  baseDir?: string;
  /**
   * The language documents are written in ("de", "ja"; "en" turns detection off), or per glob
   * ("docs/de/**": "de"); front matter `lang:` wins, and without either it is detected.
   */
  language?: string | Record<string, string>;
  /** What Strategy Lint reads in each language: heading names, title words, rule settings (word lists). */
  languages?: Record<string, LanguageSettings>;
}

/** `languages.<code>` in a config file. */
export interface LanguageSettings {
  /** Heading names per section role in this language: a list replaces the built-in ones, { add, remove } edits them. */
  sections?: Partial<Record<SectionRole, ListSetting>>;
  /** Title words per document type in this language. */
  titles?: Partial<Record<Exclude<DocType, 'generic'>, ListSetting>>;
  /**
   * Rule settings for documents in this language, over the others. A rule that reads English
   * words runs in this language only when its word lists are given here.
   */
  rules?: Record<string, RuleSettings>;
}

export interface ConfigProblem {
  /** File (or "settings") the problem is in. */
  file: string;
  /** Dotted key path, e.g. "rules.bad-strategy/fluff.options.maxDensity". */
  key: string;
  message: string;
}

export function applyList(base: readonly string[], setting: ListSetting | undefined): readonly string[] {
  if (setting === undefined) return base;
  if (Array.isArray(setting)) return setting as readonly string[];
  const { add = [], remove = [] } = setting as { add?: readonly string[]; remove?: readonly string[] };
  const removed = new Set(remove.map((word) => word.toLowerCase()));
  const kept = base.filter((word) => !removed.has(word.toLowerCase()));
  return [...kept, ...add.filter((word) => !kept.includes(word))];
}
