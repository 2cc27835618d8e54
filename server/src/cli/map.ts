/**
 * `strategy-lint map [--format markdown|json|mermaid] <folders, files or globs…>`: the strategy
 * map of the documents — for each policy and action, what carries it out; what traces to nothing;
 * the trace/* findings. Markdown by default, JSON (the map as the editor draws it, with the path
 * of each document as shown), or a Mermaid flowchart to paste into GitHub. The documents are read
 * as a lint reads them (config files or --config, --reference-date, `ignores`, --ignore-pattern,
 * .gitignore). Exit 0, or 2 on a usage error or a file that could not be read.
 */
import { buildStrategyMap, lintWorkspace } from '../engine/index.js';
import { renderMapMarkdown } from '../map/render-markdown.js';
import { renderMapMermaid } from '../map/render-mermaid.js';
import { terminalSafe, terminalSafeLines } from './terminal.js';
import { buildWorkspace, lintWorkspaceFiles } from './workspace.js';
import { UsageError, type CliOptions } from './options.js';
import type { LintContext } from './lint-context.js';

/** What the map prints through (the CLI's io, main.ts). */
interface MapIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function runMap(options: CliOptions, context: LintContext, io: MapIo): Promise<number> {
  if (options.positionals.length === 0) throw new UsageError('map needs the documents to map (e.g. "strategy-lint map docs/")');
  let failed = false;
  const { files, unmatched } = await lintWorkspaceFiles(options.positionals, context, {
    noIgnore: options.noIgnore,
    onSkipped: (file, reason) => {
      failed = true;
      io.stderr(terminalSafeLines(`${file}: error ${reason}\n`));
    },
  });
  if (unmatched.length > 0) throw new UsageError(`no Markdown files match ${unmatched.map((p) => `"${p}"`).join(', ')}`);
  const workspace = buildWorkspace(files, io.cwd);
  const result = lintWorkspace(workspace.model);
  const map = buildStrategyMap(workspace.model.graph, result.findings);
  for (const note of result.notes) io.stderr(terminalSafeLines(`strategy-lint: note: ${note}\n`));
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ ...map, paths: Object.fromEntries(workspace.shown) }, null, 2)}\n`);
  } else if (options.format === 'mermaid') {
    io.stdout(renderMapMermaid(map));
  } else {
    io.stdout(terminalSafeLines(renderMapMarkdown(map, { title: terminalSafe(options.positionals.join(' ')), shown: workspace.shown })));
  }
  return failed ? 2 : 0;
}
