/**
 * Scores per area. Each area starts at 100 and loses points per finding by severity; structural
 * (whole-document) findings count double; one noisy rule counts at most three times; prose is
 * scaled to a 1,000-word page so long documents are not punished for being long. The formula is
 * written out in every explanation so a reader can check the arithmetic.
 */
import { DOC_TYPE_PLURALS } from '../engine/vocabulary.js';
import { allRules } from '../engine/rules/index.js';
import type { DocType, Finding, RuleFamily, Severity } from '../engine/types.js';

export type ScoreAreaId = 'kernel' | 'bad-strategy' | 'outcomes' | 'pyramid' | 'roadmap-release' | 'decision-update' | 'prose';
export type ScoreBand = 'good' | 'fair' | 'poor';

export interface ScoreArea {
  id: ScoreAreaId;
  label: string;
  /** What the area checks, in a few words. */
  checks: string;
  families: readonly RuleFamily[];
  /** Weight in the overall score. */
  weight: number;
  /** Penalties are scaled to this many words (documents shorter than that count as that long). */
  perWords?: number;
}

export const SCORE_AREAS: readonly ScoreArea[] = [
  { id: 'kernel', label: 'Kernel', checks: 'diagnosis → guiding policy → coherent actions', families: ['kernel'], weight: 3 },
  { id: 'bad-strategy', label: 'Bad-strategy hallmarks', checks: 'fluff, goals posing as strategy, unfaced challenges, too many priorities', families: ['bad-strategy'], weight: 2 },
  { id: 'outcomes', label: 'Outcomes over outputs', checks: 'key results that are measurable outcomes with a baseline and a date', families: ['outcomes'], weight: 2 },
  { id: 'pyramid', label: 'Answer first', checks: 'the governing thought up front, grouped support', families: ['pyramid'], weight: 1 },
  { id: 'roadmap-release', label: 'Roadmap & release notes', checks: 'horizons, customer problems and customer value', families: ['roadmap', 'release-notes'], weight: 2 },
  { id: 'decision-update', label: 'Decision & update', checks: 'options, risks, owners, asks and lowlights', families: ['decision', 'update'], weight: 1 },
  { id: 'prose', label: 'Prose clarity', checks: 'hedges, passive voice, long sentences, jargon, placeholders', families: ['prose'], weight: 1, perWords: 1000 },
];

export const SEVERITY_POINTS: Readonly<Record<Severity, number>> = { error: 30, warning: 15, information: 5, hint: 2 };
export const DOCUMENT_LEVEL_FACTOR = 2;
export const MAX_COUNTED_PER_RULE = 3;

export const SCORING_FORMULA =
  `Each area starts at 100 and loses ${SEVERITY_POINTS.error} points per error, ${SEVERITY_POINTS.warning} per warning, `
  + `${SEVERITY_POINTS.information} per information and ${SEVERITY_POINTS.hint} per hint; whole-document findings (a missing section, a missing summary) `
  + `count ×${DOCUMENT_LEVEL_FACTOR}, and a rule counts at most ${MAX_COUNTED_PER_RULE} times — except in prose, where every finding counts and the total is scaled to a 1,000-word page; `
  + 'scores never go below 0. The overall score is the weighted mean of the areas that apply ('
  + SCORE_AREAS.map((a) => `${a.label} ×${a.weight}`).join(', ') + ').';

export interface AreaScore {
  id: ScoreAreaId;
  label: string;
  checks: string;
  applicable: boolean;
  /** 0–100, or null when no rule of the area applies to the document type. */
  score: number | null;
  band: ScoreBand | null;
  /** One sentence: how the number was computed. */
  explanation: string;
  /** Rules of the area that run on this document type. */
  ruleCount: number;
  findingCount: number;
  weight: number;
}

