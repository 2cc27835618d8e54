/**
 * The shape of "Review my strategy" (JSON-serialisable, versioned by REVIEW_VERSION): what the
 * webview, the CLI's `review` command and "Export to Markdown" read.
 */
import { type SectionExpectation } from '../engine/vocabulary.js';
import { type DateSource, type KeyResultKind, type KeyResultVerdict } from '../engine/model/key-results.js';
import type { DocTypeSource } from '../engine/model/doctype.js';
import { type DocType, type RuleFamily, type SectionRole, type Severity } from '../engine/types.js';
import { type AreaScore, type OverallScore } from './scoring.js';
import type { CarriedOutBy } from './carried-out-by.js';

/** Bumped when the shape changes in a way a reader of the JSON must know. */
export const REVIEW_VERSION = 1;

type SectionStatus = 'present' | 'missing' | 'empty';

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
interface KeyResultFields {
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
