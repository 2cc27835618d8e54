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
} as const;

export const ReviewRequest = 'strategyLint/review';
export interface ReviewParams { uri: string; nonce?: string; cspSource?: string }
export interface ReviewResult {
  review: unknown;
  markdown: string;
  html?: string;
  docType: string;
  title: string;
}

export const LintFilesRequest = 'strategyLint/lintFiles';
export interface LintFilesParams { uris: string[] }
export interface LintFilesResult { linted: number; ignored: number; findings: number; withFindings: number }

export const StatusNotification = 'strategyLint/status';
export interface StatusParams { uri: string; docType: string; label: string; findings: number; enabled: boolean }
