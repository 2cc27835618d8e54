/** How the map's renderers (Markdown, Mermaid, HTML) name nodes, kinds and links, in one place. */
import type { CarriedOut, MapNode } from '../engine/index.js';

const KIND_LABELS: Readonly<Record<MapNode['kind'], string>> = {
  'diagnosis': 'Diagnosis',
  'policy': 'Guiding policy',
  'action': 'Action',
  'objective': 'Objective',
  'key-result': 'Key result',
  'roadmap-item': 'Roadmap item',
  'decision': 'Decision',
  'release-entry': 'Release',
};

/** "Roadmap item · Next (Q2 2027)", "Release · 2027.2". */
export function kindLabel(node: MapNode): string {
  const detail = node.horizon ?? node.release;
  return detail ? `${KIND_LABELS[node.kind]} · ${detail}` : KIND_LABELS[node.kind];
}

export function short(text: string, length = 70): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/** "P2 Dispatch on the first day", "KR 1.3 Close five…", or the title alone for roadmap items and releases. */
export function nodeLabel(node: MapNode, length = 70): string {
  const label = node.label.replace(/^KR(?=\d)/, 'KR ');
  const own = /^(?:R|E)\d+$/.test(node.label) || node.kind === 'decision' ? '' : `${label} `;
  const title = short(node.title.replace(/^(.{12,}?[.!?])\s.*$/, '$1').replace(/\.$/, ''), length);
  return `${own}${title}`;
}

export function where(node: MapNode, shown: (doc: string) => string = (doc) => doc): string {
  return `${shown(node.doc)}:${node.line}`;
}

/** How an item serves what it serves: `“P1”`, `link to ../strategy.md#…`, `likely, 0.45`, `through KR 1.1`. */
export function linkText(served: CarriedOut['servedBy'][number]): string {
  if (served.through) return served.kind === 'inferred' ? `through ${served.through}, likely ${served.confidence.toFixed(2)}` : `through ${served.through}`;
  return served.kind === 'inferred' ? `likely, ${served.confidence.toFixed(2)}` : served.via;
}

const FLAG_NOTES: Readonly<Record<string, string>> = {
  orphan: 'traced to nothing',
  unplanned: 'planned nowhere',
  contradiction: 'pursues what a policy rules out',
  broken: 'a broken link',
  stale: 'older than its strategy',
};

/** " ⚠ planned nowhere" for a flagged node, else "". */
export function flagNote(node: MapNode): string {
  return node.flags.length > 0 ? ` ⚠ ${node.flags.map((flag) => FLAG_NOTES[flag] ?? flag).join(', ')}` : '';
}

export function flagText(flag: string): string {
  return FLAG_NOTES[flag] ?? flag;
}
