/**
 * What the trace/* rules share: whether a node traces to what it should serve, how nodes and
 * documents are named in messages, and where a finding's related places go.
 */
import type { DocumentPart, TraceNode, TraceNodeKind } from '../../workspace/nodes.js';
import { isLikely, type TraceGraph, type TraceLink } from '../../workspace/resolve.js';
import { wordsOf } from '../../workspace/terms.js';
import type { WorkspaceRelated } from '../../workspace/rule.js';

/** Does the link reach something of these kinds (or a strategy or OKR document as a whole, or an ambiguous label)? */
export function reaches(graph: TraceGraph, link: TraceLink, kinds: readonly TraceNodeKind[]): boolean {
  if (link.to === 'doc:*') return true;
  if (link.to.startsWith('doc:')) {
    const type = graph.part(link.to.slice(4))?.type;
    return type === 'strategy' || (type === 'okr' && (kinds.includes('objective') || kinds.includes('key-result')));
  }
  const target = graph.nodes.get(link.to);
  return target !== undefined && kinds.includes(target.kind);
}

/** The links by which a node (or, for a key result, its objective) serves something of these kinds, certain or likely. */
export function tracesOf(graph: TraceGraph, node: TraceNode, kinds: readonly TraceNodeKind[]): TraceLink[] {
  const own = graph.outgoing(node.id).filter((link) => link.kind !== 'structural' && isLikely(link) && reaches(graph, link, kinds));
  if (own.length > 0 || !node.parent) return own;
  return graph.outgoing(node.parent).filter((link) => link.kind !== 'structural' && isLikely(link) && reaches(graph, link, kinds));
}

/** The best inferred link below the trace threshold, a candidate a writer may confirm. */
export function candidateOf(graph: TraceGraph, node: TraceNode, kinds: readonly TraceNodeKind[]): TraceLink | null {
  const links = [...graph.outgoing(node.id), ...(node.parent ? graph.outgoing(node.parent) : [])]
    .filter((link) => link.kind === 'inferred' && reaches(graph, link, kinds))
    .sort((a, b) => b.confidence - a.confidence);
  return links[0] ?? null;
}

/** `P2 “Owner-operated firms first…”`. */
export function nodeName(node: TraceNode, length = 60): string {
  const title = shortTitle(node, length);
  const label = /^(?:R|E)\d+$/.test(node.label) || node.kind === 'decision' ? '' : `${displayLabel(node.label)} `;
  return `${label}“${title}”`;
}

/** A node's title cut at its first sentence or at `length`. */
export function shortTitle(node: TraceNode, length = 60): string {
  const sentence = /^(.{12,}?[.!?])\s/.exec(node.title)?.[1] ?? node.title;
  const title = sentence.replace(/[.]$/, '');
  return title.length > length ? `${title.slice(0, length - 1).trimEnd()}…` : title;
}

/** "KR1.2" as people write it: "KR 1.2". */
export function displayLabel(label: string): string {
  return label.replace(/^KR(?=\d)/, 'KR ');
}

/** `strategy.md:14`. */
export function where(node: Pick<TraceNode, 'doc' | 'line'>): string {
  return `${node.doc}:${node.line}`;
}

/** The words of a node's text that carry these stems, as written ("onboarding" for "onboard"). */
export function wordsFor(node: TraceNode, stems: readonly string[]): string[] {
  const words = wordsOf(node.text);
  return stems.map((stem) => words.find((word) => word.stem === stem)?.lower ?? stem);
}

/** "a, b and c". */
export function joinWords(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** A related place on a document's title. */
export function titlePlace(part: DocumentPart, message: string): WorkspaceRelated {
  return { doc: part.key, start: part.titleStart, end: part.titleEnd, message };
}

/** A related place on a node. */
export function nodePlace(node: TraceNode, message: string): WorkspaceRelated {
  return { doc: node.doc, start: node.start, end: node.end, message };
}

/** The heading a node sits under (its section), as a related place: "the guiding policy of strategy.md". */
export function headingPlace(part: DocumentPart, node: TraceNode, message: string): WorkspaceRelated {
  const heading = [...part.headings].reverse().find((h) => h.start <= node.start && node.start < h.sectionEnd);
  return heading ? { doc: part.key, start: heading.start, end: heading.end, message } : titlePlace(part, message);
}

/** Strategies and OKR sets in a document's scope that hold something to trace to. */
export function scopeParts(graph: TraceGraph, doc: string): DocumentPart[] {
  return graph.scope(doc).map((key) => graph.part(key)).filter((part): part is DocumentPart => part !== undefined);
}

/** Relative path from one workspace document to another ("../strategy.md"). */
export function relativePath(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
