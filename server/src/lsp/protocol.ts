/**
 * The custom part of the protocol between the Strategy Lint client and server: request and
 * notification names, their parameter and result shapes, and the command ids code lenses and
 * code actions refer to. client/src/protocol.ts mirrors this file (the client is a separate
 * TypeScript project); server/test/lsp-protocol-names.test.ts checks that the two agree.
 */
import type { DocType } from '../engine/index.js';

/** The `source` of every diagnostic and the code action kind suffix. */
export const DIAGNOSTIC_SOURCE = 'strategy-lint';
/** `source.fixAll.strategyLint`, so `editor.codeActionsOnSave` can ask for it. */
export const FIX_ALL_KIND = 'source.fixAll.strategyLint';

/** Client commands the server refers to (code lens, code actions). */
export const Commands = {
  review: 'strategyLint.review',
  openRuleDocumentation: 'strategyLint.openRuleDocumentation',
  setDocumentType: 'strategyLint.setDocumentType',
  showStrategyMap: 'strategyLint.showStrategyMap',
} as const;

/**
 * `strategyLint/setDocumentType` {uri, type} → the edits that write the type into the document's
 * front matter (empty when it already says so or the front matter cannot be edited safely).
 */
export const SetDocumentTypeRequest = 'strategyLint/setDocumentType';
export interface SetDocumentTypeParams { uri: string; type: DocType }
export interface SetDocumentTypeResult {
  edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>;
}

/** `strategyLint/review` {uri, nonce?, cspSource?} → the review report of one open document. */
export const ReviewRequest = 'strategyLint/review';
export interface ReviewParams {
  uri: string;
  /** Given by a client that wants the webview HTML too. */
  nonce?: string;
  cspSource?: string;
}
export interface ReviewResult {
  /** The JSON-serialisable review (server/src/review). */
  review: unknown;
  markdown: string;
  html?: string;
  /** Document type label and finding count, for the client's title. */
  docType: DocType;
  title: string;
}

/**
 * `strategyLint/strategyMap` {uri?, nonce?, cspSource?} → the strategy map of the workspace folder
 * of `uri` (else the first folder): the map (server/src/engine/workspace/map.ts), its Markdown,
 * each document's URI by workspace key, and the webview HTML when the client passes a nonce and
 * CSP source. Null without a workspace folder.
 */
export const StrategyMapRequest = 'strategyLint/strategyMap';
export interface StrategyMapParams {
  uri?: string;
  nonce?: string;
  cspSource?: string;
}
export interface StrategyMapResult {
  map: unknown;
  markdown: string;
  mermaid: string;
  /** Workspace key (a path relative to the folder) → document URI. */
  uris: Record<string, string>;
  folder: string;
  html?: string;
}

/** `strategyLint/lintFiles` {uris} → lints files from disk and publishes their diagnostics. */
export const LintFilesRequest = 'strategyLint/lintFiles';
export interface LintFilesParams { uris: string[] }
export interface LintFilesResult {
  /** Files linted (after .gitignore filtering). */
  linted: number;
  /** Files left out because a .gitignore lists them. */
  ignored: number;
  findings: number;
  /** Files with at least one finding. */
  withFindings: number;
}

/**
 * `strategyLint/readFiles` {uris, limit} → what is at each URI, in order. Sent by the server in a
 * browser, which has no file system of its own, to the client, which reads the files with
 * vscode.workspace.fs: config files, .gitignore files and the documents "Lint all documents"
 * lints. A regular file of at most `limit` bytes comes with its text (UTF-8); a larger one, or one
 * that is not UTF-8, comes with why it was not read.
 */
export const ReadFilesRequest = 'strategyLint/readFiles';
export interface ReadFilesParams { uris: string[]; limit: number }
export interface ReadFileEntry {
  kind: 'file' | 'directory' | 'other' | 'missing';
  /** The text of a file that was read. */
  text?: string;
  /** Why a file was not read; `size` in bytes for 'too-large', `error` for 'unreadable'. */
  failure?: 'too-large' | 'not-utf8' | 'unreadable';
  size?: number;
  error?: string;
}
export interface ReadFilesResult { entries: ReadFileEntry[] }

/**
 * `strategyLint/findMarkdownFiles` (server → client): the Markdown files under a workspace folder,
 * as URIs, files.exclude, node_modules and .git left out — asked by a server without a file system
 * (the web worker) for the workspace model (trace/*, the strategy map).
 */
export const FindMarkdownFilesRequest = 'strategyLint/findMarkdownFiles';
export interface FindMarkdownFilesParams { folder: string; limit: number }
export interface FindMarkdownFilesResult { uris: string[] }

/** `strategyLint/status` notification, sent after each lint of an open document. */
export const StatusNotification = 'strategyLint/status';
export interface StatusParams {
  uri: string;
  docType: DocType;
  /** "Strategy memo", "Roadmap", … */
  label: string;
  /** Findings published for the document. */
  findings: number;
  /** False when linting is disabled for the document. */
  enabled: boolean;
  /** How the type was decided ("folder strategy/ and title “Platform strategy”"). */
  typeReason?: string;
  /** Whether the writer set the type (front matter, config) or it was inferred. */
  typeDeclared?: boolean;
  /** For a generic document that comes close to a type: that type and why. */
  suggestion?: { docType: DocType; label: string; reason: string };
}

/** Human names of the document types (symbols, status bar, code lens): the engine's vocabulary. */
export { DOC_TYPE_LABELS } from '../engine/vocabulary.js';
