import { defineWorkspaceRule } from '../../workspace/rule.js';
import { describeRef } from '../../workspace/resolve.js';
import { titlePlace } from './_shared.js';

export default defineWorkspaceRule({
  meta: {
    id: 'trace/broken-link',
    family: 'trace',
    description: 'A link or label that names a strategy, policy, action or key result that does not exist.',
    defaultSeverity: 'warning',
    types: ['strategy', 'okr', 'roadmap', 'decision', 'release-notes', 'update'],
    documentLevel: false,
    fixable: false,
    options: {},
    rationale:
      'A trace is only as good as its links. A link to a heading that was renamed (`strategy.md#guiding-policies`), a `Serves: P7` when the strategy has four policies, or a front-matter `strategy:` naming a file that moved all look like traces and trace nothing: the reader who follows them lands nowhere, and the item they label is silently orphaned. Headings are matched the way GitHub makes anchors; a link to a file outside the folder, to a web page or to a document the linter does not read is never reported.',
    howToFix:
      'Point the link at the heading as it is now (the message lists the document’s headings), or the label at a policy, action or key result that exists (the message lists them). If the target was removed on purpose, relabel the item with what it serves now.',
    seeds: [
      { source: '002', quote: 'I map each guiding policy to a small number of initiatives with owners, milestones, and outcome metrics' },
    ],
    examples: {
      bad: '---\nserves: strategy.md\n---\n\n# Fernhill roadmap\n\n## Now\n\n- **Guided dispatch setup** — new firms stall on an empty board. Serves: A7\n',
      good: '---\nserves: strategy.md\n---\n\n# Fernhill roadmap\n\n## Now\n\n- **Guided dispatch setup** — new firms stall on an empty board. Serves: A1\n',
    },
    exampleFolder: {
      file: 'roadmap.md',
      others: {
        'strategy.md': '# Fernhill strategy\n\n## Diagnosis\n\nSmall field-service firms churn in their first month because setting up the dispatch board takes two weeks.\n\n## Guiding policy\n\n- **P1.** First-day dispatch for owner-operated firms, not enterprise contractors.\n\n## Coherent actions\n\n1. **A1.** Guided dispatch setup from sign-up to the first scheduled job.\n',
      },
    },
  },
  checkWorkspace({ graph, optionsFor, report }) {
    const seen = new Set<string>();
    for (const broken of graph.broken) {
      if (!optionsFor(broken.doc)) continue;
      const key = `${broken.doc}\u0000${broken.ref.start}\u0000${broken.ref.raw}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const target = broken.target ? graph.part(broken.target) : undefined;
      report(broken.doc, {
        message: `${capitalise(describeRef(broken.ref))} names nothing: ${broken.reason}. Point it at what exists, or relabel what it should serve.`,
        start: broken.ref.start,
        end: broken.ref.end,
        related: target ? [titlePlace(target, `meant for: ${target.title}`)] : [],
      });
    }
  },
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
