/** The review's objectives and key-result table, and the one-line summary of how measurable they are. */
import { rulesById } from '../engine/rules/index.js';
import type { LintResult } from '../engine/lint.js';
import { OBJECTIVE_LABEL } from '../engine/model/items.js';
import { resolveRule } from '../engine/config/resolve.js';
import { readKeyResults, type ReadingVocabulary } from '../engine/model/key-results.js';
import type { ObjectiveRow, KeyResultRow, KeyResultSummary } from './review-types.js';
import { joinList, lineOf } from './shared.js';

function stripObjectiveLabel(text: string): string {
  const label = OBJECTIVE_LABEL.exec(text);
  return (label ? text.slice(label[0].length) : text).replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

/** The vocabulary outcomes/output-as-outcome ran with on this document (its options as configured), else the defaults. */
function vocabularyOf(result: LintResult): ReadingVocabulary | undefined {
  const rule = rulesById.get('outcomes/output-as-outcome');
  return rule ? resolveRule(rule, result.layers ?? []).options as unknown as ReadingVocabulary : undefined;
}

export function buildKeyResults(result: LintResult): { objectives: ObjectiveRow[]; keyResults: KeyResultRow[] } {
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

export function summarizeKeyResults(rows: readonly KeyResultRow[], objectives: readonly ObjectiveRow[]): KeyResultSummary | null {
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
