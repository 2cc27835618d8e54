/**
 * `strategyLint/strategyMap` → the strategy map of a workspace folder: the map itself, its
 * Markdown and Mermaid, each document's URI, and the webview HTML when the client asks for it.
 */
import * as path from 'node:path';
import type { StrategyMapParams, StrategyMapResult } from './protocol.js';
import type { WorkspaceTrace } from './workspace-trace.js';
import { renderMapMarkdown } from '../map/render-markdown.js';
import { renderMapMermaid } from '../map/render-mermaid.js';
import { renderMapHtml } from '../map/render-html.js';

export async function strategyMap(params: StrategyMapParams, trace: WorkspaceTrace): Promise<StrategyMapResult | null> {
  const found = await trace.map(params.uri);
  if (!found) return null;
  const title = path.basename(found.folder) || found.folder;
  return {
    map: found.map,
    markdown: renderMapMarkdown(found.map, { title }),
    mermaid: renderMapMermaid(found.map),
    uris: found.uris,
    folder: found.folder,
    ...(params.nonce && params.cspSource ? { html: renderMapHtml(found.map, { nonce: params.nonce, cspSource: params.cspSource, title }) } : {}),
  };
}
