/**
 * The pieces of the workspace model. Each document contributes a DocumentPart: the nodes it
 * holds (a strategy's diagnosis, policies and actions; objectives and key results; roadmap
 * items; a decision; release entries), what its policies rule out, the references it writes
 * (Markdown links, `Serves: P2` labels, front-matter `serves:` / `strategy:`), its headings and
 * its date. Parts are built from one document each (extract.ts), so editing a document rebuilds
 * only its part; the links between parts are resolved over all of them (resolve.ts).
 */
import type { DocType } from '../types.js';

export type TraceNodeKind = 'diagnosis' | 'policy' | 'action' | 'objective' | 'key-result' | 'roadmap-item' | 'decision' | 'release-entry';

/** Kinds a roadmap item or key result traces to. */
const SERVED_KINDS: readonly TraceNodeKind[] = ['policy', 'action', 'objective', 'key-result'];

const KIND_NAMES: Readonly<Record<TraceNodeKind, string>> = {
  'diagnosis': 'diagnosis',
  'policy': 'guiding policy',
  'action': 'coherent action',
  'objective': 'objective',
  'key-result': 'key result',
  'roadmap-item': 'roadmap item',
  'decision': 'decision',
  'release-entry': 'release entry',
};

/** A reference written in a document: where, and what it names. */
export interface TraceRef {
  via: 'link' | 'label' | 'front-matter';
  /** As written ("strategy.md#guiding-policy", "P2", "KR 1.2"). */
  raw: string;
  /** A document path, resolved against the referring document (workspace-relative, `/`-separated). */
  path?: string;
  /** The heading anchor after `#`, decoded and lower-cased. */
  fragment?: string;
  /** A node label ("P2", "A3", "O1", "KR 1.2"), normalised. */
  label?: string;
  /** Source range of the reference (for a front-matter value: the front matter's key line). */
  start: number;
  end: number;
}

/** What a policy, or a non-goal, rules out: the words after "not", "rather than", "instead of"… */
export interface Exclusion {
  /** The phrase as written ("enterprise", "custom integrations"). */
  phrase: string;
  /** Its key stems, in order (all must appear in a pursuing item). */
  stems: string[];
  /** Source range of the phrase. */
  start: number;
  end: number;
  /** The policy node that states it, or null for an item of a non-goals section. */
  policy: string | null;
  /**
   * When it applies: always; in some years ("this year", "in 2027"); or for a while that cannot be
   * placed ("yet", "for now", "until we …"), which never makes a contradiction.
   */
  time: { kind: 'always' } | { kind: 'years'; from: number; to: number } | { kind: 'vague' };
}

export interface TraceNode {
  /** Unique in the workspace: `${doc}#${kind}:${ordinal}`. */
  id: string;
  kind: TraceNodeKind;
  doc: string;
  /** "P2", "A3", "O1", "KR 1.2"; "R4" for roadmap items, "D1" for a diagnosis. */
  label: string;
  /** One line of its text, for messages and the map. */
  title: string;
  /** The whole text its terms are read from (an item with its sub-items). */
  text: string;
  /** Its own text, without sub-items (what a contradiction is read from). */
  own: string;
  /** Where a finding about it goes (its own text), and its whole extent (sub-items included). */
  start: number;
  end: number;
  extentEnd: number;
  line: number;
  /** Its key terms (terms.ts), without its document's boilerplate (a term in most of the document's nodes). */
  terms: ReadonlySet<string>;
  /** For a key result: its objective's id. */
  parent?: string;
  /** For a roadmap item: when it is planned ("Now", "Q2 2027"). */
  horizon?: string;
  /** For a roadmap item, objective or key result: the years it is planned in, when known. */
  years?: { from: number; to: number } | null;
  /** For a release entry: the release ("2.4.0", "March 2027"). */
  release?: string;
  /** References written in the node's own text or sub-items. */
  refs: TraceRef[];
  /** For a roadmap item in a list: where a `Serves:` label goes (the end of its first line). */
  labelAt?: number;
}

export interface HeadingAnchor {
  slug: string;
  title: string;
  start: number;
  end: number;
  /** The section's extent. */
  sectionStart: number;
  sectionEnd: number;
  line: number;
}

export interface DocumentPart {
  key: string;
  type: DocType;
  title: string;
  /** Where the title is (document-level findings go there). */
  titleStart: number;
  titleEnd: number;
  titleLine: number;
  nodes: TraceNode[];
  exclusions: Exclusion[];
  /** References outside any node: front matter, the intro ("This roadmap serves [our strategy](strategy.md)"). */
  docRefs: TraceRef[];
  /** Every Markdown link to another document or a heading, wherever it is (for trace/broken-link). */
  links: TraceRef[];
  headings: HeadingAnchor[];
  /** Front-matter `updated:` / `last_updated:` / `date:`, when set. */
  updated: Date | null;
  /** Line of the front matter's first line, for findings about its values. */
  frontMatterLine: number | null;
}
