/**
 * The strategy map as Markdown (`strategy-lint map docs/`): for each strategy, a table per
 * guiding policy and per coherent action of what carries it out, then what traces to nothing and
 * the trace/* findings. Plain GFM, readable in a terminal; document text is escaped.
 */
import type { CarriedOut, MapNode, StrategyMap } from '../engine/index.js';
import { escapeMarkdownInline } from '../review/render-markdown.js';
import { flagNote, kindLabel, linkText, nodeLabel, short, where } from './describe.js';

interface MapMarkdownOptions {
  /** What the map is of, for the heading ("examples/strategy-map"). */
  title?: string;
  /** Document key → path as the reader sees it. */
  shown?: ReadonlyMap<string, string>;
}

export function renderMapMarkdown(map: StrategyMap, options: MapMarkdownOptions = {}): string {
  const shown = (doc: string): string => options.shown?.get(doc) ?? doc;
  const nodes = new Map(map.nodes.map((node) => [node.id, node]));
  const carried = new Map(map.carriedOut.map((entry) => [entry.node, entry]));
  const lines: string[] = [`# Strategy map${options.title ? `: ${escapeMarkdownInline(options.title)}` : ''}`, ''];
  const docs = map.documents.map((doc) => `${escapeMarkdownInline(shown(doc.key))} (${doc.type})`);
  lines.push(`${map.documents.length} document${map.documents.length === 1 ? '' : 's'}: ${docs.join(', ') || 'none'}.`, '');
  lines.push(summaryLine(map), '');

  const strategies = map.documents.filter((doc) => doc.type === 'strategy');
  if (strategies.length === 0) lines.push('_No strategy in these documents: nothing to trace to. Add a strategy memo (diagnosis, guiding policy, coherent actions) beside the roadmap and OKRs._', '');
  for (const strategy of strategies) {
    lines.push(`## ${escapeMarkdownInline(strategy.title)} — ${escapeMarkdownInline(shown(strategy.key))}`, '');
    const own = map.nodes.filter((node) => node.doc === strategy.key);
    for (const diagnosis of own.filter((node) => node.kind === 'diagnosis')) {
      lines.push(`**Diagnosis** (line ${diagnosis.line}): ${escapeMarkdownInline(short(diagnosis.title, 160))}`, '');
    }
    for (const kind of ['policy', 'action'] as const) {
      const list = own.filter((node) => node.kind === kind);
      if (list.length === 0) continue;
      if (kind === 'action') lines.push('### Coherent actions', '');
      for (const node of list) lines.push(...nodeTable(node, carried.get(node.id), nodes, map, shown));
    }
  }

  const orphans = map.nodes.filter((node) => node.flags.includes('orphan'));
  if (orphans.length > 0) {
    lines.push('## Traced to nothing', '', '| Item | Kind | Where |', '|---|---|---|');
    for (const node of orphans) lines.push(`| ${escapeMarkdownInline(nodeLabel(node))} | ${kindLabel(node)} | ${escapeMarkdownInline(where(node, shown))} |`);
    lines.push('');
  }
  lines.push('## Findings', '');
  if (map.findings.length === 0) lines.push('None: every roadmap item and key result traces to the strategy, every action is planned, and nothing pursues what a policy rules out.', '');
  else {
    lines.push('| Rule | Where | Message |', '|---|---|---|');
    for (const finding of map.findings) {
      lines.push(`| \`${finding.ruleId}\` | ${escapeMarkdownInline(`${shown(finding.doc)}:${finding.line}`)} | ${escapeMarkdownInline(finding.message)} |`);
    }
    lines.push('');
  }
  lines.push('Links: “P2”, “KR 1.1” and links are written in the documents; “likely” links are inferred from shared key terms, with their confidence — check them.', '');
  return `${lines.join('\n')}`;
}

function summaryLine(map: StrategyMap): string {
  const count = (rule: string): number => map.findings.filter((f) => f.ruleId === rule).length;
  const parts = [
    [count('trace/orphan-item'), 'item traced to nothing', 'items traced to nothing'],
    [count('trace/unplanned-action'), 'unplanned action', 'unplanned actions'],
    [count('trace/contradicts-policy'), 'contradiction of a policy', 'contradictions of a policy'],
    [count('trace/broken-link'), 'broken link', 'broken links'],
    [count('trace/stale-after-strategy'), 'plan older than its strategy', 'plans older than their strategy'],
  ].filter(([n]) => (n as number) > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return parts.length > 0 ? `**${map.findings.length} finding${map.findings.length === 1 ? '' : 's'}**: ${parts.join(', ')}.` : '**No findings.**';
}

function nodeTable(node: MapNode, entry: CarriedOut | undefined, nodes: ReadonlyMap<string, MapNode>, map: StrategyMap, shown: (doc: string) => string): string[] {
  const lines = [`#### ${escapeMarkdownInline(nodeLabel(node))} — ${escapeMarkdownInline(where(node, shown))}${flagNote(node)}`, ''];
  const rows = (entry?.servedBy ?? []).map((served) => ({ served, node: nodes.get(served.node)! })).filter((row) => row.node);
  const conflicts = map.conflicts.filter((conflict) => conflict.policy === node.id).map((conflict) => nodes.get(conflict.item)).filter((n): n is MapNode => n !== undefined);
  if (rows.length === 0 && conflicts.length === 0) {
    lines.push(node.kind === 'action' ? '_Nothing in these documents carries it out._' : '_Nothing in these documents carries it out directly or through an action._', '');
    return lines;
  }
  lines.push('| Carried out by | Item | Where | Link |', '|---|---|---|---|');
  for (const { served, node: by } of rows) {
    lines.push(`| ${kindLabel(by)} | ${escapeMarkdownInline(nodeLabel(by))} | ${escapeMarkdownInline(where(by, shown))} | ${escapeMarkdownInline(linkText(served))} |`);
  }
  for (const item of conflicts) {
    lines.push(`| ⚠ pursues what it rules out | ${escapeMarkdownInline(nodeLabel(item))} | ${escapeMarkdownInline(where(item, shown))} | \`trace/contradicts-policy\` |`);
  }
  lines.push('');
  return lines;
}
