/**
 * The engine's entry point: lint(text, options) → findings. Pure: no file system, no LSP.
 * One rule that throws yields one internal-error finding naming it; the others still report.
 * A finding that summarises several places gets them as `related`, and each place the rule gives
 * a message of its own becomes an item hint (see RelatedItem in types.ts): placed here, once for
 * every rule, with the suppression comments applied to each place's own line.
 */
import { StrategyDocument, type DocumentOptions } from './model/document.js';
import { allRules } from './rules/index.js';
import { resolveRule, resolveRoleSynonyms, lastSet, mergedTypeGlobs, DEFAULT_MAX_DOCUMENT_LENGTH } from './config/resolve.js';
import { validateConfig } from './config/validate.js';
import type { ConfigLayer, ConfigProblem } from './config/types.js';
import { findDirectives, Suppressions } from './suppress.js';
import { frontMatterEndOf, limitMarkup, NESTING_COLUMN_LIMIT, DELIMITER_LIMIT, type MarkupLimits } from './model/markup-limits.js';
import { applyFixes } from './fix.js';
import type { DocType, Finding, Fix, OptionSpecs, RelatedItem, RelatedLocation, ReportDescriptor, Rule, Severity } from './types.js';
import type { Root } from 'mdast';
import type { Root as NlcstRoot } from 'nlcst';
import { sharedParser } from './incremental/parse-cache.js';
import { resolveLanguageConfig } from './model/languages/resolve.js';
import { LANGUAGE_CHECKS_ID, languageChecksMessage, languageLayers, runsInLanguage } from './model/languages/rules.js';
import { customRulesOf } from './custom/index.js';
import { checkContract } from './rule-contract.js';

export const INTERNAL_ERROR_RULE_ID = 'strategy-lint/internal-error';
export const SKIPPED_RULES_ID = 'strategy-lint/rules-skipped';
/** Nesting or delimiter runs past the parser's safety limits were read as plain text (model/markup-limits.ts). */
export const PARSE_LIMITED_ID = 'strategy-lint/parse-limited';
/** A document in another language: which checks ran on it and which did not (model/languages/rules.ts). */
export { LANGUAGE_CHECKS_ID };
/** Share of maxDocumentLength read of a document longer than it (the rest is not linted). */
const LARGE_DOCUMENT_SHARE = 0.5;

export interface LintOptions {
  /** File path (for type detection from the file name and for messages). */
  filePath?: string;
  /** Path relative to the folder configured type globs are resolved against. */
  relativePath?: string;
  /**
   * Path inside the project (repository or workspace folder): its folders are read as hints of
   * the document's type ("strategy/", "rfcs/"). Defaults to `relativePath`.
   */
  projectPath?: string;
  /** Config layers, lowest precedence first (settings, then config files). */
  layers?: readonly ConfigLayer[];
  /** Force the document type (CLI `--type`). */
  type?: DocType;
  /** "Today" for relative dates when neither front matter nor config sets a reference date. */
  today?: Date;
  /** Run only these rules (tests, rule examples). */
  onlyRules?: readonly string[];
  /** Called when a rule throws (the LSP logs it); the finding is produced either way. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

export interface LintResult {
  document: StrategyDocument;
  docType: DocType;
  findings: Finding[];
  /** Problems with front-matter configuration, reported like config-file problems. */
  problems: ConfigProblem[];
  /** The configuration the rules ran with (the caller's layers, then the front matter's), so a report can resolve a rule's options as they did. */
  layers?: readonly ConfigLayer[];
  /** Rules that read English phrases and did not run because the document is in another language (model/languages/rules.ts). */
  skippedForLanguage?: readonly string[];
}

