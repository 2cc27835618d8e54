/** The review's kernel map: each section the document type calls for, present, missing or empty, with where a rule found it instead. */
import { KERNEL_ROLES, SECTION_PLAN, roleInfo } from '../engine/vocabulary.js';
import { rulesById } from '../engine/rules/index.js';
import { countWords, type StrategyDocument } from '../engine/model/document.js';
import type { Section } from '../engine/model/sections.js';
import { type Finding, type SectionRole } from '../engine/types.js';
import { acceptedNames, boldLabel, DEFAULT_PLACEHOLDERS, findKernelPart, labelledBlocks, sectionProseWords, sectionsNamed, type KernelRole } from '../engine/text/kernel.js';
import { phraseMatcher } from '../engine/text/phrases.js';
import { normalizeHeading } from '../engine/model/roles.js';
import type { SectionCheck, KernelMap } from './review-types.js';
import { familyOf, lineOf } from './shared.js';

/** A summary a busy reader gets through in about a minute. */
const SUMMARY_MAX_WORDS = 250;

/** Whole-document findings that are really about one section's content. */
const DOCUMENT_RULE_ROLES: Readonly<Record<string, SectionRole>> = {
  'bad-strategy/unfaced-challenge': 'diagnosis',
};

/** The section's prose words, counted as kernel/empty-section counts them (built-in placeholders aside). */
function proseWords(doc: StrategyDocument, section: Section): number {
  return sectionProseWords(doc, doc.sectionBlocks(section), DEFAULT_PLACEHOLDERS).words;
}

/** Where a rule looks for a role besides the role's own headings, and the option that lists those headings. */
const ALTERNATIVE_HEADINGS: Partial<Record<SectionRole, { rule: string; option: string; anywhere: boolean }>> = {
  'diagnosis': { rule: 'kernel/diagnosis-missing', option: 'alsoAccept', anywhere: false },
  'guiding-policy': { rule: 'kernel/guiding-policy-missing', option: 'alsoAccept', anywhere: false },
  'coherent-actions': { rule: 'kernel/coherent-actions-missing', option: 'alsoAccept', anywhere: false },
  'risks': { rule: 'decision/no-risks', option: 'riskHeadings', anywhere: true },
};

/**
 * What the rules accept for a role besides its own headings — a "Context" or "Decision" section,
 * a bold "**Diagnosis.**" paragraph — so the map never calls missing what the rules accept.
 */
function alternativeFor(doc: StrategyDocument, role: SectionRole): { heading: string; start: number; words: number } | null {
  const source = ALTERNATIVE_HEADINGS[role];
  const defaultOf = (option: string): readonly string[] => {
    const value = source ? rulesById.get(source.rule)?.meta.options?.[option]?.default : undefined;
    return Array.isArray(value) ? value : [];
  };
  const kernelRole = KERNEL_ROLES.includes(role);
  // A kernel rule accepts more names in a decision doc or proposal (an RFC's Summary, Design…).
  const phrases = kernelRole ? acceptedNames(doc, defaultOf(source!.option), defaultOf('inDecisions')) : defaultOf(source?.option ?? '');
  if (phrases.length > 0) {
    const matcher = source!.anywhere ? phraseMatcher(phrases) : phraseMatcher(phrases, { inflect: false });
    const candidates = source!.anywhere
      ? doc.sections.filter((s) => s !== doc.titleSection && matcher.test(s.title))
      : sectionsNamed(doc, phrases).filter((s) => s !== doc.titleSection);
    // The heading that matches the longest phrase: "Decision Outcome" over "Decision Drivers".
    const longest = (s: Section): number => Math.max(0, ...matcher.matchAll(normalizeHeading(s.title)).map((m) => m.length));
    const section = candidates.reduce<Section | null>((best, s) => (best === null || longest(s) > longest(best) ? s : best), null);
    if (section) return { heading: section.title, start: section.titleStart, words: proseWords(doc, section) };
  }
  const blocks = doc.textBlocks;
  const block = labelledBlocks(doc, role, source?.anywhere ? [] : phrases)[0];
  if (!block) {
    // What a reader takes for the part where no heading names it ("Core values", a decision doc's lead).
    const part = kernelRole ? findKernelPart(doc, role as KernelRole, phrases) : null;
    if (!part) return null;
    const words = part.section ? proseWords(doc, part.section)
      : doc.blocksIn(part.start, doc.titleSection?.children[0]?.start ?? doc.text.length).reduce((sum, b) => sum + countWords(b.text), 0);
    return { heading: part.heading, start: part.start, words };
  }
  // The label's paragraph and what follows it (a list), up to the next heading or labelled part.
  let words = 0;
  for (let i = blocks.indexOf(block); i < blocks.length; i++) {
    const next = blocks[i];
    if (next !== block && (next.kind === 'heading' || (boldLabel(next) !== null && doc.roleMatcher.rolesOf(boldLabel(next)!).length > 0))) break;
    words += countWords(next.text);
  }
  return { heading: boldLabel(block) ?? block.text.slice(0, 40), start: block.start, words };
}

