/**
 * The review as a VS Code webview page. Self-contained: one nonce'd <style> and one nonce'd
 * <script>, a strict Content-Security-Policy, no external resource. Colours come from the
 * editor theme's CSS variables (with neutral fallbacks), so the page follows light, dark and
 * high-contrast themes. No inline style attributes (the CSP forbids them): bar widths are
 * classes defined in the page's own stylesheet.
 *
 * Messages posted to the extension: {command: 'reveal', line} (1-based line) when a line link is
 * clicked, {command: 'openRule', ruleId, url} when a rule link is (the extension opens the rule's
 * bundled page), {command: 'export'} for the "Export to Markdown" button.
 *
 * Everything taken from the document (titles, headings, key results, messages) is untrusted and
 * goes through escapeHtml.
 */
import { DOC_TYPE_PHRASES } from '../engine/vocabulary.js';
import { type KeyResultRow, type Review, type SectionCheck, type TopFix } from './review.js';
import { linesPhrase } from './render-markdown.js';
import type { AreaScore, ScoreBand } from './scoring.js';
import { escapeHtml, inlineMarkdown } from './html-text.js';
import { REVIEW_CSS } from './review-page-style.js';

interface HtmlOptions {
  /** A fresh random value per render; allows the page's one <style> and one <script>. */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
}

const esc = escapeHtml;

function lineLink(line: number, label = `line ${line}`): string {
  const n = Math.max(1, Math.floor(line));
  return `<a href="#" class="line" data-line="${n}" title="Go to line ${n}">${esc(label)}</a>`;
}

function bandClass(band: ScoreBand | null): string {
  return band ? `band-${band}` : 'band-none';
}

