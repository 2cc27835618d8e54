import { defineWorkspaceRule } from '../../workspace/rule.js';
import type { TraceNode } from '../../workspace/nodes.js';
import type { Fix } from '../../types.js';
import { candidateOf, displayLabel, headingPlace, joinWords, nodeName, nodePlace, relativePath, scopeParts, tracesOf, where, wordsFor } from './_shared.js';
import type { TraceGraph } from '../../workspace/resolve.js';

/** What a roadmap item may trace to, and a key result. */
const ITEM_TARGETS = ['policy', 'action', 'objective', 'key-result'] as const;
const KEY_RESULT_TARGETS = ['policy', 'action'] as const;

export default defineWorkspaceRule({
  meta: {
    id: 'trace/orphan-item',
    family: 'trace',
    description: 'A roadmap item or key result that traces to no guiding policy, coherent action or objective of the strategy it serves.',
    defaultSeverity: 'information',
    types: ['roadmap', 'okr'],
    documentLevel: false,
    fixable: true,
    options: {},
    rationale:
      '"Roadmaps without strategy" are the failure between documents: each item looks reasonable on its own, and nobody can say which choice of the strategy it carries out. An item that no policy, action or objective explains is either a pet project riding along or a sign that the strategy leaves out the problem it solves. An item traces when it links a policy, action, objective or key result (`Serves: P2`, `(→ KR 1.2)`, a link to the heading), when its document\'s front matter names one (`serves: strategy.md#p2`), or when it shares enough rare key terms with one to be likely (inferred links are never shown as certain). The rule runs only where the folder holds a strategy or OKR set to trace to, and not on a document that names a strategy the linter did not read.',
    howToFix:
      'Say what the item serves: add `Serves: P2` (or `(→ KR 1.2)`) to it, or link the policy or action (`[P2](strategy.md#guiding-policy)`). When the closest match is only a guess, the quick fix proposes it; check it before you accept. If the item serves nothing in the strategy, ask whether it belongs on the roadmap.',
    seeds: [
      { source: '002', quote: 'I avoid management anti-patterns by watching for early signals: policies without principles, roadmaps without strategy' },
      { source: '002', quote: 'I map each guiding policy to a small number of initiatives with owners, milestones, and outcome metrics' },
    ],
    examples: {
      bad: '---\nserves: strategy.md\n---\n\n# Fernhill roadmap\n\n## Now\n\n- **Guided dispatch setup** — new firms stall on an empty board. Serves: A1\n- **Rewrite the in-app chat** on a new framework\n',
      good: '---\nserves: strategy.md\n---\n\n# Fernhill roadmap\n\n## Now\n\n- **Guided dispatch setup** — new firms stall on an empty board. Serves: A1\n- **Job history import** from spreadsheets. Serves: A2\n',
    },
    exampleFolder: {
      file: 'roadmap.md',
      others: {
        'strategy.md': '# Fernhill strategy\n\n## Diagnosis\n\nSmall field-service firms churn in their first month because setting up the dispatch board takes two weeks.\n\n## Guiding policy\n\n- **P1.** First-day dispatch for owner-operated firms, not enterprise contractors.\n\n## Coherent actions\n\n1. **A1.** Guided dispatch setup from sign-up to the first scheduled job.\n2. **A2.** Job history import from spreadsheets.\n',
      },
    },
  },
  checkWorkspace({ graph, optionsFor, report }) {
    for (const part of graph.parts.values()) {
      // Its strategy is not among the documents read (trace/broken-link says so when it is missing).
      if (!optionsFor(part.key) || graph.namesUnseenStrategy(part.key)) continue;
      const scope = scopeParts(graph, part.key);
      const strategies = scope.filter((p) => p.type === 'strategy' && p.nodes.some((n) => n.kind === 'policy' || n.kind === 'action'));
      const okrs = scope.filter((p) => p.nodes.some((n) => n.kind === 'objective'));
      for (const node of part.nodes) {
        const kinds = node.kind === 'roadmap-item' ? ITEM_TARGETS : node.kind === 'key-result' && part.type === 'okr' ? KEY_RESULT_TARGETS : null;
        if (!kinds) continue;
        // Nothing to trace to: the folder has no strategy (roadmap/no-strategy-link says so for a roadmap).
        if (strategies.length === 0 && (node.kind === 'key-result' || okrs.length === 0)) continue;
        if (tracesOf(graph, node, kinds).length > 0) continue;
        const candidate = candidateOf(graph, node, kinds);
        const target = candidate ? graph.nodes.get(candidate.to) : undefined;
        const what = node.kind === 'roadmap-item' ? 'roadmap item' : 'key result';
        const against = joinWords([...new Set([...strategies, ...okrs].map((p) => p.key))].slice(0, 3), 'or');
        const first = strategies[0]?.nodes.find((n) => n.kind === 'policy') ?? strategies[0]?.nodes.find((n) => n.kind === 'action') ?? okrs[0]?.nodes.find((n) => n.kind === 'objective');
        const closest = target && candidate
          ? `it has no “Serves:” label or link, and the closest match, ${nodeName(target)} (${where(target)}), shares only ${joinWords(wordsFor(target, candidate.shared ?? []).map((w) => `“${w}”`))}`
          : `it has no “Serves:” label or link, and shares no rare key terms with ${strategies.length + okrs.length === 1 ? 'it' : 'them'}`;
        const example = displayLabel((target ?? first)?.label ?? 'P1');
        const related = target ? [nodePlace(target, `closest match: ${nodeName(target, 40)} (a guess)`)]
          : first ? [headingPlace(graph.part(first.doc)!, first, `what it could serve: ${graph.part(first.doc)!.title}`)] : [];
        const fix = target ? servesFix(graph, node, target) : undefined;
        report(part.key, {
          message: `This ${what} traces to no guiding policy, coherent action or objective of ${against}: ${closest}. Say what it serves (“Serves: ${example}”), or ask whether it belongs ${node.kind === 'roadmap-item' ? 'on the roadmap' : 'in this OKR set'}.`,
          start: node.start,
          end: node.end,
          related,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});

/** Add the label the inference proposes, at the end of the item's own text: `(Serves: P2)`, with a link when the label alone would be ambiguous. */
function servesFix(graph: TraceGraph, node: TraceNode, target: TraceNode): Fix | undefined {
  if (node.labelAt === undefined || target.kind === 'diagnosis') return undefined;
  const sameLabel = graph.scope(node.doc).filter((key) => graph.part(key)?.nodes.some((n) => n.label === target.label));
  const written = target.label.replace(/^KR(?=\d)/, 'KR ');
  const label = sameLabel.length === 1 && graph.declaredScope(node.doc).length <= 1 ? written : `[${written}](${relativePath(node.doc, target.doc)})`;
  const arrow = target.kind === 'key-result' || target.kind === 'objective';
  return {
    title: `Add “${arrow ? `→ ${written}` : `Serves: ${written}`}” (a guess from shared terms: check it)`,
    edits: [{ start: node.labelAt, end: node.labelAt, newText: arrow ? ` (→ ${label})` : ` (Serves: ${label})` }],
  };
}
