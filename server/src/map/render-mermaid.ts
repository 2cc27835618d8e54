/**
 * The strategy map as a Mermaid flowchart (`strategy-lint map --format mermaid`), to paste into a
 * GitHub issue or README inside a ```mermaid fence: one column per layer (diagnosis → policies →
 * actions → objectives and key results → roadmap items → releases), solid arrows for written
 * links, dotted ones with their confidence for inferred ones, a red dotted link from a policy to
 * what pursues what it rules out, and orphans, unplanned actions and contradictions coloured.
 */
import type { StrategyMap } from '../engine/index.js';
import { nodeLabel } from './describe.js';

/** Mermaid text inside `["…"]`: quotes and markup characters as entity codes, one line. */
function label(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[#"<>{}[\]|`]/g, (c) => `#${c.charCodeAt(0)};`);
}

export function renderMapMermaid(map: StrategyMap): string {
  const ids = new Map(map.nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ['flowchart LR'];
  lines.push(
    '  classDef orphan fill:#fde2e1,stroke:#c62828,stroke-width:2px,color:#1f2328',
    '  classDef unplanned fill:#fff4ce,stroke:#9a6700,stroke-width:2px,color:#1f2328',
    '  classDef contradiction fill:#fde2e1,stroke:#c62828,stroke-width:3px,stroke-dasharray:5 3,color:#1f2328',
    '  classDef broken fill:#f6f8fa,stroke:#9a6700,stroke-dasharray:3 3,color:#1f2328',
  );
  map.layers.forEach((title, layer) => {
    const members = map.nodes.filter((node) => node.layer === layer);
    if (members.length === 0) return;
    lines.push(`  subgraph L${layer}["${label(title)}"]`, '    direction TB');
    for (const node of members) lines.push(`    ${ids.get(node.id)}["${label(nodeLabel(node, 48))}"]`);
    lines.push('  end');
  });
  // Links are numbered in the order they are written: linkStyle colours the conflicts by number.
  let links = 0;
  for (const edge of map.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    lines.push(edge.kind === 'inferred' ? `  ${from} -.->|"likely ${edge.confidence.toFixed(2)}"| ${to}` : `  ${from} --> ${to}`);
    links++;
  }
  const conflicts: number[] = [];
  for (const conflict of map.conflicts) {
    const from = conflict.policy ? ids.get(conflict.policy) : undefined;
    const to = ids.get(conflict.item);
    if (!from || !to) continue;
    lines.push(`  ${from} -.->|"rules out ${label(conflict.phrase)}"| ${to}`);
    conflicts.push(links++);
  }
  if (conflicts.length > 0) lines.push(`  linkStyle ${conflicts.join(',')} stroke:#c62828,stroke-width:2px,color:#c62828`);
  for (const flag of ['orphan', 'unplanned', 'contradiction', 'broken'] as const) {
    const flagged = map.nodes.filter((node) => node.flags.includes(flag) && !(flag === 'broken' && node.flags.length > 1)).map((node) => ids.get(node.id));
    if (flagged.length > 0) lines.push(`  class ${flagged.join(',')} ${flag}`);
  }
  return `${lines.join('\n')}\n`;
}
