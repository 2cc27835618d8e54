/**
 * The links between the parts of a workspace: explicit ones first (Markdown links to a document
 * or heading, front-matter `serves:` / `strategy:`, `Serves: P2` labels, a "Serves" column), then
 * inferred ones from shared key terms, weighed by how rare each term is in the workspace (a term
 * every document uses links nothing) and scored by cosine similarity — a confidence, never
 * presented as certain. Also the references that name nothing (trace/broken-link), and which
 * strategies and OKR sets each document serves (its scope).
 */
import type { DocType } from '../types.js';
import type { DocumentPart, TraceNode, TraceNodeKind, TraceRef } from './nodes.js';
import { normaliseLabel } from './refs.js';

export interface TraceLink {
  /** The node that serves (a roadmap item, a key result). */
  from: string;
  /** The node it serves, or `doc:<key>` for a whole document or a section of it. */
  to: string;
  kind: 'explicit' | 'inferred' | 'structural';
  /** 1 for explicit and structural links; for inferred ones the similarity of their key terms (0–1). */
  confidence: number;
  /** How it was found, in words ("Serves: P2", "link to strategy.md#guiding-policy", "shared terms"). */
  via: string;
  /** For inferred links: the key stems both share. */
  shared?: string[];
  /** For an explicit link: the reference it was read from. */
  ref?: TraceRef;
  /** For a link to a section (`doc:`): the heading. */
  section?: string;
}

interface BrokenRef {
  doc: string;
  ref: TraceRef;
  /** Why it names nothing, for the message. */
  reason: string;
  /** The document it was meant for, when that exists (its title line is a related place). */
  target?: string;
}

/** An inferred link counts as a trace from this confidence on (with two shared terms at least). */
const LIKELY = 0.2;
/** Below LIKELY and from this on, an inferred link is a candidate: a quick fix may propose it, nothing counts it. */
const POSSIBLE = 0.1;
/** A term in more than this share of the workspace's nodes (with enough nodes) is boilerplate. */
const COMMON_SHARE = 0.25;
/** Inferred links kept per node, best first. */
const MAX_INFERRED = 3;

interface ResolveOptions {
  /** Does a file exist at this workspace path (a document not in the model)? Without it, a link to an unknown document is not reported. */
  fileExists?: (path: string) => boolean;
}

export class TraceGraph {
  readonly nodes = new Map<string, TraceNode>();
  readonly links: TraceLink[] = [];
  readonly broken: BrokenRef[] = [];
  private readonly outgoingLinks = new Map<string, TraceLink[]>();
  private readonly incomingLinks = new Map<string, TraceLink[]>();
  private readonly scopes = new Map<string, string[]>();
  private readonly declared = new Map<string, string[]>();
  private readonly linkIndex = new Map<string, TraceLink>();

  constructor(readonly parts: ReadonlyMap<string, DocumentPart>, options: ResolveOptions = {}) {
    for (const part of parts.values()) for (const node of part.nodes) this.nodes.set(node.id, node);
    const labels = labelIndex(parts);
    for (const part of parts.values()) this.declared.set(part.key, this.declaredDocs(part));
    for (const part of parts.values()) this.scopes.set(part.key, this.scopeClosure(part.key));
    for (const part of parts.values()) this.resolveExplicit(part, labels, options);
    this.inferLinks();
    for (const link of this.links) {
      push(this.outgoingLinks, link.from, link);
      push(this.incomingLinks, link.to, link);
    }
  }

  part(key: string): DocumentPart | undefined {
    return this.parts.get(key);
  }

  outgoing(id: string): readonly TraceLink[] {
    return this.outgoingLinks.get(id) ?? [];
  }

  incoming(id: string): readonly TraceLink[] {
    return this.incomingLinks.get(id) ?? [];
  }

  /** The strategy and OKR documents a document declares it serves (front matter, links in its text), directly. */
  declaredScope(key: string): readonly string[] {
    return this.declared.get(key) ?? [];
  }

  /**
   * The strategies and OKR sets a document serves: those it declares and, through an OKR set it
   * declares, that set's strategy; all of them when it declares none.
   */
  scope(key: string): readonly string[] {
    return this.scopes.get(key) ?? [];
  }

