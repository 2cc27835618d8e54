import { defineWorkspaceRule } from '../../workspace/rule.js';
import { isLikely, type TraceGraph } from '../../workspace/resolve.js';
import { joinWords, nodeName, nodePlace, titlePlace, where } from './_shared.js';

/** Documents that plan work: a coherent action should appear in one of them. */
const PLAN_TYPES = new Set(['roadmap', 'okr', 'decision', 'release-notes']);

/**
 * Is a plan one of this strategy's? When it names the strategy (directly or through its OKR set);
 * when it names none, only if the strategy is the one its folder serves — beside two strategies,
 * a plan that names neither is not counted as the plan of each.
 */
function plansFor(graph: TraceGraph, plan: string, strategy: string): boolean {
  const scope = graph.scope(plan);
  if (!scope.includes(strategy)) return false;
  if (graph.declaredScope(plan).length > 0) return true;
  return scope.filter((key) => graph.part(key)?.type === 'strategy').length === 1;
}

export default defineWorkspaceRule({
  meta: {
    id: 'trace/unplanned-action',
    family: 'trace',
    description: 'A coherent action of the strategy that appears in no roadmap, OKR set or decision of the folder.',
    defaultSeverity: 'information',
    types: ['strategy'],
    documentLevel: false,
    fixable: false,
    options: {},
    rationale:
      'Coherent actions are where a strategy turns into work. An action that no roadmap item, objective, key result, decision or release carries out has quietly been dropped — or was never more than a wish. The rule reads the roadmaps, OKR sets, decisions and release notes of the folder that serve the strategy (those that name it, and — when it is the only strategy their folder serves — those that name none), and counts an action as planned when one of them links it (`Serves: A3`, a link to its heading) or shares enough rare key terms with it to be likely. It runs only when the folder holds such a plan.',
    howToFix:
      'Plan the action: add a roadmap item or key result for it and label it (`Serves: A3`). If the action is no longer meant, cut it from the strategy — a strategy that lists work nobody plans misleads its readers.',
    seeds: [
      { source: '002', quote: 'Turning strategy into action requires ruthless translation. I map each guiding policy to a small number of initiatives with owners, milestones, and outcome metrics' },
      { source: '004', quote: 'a coherent blend of policies, actions, and resources uniquely designed to tackle fundamental challenges' },
    ],
    examples: {
      bad: '# Fernhill strategy\n\n## Diagnosis\n\nSmall field-service firms churn in their first month because setting up the dispatch board takes two weeks.\n\n## Guiding policy\n\n- **P1.** First-day dispatch for owner-operated firms, not enterprise contractors.\n\n## Coherent actions\n\n1. **A1.** Guided dispatch setup from sign-up to the first scheduled job.\n2. **A2.** Supplier price catalogues inside quotes.\n',
      good: '# Fernhill strategy\n\n## Diagnosis\n\nSmall field-service firms churn in their first month because setting up the dispatch board takes two weeks.\n\n## Guiding policy\n\n- **P1.** First-day dispatch for owner-operated firms, not enterprise contractors.\n\n## Coherent actions\n\n1. **A1.** Guided dispatch setup from sign-up to the first scheduled job.\n',
    },
    exampleFolder: {
      file: 'strategy.md',
      others: {
        'roadmap.md': '---\nserves: strategy.md\n---\n\n# Fernhill roadmap\n\n## Now\n\n- **Guided dispatch setup** — new firms stall on an empty board. Serves: A1\n',
      },
    },
  },
  checkWorkspace({ graph, optionsFor, report }) {
    for (const strategy of graph.docsOfType('strategy')) {
      if (!optionsFor(strategy.key)) continue;
      const plans = [...graph.parts.values()].filter((part) => PLAN_TYPES.has(part.type) && part.key !== strategy.key && plansFor(graph, part.key, strategy.key));
      // No plan in the folder serves this strategy: nothing to look for the actions in.
      if (plans.length === 0) continue;
      const planDocs = new Set(plans.map((part) => part.key));
      for (const action of strategy.nodes.filter((node) => node.kind === 'action')) {
        const incoming = graph.incoming(action.id).filter((link) => {
          const from = graph.nodes.get(link.from);
          return from !== undefined && planDocs.has(from.doc);
        });
        if (incoming.some(isLikely)) continue;
        const closest = incoming.filter((link) => link.kind === 'inferred').sort((a, b) => b.confidence - a.confidence)[0];
        const near = closest ? graph.nodes.get(closest.from) : undefined;
        const searched = joinWords(plans.slice(0, 4).map((part) => part.key).concat(plans.length > 4 ? [`${plans.length - 4} more`] : []));
        report(strategy.key, {
          message: `${nodeName(action)} appears in no roadmap, OKR set or decision: nothing in ${searched} names it or shares enough of its key terms.${near ? ` The closest is ${nodeName(near)} (${where(near)}), too little to be sure.` : ''} Plan it (label the item “Serves: ${action.label}”), or cut it from the strategy.`,
          start: action.start,
          end: action.end,
          related: [
            ...(near ? [nodePlace(near, `closest: ${nodeName(near, 40)} (a guess)`)] : []),
            ...plans.slice(0, 6).map((part) => titlePlace(part, `searched: ${part.title}`)),
          ],
        });
      }
    }
  },
});
