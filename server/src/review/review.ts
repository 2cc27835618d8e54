/**
 * "Review my strategy": one JSON-serialisable summary of a lint result, shared by the VS Code
 * webview, the CLI's `review` command and "Export to Markdown". It reads the document model
 * (sections, objectives, key results) and the findings; it never re-runs rules.
 */
import { DOC_TYPE_LABELS, DOC_TYPE_PHRASES, KERNEL_ROLES, SECTION_PLAN, roleInfo, type SectionExpectation } from '../engine/vocabulary.js';
import { rulesById, ruleDocUrl } from '../engine/rules/index.js';
import type { LintResult } from '../engine/lint.js';
import { countWords, type StrategyDocument } from '../engine/model/document.js';
import type { Section } from '../engine/model/sections.js';
import { OBJECTIVE_LABEL } from '../engine/model/items.js';
import { resolveRule } from '../engine/config/resolve.js';
import { readKeyResults, type DateSource, type KeyResultKind, type KeyResultVerdict, type ReadingVocabulary } from '../engine/model/key-results.js';
import type { DocTypeSource } from '../engine/model/doctype.js';
import { isItemHint, type DocType, type Finding, type RuleFamily, type SectionRole, type Severity } from '../engine/types.js';
import { acceptedNames, boldLabel, findKernelPart, labelledBlocks, sectionsNamed, type KernelRole } from '../engine/text/kernel.js';
import { phraseMatcher } from '../engine/text/phrases.js';
import { normalizeHeading } from '../engine/model/roles.js';
import { overallScore, SCORE_AREAS, SCORING_FORMULA, scoreArea, type AreaScore, type OverallScore } from './scoring.js';
import type { CarriedOutBy } from './carried-out-by.js';

export type { AreaScore, OverallScore } from './scoring.js';
export type { KeyResultKind, KeyResultVerdict, DateSource } from '../engine/model/key-results.js';
export type { CarriedOutBy, CarriedOutEntry, CarriedOutItem } from './carried-out-by.js';

export const REVIEW_VERSION = 1;

export type SectionStatus = 'present' | 'missing' | 'empty';

export interface SectionCheck {
  role: SectionRole;
  /** "Diagnosis", "Guiding policy", … */
  label: string;
  /** What the section is for, in a few words ("names the challenge"). */
  purpose: string;
  expectation: SectionExpectation;
  status: SectionStatus;
  /** Heading text as written, when present. */
  heading: string | null;
  /** 1-based line of the heading, when present. */
  line: number | null;
  /** Words of prose in the section (placeholders excluded). */
  words: number;
  /** Lines of further headings with the same role. */
  alsoAt: number[];
  /** A reviewer's remark on a present section ("1,900 words: too long for a summary"), else null. */
  note: string | null;
  /** Rules with findings about this section (inside it, or about its content as a whole). */
  ruleIds: string[];
}

export interface KernelMap {
  /** True for types whose rules check the kernel (strategy, decision). */
  kernelApplies: boolean;
  /** Diagnosis → guiding policy → coherent actions, in that order; null unless all three are present. */
  inOrder: boolean | null;
  sections: SectionCheck[];
}

export interface ObjectiveRow {
  text: string;
  line: number;
  keyResultCount: number;
}

/** What the key-result table shows of a key result: the model's reading (model/key-results.ts), as the outcomes rules read it. */
export interface KeyResultFields {
  kind: KeyResultKind;
  verdict: KeyResultVerdict;
  /** Carries a number, percentage, currency, unit or a named metric. */
  measurable: boolean;
  /** Why it was classified so, in a few words ("moves activation 22% → 35%"). */
  reason: string;
  metric: string | null;
  baseline: string | null;
  target: string | null;
  /** An outcome with an absolute target and no starting value (outcomes/no-baseline). */
  lacksBaseline: boolean;
  date: string | null;
  dateSource: DateSource | null;
  /** Only a whole year covers it, from the title, a heading or front matter. */
  dateCoarse: boolean;
  owner: string | null;
}

/** One row of the key-result table: the reading plus where it stands in the document. */
export interface KeyResultRow extends KeyResultFields {
  objective: string | null;
  objectiveLine: number | null;
  /** "KR1", "Key result", … */
  label: string | null;
  text: string;
  line: number;
  /** Rule ids of findings on this key result. */
  ruleIds: string[];
}