  /**
   * Does the document name a strategy or OKR set that is not among the documents read (a link or
   * front-matter value to a file that is missing, or outside the folder)? Its items serve what the
   * model cannot see.
   */
  namesUnseenStrategy(key: string): boolean {
    const part = this.parts.get(key);
    return !!part && part.docRefs.some((ref) => ref.path !== undefined && ref.path !== key && !this.parts.has(ref.path)
      && (ref.via === 'front-matter' || /strateg|okr|objective|polic|vision/i.test(ref.raw)));
  }

  /**
   * The folder a document's strategy lives in: the deepest folder holding the document and the
   * strategies and OKR sets it serves ("" for the workspace root). Term rarity is measured among
   * its documents, and the editor's strategy map of the document shows them.
   */
  strategyFolder(key: string): string {
    return commonFolder([key, ...this.scope(key)]);
  }

  docsOfType(type: DocType): DocumentPart[] {
    return [...this.parts.values()].filter((part) => part.type === type);
  }

  private declaredDocs(part: DocumentPart): string[] {
    const found = new Set<string>();
    for (const ref of [...part.docRefs, ...part.nodes.flatMap((node) => node.refs)]) {
      const target = ref.path !== undefined ? this.parts.get(ref.path) : undefined;
      if (target && target.key !== part.key && (target.type === 'strategy' || target.type === 'okr')) found.add(target.key);
    }
    return [...found];
  }

  private scopeClosure(key: string): string[] {
    const declared = this.declared.get(key) ?? [];
    if (declared.length === 0) return this.nearestScope(key);
    const found = new Set<string>();
    const visit = (doc: string): void => {
      if (found.has(doc) || doc === key) return;
      found.add(doc);
      const part = this.parts.get(doc);
      if (part?.type === 'okr') for (const next of this.declared.get(doc) ?? []) visit(next);
    };
    declared.forEach(visit);
    return [...found];
  }

  /**
   * The scope of a document that names no strategy: from its folder up, the first folder whose
   * tree holds a strategy; there, the strategies nearest to that folder (a team's folder beside
   * another team's is not read) and every OKR set of the tree. Without a strategy anywhere above,
   * the OKR sets of the nearest folder that has some.
   */
  private nearestScope(key: string): string[] {
    const others = [...this.parts.values()].filter((p) => p.key !== key && (p.type === 'strategy' || p.type === 'okr'));
    for (let dir = folderOf(key); ; dir = parentFolder(dir)) {
      const inside = others.filter((p) => isInside(p.key, dir));
      const strategies = inside.filter((p) => p.type === 'strategy');
      const okrs = inside.filter((p) => p.type === 'okr');
      if (strategies.length > 0) {
        const depth = (k: string): number => k.slice(dir.length).split('/').filter(Boolean).length;
        const nearest = Math.min(...strategies.map((p) => depth(p.key)));
        return [...strategies.filter((p) => depth(p.key) === nearest), ...okrs].map((p) => p.key);
      }
      if (dir === '' || dir === '/') {
        const anyOkrs = others.filter((p) => p.type === 'okr');
        if (anyOkrs.length === 0) return [];
        for (let up = folderOf(key); ; up = parentFolder(up)) {
          const near = anyOkrs.filter((p) => isInside(p.key, up));
          if (near.length > 0 || up === '' || up === '/') return near.map((p) => p.key);
        }
      }
    }
  }

  private add(link: TraceLink): void {
    if (link.from === link.to) return;
    const key = `${link.from}\u0000${link.to}`;
    const existing = this.linkIndex.get(key);
    if (existing) {
      if (existing.kind === 'inferred' && link.kind !== 'inferred') Object.assign(existing, link);
      return;
    }
    this.linkIndex.set(key, link);
    this.links.push(link);
  }

