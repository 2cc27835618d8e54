/**
 * `strategy-lint map [--format markdown|json|mermaid] <folders, files or globs…>`: the strategy
 * map of the documents — for each policy and action, what carries it out; what traces to nothing;
 * the trace/* findings. Markdown by default, JSON (the map as the editor draws it, with the path
 * of each document as shown), or a Mermaid flowchart to paste into GitHub. Exit 0, or 2 on a
 * usage error or a file that could not be read.
 */
import { buildStrategyMap, lintWorkspace, validateConfig, type ConfigLayer } from '../engine/index.js';
import { renderMapMarkdown } from '../map/render-markdown.js';
import { renderMapMermaid } from '../map/render-mermaid.js';
import { terminalSafe, terminalSafeLines } from './terminal.js';
import { buildWorkspace, lintWorkspaceFiles } from './workspace.js';
import type { CliIo } from './main.js';

export const MAP_FORMATS = ['markdown', 'json', 'mermaid'] as const;

export interface MapHelpers {
  parse: (argv: string[]) => { values: Record<string, string | boolean | undefined>; positionals: string[] };
  usage: string;
  usageError: (message: string) => Error;
}

export async function runMap(argv: string[], io: CliIo, helpers: MapHelpers): Promise<number> {
  const { values, positionals } = helpers.parse(argv);
  if (values.help) {
    io.stdout(`${helpers.usage}\n`);
    return 0;
  }
  const format = (values.format as string | undefined) ?? 'markdown';
  if (!(MAP_FORMATS as readonly string[]).includes(format)) throw helpers.usageError(`map: --format must be one of ${MAP_FORMATS.join(', ')}, got "${format}"`);
  if (positionals.length === 0) throw helpers.usageError('map needs the documents to map (e.g. "strategy-lint map docs/")');
  const referenceDate = values['reference-date'] as string | undefined;
  if (referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw helpers.usageError(`--reference-date must be YYYY-MM-DD, got "${referenceDate}"`);
  const layers: ConfigLayer[] = referenceDate ? [validateConfig({ referenceDate }, 'command line').layer] : [];
  let failed = false;
  const { files, unmatched } = await lintWorkspaceFiles(positionals, {
    cwd: io.cwd, today: io.today, layers,
    onSkipped: (file, reason) => {
      failed = true;
      io.stderr(terminalSafeLines(`${file}: error ${reason}\n`));
    },
  });
  if (unmatched.length > 0) throw helpers.usageError(`no Markdown files match ${unmatched.map((p) => `"${p}"`).join(', ')}`);
  const workspace = buildWorkspace(files, io.cwd);
  const result = lintWorkspace(workspace.model);
  const map = buildStrategyMap(workspace.model.graph, result.findings);
  for (const note of result.notes) io.stderr(terminalSafeLines(`strategy-lint: note: ${note}\n`));
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ ...map, paths: Object.fromEntries(workspace.shown) }, null, 2)}\n`);
  } else if (format === 'mermaid') {
    io.stdout(renderMapMermaid(map));
  } else {
    io.stdout(terminalSafeLines(renderMapMarkdown(map, { title: terminalSafe(positionals.join(' ')), shown: workspace.shown })));
  }
  return failed ? 2 : 0;
}
