/** Public API of the Strategy Lint engine (pure: text + config → findings). */
export * from './types.js';
export { lint, lintSteps, fixAll, INTERNAL_ERROR_RULE_ID, SKIPPED_RULES_ID, PARSE_LIMITED_ID, type LintOptions, type LintResult, type FixAllResult } from './lint.js';
export { LintSession } from './incremental/session.js';
export { applyFixes } from './fix.js';
export { allRules, rulesById, ruleDocUrl, DOCS_BASE_URL } from './rules/index.js';
export { validateConfig, parseSeverity } from './config/validate.js';
export { resolveRule, DEFAULT_MAX_DOCUMENT_LENGTH } from './config/resolve.js';
export type { ConfigLayer, ConfigProblem, ListSetting, RuleSettings } from './config/types.js';
export { StrategyDocument } from './model/document.js';
export { LineIndex } from './model/line-index.js';
export { WorkspaceModel, type WorkspaceDocumentInput, type WorkspaceOptions } from './workspace/model.js';
export { lintWorkspace, type WorkspaceLintResult, type WorkspaceLintOptions } from './workspace/lint-workspace.js';
export { isWorkspaceRule, type WorkspaceRule } from './workspace/rule.js';
export type { TraceGraph, TraceLink } from './workspace/resolve.js';
export type { DocumentPart, TraceNode, TraceNodeKind } from './workspace/nodes.js';
export { buildStrategyMap, LAYERS, MAP_VERSION, type StrategyMap, type StrategyMapOptions, type MapNode, type MapEdge, type MapFinding, type CarriedOut } from './workspace/map.js';
