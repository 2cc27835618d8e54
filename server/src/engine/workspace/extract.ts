/**
 * One document's part of the workspace model (nodes.ts), read from its StrategyDocument: the
 * strategy's diagnosis, guiding policies (each bullet, subsection or sentence of the policy) and
 * coherent actions; what the policies and the non-goals rule out; objectives and key results;
 * roadmap items with their horizons; a decision doc as one decision; release entries. With the
 * references each of them writes and the document's own (front matter, intro links).
 */
import type { Link, Nodes, Parents } from 'mdast';
import type { StrategyDocument } from '../model/document.js';
import type { Item } from '../model/items.js';
import type { Section } from '../model/sections.js';
import { textBlockOf, type TextBlock } from '../model/text-block.js';
import { itemTextWithSubItems, KEY_RESULT_LABEL, OBJECTIVE_LABEL } from '../model/items.js';
import { findDates, yearHeadingOf } from '../model/dates.js';
import { splitSentences } from '../text/sentence-split.js';
import { roleBlocks, roleOwner, roleSections } from '../text/kernel.js';
import type { SectionRole } from '../types.js';
import { exclusionsIn } from './exclusions.js';
import { keyTerms } from './terms.js';
import type { DocumentPart, Exclusion, HeadingAnchor, TraceNode, TraceNodeKind, TraceRef } from './nodes.js';
import { normaliseLabel, parseLabelList, labelLeads, resolvePath, splitTarget } from './refs.js';