const plural = (n: number, word: string, many = `${word}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;

// ─── Pieces ─────────────────────────────────────────────────────────────────

const STATUS_ICON: Record<SectionCheck['status'], string> = { present: '✓', missing: '✕', empty: '○' };
const STATUS_TEXT: Record<SectionCheck['status'], string> = { present: 'present', missing: 'missing', empty: 'empty' };

function kernelStep(section: SectionCheck): string {
  const where = section.status === 'missing'
    ? `<p class="where">Missing — add a section that ${esc(section.purpose.replace(/^the /, 'gives the '))}.</p>`
    : `<p class="where">“${esc(section.heading ?? '')}” · ${lineLink(section.line!)} · ${plural(section.words, 'word')}</p>`;
  const note = section.status === 'empty' ? `<p class="note">Too thin to count (${plural(section.words, 'word')}): write it out in a few sentences.</p>`
    : section.note ? `<p class="note">${esc(section.note)}.</p>` : '';
  const flagged = section.ruleIds.length ? `<p class="flagged">Flagged: ${section.ruleIds.map((id) => `<code>${esc(id)}</code>`).join(', ')}</p>` : '';
  return `<li class="step status-${section.status}">
    <span class="icon" aria-hidden="true">${STATUS_ICON[section.status]}</span>
    <div><h3>${esc(section.label)} <span class="status">${STATUS_TEXT[section.status]}</span></h3>
    <p class="purpose">${esc(section.purpose)}</p>${where}${note}${flagged}</div>
  </li>`;
}

function sectionChip(section: SectionCheck): string {
  const detail = section.status === 'missing' ? `<span class="muted">missing — ${esc(section.purpose)}</span>`
    : `${lineLink(section.line!)}${section.status === 'empty' ? ' <span class="muted">(empty)</span>' : ''}`;
  const note = section.note ? `<p class="note">${esc(section.note)}.</p>` : '';
  return `<li class="chip status-${section.status}"><span class="icon" aria-hidden="true">${STATUS_ICON[section.status]}</span><div><strong>${esc(section.label)}</strong> ${detail}${note}</div></li>`;
}

function kernelSection(review: Review): string {
  const required = review.kernel.sections.filter((s) => s.expectation === 'required');
  const recommended = review.kernel.sections.filter((s) => s.expectation === 'recommended');
  if (required.length + recommended.length === 0) return '';
  const order = review.kernel.inOrder === false
    ? '<p class="note">The kernel is out of order: diagnosis first, then the guiding policy, then the actions that follow from it.</p>' : '';
  return `<section id="kernel" aria-labelledby="kernel-h">
  <h2 id="kernel-h">${review.kernel.kernelApplies ? 'Kernel' : 'Structure'}</h2>
  ${required.length ? `<ol class="kernel">${required.map(kernelStep).join('')}</ol>${order}` : ''}
  ${recommended.length ? `<h3 class="sub">${required.length ? 'Also worth having' : 'Sections that help this kind of document'}</h3><ul class="chips">${recommended.map(sectionChip).join('')}</ul>` : ''}
</section>`;
}

function scoreRow(score: AreaScore): string {
  if (!score.applicable) return '';
  return `<div class="score-row ${bandClass(score.band)}">
    <div class="score-label"><strong>${esc(score.label)}</strong><span class="muted">${esc(score.checks)}</span></div>
    <div class="bar" role="img" aria-label="${score.score} out of 100"><span class="fill w-${score.score}"></span></div>
    <div class="score-value">${score.score}</div>
    <p class="explain">${esc(score.explanation)}</p>
  </div>`;
}

function scoresSection(review: Review): string {
  const notApplicable = review.scores.filter((s) => !s.applicable).map((s) => s.label);
  return `<section id="scores" aria-labelledby="scores-h">
  <h2 id="scores-h">Scores</h2>
  <div class="scores">${review.scores.map(scoreRow).join('')}</div>
  ${notApplicable.length ? `<p class="muted small">Not applicable to ${esc(DOC_TYPE_PHRASES[review.docType])}: ${esc(notApplicable.join(' · '))}.</p>` : ''}
  <details class="formula"><summary>How scores work</summary><p>${esc(review.scoringFormula)}</p><p>${esc(review.overall.explanation)}</p></details>
</section>`;
}

function valueCell(value: string | null, extra = ''): string {
  return value ? `<td class="${value.length <= 14 ? 'val' : ''}">${esc(value)}${extra}</td>` : '<td class="none">—</td>';
}

const VERDICT_PILL: Record<KeyResultRow['verdict'], string> = {
  'outcome': '<span class="pill pill-good">outcome</span>',
  'output': '<span class="pill pill-bad">output</span>',
  'no-target': '<span class="pill pill-warn">no target</span>',
  'no-metric': '<span class="pill pill-warn">no metric</span>',
  'goal': '<span class="pill">goal</span>',
};

function kindPill(row: KeyResultRow): string {
  return VERDICT_PILL[row.verdict];
}

function keyResultRow(row: KeyResultRow): string {
  const label = row.label ? `<span class="kr-label">${esc(row.label)}</span> ` : '';
  const dateFrom = row.dateSource && row.dateSource !== 'key result' && row.dateSource !== 'column' ? ` <span class="muted small">(${row.dateSource})</span>` : '';
  return `<tr>
    <td class="kr">${label}${esc(row.text)}<div class="why">${lineLink(row.line)} · ${esc(row.reason)}</div></td>
    <td>${kindPill(row)}</td>
    ${valueCell(row.metric)}${valueCell(row.baseline)}${valueCell(row.target)}${valueCell(row.date, dateFrom)}${valueCell(row.owner)}
  </tr>`;
}

function keyResultsSection(review: Review): string {
  const summary = review.keyResultSummary;
  if (!summary) return '';
  const rows: string[] = [];
  let current: number | null | undefined;
  for (const row of review.keyResults) {
    if (row.objectiveLine !== current) {
      current = row.objectiveLine;
      if (row.objective) rows.push(`<tr class="objective"><th colspan="7" scope="colgroup">${esc(row.objective)} <span class="muted small">· ${lineLink(row.objectiveLine!)}</span></th></tr>`);
    }
    rows.push(keyResultRow(row));
  }
  const empty = review.objectives.filter((o) => o.keyResultCount === 0)
    .map((o) => `<li>${lineLink(o.line)}: “${esc(o.text)}” has no key results.</li>`);
  const counts = [
    `<span class="stat band-good"><b>${summary.outcomes}</b> outcome${summary.outcomes === 1 ? '' : 's'}</span>`,
    `<span class="stat band-poor"><b>${summary.outputs}</b> output${summary.outputs === 1 ? '' : 's'}</span>`,
    `<span class="stat band-fair"><b>${summary.withoutTarget + summary.unmeasurable}</b> without a target</span>`,
  ].join('');
  return `<section id="key-results" aria-labelledby="kr-h">
  <h2 id="kr-h">Key results</h2>
  <div class="stats">${counts}</div>
  <p>${esc(summary.text)}</p>
  ${review.keyResults.length ? `<div class="table-wrap"><table>
    <thead><tr><th scope="col">Key result</th><th scope="col">Type</th><th scope="col">Metric</th><th scope="col">Baseline</th><th scope="col">Target</th><th scope="col">Date</th><th scope="col">Owner</th></tr></thead>
    <tbody>${rows.join('')}</tbody>
  </table></div>` : ''}
  ${empty.length ? `<ul class="plain">${empty.join('')}</ul>` : ''}
</section>`;
}

function fixItem(fix: TopFix): string {
  const where = fix.documentLevel ? `${lineLink(fix.line)} <span class="muted">(whole document)</span>` : lineLink(fix.line);
  const quick = fix.quickFix
    ? `<span class="pill pill-fix" title="${esc(fix.quickFix.title)}">Quick fix: ${esc(fix.quickFix.title)}</span>` : '';
  const shown = fix.otherLines.slice(0, 12).map((l) => lineLink(l, String(l)));
  const lineList = shown.length === 0 ? '' : `, on ${linesPhrase(shown, fix.otherLineCount)}`;
  const others = fix.occurrences > 1
    ? `<p class="also">Same issue ${plural(fix.occurrences - 1, 'more time')}${lineList}.</p>`
    : '';
  const items = fix.itemLineCount > 0
    ? `<p class="also">Items on ${linesPhrase(fix.itemLines.slice(0, 12).map((l) => lineLink(l, String(l))), fix.itemLineCount)}.</p>`
    : '';
  const how = fix.howToFix ? `<p class="how">${inlineMarkdown(fix.howToFix)}</p>` : '';
  return `<li class="fix sev-${fix.severity}">
    <div class="fix-head"><span class="sev">${esc(fix.severity)}</span> ${where} <a class="rule" href="${esc(fix.docUrl)}" data-rule="${esc(fix.ruleId)}" title="Rule documentation">${esc(fix.ruleId)}</a>${quick}</div>
    <p class="message">${esc(fix.message)}</p>${how}${others}${items}
  </li>`;
}

function fixesSection(review: Review): string {
  const more = review.moreFindings > 0
    ? `<p class="muted small">${plural(review.moreFindings, 'more finding')} below these — see the Problems panel.</p>` : '';
  return `<section id="fixes" aria-labelledby="fixes-h">
  <h2 id="fixes-h">Top fixes</h2>
  ${review.topFixes.length ? `<ol class="fixes">${review.topFixes.map(fixItem).join('')}</ol>${more}` : '<p>Nothing to fix.</p>'}
</section>`;
}

function countsBlock(review: Review): string {
  const c = review.counts;
  const item = (n: number, label: string, cls: string): string =>
    `<li class="count sev-${cls}${n === 0 ? ' zero' : ''}"><b>${n}</b> ${label}</li>`;
  return `<ul class="counts" aria-label="Findings by severity">${item(c.error, c.error === 1 ? 'error' : 'errors', 'error')}${item(c.warning, c.warning === 1 ? 'warning' : 'warnings', 'warning')}${item(c.information, 'information', 'information')}${item(c.hint, c.hint === 1 ? 'hint' : 'hints', 'hint')}</ul>`;
}

function carriedOutSection(review: Review): string {
  if (review.carriedOutBy === undefined) return '';
  const section = review.carriedOutBy;
  if (!section) {
    return '<section id="carried-out" aria-labelledby="carried-h"><h2 id="carried-h">Carried out by</h2><p class="muted">No policy or action of this document could be traced: it has none, or no other document was read.</p></section>';
  }
  const entries = section.entries.map((entry) => {
    const flags = entry.flags.length > 0 ? ` <span class="pill pill-warn">${esc(entry.flags.join(', '))}</span>` : '';
    const items = entry.items.length === 0 ? '<li class="muted">Nothing carries it out.</li>'
      : entry.items.map((item) => `<li${item.conflict ? ' class="conflict"' : ''}>${item.conflict ? '<span class="pill pill-bad">contradicts</span> ' : ''}<span class="muted">${esc(item.kind)}:</span> ${esc(item.text)} <span class="muted small">— ${esc(item.file)}:${item.line} · ${esc(item.link)}</span></li>`).join('');
    return `<li class="carried"><p><b>${esc(entry.label)}</b> ${esc(entry.text)} ${lineLink(entry.line)}${flags}</p><ul class="plain">${items}</ul></li>`;
  }).join('');
  return `<section id="carried-out" aria-labelledby="carried-h">
  <h2 id="carried-h">Carried out by</h2>
  <p class="muted">What traces to each policy and action in the ${plural(section.documents, 'other document')} read with this one: links written in them, or likely matches of key terms.</p>
  <ul class="plain carried-list">${entries}</ul>
</section>`;
}

// ─── Styles ─────────────────────────────────────────────────────────────────

function widthRules(review: Review): string {
  const widths = new Set<number>(review.scores.filter((s) => s.score !== null).map((s) => s.score!));
  return [...widths].map((w) => `.w-${w}{width:${w}%}`).join('');
}

function ringRule(review: Review): string {
  const score = review.overall.score ?? 0;
  return `.ring{background:conic-gradient(var(--band) ${score * 3.6}deg, var(--track) 0)}`;
}

const SCRIPT = `
(function () {
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
  function post(message) { if (vscode) vscode.postMessage(message); }
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var link = target && target.closest('[data-line]');
    if (link) {
      event.preventDefault();
      var line = Number(link.getAttribute('data-line'));
      if (line > 0) post({ command: 'reveal', line: line });
      return;
    }
    var rule = target && target.closest('[data-rule]');
    if (rule) {
      event.preventDefault();
      post({ command: 'openRule', ruleId: rule.getAttribute('data-rule'), url: rule.getAttribute('href') });
      return;
    }
    if (target && target.closest('#export')) post({ command: 'export' });
  });
})();
`;

// ─── Page ───────────────────────────────────────────────────────────────────

export function renderReviewHtml(review: Review, options: HtmlOptions): string {
  const nonce = esc(options.nonce);
  const csp = `default-src 'none'; style-src ${options.cspSource} 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}';`;
  const overallBand = bandClass(review.overall.band);
  const file = review.file ? review.file.split(/[\\/]/).pop() ?? review.file : null;
  const meta = [
    `<span class="badge">${esc(review.docTypeLabel)}</span>`,
    `<span class="sep" title="How the document type was decided">${esc(review.typeReason)}</span>`,
    file ? `<span class="sep" title="${esc(review.file!)}">${esc(file)}</span>` : '',
    `<span class="sep">${plural(review.wordCount, 'word')}</span>`,
  ].filter(Boolean).join('');
  const ring = review.overall.score === null
    ? '<div class="ring"><div class="ring-inner"><b>—</b><span>not scored</span></div></div>'
    : `<div class="ring"><div class="ring-inner"><b>${review.overall.score}</b><span>/ 100</span></div></div><div class="verdict">${esc(review.overall.verdict)}</div>`;
  const notes = review.notes.length
    ? `<section id="notes" aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2><ul class="plain">${review.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>` : '';

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Strategy review: ${esc(review.title)}</title>
<style nonce="${nonce}">${REVIEW_CSS}${widthRules(review)}${ringRule(review)}</style>
</head>
<body>
<main>
<header class="hero">
  <div>
    <p class="eyebrow">Strategy review</p>
    <h1>${esc(review.title)}</h1>
    <p class="meta">${meta}</p>
    ${review.headline ? `<p class="headline">${esc(review.headline)}</p>` : ''}
    ${countsBlock(review)}
  </div>
  <div class="overall ${overallBand}">
    ${ring}
    <button id="export" type="button" title="Save this review as a Markdown file">Export to Markdown</button>
  </div>
</header>
${kernelSection(review)}
${scoresSection(review)}
${keyResultsSection(review)}
${carriedOutSection(review)}
${fixesSection(review)}
${notes}
<footer>Line links jump to the document. Scores follow the formula under “How scores work”.</footer>
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}
