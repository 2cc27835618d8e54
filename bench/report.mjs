// Report: the one table (Markdown), bench/RESULTS.md with the machine's description, and the
// bar chart bench/results.svg. Pure functions of the measured results, except writeReport().
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BENCH_DIR, DOCUMENTS, ROOT, formatMs } from './common.mjs';
import { renderChart } from './svg.mjs';

/** The targets: "Fast at any size" (engine) and "Instant from the first keystroke" (the rest). */
export const TARGETS = {
  lintOverFloor: 1.5, // full lint of the memo ≤ 1.5× the remark-parse floor
  openMemoMs: 150, // didOpen → first diagnostics on a fresh server, median, memo
  openHandbookMs: 600, // … 50,000-word document
  firstKeystrokeMemoMs: 50, // the first keystroke after opening → diagnostics, median, memo
  firstKeystrokeHandbookMs: 100, // … 50,000-word document
  keystrokeMemoMs: 15, // every later keystroke → diagnostics, median, memo
  keystrokeHandbookMs: 20, // … 50,000-word document
  serverRssMb: 150, // server peak RSS with the 50,000-word document open
  cliOverMarkdownlint: 0.5, // CLI cold start on the memo ÷ markdownlint-cli2's, median of alternating pairs
  folderMs: 4000, // the CLI over the 1,000-document folder
  folderRssMb: 400, // … its peak RSS
  folderCachedMs: 1000, // an unchanged second run with --cache
  workspaceUpdateMs: 20, // the workspace model's update after an edit, 50 documents, median (issue 14)
};

const ratio = (value) => `${value >= 10 ? Math.round(value) : value.toFixed(value >= 1.95 ? 1 : 2)}×`;
const verdict = (met) => (met ? '✅ met' : '❌ not met');
const medianP95 = (stats) => `${formatMs(stats.median)} / ${formatMs(stats.p95)}`;
const cellError = (error) => `failed: ${String(error).replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 110)}`;

/** The figure of one part for one document, or its error, as a table cell. */
function cell(part, key, render) {
  if (!part) return 'not run';
  if (part.error) return cellError(part.error);
  const value = part[key];
  if (!value || value.error) return cellError(value?.error ?? 'not run');
  return render(value);
}

const ok = (part, key) => part && !part.error && part[key] && !part[key].error;

/** Every figure with a target, as { label, value, target, unit, ratio (value ÷ target), met }. */
export function targetChecks({ engine, server, cli, peers, folder, workspace }) {
  const checks = [];
  if (workspace && !workspace.error) {
    checks.push({ label: `Workspace update (${workspace.documents} documents)`, value: workspace.update.median, target: TARGETS.workspaceUpdateMs, text: `${formatMs(workspace.update.median)} vs ≤ ${TARGETS.workspaceUpdateMs} ms` });
  }
  const lintMemo = engine?.memo;
  if (lintMemo && !engine.error) {
    checks.push({ label: 'Full lint ÷ floor (memo)', value: lintMemo.ratio, target: TARGETS.lintOverFloor, text: `${ratio(lintMemo.ratio)} vs ≤ ${TARGETS.lintOverFloor}×` });
  }
  const serverChecks = [
    ['didOpen → first diagnostics', (r) => r.open?.median ?? r.openMs, { memo: TARGETS.openMemoMs, handbook: TARGETS.openHandbookMs }],
    ['First keystroke → diagnostics', (r) => r.firstKeystroke?.median, { memo: TARGETS.firstKeystrokeMemoMs, handbook: TARGETS.firstKeystrokeHandbookMs }],
    ['Keystroke → diagnostics', (r) => r.keystroke.median, { memo: TARGETS.keystrokeMemoMs, handbook: TARGETS.keystrokeHandbookMs }],
  ];
  for (const [label, value, targets] of serverChecks) {
    for (const key of ['memo', 'handbook']) {
      if (!ok(server, key) || value(server[key]) === undefined) continue;
      checks.push({ label: `${label} (${key})`, value: value(server[key]), target: targets[key], text: `${formatMs(value(server[key]))} vs ≤ ${targets[key]} ms` });
    }
  }
  const handbookServer = server?.handbook;
  if (ok(server, 'handbook') && handbookServer.rssMb !== null) {
    checks.push({ label: 'Server peak RSS (handbook)', value: handbookServer.rssMb, target: TARGETS.serverRssMb, text: `${Math.round(handbookServer.rssMb)} MB vs ≤ ${TARGETS.serverRssMb} MB` });
  }
  const ours = cli?.memo;
  const fastest = fastestPeer(peers);
  if (ours && !cli.error && !ours.error && fastest) {
    checks.push({ label: 'CLI (memo) ÷ fastest peer', value: ours.median, target: fastest.median, text: `${formatMs(ours.median)} vs ${fastest.name} ${formatMs(fastest.median)}`, strict: true });
  }
  if (ok(cli, 'pairs')) {
    checks.push({ label: 'CLI (memo) ÷ markdownlint-cli2, paired', value: cli.pairs.ratio.median, target: TARGETS.cliOverMarkdownlint, text: `${cli.pairs.ratio.median.toFixed(2)}× vs ≤ ${TARGETS.cliOverMarkdownlint}×` });
  }
  if (ok(folder, 'uncached')) {
    checks.push({ label: 'CLI over 1,000 documents', value: folder.uncached.median, target: TARGETS.folderMs, text: `${formatMs(folder.uncached.median)} vs ≤ ${formatMs(TARGETS.folderMs)}` });
    if (folder.uncached.rssMb !== null) checks.push({ label: 'CLI over 1,000 documents, peak RSS', value: folder.uncached.rssMb, target: TARGETS.folderRssMb, text: `${Math.round(folder.uncached.rssMb)} MB vs < ${TARGETS.folderRssMb} MB`, strict: true });
  }
  if (ok(folder, 'cached')) {
    checks.push({ label: 'CLI over 1,000 documents, --cache unchanged', value: folder.cached.median, target: TARGETS.folderCachedMs, text: `${formatMs(folder.cached.median)} vs ≤ ${formatMs(TARGETS.folderCachedMs)}` });
  }
  return checks.map((check) => ({ ...check, ratio: check.value / check.target, met: check.strict ? check.value < check.target : check.value <= check.target }));
}

