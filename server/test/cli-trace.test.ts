/**
 * The CLI over several documents: `strategy-lint docs/` reports the trace/* findings with the rest
 * (related places in other files in text, JSON and SARIF), `strategy-lint map` prints the strategy
 * map as Markdown, JSON or Mermaid, commit dates stand in for missing front-matter dates in a git
 * repository (and their absence is said once), and the review of a strategy says what carries it
 * out. Runs the bundled CLI on the sample docs repository, examples/strategy-map.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './helpers/paths.js';
import { tempTree } from './helpers/temp-tree.js';

const CLI = path.join(repoRoot, 'server', 'out', 'cli.js');
const EXAMPLE = 'examples/strategy-map';

function cli(args: string[], cwd = repoRoot, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding { file: string; ruleId: string; line: number; related?: Array<{ file: string; line: number; message: string }> }

describe('strategy-lint on the sample docs repository', () => {
  test('exactly the three planted findings, each naming the other document and line', () => {
    const run = cli(['--format', 'json', EXAMPLE]);
    assert.equal(run.code, 0, run.stderr);
    const findings = JSON.parse(run.stdout) as JsonFinding[];
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort(), [
      `${EXAMPLE}/okrs.md:18 trace/contradicts-policy`,
      `${EXAMPLE}/roadmap.md:30 trace/orphan-item`,
      `${EXAMPLE}/strategy.md:37 trace/unplanned-action`,
    ]);
    const contradiction = findings.find((f) => f.ruleId === 'trace/contradicts-policy')!;
    assert.deepEqual(contradiction.related?.map((p) => `${p.file}:${p.line}`), [`${EXAMPLE}/strategy.md:23`]);
    const unplanned = findings.find((f) => f.ruleId === 'trace/unplanned-action')!;
    assert.ok(unplanned.related!.every((p) => p.file !== `${EXAMPLE}/strategy.md`), 'the places searched are the plans');
  });

  test('the text format names places in other files by file and line', () => {
    const run = cli([EXAMPLE]);
    assert.match(run.stdout, /okrs\.md:18:11 warning trace\/contradicts-policy .*\n {2}↳ examples\/strategy-map\/strategy\.md:23\n/);
  });

  test('SARIF relates a trace finding to a location in the other file', () => {
    const sarif = JSON.parse(cli(['--format', 'sarif', EXAMPLE]).stdout) as { runs: Array<{ results: Array<{ ruleId: string; relatedLocations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const result = sarif.runs[0].results.find((r) => r.ruleId === 'trace/contradicts-policy')!;
    assert.equal(result.relatedLocations![0].physicalLocation.artifactLocation.uri, `${EXAMPLE}/strategy.md`);
  });
});

describe('strategy-lint with --cache and worker threads', () => {
  test('worker threads and the --cache report the same trace findings; an unchanged run reuses them, a change or a missing linked file recomputes them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-trace-cache-'));
    try {
      fs.cpSync(path.join(repoRoot, EXAMPLE), path.join(dir, 'docs'), { recursive: true });
      const cacheFile = path.join(dir, 'cache.json');
      const plain = cli(['docs'], dir);
      assert.match(plain.stdout, /trace\/orphan-item/);
      assert.equal(cli(['docs'], dir, { STRATEGY_LINT_WORKERS: '2' }).stdout, plain.stdout, 'the same with worker threads');
      const first = cli(['--cache', '--cache-location', cacheFile, 'docs'], dir);
      assert.equal(first.stdout, plain.stdout);
      const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { trace?: { record: { findings: Record<string, unknown[]> } } };
      assert.ok(cached.trace && Object.keys(cached.trace.record.findings).length === 3, 'the run\'s trace findings are kept');
      assert.equal(cli(['--cache', '--cache-location', cacheFile, 'docs'], dir).stdout, plain.stdout, 'an unchanged run');
      // The roadmap labels its orphan: the cached trace findings no longer apply.
      const roadmap = path.join(dir, 'docs', 'roadmap.md');
      fs.writeFileSync(roadmap, fs.readFileSync(roadmap, 'utf8').replace('Cuts the time to open a chat from 4 s to 1 s.', 'Cuts the time to open a chat from 4 s to 1 s. Serves: A4'));
      const edited = cli(['--cache', '--cache-location', cacheFile, 'docs'], dir);
      assert.doesNotMatch(edited.stdout, /trace\/orphan-item/);
      assert.equal(edited.stdout, cli(['docs'], dir).stdout);
      // A generic page the OKR set links to disappears: the run that reused the findings would miss the broken link.
      fs.writeFileSync(path.join(dir, 'docs', 'NOTES.md'), '# Notes\n\nMeeting notes.\n');
      fs.appendFileSync(path.join(dir, 'docs', 'okrs.md'), '\nSee [the strategy notes](strategy-notes.md).\n');
      fs.writeFileSync(path.join(dir, 'docs', 'strategy-notes.md'), '# Strategy notes\n\nWhat we discussed.\n');
      const linked = cli(['--cache', '--cache-location', cacheFile, 'docs'], dir);
      assert.doesNotMatch(linked.stdout, /trace\/broken-link/);
      fs.rmSync(path.join(dir, 'docs', 'strategy-notes.md'));
      const broken = cli(['--cache', '--cache-location', cacheFile, 'docs'], dir);
      assert.equal(broken.stdout, cli(['docs'], dir).stdout);
      assert.match(broken.stdout, /okrs\.md:\d+:\d+ warning trace\/broken-link/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('strategy-lint map', () => {
  test('Markdown: a table per policy and action, what traces to nothing, and the findings', () => {
    const run = cli(['map', EXAMPLE]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^# Strategy map: examples\/strategy-map\n/);
    assert.match(run.stdout, /\*\*3 findings\*\*: 1 item traced to nothing, 1 unplanned action, 1 contradiction of a policy\./);
    assert.match(run.stdout, /#### P1 Owner-operated firms first, not enterprise — examples\/strategy-map\/strategy\.md:23\n\n\| Carried out by \| Item \| Where \| Link \|/);
    assert.match(run.stdout, /\| Roadmap item · Q2 2027 \| Partner referrals for enterprise contractors/);
    assert.match(run.stdout, /\| ⚠ pursues what it rules out \| KR 1\.3 Close five enterprise contractor deals/);
    assert.match(run.stdout, /#### A4 Supplier price catalogues .* ⚠ planned nowhere\n\n_Nothing in these documents carries it out\._/);
    assert.match(run.stdout, /## Traced to nothing\n\n\| Item \| Kind \| Where \|\n\|---\|---\|---\|\n\| Rewrite the in-app chat/);
  });

  test('JSON: the map the editor draws, with each document\'s path', () => {
    const map = JSON.parse(cli(['map', '--format', 'json', EXAMPLE]).stdout) as { version: number; layers: string[]; nodes: Array<{ kind: string; flags: string[] }>; paths: Record<string, string> };
    assert.equal(map.version, 1);
    assert.equal(map.layers.length, 6);
    assert.deepEqual(map.nodes.filter((n) => n.flags.length > 0).map((n) => `${n.kind}:${n.flags.join()}`).sort(), ['action:unplanned', 'key-result:contradiction', 'roadmap-item:orphan']);
    assert.equal(map.paths[`${EXAMPLE}/okrs.md`], `${EXAMPLE}/okrs.md`);
  });

  test('Mermaid: a flowchart with one column per layer, the links, and the flagged nodes classed', () => {
    const mermaid = cli(['map', '--format', 'mermaid', EXAMPLE]).stdout;
    assert.match(mermaid, /^flowchart LR\n/);
    assert.match(mermaid, /subgraph L1\["Guiding policies"\]/);
    assert.match(mermaid, /-\.->\|"likely 0\.\d\d"\|/);
    assert.match(mermaid, /-\.->\|"rules out enterprise"\|/);
    assert.match(mermaid, /class n\d+ orphan/);
    assert.doesNotMatch(mermaid, /[^\x20-\x7E\n…’“”·—–→]/u, 'no control characters or stray markup');
  });

  test('a format it does not know is a usage error', () => {
    const run = cli(['map', '--format', 'sarif', EXAMPLE]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /map: --format must be one of markdown, json, mermaid/);
  });
});

describe('dates from git', () => {
  const strategy = '# Fernhill strategy 2027\n\n## Diagnosis\n\nFirms churn because setup takes two weeks.\n\n## Guiding policy\n\n- **P1. Dispatch on the first day.** A new firm schedules a job on day one.\n\n## Coherent actions\n\n1. **A1. Guided dispatch setup** from sign-up to a first job.\n';
  const roadmap = '# Fernhill roadmap\n\nThis roadmap carries out the [strategy](strategy.md).\n\n## Now\n\n- **Guided dispatch setup wizard** for new firms. Serves: A1\n';
  const git = (dir: string, args: string[], date?: string) => spawnSync('git', args, {
    cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });

  test('the last commit of a file stands in for its front-matter date', (t) => {
    if (spawnSync('git', ['--version']).status !== 0) return t.skip('no git on this machine');
    const dir = tempTree('strategy-lint-git-', { 'docs/roadmap.md': roadmap });
    try {
      git(dir, ['init', '-q']);
      git(dir, ['add', '.']);
      git(dir, ['commit', '-qm', 'roadmap'], '2026-08-01T12:00:00Z');
      fs.writeFileSync(path.join(dir, 'docs/strategy.md'), strategy);
      git(dir, ['add', '.']);
      git(dir, ['commit', '-qm', 'strategy'], '2026-10-20T12:00:00Z');
      const findings = JSON.parse(cli(['--format', 'json', 'docs'], dir).stdout) as JsonFinding[];
      const stale = findings.filter((f) => f.ruleId === 'trace/stale-after-strategy');
      assert.deepEqual(stale.map((f) => `${f.file}:${f.line}`), ['docs/roadmap.md:1']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('outside a repository, with no front-matter dates, the check is skipped and said once', () => {
    const dir = tempTree('strategy-lint-nogit-', { 'docs/strategy.md': strategy, 'docs/roadmap.md': roadmap, 'docs/web.roadmap.md': roadmap });
    try {
      const run = cli(['docs'], dir, { GIT_CEILING_DIRECTORIES: path.dirname(dir) });
      const notes = run.stderr.split('\n').filter((line) => line.includes('trace/stale-after-strategy'));
      assert.deepEqual(notes, ['strategy-lint: note: trace/stale-after-strategy skipped 2 roadmap or OKR documents: no front-matter date (updated:) and no git history was read.']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('strategy-lint review of a strategy', () => {
  test('"Carried out by" lists what traces to each policy and action, in the documents beside it', () => {
    const run = cli(['review', `${EXAMPLE}/strategy.md`]);
    assert.equal(run.code, 0, run.stderr);
    const section = run.stdout.slice(run.stdout.indexOf('## Carried out by'));
    assert.match(section, /^## Carried out by\n\nWhat traces to each policy and action, in the 4 other documents read with it/);
    assert.match(section, /- \*\*P2\*\* Dispatch on the first day \(line 25\)\n {2}- Objective: O1 New firms dispatch on their first day — `examples\/strategy-map\/okrs\.md:11` \(“P2”\)/);
    assert.match(section, /- \*\*A4\*\* Supplier price catalogues .* — ⚠ planned nowhere\n {2}- nothing carries it out/);
    assert.match(section, /⚠ Key result: KR 1\.3 Close five enterprise contractor deals/);
  });

  test('the JSON review carries the same section', () => {
    const review = JSON.parse(cli(['review', '--format', 'json', `${EXAMPLE}/strategy.md`]).stdout) as { carriedOutBy: { entries: Array<{ label: string; items: unknown[] }> } };
    assert.deepEqual(review.carriedOutBy.entries.map((e) => e.label), ['P1', 'P2', 'P3', 'A1', 'A2', 'A3', 'A4']);
  });
});