  private resolveExplicit(part: DocumentPart, labels: LabelIndex, options: ResolveOptions): void {
    const servable = part.nodes.filter((node) => node.kind === 'roadmap-item' || node.kind === 'objective' || node.kind === 'key-result' || node.kind === 'decision');
    // Front matter that names a node (`serves: strategy.md#p2`) speaks for every item of the document.
    for (const ref of part.docRefs) {
      const resolved = this.resolveRef(part, ref, labels, options);
      if (resolved.kind === 'nodes' && ref.via === 'front-matter') {
        for (const node of servable) for (const target of resolved.nodes) this.add({ from: node.id, to: target.id, kind: 'explicit', confidence: 1, via: `front matter: ${ref.raw}`, ref });
      }
    }
    for (const node of part.nodes) {
      for (const ref of node.refs) {
        const resolved = this.resolveRef(part, ref, labels, options);
        if (resolved.kind === 'nodes') {
          for (const target of resolved.nodes) this.add({ from: node.id, to: target.id, kind: 'explicit', confidence: 1, via: describeRef(ref), ref });
        } else if (resolved.kind === 'doc') {
          this.add({ from: node.id, to: `doc:${resolved.doc}`, kind: 'explicit', confidence: 1, via: describeRef(ref), ref, ...(resolved.section ? { section: resolved.section } : {}) });
        }
      }
      if (node.parent) this.add({ from: node.id, to: node.parent, kind: 'structural', confidence: 1, via: 'its objective' });
    }
    // A policy answers its strategy's diagnosis.
    const diagnoses = part.nodes.filter((node) => node.kind === 'diagnosis');
    for (const policy of part.nodes.filter((node) => node.kind === 'policy')) {
      for (const diagnosis of diagnoses) this.add({ from: policy.id, to: diagnosis.id, kind: 'structural', confidence: 1, via: 'the strategy’s diagnosis' });
    }
  }

  /** What a reference names: nodes, a document or a section of it, nothing to report, or nothing at all (broken). */
  private resolveRef(part: DocumentPart, ref: TraceRef, labels: LabelIndex, options: ResolveOptions): Resolved {
    if (ref.path !== undefined) {
      const target = this.parts.get(ref.path);
      if (!target) {
        if (ref.path === part.key) return { kind: 'none' };
        if (ref.path.startsWith('..') || options.fileExists === undefined || options.fileExists(ref.path)) return { kind: 'none' };
        if (!isTracingRef(ref)) return { kind: 'none' };
        this.broken.push({ doc: part.key, ref, reason: `${ref.path} does not exist` });
        return { kind: 'broken' };
      }
      if (ref.fragment) {
        const anchor = target.headings.find((heading) => heading.slug === ref.fragment);
        if (!anchor) {
          const asLabel = fragmentLabel(ref.fragment);
          const byLabel = asLabel ? labels.get(target.key)?.get(asLabel) : undefined;
          if (byLabel && byLabel.length > 0) return { kind: 'nodes', nodes: byLabel };
          // Anchors GitHub makes for HTML ids (`<a id="p2">`) are not headings; only a strategy or OKR set is checked.
          if (target.type === 'generic') return { kind: 'none' };
          const headings = target.headings.filter((h) => h.line !== target.titleLine).slice(0, 6).map((h) => `“${h.title}”`);
          this.broken.push({ doc: part.key, ref, target: target.key, reason: `${target.key} has no heading “#${ref.fragment}”${headings.length > 0 ? ` (its headings: ${headings.join(', ')}${target.headings.length > 7 ? ', …' : ''})` : ''}` });
          return { kind: 'broken' };
        }
        const inside = target.nodes.filter((node) => node.start >= anchor.sectionStart && node.start < anchor.sectionEnd && node.kind !== 'diagnosis');
        const own = inside.find((node) => node.start === anchor.start);
        if (own) return { kind: 'nodes', nodes: [own] };
        if (ref.label) {
          const named = inside.filter((node) => sameLabel(node, ref.label!));
          if (named.length > 0) return { kind: 'nodes', nodes: named };
        }
        if (inside.length === 1) return { kind: 'nodes', nodes: inside };
        return { kind: 'doc', doc: target.key, section: anchor.title };
      }
      if (ref.label) {
        const named = labels.get(target.key)?.get(ref.label);
        if (named && named.length > 0) return { kind: 'nodes', nodes: named };
      }
      return target.key === part.key ? { kind: 'none' } : { kind: 'doc', doc: target.key };
    }
    if (!ref.label) return { kind: 'none' };
    // A bare label: in the documents this one serves, or in itself (a strategy's own key results).
    const scope = [...this.scope(part.key), part.key].filter((key) => this.parts.get(key)?.type === 'strategy' || this.parts.get(key)?.type === 'okr' || key === part.key);
    const matches = scope.flatMap((key) => labels.get(key)?.get(ref.label!) ?? []).filter((node) => node.doc !== part.key || node.kind === 'policy' || node.kind === 'action' || node.kind === 'objective');
    const docs = new Set(matches.map((node) => node.doc));
    if (docs.size === 1) return { kind: 'nodes', nodes: matches };
    if (docs.size > 1) return { kind: 'doc', doc: '*' };
    const targets = scope.filter((key) => key !== part.key).map((key) => this.parts.get(key)!).filter(Boolean);
    if (targets.length === 0) return { kind: 'none' };
    const kind = kindOfLabel(ref.label);
    const holders = targets.filter((t) => t.nodes.some((node) => node.kind === kind));
    const described = (holders.length > 0 ? holders : targets).slice(0, 3).map((t) => {
      const own = t.nodes.filter((node) => node.kind === kind).map((node) => node.label);
      return own.length > 0 ? `${t.key} has ${own.length > 6 ? `${own.slice(0, 6).join(', ')}, …` : own.join(', ')}` : `${t.key} has no ${kindPlural(kind)}`;
    });
    this.broken.push({ doc: part.key, ref, reason: `no ${kindName(kind)} is labelled ${ref.label} (${described.join('; ')})`, ...(holders[0] ? { target: holders[0].key } : {}) });
    return { kind: 'broken' };
  }

