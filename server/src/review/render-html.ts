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

export interface HtmlOptions {
  /** A fresh random value per render; allows the page's one <style> and one <script>. */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escape text for HTML content and (double- or single-quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

const esc = escapeHtml;

/** Rule docs are short Markdown: escape first, then allow only code, strong and emphasis. */
export function inlineMarkdown(text: string): string {
  return esc(text)
    .replace(/&#96;(.+?)&#96;/g, '<code>$1</code>')
    .replace(/\*\*([^*]+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\p{L}\p{N}*])\*([^*\s][^*]*?)\*(?![\p{L}\p{N}*])/gu, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
}

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

const CSS = `
:root{
  --fg:var(--vscode-foreground,#1f2328);--bg:var(--vscode-editor-background,#fff);
  --muted:var(--vscode-descriptionForeground,#6e7781);--link:var(--vscode-textLink-foreground,#0969da);
  --border:var(--vscode-panel-border,var(--vscode-widget-border,rgba(128,128,128,.35)));
  --card:var(--vscode-editorWidget-background,rgba(128,128,128,.06));
  --track:rgba(128,128,128,.22);
  --green:var(--vscode-charts-green,#2da44e);--yellow:var(--vscode-charts-yellow,#bf8700);
  --red:var(--vscode-charts-red,#cf222e);--blue:var(--vscode-charts-blue,#0969da);
  --badge-bg:var(--vscode-badge-background,#6e7781);--badge-fg:var(--vscode-badge-foreground,#fff);
}
*{box-sizing:border-box}
body{margin:0;padding:28px 32px 48px;color:var(--fg);background:var(--bg);font-family:var(--vscode-font-family,system-ui,sans-serif);font-size:var(--vscode-font-size,13px);line-height:1.5}
main{max-width:980px;margin:0 auto}
h1{font-size:1.9em;line-height:1.2;margin:2px 0 8px;font-weight:600;overflow-wrap:anywhere}
h2{font-size:1.05em;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600;margin:0 0 14px;padding-bottom:6px;border-bottom:1px solid var(--border)}
h3{font-size:1em;margin:0;font-weight:600}
h3.sub{margin:18px 0 10px;color:var(--muted);font-weight:500}
section{margin-top:32px}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
a:focus-visible,button:focus-visible,summary:focus-visible{outline:1px solid var(--vscode-focusBorder,var(--link));outline-offset:2px}
.muted{color:var(--muted)}.small{font-size:.9em}
.band-good{--band:var(--green)}.band-fair{--band:var(--yellow)}.band-poor{--band:var(--red)}.band-none{--band:var(--muted)}
/* Header */
.hero{display:grid;grid-template-columns:1fr auto;gap:24px;align-items:start}
.eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.8em;color:var(--muted);font-weight:600}
.meta{margin:0 0 12px;color:var(--muted);display:flex;flex-wrap:wrap;gap:6px 12px;align-items:center}
.meta .sep+.sep::before{content:"·";margin-right:12px;color:var(--muted)}
.badge{background:var(--badge-bg);color:var(--badge-fg);border-radius:10px;padding:1px 9px;font-size:.88em;font-weight:600}
.headline{font-size:1.12em;margin:0 0 12px;max-width:62ch}
.overall{display:flex;flex-direction:column;align-items:center;gap:8px;min-width:150px}
.ring{width:118px;height:118px;border-radius:50%;display:grid;place-items:center}
.ring-inner{width:94px;height:94px;border-radius:50%;background:var(--bg);display:flex;flex-direction:column;align-items:center;justify-content:center}
.ring-inner b{font-size:2.2em;line-height:1;font-weight:700}
.ring-inner span{font-size:.8em;color:var(--muted)}
.verdict{font-weight:600;color:var(--band)}.verdict::first-letter{text-transform:uppercase}
button{font:inherit;color:var(--vscode-button-foreground,#fff);background:var(--vscode-button-background,#0969da);border:1px solid var(--vscode-button-border,transparent);border-radius:2px;padding:5px 14px;cursor:pointer}
button:hover{background:var(--vscode-button-hoverBackground,#0550ae)}
.counts{list-style:none;display:flex;gap:8px;padding:0;margin:0;flex-wrap:wrap}
.count{border:1px solid var(--border);border-radius:12px;padding:1px 10px;font-size:.9em}
.count b{color:var(--sev)}.count.zero{opacity:.55}
.sev-error{--sev:var(--red)}.sev-warning{--sev:var(--yellow)}.sev-information{--sev:var(--blue)}.sev-hint{--sev:var(--muted)}
/* Kernel */
.kernel{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px;counter-reset:step}
.step{position:relative;display:flex;gap:10px;padding:14px 14px 12px;border:1px solid var(--border);border-top:3px solid var(--state);border-radius:6px;background:var(--card)}
.step p{margin:4px 0 0}.step .purpose{color:var(--muted);font-size:.92em}
.step .where{font-size:.92em;overflow-wrap:anywhere}
.status-present{--state:var(--green)}.status-missing{--state:var(--red)}.status-empty{--state:var(--yellow)}
.icon{flex:none;width:22px;height:22px;border-radius:50%;display:grid;place-items:center;font-size:.8em;font-weight:700;color:var(--bg);background:var(--state)}
.status{font-weight:500;font-size:.78em;text-transform:uppercase;letter-spacing:.05em;color:var(--state);margin-left:4px}
.flagged{font-size:.88em;color:var(--yellow)}.flagged code{font-family:var(--vscode-editor-font-family,monospace);color:var(--fg);font-size:.95em}
.note{color:var(--fg);font-size:.92em;border-left:3px solid var(--yellow);padding-left:8px;margin:8px 0 0}
.chips{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:8px}
.chip{display:flex;gap:10px;align-items:flex-start;padding:8px 10px;border:1px solid var(--border);border-radius:6px}
.chip .icon{width:18px;height:18px;font-size:.7em;margin-top:1px}
/* Scores */
.scores{display:grid;gap:14px}
.score-row{display:grid;grid-template-columns:minmax(180px,240px) 1fr 44px;gap:4px 16px;align-items:center}
.score-label{display:flex;flex-direction:column}.score-label .muted{font-size:.86em}
.bar{height:10px;border-radius:5px;background:var(--track);overflow:hidden}
.fill{display:block;height:100%;border-radius:5px;background:var(--band)}
.score-value{font-size:1.3em;font-weight:700;text-align:right;color:var(--band);font-variant-numeric:tabular-nums}
.explain{grid-column:2 / 4;margin:0;font-size:.88em;color:var(--muted);font-variant-numeric:tabular-nums}
.formula{margin-top:14px;color:var(--muted);font-size:.9em}.formula summary{cursor:pointer}.formula p{margin:6px 0 0;max-width:80ch}
/* Key results */
.stats{display:flex;gap:10px;flex-wrap:wrap;margin-bottom:4px}
.stat{border:1px solid var(--border);border-left:4px solid var(--band);border-radius:4px;padding:3px 10px}
.stat b{font-size:1.15em;margin-right:2px}
.table-wrap{overflow-x:auto;border:1px solid var(--border);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.95em}
th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid var(--border)}
thead th{font-weight:600;color:var(--muted);font-size:.85em;text-transform:uppercase;letter-spacing:.04em;white-space:nowrap;background:var(--card)}
tbody tr:last-child td{border-bottom:none}
tr.objective th{background:var(--card);font-weight:600}
td.kr{min-width:260px;max-width:420px}
td.none{color:var(--muted)}td.val{white-space:nowrap}
.kr-label{font-weight:600;color:var(--muted)}
.why{font-size:.86em;color:var(--muted);margin-top:3px}
.pill{display:inline-block;border-radius:10px;padding:0 8px;font-size:.85em;font-weight:600;white-space:nowrap;border:1px solid currentColor}
.pill-good{color:var(--green)}.pill-bad{color:var(--red)}.pill-warn{color:var(--yellow)}
.pill-fix{color:var(--link);font-weight:500;margin-left:auto;max-width:100%;overflow:hidden;text-overflow:ellipsis}
.plain{padding-left:18px}
/* Fixes */
.fixes{list-style:none;padding:0;margin:0;display:grid;gap:10px;counter-reset:fix}
.fix{counter-increment:fix;position:relative;border:1px solid var(--border);border-left:4px solid var(--sev);border-radius:6px;padding:10px 14px 10px 46px;background:var(--card)}
.fix::before{content:counter(fix);position:absolute;left:12px;top:10px;width:22px;height:22px;border-radius:50%;display:grid;place-items:center;font-weight:700;font-size:.85em;background:var(--sev);color:var(--bg)}
.fix-head{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center;font-size:.9em}
.sev{text-transform:uppercase;font-weight:700;letter-spacing:.04em;font-size:.85em;color:var(--sev)}
.rule{font-family:var(--vscode-editor-font-family,monospace);font-size:.95em}
.message{margin:6px 0 0;font-weight:600;overflow-wrap:anywhere}
.how{margin:4px 0 0;color:var(--muted);font-size:.92em}.how code{font-family:var(--vscode-editor-font-family,monospace);font-size:.95em}.how em{font-style:italic}
.also{margin:6px 0 0;font-size:.9em}
.carried-list{padding-left:0;list-style:none}.carried{margin:0 0 12px}.carried p{margin:0 0 4px}.carried .conflict{color:var(--red)}
footer{margin-top:36px;color:var(--muted);font-size:.85em}
@media (max-width:640px){.hero{grid-template-columns:1fr}.score-row{grid-template-columns:1fr 44px}.bar{grid-column:1 / 3;grid-row:2}.explain{grid-column:1 / 3}}
`;

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
<style nonce="${nonce}">${CSS}${widthRules(review)}${ringRule(review)}</style>
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
