/**
 * Scoring one labelled document against the linter's findings, and summing documents up.
 *
 * A line locator asks whether `rule` fires on the one line holding `text`: a finding of that rule
 * whose range covers the line (or that points at the line as a related location) fires there;
 * document-level findings do not count for lines. A document-level expectation asks whether the
 * rule fires on the document: a document-level finding of it, or — for a rule that only reports
 * ranges and declares no summary — any finding of it.
 */
export const FAMILIES = ['kernel', 'bad-strategy', 'outcomes', 'pyramid', 'roadmap', 'release-notes', 'decision', 'update', 'prose'];

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

function familyOf(ruleId) {
  return ruleId.split('/')[0];
}

/** Words a reader reads: code blocks left out. */
export function proseWordCount(text) {
  const withoutCode = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  return (withoutCode.match(WORD) ?? []).length;
}

export function scoreDocument(entry, text, result, ruleMeta) {
  const lines = text.split(/\r\n|\r|\n/);
  const findings = result.findings;
  const outcomes = [];
  for (const label of entry.lines ?? []) {
    const matches = [];
    lines.forEach((line, index) => {
      if (line.includes(label.text)) matches.push(index + 1);
    });
    const base = { kind: 'line', rule: label.rule, why: label.why, expected: label.fire };
    if (!ruleMeta.has(label.rule)) {
      outcomes.push({ ...base, verdict: 'unknown-rule' });
      continue;
    }
    if (matches.length === 0) {
      outcomes.push({ ...base, verdict: 'unlocated', lineText: label.text });
      continue;
    }
    const line = matches[0];
    const hit = findings.find((f) => f.ruleId === label.rule && !f.documentLevel
      && ((f.line <= line && line <= f.endLine) || (f.related ?? []).some((r) => r.line === line)));
    outcomes.push({ ...base, line, lineText: lines[line - 1], ambiguous: matches.length > 1, verdict: verdictOf(label.fire, Boolean(hit)), message: hit?.message });
  }
  for (const label of entry.expect ?? []) {
    const base = { kind: 'document', rule: label.rule, why: label.why, expected: label.fire };
    const meta = ruleMeta.get(label.rule);
    if (!meta) {
      outcomes.push({ ...base, verdict: 'unknown-rule' });
      continue;
    }
    const own = findings.filter((f) => f.ruleId === label.rule);
    // A rule that flags text and summarises many places on the title (meta.summarises: fluff's
    // buzzword density) fires on the document only with that summary; a rule that only flags
    // text fires on it with any finding.
    const hit = own.find((f) => f.documentLevel) ?? (meta.documentLevel || meta.summarises ? undefined : own[0]);
    outcomes.push({ ...base, verdict: verdictOf(label.fire, Boolean(hit)), message: hit?.message });
  }
  const warnings = findings.filter((f) => f.severity === 'warning' || f.severity === 'error').length;
  const strategyFindings = findings.filter((f) => FAMILIES.includes(familyOf(f.ruleId)) && familyOf(f.ruleId) !== 'prose').length;
  return {
    entry,
    outcomes,
    detectedType: result.docType,
    typeReason: result.document?.typeDecision?.reason ?? result.docTypeReason ?? '',
    words: proseWordCount(text),
    warnings,
    strategyFindings,
  };
}

function verdictOf(expected, fired) {
  if (expected) return fired ? 'TP' : 'FN';
  return fired ? 'FP' : 'TN';
}

export function summarize(docs) {
  const families = {};
  const row = (name) => (families[name] ??= { labels: 0, tp: 0, fp: 0, fn: 0, tn: 0 });
  const confusion = {};
  let typeRight = 0;
  let goodWarnings = 0;
  let goodWords = 0;
  let goodDocs = 0;
  let genericStrategyFindings = 0;
  let genericDocs = 0;
  for (const doc of docs) {
    for (const o of doc.outcomes) {
      if (!['TP', 'FP', 'FN', 'TN'].includes(o.verdict)) continue;
      for (const name of [familyOf(o.rule), 'overall']) {
        const r = row(name);
        r.labels++;
        r[o.verdict.toLowerCase()]++;
      }
    }
    const labelled = doc.entry.type;
    confusion[labelled] ??= {};
    confusion[labelled][doc.detectedType] = (confusion[labelled][doc.detectedType] ?? 0) + 1;
    if (labelled === doc.detectedType) typeRight++;
    if (doc.entry.good === true) {
      goodDocs++;
      goodWarnings += doc.warnings;
      goodWords += doc.words;
    }
    if (labelled === 'generic') {
      genericDocs++;
      genericStrategyFindings += doc.strategyFindings;
    }
  }
  return { families, confusion, typeRight, goodWarnings, goodWords, goodDocs, genericStrategyFindings, genericDocs };
}
