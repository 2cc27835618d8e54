/**
 * The workspace model (engine/workspace): what a document contributes (policies, actions,
 * objectives, key results, roadmap items, what policies rule out), how references resolve, which
 * strategy a document serves, that inferred links are never certain, that an edit rebuilds only
 * its document's part, and the strategy map built from it. Behaviour only; timings are in
 * `npm run bench`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildStrategyMap, lint, lintWorkspace, WorkspaceModel, type WorkspaceOptions } from '../src/engine/index.js';
import { exclusionsIn, pursues } from '../src/engine/workspace/exclusions.js';
import { normaliseLabel, parseLabelList, resolvePath, splitTarget } from '../src/engine/workspace/refs.js';
import { textBlockOf } from '../src/engine/model/text-block.js';
import { parseMarkdown } from '../src/engine/model/parse.js';
import type { Paragraph } from 'mdast';
import { FIXTURE_TODAY } from './helpers/fixtures.js';

const STRATEGY = `# Fernhill strategy 2027

## Diagnosis

Small field-service firms churn in their first month because setting up the dispatch board takes two weeks.

## Guiding policy

- **P1. Owner-operated firms first, not enterprise.** We build for firms with 2 to 20 technicians.
- **P2. Dispatch on the first day.** A new firm schedules its first job on the day it signs up.

## Coherent actions

1. **A1. Job history import** from spreadsheets.
2. **A2. Guided dispatch setup** from sign-up to the first scheduled job.
`;

function modelOf(files: Record<string, string>, options: WorkspaceOptions = {}): WorkspaceModel {
  const model = new WorkspaceModel(options);
  for (const [key, text] of Object.entries(files)) set(model, key, text);
  return model;
}

function set(model: WorkspaceModel, key: string, text: string): void {
  const result = lint(text, { filePath: key, today: FIXTURE_TODAY, onlyRules: [] });
  model.set(key, { document: result.document, layers: result.layers });
}

describe('what a document contributes', () => {
  test('a strategy: its diagnosis, its policies and actions with their labels, and what the policies rule out', () => {
    const part = modelOf({ 'strategy.md': STRATEGY }).graph.part('strategy.md')!;
    assert.deepEqual(part.nodes.map((node) => `${node.kind} ${node.label}`), ['diagnosis D1', 'policy P1', 'policy P2', 'action A1', 'action A2']);
    assert.equal(part.nodes[1].title, 'Owner-operated firms first, not enterprise. We build for firms with 2 to 20 technicians.');
    assert.deepEqual(part.exclusions.map((e) => [e.phrase, e.time.kind]), [['enterprise', 'always']]);
  });

  test('policies written as prose are its sentences; labels written on the items win over their order', () => {
    const prose = '# S\n\n## Diagnosis\n\nFirms churn because setup takes two weeks.\n\n## Guiding policy\n\nWe serve owner-operated firms first. We make setup self-serve for every new firm.\n\n## Coherent actions\n\n- **A3.** Guided setup.\n- **A1.** Import.\n';
    const part = modelOf({ 'strategy.md': prose }).graph.part('strategy.md')!;
    assert.deepEqual(part.nodes.filter((n) => n.kind !== 'diagnosis').map((n) => n.label), ['P1', 'P2', 'A3', 'A1']);
  });

  test('an OKR set: objectives, and key results numbered by objective as written or by position', () => {
    const okrs = '# OKRs, H1 2027\n\n## Objective 1: Dispatch on day one\n\nServes: P2\n\n- KR1: Raise first-day dispatch from 12% to 50% by June 2027\n- Cut setup time from 14 days to 1 by June 2027\n\n## Objective 2: Keep technicians in the app\n\n- KR 2.1: Raise weekly active technicians from 35% to 70% by June 2027\n';
    const part = modelOf({ 'okrs.md': okrs }).graph.part('okrs.md')!;
    assert.deepEqual(part.nodes.map((node) => `${node.kind} ${node.label}`), ['objective O1', 'objective O2', 'key-result KR1.1', 'key-result KR1.2', 'key-result KR2.1']);
    assert.deepEqual(part.nodes[0].refs.map((ref) => ref.label), ['P2'], 'the Serves: paragraph under an objective heading is the objective\'s');
    assert.deepEqual(part.nodes[2].years, { from: 2027, to: 2027 });
  });

  test('a roadmap: its items with their horizon, and where a Serves label would go', () => {
    const roadmap = '# Roadmap\n\n## Now (Q1 2027)\n\n- **Spreadsheet import** for new firms\n\n## Later\n\n- **Dark mode**\n';
    const part = modelOf({ 'roadmap.md': roadmap }).graph.part('roadmap.md')!;
    assert.deepEqual(part.nodes.map((node) => [node.kind, node.horizon]), [['roadmap-item', 'Q1 2027'], ['roadmap-item', 'Later']]);
    assert.equal(roadmap.slice(part.nodes[0].labelAt! - 9, part.nodes[0].labelAt), 'new firms');
  });
});

describe('references', () => {
  test('labels are read as people write them', () => {
    assert.equal(normaliseLabel('Policy 2'), 'P2');
    assert.equal(normaliseLabel('KR 1.2'), 'KR1.2');
    assert.equal(normaliseLabel('objective 3'), 'O3');
    assert.equal(normaliseLabel('p2'), null, 'a lower-case letter alone is not a label');
    assert.equal(normaliseLabel('Parts 2'), null);
    assert.deepEqual(parseLabelList('P2, A1 and KR 1.2 — the rest').map((l) => l.label), ['P2', 'A1', 'KR1.2']);
    assert.deepEqual(parseLabelList('[Policy 2](strategy.md#guiding-policy) and A3').map((l) => l.label), ['P2', 'A3']);
  });

  test('link targets: documents and headings, resolved against the referring document; web pages are not', () => {
    assert.deepEqual(splitTarget('../strategy.md#Guiding-Policy'), { path: '../strategy.md', fragment: 'guiding-policy' });
    assert.equal(splitTarget('https://example.com/strategy.md'), null);
    assert.equal(splitTarget('diagram.png'), null);
    assert.equal(resolvePath('docs/roadmaps/web.md', '../strategy.md'), 'docs/strategy.md');
    assert.equal(resolvePath('docs/roadmap.md', '/okrs/2027.md'), 'okrs/2027.md');
  });

  test('a link to a heading names the node under it; its text can name one of several', () => {
    const roadmap = '# Roadmap\n\n## Now\n\n- Setup checklist: [Policy 2](strategy.md#guiding-policy)\n- Import preview: [guiding policy](strategy.md#guiding-policy)\n';
    const graph = modelOf({ 'strategy.md': STRATEGY, 'roadmap.md': roadmap }).graph;
    const [first, second] = graph.part('roadmap.md')!.nodes;
    assert.deepEqual(graph.outgoing(first.id).filter((l) => l.kind === 'explicit').map((l) => l.to), ['strategy.md#policy:2']);
    assert.deepEqual(graph.outgoing(second.id).filter((l) => l.kind === 'explicit').map((l) => [l.to, l.section]), [['doc:strategy.md', 'Guiding policy']]);
  });

  test('a label two strategies both have is ambiguous: traced, but to neither', () => {
    const roadmap = '# Roadmap\n\n## Now\n\n- Import preview. Serves: P1\n';
    const graph = modelOf({ 'a/strategy.md': STRATEGY, 'a/other.strategy.md': STRATEGY, 'a/roadmap.md': roadmap }).graph;
    const item = graph.part('a/roadmap.md')!.nodes[0];
    assert.deepEqual(graph.outgoing(item.id).filter((l) => l.kind === 'explicit').map((l) => l.to), ['doc:*']);
    assert.deepEqual(graph.broken, []);
  });
});

describe('which strategy a document serves', () => {
  test('the one it names; else the nearest folder above that holds one, not a sibling team\'s', () => {
    const graph = modelOf({
      'strategy.md': STRATEGY,
      'payments/strategy.md': STRATEGY,
      'payments/roadmap.md': '# Payments roadmap\n\n## Now\n\n- Import\n',
      'growth/roadmap.md': '# Growth roadmap\n\n## Now\n\n- Import\n',
      'growth/named.roadmap.md': '---\nserves: ../payments/strategy.md\n---\n\n# Named roadmap\n\n## Now\n\n- Import\n',
    }).graph;
    assert.deepEqual(graph.scope('payments/roadmap.md'), ['payments/strategy.md']);
    assert.deepEqual(graph.scope('growth/roadmap.md'), ['strategy.md']);
    assert.deepEqual(graph.scope('growth/named.roadmap.md'), ['payments/strategy.md']);
  });
});

describe('inferred links', () => {
  test('come with a confidence below 1, and only two shared rare terms make one likely', () => {
    const roadmap = '# Roadmap\n\n## Now\n\n- **Spreadsheet job history import** with a preview\n- **Dark mode**\n';
    const graph = modelOf({ 'strategy.md': STRATEGY, 'roadmap.md': roadmap }).graph;
    const inferred = graph.links.filter((link) => link.kind === 'inferred');
    assert.ok(inferred.length > 0);
    assert.ok(inferred.every((link) => link.confidence > 0 && link.confidence < 1));
    const [importItem, darkMode] = graph.part('roadmap.md')!.nodes;
    assert.ok(graph.outgoing(importItem.id).some((link) => link.to === 'strategy.md#action:1' && link.kind === 'inferred' && (link.shared ?? []).length >= 2));
    assert.deepEqual(graph.outgoing(darkMode.id), []);
  });
});

describe('incremental updates', () => {
  test('setting a document model it has seen rebuilds nothing; an edited document rebuilds its part only', () => {
    const model = modelOf({ 'strategy.md': STRATEGY, 'roadmap.md': '# Roadmap\n\n## Now\n\n- **Dark mode**\n' });
    const extractions = model.extractions;
    const graph = model.graph;
    const strategy = lint(STRATEGY, { filePath: 'strategy.md', today: FIXTURE_TODAY, onlyRules: [] });
    model.set('strategy.md', { document: model.input('strategy.md')!.document, layers: strategy.layers });
    assert.equal(model.extractions, extractions);
    assert.equal(model.graph, graph, 'the links are not resolved again');
    set(model, 'roadmap.md', '# Roadmap\n\n## Now\n\n- **Dark mode** for the board. Serves: A2\n');
    assert.equal(model.extractions, extractions + 1);
    assert.notEqual(model.graph, graph);
    assert.equal(model.graph.part('strategy.md'), graph.part('strategy.md'), 'the strategy\'s part is the same object');
  });

  test('deleting a document drops its findings and the links to it', () => {
    const model = modelOf({ 'strategy.md': STRATEGY, 'roadmap.md': '# Roadmap\n\n## Now\n\n- **Dark mode**\n' });
    assert.ok(lintWorkspace(model).findings.has('roadmap.md'));
    model.delete('strategy.md');
    assert.equal(lintWorkspace(model).findings.size, 0, 'without a strategy nothing is traced');
  });
});

describe('what a policy rules out, and what pursues it', () => {
  const block = (text: string) => textBlockOf('paragraph', parseMarkdown(text).children[0] as Paragraph);
  const ruledOut = (text: string, year = 2027) => exclusionsIn(block(text), null, year).map((e) => `${e.phrase}|${e.time.kind === 'years' ? `${e.time.from}-${e.time.to}` : e.time.kind}`);

  test('the phrase after the marker, without its verb and its tail', () => {
    assert.deepEqual(ruledOut('Mid-market first, not enterprise.'), ['enterprise|always']);
    assert.deepEqual(ruledOut('We will no longer build custom integrations for new enterprise deals in 2027.'), ['custom integrations|2027-2027']);
    assert.deepEqual(ruledOut('Self-serve onboarding rather than a bigger solutions team.'), ['bigger solutions team|always']);
    assert.deepEqual(ruledOut('We will not build on-prem or private cloud versions.'), ['on-prem|always', 'private cloud versions|always']);
    assert.deepEqual(ruledOut('We will not chase enterprise deals this year.'), ['enterprise deals|2027-2027']);
  });

  test('"not only", "not just", "whether or not", "not yet" and long clauses rule nothing out', () => {
    assert.deepEqual(ruledOut('We serve not only small firms but also enterprise contractors.'), []);
    assert.deepEqual(ruledOut('Not just software: setup help too, whether or not a firm asks.'), []);
    assert.deepEqual(ruledOut('We will not yet sell to enterprise contractors.'), []);
    assert.deepEqual(ruledOut('We will not build a desktop client for now.'), ['desktop client|vague']);
    assert.deepEqual(ruledOut('We do not think every firm with a large office and many trucks needs a dispatcher.'), []);
  });

  test('an item pursues the phrase after a verb of pursuit, a count or at its head — not when it keeps, cuts or refers it', () => {
    const enterprise = { stems: exclusionsIn(block('Not enterprise.'), null, 2027)[0].stems };
    const pursued = (text: string, head = false) => pursues(text, enterprise, head)?.how ?? null;
    assert.equal(pursued('Close five enterprise deals by June 2027'), 'close');
    assert.equal(pursued('10 new enterprise logos by June 2027'), 'count');
    assert.equal(pursued('Enterprise SSO and audit logs', true), 'head');
    assert.equal(pursued('Enterprise churn below 3%'), null, 'a key result\'s head is its metric');
    assert.equal(pursued('Keep enterprise churn below 3%'), null);
    assert.equal(pursued('Reduce enterprise support tickets from 40 to 10'), null);
    assert.equal(pursued('Refer enterprise contractors to partners', true), null);
    assert.equal(pursued('Win 200 firms from enterprise vendors'), null);
    assert.equal(pursued('Grow non-enterprise revenue'), null);
    assert.equal(pursued('Increase enterprise retention to 95%'), null);
    assert.equal(pursued('Sign 3 enterprise pilots (exception approved by the board)'), null);
    assert.equal(pursued('Templates instead of enterprise workflows', true), null);
  });
});

describe('the strategy map', () => {
  test('layers, links drawn from what is served to what serves it, flags from the findings, and what carries out each policy', () => {
    const roadmap = '---\nserves: strategy.md\n---\n\n# Roadmap\n\n## Now\n\n- **Spreadsheet import** for new firms. Serves: A1\n- **Enterprise SSO** for large contractors\n- **Dark mode** for the board\n';
    const model = modelOf({ 'strategy.md': STRATEGY, 'roadmap.md': roadmap });
    const map = buildStrategyMap(model.graph, lintWorkspace(model).findings);
    const node = (title: string) => map.nodes.find((n) => n.title.startsWith(title))!;
    assert.equal(node('Owner-operated').layer, 1);
    assert.equal(node('Spreadsheet import').layer, 4);
    assert.ok(map.edges.some((edge) => edge.from === 'strategy.md#action:1' && edge.to === node('Spreadsheet import').id && edge.kind === 'explicit'));
    assert.deepEqual(node('Dark mode').flags, ['orphan']);
    assert.deepEqual(node('Enterprise SSO').flags.sort(), ['contradiction', 'orphan']);
    assert.deepEqual(map.conflicts, [{ policy: 'strategy.md#policy:1', item: node('Enterprise SSO').id, phrase: 'enterprise' }]);
    const a1 = map.carriedOut.find((entry) => entry.node === 'strategy.md#action:1')!;
    assert.deepEqual(a1.servedBy.map((s) => s.node), [node('Spreadsheet import').id]);
    assert.equal(node('Guided dispatch setup').flags.length, 1, 'A2 is planned nowhere');
  });
});

describe('notes', () => {
  test('without dates and without git history, trace/stale-after-strategy says once that it skipped', () => {
    const roadmap = '---\nserves: strategy.md\n---\n\n# Roadmap\n\n## Now\n\n- **Import**. Serves: A1\n';
    const model = modelOf({ 'strategy.md': STRATEGY, 'roadmap.md': roadmap, 'web.roadmap.md': roadmap }, { history: 'none' });
    const { notes } = lintWorkspace(model, { onlyRules: ['trace/stale-after-strategy'] });
    assert.deepEqual(notes, ['trace/stale-after-strategy skipped 2 roadmap or OKR documents: no front-matter date (updated:) and no git history was read.']);
  });

  test('a disable comment on the line suppresses a trace finding, and front matter can turn a rule off', () => {
    const roadmap = '# Roadmap\n\n## Now\n\n<!-- strategy-lint-disable-next-line trace/orphan-item -->\n- **Dark mode**\n- **Wallpapers**\n';
    const off = '---\nstrategy-lint:\n  disable: [trace/orphan-item]\n---\n\n# Web roadmap\n\n## Now\n\n- **Dark mode**\n';
    const model = modelOf({ 'strategy.md': STRATEGY, 'roadmap.md': roadmap, 'web.roadmap.md': off });
    const findings = lintWorkspace(model, { onlyRules: ['trace/orphan-item'] }).findings;
    assert.deepEqual(findings.get('roadmap.md')!.map((f) => f.line), [7]);
    assert.equal(findings.has('web.roadmap.md'), false);
  });
});
