import { defineWorkspaceRule } from '../../workspace/rule.js';
import type { DocumentPart } from '../../workspace/nodes.js';
import type { TraceGraph } from '../../workspace/resolve.js';
import type { WorkspaceModel } from '../../workspace/model.js';
import { isoDate } from '../../model/dates.js';
import { titlePlace } from './_shared.js';

/** Changes within a day of each other are one change. */
const DAY_MS = 24 * 60 * 60 * 1000;

export default defineWorkspaceRule({
  meta: {
    id: 'trace/stale-after-strategy',
    family: 'trace',
    description: 'A roadmap or OKR set last updated before the strategy it serves was changed.',
    defaultSeverity: 'information',
    types: ['roadmap', 'okr'],
    documentLevel: true,
    fixable: false,
    options: {},
    rationale:
      'When the strategy changes, the plans that carry it out have to be read again: a roadmap last touched before the new policy was written still carries out the old one. The rule compares the date a roadmap or OKR set was last updated with the date the strategy it names changed — front-matter `updated:` (or `last_updated:`, `date:`) first, else the last commit that touched the file when the folder is a git repository. Without either date it says once that it skipped the check. Only a strategy the document names (front matter, a link, a `Serves:` label) counts; a guessed one never does.',
    howToFix:
      'Read the roadmap or OKR set against the changed strategy: drop or relabel what no longer serves it, add what the new policy asks for, then set `updated:` to today.',
    seeds: [
      { source: '000', quote: 'update the roadmap before every release' },
      { source: '001', quote: 'living documents' },
    ],
    examples: {
      bad: '---\nserves: strategy.md\nupdated: 2026-08-01\n---\n\n# Fernhill roadmap\n\n## Now\n\n- **Guided dispatch setup** — new firms stall on an empty board. Serves: A1\n',
      good: '---\nserves: strategy.md\nupdated: 2026-11-10\n---\n\n# Fernhill roadmap\n\n## Now\n\n- **Guided dispatch setup** — new firms stall on an empty board. Serves: A1\n',
    },
    exampleFolder: {
      file: 'roadmap.md',
      others: {
        'strategy.md': '---\nupdated: 2026-10-20\n---\n\n# Fernhill strategy\n\n## Diagnosis\n\nSmall field-service firms churn in their first month because setting up the dispatch board takes two weeks.\n\n## Guiding policy\n\n- **P1.** First-day dispatch for owner-operated firms, not enterprise contractors.\n\n## Coherent actions\n\n1. **A1.** Guided dispatch setup from sign-up to the first scheduled job.\n',
      },
    },
  },
  checkWorkspace({ graph, model, optionsFor, report, note }) {
    let undated = 0;
    for (const part of graph.parts.values()) {
      if ((part.type !== 'roadmap' && part.type !== 'okr') || !optionsFor(part.key)) continue;
      const strategies = namedStrategies(graph, part);
      if (strategies.length === 0) continue;
      const own = dateOf(model, part);
      for (const strategy of strategies) {
        const changed = dateOf(model, strategy);
        if (!own || !changed) {
          undated++;
          continue;
        }
        if (changed.date.getTime() - own.date.getTime() < DAY_MS) continue;
        const what = part.type === 'roadmap' ? 'roadmap' : 'OKR set';
        report(part.key, {
          message: `This ${what} was last updated on ${isoDate(own.date)} (${own.source}), before the strategy it serves changed on ${isoDate(changed.date)} (${strategy.key}, ${changed.source}). Read it against the strategy — drop or relabel what no longer serves it — then update its date.`,
          start: part.titleStart,
          end: part.titleEnd,
          related: [titlePlace(strategy, `changed on ${isoDate(changed.date)}: ${strategy.title}`)],
        });
        break;
      }
    }
    if (undated > 0) {
      const history = model.options.history === 'git' ? 'no commit of the file either'
        : model.options.history === 'unavailable' ? 'git dates were skipped (git is not available here, as in the web extension)' : 'no git history was read';
      note(`trace/stale-after-strategy skipped ${undated} roadmap or OKR document${undated === 1 ? '' : 's'}: no front-matter date (updated:) and ${history}.`);
    }
  },
});

/** The strategies a document names: in its front matter or links, or as the documents of the policies and actions it labels. */
function namedStrategies(graph: TraceGraph, part: DocumentPart): DocumentPart[] {
  const keys = new Set(graph.declaredScope(part.key).filter((key) => graph.part(key)?.type === 'strategy'));
  for (const node of part.nodes) {
    for (const link of graph.outgoing(node.id)) {
      if (link.kind !== 'explicit') continue;
      const doc = link.to.startsWith('doc:') ? link.to.slice(4) : graph.nodes.get(link.to)?.doc;
      if (doc && graph.part(doc)?.type === 'strategy') keys.add(doc);
    }
  }
  return [...keys].map((key) => graph.part(key)!).filter((p) => p && p.key !== part.key);
}

function dateOf(model: WorkspaceModel, part: DocumentPart): { date: Date; source: string } | null {
  if (part.updated) return { date: part.updated, source: 'front matter' };
  const committed = model.input(part.key)?.lastCommitted;
  return committed ? { date: committed, source: 'last commit' } : null;
}