  /**
   * Links from shared key terms, weighed by rarity: roadmap items, key results, objectives,
   * decisions and release entries to what they serve, actions to their policies. Scored as the
   * cosine of IDF-weighted term sets, through an inverted index (term → the nodes that can be
   * served), with one scratch array of scores for all sources: linear in the postings read.
   */
  private inferLinks(): void {
    const all = [...this.nodes.values()];
    const terms = new Map(all.map((node) => [node.id, node.terms]));
    // How rare a term is, among the documents of the folder a document's strategy lives in: the
    // same folder gives the same links whether it is linted alone or inside a larger workspace.
    const rarity = new Map<string, { weights: Map<string, number>; norms: Map<string, number> }>();
    const rarityIn = (root: string): { weights: Map<string, number>; norms: Map<string, number> } => {
      let found = rarity.get(root);
      if (found) return found;
      const members = all.filter((node) => isInside(node.doc, root));
      const df = new Map<string, number>();
      for (const node of members) for (const stem of terms.get(node.id)!) df.set(stem, (df.get(stem) ?? 0) + 1);
      const total = members.length;
      const weights = new Map<string, number>();
      for (const [stem, count] of df) weights.set(stem, total >= 12 && count / total > COMMON_SHARE ? 0 : Math.log(1 + total / count));
      rarity.set(root, (found = { weights, norms: new Map() }));
      return found;
    };
    const normIn = (measure: { weights: Map<string, number>; norms: Map<string, number> }, node: TraceNode): number => {
      let value = measure.norms.get(node.id);
      if (value === undefined) {
        let sum = 0;
        for (const stem of terms.get(node.id)!) sum += (measure.weights.get(stem) ?? 0) ** 2;
        measure.norms.set(node.id, (value = Math.sqrt(sum)));
      }
      return value;
    };
    const roots = new Map<string, string>();
    const rootOf = (doc: string): string => {
      let root = roots.get(doc);
      if (root === undefined) roots.set(doc, (root = this.strategyFolder(doc)));
      return root;
    };
    // Which kinds a node may be inferred to serve, and in which documents (worked out once per document and kind).
    const roadmaps = [...this.parts.values()].filter((p) => p.type === 'roadmap').map((p) => p.key);
    const wantedBy = new Map<string, { kinds: ReadonlySet<TraceNodeKind>; docs: ReadonlySet<string> } | null>();
    const targetsOf = (node: TraceNode): { kinds: ReadonlySet<TraceNodeKind>; docs: ReadonlySet<string> } | null => {
      const key = `${node.doc}\u0000${node.kind}`;
      if (wantedBy.has(key)) return wantedBy.get(key)!;
      const scope = this.scope(node.doc);
      const strategies = scope.filter((doc) => this.parts.get(doc)?.type === 'strategy');
      const wanted = ((): { kinds: TraceNodeKind[]; docs: string[] } | null => {
        switch (node.kind) {
          case 'roadmap-item': return { kinds: ['policy', 'action', 'objective', 'key-result'], docs: [...scope] };
          case 'key-result':
          case 'objective': return { kinds: ['policy', 'action'], docs: [...strategies, ...(this.parts.get(node.doc)?.type === 'strategy' ? [node.doc] : [])] };
          case 'decision': return { kinds: ['policy', 'action'], docs: strategies };
          case 'release-entry': return { kinds: ['roadmap-item', 'action', 'key-result'], docs: [...roadmaps, ...scope] };
          case 'action': return { kinds: ['policy'], docs: [node.doc] };
          default: return null;
        }
      })();
      const entry = wanted && wanted.docs.length > 0 ? { kinds: new Set(wanted.kinds), docs: new Set(wanted.docs) } : null;
      wantedBy.set(key, entry);
      return entry;
    };
    // The nodes that can be served, numbered; postings by term, roadmap items apart (only release entries look for them).
    const targets = all.filter((node) => node.kind !== 'diagnosis' && node.kind !== 'release-entry' && node.kind !== 'decision');
    const strategic = new Map<string, number[]>();
    const planned = new Map<string, number[]>();
    targets.forEach((node, index) => {
      const postings = node.kind === 'roadmap-item' ? planned : strategic;
      for (const stem of terms.get(node.id)!) push(postings, stem, index);
    });
    const scores = new Float64Array(targets.length);
    const shared: Array<string[] | undefined> = new Array(targets.length);
    for (const source of all) {
      const wanted = targetsOf(source);
      if (!wanted) continue;
      const { docs, kinds } = wanted;
      const measure = rarityIn(rootOf(source.doc));
      const lists = kinds.has('roadmap-item') ? [strategic, planned] : [strategic];
      const touched: number[] = [];
      for (const stem of terms.get(source.id)!) {
        const w = measure.weights.get(stem) ?? 0;
        if (w === 0) continue;
        for (const postings of lists) {
          for (const index of postings.get(stem) ?? []) {
            const target = targets[index];
            if (target.id === source.id || !kinds.has(target.kind) || !docs.has(target.doc)) continue;
            if (shared[index] === undefined) {
              shared[index] = [];
              touched.push(index);
            }
            scores[index] += w * w;
            shared[index]!.push(stem);
          }
        }
      }
      if (touched.length === 0) continue;
      const sourceNorm = normIn(measure, source) || 1;
      const scored = touched.map((index) => ({ index, confidence: scores[index] / (sourceNorm * (normIn(measure, targets[index]) || 1)), shared: shared[index]! }))
        .filter((entry) => entry.confidence >= POSSIBLE)
        .sort((a, b) => b.confidence - a.confidence || (targets[a.index].id < targets[b.index].id ? -1 : 1))
        .slice(0, MAX_INFERRED);
      for (const entry of scored) {
        this.add({ from: source.id, to: targets[entry.index].id, kind: 'inferred', confidence: Math.min(0.99, Math.round(entry.confidence * 100) / 100), via: 'shared key terms', shared: entry.shared.sort() });
      }
      for (const index of touched) {
        scores[index] = 0;
        shared[index] = undefined;
      }
    }
  }
}

