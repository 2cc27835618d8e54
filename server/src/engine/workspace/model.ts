/**
 * The workspace model: every document the linter knows in a folder or workspace, as parts
 * (extract.ts) and the links between them (resolve.ts). Pure: the caller supplies each
 * document's model (a StrategyDocument, as lint() returns it) and, when it knows them, the date
 * each file was last committed and whether a file exists.
 *
 * Incremental: `set` rebuilds the part of the one document that changed (a document model it
 * has seen keeps its part), and the links are resolved again on the next read, over the parts —
 * the cheap step (an inverted index of key terms), measured in `npm run bench`.
 */
import type { StrategyDocument } from '../model/document.js';
import type { ConfigLayer } from '../config/types.js';
import { extractPart } from './extract.js';
import type { DocumentPart } from './nodes.js';
import { TraceGraph } from './resolve.js';

/** Types whose dates trace/stale-after-strategy compares. */
const DATED_TYPES: ReadonlySet<string> = new Set(['strategy', 'roadmap', 'okr']);

/**
 * The documents trace/stale-after-strategy may need a commit date for: a strategy, roadmap or OKR
 * set whose front matter gives no date. None unless the documents hold a strategy and a roadmap or
 * OKR set to compare, so a lone memo costs no git process. The CLI and the language server both
 * ask git for exactly these.
 */
export function undatedForHistory<T>(entries: readonly T[], documentOf: (entry: T) => StrategyDocument): T[] {
  const types = new Set(entries.map((entry) => documentOf(entry).type));
  if (!types.has('strategy') || !(types.has('roadmap') || types.has('okr'))) return [];
  return entries.filter((entry) => {
    const document = documentOf(entry);
    return DATED_TYPES.has(document.type) && document.frontMatterDate === null;
  });
}

export interface WorkspaceDocumentInput {
  document: StrategyDocument;
  /** The configuration the document was linted with (LintResult.layers: settings, config files, its front matter). */
  layers?: readonly ConfigLayer[];
  /** When version control last changed the file (git), for trace/stale-after-strategy when front matter has no date. */
  lastCommitted?: Date | null;
}

export interface WorkspaceOptions {
  /** Does a file exist at this workspace path? Lets trace/broken-link report links to documents that are not there. */
  fileExists?: (path: string) => boolean;
  /**
   * Whether the caller read commit dates (git) — without them, a document without front-matter
   * dates is not judged stale. `unavailable`: git cannot be run at all here (the web extension).
   */
  history?: 'git' | 'none' | 'unavailable';
}

interface Entry {
  input: WorkspaceDocumentInput;
  part: DocumentPart;
}

export class WorkspaceModel {
  private readonly entries = new Map<string, Entry>();
  private cachedGraph: TraceGraph | null = null;
  /** How many parts were (re)built: a test and the bench read it. */
  extractions = 0;

  constructor(readonly options: WorkspaceOptions = {}) {}

  /**
   * Add or replace a document, by its key: a path relative to the workspace with `/` (links are
   * resolved against it), or any other unique name for documents outside it.
   */
  set(key: string, input: WorkspaceDocumentInput): void {
    const existing = this.entries.get(key);
    if (existing && existing.input.document === input.document) {
      existing.input = input;
      return;
    }
    this.extractions++;
    this.entries.set(key, { input, part: extractPart(key, input.document) });
    this.cachedGraph = null;
  }

  delete(key: string): boolean {
    const removed = this.entries.delete(key);
    if (removed) this.cachedGraph = null;
    return removed;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  get size(): number {
    return this.entries.size;
  }

  input(key: string): WorkspaceDocumentInput | undefined {
    return this.entries.get(key)?.input;
  }

  /** The parts and their links, resolved now if a document changed since the last read. */
  get graph(): TraceGraph {
    if (!this.cachedGraph) {
      const parts = new Map<string, DocumentPart>();
      for (const [key, entry] of [...this.entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) parts.set(key, entry.part);
      this.cachedGraph = new TraceGraph(parts, { fileExists: this.options.fileExists });
    }
    return this.cachedGraph;
  }
}