export function buildKernelMap(doc: StrategyDocument, findings: readonly Finding[]): KernelMap {
  const plan = SECTION_PLAN[doc.type];
  const bodySections = doc.sections.filter((s) => !(s === doc.titleSection && s.depth === 1 && doc.sections.length > 1));
  const sections: SectionCheck[] = plan.map(([role, expectation]) => {
    const info = roleInfo(role, doc.type);
    // In another language, the role's name in it ("Diagnose", "診断").
    const label = doc.roleLabel(role) ?? info.label;
    const found = bodySections.filter((s) => s.roles.includes(role));
    const first = found[0];
    if (!first) {
      const alternative = alternativeFor(doc, role);
      if (alternative) {
        return { role, label, purpose: info.purpose, expectation, status: 'present', heading: alternative.heading,
          line: lineOf(doc, alternative.start), words: alternative.words, alsoAt: [], note: null, ruleIds: [] };
      }
      return { role, label, purpose: info.purpose, expectation, status: 'missing', heading: null, line: null, words: 0, alsoAt: [], note: null, ruleIds: [] };
    }
    const words = proseWords(doc, first);
    // A kernel section is empty exactly when kernel/empty-section says so (its threshold and
    // placeholder list are the user's), so the report never disagrees with the squiggles.
    const flaggedEmpty = findings.some((f) => f.ruleId === 'kernel/empty-section' && f.start >= first.start && f.start < first.end);
    const note = role === 'summary' && words > SUMMARY_MAX_WORDS
      ? `${words.toLocaleString('en-US')} words is too long for a summary: cut it to the answer, the why and the ask (under ${SUMMARY_MAX_WORDS} words)`
      : null;
    return {
      role, label, purpose: info.purpose, expectation,
      status: flaggedEmpty || (!KERNEL_ROLES.includes(role) && words === 0) ? 'empty' : 'present',
      heading: first.title,
      line: lineOf(doc, first.titleStart),
      words,
      alsoAt: found.slice(1).map((s) => lineOf(doc, s.titleStart)),
      note,
      ruleIds: [...new Set(findings.filter((f) => (f.documentLevel ? DOCUMENT_RULE_ROLES[f.ruleId] === role
        : f.start >= first.start && f.start < first.end && familyOf(f.ruleId) !== 'prose')).map((f) => f.ruleId))],
    };
  });
  const kernelApplies = doc.type === 'strategy' || doc.type === 'decision';
  const kernel = KERNEL_ROLES.map((role) => bodySections.find((s) => s.roles.includes(role)));
  const inOrder = kernel.every(Boolean) ? kernel[0]!.start < kernel[1]!.start && kernel[1]!.start < kernel[2]!.start : null;
  return { kernelApplies, inOrder, sections };
}
