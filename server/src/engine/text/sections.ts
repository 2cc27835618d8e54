/** Helpers for rules that insert a missing section skeleton at the right place. */
import type { StrategyDocument } from '../model/document.js';
import type { Section } from '../model/sections.js';
import type { Fix, SectionRole } from '../types.js';

/**
 * A fix that inserts `## Heading` with a prompt before the first section whose role is in
 * `laterRoles`, else at the end of the document. The prompt is an HTML comment: invisible when
 * rendered and never linted as prose; the section stays flagged by kernel/empty-section (for
 * kernel roles) until the writer fills it in. With `notBefore`, only sections starting at or after
 * that offset are candidates (so a guiding policy is never inserted above the diagnosis).
 */
export function insertSectionFix(
  doc: StrategyDocument, heading: string, prompt: string, laterRoles: readonly SectionRole[], notBefore = 0,
): Fix {
  const eol = doc.lines.eol;
  const depth = sectionDepth(doc);
  const hashes = '#'.repeat(depth);
  const before = doc.sections.find((s) => s.depth === depth && s.start >= notBefore && s.roles.some((role) => laterRoles.includes(role)));
  const block = `${hashes} ${heading}${eol}${eol}<!-- ${prompt} -->${eol}${eol}`;
  if (before) {
    return { title: `Insert a "${heading}" section`, edits: [{ start: before.start, end: before.start, newText: block }] };
  }
  const text = doc.text;
  // A backward scan, not /\s+$/: that regex is quadratic on a long run of spaces inside the text.
  let trimmedEnd = text.length;
  while (trimmedEnd > 0 && /\s/.test(text[trimmedEnd - 1])) trimmedEnd--;
  const lead = trimmedEnd === 0 ? '' : `${eol}${eol}`;
  return {
    title: `Insert a "${heading}" section`,
    edits: [{ start: trimmedEnd, end: text.length, newText: `${lead}${hashes} ${heading}${eol}${eol}<!-- ${prompt} -->${eol}` }],
  };
}

/** Level of the document's main sections: the level below the title, else 2. */
function sectionDepth(doc: StrategyDocument): number {
  const title = doc.titleSection;
  const child = title?.children[0];
  if (child) return child.depth;
  const firstNonTitle = doc.sections.find((s: Section) => s !== title);
  return firstNonTitle?.depth ?? 2;
}
