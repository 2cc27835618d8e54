/** Where a custom term occurs: in the prose of the document (never in code, comments or link URLs). */
import type { StrategyDocument } from '../model/document.js';
import { withinRole } from '../model/sections.js';
import { phraseMatcher } from '../text/phrases.js';
import type { SectionRole } from '../types.js';

export interface TermMatch {
  start: number;
  end: number;
  /** The list entry that matched. */
  term: string;
  /** The text as written in the source. */
  written: string;
  /** The source is the matched text itself, with no markup inside it (so replacing it loses none). */
  plain: boolean;
}

export function findTerms(doc: StrategyDocument, terms: readonly string[], options: { inflect: boolean; sections?: readonly SectionRole[] }): TermMatch[] {
  const matcher = phraseMatcher(terms, { inflect: options.inflect });
  const found: TermMatch[] = [];
  for (const block of doc.textBlocks) {
    if (options.sections && !options.sections.some((role) => withinRole(doc.sectionAt(block.start), role))) continue;
    for (const match of matcher.matchAll(block.text)) {
      const { start, end } = block.sourceRange(match.index, match.index + match.length);
      const written = doc.text.slice(start, end);
      found.push({ start, end, term: match.phrase, written, plain: written === match.text });
    }
  }
  return found;
}

/** A message with `{{name}}` placeholders filled in. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s{0,3}([a-z]{1,20})\s{0,3}\}\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}
