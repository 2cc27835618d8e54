/**
 * `strategyLint/review` {uri} → the review report of an open document: the JSON review, its
 * Markdown rendering, and (when the client passes a nonce and CSP source) the webview HTML.
 */
import { buildReview } from '../review/review.js';
import { renderReviewMarkdown } from '../review/render-markdown.js';
import { renderReviewHtml } from '../review/render-html.js';
import type { Linter } from './linter.js';
import type { ReviewParams, ReviewResult } from './protocol.js';
import type { WorkspaceFiles } from './workspace-files.js';

export async function reviewDocument(params: ReviewParams, linter: Linter, files: WorkspaceFiles): Promise<ReviewResult | null> {
  const analysis = await linter.analysis(params.uri);
  if (!analysis) return null;
  const filePath = files.pathOf(params.uri);
  const fileName = filePath ?? decodeURIComponent(params.uri.replace(/^untitled:/, ''));
  const review = buildReview(analysis.result, { fileName });
  const markdown = renderReviewMarkdown(review);
  const html = params.nonce && params.cspSource ? renderReviewHtml(review, { nonce: params.nonce, cspSource: params.cspSource }) : undefined;
  return { review, markdown, ...(html ? { html } : {}), docType: review.docType, title: review.title };
}
