/**
 * Document types from everything a reader sees: the path, the title, the structure of the common
 * templates, weighed together, with the reason given in words. Generic documents that use the
 * same words — a README that mentions a strategy, a guide about roadmaps, a template — stay generic.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type DocType } from '../src/engine/index.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';

interface Case {
  name: string;
  path: string;
  text: string;
  type: DocType;
  /** Parts of the reason, in order. */
  reason?: RegExp;
  suggestion?: DocType;
}

const CASES: Case[] = [
  {
    name: 'a strategy README under strategy/, by folder and title',
    path: 'strategy/README.md',
    text: '# Developer infrastructure strategy\n\nOur builds take forty minutes; this page says how we get them under ten.\n',
    type: 'strategy',
    reason: /^folder strategy\/ and title “Developer infrastructure strategy”$/,
  },
  {
    name: 'a vision page by title and vision headings',
    path: 'docs/about.md',
    text: '# Our vision\n\n## Mission\n\nMake builds boring.\n\n## Principles\n\n- Fast feedback first.\n\n## Non-goals\n\n- A hosted CI service.\n',
    type: 'strategy',
    reason: /title “Our vision”.*vision and strategy headings \(Mission, Principles, Non-goals\)/,
  },
  {
    name: 'a front-matter title counts as the title',
    path: 'strategy/platform.md',
    text: '---\ntitle: Platform strategy 2027\n---\n\n## Where we are\n\nThree teams run three build systems.\n',
    type: 'strategy',
    reason: /folder strategy\/ and title “Platform strategy 2027”/,
  },
  {
    name: 'a README that mentions our strategy stays generic',
    path: 'README.md',
    text: '# Widget\n\nA small library. Our strategy is to keep it small; see the roadmap for what comes next.\n\n## Install\n\n```sh\nnpm i widget\n```\n',
    type: 'generic',
  },
  {
    name: 'a contributing guide with a Roadmap section stays generic',
    path: 'CONTRIBUTING.md',
    text: '# Contributing\n\n## Roadmap\n\nSee the roadmap issue for what we plan.\n\n## Now\n\nOpen a pull request.\n\n## Next\n\nWe review it.\n',
    type: 'generic',
  },
  {
    name: 'a guide about how to write a roadmap is not a roadmap',
    path: 'docs/guides/roadmaps.md',
    text: '# How to write a roadmap\n\n## Now\n\nList what the team works on this quarter.\n\n## Next\n\nList what comes after.\n\n## Later\n\nKeep it vague.\n',
    type: 'generic',
    reason: /reads as a guide or template/,
  },
  {
    name: 'an RFC by its template sections',
    path: 'text/0042-workspace-inheritance.md',
    text: '# Workspace inheritance\n\n## Summary\n\nLet members inherit keys.\n\n## Motivation\n\nKeys are copied by hand.\n\n## Guide-level explanation\n\nWrite `workspace = true`.\n\n## Drawbacks\n\nOne more concept.\n\n## Rationale and alternatives\n\nA separate file.\n\n## Unresolved questions\n\nNone.\n',
    type: 'decision',
    reason: /RFC sections \(Summary, Motivation, Guide-level explanation\)/,
  },
  {
    name: 'an ADR without a Decision heading, by its other sections and its folder',
    path: 'docs/adr/0003-use-postgres.md',
    text: '# 3. Use PostgreSQL\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a relational store.\n\n## Consequences\n\nWe run one more service.\n',
    type: 'decision',
    reason: /ADR sections|folder adr\//,
  },
  {
    name: 'a MADR record',
    path: 'docs/decisions/0010-support-categories.md',
    text: '# Support categories\n\n## Context and Problem Statement\n\nRecords pile up.\n\n## Considered Options\n\n* Folders\n* Tags\n\n## Decision Outcome\n\nChosen option: "Folders".\n',
    type: 'decision',
  },
  {
    name: 'a project-goal proposal (Summary / Motivation / Ownership / Milestones)',
    path: 'src/2025h1/async-closures.md',
    text: '# Stabilize async closures\n\n## Summary\n\nShip async closures.\n\n## Motivation\n\nPeople box futures by hand.\n\n### The next six months\n\n- Stabilize the feature.\n\n## Ownership and team asks\n\n| Task | Owner |\n|---|---|\n| Stabilize | @ana |\n',
    type: 'okr',
    reason: /project-goal sections/,
  },
  {
    name: 'goals by folder and title',
    path: 'goals/2026.md',
    text: '# 2026 goals\n\n- Halve build times.\n- Ship the new installer.\n',
    type: 'okr',
  },
  {
    name: 'a roadmap index under roadmap/, by folder and title',
    path: 'roadmap/index.md',
    text: '# Roadmap\n\n## v0.5\n\n- Plugin API\n- Faster startup\n\n## v0.6\n\n- Remote workspaces\n',
    type: 'roadmap',
    reason: /folder roadmap\/|title “Roadmap”/,
  },
  {
    name: 'a roadmap with Ongoing / Future / Completed sections',
    path: 'ROADMAP.md',
    text: '# Project plan\n\n## Ongoing\n\n- Plugin API\n\n## Future\n\n- Remote workspaces\n\n## Completed\n\n- [x] New parser\n',
    type: 'roadmap',
    reason: /^file name ROADMAP\.md/,
  },
  {
    name: 'a version-named file in a releases folder',
    path: 'docs/releases/v1.4.md',
    text: '# Fieldbook 1.4\n\n## New features\n\n- Offline maps, so you can work without a signal.\n\n## Bug fixes\n\n- Sync no longer stalls.\n',
    type: 'release-notes',
  },
  {
    name: 'a what’s-new page by folder and title',
    path: 'whats-new/2026-11.md',
    text: '# What’s new in November\n\nYou can now export boards as PDF.\n',
    type: 'release-notes',
  },
  {
    name: 'a monthly update by folder and title',
    path: 'updates/2026-10.md',
    text: '# October update\n\nWe closed two enterprise deals and lost one.\n',
    type: 'update',
    reason: /folder updates\/ and title “October update”/,
  },
  {
    name: 'an unfilled template is not a decision',
    path: 'docs/templates/adr-template.md',
    text: '# {short title of solved problem and solution}\n\n## Context and Problem Statement\n\n{Describe the context.}\n\n## Considered Options\n\n* {title of option 1}\n\n## Decision Outcome\n\nChosen option: "{title of option 1}".\n',
    type: 'generic',
  },
  {
    name: 'the RFC process README in rfcs/ is a guide',
    path: 'rfcs/README.md',
    text: '# The RFC process\n\nAn RFC is a design document. This page explains how to write one and how it is decided.\n\n## When to write an RFC\n\nFor any substantial change.\n',
    type: 'generic',
  },
  {
    name: 'meeting notes with a Decisions heading stay generic',
    path: 'meetings/2026-11-03.md',
    text: '# Team sync, 3 November\n\n## Attendees\n\nAna, Ben\n\n## Decisions\n\n- Move the release to Friday.\n',
    type: 'generic',
  },
  {
    name: 'a release announcement in a blog, title in TOML front matter',
    path: 'content/posts/fieldbook-2-4.md',
    text: '+++\ntitle = "Fieldbook 2.4 is out"\ndate = 2026-11-02\n+++\n\nOffline maps arrive on every plan.\n\n## Offline maps\n\nYou can now work without a signal.\n',
    type: 'release-notes',
    reason: /title “Fieldbook 2\.4 is out”/,
  },
  {
    name: 'a product-and-version title tagged as a release',
    path: 'blog/2026/tv-app/index.md',
    text: '---\ntitle: Fieldbook for TV 0.9\ntags: [release, tv]\n---\n\nThe TV app can now play offline maps.\n',
    type: 'release-notes',
    reason: /tagged “release”/,
  },
  {
    name: 'a team’s annual report is an update',
    path: 'sig-storage/annual-report-2026.md',
    text: '# 2026 Annual Report: Storage team\n\n## Current initiatives\n\n- Snapshots graduated.\n',
    type: 'update',
  },
  {
    name: 'a date-named file in an updates folder',
    path: 'finance/community-updates/2026-05.md',
    text: 'What the finance committee did in May.\n\nWe paid two contributors and closed the grant report.\n',
    type: 'update',
  },
  {
    name: 'the index of a folder of decision records lists them, it is not one',
    path: 'docs/adr/README.md',
    text: '# Architecture Decision Records (ADRs)\n\nThis folder keeps our decision records.\n\n## Lifecycle\n\nProposed, accepted, superseded.\n',
    type: 'generic',
  },
  {
    name: 'an instruction about roadmaps is a guide, whatever its file name',
    path: 'guide/define/roadmap.md',
    text: '---\ntitle: Craft a roadmap\n---\n\n## Considerations\n\nA good roadmap is short.\n\n## Activities\n\n- Gather the team.\n',
    type: 'generic',
  },
  {
    name: 'a values page is a strategy in short',
    path: 'VALUES.md',
    text: '# Values and priorities\n\nWhen two values conflict, the one higher on this list wins.\n\n1. Stability\n2. Speed\n',
    type: 'strategy',
  },
  {
    name: 'an RFC that opens with "# Summary", in an RFC folder',
    path: 'active-rfcs/0042-drop-legacy-browsers.md',
    text: '# Summary\n\nDrop support for legacy browsers.\n\n# Motivation\n\nIt costs a third of our bundle size.\n',
    type: 'decision',
  },
  {
    name: 'the README at a repository’s root introduces the project, even a roadmap project',
    path: 'README.md',
    text: '# Public roadmap\n\nThis repository holds our public roadmap.\n\n| Quarter | Item |\n|---|---|\n| Q1 2027 | Offline maps |\n| Q2 2027 | Shared boards |\n',
    type: 'generic',
    reason: /the repository’s README\.md/,
  },
  {
    name: 'a roadmap README one folder down is a roadmap',
    path: 'docs/roadmap/README.md',
    text: '# Public roadmap\n\n| Quarter | Item |\n|---|---|\n| Q1 2027 | Offline maps |\n| Q2 2027 | Shared boards |\n',
    type: 'roadmap',
  },
  {
    name: 'a page of priorities for a year is a strategy',
    path: 'content/news/priorities-2027.md',
    text: '+++\ntitle = "Development priorities for 2027"\n+++\n\n## Self-hosting\n\nBuild the system on itself.\n',
    type: 'strategy',
  },
  {
    name: 'a release announcement titled "<product> <version> released"',
    path: 'blog/announcements/2026-11-30_fieldbook-4.2.md',
    text: '---\ntitle: Fieldbook 4.2 released\n---\n\nOffline maps arrive.\n',
    type: 'release-notes',
  },
  {
    name: 'a year in review titled "<project> in <year>"',
    path: 'blog/2026-12-20-review.md',
    text: '---\ntitle: Fieldbook in 2026\n---\n\n## Looking back\n\nWe shipped four releases.\n\n## Our ask\n\nSponsor the maintainers.\n',
    type: 'update',
  },
  {
    name: 'a guide whose headings explain OKRs is not an OKR set',
    path: 'company/okrs/index.md',
    text: '# Objectives and key results (OKRs)\n\n## What are OKRs?\n\nGoals with measures.\n\n## How to write OKRs\n\nStart from the outcome.\n\n## Criteria for key results\n\nEach has a number.\n\n## Who sets OKRs?\n\nEvery team.\n',
    type: 'generic',
    reason: /headings of a guide/,
  },
  {
    name: 'a page in a process folder explains how the team works, even when it is about OKRs',
    path: 'process/okr.md',
    text: '# Objectives and Key Results\n\nOKRs are our quarterly objectives.\n\n## OKRs\n\n- Objective as a sentence\n  - Key result that is measurable\n  - Key result that is measurable\n\n## OKR cycle\n\nBy the 1st of the quarter the OKRs are published.\n',
    type: 'generic',
    reason: /folder process\/ \(how the project works/,
  },
  {
    name: 'near miss: a folder that only starts with “process” does not make a guide',
    path: 'process-tools/okr.md',
    text: '# Objectives and Key Results\n\n## O1: Faster reviews\n\n- KR1: median review time under 4 hours\n- KR2: 90% of reviews within a day\n',
    type: 'okr',
  },
  {
    name: 'a page about managing roadmaps is a guide, whatever its file name',
    path: 'mechanics/ROADMAPS.md',
    text: '# Roadmap Management for WG Leads\n\n## Overview\n\nEach working group keeps a board.\n\n### In Progress column\n\nWork someone is doing.\n\n### Icebox column\n\nIdeas.\n',
    type: 'generic',
    reason: /reads as a guide or template/,
  },
  {
    name: 'near miss: a roadmap for the working-group tooling is a roadmap',
    path: 'wg/ROADMAPS.md',
    text: '# Roadmap for WG tooling\n\n## Now\n\nA shared board.\n\n## Next\n\nAutomated triage.\n',
    type: 'roadmap',
  },
  {
    name: 'a project’s high-level goals are its strategy, by title and file name',
    path: 'HighLevelGoals.md',
    text: '# WebAssembly High-Level Goals\n\n1. Define a portable, size- and load-time-efficient binary format.\n2. Specify and implement incrementally.\n3. Design to integrate well with the existing Web platform.\n',
    type: 'strategy',
    reason: /file name HighLevelGoals\.md and title “WebAssembly High-Level Goals”/,
  },
  {
    name: 'near miss: test goals in a testing guide stay generic',
    path: 'docs/testing.md',
    text: '# Test goals\n\nEvery module has unit tests.\n',
    type: 'generic',
  },
  {
    name: 'goals of a named period, with success indicators under each, are a goal set',
    path: 'organization/measurable-goals/measurable-goals-2021-03.md',
    text: '# Measurable goals: December 2020 - March 2021\n\n## 1. The association is sustainable\n\n### Success indicators for outcome 1\n\n- Ten members join.\n\n## 2. Communities are healthier\n\n### Success indicators for outcome 2\n\n- Five codebases are reused.\n',
    type: 'okr',
    reason: /title “Measurable goals: December 2020 - March 2021”.*2 headings of success measures/,
  },
  {
    name: 'near miss: design goals with a tagline, and one success-criteria heading, stay generic',
    path: 'docs/design.md',
    text: '# Design goals: simplicity first\n\nKeep the API small.\n\n## Success criteria\n\nUsers need no manual.\n',
    type: 'generic',
  },
  {
    name: 'a zero-padded record number in the title and the folder makes a proposal',
    path: '0003-hashtags/README.md',
    text: '# 0003 Hashtags\n\nHashtags are hard to do well.\n\n# The problems with hashtags\n\nThey are hard to read.\n\n# Summary\n\nAllow spaces in tags.\n',
    type: 'decision',
    reason: /a numbered record \(0003-hashtags\) and title “0003 Hashtags”/,
  },
  {
    name: 'near miss: a year in the title and the folder is not a record number',
    path: '2024-hashtags/README.md',
    text: '# 2024 Hashtags\n\nHashtags we used this year.\n',
    type: 'generic',
  },
  {
    name: 'a plan for a version is a roadmap',
    path: '3.13/README.md',
    text: '# Our plan for Python 3.13\n\nWe aim to ship a faster interpreter.\n\n## Tier 2 optimizer\n\nMerge it behind a flag.\n',
    type: 'roadmap',
    reason: /title “Our plan for Python 3\.13”/,
  },
  {
    name: 'near miss: a plan for the docs is not a roadmap by its title alone',
    path: 'docs/plan.md',
    text: '# Our plan for the docs\n\nMove them to one site.\n',
    type: 'generic',
  },
  {
    name: 'a company page with a mission and leadership principles is its strategy',
    path: 'company/about-acme/README.md',
    text: '# About Acme\n\nWho we are.\n\n## Mission\n\nMake builds boring.\n\n## Leadership Principles\n\nCustomer obsession.\n\n## Market\n\nMid-size software teams.\n',
    type: 'strategy',
    reason: /a purpose with principles \(Mission, Leadership Principles\)/,
  },
  {
    name: 'near miss: a mission and a market without principles only suggest a strategy',
    path: 'company/about-acme/README.md',
    text: '# About Acme\n\nWho we are.\n\n## Mission\n\nMake builds boring.\n\n## Market\n\nMid-size software teams.\n',
    type: 'generic',
    suggestion: 'strategy',
  },
  {
    name: 'a funding plan is a strategy by its title',
    path: 'blog/2019-11-08-funding-plans.md',
    text: '---\ntitle: "Babel\'s Funding Plans"\n---\n\n## New challenges\n\nMaintainers are stretched.\n\n## How you can help\n\nSponsor us.\n',
    type: 'strategy',
    reason: /title “Babel's Funding Plans”/,
  },
  {
    name: 'near miss: a funding page stays generic',
    path: 'docs/funding.md',
    text: '# Funding\n\nSponsor us on Open Collective.\n',
    type: 'generic',
  },
  {
    name: 'a title alone suggests a type but does not decide it',
    path: 'docs/plans.md',
    text: '# Roadmap\n\nWe keep our plans on the project board.\n',
    type: 'generic',
    suggestion: 'roadmap',
  },
];

describe('document types from path, title and structure', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const { document, docType } = lint(c.text, { filePath: c.path, relativePath: c.path, today: FIXTURE_TODAY });
      const decision = document.typeDecision;
      assert.equal(docType, c.type, `${c.path}: ${decision.reason}`);
      if (c.reason) assert.match(decision.reason, c.reason);
      if (c.suggestion) assert.equal(decision.suggestion?.type, c.suggestion);
      if (c.type === 'generic') {
        const strategyFindings = lint(c.text, { filePath: c.path, relativePath: c.path, today: FIXTURE_TODAY }).findings.filter((f) => !f.ruleId.startsWith('prose/'));
        assert.deepEqual(strategyFindings.map((f) => f.ruleId), [], 'a generic document gets no strategy finding');
      }
    });
  }

  test('front matter decides over every signal, and says so', () => {
    const text = '---\nstrategy-lint:\n  type: generic\n---\n\n# Platform strategy\n\n## Diagnosis\n\nSlow builds.\n\n## Guiding policy\n\nOne build system.\n\n## Coherent actions\n\n- Migrate.\n';
    const { document } = lint(text, { filePath: 'strategy/STRATEGY.md' });
    assert.equal(document.type, 'generic');
    assert.equal(document.typeDecision.source, 'front-matter');
    assert.equal(document.typeDecision.signals, undefined, 'no other signal is read');
  });

  test('a file name decides alone; a folder or a title needs one more hint', () => {
    assert.equal(lint('Plans.\n', { filePath: 'CHANGELOG.md' }).docType, 'release-notes');
    assert.equal(lint('Plans.\n', { filePath: 'roadmap/plans.md', relativePath: 'roadmap/plans.md' }).docType, 'generic');
    assert.equal(lint('# Roadmap\n\nPlans.\n', { filePath: 'roadmap/plans.md', relativePath: 'roadmap/plans.md' }).docType, 'roadmap');
  });

  test('only the nearest folders count: a folder far up the path says little', () => {
    const deep = lint('# Notes\n\nPlans.\n', { filePath: 'strategy/a/b/c/notes.md', relativePath: 'strategy/a/b/c/notes.md' });
    assert.equal(deep.document.typeDecision.signals?.some((s) => s.kind === 'folder'), false);
    const outer = lint('# Notes\n\nPlans.\n', { filePath: 'strategy/team/notes.md', relativePath: 'strategy/team/notes.md' });
    assert.deepEqual(outer.document.typeDecision.signals?.filter((s) => s.kind === 'folder').map((s) => s.weight), [2]);
  });

  test('“New challenges” names the diagnosis; “New challengers” does not', () => {
    const ids = (heading: string) => lint(`# Funding plans\n\n## ${heading}\n\nWe outgrew our volunteers.\n\n## Actions\n\n- Hire two maintainers.\n`, { type: 'strategy', today: FIXTURE_TODAY })
      .findings.map((f) => f.ruleId);
    assert.equal(ids('New challenges').includes('kernel/diagnosis-missing'), false);
    assert.equal(ids('Current challenges').includes('kernel/diagnosis-missing'), false);
    assert.equal(ids('New challengers').includes('kernel/diagnosis-missing'), true);
  });

  test('a path outside the project falls back to the file path', () => {
    const { document } = lint('# Q3 goals\n\nPlans.\n', { filePath: 'goals/q3.md', relativePath: '../elsewhere/goals/q3.md' });
    assert.equal(document.type, 'okr');
  });
});
