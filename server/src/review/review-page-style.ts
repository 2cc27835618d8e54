/**
 * The review page's stylesheet: colours from the editor theme's CSS variables (with neutral
 * fallbacks), so the page follows light, dark and high-contrast themes.
 */
export const REVIEW_CSS = `
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
