/**
 * The strategy map: the workspace as layers — diagnosis → policies → actions (and decisions) →
 * objectives and key results → roadmap items → releases — with the links between them and the
 * trace/* findings on them. JSON-serialisable; the CLI prints it as Markdown, JSON or Mermaid,
 * the editor draws it in a webview, and the review of a strategy takes its "Carried out by" from
 * it. Inferred links are shown only when likely, always with their confidence.
 */
import type { DocType, Finding, Severity } from '../types.js';
import type { TraceNode, TraceNodeKind } from './nodes.js';
import { isInside, isLikely, type TraceGraph, type TraceLink } from './resolve.js';

export const MAP_VERSION = 1;

export const LAYERS = ['Diagnosis', 'Guiding policies', 'Actions and decisions', 'Objectives and key results', 'Roadmap items', 'Releases'] as const;

const LAYER_OF: Readonly<Record<TraceNodeKind, number>> = {
  'diagnosis': 0, 'policy': 1, 'action': 2, 'decision': 2, 'objective': 3, 'key-result': 3, 'roadmap-item': 4, 'release-entry': 5,
};

type MapFlag = 'orphan' | 'unplanned' | 'contradiction' | 'broken' | 'stale';

const FLAG_OF: Readonly<Record<string, MapFlag>> = {
  'trace/orphan-item': 'orphan',
  'trace/unplanned-action': 'unplanned',
  'trace/contradicts-policy': 'contradiction',
  'trace/broken-link': 'broken',
  'trace/stale-after-strategy': 'stale',
};

interface MapDocument {
  key: string;
  type: DocType;
  title: string;
  line: number;
}

export interface MapNode {
  id: string;
  kind: TraceNodeKind;
  layer: number;
  doc: string;
  line: number;
  label: string;
  title: string;
  horizon?: string;
  release?: string;
  flags: MapFlag[];
}

export interface MapEdge {
  /** The node served (nearer the diagnosis), and the node that serves it. */
  from: string;
  to: string;
  kind: TraceLink['kind'];
  confidence: number;
  via: string;
}

export interface MapFinding {
  ruleId: string;
  severity: Severity;
  doc: string;
  line: number;
  column: number;
  message: string;
  /** The node it is about, when it is on one. */
  node?: string;
  related: Array<{ doc: string; line: number; message: string }>;
}

/** What carries out one policy or action: the nodes that serve it, directly or through others. */
export interface CarriedOut {
  node: string;
  /** Served directly (a label, a link, a likely match) or through another node ("through A2"). */
  servedBy: Array<{ node: string; via: string; kind: TraceLink['kind']; confidence: number; through?: string }>;
}

/** An item that pursues what a policy rules out (trace/contradicts-policy), drawn as a link of its own. */
interface MapConflict {
  /** The policy (or, for a non-goal, null) and the item. */
  policy: string | null;
  item: string;
  /** What the policy rules out ("enterprise"). */
  phrase: string;
}

export interface StrategyMap {
  version: typeof MAP_VERSION;
  documents: MapDocument[];
  layers: readonly string[];
  nodes: MapNode[];
  edges: MapEdge[];
  findings: MapFinding[];
  /** For each policy and action, what carries it out. */
  carriedOut: CarriedOut[];
  conflicts: MapConflict[];
}

export interface StrategyMapOptions {
  /** Only the documents in this folder of the workspace ("strategy-map"; "" or absent: all). */
  folder?: string;
}

