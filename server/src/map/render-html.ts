/**
 * The strategy map as a webview page ("Strategy Lint: Show strategy map"): one column per layer
 * (diagnosis → policies → actions and decisions → objectives and key results → roadmap items →
 * releases), each node a button that opens its line, the links drawn between them (written
 * links solid, inferred ones dashed with their confidence, a policy's conflict with what pursues
 * what it rules out in red), orphans, unplanned actions and contradictions marked in colour and
 * in words. It follows the editor's theme (VS Code's CSS variables), is keyboard navigable
 * (Tab, arrow keys along the columns and the links, Enter opens), and has a text version under
 * the graph for screen readers and for reading. CSP: nothing but the nonce'd style and script.
 */
import type { MapNode, StrategyMap } from '../engine/index.js';
import { escapeHtml as esc } from '../review/html-text.js';
import { flagText, kindLabel, linkText, nodeLabel, short } from './describe.js';

interface MapHtmlOptions {
  nonce: string;
  cspSource: string;
  /** What the map is of (the folder's name). */
  title?: string;
}

const FLAG_ORDER = ['contradiction', 'orphan', 'unplanned', 'broken', 'stale'] as const;

function ariaFor(node: MapNode, map: StrategyMap, names: ReadonlyMap<string, string>): string {
  const serves = map.edges.filter((edge) => edge.to === node.id).map((edge) => names.get(edge.from)).filter(Boolean);
  const servedBy = map.edges.filter((edge) => edge.from === node.id).length;
  const parts = [`${kindLabel(node)}: ${nodeLabel(node, 120)}`, `${node.doc} line ${node.line}`];
  if (node.flags.length > 0) parts.push(node.flags.map(flagText).join(', '));
  if (serves.length > 0) parts.push(`serves ${serves.slice(0, 3).join('; ')}`);
  if (servedBy > 0) parts.push(`carried out by ${servedBy} linked item${servedBy === 1 ? '' : 's'}`);
  return parts.join('. ');
}

function nodeButton(node: MapNode, index: Map<string, string>, map: StrategyMap, names: ReadonlyMap<string, string>): string {
  const flags = FLAG_ORDER.filter((flag) => node.flags.includes(flag));
  const classes = ['node', `kind-${node.kind}`, ...flags.map((flag) => `flag-${flag}`)].join(' ');
  const label = /^(?:R|E)\d+$/.test(node.label) || node.kind === 'decision' ? '' : `<span class="label">${esc(node.label.replace(/^KR(?=\d)/, 'KR '))}</span>`;
  const badges = flags.map((flag) => `<span class="badge badge-${flag}">${esc(flagText(flag))}</span>`).join('');
  const detail = node.horizon ?? node.release;
  return `<li><button type="button" class="${classes}" id="${index.get(node.id)}" data-node="${index.get(node.id)}" data-doc="${esc(node.doc)}" data-line="${node.line}" data-layer="${node.layer}" aria-label="${esc(ariaFor(node, map, names))}">`
    + `${label}<span class="title">${esc(short(nodeLabel(node, 200).replace(/^(?:KR \d+(?:\.\d+)?|[PAOD]\d+) /, ''), 84))}</span>`
    + `<span class="where">${esc(node.doc)}:${node.line}${detail ? ` · ${esc(detail)}` : ''}</span>${badges}</button></li>`;
}