export interface KeyResultSummary {
  total: number;
  /** Outcomes with a target. */
  outcomes: number;
  outputs: number;
  /** Outcomes that name a metric but set no target. */
  withoutTarget: number;
  /** Outcomes with no number or named metric. */
  unmeasurable: number;
  /** Qualitative goals (lines of a "Goals" section, plan items of a goal document). */
  goals: number;
  /** Outcomes with an absolute target and no baseline (outcomes/no-baseline). */
  withoutBaseline: number;
  withoutDate: number;
  withoutOwner: number;
  /** One sentence. */
  text: string;
}

export interface TopFix {
  rank: number;
  ruleId: string;
  family: RuleFamily | null;
  severity: Severity;
  line: number;
  column: number;
  message: string;
  documentLevel: boolean;
  quickFix: { title: string; preferred: boolean } | null;
  /** How many findings of this rule the entry stands for (this one included). */
  occurrences: number;
  /** Lines of the other findings of this rule (at most 50, in order). */
  otherLines: number[];
  /** How many distinct other lines there are (otherLines may be cut short). */
  otherLineCount: number;
  /** Lines of the places this rule's summary findings stand for (their related places; at most 50, in order). */
  itemLines: number[];
  /** How many distinct such lines there are (itemLines may be cut short). */
  itemLineCount: number;
  /** The rule's one-line "how to fix", when the rule is registered. */
  howToFix: string | null;
  docUrl: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
  total: number;
}

export interface Review {
  version: typeof REVIEW_VERSION;
  title: string;
  file: string | null;
  docType: DocType;
  /** "Strategy memo", "OKR set", … */
  docTypeLabel: string;
  typeSource: DocTypeSource;
  /** How the type was decided ("declared in front matter", "file name ROADMAP.md"). */
  typeReason: string;
  wordCount: number;
  /** One or two sentences a busy reader can act on. */
  headline: string;
  kernel: KernelMap;
  scores: AreaScore[];
  overall: OverallScore;
  scoringFormula: string;
  objectives: ObjectiveRow[];
  keyResults: KeyResultRow[];
  keyResultSummary: KeyResultSummary | null;
  topFixes: TopFix[];
  /** Findings beyond the top fixes, by count. */
  moreFindings: number;
  counts: SeverityCounts;
  /** Engine notes (rules skipped on long documents, internal errors) and front-matter config problems. */
  notes: string[];
  /**
   * For a strategy memo read with the documents beside it: which roadmap items, objectives, key
   * results, decisions and releases carry out each policy and action (carried-out-by.ts). Absent
   * when the caller read no other documents.
   */
  carriedOutBy?: CarriedOutBy | null;
}

export interface ReviewOptions {
  /** Shown as the file (defaults to the lint's file path). */
  fileName?: string;
  /** At most this many top fixes (default 7). */
  maxTopFixes?: number;
  /** What carries out the strategy's policies and actions, from the documents beside it. */
  carriedOutBy?: CarriedOutBy | null;
}

/** A summary a busy reader gets through in about a minute. */
const SUMMARY_MAX_WORDS = 250;
const PLACEHOLDER = /\b(?:TODO|TBD|TBC|FIXME|XXX|lorem ipsum)\b|<[^<>\n]{1,80}>|\[(?:fill in|insert|add|describe)[^\]\n]{0,80}\]|\$\{[^}\n]{0,80}\}|\[\s*\.\.\.\s*\]/gi;

/** Whole-document findings that are really about one section's content. */
const DOCUMENT_RULE_ROLES: Readonly<Record<string, SectionRole>> = {
  'bad-strategy/unfaced-challenge': 'diagnosis',
};

const FAMILY_RANK: Readonly<Record<RuleFamily, number>> = {
  'kernel': 0, 'bad-strategy': 1, 'outcomes': 2, 'pyramid': 3, 'roadmap': 4, 'release-notes': 4, 'decision': 5, 'update': 5, 'prose': 6, 'trace': 4,
};
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };
const DEFAULT_MAX_TOP_FIXES = 7;

function lineOf(doc: StrategyDocument, offset: number): number {
  return doc.lines.positionAt(offset).line + 1;
}

