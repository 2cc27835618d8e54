/**
 * The contract of a rule over several documents (trace/*): its metadata says `scope:
 * 'workspace'`, lint() skips it, and lintWorkspace (lint-workspace.ts) runs its checkWorkspace
 * with the resolved workspace graph. Kept apart from lint-workspace.ts, which imports the rule
 * registry, so rule files import nothing that imports them.
 */
import type { Fix, OptionSpecs, ResolvedOptions, Rule, RuleMeta } from '../types.js';
import type { WorkspaceModel } from './model.js';
import type { TraceGraph } from './resolve.js';

/** A place a workspace finding points at, in any document of the workspace. */
export interface WorkspaceRelated {
  doc: string;
  start: number;
  end: number;
  message: string;
}

interface WorkspaceReport {
  message: string;
  start: number;
  end: number;
  fix?: Fix;
  related?: readonly WorkspaceRelated[];
}

export interface WorkspaceRuleContext<O> {
  readonly graph: TraceGraph;
  readonly model: WorkspaceModel;
  /** The rule's options for a document, or null when the rule is off there or does not apply to its type. */
  optionsFor(doc: string): O | null;
  report(doc: string, descriptor: WorkspaceReport): void;
  /** Is a finding of this rule at this offset of the document suppressed? */
  isSuppressed(doc: string, offset: number): boolean;
  /** Something the rule could not do for the whole workspace (said once by the front end: "no git history…"). */
  note(message: string): void;
}

/** A rule over several documents: its metadata says `scope: 'workspace'`, and lintWorkspace runs checkWorkspace. */
export interface WorkspaceRule<O = Record<string, unknown>> extends Rule<any> {
  checkWorkspace(context: WorkspaceRuleContext<O>): void;
}

export function isWorkspaceRule(rule: Rule<any>): rule is WorkspaceRule {
  return rule.meta.scope === 'workspace' && typeof (rule as Partial<WorkspaceRule>).checkWorkspace === 'function';
}

/** Define a workspace rule with precise option types: `scope` is set, and `check` (per document) does nothing. */
export function defineWorkspaceRule<S extends OptionSpecs>(rule: {
  meta: Omit<RuleMeta<S>, 'scope'>;
  checkWorkspace(context: WorkspaceRuleContext<ResolvedOptions<S>>): void;
}): WorkspaceRule<ResolvedOptions<S>> {
  return { meta: { ...rule.meta, scope: 'workspace' }, check: () => undefined, checkWorkspace: rule.checkWorkspace } as unknown as WorkspaceRule<ResolvedOptions<S>>;
}