function textVersion(map: StrategyMap, names: ReadonlyMap<string, string>, ids: ReadonlyMap<string, string>): string {
  const nodes = new Map(map.nodes.map((node) => [node.id, node]));
  const link = (node: MapNode): string => `<a href="#" data-doc="${esc(node.doc)}" data-line="${node.line}">${esc(node.doc)}:${node.line}</a>`;
  const sections: string[] = [];
  for (const entry of map.carriedOut) {
    const node = nodes.get(entry.node);
    if (!node) continue;
    const rows = entry.servedBy.map((served) => ({ served, by: nodes.get(served.node) })).filter((row) => row.by);
    const conflicts = map.conflicts.filter((c) => c.policy === node.id).map((c) => nodes.get(c.item)).filter((n): n is MapNode => !!n);
    const items = [
      ...rows.map(({ served, by }) => `<li>${esc(kindLabel(by!))}: ${esc(nodeLabel(by!))} (${link(by!)}) — ${esc(linkText(served))}</li>`),
      ...conflicts.map((item) => `<li class="conflict">Pursues what it rules out: ${esc(nodeLabel(item))} (${link(item)})</li>`),
    ];
    const flags = node.flags.length > 0 ? ` <span class="badge badge-${node.flags[0]}">${esc(node.flags.map(flagText).join(', '))}</span>` : '';
    sections.push(`<li><p><b>${esc(names.get(node.id) ?? node.label)}</b> (${link(node)})${flags}</p>${items.length > 0 ? `<ul>${items.join('')}</ul>` : '<p class="muted">Nothing in these documents carries it out.</p>'}</li>`);
  }
  const orphans = map.nodes.filter((node) => node.flags.includes('orphan'));
  return `<section id="text" aria-labelledby="text-h">
  <h2 id="text-h">As text: what carries out each policy and action</h2>
  ${sections.length > 0 ? `<ul class="plain">${sections.join('')}</ul>` : '<p class="muted">No strategy with policies or actions in this folder.</p>'}
  ${orphans.length > 0 ? `<h3>Traced to nothing</h3><ul class="plain">${orphans.map((node) => `<li>${esc(kindLabel(node))}: ${esc(nodeLabel(node))} (${link(node)})</li>`).join('')}</ul>` : ''}
  <p class="muted small">${ids.size} items in ${map.documents.length} documents.</p>
</section>`;
}

function findingsSection(map: StrategyMap): string {
  if (map.findings.length === 0) return '<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2><p>None: every roadmap item and key result traces to the strategy, every action is planned, and nothing pursues what a policy rules out.</p></section>';
  const items = map.findings.map((finding) => `<li class="finding"><span class="rule">${esc(finding.ruleId)}</span> <a href="#" data-doc="${esc(finding.doc)}" data-line="${finding.line}">${esc(finding.doc)}:${finding.line}</a><p>${esc(finding.message)}</p></li>`);
  return `<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings (${map.findings.length})</h2><ul class="plain findings">${items.join('')}</ul></section>`;
}

