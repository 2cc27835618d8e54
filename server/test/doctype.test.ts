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
    name: 'a retrospective on a roadmap is an update, not the roadmap',
    path: 'blog/2027-02-10-winter-roadmap-retro/index.md',
    text: '# Looking back on the winter roadmap\n\nWe planned six items for December to February.\n\n## What landed\n\n- Offline mode (January).\n\n## What slipped\n\n- Sync conflicts, moved to spring.\n',
    type: 'update',
    reason: /post name 2027-02-10-winter-roadmap-retro.*title “Looking back on the winter roadmap”/,
  },
  {
    name: 'a roadmap review in a folder of reviews is an update',
    path: 'roadmap-reviews/2027/review-march.md',
    text: '# Roadmap review (end of March 2027)\n\n## Done\n\n- Signed releases.\n\n## Not done\n\n- Key rotation: both writers left.\n',
    type: 'update',
    reason: /folder roadmap-reviews\/ \(looks back on a plan\).*title “Roadmap review/,
  },
  {
    name: 'near miss: the minutes of a sprint retrospective are not an update',
    path: 'team/meetings/2027-03-02-retro.md',
    text: '# Sprint 14 retrospective\n\n## What went well\n\n- Pairing on the importer.\n\n## Action items\n\n- Ana books the next demo.\n',
    type: 'generic',
  },
  {
    name: 'one week of a weekly series in an updates folder is an update',
    path: 'updates/2027-w12.md',
    text: '# Week 12\n\n## Done\n\n- Importer beta.\n\n## Next\n\n- Pilot with three accounts.\n',
    type: 'update',
    reason: /a date-named file \(2027-w12\.md\), folder updates\/ and title “Week 12”/,
  },
  {
    name: 'a status title over work reported as on track or at risk is an update',
    path: 'docs/payments.md',
    text: '# Payments status — March 2027\n\n| Workstream | Status | Notes |\n|---|---|---|\n| Importer | On track | Beta next week |\n| Billing | At risk | Vendor API late |\n',
    type: 'update',
    reason: /an update title over work reported by its status/,
  },
  {
    name: 'near miss: a roadmap table with planned and in-progress states stays a roadmap',
    path: 'docs/roadmap.md',
    text: '# Roadmap\n\n| Item | Status | Quarter |\n|---|---|---|\n| Importer | In progress | Q2 2027 |\n| Billing | Planned | Q3 2027 |\n',
    type: 'roadmap',
  },
  {
    name: 'a month in review is an update',
    path: 'blog/2027-02-01-january-in-review.md',
    text: '# January in review\n\nWe merged 300 pull requests and cut two releases.\n',
    type: 'update',
    reason: /title “January in review”/,
  },
  {
    name: 'goals of a quarter as numbered goal headings are an OKR page',
    path: 'team/q3-goals.md',
    text: '# Q3 goals\n\n## Goal 1: faster builds\n\n- Median build from 40 to 10 minutes.\n\n## Goal 2: fewer pages\n\n- On-call pages from 30 to 10 a month.\n',
    type: 'okr',
    reason: /title “Q3 goals” and numbered goal headings \(Goal 1: faster builds\)/,
  },
  {
    name: 'near miss: a week’s plan is not an update by its title',
    path: 'docs/week-12-plan.md',
    text: '# Week 12 plan\n\nPair on the importer.\n',
    type: 'generic',
  },
  {
    name: 'a procedure that defines how a team sets OKRs is not an OKR page',
    path: 'OKRS.md',
    text: '# Objectives and Key Results\n\n## Purpose\n\nWritten goals get done.\n\n## Scope\n\nHow we run OKRs here.\n\n## Process\n\n- Each team picks one objective a month.\n\nObjective: More visitors leave a comment.\n\n- KR: 30% more comments.\n- KR: 2 usability tests.\n',
    type: 'generic',
    reason: /headings of a procedure \(Purpose, Scope, Process\)/,
  },
  {
    name: 'near miss: a strategy with a purpose and a scope stays a strategy',
    path: 'docs/STRATEGY.md',
    text: '# Search strategy\n\n## Purpose\n\nSay how search gets fast.\n\n## Scope\n\nWeb search only.\n\n## Diagnosis\n\nQueries take six seconds.\n',
    type: 'strategy',
  },
  {
    name: 'near miss: a dated roadmap stays a roadmap',
    path: 'docs/roadmap-2027.md',
    text: '# Mobile roadmap 2027\n\n## Q1\n\n- Offline mode.\n\n## Q2\n\n- Sync conflicts.\n',
    type: 'roadmap',
  },
  {
    name: 'folders naming a version or a pre-release do not hide the release-notes folder above them',
    path: 'release-notes/12.0/preview/preview2/mobile.md',
    text: '# Toolkit Mobile in Toolkit 12 Preview 2 - Release Notes\n\nThis preview focuses on start-up time.\n\n## Faster cold start\n\nApps open faster on older phones.\n',
    type: 'release-notes',
    reason: /folder release-notes\/ and title/,
  },
  {
    name: 'a quarter-named report in a reports folder is an update',
    path: 'wg-reports/2027/2027-Q1-signing-wg.md',
    text: '# 2027 Q1 Signing WG\n\n## Overview\n\nAttendance grew from 4 to 9.\n\n## Activity 1: key rotation guide\n\n- Current status: outline done.\n',
    type: 'update',
    reason: /a date-named file \(2027-Q1-signing-wg\.md\).*folder wg-reports\//,
  },
  {
    name: 'near miss: a quarter-named note outside a reports folder stays generic',
    path: 'notes/2027-Q1-ideas.md',
    text: '# Ideas\n\nThings to look at some day.\n',
    type: 'generic',
  },
  {
    name: 'an OKR section for a period over objectives as sub-sections is an OKR page',
    path: 'OKR/SEARCH.md',
    text: '# Search team\n\nWe run the search service.\n\n## 2027 Q1 - Objectives and Key Results\n\n### Results are fast\n\n- **P0** - p95 latency under 300 ms.\n- **P1** - No query over 2 s.\n\n### Results are relevant\n\n- **P0** - Click-through on the first result from 31% to 40%.\n',
    type: 'okr',
    reason: /folder OKR\/ and an OKR section with objectives as sub-sections \(“2027 Q1 - Objectives and Key Results”\)/,
  },
  {
    name: 'near miss: a guide section about OKRs, with no period, is not a set of OKRs',
    path: 'handbook/planning.md',
    text: '# Planning at Acme\n\n## Fundamentals of good OKRs\n\n### Criteria for objectives\n\n- Inspiring.\n- Short.\n\n### Criteria for key results\n\n- Measurable.\n- Few.\n',
    type: 'generic',
  },
  {
    name: 'a team’s ambitions for a year are its strategy for the year',
    path: 'blog/compiler-ambitions-2027.md',
    text: '# Compiler team ambitions for 2027\n\nWhat the team means to focus on this year.\n\n## Overall themes\n\n- Faster builds.\n',
    type: 'strategy',
    reason: /title “Compiler team ambitions for 2027”/,
  },
  {
    name: 'near miss: ambitions without a year stay generic',
    path: 'blog/ambitions.md',
    text: '# Ambitions\n\nSome thoughts on what we could do.\n',
    type: 'generic',
  },
  {
    name: 'a project pitch with what done and success look like is a project-goal proposal',
    path: 'pitches/faster-search.md',
    text: '# Make search faster\n\n## Impact\n\nUsers wait six seconds for results.\n\n## Project definition\n\n### What does done look like?\n\nResults in under a second.\n\n### What does success look like?\n\nHalf as many slow-search reports.\n\n## Required resources\n\nTwo engineers for two months.\n',
    type: 'okr',
    reason: /project-goal sections/,
  },
  {
    name: 'near miss: an RFC with motivation and alternatives stays a decision',
    path: 'rfcs/faster-search.md',
    text: '# Make search faster\n\n## Summary\n\nCache results.\n\n## Motivation\n\nUsers wait six seconds.\n\n## Drawbacks\n\nStale results.\n\n## Alternatives\n\nA bigger database.\n',
    type: 'decision',
  },
  {
    name: 'a charter that states a mission and core values is a vision page',
    path: 'charter.md',
    text: '# Open Maps Charter\n\n## Mission\n\nFree, accurate maps for everyone.\n\n## Core Values\n\n- Openness first.\n- Accuracy over coverage.\n\n## What we do\n\nWe fund mapping in places no company maps.\n',
    type: 'strategy',
    reason: /a purpose with principles \(Mission, Core Values\)/,
  },
  {
    name: 'a year-end letter from the director is an update',
    path: 'content/post/2027-12-20-eoy-letter-2027.md',
    text: '---\ntitle: "A note from our executive director"\n---\n\nThis year we served twice as many sites as last year.\n',
    type: 'update',
    reason: /file name 2027-12-20-eoy-letter-2027\.md/,
  },
  {
    name: 'near miss: a note about formatting is not a letter',
    path: 'content/post/formatting.md',
    text: '---\ntitle: "A note on formatting"\n---\n\nUse one sentence per line.\n',
    type: 'generic',
  },
  {
    name: 'a project proposal that says how its success will be measured is a goal proposal',
    path: 'proposals-2027/tile-docs.md',
    text: '# Rewrite the tile server docs\n\n## About the project\n\n### The problem\n\nNew users give up before their first map renders.\n\n### Project scope\n\nA quick start and a reference.\n\n### Measuring our project’s success\n\n- Setup questions in the forum fall from 40 to 20 a month by June 2027.\n\n## Budget\n\nOne writer for three months.\n',
    type: 'okr',
    reason: /a project proposal with how its success is measured \(Measuring our project’s success/,
  },
  {
    name: 'near miss: a page with a timeline and success metrics, and nothing else of a proposal, stays generic',
    path: 'notes/launch.md',
    text: '# Launch notes\n\n## Timeline\n\nWe met twice.\n\n## Success metrics\n\nWe talked about which to use.\n',
    type: 'generic',
  },
  {
    name: 'vision headings that go on after a dash are read by the name they open with',
    path: 'company/about-us.md',
    text: '# About Tilecraft\n\n## Our purpose – why we exist\n\nMaps anyone can afford.\n\n## Our vision – where we are going\n\nEvery town mapped by its own people.\n\n## Our values – how we behave\n\n- Plain talk.\n',
    type: 'strategy',
    reason: /a purpose with principles \(Our purpose – why we exist, Our values – how we behave\)/,
  },
  {
    name: 'near miss: values alone, with a dash, are not a vision page',
    path: 'company/team.md',
    text: '# The team\n\n## Our values – how we behave\n\n- Plain talk.\n\n## People\n\nTwelve of us.\n',
    type: 'generic',
  },
  {
    name: 'a post dated in its front matter whose description calls it a progress report is an update',
    path: 'content/posts/summer-coding-week-4/index.md',
    text: '---\ntitle: "Summer coding, part 4"\ndate: 2027-07-11\ndescription: "Progress report for the second half of the coding period"\n---\n\nThe parser now handles nested tables.\n\n## Next\n\nError messages.\n',
    type: 'update',
    reason: /description “Progress report for the second half/,
  },
  {
    name: 'near miss: a dated post whose description names no kind of document stays generic',
    path: 'content/posts/plotting-tips/index.md',
    text: '---\ntitle: "Plotting with colour"\ndate: 2027-07-11\ndescription: "A walk through colour maps and when to use them"\n---\n\nPick a colour map for the data.\n',
    type: 'generic',
  },
  {
    name: 'a page of strategic goals over objectives with key results is an OKR page, whatever the file name',
    path: 'company/strategy.md',
    text: '---\ntitle: Strategic goals\n---\n\nThe goals every team aligns to this year.\n\n## Current OKRs\n\n### OKR: Faster onboarding\n\n- Objective: New teams map their first town in a day.\n- Key results:\n  - KR: Median setup time from 3 days to 1 day by Q3 2027.\n  - KR: Setup tickets from 50 to 20 a month.\n',
    type: 'okr',
    reason: /title “Strategic goals”/,
  },
  {
    name: 'near miss: a strategy memo with an OKR section stays a strategy memo',
    path: 'company/strategy.md',
    text: '# Platform strategy\n\nHow we win the next two years.\n\n## Current OKRs\n\n### OKR: Faster onboarding\n\n- Objective: New teams map their first town in a day.\n- Key results:\n  - KR: Median setup time from 3 days to 1 day by Q3 2027.\n  - KR: Setup tickets from 50 to 20 a month.\n',
    type: 'strategy',
  },
  {
    name: 'a dated post titled “New release” is a release post',
    path: '_posts/2027-03-02-new-release.md',
    text: '---\ntitle: New release\n---\n\nThis post covers tilecraft 0.9.\n\n### Faster rendering\n\nTiles render twice as fast, so you can zoom without waiting.\n',
    type: 'release-notes',
    reason: /title “New release”/,
  },
  {
    name: 'near miss: a page about the new release process is a guide',
    path: 'docs/new-release-process.md',
    text: '# New release process\n\nWho tags the release and when.\n',
    type: 'generic',
  },
  {
    name: '“Best practices” as part of a name does not make a report a guide',
    path: 'reports/2027-Q1-progress-report.md',
    text: '# Member projects and the Best Practices Badge\n\n## Status overview\n\nNine of twelve projects now pass.\n\n## Next steps\n\nThe last three by June.\n',
    type: 'update',
  },
  {
    name: 'near miss: best practices for progress reports is a guide',
    path: 'reports/2027-Q1-progress-report.md',
    text: '# Best practices for progress reports\n\nKeep them short.\n',
    type: 'generic',
  },
  {
    name: 'a folder’s index page that lists its pages introduces them and is not one of them',
    path: 'docs/vision/README.md',
    text: '# Long-term vision\n\nThis folder holds our notes on where the package is going.\n\n## Pages\n\n* [Who we build for](./audience.md)\n* [Editing](./editing.md)\n* [Sharing](./sharing.md)\n',
    type: 'generic',
  },
  {
    name: 'near miss: a vision index page with its own content and no page list stays a vision page',
    path: 'docs/vision/README.md',
    text: '# Long-term vision\n\nEvery editor shares maps in one click.\n\n## Principles\n\n* Local first.\n* Plain files.\n* No lock-in.\n',
    type: 'strategy',
  },
  {
    name: 'a page on who the product is for, in a vision folder, is part of the vision',
    path: 'docs/vision/audience.md',
    text: '# Our audience\n\nWe build for three groups of mappers.\n\n## Newcomers\n\nThey need a gentle start.\n',
    type: 'strategy',
    reason: /title “Our audience”/,
  },
  {
    name: 'near miss: an audience page outside any vision or strategy folder stays generic',
    path: 'docs/audience.md',
    text: '# Our audience\n\nThese docs are for people who run the server.\n',
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
