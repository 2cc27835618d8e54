import { defineWorkspaceRule } from '../../workspace/rule.js';
import { pursues } from '../../workspace/exclusions.js';
import type { DocumentPart, Exclusion, TraceNode } from '../../workspace/nodes.js';
import { displayLabel, shortTitle } from './_shared.js';

const CHECKED = new Set(['objective', 'key-result', 'roadmap-item']);

export default defineWorkspaceRule({
  meta: {
    id: 'trace/contradicts-policy',
    family: 'trace',
    description: 'An objective, key result or roadmap item that pursues what a guiding policy (or the strategy’s non-goals) rules out.',
    defaultSeverity: 'warning',
    types: ['okr', 'roadmap', 'strategy'],
    documentLevel: false,
    fixable: false,
    options: {},
    rationale:
      'A policy that says what it rules out ("owner-operated firms first, not enterprise") is only as good as the plans that respect it. A key result to "close five enterprise deals" under that policy tells the team two opposite things, and the plan usually wins. The rule reads what each policy and non-goal rules out (the phrase after "not", "rather than", "instead of", "no longer", "won\'t"…; "this year" and "in 2027" bound it, "yet" and "for now" make it no exclusion) and flags an item that pursues it: every key word of the phrase, unnegated, after a verb of pursuit ("close", "win", "sign", "launch", "build", "hire") or a count, or at the head of a roadmap item ("Enterprise SSO"). Keeping or reducing something ("Keep enterprise churn under 2%", "Refer enterprise contractors to partners") is not pursuing it. It is deliberately conservative: it reads only the strategies a document serves (the one it names, or the only one in the folder).',
    howToFix:
      'Decide which one is right. Either change the item (drop it, or make it serve the policy: "Refer enterprise contractors to certified partners"), or change the policy and say what it rules out now. If it is a deliberate exception, say so in the item ("exception approved by …"), which this rule respects.',
    seeds: [
      { source: '004', quote: 'strategy, at its core, is about choice—specifically, where to play and where not to play' },
      { source: '002', quote: 'who we are building for, what problems we solve end‑to‑end, and what we intentionally ignore' },
    ],
    examples: {
      bad: '---\nstrategy: strategy.md\n---\n\n# Fernhill OKRs, H1 2027\n\n## Objective 1: New firms dispatch on their first day\n\n- KR 1.1: Raise first-day dispatch from 12% to 50% by June 2027\n- KR 1.2: Close five enterprise contractor deals by June 2027\n',
      good: '---\nstrategy: strategy.md\n---\n\n# Fernhill OKRs, H1 2027\n\n## Objective 1: New firms dispatch on their first day\n\n- KR 1.1: Raise first-day dispatch from 12% to 50% by June 2027\n- KR 1.2: Keep enterprise contractor churn below 3% through June 2027\n',
    },
    exampleFolder: {
      file: 'okrs.md',
      others: {
        'strategy.md': '# Fernhill strategy 2027\n\n## Diagnosis\n\nSmall field-service firms churn in their first month because setting up the dispatch board takes two weeks.\n\n## Guiding policy\n\n- **P1.** Owner-operated firms first, not enterprise.\n\n## Coherent actions\n\n1. **A1.** Guided dispatch setup from sign-up to the first scheduled job.\n',
      },
    },
  },
  checkWorkspace({ graph, model, optionsFor, report }) {
    const strategies = graph.docsOfType('strategy');
    for (const part of graph.parts.values()) {
      if (!optionsFor(part.key)) continue;
      const served = servedStrategies(graph.declaredScope(part.key), graph.scope(part.key), strategies, part);
      const exclusions = served.flatMap((strategy) => strategy.exclusions.map((exclusion) => ({ strategy, exclusion })));
      if (exclusions.length === 0) continue;
      const text = model.input(part.key)?.document.text ?? '';
      for (const node of part.nodes) {
        if (!CHECKED.has(node.kind)) continue;
        for (const { strategy, exclusion } of exclusions) {
          if (!applies(exclusion, node)) continue;
          const pursuit = pursues(node.own, exclusion, node.kind !== 'key-result');
          if (!pursuit) continue;
          const policy = exclusion.policy ? graph.nodes.get(exclusion.policy) : undefined;
          const pursued = node.own.slice(pursuit.index, pursuit.end);
          const quoted = /^\p{Lu}\p{Ll}/u.test(pursued) ? pursued.charAt(0).toLowerCase() + pursued.slice(1) : pursued;
          const at = text.indexOf(pursued, node.start);
          const start = at >= 0 && at < node.extentEnd ? at : node.start;
          const line = lineOf(model.input(strategy.key)?.document.lines, exclusion.start);
          const source = policy ? `${displayLabel(policy.label)} “${shortTitle(policy)}”` : 'its non-goals';
          report(part.key, {
            message: `This ${kindName(node)} pursues what the strategy rules out: ${source} (${strategy.key}${line ? `:${line}` : ''}) rules out “${exclusion.phrase}”, and this ${kindName(node)} ${pursuit.how === 'head' ? 'is' : 'would'} “${quoted}”. Change the item or the policy; if it is a deliberate exception, say so in the item.`,
            start,
            end: at >= 0 && at < node.extentEnd ? at + pursued.length : node.end,
            related: [{ doc: strategy.key, start: exclusion.start, end: exclusion.end, message: policy ? `${policy.label} rules out “${exclusion.phrase}”` : `non-goal: “${exclusion.phrase}”` }],
          });
          break;
        }
      }
    }
  },
});

/**
 * The strategies whose exclusions bind a document: those it names (directly or through its OKR
 * set), or — when it names none — the one strategy its folder serves (two make it a guess); a
 * strategy binds its own items.
 */
function servedStrategies(declared: readonly string[], scope: readonly string[], strategies: readonly DocumentPart[], part: DocumentPart): DocumentPart[] {
  if (part.type === 'strategy') return [part];
  const inScope = strategies.filter((strategy) => scope.includes(strategy.key));
  if (declared.length > 0) return inScope;
  return inScope.length === 1 ? inScope : [];
}

/** An exclusion bounded in time binds only items planned in those years; a vague one ("for now") binds nothing. */
function applies(exclusion: Exclusion, node: TraceNode): boolean {
  if (exclusion.time.kind === 'always') return true;
  if (exclusion.time.kind === 'vague' || !node.years) return false;
  return node.years.from <= exclusion.time.to && node.years.to >= exclusion.time.from;
}

function kindName(node: TraceNode): string {
  return node.kind === 'key-result' ? 'key result' : node.kind === 'roadmap-item' ? 'roadmap item' : 'objective';
}

function lineOf(lines: { positionAt(offset: number): { line: number } } | undefined, offset: number): number | null {
  return lines ? lines.positionAt(offset).line + 1 : null;
}