/** Does an inferred link count as a trace? Likely, and resting on two key terms at least. */
export function isLikely(link: TraceLink): boolean {
  return link.kind !== 'inferred' || (link.confidence >= LIKELY && (link.shared?.length ?? 0) >= 2);
}

type Resolved = { kind: 'nodes'; nodes: TraceNode[] } | { kind: 'doc'; doc: string; section?: string } | { kind: 'none' } | { kind: 'broken' };

type LabelIndex = Map<string, Map<string, TraceNode[]>>;

/** Each part's labels, kept with the part: only the part of a changed document is indexed again. */
const partLabels = new WeakMap<DocumentPart, Map<string, TraceNode[]>>();

function labelIndex(parts: ReadonlyMap<string, DocumentPart>): LabelIndex {
  const index: LabelIndex = new Map();
  for (const part of parts.values()) {
    const known = partLabels.get(part);
    if (known) {
      index.set(part.key, known);
      continue;
    }
    const labels = new Map<string, TraceNode[]>();
    const objectives = part.nodes.filter((node) => node.kind === 'objective');
    for (const node of part.nodes) {
      const keys = new Set([node.label]);
      // "KR2" names the second key result of the only objective.
      if (node.kind === 'key-result' && objectives.length <= 1) keys.add(node.label.replace(/^KR\d+\./, 'KR'));
      for (const key of keys) push(labels, key, node);
    }
    partLabels.set(part, labels);
    index.set(part.key, labels);
  }
  return index;
}

