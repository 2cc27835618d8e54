/**
 * The document model's reading of OKRs, roadmap items and release entries (model/document.ts,
 * model/items.ts): which lines are key results and objectives (Goal = Objective, Measure = Key
 * Result, Experiment = Task), which items are plan items and when they are planned, and which
 * parts of release notes are entries.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { StrategyDocument, type DocType } from '../src/engine/index.js';
import { DEFAULT_ROLE_SYNONYMS } from '../src/engine/model/roles.js';
import { KEY_RESULT_LABEL, OBJECTIVE_LABEL, TASK_LABEL } from '../src/engine/model/items.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';

const doc = (text: string, forcedType?: DocType) =>
  new StrategyDocument(text, { forcedType, roleSynonyms: DEFAULT_ROLE_SYNONYMS, fiscalYearStartMonth: 1, today: FIXTURE_TODAY });
const krTexts = (text: string, type: DocType = 'okr') => doc(text, type).keyResults.map((kr) => kr.item.text);

describe('labels', () => {
  for (const line of ['KR1: Raise activation', 'KR: Raise activation', 'KR 1.2 — Raise activation', 'KR-3: Raise activation', 'KR2) Raise activation',
    'Key result: Raise activation', 'Key results: Raise activation', 'Key result 2: Raise activation', 'Measure: Raise activation', '**KR1:** Raise activation']) {
    test(`"${line}" is a key-result label`, () => assert.ok(KEY_RESULT_LABEL.test(line)));
  }
  for (const line of ['Kraken: a monster', 'Measures taken last year', 'KRs are hard to write', 'Keyboard: new layout', 'Key resulting change']) {
    test(`"${line}" is not a key-result label`, () => assert.ok(!KEY_RESULT_LABEL.test(line)));
  }
  for (const line of ['Objective: Delight admins', 'Objective 2: Delight admins', 'O1: Delight admins', 'Goal: Delight admins', 'Goal 3 — Delight admins']) {
    test(`"${line}" is an objective label`, () => assert.ok(OBJECTIVE_LABEL.test(line)));
  }
  for (const line of ['Objectives matter', 'Goals and non-goals', 'Goalkeeper: Ana']) {
    test(`"${line}" is not an objective label`, () => assert.ok(!OBJECTIVE_LABEL.test(line)));
  }
  for (const line of ['Experiment: ship a checklist', 'Task: write the guide', 'Initiative 2: templates', 'Milestone: beta']) {
    test(`"${line}" is work, not a result`, () => assert.ok(TASK_LABEL.test(line)));
  }
});

describe('key results and objectives', () => {
  test('items under an objective heading are its key results; an initiatives subsection is not', () => {
    const d = doc('# OKRs\n\n## Objective 1: Admins finish setup in a day\n\n- Cut setup time from 6 hours to 1\n- Raise activation from 59% to 80%\n\n### Initiatives\n\n- Build the importer\n', 'okr');
    assert.equal(d.objectives.length, 1);
    assert.equal(d.objectives[0].kind, 'heading');
    assert.deepEqual(d.objectives[0].keyResults.map((kr) => kr.item.text), ['Cut setup time from 6 hours to 1', 'Raise activation from 59% to 80%']);
    assert.deepEqual(d.keyResults.map((kr) => kr.item.text), ['Cut setup time from 6 hours to 1', 'Raise activation from 59% to 80%']);
  });
  test('Goal = Objective and Measure = Key Result', () => {
    const d = doc('# Team goals\n\n- Goal: Admins finish setup in a day\n  - Measure: median setup time from 6 hours to 1\n  - Experiment: a one-page checklist\n', 'okr');
    assert.equal(d.objectives.length, 1);
    assert.deepEqual(d.objectives[0].keyResults.map((kr) => [kr.label, kr.item.text]), [['Measure', 'Measure: median setup time from 6 hours to 1']]);
  });
  test('in an OKR document, a top-level item with children is an objective', () => {
    const d = doc('# OKRs\n\n- Admins finish setup in a day\n  - Cut setup time from 6 hours to 1\n  - Raise activation from 59% to 80%\n', 'okr');
    assert.equal(d.objectives.length, 1);
    assert.equal(d.objectives[0].keyResults.length, 2);
  });
  test('labelled lines inside one paragraph belong to the objective line above them', () => {
    const d = doc('# OKRs\n\nObjective: Admins finish setup in a day\nKR1: Cut setup time from 6 hours to 1\nKR2: Raise activation from 59% to 80%\n', 'okr');
    assert.equal(d.objectives.length, 1);
    assert.deepEqual(d.objectives[0].keyResults.map((kr) => kr.label), ['KR1', 'KR2']);
  });
  test('a one-line labelled paragraph is a key result', () => {
    assert.deepEqual(krTexts('# Strategy\n\n## Success\n\nMeasure: weekly active teams from 1,200 to 1,800 by Q2 2027\n', 'strategy'),
      ['Measure: weekly active teams from 1,200 to 1,800 by Q2 2027']);
  });
  test('items of a metrics section are key results; a risks or initiatives subsection inside it is not', () => {
    const text = '# Strategy\n\n## Success metrics\n\n- Raise activation from 59% to 80%\n\n### Risks\n\n- Admins skip the import\n\n### Initiatives\n\n- Build the importer\n';
    assert.deepEqual(krTexts(text, 'strategy'), ['Raise activation from 59% to 80%']);
  });
  test('rows of a table under an objective are key results, with their header', () => {
    const d = doc('# OKRs\n\n## Objective 1: Admins finish setup in a day\n\n| Key result | Baseline | Target |\n|---|---|---|\n| Setup time (hours) | 6 | 1 |\n', 'okr');
    assert.equal(d.keyResults.length, 1);
    assert.equal(d.keyResults[0].item.kind, 'table-row');
    assert.deepEqual(d.keyResults[0].item.header, ['key result', 'baseline', 'target']);
  });
  test('non-goals, actions and prose are never key results', () => {
    const text = '# Strategy\n\n## Goals\n\n- Raise activation from 59% to 80%\n\n## Non-goals\n\n- Enterprise SSO\n\n## Coherent actions\n\n- Build the importer\n\nWe measure activation weekly.\n';
    assert.deepEqual(krTexts(text, 'strategy'), ['Raise activation from 59% to 80%']);
  });
  test('task-labelled and checkbox items under an objective', () => {
    const d = doc('# OKRs\n\n## Objective 1: Admins finish setup in a day\n\n- Task: write the import guide\n- [ ] Cut setup time from 6 hours to 1\n', 'okr');
    assert.deepEqual(d.keyResults.map((kr) => kr.item.text), ['Cut setup time from 6 hours to 1']);
  });
  test('the memo bench: four key results, no objectives, none from the actions table', () => {
    const text = '# Platform strategy\n\n## Coherent actions\n\n| Action | Owner | Due |\n|---|---|---|\n| Launch the developer portal | @dx | Q2 2027 |\n\n## Key results\n\n- KR1: Raise weekly deploy frequency from 3 to 10 per team by 2027-06-30\n- KR2: Launch the new developer portal\n';
    const d = doc(text, 'strategy');
    assert.equal(d.objectives.length, 0);
    assert.deepEqual(d.keyResults.map((kr) => kr.label), ['KR1', 'KR2']);
  });
});

describe('key-result layouts of real OKR pages', () => {
  const objectivesOf = (text: string, type: DocType = 'okr') => doc(text, type).objectives.map((o) => [o.text, o.keyResults.map((kr) => kr.item.text)]);
  test('nested objectives under the title, a period or an OKRs heading; not under design principles or a timeline', () => {
    assert.deepEqual(objectivesOf('# Acme\n\n- Admins finish setup in a day\n  - Cut setup time from 6 hours to 1\n'), [['Admins finish setup in a day', ['Cut setup time from 6 hours to 1']]]);
    assert.deepEqual(objectivesOf('# Goal\n\n## Q3 2027\n\n- Admins finish setup in a day\n  - Cut setup time from 6 hours to 1\n').length, 1);
    assert.deepEqual(objectivesOf('# Goal\n\n## Design axioms\n\n- **Safe**: never lose data\n  - writes are atomic\n\n## Timeline\n\n- Month 2-6:\n  - Create a charter\n'), []);
  });
  test('a heading under a period or an OKRs heading holding a list is an objective; its items\' children are details', () => {
    const text = '# Team OKRs\n\n## 2027 Q1\n\n### Search feels instant\n\n- Median latency from 420 ms to 150 ms\n  - measured on the English catalogue\n\n## Scoring\n\n- each result scores 0 to 1\n';
    assert.deepEqual(objectivesOf(text), [['Search feels instant', ['Median latency from 420 ms to 150 ms']]]);
  });
  test('a heading over a "Key results" subsection is its objective; the context bullets beside that subsection are not key results', () => {
    const text = '# OKRs\n\n### Maintainers stay current\n\n- Context: mirrors need a full copy today\n\n#### Key results\n\n- Sync at 20 MB/s\n';
    assert.deepEqual(objectivesOf(text), [['Maintainers stay current', ['Sync at 20 MB/s']]]);
  });
  test('a table of contents is never an objective nor a key result', () => {
    const d = doc('# OKRs\n\n- [Q1](#q1)\n  - [Search](#search)\n\n## Q1\n\n### Search\n\n- Cut latency from 400 ms to 150 ms\n', 'okr');
    assert.deepEqual(d.keyResults.map((kr) => kr.item.text), ['Cut latency from 400 ms to 150 ms']);
  });
  test('a "Key results:" label list belongs to the objective line above it; group labels are not key results', () => {
    const text = '# OKRs\n\n**Objective:** Field teams trust sync\n\n**Key results:**\n\n- Reliability\n  - [ ] No edit lost in 10,000 reconnects\n- Reach\n  - [ ] 400 weekly active field teams\n\n**Not included**\n\n- A desktop client\n';
    assert.deepEqual(objectivesOf(text), [['Objective: Field teams trust sync', ['No edit lost in 10,000 reconnects', '400 weekly active field teams']]]);
  });
  test('a key-results section in prose: one key result per subsection, its first paragraph; "KR:" in an initiative is a reference', () => {
    const text = '# OKRs\n\n### Objective: Mirrors stay current\n\n#### Key results\n\nThe results below are ordered.\n\n##### P0: Sync\n\nA mirror syncs at 20 MB/s.\n\nThat is fast enough.\n\n##### P1: Import\n\nA full mirror imports in 4 hours.\n\n#### Initiatives\n\n**KR**: Sync\n';
    assert.deepEqual(objectivesOf(text), [['Objective: Mirrors stay current', ['A mirror syncs at 20 MB/s.', 'A full mirror imports in 4 hours.']]]);
  });
  test('a key-result heading is a key result, its section its details', () => {
    const d = doc('# OKRs\n\n## Objective 1: Deploys are boring\n\n### KR 1.1: Cut change failure rate from 18% to 8%\n\n- tracked weekly\n', 'okr');
    assert.deepEqual(d.keyResults.map((kr) => [kr.label, kr.item.text, kr.objective?.text]), [['KR 1.1', 'KR 1.1: Cut change failure rate from 18% to 8%', 'Objective 1: Deploys are boring']]);
  });
  test('a goal proposal with no key results is judged by its summary, not its plan', () => {
    const d = doc('# Faster builds\n\n## Summary\n\nShip the new build cache.\n\n### The next 6 months\n\n- Implement the cache\n', 'okr');
    assert.deepEqual(d.keyResults.map((kr) => [kr.item.text, kr.standIn]), [['Ship the new build cache.', true]]);
  });
});

describe('roadmap items', () => {
  const when = (text: string) => doc(text, 'roadmap').roadmapItems.map((r) => [r.item.text, r.when?.text ?? null, r.whenSection?.title ?? null]);
  test('an item\'s own date wins over its section\'s horizon; a year heading is a period', () => {
    const text = '---\nupdated: 2026-11-21\n---\n\n# Roadmap\n\n## Now\n\n- Import (Q1 2027)\n- Presets\n\n## 2028\n\n- Marketplace\n';
    assert.deepEqual(when(text), [['Import (Q1 2027)', 'Q1 2027', null], ['Presets', 'Now', 'Now'], ['Marketplace', '2028', '2028']]);
  });
  test('a short theme with children is a group; an item with "Why:" sub-bullets is one item', () => {
    const text = '# Roadmap\n\n## Later\n\n- Reporting\n  - Portfolio view\n  - Scheduled exports\n- **Intake forms**\n  - Why: teams lose a third of incoming work\n  - Outcome: tracked work from 35% to 70%\n';
    assert.deepEqual(doc(text, 'roadmap').roadmapItems.map((r) => r.item.text), ['Portfolio view', 'Scheduled exports', 'Intake forms']);
  });
  test('done work and explanatory sections are not plan items', () => {
    const text = '# Roadmap\n\n## Why\n\n- Win mid-market\n\n## Now\n\n- [x] Bulk edit\n- [ ] Import\n\n| Item | Status |\n|---|---|\n| Presets | Done |\n| SSO | Planned |\n\n## Shipped\n\n- Dark mode\n\n## Risks\n\n- Churn\n';
    assert.deepEqual(doc(text, 'roadmap').roadmapItems.map((r) => r.item.text), ['Import', 'SSO | Planned']);
  });
});

describe('release entries', () => {
  test('list items and one-subsection-per-change entries, with their categories', () => {
    const text = '# Release notes\n\n## 2.4.0 — 2026-11-21\n\nThis release is for admins.\n\n### Imports run in the background\n\nYou can keep working while a file loads.\n\n## 2.3.0 — 2026-10-02\n\n### Added\n\n- Dark mode\n\n### Fixed\n\n- A crash on archived boards\n';
    const d = doc(text, 'release-notes');
    assert.deepEqual(d.releases.map((r) => [r.version, r.date?.text ?? null]), [['2.4.0', '2026-11-21'], ['2.3.0', '2026-10-02']]);
    assert.deepEqual(d.releaseEntries.map((e) => [e.kind, e.item.text, e.category?.title ?? null]), [
      ['section', 'Imports run in the background. You can keep working while a file loads.', null],
      ['item', 'Dark mode', 'Added'],
      ['item', 'A crash on archived boards', 'Fixed'],
    ]);
  });
  test('a single-release document with category headings only: the title is the release', () => {
    const d = doc('# What\'s new in Northwind\n\n### New\n\n- Pinned boards\n', 'release-notes');
    assert.deepEqual(d.releases.map((r) => r.section?.title), ['What\'s new in Northwind']);
    assert.deepEqual(d.releaseEntries.map((e) => e.item.text), ['Pinned boards']);
  });
  test('a release post whose title names the version is one release, the whole document', () => {
    // Level-1 headings side by side, as blog posts write them: all of them belong to the release in the title.
    const text = '# Northwind 0.12.1\n\nToday we release 0.12.1.\n\n# Where to get it\n\nFrom the app store.\n\n# Changes\n\n## Bug fixes\n\n- Exports keep their order.\n\n# Contributors\n\n- Ana fixed the export order\n';
    const d = doc(text, 'release-notes');
    assert.deepEqual(d.releases.map((r) => [r.section?.title, r.version, r.start, r.end]), [['Northwind 0.12.1', '0.12.1', 0, text.length]]);
    assert.deepEqual(d.releaseEntries.map((e) => [e.item.text, e.category?.title ?? null]), [['Exports keep their order.', 'Changes']]);
    // The version in front matter only; a heading naming another product's version is part of the post.
    const post = doc('---\ntitle: Northwind for TV 0.19\n---\n\n## Search\n\nSearch was redesigned.\n\n## Server 10.11\n\nWorks with both servers.\n', 'release-notes');
    assert.deepEqual(post.releases.map((r) => [r.section?.title ?? null, r.version]), [[null, '0.19']]);
    assert.deepEqual(post.releaseEntries.map((e) => [e.kind, e.item.text]), [['section', 'Search. Search was redesigned.']]);
    // Two versions in the headings: a changelog, releases by heading as before.
    assert.deepEqual(doc('# Northwind 2\n\n## 2.1.0\n\n- a\n\n## 2.0.0\n\n- b\n', 'release-notes').releases.map((r) => r.version), ['2.1.0', '2.0.0']);
  });
  test('category bullets, feature subsections with details, reference lists and quoted notes', () => {
    const text = '# Release notes\n\n## 3.0.0 — 2026-11-21\n\n* BUGFIXES\n  * A crash on archived boards\n* Key bindings:\n  * `j` moves down\n\n> - a tip, not an entry\n\n- [`Board::archive`](https://example.com)\n\n### Log naming\n\nA setting names log files.\n\n| Value | Meaning |\n|---|---|\n| guid | a GUID |\n';
    const d = doc(text, 'release-notes');
    assert.deepEqual(d.releaseEntries.map((e) => [e.kind, e.item.text, e.label ?? null, e.item.children.length]), [
      ['item', 'A crash on archived boards', 'BUGFIXES', 0],
      ['item', 'Key bindings:', null, 1],
      ['section', 'Log naming. A setting names log files.', null, 1],
    ]);
  });
  test('versions and release words in headings', () => {
    const titles = (text: string) => doc(text, 'release-notes').releases.map((r) => [r.section?.title, r.version]);
    assert.deepEqual(titles('# Changelog\n\n## [Unreleased]\n\n- a\n\n## v12\n\n- b\n\n## Release 47\n\n- c\n\n## How to release\n\n- d\n'),
      [['[Unreleased]', null], ['v12', 'v12'], ['Release 47', 'Release 47']]);
  });
});

describe('today and the reference date', () => {
  test('front matter `updated:` is the reference date; today stays today', () => {
    const d = doc('---\nupdated: 2026-03-01\n---\n\n# Roadmap\n', 'roadmap');
    assert.equal(d.referenceDate.toISOString().slice(0, 10), '2026-03-01');
    assert.equal(d.today.toISOString().slice(0, 10), '2026-11-21');
  });
});

describe('key-result tables', () => {
  test('a "Key result" column makes rows key results; an "Objective" column groups them, empty cells continue', () => {
    const text = '# Q1 2027 OKRs\n\n| Objective | Key result | Target |\n|---|---|---|\n| Faster onboarding | Setup time (hours) | 1.5 |\n| | Import wizard adoption | 60% |\n| Happier admins | Admin CSAT | 4.5 |\n';
    const d = doc(text, 'okr');
    assert.deepEqual(d.objectives.map((o) => [o.text, o.keyResults.length]), [['Faster onboarding', 2], ['Happier admins', 1]]);
    assert.equal(d.keyResults.length, 3);
  });
  test('a table without a key-result column outside a metrics section holds no key results', () => {
    assert.equal(doc('# Plan\n\n| Item | Owner |\n|---|---|\n| Import | @ana |\n', 'okr').keyResults.length, 0);
  });
});