/** Front matter `strategy-lint: { disable: [...], rules: {...} }` as one more config layer. */
function frontMatterLayer(document: StrategyDocument, file: string): { layer: ConfigLayer | null; problems: ConfigProblem[] } {
  const block = document.frontMatter;
  // Front matter that is not valid YAML loses its settings: say so when it holds some of ours.
  if (block?.error && /^[ \t]*(?:strategy-lint|type|doctype)[ \t]*:/m.test(document.text.slice(block.start, block.end))) {
    return { layer: null, problems: [{ file: `${file} (front matter)`, key: 'strategy-lint', message: `${block.error}; its strategy-lint settings and type were ignored` }] };
  }
  const own = document.frontMatter?.data?.['strategy-lint'];
  if (!own || typeof own !== 'object' || Array.isArray(own)) return { layer: null, problems: [] };
  const { disable, type: _type, rules, ...rest } = own as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  const layer: ConfigLayer = { source: `${file} (front matter)`, rules: {} };
  if (disable !== undefined) {
    const ids = typeof disable === 'string' ? [disable] : Array.isArray(disable) ? disable : null;
    if (!ids) problems.push({ file: layer.source!, key: 'strategy-lint.disable', message: 'expected a rule id or an array of rule ids' });
    for (const id of ids ?? []) layer.rules![String(id)] = { severity: 'off' };
  }
  const allowed = Object.fromEntries(Object.entries(rest).filter(([key]) => ['referenceDate', 'fiscalYearStartMonth'].includes(key)));
  const unknown = Object.keys(rest).filter((key) => !Object.hasOwn(allowed, key) && !['updated', 'date', 'owner', 'title', 'lang', 'language'].includes(key));
  for (const key of unknown) problems.push({ file: layer.source!, key: `strategy-lint.${key}`, message: 'unknown key (known: type, disable, rules)' });
  const validated = validateConfig({ rules: { ...(rules as object | undefined), ...layer.rules }, ...allowed }, layer.source!);
  problems.push(...validated.problems.map((p) => ({ ...p, key: `strategy-lint.${p.key}` })));
  return { layer: validated.layer, problems };
}

/**
 * How lintSteps builds the document model: an incremental session passes its own parse of the
 * text and its sentence layer. Without hooks, chunks of the text are parsed through a shared cache
 * (parse-cache.ts: the same tree as parsing the whole text, reused across lints of similar texts).
 */
interface LintHooks {
  root?: Root;
  nlcst?: (document: StrategyDocument) => NlcstRoot;
  /** What limitMarkup(text) counts, when the caller has it (summed over the chunks it parsed). */
  limits?: Pick<MarkupLimits, 'nestedLines' | 'denseBlocks'>;
}

