/**
 * Core types of the Strategy Lint engine. The engine is pure: (text, config) → findings.
 * Nothing here knows about LSP or VS Code; offsets are UTF-16 code units into the source text,
 * which is what both JavaScript strings and LSP positions count in.
 */
import type { StrategyDocument } from './model/document.js';

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

export { DOC_TYPES, SECTION_ROLES, type DocType, type SectionRole } from './vocabulary.js';
import type { DocType } from './vocabulary.js';

export const RULE_FAMILIES = ['kernel', 'bad-strategy', 'outcomes', 'pyramid', 'roadmap', 'release-notes', 'decision', 'update', 'prose', 'trace'] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

/** A replacement of source[start, end) by newText. */
export interface TextEdit { start: number; end: number; newText: string }

/** A safe, self-contained edit a front end may apply. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe enough to be the preferred quick fix and to run in "fix all". */
  preferred?: boolean;
}

/** A range of the source: offsets and the 1-based positions derived from them. */
export interface SourceSpan {
  /** Source offsets of the range. */
  start: number;
  end: number;
  /** 1-based positions derived from the offsets (columns count UTF-16 units). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends SourceSpan {
  ruleId: string;
  severity: Severity;
  message: string;
  /** True for findings about the whole document (placed on the title line). */
  documentLevel: boolean;
  fix?: Fix;
  /**
   * For a finding that summarises several places ("40 of 52 roadmap items name no outcome",
   * "None of the 4 items under …"): every place it stands for, in document order.
   */
  related?: RelatedLocation[];
  /**
   * For an item hint: the summary finding it is one place of. An item hint marks, at `hint`
   * severity, an item that a summary of the same rule stands for (see RelatedItem.hint).
   */
  partOf?: RelatedLocation;
  /** A custom rule's documentation page, when its config gives one (built-in rules: ruleDocUrl). */
  docsUrl?: string;
}

/** A place a finding points at, and what is there. */
export interface RelatedLocation extends SourceSpan {
  /** A short message about the place (a summary's related entry), or the summary's message (partOf). */
  message: string;
  /**
   * The document the place is in, when it is not the finding's own (a trace/* finding names the
   * policy in the strategy): the key the caller gave that document in lintWorkspace (a path
   * relative to the workspace, or a URI). Absent for a place in the finding's own document.
   */
  file?: string;
}

/** One place a summary stands for, as a rule reports it. */
export interface RelatedItem {
  start: number;
  end: number;
  /** Short: what is at this place (`"Spreadsheet import" names no outcome`). */
  message: string;
  /**
   * The item's own message: the place also gets an item hint, a finding of the same rule at `hint`
   * severity with this message. Leave it out where no single place is at fault (too many key
   * results: the count is the problem, not any one of them) or where the place is reported on its
   * own already (each buzzword of a fluff-density finding).
   */
  hint?: string;
}

/** Is this finding an item hint (one place of a summary, marked at `hint` severity)? */
export function isItemHint(finding: Pick<Finding, 'partOf'>): boolean {
  return finding.partOf !== undefined;
}

/** The places a front end links a finding to: a summary's related places, or an item hint's summary. */
export function linkedPlaces(finding: Pick<Finding, 'related' | 'partOf'>): RelatedLocation[] {
  return finding.related ?? (finding.partOf ? [finding.partOf] : []);
}

export type OptionSpec =
  | { type: 'number'; default: number; description: string; minimum?: number; maximum?: number }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'string'; default: string; description: string; enum?: readonly string[] }
  /** Word lists: a plain array in config replaces the default, `{ add, remove }` extends it. */
  | { type: 'string[]'; default: readonly string[]; description: string };

export type OptionSpecs = Record<string, OptionSpec>;

/** Option values resolved from specs: numbers, booleans, strings and string lists. */
export type ResolvedOptions<S extends OptionSpecs> = {
  [K in keyof S]: S[K] extends { type: 'number' } ? number
    : S[K] extends { type: 'boolean' } ? boolean
    : S[K] extends { type: 'string' } ? string
    : readonly string[];
};

export interface SeedReference {
  /** The seed file's number in shared/seeds (e.g. "004"), or a book. */
  source: string;
  quote: string;
}

export interface RuleMeta<S extends OptionSpecs = OptionSpecs> {
  id: string;
  /** A built-in family, or "custom" for the rules a team writes in its config file (customRules). */
  family: RuleFamily | 'custom';
  /** One line, shown in hovers, `--list-rules` and the README table. */
  description: string;
  defaultSeverity: Severity;
  /** Document types the rule runs on. */
  types: readonly DocType[];
  /** One finding for the whole document rather than ranges. */
  documentLevel: boolean;
  /**
   * For a rule that flags text (documentLevel false): when the places are many it reports one
   * summary on the whole document instead (its places as related locations and item hints).
   */
  summarises?: boolean;
  fixable: boolean;
  /** Needs the sentence layer (nlcst); skipped on documents over `maxDocumentLength`. */
  expensive?: boolean;
  options: S;
  /** Why it matters, in Markdown (a short paragraph). */
  rationale: string;
  /** What to do about a finding, in Markdown (one or two sentences). */
  howToFix: string;
  seeds: readonly SeedReference[];
  /**
   * A failing and a passing example (Markdown). The test suite lints both with the rule's first
   * type forced: `bad` must trigger the rule, `good` must not.
   */
  examples: { bad: string; good: string };
  /**
   * `workspace` for rules that read several documents at once (trace/*): they run in
   * lintWorkspace, never in lint(). Their examples are one document of a small folder: `bad` and
   * `good` are the text of `exampleFolder.file`, and `exampleFolder.others` the rest of the folder.
   */
  scope?: 'document' | 'workspace';
  exampleFolder?: { file: string; others: Readonly<Record<string, string>> };
  /** A custom rule's own documentation page (built-in rules link their page under docs/rules/). */
  url?: string;
}

export interface ReportDescriptor {
  message: string;
  start: number;
  end: number;
  fix?: Fix;
  /** For a finding that summarises several places: each of them (see RelatedItem). */
  related?: readonly RelatedItem[];
}

export interface RuleContext<O> {
  readonly doc: StrategyDocument;
  readonly options: O;
  /** Report a range finding. */
  report(descriptor: ReportDescriptor): void;
  /**
   * Report a finding about the whole document; placed on the title (or line 1). `related`: the
   * places it summarises, if it summarises several (see RelatedItem).
   */
  reportDocument(message: string, fix?: Fix, related?: readonly RelatedItem[]): void;
  /**
   * Is a finding of this rule at this offset suppressed (a disable comment covers its line)? For
   * rules that count items before they summarise them: a suppressed item is not counted.
   */
  isSuppressed(offset: number): boolean;
}

export interface Rule<S extends OptionSpecs = OptionSpecs> {
  meta: RuleMeta<S>;
  check(context: RuleContext<ResolvedOptions<S>>): void;
}

/** Helper that keeps option types precise when defining a rule. */
export function defineRule<S extends OptionSpecs>(rule: Rule<S>): Rule<S> {
  return rule;
}