/** The map of a workspace (or of one folder of it): its graph, and the findings lintWorkspace gave each document. */
export function buildStrategyMap(graph: TraceGraph, allFindings: ReadonlyMap<string, readonly Finding[]>, options: StrategyMapOptions = {}): StrategyMap {
  const folder = options.folder ?? '';
  const inMap = (doc: string): boolean => isInside(doc, folder);
  const findings = new Map([...allFindings].filter(([doc]) => inMap(doc)));
  const documents: MapDocument[] = [...graph.parts.values()]
    .filter((part) => part.type !== 'generic' && part.type !== 'update' && inMap(part.key))
    .map((part) => ({ key: part.key, type: part.type, title: part.title, line: part.titleLine }));
  const nodes: MapNode[] = [];
  const byId = new Map<string, MapNode>();
  for (const node of graph.nodes.values()) {
    if (!inMap(node.doc)) continue;
    const mapped: MapNode = {
      id: node.id, kind: node.kind, layer: LAYER_OF[node.kind], doc: node.doc, line: node.line, label: node.label, title: node.title,
      ...(node.horizon ? { horizon: node.horizon } : {}), ...(node.release ? { release: node.release } : {}), flags: [],
    };
    nodes.push(mapped);
    byId.set(node.id, mapped);
  }
  const mapFindings: MapFinding[] = [];
  const conflicts: MapConflict[] = [];
  for (const [doc, list] of findings) {
    const part = graph.part(doc);
    for (const finding of list) {
      if (!finding.ruleId.startsWith('trace/')) continue;
      const on = part?.nodes.find((node) => finding.start >= node.start && finding.start < Math.max(node.extentEnd, node.end + 1));
      const flag = FLAG_OF[finding.ruleId];
      if (on && flag) {
        const mapped = byId.get(on.id)!;
        if (!mapped.flags.includes(flag)) mapped.flags.push(flag);
      }
      if (finding.ruleId === 'trace/contradicts-policy' && on) {
        const place = finding.related?.[0];
        const policyDoc = place ? graph.part(place.file ?? doc) : undefined;
        const policy = place && policyDoc?.nodes.find((node) => node.kind === 'policy' && place.start >= node.start && place.start < node.extentEnd);
        const phrase = /“([^”]+)”/.exec(place?.message ?? "")?.[1] ?? "";
        conflicts.push({ policy: policy ? policy.id : null, item: on.id, phrase });
      }
      mapFindings.push({
        ruleId: finding.ruleId, severity: finding.severity, doc, line: finding.line, column: finding.column, message: finding.message,
        ...(on ? { node: on.id } : {}),
        related: (finding.related ?? []).map((place) => ({ doc: place.file ?? doc, line: place.line, message: place.message })),
      });
    }
  }
  const edges: MapEdge[] = graph.links
    .filter((link) => !link.to.startsWith('doc:') && isLikely(link) && byId.has(link.to) && byId.has(link.from))
    .map((link) => ({ from: link.to, to: link.from, kind: link.kind, confidence: link.confidence, via: link.via }));
  const carried = carriedOut(graph).filter((entry) => byId.has(entry.node)).map((entry) => ({ ...entry, servedBy: entry.servedBy.filter((served) => byId.has(served.node)) }));
  return { version: MAP_VERSION, documents, layers: LAYERS, nodes, edges, findings: mapFindings, carriedOut: carried, conflicts };
}

/**
 * For each policy and action: the nodes that serve it — directly, or through a node that serves
 * it (a key result through its objective, a roadmap item through a key result, a release through
 * a roadmap item). Only certain and likely links count.
 */
function carriedOut(graph: TraceGraph): CarriedOut[] {
  const result: CarriedOut[] = [];
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'policy' && node.kind !== 'action') continue;
    const servedBy: CarriedOut['servedBy'] = [];
    const seen = new Set<string>([node.id]);
    const queue: Array<{ id: string; through?: string }> = [{ id: node.id }];
    while (queue.length > 0) {
      const { id, through } = queue.shift()!;
      for (const link of graph.incoming(id)) {
        const from = graph.nodes.get(link.from);
        if (!from || seen.has(from.id) || !isLikely(link) || from.kind === 'policy' || from.kind === 'diagnosis') continue;
        // Actions carry out policies; an action does not carry out another action.
        if (node.kind === 'action' && from.kind === 'action') continue;
        seen.add(from.id);
        servedBy.push({ node: from.id, via: link.via, kind: link.kind, confidence: link.confidence, ...(through ? { through } : {}) });
        // What serves a node that serves the root serves the root through it ("through KR 1.1").
        queue.push({ id: from.id, through: displayLabel(from) });
      }
    }
    result.push({ node: node.id, servedBy });
  }
  return result;
}

function displayLabel(node: TraceNode): string {
  return /^(?:R|E)\d+$/.test(node.label) ? `“${node.title.length > 40 ? `${node.title.slice(0, 39)}…` : node.title}”` : node.label.replace(/^KR(?=\d)/, 'KR ');
}