export function renderMapHtml(map: StrategyMap, options: MapHtmlOptions): string {
  const nonce = esc(options.nonce);
  const csp = `default-src 'none'; style-src ${options.cspSource} 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}';`;
  const ids = new Map(map.nodes.map((node, i) => [node.id, `n${i}`]));
  const names = new Map(map.nodes.map((node) => [node.id, nodeLabel(node, 60)]));
  const columns = map.layers.map((title, layer) => {
    const members = map.nodes.filter((node) => node.layer === layer);
    const body = members.length > 0 ? `<ul>${members.map((node) => nodeButton(node, ids, map, names)).join('')}</ul>` : '<p class="empty">None in this folder.</p>';
    return `<section class="column" aria-labelledby="col-${layer}"><h2 id="col-${layer}">${esc(title)} <span class="count">${members.length}</span></h2>${body}</section>`;
  }).join('');
  const edges = [
    ...map.edges.map((edge) => ({ from: ids.get(edge.from), to: ids.get(edge.to), kind: edge.kind, label: edge.kind === 'inferred' ? `likely ${edge.confidence.toFixed(2)}` : edge.via })),
    ...map.conflicts.filter((c) => c.policy).map((c) => ({ from: ids.get(c.policy!), to: ids.get(c.item), kind: 'conflict', label: `rules out “${c.phrase}”` })),
  ].filter((edge) => edge.from && edge.to);
  const count = (rule: string): number => map.findings.filter((finding) => finding.ruleId === rule).length;
  const chips = [
    ['contradiction', count('trace/contradicts-policy'), 'pursue what a policy rules out'],
    ['orphan', count('trace/orphan-item'), 'traced to nothing'],
    ['unplanned', count('trace/unplanned-action'), 'actions planned nowhere'],
    ['broken', count('trace/broken-link'), 'broken links'],
    ['stale', count('trace/stale-after-strategy'), 'older than the strategy'],
  ].map(([flag, n, text]) => `<li class="chip chip-${flag}${n === 0 ? ' zero' : ''}"><b>${n}</b> ${esc(String(text))}</li>`).join('');
  // JSON in a script element that is never run; "<" escaped so no text can close the element.
  const data = JSON.stringify({ edges }).replace(/</g, '\\u003c');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Strategy map${options.title ? `: ${esc(options.title)}` : ''}</title>
<style nonce="${nonce}">${CSS}</style>
</head>
<body>
<main>
<header>
  <p class="eyebrow">Strategy map</p>
  <h1>${esc(options.title ?? 'Workspace')}</h1>
  <p class="meta">${map.documents.length} documents · ${map.nodes.length} items · diagnosis → policies → actions → objectives and key results → roadmap items → releases</p>
  <ul class="chips" aria-label="Highlighted in the map">${chips}</ul>
  <p class="legend" aria-hidden="true"><span class="key key-explicit"></span> written link (“Serves: P2”, a link) <span class="key key-inferred"></span> inferred from shared terms, with its confidence <span class="key key-conflict"></span> pursues what the policy rules out</p>
  <p class="hint small">Each item opens its line. Keys: Tab or ↑ ↓ move within a column, → ← follow the links to the next or previous layer, Enter opens.</p>
</header>
<div class="graph" id="graph" role="group" aria-label="Strategy map, ${map.layers.length} columns from diagnosis to releases; the text version follows the graph">
  <svg class="edges" id="edges" aria-hidden="true" focusable="false"></svg>
  <div class="columns">${columns}</div>
</div>
${findingsSection(map)}
${textVersion(map, names, ids)}
</main>
<script type="application/json" id="map-data">${data}</script>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

const CSS = `
:root{
  --fg:var(--vscode-foreground,#1f2328);--bg:var(--vscode-editor-background,#fff);
  --muted:var(--vscode-descriptionForeground,#6e7781);--link:var(--vscode-textLink-foreground,#0969da);
  --border:var(--vscode-panel-border,var(--vscode-widget-border,rgba(128,128,128,.35)));
  --card:var(--vscode-editorWidget-background,rgba(128,128,128,.06));
  --focus:var(--vscode-focusBorder,#0969da);
  --red:var(--vscode-editorError-foreground,var(--vscode-charts-red,#cf222e));
  --yellow:var(--vscode-editorWarning-foreground,var(--vscode-charts-yellow,#bf8700));
  --blue:var(--vscode-charts-blue,#0969da);--green:var(--vscode-charts-green,#2da44e);--purple:var(--vscode-charts-purple,#8250df);
  --orange:var(--vscode-charts-orange,#d1242f);
  --edge:var(--vscode-editorLineNumber-foreground,rgba(128,128,128,.7));
}
*{box-sizing:border-box}
body{margin:0;padding:20px 24px 40px;color:var(--fg);background:var(--bg);font-family:var(--vscode-font-family,system-ui,sans-serif);font-size:var(--vscode-font-size,13px);line-height:1.45}
h1{font-size:1.6em;margin:0 0 4px;font-weight:600}
h2{font-size:.82em;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600;margin:0 0 10px}
h3{font-size:1em;margin:16px 0 6px}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
a:focus-visible{outline:1px solid var(--focus);outline-offset:2px}
.eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.78em;color:var(--muted);font-weight:600}
.meta,.hint{color:var(--muted);margin:0 0 8px}.small{font-size:.9em}.muted{color:var(--muted)}
.chips{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:8px 0}
.chip{border:1px solid var(--border);border-left:4px solid var(--c);border-radius:4px;padding:2px 10px}
.chip b{color:var(--c);margin-right:2px}.chip.zero{opacity:.55}
.chip-contradiction,.flag-contradiction,.badge-contradiction{--c:var(--red)}
.chip-orphan,.flag-orphan,.badge-orphan{--c:var(--orange)}
.chip-unplanned,.flag-unplanned,.badge-unplanned{--c:var(--yellow)}
.chip-broken,.flag-broken,.badge-broken,.chip-stale,.flag-stale,.badge-stale{--c:var(--purple)}
.legend{color:var(--muted);font-size:.9em;display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px;margin:6px 0}
.key{display:inline-block;width:28px;border-top:2px solid var(--edge);vertical-align:middle}
.key-inferred{border-top-style:dashed}.key-conflict{border-top:2px dashed var(--red)}
.graph{position:relative;overflow:auto;border:1px solid var(--border);border-radius:6px;background:var(--card);margin:12px 0 24px;padding:14px}
.edges{position:absolute;left:0;top:0;pointer-events:none;overflow:visible}
.edges path{fill:none;stroke:var(--edge);stroke-width:1.4;opacity:.75}
.edges path.inferred{stroke-dasharray:5 4}
.edges path.structural{opacity:.4}
.edges path.conflict{stroke:var(--red);stroke-width:2;stroke-dasharray:6 3;opacity:.9}
.edges path.lit{stroke:var(--focus);stroke-width:2.4;opacity:1}
.edges path.conflict.lit{stroke:var(--red)}
.edges path.dim{opacity:.12}
.edges text{font-size:10px;fill:var(--muted)}
.columns{position:relative;display:grid;grid-template-columns:repeat(6,minmax(190px,1fr));gap:34px;min-width:1280px}
.column ul{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.count{font-weight:400;color:var(--muted);margin-left:4px}
.empty{color:var(--muted);font-style:italic;margin:0}
.node{all:unset;box-sizing:border-box;display:flex;flex-direction:column;gap:2px;width:100%;padding:7px 9px;border:1px solid var(--border);border-left:4px solid var(--k);border-radius:5px;background:var(--bg);color:var(--fg);cursor:pointer;font:inherit;font-size:.95em;line-height:1.35}
.node:hover{border-color:var(--focus)}
.node:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
.node.lit{border-color:var(--focus);box-shadow:0 0 0 1px var(--focus)}
.node.dim{opacity:.45}
.node .label{font-weight:700;color:var(--k);font-size:.85em}
.node .title{overflow-wrap:anywhere}
.node .where{color:var(--muted);font-size:.82em}
.kind-diagnosis{--k:var(--muted)}.kind-policy{--k:var(--blue)}.kind-action,.kind-decision{--k:var(--green)}
.kind-objective,.kind-key-result{--k:var(--purple)}.kind-roadmap-item{--k:var(--link)}.kind-release-entry{--k:var(--muted)}
.node.flag-contradiction,.node.flag-orphan,.node.flag-unplanned,.node.flag-broken{border:2px solid var(--c);border-left-width:5px;border-style:dashed solid dashed solid}
.badge{align-self:flex-start;margin-top:3px;border-radius:9px;padding:0 7px;font-size:.78em;font-weight:600;color:var(--bg);background:var(--c)}
section{margin-top:22px}
.plain{padding-left:18px}.plain li{margin:4px 0}.plain p{margin:2px 0}
.findings .finding p{margin:2px 0 8px}
.rule{font-family:var(--vscode-editor-font-family,monospace);font-size:.92em;color:var(--muted)}
.conflict{color:var(--red)}
`;

const SCRIPT = `
(function () {
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
  var data = JSON.parse(document.getElementById('map-data').textContent || '{"edges":[]}');
  var graph = document.getElementById('graph');
  var svg = document.getElementById('edges');
  var NS = 'http://www.w3.org/2000/svg';
  var byId = {};
  Array.prototype.forEach.call(document.querySelectorAll('.node'), function (node) { byId[node.id] = node; });
  var paths = [];
  function draw() {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    paths = [];
    var box = graph.getBoundingClientRect();
    svg.setAttribute('width', graph.scrollWidth);
    svg.setAttribute('height', graph.scrollHeight);
    data.edges.forEach(function (edge) {
      var a = byId[edge.from], b = byId[edge.to];
      if (!a || !b) return;
      var ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
      var ox = graph.scrollLeft - box.left, oy = graph.scrollTop - box.top;
      var forward = rb.left >= ra.right;
      var x1 = (forward ? ra.right : ra.left) + ox, y1 = ra.top + ra.height / 2 + oy;
      var x2 = (forward ? rb.left : rb.right) + ox, y2 = rb.top + rb.height / 2 + oy;
      var dx = Math.max(30, Math.abs(x2 - x1) / 2) * (forward ? 1 : -1);
      var path = document.createElementNS(NS, 'path');
      path.setAttribute('d', 'M' + x1 + ',' + y1 + ' C' + (x1 + dx) + ',' + y1 + ' ' + (x2 - dx) + ',' + y2 + ' ' + x2 + ',' + y2);
      path.setAttribute('class', edge.kind);
      var title = document.createElementNS(NS, 'title');
      title.textContent = edge.label;
      path.appendChild(title);
      svg.appendChild(path);
      paths.push({ edge: edge, path: path });
    });
  }
  function neighbours(id) {
    var found = {};
    data.edges.forEach(function (edge) {
      if (edge.from === id) found[edge.to] = true;
      if (edge.to === id) found[edge.from] = true;
    });
    return found;
  }
  function light(id) {
    var near = id ? neighbours(id) : null;
    paths.forEach(function (p) {
      var on = id && (p.edge.from === id || p.edge.to === id);
      p.path.classList.toggle('lit', !!on);
      p.path.classList.toggle('dim', !!id && !on);
    });
    Object.keys(byId).forEach(function (key) {
      byId[key].classList.toggle('lit', !!near && !!near[key]);
      byId[key].classList.toggle('dim', !!near && key !== id && !near[key]);
    });
  }
  function open(target) {
    var line = Number(target.getAttribute('data-line'));
    if (vscode && line > 0) vscode.postMessage({ command: 'reveal', doc: target.getAttribute('data-doc'), line: line });
  }
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (!target) return;
    event.preventDefault();
    open(target);
  });
  document.addEventListener('focusin', function (event) {
    var node = event.target instanceof Element ? event.target.closest('.node') : null;
    light(node ? node.id : null);
  });
  graph.addEventListener('mouseover', function (event) {
    var node = event.target instanceof Element ? event.target.closest('.node') : null;
    if (node) light(node.id);
  });
  graph.addEventListener('mouseleave', function () {
    var active = document.activeElement && document.activeElement.classList && document.activeElement.classList.contains('node') ? document.activeElement.id : null;
    light(active);
  });
  function inColumn(node) {
    return Array.prototype.slice.call(node.closest('.column').querySelectorAll('.node'));
  }
  function column(layer) {
    return Array.prototype.slice.call(document.querySelectorAll('.node[data-layer="' + layer + '"]'));
  }
  function step(node, delta) {
    // The nearest layer in that direction holding an item linked to this one; when no layer
    // does, the closest item of the next layer that has items.
    var layer = Number(node.getAttribute('data-layer'));
    var near = neighbours(node.id), fallback = null;
    for (var next = layer + delta; next >= 0 && next <= 5; next += delta) {
      var candidates = column(next);
      if (candidates.length === 0) continue;
      var linked = candidates.filter(function (c) { return near[c.id]; });
      if (linked.length > 0) return linked[0];
      if (!fallback) {
        var y = node.getBoundingClientRect().top;
        fallback = candidates.reduce(function (best, c) { return Math.abs(c.getBoundingClientRect().top - y) < Math.abs(best.getBoundingClientRect().top - y) ? c : best; });
      }
    }
    return fallback;
  }
  graph.addEventListener('keydown', function (event) {
    var node = event.target instanceof Element ? event.target.closest('.node') : null;
    if (!node) return;
    var list = inColumn(node), i = list.indexOf(node), target = null;
    if (event.key === 'ArrowDown') target = list[i + 1];
    else if (event.key === 'ArrowUp') target = list[i - 1];
    else if (event.key === 'Home') target = list[0];
    else if (event.key === 'End') target = list[list.length - 1];
    else if (event.key === 'ArrowRight') target = step(node, 1);
    else if (event.key === 'ArrowLeft') target = step(node, -1);
    else return;
    event.preventDefault();
    if (target) { target.focus(); target.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  });
  draw();
  if (typeof ResizeObserver === 'function') new ResizeObserver(function () { draw(); }).observe(graph);
  window.addEventListener('resize', draw);
})();
`;
