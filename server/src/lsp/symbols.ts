/**
 * Document symbols as the strategic skeleton (Outline view, breadcrumbs, Go to Symbol): the
 * document type as the root ("Strategy memo"), sections labelled with their role ("Diagnosis —
 * Where we are"), objectives with their key results, roadmap horizons with their items, and
 * releases with their entries.
 */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult, SectionRole } from '../engine/index.js';
import type { Section } from '../engine/model/sections.js';
import type { Item } from '../engine/model/items.js';
import { DOC_TYPE_LABELS, ROLE_INFO } from '../engine/vocabulary.js';
import { rangeOf } from './diagnostics.js';

const MAX_NAME = 70;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').replace(/[*_`]/g, '').trim();
  return flat.length > MAX_NAME ? `${flat.slice(0, MAX_NAME - 1).trimEnd()}…` : flat || '(untitled)';
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

interface Node { symbol: DocumentSymbol; start: number; end: number }

export function provideDocumentSymbols(document: TextDocument, result: Pick<LintResult, 'document' | 'docType'>): DocumentSymbol[] {
  const doc = result.document;
  const text = document.getText();
  const range = (start: number, end: number): Range => rangeOf(document, start, end);
  // The last section's end is the text's end: trim trailing whitespace for tidy ranges.
  const contentEnd = text.replace(/\s+$/, '').length;

  const sectionNodes: Array<Node & { section: Section }> = [];
  const sectionSymbol = (section: Section, label?: string): DocumentSymbol => {
    const role = section.roles[0];
    // "Diagnosis — Where we are"; a heading that is the role's own name is not said twice.
    const roleLabel = role ? ROLE_INFO[role].label : null;
    const sameName = roleLabel !== null && shorten(section.title).toLowerCase() === roleLabel.toLowerCase();
    const name = label ?? (roleLabel && !sameName ? `${roleLabel} — ${shorten(section.title)}` : shorten(section.title));
    const end = Math.max(section.titleEnd, Math.min(section.end, contentEnd));
    const symbol: DocumentSymbol = {
      name,
      kind: role ? SymbolKind.Namespace : SymbolKind.String,
      range: range(section.start, end),
      selectionRange: range(section.titleStart, section.titleEnd),
      children: [],
      ...(section.roles.length > 1 ? { detail: section.roles.slice(1).map((r) => ROLE_INFO[r].label).join(', ') } : {}),
    };
    sectionNodes.push({ symbol, start: section.start, end, section });
    return symbol;
  };

  const headingObjectives = new Map(doc.objectives.filter((o) => o.kind === 'heading' && o.section).map((o) => [o.section!, o]));
  const releaseOf = new Map(doc.type === 'release-notes' ? doc.releases.map((r) => [r.section, r]) : []);

  const build = (sections: readonly Section[]): DocumentSymbol[] => sections.map((section) => {
    const objective = headingObjectives.get(section);
    const release = releaseOf.get(section);
    let label: string | undefined;
    if (objective) label = `Objective — ${shorten(section.title)}`;
    else if (release) label = `Release — ${shorten(section.title)}`;
    const symbol = sectionSymbol(section, label);
    if (objective) symbol.kind = SymbolKind.Event;
    if (release) symbol.kind = SymbolKind.Package;
    symbol.children = build(section.children);
    return symbol;
  });
  const topSections = doc.sections.filter((section) => section.parent === null);
  const sectionTree = build(topSections);

  // Items to hang under the innermost section that contains them.
  const itemSymbols: Node[] = [];
  const itemRange = (item: Item): { start: number; end: number } => {
    const node = item.node;
    return { start: node.position?.start.offset ?? item.start, end: node.position?.end.offset ?? item.end };
  };
  const placed = new Set<Item>();
  for (const objective of doc.objectives) {
    if (objective.kind !== 'item' || !objective.item) continue;
    const span = itemRange(objective.item);
    const symbol: DocumentSymbol = {
      name: `Objective — ${shorten(objective.text)}`,
      kind: SymbolKind.Event,
      range: range(span.start, span.end),
      selectionRange: range(objective.start, objective.end),
      children: [],
    };
    for (const keyResult of objective.keyResults) {
      const krSpan = itemRange(keyResult.item);
      const child: DocumentSymbol = {
        name: `${keyResult.label ?? 'KR'} — ${shorten(keyResult.item.text.replace(/^\s*(?:\*\*|__)?\s*(?:KR\s?\d{0,2}(?:\.\d{1,2})?|key\s+results?|measures?)\s*(?:\*\*|__)?\s*[:.)—–-]\s*/i, ''))}`,
        kind: SymbolKind.Field,
        range: range(krSpan.start, krSpan.end),
        selectionRange: range(keyResult.item.start, keyResult.item.end),
      };
      if (contains(symbol.range, child.range)) symbol.children!.push(child);
      else itemSymbols.push({ symbol: child, start: krSpan.start, end: krSpan.end });
      placed.add(keyResult.item);
    }
    itemSymbols.push({ symbol, start: span.start, end: span.end });
    placed.add(objective.item);
  }
  for (const keyResult of doc.keyResults) {
    if (placed.has(keyResult.item)) continue;
    const span = itemRange(keyResult.item);
    itemSymbols.push({
      symbol: {
        name: `${keyResult.label ?? 'Key result'} — ${shorten(keyResult.item.text.replace(/^\s*(?:\*\*|__)?\s*(?:KR\s?\d{0,2}(?:\.\d{1,2})?|key\s+results?|measures?)\s*(?:\*\*|__)?\s*[:.)—–-]\s*/i, ''))}`,
        kind: SymbolKind.Field,
        range: range(span.start, span.end),
        selectionRange: range(keyResult.item.start, keyResult.item.end),
      },
      start: span.start,
      end: span.end,
    });
    placed.add(keyResult.item);
  }
  if (doc.type === 'roadmap') {
    for (const roadmapItem of doc.roadmapItems) {
      // An item written as a subsection is already in the outline as its heading.
      if (placed.has(roadmapItem.item) || roadmapItem.item.kind === 'line') continue;
      const span = itemRange(roadmapItem.item);
      itemSymbols.push({
        symbol: {
          name: shorten(roadmapItem.item.text),
          detail: roadmapItem.when?.text ?? undefined,
          kind: SymbolKind.EnumMember,
          range: range(span.start, span.end),
          selectionRange: range(roadmapItem.item.start, roadmapItem.item.end),
        },
        start: span.start,
        end: span.end,
      });
    }
  }
  if (doc.type === 'release-notes') {
    for (const entry of doc.releaseEntries) {
      const span = itemRange(entry.item);
      itemSymbols.push({
        symbol: { name: shorten(entry.item.text), kind: SymbolKind.Property, range: range(span.start, span.end), selectionRange: range(entry.item.start, entry.item.end) },
        start: span.start,
        end: span.end,
      });
    }
  }
  itemSymbols.sort((a, b) => a.start - b.start);
  const rootChildren: DocumentSymbol[] = [...sectionTree];
  for (const item of itemSymbols) {
    // Innermost section that contains the item (sections are nested, so the last match is innermost).
    let target: Node | undefined;
    for (const node of sectionNodes) if (node.start <= item.start && item.start < node.end) target = node;
    if (target && contains(target.symbol.range, item.symbol.range)) target.symbol.children!.push(item.symbol);
    else rootChildren.push(item.symbol);
  }
  const orderChildren = (symbols: DocumentSymbol[]): void => {
    symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const symbol of symbols) if (symbol.children) orderChildren(symbol.children);
  };
  orderChildren(rootChildren);

  const title = doc.titleText;
  const titleRange = doc.titleRange;
  const rootSymbol: DocumentSymbol = {
    name: DOC_TYPE_LABELS[result.docType],
    detail: title ? shorten(title) : undefined,
    kind: SymbolKind.File,
    range: range(0, Math.max(contentEnd, titleRange.end)),
    selectionRange: range(titleRange.start, titleRange.end),
    children: rootChildren,
  };
  return [rootSymbol];
}
