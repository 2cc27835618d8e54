/**
 * `strategyLint/review` {uri} → the review report of an open document: the JSON review, its
 * Markdown rendering, and (when the client passes a nonce and CSP source) the webview HTML.
 */
import { buildReview } from '../review/review.js';
import { renderReviewMarkdown } from '../review/render-markdown.js';
import { renderReviewHtml } from '../review/render-html.js';
import { carriedOutBy } from '../review/carried-out-by.js';
import type { Linter } from './linter.js';
import type { ReviewParams, ReviewResult } from './protocol.js';
import type { WorkspaceFiles } from './workspace-files.js';
import type { WorkspaceTrace } from './workspace-trace.js';

export async function reviewDocument(params: ReviewParams, linter: Linter, files: WorkspaceFiles, trace?: WorkspaceTrace): Promise<ReviewResult | null> {
  const analysis = await linter.analysis(params.uri);
  if (!analysis) return null;
  const filePath = files.pathOf(params.uri);
  const fileName = filePath ?? decodeURIComponent(params.uri.replace(/^untitled:/, ''));
  // A strategy memo in a workspace folder: what in the folder carries out its policies and actions.
  let carried;
  if (trace && analysis.result.docType === 'strategy') {
    const key = trace.keyFor(params.uri);
    const found = key ? await trace.map(params.uri) : null;
    if (found && key) carried = carriedOutBy(found.map, key);
  }
  const review = buildReview(analysis.result, { fileName, ...(carried !== undefined ? { carriedOutBy: carried } : {}) });
  const markdown = renderReviewMarkdown(review);
  const html = params.nonce && params.cspSource ? renderReviewHtml(review, { nonce: params.nonce, cspSource: params.cspSource }) : undefined;
  return { review, markdown, ...(html ? { html } : {}), docType: review.docType, title: review.title };
}
