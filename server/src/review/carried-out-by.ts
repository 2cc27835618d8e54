/**
 * "Carried out by", the review's section for a strategy memo read with the documents around it:
 * for each guiding policy and coherent action, the roadmap items, objectives, key results,
 * decisions and releases that trace to it (from the strategy map), and those that pursue what it
 * rules out. JSON-serialisable, like the rest of the review.
 */
import type { StrategyMap } from '../engine/index.js';
import { kindLabel, linkText, nodeLabel } from '../map/describe.js';

export interface CarriedOutItem {
  /** "Roadmap item · Q2 2027", "Key result". */
  kind: string;
  text: string;
  /** The document as the reader knows it, and the line. */
  file: string;
  line: number;
  /** How it traces: `“P1”`, `likely, 0.45`, `through KR 1.1: …`. */
  link: string;
  /** Set for an item that pursues what the policy rules out (trace/contradicts-policy). */
  conflict?: boolean;
}

export interface CarriedOutEntry {
  kind: 'policy' | 'action';
  label: string;
  text: string;
  line: number;
  /** "planned nowhere" for an unplanned action. */
  flags: string[];
  items: CarriedOutItem[];
}

export interface CarriedOutBy {
  /** How many other documents were read. */
  documents: number;
  entries: CarriedOutEntry[];
}

/** The section for document `doc` of the map, or null when the map has no policy or action of it. */
export function carriedOutBy(map: StrategyMap, doc: string, shown: (key: string) => string = (key) => key): CarriedOutBy | null {
  const nodes = new Map(map.nodes.map((node) => [node.id, node]));
  const entries: CarriedOutEntry[] = [];
  for (const entry of map.carriedOut) {
    const node = nodes.get(entry.node);
    if (!node || node.doc !== doc || (node.kind !== 'policy' && node.kind !== 'action')) continue;
    const items: CarriedOutItem[] = entry.servedBy.flatMap((served) => {
      const by = nodes.get(served.node);
      return by ? [{ kind: kindLabel(by), text: nodeLabel(by, 90), file: shown(by.doc), line: by.line, link: linkText(served) }] : [];
    });
    for (const conflict of map.conflicts.filter((c) => c.policy === node.id)) {
      const item = nodes.get(conflict.item);
      if (item) items.push({ kind: kindLabel(item), text: nodeLabel(item, 90), file: shown(item.doc), line: item.line, link: `pursues “${conflict.phrase}”, which it rules out`, conflict: true });
    }
    entries.push({
      kind: node.kind, label: node.label, text: nodeLabel(node, 90).replace(/^[PA]\d+ /, ''), line: node.line,
      flags: node.flags.map((flag) => (flag === 'unplanned' ? 'planned nowhere' : flag)), items,
    });
  }
  if (entries.length === 0) return null;
  return { documents: map.documents.filter((d) => d.key !== doc).length, entries };
}
