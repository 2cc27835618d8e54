/**
 * `strategy-lint --explain-type FILE…`: how each document's type was decided — every signal with
 * its weight, each type's total and the threshold — as text, or as JSON with `--format json`.
 */
import { TYPE_THRESHOLD, type DocTypeDecision } from '../engine/model/doctype.js';

export interface TypeExplanation {
  file: string;
  decision: DocTypeDecision;
}

export function explainTypesText(explanations: readonly TypeExplanation[]): string {
  const out: string[] = [];
  for (const { file, decision } of explanations) {
    out.push(`${file}: ${decision.type} — ${decision.reason}`);
    if (!decision.signals) {
      out.push(`  (${decision.source === 'forced' ? 'forced with --type' : decision.source === 'config' ? 'set by the configuration' : 'declared in front matter'}: no other signal is read)`);
    } else {
      for (const signal of [...decision.signals].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))) {
        const weight = `${signal.weight > 0 ? '+' : '−'}${Math.abs(signal.weight)}`.padStart(4);
        out.push(`  ${weight}  ${(signal.type ?? 'every type').padEnd(13)} ${signal.reason}`);
      }
      if (decision.signals.length === 0) out.push('  no signal: nothing in the path, the title or the headings names a type');
      const totals = Object.entries(decision.scores ?? {}).filter(([, score]) => score !== 0).map(([type, score]) => `${type} ${score}`);
      const penalty = decision.signals.filter((s) => s.type === null).reduce((sum, s) => sum + s.weight, 0);
      out.push(`  totals: ${totals.length ? totals.join(', ') : 'none'}${penalty ? ` (then ${penalty} for every type)` : ''}; a type needs ${TYPE_THRESHOLD}`);
      if (decision.suggestion) out.push(`  closest: ${decision.suggestion.type}; set it with front matter "strategy-lint: { type: ${decision.suggestion.type} }" if that is what it is`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}

export function explainTypesJson(explanations: readonly TypeExplanation[]): string {
  return `${JSON.stringify(explanations.map(({ file, decision }) => ({
    file,
    docType: decision.type,
    docTypeReason: decision.reason,
    source: decision.source,
    signals: decision.signals ?? [],
    scores: decision.scores ?? null,
    suggestion: decision.suggestion ?? null,
  })), null, 2)}\n`;
}