export interface OverallScore {
  score: number | null;
  band: ScoreBand | null;
  verdict: string;
  explanation: string;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export function bandOf(score: number): ScoreBand {
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

export function verdictOf(score: number): string {
  // Same cut-offs as the colour bands (80 / 50), with "strong" for 90 and up.
  return score >= 90 ? 'strong' : score >= 80 ? 'solid' : score >= 50 ? 'needs work' : 'weak';
}

function plural(count: number, severity: Severity): string {
  if (severity === 'information') return `${count} information`;
  return `${count} ${severity}${count === 1 ? '' : 's'}`;
}

const formatNumber = (n: number): string => n.toLocaleString('en-US');

function rulesFor(area: ScoreArea, docType: DocType, notRun?: ReadonlySet<string>): number {
  return allRules.filter((rule) => (area.families as readonly string[]).includes(rule.meta.family) && rule.meta.types.includes(docType) && !notRun?.has(rule.meta.id)).length;
}

/** `notRun`: rules that did not run on this document though its type has them (English-phrase rules on a document in another language). */
export function scoreArea(area: ScoreArea, findings: readonly Finding[], docType: DocType, wordCount: number, notRun?: ReadonlySet<string>): AreaScore {
  const ruleCount = rulesFor(area, docType, notRun);
  const own = findings.filter((f) => area.families.includes(f.ruleId.split('/')[0] as RuleFamily));
  const base = { id: area.id, label: area.label, checks: area.checks, ruleCount, findingCount: own.length, weight: area.weight };
  if (ruleCount === 0 && own.length === 0) {
    return { ...base, applicable: false, score: null, band: null, explanation: `Not applicable: no ${area.label.toLowerCase()} rules run on ${DOC_TYPE_PLURALS[docType]}.` };
  }

  // The worst findings of each rule count, at most MAX_COUNTED_PER_RULE of them.
  const byRule = new Map<string, Finding[]>();
  for (const finding of own) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  const weightOf = (f: Finding): number => SEVERITY_POINTS[f.severity] * (f.documentLevel ? DOCUMENT_LEVEL_FACTOR : 1);
  const counted: Finding[] = [];
  const capped: string[] = [];
  // Length-scaled areas count every finding: density, not a cap, keeps long documents fair there.
  const cap = area.perWords ? Infinity : MAX_COUNTED_PER_RULE;
  for (const [ruleId, list] of byRule) {
    const sorted = [...list].sort((a, b) => weightOf(b) - weightOf(a) || a.start - b.start);
    counted.push(...sorted.slice(0, cap));
    if (list.length > cap) capped.push(`${ruleId.split('/')[1]} counted ${cap} of ${list.length} times`);
  }

  if (counted.length === 0) {
    const explanation = `No findings from the ${ruleCount} rule${ruleCount === 1 ? ' that runs' : 's that run'} on ${DOC_TYPE_PLURALS[docType]}: 100.`;
    return { ...base, applicable: true, score: 100, band: 'good', explanation };
  }

  const terms: string[] = [];
  let penalty = 0;
  for (const severity of SEVERITY_ORDER) {
    for (const documentLevel of [true, false]) {
      const n = counted.filter((f) => f.severity === severity && f.documentLevel === documentLevel).length;
      if (n === 0) continue;
      const points = SEVERITY_POINTS[severity] * (documentLevel ? DOCUMENT_LEVEL_FACTOR : 1);
      penalty += n * points;
      terms.push(`${documentLevel ? plural(n, severity).replace(/^(\d+) /, '$1 whole-document ') : plural(n, severity)} × ${points}`);
    }
  }
  let scaled = penalty;
  let scaleText = '';
  if (area.perWords) {
    const words = Math.max(wordCount, area.perWords);
    scaled = (penalty * area.perWords) / words;
    if (words > area.perWords) scaleText = ` × ${formatNumber(area.perWords)}/${formatNumber(words)} words`;
  }
  const raw = Math.round(100 - scaled);
  const score = Math.max(0, raw);
  const sum = terms.length === 1 && !scaleText ? terms[0] : `(${terms.join(' + ')})`;
  const floorText = raw < 0 ? ` = −${-raw}, floored at 0` : ` = ${score}`;
  const capText = capped.length ? `; ${capped.join(', ')}` : '';
  const explanation = `100 − ${sum}${scaleText}${floorText}${capText}.`;
  return { ...base, applicable: true, score, band: bandOf(score), explanation };
}

export function overallScore(areas: readonly AreaScore[]): OverallScore {
  const applicable = areas.filter((a) => a.applicable && a.score !== null);
  if (applicable.length === 0) {
    return { score: null, band: null, verdict: 'not scored', explanation: 'No rule area applies to this document type.' };
  }
  const totalWeight = applicable.reduce((sum, a) => sum + a.weight, 0);
  const score = Math.round(applicable.reduce((sum, a) => sum + a.score! * a.weight, 0) / totalWeight);
  const parts = applicable.map((a) => (a.weight === 1 ? `${a.score}` : `${a.score}×${a.weight}`));
  const explanation = applicable.length === 1
    ? `Only ${applicable[0].label} applies to this document type, so it is the overall score.`
    : `Weighted mean of the ${applicable.length} areas that apply: (${parts.join(' + ')}) / ${totalWeight} = ${score}.`;
  return { score, band: bandOf(score), verdict: verdictOf(score), explanation };
}