/** A node's title in messages and the map: its first line, at most this long. */
const TITLE_LENGTH = 90;
/** Sentences of a policy written as prose need this many words to be a policy of their own. */
const MIN_POLICY_WORDS = 4;
/** Front-matter keys that name what a document serves. */
const SERVES_KEYS = ['serves', 'strategy', 'okrs', 'okr', 'objectives', 'parent', 'implements'];
/** Table columns that hold references ("Serves", "Policy", "Strategy", "KR"). */
const REF_COLUMN = /^[^\p{L}]*(?:serves|supports|policy|policies|strategy|traces?(?:\s+to)?|okrs?|krs?|key\s+results?|objectives?|action)[^\p{L}]*$/iu;
/** A leading label that numbers a policy, action or objective ("P2:", "**A3.**", "Policy 2 —", "O1:"). */
const OWN_LABEL = /^[\s*_]*((?:P|GP|A|O|Policy\s?#?|Action\s?#?|Objective\s?#?)\s?\d{1,2})[\s*_]*[:.)—–-](?!\d)/u;

export function extractPart(key: string, doc: StrategyDocument): DocumentPart {
  const nodes: TraceNode[] = [];
  const exclusions: Exclusion[] = [];
  const links = collectLinks(doc, key);
  const title = doc.titleText?.trim() || key.split('/').pop() || key;
  const titleRange = doc.titleRange;
  const lineOf = (offset: number): number => doc.lines.positionAt(offset).line + 1;
  const counters = new Map<TraceNodeKind, number>();

  const add = (kind: TraceNodeKind, text: string, start: number, end: number, extentEnd: number, extra: Partial<TraceNode> = {}): TraceNode => {
    const ordinal = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, ordinal);
    const label = extra.label ?? defaultLabel(kind, ordinal);
    const node: TraceNode = {
      id: `${key}#${kind}:${ordinal}`, kind, doc: key, title: titleOf(text), text: stripRefs(text), own: text,
      label, start, end, extentEnd, line: lineOf(start), terms: keyTerms(stripRefs(text)), refs: [], ...extra,
    };
    node.refs = [...linksIn(links, start, extentEnd), ...labelRefsIn(text, doc.text, start, extentEnd)];
    nodes.push(node);
    return node;
  };

  if (doc.type === 'strategy') {
    const year = strategyYear(doc);
    for (const section of roleSections(doc, 'diagnosis')) {
      const blocks = roleBlocks(doc, section, 'diagnosis');
      add('diagnosis', [section.title, ...blocks.map((b) => b.text)].join(' '), section.titleStart, section.titleEnd, section.end, { title: titleOf(blocks[0]?.text ?? section.title) });
    }
    for (const policy of unitsOf(doc, 'guiding-policy')) {
      const node = add('policy', policy.text, policy.start, policy.end, policy.extentEnd, ownLabel(policy.text, 'P'));
      for (const block of policy.blocks) exclusions.push(...exclusionsIn(block, node.id, year));
    }
    for (const action of unitsOf(doc, 'coherent-actions')) add('action', action.text, action.start, action.end, action.extentEnd, ownLabel(action.text, 'A'));
    for (const nonGoal of unitsOf(doc, 'non-goals')) for (const block of nonGoal.blocks) exclusions.push(...exclusionsIn(block, null, year, true));
  }
  if (doc.type === 'strategy' || doc.type === 'okr') {
    const period = periodOf(doc);
    const objectiveIds = new Map<object, TraceNode>();
    doc.objectives.forEach((objective, index) => {
      const labelled = /^\W*(?:objective\s?#?|O|goal\s?#?)\s?(\d{1,2})\b/i.exec(objective.text);
      const number = labelled ? Number(labelled[1]) : index + 1;
      const extentEnd = objective.item ? endOf(objective.item.node) : objective.section?.end ?? objective.end;
      const node = add('objective', objective.text, objective.start, objective.end, objective.kind === 'heading' ? objective.end : extentEnd, {
        label: `O${number}`, years: yearsIn(objective.text, doc) ?? period,
      });
      // An objective heading's own paragraphs ("Serves: P2" under "## Objective 1: …") are its; its key results' are theirs.
      if (objective.kind === 'heading' && objective.section) {
        for (const block of objective.section.ownBlocks) {
          if (block.type !== 'paragraph') continue;
          const text = textBlockOf('paragraph', block);
          node.refs.push(...linksIn(links, text.start, text.end), ...labelRefsIn(text.text, doc.text, text.start, text.end));
        }
      }
      objectiveIds.set(objective, node);
    });
    const perObjective = new Map<object | null, number>();
    for (const keyResult of doc.keyResults) {
      if (keyResult.standIn) continue;
      const objective = keyResult.objective ? objectiveIds.get(keyResult.objective) : undefined;
      const position = (perObjective.get(keyResult.objective) ?? 0) + 1;
      perObjective.set(keyResult.objective, position);
      const written = keyResult.label ? normaliseLabel(keyResult.label) : null;
      const objectiveNumber = objective ? objective.label.slice(1) : null;
      const label = written && written.includes('.') ? written
        : written && /^KR\d/.test(written) && objectiveNumber ? `KR${objectiveNumber}.${written.slice(2)}`
          : objectiveNumber ? `KR${objectiveNumber}.${position}` : written ?? `KR${position}`;
      add('key-result', itemTextWithSubItems(keyResult.item), keyResult.item.start, keyResult.item.end, endOf(keyResult.item.node), {
        label, own: keyResult.item.text, ...(objective ? { parent: objective.id } : {}), years: yearsIn(keyResult.item.text, doc) ?? period,
        ...(keyResult.item.kind === 'list-item' ? { labelAt: keyResult.item.end } : {}),
      });
    }
  }
  if (doc.type === 'roadmap') {
    for (const entry of doc.roadmapItems) {
      const item = entry.item;
      const horizon = entry.when?.text ?? entry.whenColumn?.text ?? entry.whenSection?.title ?? undefined;
      const years = entry.when && entry.when.kind !== 'horizon' ? { from: entry.when.start.getUTCFullYear(), to: new Date(entry.when.end.getTime() - 1).getUTCFullYear() }
        : entry.when ? { from: entry.when.start.getUTCFullYear(), to: new Date(entry.when.end.getTime() - 1).getUTCFullYear() } : null;
      add('roadmap-item', itemTextWithSubItems(item), item.start, item.end, item.kind === 'line' ? item.end : endOf(item.node), {
        own: item.text, ...(horizon ? { horizon: horizon.trim() } : {}), years,
        ...(item.kind === 'list-item' ? { labelAt: item.end } : {}),
      });
    }
  }
  if (doc.type === 'decision') {
    const decided = (['summary', 'guiding-policy'] as const).flatMap((role: SectionRole) => roleSections(doc, role).flatMap((s) => roleBlocks(doc, s, role)));
    const text = [title, ...(decided.length > 0 ? decided : doc.textBlocks.slice(0, 6)).map((b) => b.text)].join(' ');
    add('decision', text, titleRange.start, titleRange.end, doc.text.length, { title: titleOf(title), label: 'Decision' });
    // The whole document is the decision: every label in it is the decision's.
    const decision = nodes[nodes.length - 1];
    decision.refs = [...linksIn(links, 0, doc.text.length), ...doc.textBlocks.flatMap((block) => labelRefsIn(block.text, doc.text, block.start, block.end))];
  }
  if (doc.type === 'release-notes') {
    for (const entry of doc.releaseEntries) {
      const release = entry.release.version ?? entry.release.date?.text ?? entry.release.section?.title ?? undefined;
      add('release-entry', itemTextWithSubItems(entry.item), entry.item.start, entry.item.end, entry.item.kind === 'line' ? entry.item.end : endOf(entry.item.node), {
        ...(release ? { release } : {}),
      });
    }
  }

  // A term in most of a document's nodes is its boilerplate (a team's name, the product's): it traces nothing.
  dropBoilerplate(nodes);
  // Table rows with a "Serves" or "Policy" column: the cell names what the row serves.
  for (const node of nodes) node.refs.push(...columnRefs(doc, node));
  const inNode = (offset: number): boolean => nodes.some((node) => offset >= node.start && offset < node.extentEnd);
  const docRefs = [...frontMatterRefs(doc, key), ...links.filter((link) => !inNode(link.start))];
  return {
    key, type: doc.type, title, titleStart: titleRange.start, titleEnd: titleRange.end, titleLine: lineOf(titleRange.start),
    nodes, exclusions, docRefs, links, headings: anchorsOf(doc),
    updated: doc.frontMatterDate, frontMatterLine: doc.frontMatter ? lineOf(doc.frontMatter.start) : null,
  };
}

/** A term in this share of one document's nodes (of five or more) is that document's boilerplate. */
const DOCUMENT_COMMON_SHARE = 0.6;

function dropBoilerplate(nodes: TraceNode[]): void {
  if (nodes.length < 5) return;
  const counts = new Map<string, number>();
  for (const node of nodes) for (const stem of node.terms) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const boiler = [...counts.entries()].filter(([, n]) => n / nodes.length >= DOCUMENT_COMMON_SHARE).map(([stem]) => stem);
  if (boiler.length === 0) return;
  for (const node of nodes) {
    if (!boiler.some((stem) => node.terms.has(stem))) continue;
    node.terms = new Set([...node.terms].filter((stem) => !boiler.includes(stem)));
  }
}

function defaultLabel(kind: TraceNodeKind, ordinal: number): string {
  const prefix: Record<TraceNodeKind, string> = {
    'diagnosis': 'D', 'policy': 'P', 'action': 'A', 'objective': 'O', 'key-result': 'KR', 'roadmap-item': 'R', 'decision': 'Decision ', 'release-entry': 'E',
  };
  return `${prefix[kind]}${ordinal}`;
}

function ownLabel(text: string, prefix: 'P' | 'A'): Partial<TraceNode> {
  const match = OWN_LABEL.exec(text);
  if (!match) return {};
  const label = normaliseLabel(match[1]);
  return label && label.startsWith(prefix) ? { label } : {};
}

function titleOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').replace(/^[\s*_#>-]+/, '').replace(OWN_LABEL, '').replace(KEY_RESULT_LABEL, '').replace(OBJECTIVE_LABEL, '')
    .replace(/^[\s*_#>-]+/, '').trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : line;
}

/** The text without its references, so "Serves: P2" adds no terms. */
function stripRefs(text: string): string {
  return text.replace(labelLeads(), ' ').replace(/\b(?:P|GP|A|O)\d{1,2}\b|\bKR\s?\d{1,2}(?:\.\d{1,2})?\b/g, ' ');
}


function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

interface Unit {
  text: string;
  start: number;
  end: number;
  extentEnd: number;
  blocks: TextBlock[];
}

/**
 * The units of a kernel section: its top-level items (a bullet with its sub-bullets), else its
 * subsections that name no role of their own, else the sentences of its prose.
 */
function unitsOf(doc: StrategyDocument, role: SectionRole): Unit[] {
  const units: Unit[] = [];
  for (const section of roleSections(doc, role)) {
    const items = doc.items.filter((item) => item.kind !== 'line' && (item.kind === 'table-row' || item.depth === 0) && item.text.trim() !== ''
      && item.start >= section.start && item.start < section.end && roleOwner(doc, item.section) === section);
    if (items.length > 0) {
      for (const item of items) {
        const blocks = [item.block, ...descendants(item).map((child) => child.block)];
        units.push({ text: itemTextWithSubItems(item), start: item.start, end: item.end, extentEnd: endOf(item.node), blocks });
      }
      continue;
    }
    const children = section.children.filter((child) => child.roles.length === 0);
    if (children.length > 0) {
      for (const child of children) {
        const blocks = [textBlockOf('heading', child.heading), ...doc.sectionBlocks(child)];
        units.push({ text: blocks.map((b) => b.text).join(' '), start: child.titleStart, end: child.titleEnd, extentEnd: child.end, blocks });
      }
      continue;
    }
    for (const block of roleBlocks(doc, section, role)) {
      if (block.kind !== 'paragraph') continue;
      for (const span of splitSentences(block.text)) {
        const sentence = block.slice(span.from, span.to);
        if (sentence.text.split(/\s+/).length < MIN_POLICY_WORDS) continue;
        units.push({ text: sentence.text, start: sentence.start, end: sentence.end, extentEnd: sentence.end, blocks: [sentence] });
      }
    }
  }
  return units;
}

function descendants(item: Item): Item[] {
  return item.children.flatMap((child) => [child, ...descendants(child)]);
}

/** The year "this year" means in a strategy: its title's, else its front-matter date's, else the reference date's. */
function strategyYear(doc: StrategyDocument): number {
  const title = doc.titleText ?? '';
  const dated = findDates(title, doc.dateOptions).find((d) => d.kind !== 'horizon') ?? yearHeadingOf(title);
  if (dated) return dated.start.getUTCFullYear();
  // "Fernhill strategy 2027": a year in the title is the strategy's.
  const years = title.match(/\b20\d{2}\b/g);
  if (years) return Number(years[years.length - 1]);
  return (doc.frontMatterDate ?? doc.referenceDate).getUTCFullYear();
}

/** The years an OKR set covers, from its title ("Payments OKRs, H1 2027"). */
function periodOf(doc: StrategyDocument): { from: number; to: number } | null {
  return yearsIn(doc.titleText ?? '', doc);
}

function yearsIn(text: string, doc: StrategyDocument): { from: number; to: number } | null {
  const dates = findDates(text, doc.dateOptions).filter((d) => d.kind !== 'horizon');
  if (dates.length === 0) return null;
  return {
    from: Math.min(...dates.map((d) => d.start.getUTCFullYear())),
    to: Math.max(...dates.map((d) => new Date(d.end.getTime() - 1).getUTCFullYear())),
  };
}


/** Every Markdown link to a document or heading (not to a web page, an image or a mail address). */
function collectLinks(doc: StrategyDocument, key: string): TraceRef[] {
  const found: TraceRef[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link') {
      const ref = linkRef(node, key);
      if (ref) found.push(ref);
    }
    if (node.type === 'code' || node.type === 'html') return;
    if ('children' in node) for (const child of (node as Parents).children as Nodes[]) visit(child);
  };
  visit(doc.root);
  return found;
}

function linkRef(link: Link, key: string): TraceRef | null {
  const target = splitTarget(link.url);
  if (!target) return null;
  const start = link.position?.start.offset ?? 0;
  const end = link.position?.end.offset ?? start;
  const text = link.children.map((child) => ('value' in child ? String(child.value) : '')).join('').trim();
  const label = normaliseLabel(text) ?? undefined;
  const path = target.path ? resolvePath(key, target.path) : key;
  return { via: 'link', raw: link.url, path, ...(target.fragment ? { fragment: target.fragment } : {}), ...(label ? { label } : {}), start, end };
}

function linksIn(links: readonly TraceRef[], start: number, end: number): TraceRef[] {
  return links.filter((link) => link.start >= start && link.start < end);
}

/**
 * `Serves: P2`, `(→ KR 1.2)`, `Supports: A1 and A3` in a node's text, each placed on where it is
 * written in the source between `start` and `end` (the node's extent).
 */
function labelRefsIn(text: string, source: string, start: number, end: number): TraceRef[] {
  const refs: TraceRef[] = [];
  const leads = labelLeads();
  let cursor = start;
  let match: RegExpExecArray | null;
  while ((match = leads.exec(text)) !== null) {
    for (const label of parseLabelList(text.slice(match.index + match[0].length))) {
      const at = source.indexOf(label.raw, cursor);
      const found = at >= 0 && at + label.raw.length <= end;
      refs.push({ via: 'label', raw: label.raw, label: label.label, start: found ? at : start, end: found ? at + label.raw.length : start });
      if (found) cursor = at + label.raw.length;
    }
  }
  return refs;
}

/** References in a "Serves" / "Policy" / "KR" column of the node's table row. */
function columnRefs(doc: StrategyDocument, node: TraceNode): TraceRef[] {
  const item = doc.items.find((candidate) => candidate.kind === 'table-row' && candidate.start === node.start);
  if (!item?.header || !item.cells) return [];
  const refs: TraceRef[] = [];
  item.header.forEach((name, column) => {
    if (!REF_COLUMN.test(name) || item.column === column) return;
    const cell = item.cells![column];
    if (!cell) return;
    for (const label of parseLabelList(cell.text)) refs.push({ via: 'label', raw: label.raw, label: label.label, start: cell.start, end: cell.end });
  });
  return refs;
}

/** `serves:`, `strategy:`, `okrs:` in front matter: paths (with an anchor) or labels. */
function frontMatterRefs(doc: StrategyDocument, key: string): TraceRef[] {
  if (!doc.frontMatter) return [];
  const refs: TraceRef[] = [];
  const block = doc.text.slice(doc.frontMatter.start, doc.frontMatter.end);
  for (const name of SERVES_KEYS) {
    const value = doc.frontMatterValue(name);
    const values = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    if (values.length === 0) continue;
    const keyLine = new RegExp(`^[ \\t]*${name}[ \\t]*[:=]`, 'm').exec(block);
    const start = doc.frontMatter.start + (keyLine?.index ?? 0);
    const end = start + (keyLine ? block.indexOf('\n', keyLine.index) - keyLine.index : 0);
    for (const raw of values.slice(0, 50)) {
      const target = /\.(?:md|markdown|mdown|mkd)\b|[/#]/i.test(raw) ? splitTarget(raw.trim()) : null;
      if (target) {
        const label = target.fragment ? normaliseLabel(target.fragment) ?? undefined : undefined;
        refs.push({ via: 'front-matter', raw, path: target.path ? resolvePath(key, target.path) : key, ...(target.fragment ? { fragment: target.fragment } : {}), ...(label ? { label } : {}), start, end: Math.max(start, end) });
      } else {
        for (const label of parseLabelList(raw)) refs.push({ via: 'front-matter', raw, label: label.label, start, end: Math.max(start, end) });
      }
    }
  }
  return refs;
}

/** GitHub's heading anchors: lower-cased, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(doc: StrategyDocument): HeadingAnchor[] {
  const seen = new Map<string, number>();
  return doc.sections.map((section: Section) => {
    const base = slugOf(section.title);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return {
      slug: count === 0 ? base : `${base}-${count}`, title: section.title, start: section.titleStart, end: section.titleEnd,
      sectionStart: section.start, sectionEnd: section.end, line: doc.lines.positionAt(section.titleStart).line + 1,
    };
  });
}

function slugOf(title: string): string {
  return title.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
}