/** The peer with the fastest CLI on the memo (failed peers do not count). */
function fastestPeer(peers) {
  const timed = (peers ?? []).filter((peer) => !peer.error && peer.documents.memo && !peer.documents.memo.error);
  timed.sort((a, b) => a.documents.memo.median - b.documents.memo.median);
  return timed[0] ? { name: timed[0].name, median: timed[0].documents.memo.median } : null;
}

/** The one table, in Markdown. */
export function renderTable(results) {
  const { engine, server, cli, peers, folder, workspace } = results;
  const rows = [];
  const row = (measure, memo, handbook, target = '—', status = '—') => rows.push(`| ${measure} | ${memo} | ${handbook} | ${target} | ${status} |`);
  const checks = Object.fromEntries(targetChecks(results).map((check) => [check.label, check]));
  const status = (label) => (checks[label] ? verdict(checks[label].met) : 'n/a');

  row('**Engine** — `remark-parse` alone (the floor), median / p95', cell(engine, 'memo', (r) => medianP95(r.floor)), cell(engine, 'handbook', (r) => medianP95(r.floor)));
  row('**Engine** — the engine\'s parser (+ GFM, front matter), median / p95', cell(engine, 'memo', (r) => medianP95(r.parser)), cell(engine, 'handbook', (r) => medianP95(r.parser)));
  row('**Engine** — full lint, median / p95', cell(engine, 'memo', (r) => `${medianP95(r.lint)} (${r.findings} findings)`), cell(engine, 'handbook', (r) => `${medianP95(r.lint)} (${r.findings} findings)`));
  row('**Engine** — full lint ÷ floor (medians)', cell(engine, 'memo', (r) => `**${ratio(r.ratio)}**`), cell(engine, 'handbook', (r) => ratio(r.ratio)),
    `memo ≤ ${TARGETS.lintOverFloor}×`, status('Full lint ÷ floor (memo)'));
  const both = (label) => `memo ${status(`${label} (memo)`)}, handbook ${status(`${label} (handbook)`)}`;
  const servers = (r) => (r.servers ? ` (${r.servers} servers)` : '');
  row('**Server** — `didOpen` → first diagnostics, fresh server, median / p95',
    cell(server, 'memo', (r) => `**${formatMs(r.open.median)}** / ${formatMs(r.open.p95)}${servers(r)}`),
    cell(server, 'handbook', (r) => `**${formatMs(r.open.median)}** / ${formatMs(r.open.p95)}${servers(r)}`),
    `memo ≤ ${TARGETS.openMemoMs} ms, handbook ≤ ${TARGETS.openHandbookMs} ms`, both('didOpen → first diagnostics'));
  row('**Server** — **first** keystroke after opening → `publishDiagnostics`, median / p95',
    cell(server, 'memo', (r) => `**${formatMs(r.firstKeystroke.median)}** / ${formatMs(r.firstKeystroke.p95)}`),
    cell(server, 'handbook', (r) => `**${formatMs(r.firstKeystroke.median)}** / ${formatMs(r.firstKeystroke.p95)}`),
    `memo ≤ ${TARGETS.firstKeystrokeMemoMs} ms, handbook ≤ ${TARGETS.firstKeystrokeHandbookMs} ms`, both('First keystroke → diagnostics'));
  row('**Server** — later keystrokes (`didChange`) → `publishDiagnostics`, median / p95',
    cell(server, 'memo', (r) => `**${formatMs(r.keystroke.median)}** / ${formatMs(r.keystroke.p95)} (${r.keystroke.n} edits)`),
    cell(server, 'handbook', (r) => `**${formatMs(r.keystroke.median)}** / ${formatMs(r.keystroke.p95)} (${r.keystroke.n} edits)`),
    `median: memo ≤ ${TARGETS.keystrokeMemoMs} ms, handbook ≤ ${TARGETS.keystrokeHandbookMs} ms`, both('Keystroke → diagnostics'));
  const rss = (r) => (r.rssMb === null ? 'n/a (no /proc)' : `${Math.round(r.rssMb)} MB`);
  row('**Server** — peak RSS (VmHWM) with the document open', cell(server, 'memo', rss), cell(server, 'handbook', (r) => `**${rss(r)}**`),
    `handbook ≤ ${TARGETS.serverRssMb} MB`, status('Server peak RSS (handbook)'));

  if (workspace) {
    const label = workspace.error ? 'Workspace update' : `Workspace update (${workspace.documents} documents)`;
    const figure = workspace.error ? cellError(workspace.error)
      : `**${formatMs(workspace.update.median)}** / ${formatMs(workspace.update.p95)}, min ${formatMs(workspace.update.min)} (${workspace.items} items, ${workspace.links} links, ${workspace.findings} trace findings; the edited document's own lint: ${formatMs(workspace.lint.median)})`;
    row('**Workspace** — edit one roadmap of a docs repository → its part rebuilt, links resolved, trace/* findings of the folder, median / p95', figure, '—',
      `median ≤ ${TARGETS.workspaceUpdateMs} ms`, workspace.error ? 'n/a' : status(label));
  }

  const ours = cli && !cli.error ? cli : null;
  const fastest = fastestPeer(peers);
  const cliCheck = checks['CLI (memo) ÷ fastest peer'];
  row('**CLI** — `strategy-lint FILE` cold start, median', cell(cli, 'memo', (r) => `**${formatMs(r.median)}**`), cell(cli, 'handbook', (r) => formatMs(r.median)),
    'memo: faster than every peer',
    cliCheck ? `${verdict(cliCheck.met)} (fastest peer: ${fastest.name}, ${ratio(fastest.median / cliCheck.value)} ours)` : 'n/a');
  const pairs = cli?.pairs;
  row(`**CLI** — ours ÷ markdownlint-cli2 on the memo, ${pairs?.pairs ?? 'n'} alternating pairs, median (min–max)`,
    cell(cli, 'pairs', (r) => `**${r.ratio.median.toFixed(2)}×** (${r.ratio.min.toFixed(2)}–${Math.max(...r.ratio.samples).toFixed(2)}×; ours ${formatMs(r.ours.median)}, theirs ${formatMs(r.theirs.median)})`), '—',
    `≤ ${TARGETS.cliOverMarkdownlint}×`, status('CLI (memo) ÷ markdownlint-cli2, paired'));
  const size = folder && !folder.error ? ` (${folder.files.toLocaleString('en-US')} files, ${(folder.bytes / 1e6).toFixed(1)} MB, ${folder.cores} cores)` : '';
  const folderRuns = (r) => `${r.n} run${r.n === 1 ? '' : 's'}`;
  row(`**CLI** — \`strategy-lint .\` over a docs folder${size}, median, peak RSS`,
    folder?.error ? cellError(folder.error) : cell(folder, 'uncached', (r) => `**${formatMs(r.median)}**, ${r.rssMb === null ? 'n/a' : `${Math.round(r.rssMb)} MB`} (${folderRuns(r)})`), '—',
    `≤ ${formatMs(TARGETS.folderMs)}, < ${TARGETS.folderRssMb} MB`,
    `time ${status('CLI over 1,000 documents')}, memory ${status('CLI over 1,000 documents, peak RSS')}`);
  row('**CLI** — the same with `--cache`, unchanged second run, median',
    cell(folder, 'cached', (r) => `**${formatMs(r.median)}**, ${r.rssMb === null ? 'n/a' : `${Math.round(r.rssMb)} MB`} (first run ${formatMs(r.firstMs)}; output ${r.sameOutput ? 'identical to' : '**differs from**'} uncached)`), '—',
    `≤ ${formatMs(TARGETS.folderCachedMs)}`, status('CLI over 1,000 documents, --cache unchanged'));
  row(`**Peer CLI** — markdownlint-cli2 over the same folder${folder?.peer?.version ? ` (markdownlint-cli2@${folder.peer.version})` : ''}, median, peak RSS`,
    folder?.error ? cellError(folder.error) : folder?.peer?.error ? cellError(folder.peer.error) : folder?.peer?.median !== undefined
      ? `${formatMs(folder.peer.median)}, ${folder.peer.rssMb === null ? 'n/a' : `${Math.round(folder.peer.rssMb)} MB`}${ok(folder, 'uncached') ? ` (${ratio(folder.peer.median / folder.uncached.median)} ours)` : ''}` : 'not run',
    '—');
  for (const peer of peers ?? []) {
    const versions = Object.entries(peer.versions).map(([name, version]) => `${name}@${version}`).join(', ');
    const peerCell = (key) => {
      if (peer.error) return cellError(peer.error);
      const result = peer.documents[key];
      if (!result || result.error) return cellError(result?.error ?? 'not run');
      const versus = ours?.[key] && !ours[key].error ? ` (${ratio(result.median / ours[key].median)} ours)` : '';
      return `${formatMs(result.median)}${versus}${result.note ? `; ${result.note}` : ''}`;
    };
    row(`**Peer CLI** — ${peer.name} (${versions}; ${peer.how}), median`, peerCell('memo'), peerCell('handbook'));
  }
  return [
    `| Measure | ${DOCUMENTS.memo.label} | ${DOCUMENTS.handbook.label} | Target | Status |`,
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function renderMachine(machine) {
  return [
    `- **CPU:** ${machine.cpu}, ${machine.cores} logical cores`,
    `- **Memory:** ${machine.memoryGiB.toFixed(1)} GiB`,
    `- **Node:** ${machine.node}`,
    `- **OS:** ${machine.os}`,
    `- **Date:** ${machine.date}`,
    `- **Commit:** ${machine.commit}`,
    `- **Load average (1 min) at start / end:** ${machine.loadStart.toFixed(2)} / ${machine.loadEnd.toFixed(2)}` +
      (Math.max(machine.loadStart, machine.loadEnd) > machine.cores ? ' — the machine was busy: figures are noisy' : ''),
    ...(machine.partLoads ? [`- **Load average (1 min) at the start and end of each part:** ${Object.entries(machine.partLoads).map(([part, [from, to]]) => `${part} ${from.toFixed(2)} → ${to.toFixed(2)}`).join(', ')}`] : []),
    `- **Bench run time:** ${Math.round(machine.seconds)} s`,
  ].join('\n');
}

const METHOD = `How each figure is measured (all in one run, on the machine above):

- **Engine** — in the bench's Node process, after warm-up (5 runs memo, 2 runs handbook), 30 runs
  on the memo and 10 on the handbook. Each round times, in turn, \`lint(text, { filePath, today })\`
  from \`server/dist/src/engine\` (the full engine, default configuration), the floor
  \`unified().use(remarkParse).parse(text)\`, and the engine's own parser configuration
  (remark-parse + remark-gfm + remark-frontmatter); the packages are the server workspace's own.
  p95 is the nearest-rank 95th percentile (for 10 runs, the slowest).
- **Server** — \`server/out/server.js\` started exactly as the VS Code client starts it
  (vscode-languageclient, \`TransportKind.ipc\`: \`child_process.fork\` with \`--node-ipc\`,
  \`execArgv: ['--max-semi-space-size=4']\` as in client/src/language-client.ts) and driven over
  JSON-RPC on Node's IPC channel (\`bench/lsp-client.mjs\`): \`initialize\` (pull configuration,
  answered with \`debounceMs: 0\`), \`didOpen\`, then one-character incremental \`didChange\` edits at
  the end of a word in the middle of the prose line nearest the middle of the document,
  alternating insert and delete. A fresh server for each of 7 runs on the memo and 5 on the
  handbook: \`didOpen\` is timed from sending it to the \`publishDiagnostics\` of version 1, each
  edit from sending its \`didChange\` to the \`publishDiagnostics\` of that version (the next edit
  waits for it). The first edit of each server is the **first keystroke**; the 20 after it are the
  **later keystrokes** (pooled over the servers). Peak RSS is \`VmHWM\` from
  \`/proc/<pid>/status\` after the edits, the largest over the servers.
- **CLI cold start** — wall time from spawn to exit of \`node server/bin/strategy-lint.cjs FILE\`
  (one untimed warm-up, then the median of 10 runs on the memo; up to 3 runs within 30 s on the
  handbook). Peers are timed the same way, with Node run on their \`bin\` file directly: one
  warm-up and 5 runs on the memo, up to 3 runs within 20 s on the handbook. "× ours" is the
  peer's median ÷ ours (above 1: we are faster). harper.js has no CLI, so
  \`bench/harper-lint.mjs\` is its smallest one (LocalLinter, as harper.js documents for Node); its
  setup (WebAssembly and dictionary) and lint times are shown beside it. The ratio to
  markdownlint-cli2 is measured apart, in 7 alternating pairs (ours, theirs) after one warm-up
  of each: the ratio of each pair, then the median.
- **Docs folder** — \`bench/folder.mjs\` builds 1,000 documents, deterministically (a seeded
  generator), from the memo and the handbook cut at their \`##\` headings and the repository's
  \`examples/\`, in nested folders under the system's temporary directory. \`strategy-lint .\`
  (default text output) and \`markdownlint-cli2 "**/*.md"\` are run in that folder in 3
  alternating pairs; wall time from spawn to exit, and the peak RSS (\`VmHWM\`, polled every
  20 ms: the CLI's worker threads are in its process). Then \`--cache --cache-location <tmp file>\`:
  one run writes the cache, 3 unchanged runs are timed, and their output is compared with the
  uncached run's.
- **Workspace update** — \`bench/workspace.mjs\`, in the bench's process: a docs repository of 50
  documents generated with a fixed seed (one strategy, OKR sets, roadmaps, decisions and release
  notes; item words drawn from the memo's vocabulary), each document's model built once; then one
  roadmap is edited (a word typed into an item, then deleted) 10 times to warm up and 60 times
  measured. Each round times what the language server does once the edited document is linted:
  \`WorkspaceModel.set\` (that document's part rebuilt) and \`lintWorkspace\` (links resolved
  again, every trace/* rule over the folder). The edited document's own lint is shown beside it.
  The memo column holds this figure; the handbook column does not apply.`;

export function renderResults(results, machine) {
  return `# Benchmark results

Written by \`npm run bench\` (\`bench/run.mjs\`); do not edit by hand. Inputs:
\`${DOCUMENTS.memo.display}\` and \`${DOCUMENTS.handbook.display}\`.

${renderMachine(machine)}

${renderTable(results)}

![Benchmark chart](results.svg)

${METHOD}
`;
}

/** Write bench/RESULTS.md and bench/results.svg; refresh the table in README.md's performance section. */
export function writeReport(results, machine) {
  fs.writeFileSync(path.join(BENCH_DIR, 'RESULTS.md'), renderResults(results, machine));
  fs.writeFileSync(path.join(BENCH_DIR, 'results.svg'), renderChart(results, targetChecks(results), machine));
  const readme = path.join(ROOT, 'README.md');
  if (fs.existsSync(readme)) {
    const text = fs.readFileSync(readme, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from >= 0 && to > from) {
      const busy = Math.max(machine.loadStart, machine.loadEnd) > machine.cores ? ' (a busy machine: figures are noisy)' : '';
      const note = `_${machine.summary}; load average ${machine.loadStart.toFixed(1)} at start${busy}. Details and method: [bench/RESULTS.md](bench/RESULTS.md)._`;
      const table = `\n${renderTable(results).replaceAll('](harper-lint.mjs)', '](bench/harper-lint.mjs)')}\n\n${note}\n`;
      fs.writeFileSync(readme, text.slice(0, from + start.length) + table + text.slice(to));
    }
  }
}
