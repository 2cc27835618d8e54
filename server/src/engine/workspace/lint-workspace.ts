/**
 * lintWorkspace(model) → the findings of the rules that read several documents (trace/*), per
 * document. The counterpart of lint() for those rules: each finding is placed in its document
 * with the positions of that document's text, at the severity and with the options the
 * document's configuration gives the rule (settings, config files, its front matter), and not at
 * all on a line a disable comment covers. Related places in other documents carry their key.
 */
import { allRules } from '../rules/index.js';
import { resolveRule } from '../config/resolve.js';
import { findDirectives, Suppressions } from '../suppress.js';
import type { Finding, RelatedLocation, Severity } from '../types.js';
import type { WorkspaceModel } from './model.js';
import { isWorkspaceRule, type WorkspaceRuleContext } from './rule.js';

export interface WorkspaceLintResult {
  /** Findings per document key, sorted by position (documents without findings are absent). */
  findings: Map<string, Finding[]>;
  /** Notes about the run as a whole, each once. */
  notes: string[];
}

export interface WorkspaceLintOptions {
  /** Run only these rules (tests, rule examples). */
  onlyRules?: readonly string[];
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/** Each document's disable comments, kept with its model: a document the workspace did not see change is not read again. */
const suppressionsByDocument = new WeakMap<object, Suppressions>();

export function lintWorkspace(model: WorkspaceModel, options: WorkspaceLintOptions = {}): WorkspaceLintResult {
  const graph = model.graph;
  const findings = new Map<string, Finding[]>();
  const notes: string[] = [];
  const suppressions = new Map<string, Suppressions>();
  const suppressionsOf = (doc: string): Suppressions | null => {
    const input = model.input(doc);
    if (!input) return null;
    let found = suppressions.get(doc) ?? suppressionsByDocument.get(input.document);
    if (!found) {
      found = new Suppressions(findDirectives(input.document.root), input.document.lines);
      suppressionsByDocument.set(input.document, found);
    }
    suppressions.set(doc, found);
    return found;
  };
  const locate = (doc: string, start: number, end: number, message: string): RelatedLocation | null => {
    const input = model.input(doc);
    if (!input) return null;
    const length = input.document.text.length;
    const from = Math.max(0, Math.min(Math.floor(start), length));
    const to = Math.max(from, Math.min(Math.floor(end), length));
    const a = input.document.lines.positionAt(from);
    const b = input.document.lines.positionAt(to);
    return { start: from, end: to, line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1, message };
  };

  for (const rule of allRules) {
    if (!isWorkspaceRule(rule)) continue;
    if (options.onlyRules && !options.onlyRules.includes(rule.meta.id)) continue;
    const settings = new Map<string, { severity: Severity; options: Record<string, unknown> } | null>();
    const settingsOf = (doc: string) => {
      if (!settings.has(doc)) {
        const input = model.input(doc);
        const resolved = input && rule.meta.types.includes(input.document.type) ? resolveRule(rule, input.layers ?? []) : null;
        settings.set(doc, resolved && resolved.severity !== 'off' ? { severity: resolved.severity, options: resolved.options } : null);
      }
      return settings.get(doc)!;
    };
    const context: WorkspaceRuleContext<Record<string, unknown>> = {
      graph,
      model,
      optionsFor: (doc) => settingsOf(doc)?.options ?? null,
      isSuppressed: (doc, offset) => {
        const input = model.input(doc);
        const list = suppressionsOf(doc);
        return !!input && !!list && list.isSuppressed(rule.meta.id, input.document.lines.positionAt(Math.max(0, Math.min(offset, input.document.text.length))).line);
      },
      note: (message) => {
        if (!notes.includes(message)) notes.push(message);
      },
      report: (doc, descriptor) => {
        const resolved = settingsOf(doc);
        if (!resolved) return;
        const at = locate(doc, descriptor.start, descriptor.end, descriptor.message);
        if (!at || suppressionsOf(doc)?.isSuppressed(rule.meta.id, at.line - 1)) return;
        const related = (descriptor.related ?? []).map((place) => {
          const located = locate(place.doc, place.start, place.end, place.message);
          return located ? { ...located, ...(place.doc !== doc ? { file: place.doc } : {}) } : null;
        }).filter((place): place is RelatedLocation => place !== null);
        const { message, ...range } = at;
        const finding: Finding = {
          ruleId: rule.meta.id, severity: resolved.severity, message, ...range, documentLevel: rule.meta.documentLevel,
          ...(descriptor.fix ? { fix: descriptor.fix } : {}), ...(related.length > 0 ? { related } : {}),
        };
        const list = findings.get(doc);
        if (list) list.push(finding);
        else findings.set(doc, [finding]);
      },
    };
    try {
      rule.checkWorkspace(context);
    } catch (error) {
      try {
        options.onRuleError?.(rule.meta.id, error);
      } catch {
        // A failing error callback must not stop the other rules.
      }
      const reason = error instanceof Error ? error.message : String(error);
      notes.push(`Rule ${rule.meta.id} failed on this workspace and was skipped (${reason}). Other rules still ran; please report this.`);
    }
  }
  for (const list of findings.values()) list.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { findings, notes };
}
