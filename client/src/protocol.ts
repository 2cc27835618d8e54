/**
 * The client's copy of the custom protocol (server/src/lsp/protocol.ts is the source; the two
 * are separate TypeScript projects, and server/test/lsp-protocol-names.test.ts checks that the
 * names and command ids agree).
 */

export const DIAGNOSTIC_SOURCE = 'strategy-lint';

export const Commands = {
  review: 'strategyLint.review',
  newFromTemplate: 'strategyLint.newFromTemplate',
  insertTemplate: 'strategyLint.insertTemplate',
  lintWorkspace: 'strategyLint.lintWorkspace',
  showOutput: 'strategyLint.showOutput',
  restartServer: 'strategyLint.restartServer',
  openRuleDocumentation: 'strategyLint.openRuleDocumentation',
  setDocumentType: 'strategyLint.setDocumentType',
  showStrategyMap: 'strategyLint.showStrategyMap',
} as const;

export const SetDocumentTypeRequest = 'strategyLint/setDocumentType';
export interface SetDocumentTypeParams { uri: string; type: string }
export interface SetDocumentTypeResult {
  edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>;
}

export const ReviewRequest = 'strategyLint/review';
export interface ReviewParams { uri: string; nonce?: string; cspSource?: string }
export interface ReviewResult {
  review: unknown;
  markdown: string;
  html?: string;
  docType: string;
  title: string;
}

export const StrategyMapRequest = 'strategyLint/strategyMap';
export interface StrategyMapParams { uri?: string; nonce?: string; cspSource?: string }
export interface StrategyMapResult {
  map: unknown;
  markdown: string;
  mermaid: string;
  uris: Record<string, string>;
  folder: string;
  html?: string;
}

export const LintFilesRequest = 'strategyLint/lintFiles';
export interface LintFilesParams { uris: string[] }
export interface LintFilesResult { linted: number; ignored: number; findings: number; withFindings: number }

export const ReadFilesRequest = 'strategyLint/readFiles';
export interface ReadFilesParams { uris: string[]; limit: number }
export interface ReadFileEntry {
  kind: 'file' | 'directory' | 'other' | 'missing';
  text?: string;
  failure?: 'too-large' | 'not-utf8' | 'unreadable';
  size?: number;
  error?: string;
}
export interface ReadFilesResult { entries: ReadFileEntry[] }

export const FindMarkdownFilesRequest = 'strategyLint/findMarkdownFiles';
export interface FindMarkdownFilesParams { folder: string; limit: number }
export interface FindMarkdownFilesResult { uris: string[] }

export const StatusNotification = 'strategyLint/status';
export interface StatusParams {
  uri: string;
  docType: string;
  label: string;
  findings: number;
  enabled: boolean;
  typeReason?: string;
  typeDeclared?: boolean;
  suggestion?: { docType: string; label: string; reason: string };
}

/** Human names of the document types, in the order the type menu lists them (server/src/lsp/protocol.ts DOC_TYPE_LABELS). */
export const DOC_TYPE_LABELS: Record<string, string> = {
  strategy: 'Strategy memo',
  okr: 'OKR set',
  roadmap: 'Roadmap',
  'release-notes': 'Release notes',
  decision: 'Decision doc',
  update: 'Status update',
  generic: 'General document',
};