/** An anchor that names a label rather than a heading ("#p2", "#a2-offline-app", "#kr-1-2"): the label. */
function fragmentLabel(fragment: string): string | null {
  const match = /^(p|gp|a|o|d|kr)-?(\d{1,2})(?:[-.](\d{1,2}))?(?=-|$)/.exec(fragment);
  if (!match) return null;
  const prefix = match[1] === 'gp' ? 'P' : match[1].toUpperCase();
  return normaliseLabel(`${prefix}${match[2]}${prefix === 'KR' && match[3] ? `.${match[3]}` : ''}`);
}

function sameLabel(node: TraceNode, label: string): boolean {
  return node.label === label || (node.kind === 'key-result' && node.label.replace(/^KR\d+\./, 'KR') === label);
}

function kindOfLabel(label: string): TraceNodeKind {
  if (label.startsWith('KR')) return 'key-result';
  return ({ P: 'policy', A: 'action', O: 'objective', D: 'diagnosis' } as Record<string, TraceNodeKind>)[label[0]] ?? 'policy';
}

function kindName(kind: TraceNodeKind): string {
  return { 'policy': 'guiding policy', 'action': 'coherent action', 'objective': 'objective', 'key-result': 'key result', 'diagnosis': 'diagnosis' }[kind as string] ?? kind;
}

function kindPlural(kind: TraceNodeKind): string {
  return { 'policy': 'labelled policies', 'action': 'labelled actions', 'objective': 'objectives', 'key-result': 'key results', 'diagnosis': 'diagnosis' }[kind as string] ?? kind;
}

/** A link that names a strategy, a policy or a key result: only those are trace/broken-link's business. */
function isTracingRef(ref: TraceRef): boolean {
  return ref.via !== 'link' || ref.label !== undefined || ref.fragment !== undefined
    || /strateg|polic|okr|objective|key[-_ ]?result|\bkrs?\b|action|vision|roadmap|decision|adr|rfc|goal|plan/i.test(`${ref.raw}`);
}

export function describeRef(ref: TraceRef): string {
  if (ref.via === 'label') return `“${ref.raw}”`;
  if (ref.via === 'front-matter') return `front matter “${ref.raw}”`;
  return `link to ${ref.raw}`;
}

/** The folder of a workspace key ("docs/okrs" for "docs/okrs/2027.md"; "" at the root). */
function folderOf(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? '' : slash === 0 ? '/' : key.slice(0, slash);
}

/** The deepest folder that holds all these keys ("" for the workspace root). */
function commonFolder(keys: readonly string[]): string {
  let folder = folderOf(keys[0] ?? '');
  while (folder !== '' && folder !== '/' && !keys.every((key) => isInside(key, folder))) folder = parentFolder(folder);
  return folder;
}

function parentFolder(dir: string): string {
  if (dir === '' || dir === '/') return dir;
  return folderOf(dir);
}

export function isInside(key: string, dir: string): boolean {
  return dir === '' || key.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
