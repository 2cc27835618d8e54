/**
 * Markdown → mdast with exact source offsets, via unified + remark-parse (+ GFM tables and task
 * lists, + YAML front matter). The processor is built once: it is the hot path of every lint.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseYaml } from 'yaml';
import type { Nodes, Parents, Root, Yaml } from 'mdast';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export interface FrontMatter {
  /** Parsed YAML mapping, or null when the block is empty, not a mapping, or not YAML. */
  data: Record<string, unknown> | null;
  /** Why the block could not be read, for a clear message; undefined when it parsed. */
  error?: string;
  start: number;
  end: number;
}

export function parseMarkdown(text: string): Root {
  // micromark drops a byte-order mark, which would shift every offset by one: parse without it
  // and move the positions back onto the real text.
  if (text.charCodeAt(0) !== 0xfeff) return processor.parse(text) as Root;
  const root = processor.parse(text.slice(1)) as Root;
  const shift = (node: Nodes): void => {
    for (const point of [node.position?.start, node.position?.end]) {
      if (!point) continue;
      if (point.offset !== undefined) point.offset += 1;
      if (point.line === 1) point.column += 1;
    }
    if ('children' in node) for (const child of (node as Parents).children as Nodes[]) shift(child);
  };
  shift(root);
  return root;
}

export function readFrontMatter(root: Root): FrontMatter | null {
  const first = root.children[0];
  if (!first || first.type !== 'yaml') return null;
  const node = first as Yaml;
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? 0;
  try {
    const data: unknown = parseYaml(node.value, { maxAliasCount: 50 });
    if (data === null || data === undefined) return { data: null, start, end };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: null, error: 'front matter is not a YAML mapping', start, end };
    }
    return { data: data as Record<string, unknown>, start, end };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { data: null, error: `front matter is not valid YAML: ${reason}`, start, end };
  }
}