/** How lint() builds the document model from its options (before front matter is read). */
export function documentOptions(options: LintOptions): DocumentOptions {
  const layers = options.layers ?? [];
  return {
    filePath: options.filePath,
    relativePath: options.relativePath,
    projectPath: options.projectPath,
    forcedType: options.type,
    typeGlobs: mergedTypeGlobs(layers),
    roleSynonyms: resolveRoleSynonyms(layers),
    referenceDate: lastSet(layers, 'referenceDate'),
    today: options.today,
    fiscalYearStartMonth: lastSet(layers, 'fiscalYearStartMonth') ?? 1,
    languageConfig: resolveLanguageConfig(layers, options.relativePath),
  };
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const steps = lintSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * lint(), one rule at a time: the generator yields the id of each rule before running it, so a
 * caller (the language server) can pause between rules, or stop when the text has changed.
 */
export function* lintSteps(text: string, options: LintOptions = {}, hooks: LintHooks = {}): Generator<string, LintResult, void> {
  const baseLayers = options.layers ?? [];
  // Past maxDocumentLength only the first half of that length is read as Markdown (parsing is the
  // costly layer, a few µs a character), so such a document costs less than one at the limit;
  // unless the caller parsed it all already (an editor session).
  const maxLength = lastSet(baseLayers, 'maxDocumentLength') ?? DEFAULT_MAX_DOCUMENT_LENGTH;
  const lintedLength = hooks.root || text.length <= maxLength ? text.length : prefixLength(text, Math.floor(maxLength * LARGE_DOCUMENT_SHARE));
  const linted = lintedLength < text.length ? text.slice(0, lintedLength) : text;
  // Never crash: if reading the document fails (a parser bug, a stack overflow), lint an empty
  // tree and say so with one internal-error finding instead of throwing.
  let unreadable: unknown = null;
  let document: StrategyDocument;
  const docOptions = documentOptions(options);
  try {
    document = new StrategyDocument(linted, {
      ...docOptions,
      root: hooks.root ?? sharedParser.parse(linted),
      nlcst: hooks.nlcst,
    });
  } catch (error) {
    unreadable = error;
    document = new StrategyDocument(linted, { ...docOptions, root: { type: 'root', children: [] } });
  }
  const fileLabel = options.filePath ?? '<document>';
  const frontMatter = frontMatterLayer(document, fileLabel);
  // A document in another language: its built-in word lists under the user's settings, its `languages.<code>.rules` over them.
  const language = document.language.code;
  const languageSettings = docOptions.languageConfig?.languages[language];
  const ownLayers = languageLayers(language, languageSettings);
  const withLanguage = ownLayers.below.length + ownLayers.above.length > 0 ? [...ownLayers.below, ...baseLayers, ...ownLayers.above] : baseLayers;
  const layers = frontMatter.layer ? [...withLanguage, frontMatter.layer] : withLanguage;
  const problems = [...frontMatter.problems];
  const suppressions = new Suppressions(findDirectives(document.root), document.lines);
  const tooLong = text.length > maxLength;

  const findings: Finding[] = [];
  const titleRange = document.titleRange;
  /** An offset from a rule, as a whole number inside the text (NaN and non-numbers become 0). */
  const clamp = (offset: unknown): number => (typeof offset === 'number' && Number.isFinite(offset) ? Math.max(0, Math.min(Math.floor(offset), text.length)) : 0);
  /** A rule's range as a safe one, with its 1-based positions. */
  const locate = (start: unknown, end: unknown, message: unknown): RelatedLocation => {
    const safeStart = clamp(start);
    const safeEnd = Math.max(safeStart, clamp(end));
    const from = document.lines.positionAt(safeStart);
    const to = document.lines.positionAt(safeEnd);
    return {
      start: safeStart, end: safeEnd, line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1,
      message: typeof message === 'string' ? message : describeError(message),
    };
  };
  /** Item hints of the running rule, placed once it has reported everything (placeItemHints). */
  let pendingHints: Array<{ ruleId: string; at: RelatedLocation; partOf: RelatedLocation }> = [];
  const place = (ruleId: string, severity: Severity, message: string, start: number, end: number, documentLevel: boolean, fix?: Fix, related?: readonly RelatedItem[]): void => {
    const at = locate(start, end, message);
    // A fix whose edits fall outside the text or overlap would corrupt it: keep the finding, drop the fix.
    if (fix !== undefined && !isSafeFix(fix, text.length)) fix = undefined;
    // Suppressing a summary suppresses its item hints too: they are one problem.
    if (suppressions.isSuppressed(ruleId, at.line - 1)) return;
    const places = relatedPlaces(ruleId, related);
    const { message: _summaryMessage, ...range } = at;
    findings.push({
      ruleId, severity, message: at.message, ...range, documentLevel, ...(fix ? { fix } : {}),
      ...(places.length > 0 ? { related: places.map((entry) => entry.at) } : {}),
    });
    for (const entry of places) if (entry.hint !== null) pendingHints.push({ ruleId, at: { ...entry.at, message: entry.hint }, partOf: at });
  };
  /** A summary's places, safe and in order; those on a line where the rule is suppressed are left out (and get no hint). */
  const relatedPlaces = (ruleId: string, related: readonly RelatedItem[] | undefined): Array<{ at: RelatedLocation; hint: string | null }> => {
    if (!Array.isArray(related)) return [];
    const places: Array<{ at: RelatedLocation; hint: string | null }> = [];
    for (const item of related as readonly RelatedItem[]) {
      if (!item || typeof item !== 'object') continue;
      const at = locate(item.start, item.end, item.message);
      if (suppressions.isSuppressed(ruleId, at.line - 1)) continue;
      places.push({ at, hint: typeof item.hint === 'string' ? item.hint : null });
    }
    places.sort((a, b) => a.at.start - b.at.start || a.at.end - b.at.end);
    return places.filter((entry, i) => i === 0 || entry.at.start !== places[i - 1].at.start || entry.at.end !== places[i - 1].at.end);
  };
  /**
   * The running rule's item hints, one per line at most: none on the line of its own summary,
   * none where the rule reported something else on that line (the place is reported on its own).
   */
  const placeItemHints = (): void => {
    if (pendingHints.length === 0) return;
    const taken = new Set<string>();
    for (const finding of findings) taken.add(`${finding.ruleId}\u0000${finding.line}`);
    for (const { ruleId, at, partOf } of pendingHints) {
      const key = `${ruleId}\u0000${at.line}`;
      if (taken.has(key)) continue;
      taken.add(key);
      const { message, ...range } = at;
      findings.push({ ruleId, severity: 'hint', message, ...range, documentLevel: false, partOf });
    }
    pendingHints = [];
  };

  if (unreadable !== null) {
    place(INTERNAL_ERROR_RULE_ID, 'information', `Strategy Lint could not read this document (${describeError(unreadable)}), so no rule was run. Please report this.`, 0, document.lines.lineEnd(0), true);
  }
  const skipped: string[] = [];
  const languageRan: string[] = [];
  const languageSkipped: string[] = [];
  // The team's own rules (customRules in config) run after the built-in ones, like any rule.
  const rules: readonly Rule<any>[] = unreadable === null ? [...allRules, ...customRulesOf(layers)] : [];
  for (const rule of rules) {
    if (options.onlyRules && !options.onlyRules.includes(rule.meta.id)) continue;
    // Rules over several documents (trace/*) run in lintWorkspace (workspace/lint-workspace.ts).
    if (rule.meta.scope === 'workspace' || !rule.meta.types.includes(document.type)) continue;
    const settings = resolveRule(rule, layers);
    if (settings.severity === 'off') continue;
    if (language !== 'en') {
      if (!runsInLanguage(rule.meta.id, language, languageSettings)) {
        languageSkipped.push(rule.meta.id);
        continue;
      }
      languageRan.push(rule.meta.id);
    }
    if (tooLong && rule.meta.expensive) {
      skipped.push(rule.meta.id);
      continue;
    }
    yield rule.meta.id;
    const severity = settings.severity;
    const context = {
      doc: document,
      options: settings.options,
      report: (descriptor: ReportDescriptor) => {
        checkContract(rule.meta, false, descriptor.fix);
        place(rule.meta.id, severity, descriptor.message, descriptor.start, descriptor.end, false, descriptor.fix, descriptor.related);
      },
      reportDocument: (message: string, fix?: Fix, related?: readonly RelatedItem[]) => {
        checkContract(rule.meta, true, fix);
        place(rule.meta.id, severity, message, titleRange.start, titleRange.end, true, fix, related);
      },
      isSuppressed: (offset: number) => suppressions.isSuppressed(rule.meta.id, document.lines.positionAt(clamp(offset)).line),
    };
    const firstFinding = findings.length;
    try {
      rule.check(context as never);
    } catch (error) {
      try {
        options.onRuleError?.(rule.meta.id, error);
      } catch {
        // A failing error callback must not stop the other rules.
      }
      const reason = describeError(error);
      place(INTERNAL_ERROR_RULE_ID, 'information', `Rule ${rule.meta.id} failed on this document and was skipped (${reason}). Other rules still ran; please report this.`, titleRange.start, titleRange.end, true);
    }
    placeItemHints();
    if (rule.meta.url) for (let i = firstFinding; i < findings.length; i++) if (findings[i].ruleId === rule.meta.id) findings[i].docsUrl = rule.meta.url;
  }
  if (linted !== text) {
    // A judgement of the whole document (a missing section, too many priorities) cannot rest on a part of it.
    for (let i = findings.length - 1; i >= 0; i--) if (findings[i].documentLevel && findings[i].ruleId !== INTERNAL_ERROR_RULE_ID) findings.splice(i, 1);
  }
  if (skipped.length > 0 || linted !== text) {
    const lastLine = document.lines.positionAt(linted.length).line + 1;
    const prefix = linted === text ? '' : `only its first ${linted.length.toLocaleString('en-US')} characters (to line ${lastLine.toLocaleString('en-US')}) were read and linted, checks of the document as a whole were skipped, and `;
    place(SKIPPED_RULES_ID, 'information',
      `This document has ${text.length.toLocaleString('en-US')} characters, more than maxDocumentLength (${maxLength.toLocaleString('en-US')}), so ${prefix}${skipped.length} sentence-level rules were skipped (${skipped.join(', ')}). Raise "maxDocumentLength" in .strategy-lint.json or the strategyLint.maxDocumentLength setting to lint it all.`,
      titleRange.start, titleRange.end, true);
  }
  if (languageSkipped.length > 0) {
    // The example names a skipped rule that takes a word list, and that list.
    const listed = languageSkipped.map((id) => allRules.find((rule) => rule.meta.id === id)!)
      .map((rule) => ({ ruleId: rule.meta.id, option: Object.entries(rule.meta.options as OptionSpecs).find(([, spec]) => spec.type === 'string[]')?.[0] }))
      .find((entry): entry is { ruleId: string; option: string } => entry.option !== undefined);
    place(LANGUAGE_CHECKS_ID, 'information', languageChecksMessage(document.language.reason, language, languageRan, languageSkipped, listed), titleRange.start, titleRange.end, true);
  }
  const limits = hooks.limits ?? limitMarkup(linted);
  if (limits.nestedLines > 0 || limits.denseBlocks > 0) {
    const parts: string[] = [];
    if (limits.nestedLines > 0) parts.push(`on ${limits.nestedLines.toLocaleString('en-US')} line${limits.nestedLines === 1 ? '' : 's'}, block quotes and lists nested past column ${NESTING_COLUMN_LIMIT} were read as plain text`);
    if (limits.denseBlocks > 0) parts.push(`in ${limits.denseBlocks.toLocaleString('en-US')} paragraph${limits.denseBlocks === 1 ? '' : 's'} with more than ${DELIMITER_LIMIT.toLocaleString('en-US')} emphasis markers or closing brackets, those were read as plain characters`);
    place(PARSE_LIMITED_ID, 'information',
      `Parts of this document are too deeply nested or too dense in markup to parse safely: ${parts.join('; ')}. Their text is still checked where it was parsed, without that structure. These limits are fixed (they keep the parser from hanging or crashing).`,
      titleRange.start, titleRange.end, true);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { document, docType: document.type, findings, problems, layers, ...(languageSkipped.length > 0 ? { skippedForLanguage: languageSkipped } : {}) };
}

export interface FixAllResult {
  text: string;
  /** Number of fixes applied over all passes. */
  fixed: number;
  /** Findings left after fixing. */
  remaining: LintResult;
}

/** Apply fixes and relint until nothing more can be fixed (at most 10 passes, like ESLint). */
export function fixAll(text: string, options: LintOptions = {}, preferredOnly = true): FixAllResult {
  let current = text;
  let fixed = 0;
  let result = lint(current, options);
  for (let pass = 0; pass < 10; pass++) {
    const { text: next, applied } = applyFixes(current, result.findings, preferredOnly);
    if (applied.length === 0 || next === current) break;
    fixed += applied.length;
    current = next;
    result = lint(current, options);
  }
  return { text: current, fixed, remaining: result };
}

/**
 * How much of a text lint() reads: its front matter and then up to `limit` characters, ending
 * before the last heading line or, failing that, the last blank line in the final quarter of
 * them, so the part read ends where a block ends; never between a CR and its LF or the halves of
 * a surrogate pair.
 */
function prefixLength(text: string, limit: number): number {
  // Front matter is not counted: the body after it is always read.
  const max = frontMatterEndOf(text) + limit;
  if (text.length <= max) return text.length;
  const floor = max - Math.floor(limit / 4);
  const heading = Math.max(text.lastIndexOf('\n#', max - 1), text.lastIndexOf('\r#', max - 1));
  if (heading >= floor) return heading + 1;
  const blank = Math.max(text.lastIndexOf('\n\n', max - 1), text.lastIndexOf('\r\n\r\n', max - 1), text.lastIndexOf('\r\r', max - 1));
  if (blank >= floor) return blank + (text.startsWith('\r\n\r\n', blank) ? 4 : 2);
  let cut = max;
  const code = text.charCodeAt(cut);
  if ((code === 10 && text.charCodeAt(cut - 1) === 13) || (code >= 0xdc00 && code <= 0xdfff)) cut--;
  return cut;
}

/** A thrown value as text, whatever it is (an Error, a string, an object whose toString throws). */
function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return String(error.message);
    return String(error);
  } catch {
    return 'an unprintable error';
  }
}

/** Edits that are whole offsets inside the text, with text to insert, not overlapping one another. */
function isSafeFix(fix: Fix, length: number): boolean {
  if (!fix || !Array.isArray(fix.edits)) return false;
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  return edits.every((edit, i) => edit && Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start >= 0
    && edit.start <= edit.end && edit.end <= length && typeof edit.newText === 'string' && (i === 0 || edits[i - 1].end <= edit.start));
}
