/**
 * `--format github` and `--format junit`, output for output: the exact lines and documents, and
 * the escaping each needs — GitHub's workflow commands (`%`, CR, LF in the message; `:` and `,`
 * as well in properties), XML's entities, line breaks inside attributes, and characters XML 1.0
 * cannot hold. Reports are built by hand (a message with a line break, a file name with `%,:`),
 * then the bundled CLI is run on a real file with such a name.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Finding } from '../src/engine/index.js';
import { escapeData, escapeProperty, formatGithub } from '../src/cli/format-github.js';
import { formatJunit, xmlAttribute, xmlText } from '../src/cli/format-junit.js';
import type { FileReport } from '../src/cli/report.js';
import { repoRoot } from './helpers/paths.js';
import { tempTree } from './helpers/temp-tree.js';

const CLI = path.join(repoRoot, 'server', 'out', 'cli.js');

function finding(overrides: Partial<Finding>): Finding {
  return { ruleId: 'bad-strategy/fluff', severity: 'warning', message: '"leverage" is fluff', documentLevel: false, start: 0, end: 8, line: 5, column: 9, endLine: 5, endColumn: 17, ...overrides };
}

const REPORTS: FileReport[] = [
  {
    file: 'docs/50%, really: plan.md',
    docType: 'strategy',
    findings: [
      finding({}),
      finding({ ruleId: 'kernel/diagnosis-missing', severity: 'error', message: 'No diagnosis.\nSay what is going on: 100% of it, or "most".', line: 1, column: 1, endLine: 1, endColumn: 20 }),
      finding({ ruleId: 'prose/hedge', severity: 'information', message: 'Hedge <"perhaps"> & co', line: 7, column: 2, endLine: 7, endColumn: 9 }),
      finding({ ruleId: 'roadmap/no-outcome', severity: 'hint', message: 'Item hint', line: 9, column: 3, endLine: 9, endColumn: 4, partOf: { message: 'summary', start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 } }),
    ],
    configProblems: [{ file: '.strategy-lint.json', key: 'rules.x/y', message: 'unknown rule id' }],
  },
  { file: 'clean.md', docType: 'generic', findings: [], configProblems: [] },
  { file: 'notes.txt', docType: 'generic', findings: [], configProblems: [], notes: ['skipped: not a Markdown file'], skipped: true },
];

describe('--format github', () => {
  test('escapes data and properties as the Actions runner reads them', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('docs/50%, really: plan.md\n'), 'docs/50%25%2C really%3A plan.md%0A');
    // Read in a terminal too: other control characters are visible stand-ins, as in the text format.
    assert.equal(escapeData('title\u001b]0;pwned\u0007 \u009b2J\tok'), 'title\u241b]0;pwned\u2407 \ufffd2J\tok');
  });

  test('one workflow command per finding, config problem and note; item hints only with --max-severity hint', () => {
    assert.equal(formatGithub(REPORTS), [
      '::error file=.strategy-lint.json,title=strategy-lint config::rules.x/y: unknown rule id (using defaults for it)',
      '::warning file=docs/50%25%2C really%3A plan.md,line=5,col=9,endLine=5,endColumn=17,title=bad-strategy/fluff::"leverage" is fluff',
      '::error file=docs/50%25%2C really%3A plan.md,line=1,col=1,endLine=1,endColumn=20,title=kernel/diagnosis-missing::No diagnosis.%0ASay what is going on: 100%25 of it, or "most".',
      '::notice file=docs/50%25%2C really%3A plan.md,line=7,col=2,endLine=7,endColumn=9,title=prose/hedge::Hedge <"perhaps"> & co',
      '::warning file=notes.txt,title=strategy-lint::skipped: not a Markdown file',
      '',
    ].join('\n'));
    assert.match(formatGithub(REPORTS, { itemHints: true }), /^::notice file=docs\/50%25%2C really%3A plan\.md,line=9,col=3,endLine=9,endColumn=4,title=roadmap\/no-outcome::Item hint$/m);
  });

  test('a summary names its places on a second line', () => {
    const related = [1, 2].map((line) => ({ message: 'item', start: 0, end: 1, line: line + 10, column: 1, endLine: line + 10, endColumn: 2 }));
    const out = formatGithub([{ file: 'ROADMAP.md', docType: 'roadmap', findings: [finding({ ruleId: 'roadmap/no-outcome', severity: 'information', message: '2 items name no outcome', related })], configProblems: [] }]);
    assert.equal(out, '::notice file=ROADMAP.md,line=5,col=9,endLine=5,endColumn=17,title=roadmap/no-outcome::2 items name no outcome%0Alines 11 and 12\n');
  });

  test('nothing at all for clean files', () => {
    assert.equal(formatGithub([{ file: 'clean.md', docType: 'generic', findings: [], configProblems: [] }]), '');
  });
});

describe('--format junit', () => {
  test('escapes XML: entities, line breaks in attributes, characters XML cannot hold', () => {
    assert.equal(xmlText('a < b & "c" \'d\' > e'), 'a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e');
    assert.equal(xmlText('bell\u0007 nul\u0000 tab\t ok'), 'bell\ufffd nul\ufffd tab\t ok');
    assert.equal(xmlText('esc\u001b[2J csi\u009b2J del\u007f'), 'esc\ufffd[2J csi\ufffd2J del\ufffd');
    assert.equal(xmlText('lone \ud800 surrogate, pair \ud83d\ude00'), 'lone \ufffd surrogate, pair \ud83d\ude00');
    assert.equal(xmlAttribute('two\nlines\r\tand a tab'), 'two&#10;lines&#13;&#9;and a tab');
  });

  test('one testsuite per file, a failing testcase per finding, errors for config problems, skipped files', () => {
    assert.equal(formatJunit(REPORTS), `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="strategy-lint" tests="6" failures="3" errors="1">
  <testsuite name="docs/50%, really: plan.md" tests="4" failures="3" errors="1" skipped="0">
    <testcase classname="docs/50%, really: plan.md" name="config rules.x/y" file="docs/50%, really: plan.md">
      <error type="strategy-lint" message=".strategy-lint.json: rules.x/y: unknown rule id (using defaults for it)">.strategy-lint.json: rules.x/y: unknown rule id (using defaults for it)</error>
    </testcase>
    <testcase classname="docs/50%, really: plan.md" name="bad-strategy/fluff at 5:9" file="docs/50%, really: plan.md" line="5">
      <failure type="warning" message="&quot;leverage&quot; is fluff">warning bad-strategy/fluff at docs/50%, really: plan.md:5:9
&quot;leverage&quot; is fluff</failure>
    </testcase>
    <testcase classname="docs/50%, really: plan.md" name="kernel/diagnosis-missing at 1:1" file="docs/50%, really: plan.md" line="1">
      <failure type="error" message="No diagnosis.&#10;Say what is going on: 100% of it, or &quot;most&quot;.">error kernel/diagnosis-missing at docs/50%, really: plan.md:1:1
No diagnosis.
Say what is going on: 100% of it, or &quot;most&quot;.</failure>
    </testcase>
    <testcase classname="docs/50%, really: plan.md" name="prose/hedge at 7:2" file="docs/50%, really: plan.md" line="7">
      <failure type="information" message="Hedge &lt;&quot;perhaps&quot;&gt; &amp; co">information prose/hedge at docs/50%, really: plan.md:7:2
Hedge &lt;&quot;perhaps&quot;&gt; &amp; co</failure>
    </testcase>
  </testsuite>
  <testsuite name="clean.md" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="clean.md" name="strategy-lint" file="clean.md"/>
  </testsuite>
  <testsuite name="notes.txt" tests="1" failures="0" errors="0" skipped="1">
    <testcase classname="notes.txt" name="strategy-lint" file="notes.txt">
      <skipped message="skipped: not a Markdown file"/>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  test('a warning about a file (not fixed) is the suite\'s output, not a failure', () => {
    const out = formatJunit([{ file: 'a.md', docType: 'generic', findings: [], configProblems: [], notes: ['not fixed: it changed <meanwhile>'] }]);
    assert.match(out, /<testsuite name="a\.md" tests="1" failures="0" errors="0" skipped="0">/);
    assert.match(out, /<system-out>warning not fixed: it changed &lt;meanwhile&gt;<\/system-out>/);
  });
});

describe('the CLI with --format github and junit', () => {
  const MEMO = '# Growth strategy\n\n## Guiding policy\n\nWe will leverage our platform.\n';

  function cli(args: string[], cwd: string) {
    return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  }

  test('a file name with %, "," and ":" is escaped in annotations and kept in the JUnit report', () => {
    const dir = tempTree('strategy-lint-formats-', { 'strategy/50%, draft: v2.md': MEMO });
    const github = cli(['--format', 'github', 'strategy/'], dir);
    assert.equal(github.status, 0, github.stderr);
    assert.match(github.stdout, /^::warning file=strategy\/50%25%2C draft%3A v2\.md,line=5,col=9,endLine=5,endColumn=17,title=bad-strategy\/fluff::"leverage" is fluff/m);
    for (const line of github.stdout.trim().split('\n')) assert.match(line, /^::(error|warning|notice) file=[^:,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[\w/-]+::[^\n]+$/);
    const junit = cli(['--format', 'junit', 'strategy/'], dir);
    assert.equal(junit.status, 0, junit.stderr);
    assert.match(junit.stdout, /<testsuite name="strategy\/50%, draft: v2\.md" tests="\d+" failures="\d+" errors="0" skipped="0">/);
    assert.match(junit.stdout, /<testcase classname="strategy\/50%, draft: v2\.md" name="bad-strategy\/fluff at 5:9" file="strategy\/50%, draft: v2\.md" line="5">/);
  });

  test('--max-severity decides the exit code in both formats; config problems are annotations / errors', () => {
    const dir = tempTree('strategy-lint-formats-', { 'STRATEGY.md': MEMO, '.strategy-lint.json': '{ "rules": { "no/such-rule": "off" } }' });
    const github = cli(['--format', 'github', '--max-severity', 'warning', 'STRATEGY.md'], dir);
    assert.equal(github.status, 2, 'a config problem is exit 2');
    assert.match(github.stdout, /^::error file=\.strategy-lint\.json,title=strategy-lint config::rules\.no\/such-rule: unknown rule id/m);
    const junit = cli(['--format', 'junit', 'STRATEGY.md'], dir);
    assert.equal(junit.status, 2);
    assert.match(junit.stdout, /<error type="strategy-lint" message="\.strategy-lint\.json: rules\.no\/such-rule: unknown rule id/);
  });
});