function familyOf(ruleId: string): RuleFamily | null {
  const family = ruleId.split('/')[0];
  return family in FAMILY_RANK ? (family as RuleFamily) : null;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

// ─── Kernel map ─────────────────────────────────────────────────────────────

function proseWords(doc: StrategyDocument, section: Section): number {
  return doc.sectionBlocks(section).reduce((sum, block) => sum + doc.countWords(block.text.replace(PLACEHOLDER, ' ')), 0);
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

function buildKernelMap(doc: StrategyDocument, findings: readonly Finding[]): KernelMap {
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

// ─── Key results ────────────────────────────────────────────────────────────

function stripObjectiveLabel(text: string): string {
  const label = OBJECTIVE_LABEL.exec(text);
  return (label ? text.slice(label[0].length) : text).replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

/** The vocabulary outcomes/output-as-outcome ran with on this document (its options as configured), else the defaults. */
function vocabularyOf(result: LintResult): ReadingVocabulary | undefined {
  const rule = rulesById.get('outcomes/output-as-outcome');
  return rule ? resolveRule(rule, result.layers ?? []).options as unknown as ReadingVocabulary : undefined;
}

function buildKeyResults(result: LintResult): { objectives: ObjectiveRow[]; keyResults: KeyResultRow[] } {
  const doc = result.document;
  const findings = result.findings;
  const objectives: ObjectiveRow[] = doc.objectives.map((o) => ({
    text: stripObjectiveLabel(o.text), line: lineOf(doc, o.start), keyResultCount: o.keyResults.length,
  }));
  // The reading the rules use: the table shows it as it is, and never patches it from the findings.
  const keyResults: KeyResultRow[] = readKeyResults(doc, vocabularyOf(result)).map((reading) => {
    const item = reading.item;
    const ruleIds = [...new Set(findings
      .filter((f) => !f.documentLevel && f.start < Math.max(item.end, item.start + 1) && f.end > item.start)
      .map((f) => f.ruleId))];
    return {
      objective: reading.kr.objective ? stripObjectiveLabel(reading.kr.objective.text) : null,
      objectiveLine: reading.kr.objective ? lineOf(doc, reading.kr.objective.start) : null,
      label: reading.kr.label,
      text: reading.written.replace(/\*\*|__/g, ''),
      line: lineOf(doc, item.start),
      kind: reading.kind,
      verdict: reading.verdict,
      measurable: reading.measurable,
      reason: reading.why,
      metric: reading.metric,
      baseline: reading.baseline,
      target: reading.target,
      lacksBaseline: reading.lacksBaseline,
      date: reading.date,
      dateSource: reading.dateSource,
      dateCoarse: reading.dateCoarse,
      owner: reading.owner,
      ruleIds,
    };
  });
  return { objectives, keyResults };
}

function summarizeKeyResults(rows: readonly KeyResultRow[], objectives: readonly ObjectiveRow[]): KeyResultSummary | null {
  if (rows.length === 0 && objectives.length === 0) return null;
  const measured = rows.filter((r) => r.verdict === 'outcome');
  const outcomes = measured.length;
  const outputs = rows.filter((r) => r.verdict === 'output').length;
  const withoutTarget = rows.filter((r) => r.verdict === 'no-target').length;
  const unmeasurable = rows.filter((r) => r.verdict === 'no-metric').length;
  const goals = rows.filter((r) => r.verdict === 'goal').length;
  const withoutBaseline = rows.filter((r) => r.lacksBaseline).length;
  const withoutDate = rows.filter((r) => !r.date).length;
  const withoutOwner = rows.filter((r) => !r.owner).length;
  const total = rows.length;
  let text: string;
  if (total === 0) {
    text = `${objectives.length} objective${objectives.length === 1 ? '' : 's'} and no key results: add two or three measurable outcomes under each.`;
  } else {
    const kinds = [
      `${outcomes} measurable outcome${outcomes === 1 ? '' : 's'}`,
      outputs ? `${outputs} output${outputs === 1 ? '' : 's'}` : '',
      withoutTarget ? `${withoutTarget} that name${withoutTarget === 1 ? 's' : ''} a metric but set${withoutTarget === 1 ? 's' : ''} no target` : '',
      unmeasurable ? `${unmeasurable} with no number or named metric` : '',
      goals ? `${goals} qualitative goal${goals === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    const lack = (n: number, what: string): string =>
      n === 0 ? '' : n === total ? (total === 1 ? `it has no ${what}` : `none has ${what === 'owner' ? 'an' : 'a'} ${what}`) : `${n} ${n === 1 ? 'has' : 'have'} no ${what}`;
    const gaps = [
      withoutBaseline === 0 ? ''
        : withoutBaseline === measured.length ? (measured.length === 1 ? 'the measurable one has no baseline' : 'none of the measurable ones has a baseline')
          : `${withoutBaseline} of the ${measured.length} measurable ones ${withoutBaseline === 1 ? 'has' : 'have'} no baseline`,
      lack(withoutDate, 'date'),
      lack(withoutOwner, 'owner'),
    ].filter(Boolean);
    const head = `${total} key result${total === 1 ? '' : 's'}: ${joinList(kinds)}`;
    text = gaps.length ? `${head}; ${gaps.join(', ')}.` : `${head}, each with a baseline, a date and an owner.`;
  }
  return { total, outcomes, outputs, withoutTarget, unmeasurable, goals, withoutBaseline, withoutDate, withoutOwner, text };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function joinList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

// ─── Top fixes ──────────────────────────────────────────────────────────────

function buildTopFixes(findings: readonly Finding[], max: number): { topFixes: TopFix[]; moreFindings: number } {
  const scored = findings.filter((f) => familyOf(f.ruleId) !== null);
  const compare = (a: Finding, b: Finding): number =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
    || FAMILY_RANK[familyOf(a.ruleId)!] - FAMILY_RANK[familyOf(b.ruleId)!]
    || Number(b.documentLevel) - Number(a.documentLevel)
    || a.start - b.start;
  const sorted = [...scored].sort(compare);
  // One entry per rule: its most important finding stands for the others ("also lines …").
  const seen = new Map<string, TopFix>();
  const otherLines = new Map<string, Set<number>>();
  const itemLines = new Map<string, Set<number>>();
  const entries: TopFix[] = [];
  for (const finding of sorted) {
    const items = itemLines.get(finding.ruleId) ?? new Set<number>();
    for (const place of finding.related ?? []) items.add(place.line);
    itemLines.set(finding.ruleId, items);
    const existing = seen.get(finding.ruleId);
    if (existing) {
      existing.occurrences++;
      const lines = otherLines.get(finding.ruleId)!;
      if (finding.line !== existing.line) lines.add(finding.line);
      continue;
    }
    const meta = rulesById.get(finding.ruleId)?.meta;
    const entry: TopFix = {
      rank: 0,
      ruleId: finding.ruleId,
      family: familyOf(finding.ruleId),
      severity: finding.severity,
      line: finding.line,
      column: finding.column,
      message: finding.message,
      documentLevel: finding.documentLevel,
      quickFix: finding.fix ? { title: finding.fix.title, preferred: finding.fix.preferred === true } : null,
      occurrences: 1,
      otherLines: [],
      otherLineCount: 0,
      itemLines: [],
      itemLineCount: 0,
      howToFix: meta?.howToFix ?? null,
      docUrl: ruleDocUrl(finding.ruleId),
    };
    seen.set(finding.ruleId, entry);
    otherLines.set(finding.ruleId, new Set());
    entries.push(entry);
  }
  // Within a severity and family, structural findings first, then the most pervasive issue.
  entries.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
    || FAMILY_RANK[a.family!] - FAMILY_RANK[b.family!]
    || Number(b.documentLevel) - Number(a.documentLevel)
    || b.occurrences - a.occurrences
    || a.line - b.line);
  const topFixes = entries.slice(0, max);
  topFixes.forEach((fix, i) => {
    fix.rank = i + 1;
    const lines = [...otherLines.get(fix.ruleId)!].sort((a, b) => a - b);
    fix.otherLines = lines.slice(0, 50);
    fix.otherLineCount = lines.length;
    // Places not named already (a fluff-density summary's buzzwords are its rule's other findings).
    const items = [...itemLines.get(fix.ruleId)!].filter((line) => line !== fix.line && !otherLines.get(fix.ruleId)!.has(line)).sort((a, b) => a - b);
    fix.itemLines = items.slice(0, 50);
    fix.itemLineCount = items.length;
  });
  const covered = topFixes.reduce((sum, fix) => sum + fix.occurrences, 0);
  return { topFixes, moreFindings: scored.length - covered };
}

// ─── Headline ───────────────────────────────────────────────────────────────

function buildHeadline(review: Pick<Review, 'docType' | 'docTypeLabel' | 'kernel' | 'scores' | 'overall' | 'keyResultSummary' | 'counts'>, findings: readonly Finding[]): string {
  const sentences: string[] = [];
  if (review.kernel.kernelApplies) {
    const kernel = review.kernel.sections.filter((s) => KERNEL_ROLES.includes(s.role));
    const missing = kernel.filter((s) => s.status === 'missing').map((s) => s.label.toLowerCase());
    const empty = kernel.filter((s) => s.status === 'empty').map((s) => s.label.toLowerCase());
    if (missing.length === 0 && empty.length === 0) {
      sentences.push(review.kernel.inOrder === false ? 'The kernel is all there, but out of order.' : 'The kernel is complete.');
    } else {
      const parts = [missing.length ? `has no ${joinList(missing)}` : '', empty.length ? `has an empty ${joinList(empty)}` : ''].filter(Boolean);
      sentences.push(`The kernel ${parts.join(' and ')}.`);
    }
  }
  const longSummary = review.kernel.sections.find((s) => s.role === 'summary' && s.note !== null);
  if (longSummary) sentences.push(`The summary runs ${longSummary.words.toLocaleString('en-US')} words: cut it to the answer, the why and the ask.`);
  const weak = review.scores.filter((s) => s.applicable && s.score !== null && s.score < 80).sort((a, b) => a.score! - b.score!);
  if (weak.length > 0) {
    const worst = weak[0];
    let detail = '';
    const kr = review.keyResultSummary;
    const notOutcomes = kr ? kr.total - kr.outcomes : 0;
    if (worst.id === 'outcomes' && kr && notOutcomes > 0) {
      detail = `: ${notOutcomes} of ${kr.total} key results ${notOutcomes === 1 ? 'is' : 'are'} not a measurable outcome with a target`;
    } else {
      const area = SCORE_AREAS.find((a) => a.id === worst.id)!;
      const byRule = new Map<string, number>();
      for (const f of findings) if (area.families.includes(familyOf(f.ruleId)!)) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
      const [ruleId, n] = [...byRule].sort((a, b) => b[1] - a[1])[0] ?? [];
      if (ruleId) detail = byRule.size === 1 ? `, all from ${ruleId} (${plural(n!, 'finding')})` : `, mostly ${ruleId} (${plural(n!, 'finding')})`;
    }
    sentences.push(`Weakest area: ${worst.label} (${worst.score})${detail}.`);
  } else if (review.counts.total === 0) {
    sentences.push(`No findings: this reads like ${DOC_TYPE_PHRASES[review.docType]} should.`);
  } else if (review.overall.score !== null) {
    sentences.push('Every area scores 80 or more; the fixes below are polish.');
  }
  return sentences.join(' ');
}

// ─── Entry point ────────────────────────────────────────────────────────────

export function buildReview(result: LintResult, options: ReviewOptions = {}): Review {
  const doc = result.document;
  // Item hints mark the places a summary stands for: the summary is the problem, counted and
  // scored once; its places are listed with it (TopFix.itemLines), not as problems of their own.
  const findings = result.findings.filter((finding) => !isItemHint(finding));
  const file = options.fileName ?? doc.filePath ?? null;
  const title = doc.titleText?.trim() || (file ? baseName(file) : 'Untitled document');

  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0, total: 0 };
  for (const finding of findings) {
    counts[finding.severity]++;
    counts.total++;
  }

  const kernel = buildKernelMap(doc, findings);
  const notRun = result.skippedForLanguage?.length ? new Set(result.skippedForLanguage) : undefined;
  const scores = SCORE_AREAS.map((area) => scoreArea(area, findings, result.docType, doc.wordCount, notRun));
  const overall = overallScore(scores);
  const { objectives, keyResults } = buildKeyResults(result);
  const keyResultSummary = summarizeKeyResults(keyResults, objectives);
  const { topFixes, moreFindings } = buildTopFixes(findings, options.maxTopFixes ?? DEFAULT_MAX_TOP_FIXES);

  const notes = [
    ...findings.filter((f) => familyOf(f.ruleId) === null).map((f) => f.message),
    ...result.problems.map((p) => `${p.key}: ${p.message}`),
  ];

  const partial = {
    docType: result.docType, docTypeLabel: DOC_TYPE_LABELS[result.docType], kernel, scores, overall, keyResultSummary, counts,
  };
  return {
    version: REVIEW_VERSION,
    title,
    file,
    docType: result.docType,
    docTypeLabel: DOC_TYPE_LABELS[result.docType],
    typeSource: doc.typeDecision.source,
    typeReason: doc.typeDecision.reason,
    wordCount: doc.wordCount,
    headline: buildHeadline(partial, findings),
    kernel,
    scores,
    overall,
    scoringFormula: SCORING_FORMULA,
    objectives,
    keyResults,
    keyResultSummary,
    topFixes,
    moreFindings,
    counts,
    notes,
    ...(options.carriedOutBy !== undefined ? { carriedOutBy: options.carriedOutBy } : {}),
  };
}
