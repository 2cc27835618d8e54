/**
 * Parsing by chunks (see chunks.ts) with a cache of each chunk's tree by its text: after an edit,
 * only the chunk that changed is parsed again; the trees of the others are copied with their
 * positions moved to where the chunk now starts. Equal to `parseMarkdown(text)` node for node.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { parseMarkdown } from '../model/parse.js';
import { candidateChunks, safeEnding, type Chunk } from './chunks.js';

interface ParsedChunk {
  /** Tree of the chunk parsed on its own: offsets from the chunk's start, lines from 1. Never handed out. */
  root: Root;
  /** Whether the chunk can end where it does (else it is merged with the next one). */
  safe: boolean;
  /** Nodes in the tree (for the cache's size accounting). */
  size: number;
}

/** After this many merges in a row, the rest of the document is parsed as one chunk. */
const MAX_MERGES = 3;

export class ChunkedParser {
  /** Parsed chunks by text, least recently used first. */
  private readonly cache = new Map<string, ParsedChunk>();
  private cachedChars = 0;

  /**
   * @param budget Most characters of chunk text kept (the trees are a few times larger); chunks
   * of the latest document are kept even over the budget.
   */
  constructor(private readonly budget = 1_000_000) {}

  parse(text: string): Root {
    // By section: lint() parses each text once or a few times (fix passes), so chunks only need
    // to be small enough for an edit to leave most of them alone; a session cuts finer.
    const chunks = candidateChunks(text, { headingsOnly: true });
    if (chunks.length === 1) return parseMarkdown(text);
    const children: RootContent[] = [];
    const used = new Set<string>();
    let first: ParsedChunk | null = null;
    let last: { parsed: ParsedChunk; chunk: Chunk } | null = null;
    for (let i = 0; i < chunks.length;) {
      let chunk = chunks[i];
      let j = i + 1;
      let parsed = this.get(chunk.text, used);
      let merges = 0;
      while (j < chunks.length && !parsed.safe) {
        const to = ++merges >= MAX_MERGES ? chunks.length : j + 1;
        chunk = { start: chunk.start, line: chunk.line, text: text.slice(chunk.start, to < chunks.length ? chunks[to].start : text.length) };
        j = to;
        parsed = this.get(chunk.text, used);
      }
      first ??= parsed;
      for (const node of parsed.root.children) children.push(cloneShifted(node, chunk.start, chunk.line));
      last = { parsed, chunk };
      i = j;
    }
    this.evict(used);
    const end = last!.parsed.root.position!.end;
    return {
      type: 'root',
      children,
      position: {
        start: { ...first!.root.position!.start },
        end: shiftPoint(end, last!.chunk.start, last!.chunk.line),
      },
    };
  }

  /** Drop everything (a closed document). */
  clear(): void {
    this.cache.clear();
    this.cachedChars = 0;
  }

  private get(text: string, used: Set<string>): ParsedChunk {
    used.add(text);
    let parsed = this.cache.get(text);
    if (parsed) {
      this.cache.delete(text); // most recently used goes last
    } else {
      const root = parseMarkdown(text);
      parsed = { root, safe: safeEnding(root, text), size: 0 };
      this.cachedChars += text.length;
    }
    this.cache.set(text, parsed);
    return parsed;
  }

  private evict(used: Set<string>): void {
    if (this.cachedChars <= this.budget) return;
    for (const key of this.cache.keys()) {
      if (this.cachedChars <= this.budget) break;
      if (used.has(key)) continue;
      this.cache.delete(key);
      this.cachedChars -= key.length;
    }
  }
}

function shiftPoint(point: Point, offset: number, line: number): Point {
  const shifted: Point = { line: point.line + line, column: point.column };
  if (point.offset !== undefined) shifted.offset = point.offset + offset;
  return shifted;
}

/** A deep copy of a chunk's node with its positions moved by `offset` characters and `line` lines. */
function cloneShifted<T extends Nodes>(node: T, offset: number, line: number): T {
  const copy: Record<string, unknown> = {};
  for (const key in node) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (key === 'position') {
      const position = value as Position | undefined;
      copy.position = position
        ? { start: shiftPoint(position.start, offset, line), end: shiftPoint(position.end, offset, line) }
        : position;
    } else if (key === 'children') {
      copy.children = (value as Nodes[]).map((child) => cloneShifted(child, offset, line));
    } else {
      copy[key] = cloneValue(value);
    }
  }
  return copy as T;
}

function cloneValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneValue);
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = cloneValue((value as Record<string, unknown>)[key]);
  return copy;
}

/** The parser lint() uses: chunks of recently linted documents stay cached between lints. */
export const sharedParser = new ChunkedParser();
