/**
 * Custom rules (`customRules` in a config file or the settings): each kind finds what it should
 * and not its near misses, is validated like every other key (the problem names the file and key,
 * the rest keeps working), and behaves like a built-in rule: severity, suppression, fixes, links.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionKind, CodeActionRequest, HoverRequest, type CodeAction, type MarkupContent } from 'vscode-languageserver-protocol';
import { applyFixes, fixAll, lint, validateConfig, type ConfigLayer, type DocType, type Finding } from '../src/engine/index.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';
import { fileUri, LspTestClient, TEST_SETTINGS } from './helpers/lsp-client.js';

const layer = (config: Record<string, unknown>, file = '.strategy-lint.json'): ConfigLayer => {
  const validated = validateConfig(config, file);
  assert.deepEqual(validated.problems, [], 'the config is valid');
  return validated.layer;
};
const run = (text: string, layers: ConfigLayer[], type: DocType = 'strategy') =>
  lint(text, { type, layers, today: FIXTURE_TODAY });
const custom = (findings: readonly Finding[]) => findings.filter((f) => f.ruleId.startsWith('custom/'));
const lineOf = (text: string, finding: Finding) => text.split('\n')[finding.line - 1];

const MEMO = `# Payments strategy 2027

## Diagnosis

Our North Star is growth, and north-stars are easy to name. Each client leaves in 90 days.

## Guiding policy

We serve mid-market merchants first. The \`north star\` table and [north star](https://example.com/north-star) stay.

<!-- a north star in a comment -->

\`\`\`
north star
\`\`\`
`;

describe('custom rules: existence', () => {
  const rules = layer({ customRules: { 'no-north-star': { kind: 'existence', terms: ['north star'], message: 'Name the metric instead of "{{term}}".', url: 'https://example.com/style#north-star' } } });

  test('flags each term as written, with inflections, through hyphens; never in code or comments; link text counts', () => {
    const found = custom(run(MEMO, [rules]).findings);
    assert.deepEqual(found.map((f) => [f.ruleId, f.message, f.severity, f.line]), [
      ['custom/no-north-star', 'Name the metric instead of "North Star".', 'warning', 5],
      ['custom/no-north-star', 'Name the metric instead of "north-stars".', 'warning', 5],
      ['custom/no-north-star', 'Name the metric instead of "north star".', 'warning', 9],
    ]);
    assert.ok(found.every((f) => f.docsUrl === 'https://example.com/style#north-star'));
    assert.equal(lineOf(MEMO, found[2]).slice(found[2].column - 1, found[2].endColumn - 1), 'north star', 'the link text, not its URL or the code span');
  });

  test('inflect: false matches the terms only as listed; sections limits it to those roles', () => {
    const exact = layer({ customRules: { 'no-north-star': { kind: 'existence', terms: ['north star'], inflect: false, sections: ['guiding-policy'] } } });
    const found = custom(run(MEMO, [exact]).findings);
    assert.deepEqual(found.map((f) => f.line), [9], 'only the guiding policy, and not the plural');
    assert.match(found[0].message, /"north star" is on this team's list of terms to avoid/);
  });

  test('runs on every type but generic unless types says otherwise', () => {
    assert.equal(custom(run(MEMO, [rules], 'generic').findings).length, 0);
    const everywhere = layer({ customRules: { 'no-north-star': { kind: 'existence', terms: ['north star'], types: ['generic'] } } });
    assert.equal(custom(run(MEMO, [everywhere], 'generic').findings).length, 3);
    assert.equal(custom(run(MEMO, [everywhere], 'strategy').findings).length, 0);
  });

  test('severity, a family wildcard, front matter and comments turn it down or off, like any rule', () => {
    const error = layer({ rules: { 'custom/no-north-star': 'error' } });
    assert.deepEqual([...new Set(custom(run(MEMO, [rules, error]).findings).map((f) => f.severity))], ['error'], 'set in a later layer than the rule');
    assert.equal(custom(run(MEMO, [rules, layer({ rules: { 'custom/*': 'off' } })]).findings).length, 0);
    const disabled = `---\nstrategy-lint:\n  disable: [custom/no-north-star]\n---\n${MEMO}`;
    assert.equal(custom(run(disabled, [rules]).findings).length, 0);
    const commented = MEMO.replace('Our North Star', '<!-- strategy-lint-disable-next-line custom/no-north-star -->\nOur North Star');
    assert.deepEqual(custom(run(commented, [rules]).findings).map((f) => f.message), ['Name the metric instead of "north star".']);
  });
});

describe('custom rules: substitution', () => {
  const rules = layer({ customRules: { 'say-customer': { kind: 'substitution', swap: { client: 'customer', utilize: 'use', 'sign-up': 'sign up' } } } });

  test('offers the preferred term in the writer\'s case, as a preferred quick fix that fix-all applies', () => {
    const text = '# Onboarding strategy\n\n## Diagnosis\n\nClients leave. A client waits; CLIENT support is slow. We utilize partners, utilized once. The sign-up takes days.\n';
    const found = custom(run(text, [rules]).findings);
    assert.deepEqual(found.map((f) => f.message), [
      'Use "customer" instead of "client".', 'Use "CUSTOMER" instead of "CLIENT".', 'Use "use" instead of "utilize".', 'Use "sign up" instead of "sign-up".',
    ], 'not inflected: "Clients" and "utilized" are left alone (replacing them would be wrong)');
    assert.ok(found.every((f) => f.fix?.preferred === true));
    const fixed = fixAll(text, { type: 'strategy', layers: [rules], today: FIXTURE_TODAY }).text;
    assert.match(fixed, /A customer waits; CUSTOMER support is slow\. We use partners, utilized once\. The sign up takes days\./);
  });

  test('no fix where markup is inside the match (it would be lost), and the preferred term itself is never flagged', () => {
    const twoWords = layer({ customRules: { 'say-two': { kind: 'substitution', swap: { 'key account': 'named customer', 'customer': 'customer' } } } });
    const text = '# Sales strategy\n\n## Diagnosis\n\nEvery key **account** churns; every customer stays.\n';
    const found = custom(run(text, [twoWords]).findings);
    assert.equal(found.length, 1);
    assert.equal(found[0].fix, undefined);
    assert.equal(applyFixes(text, found, true).text, text);
  });
});

describe('custom rules: required-section', () => {
  const rules = layer({ customRules: { 'rollback-plan': { kind: 'required-section', types: ['decision'], heading: 'Rollback plan', synonyms: ['Rollback', 'Backout plan'], before: ['risks'], prompt: 'How do we undo this, and what tells us to? --> not a comment end' } } });
  const ADR = '# ADR 7: Postgres for the ledger\n\n## Context\n\nThe ledger needs transactions.\n\n## Decision\n\nWe will use Postgres.\n\n## Risks\n\nOperations cost.\n';

  test('a decision without it gets one document finding whose fix inserts the skeleton before the risks', () => {
    const found = custom(run(ADR, [rules], 'decision').findings);
    assert.deepEqual(found.map((f) => [f.ruleId, f.message, f.documentLevel, f.line]), [['custom/rollback-plan', 'This document has no "Rollback plan" section.', true, 1]]);
    const fixed = applyFixes(ADR, found, false).text;
    assert.match(fixed, /We will use Postgres\.\n\n## Rollback plan\n\n<!-- How do we undo this, and what tells us to\? – not a comment end -->\n\n## Risks/);
    assert.deepEqual(custom(run(fixed, [rules], 'decision').findings), [], 'the inserted section satisfies it');
  });

  test('the heading, a synonym (with a qualifier) or the role satisfies it; other types are not asked', () => {
    for (const heading of ['Rollback plan', 'Backout plan (draft)', 'Rollback: how we undo it']) {
      assert.deepEqual(custom(run(ADR.replace('## Risks', `## ${heading}\n\nRevert the migration.\n\n## Risks`), [rules], 'decision').findings), [], heading);
    }
    assert.equal(custom(run(ADR.replace('## Risks', '## Rollbacks are hard\n\nx\n\n## Risks'), [rules], 'decision').findings).length, 1, '"Rollbacks are hard" is another heading');
    assert.deepEqual(custom(run(ADR, [rules], 'strategy').findings), []);
    const byRole = layer({ customRules: { risks: { kind: 'required-section', types: ['decision'], heading: 'Risks and mitigations', role: 'risks' } } });
    assert.deepEqual(custom(run(ADR, [byRole], 'decision').findings), [], '"Risks" has the risks role');
  });
});

describe('custom rules: occurrence', () => {
  const OKRS = '# Q1 2027 OKRs\n\n## Objective 1: Win mid-market\n\n- KR1: NPS from 30 to 45 by 2027-03-31\n\n## Objective 2: Cut churn\n\n- KR1: churn from 5% to 3% by 2027-03-31\n\n## Objective 3: Hire\n\n- KR1: 4 engineers by 2027-03-31\n';

  test('at most N: one document finding whose related places are the ones past the limit', () => {
    const rules = layer({ customRules: { 'two-objectives': { kind: 'occurrence', types: ['okr'], of: 'objectives', max: 2 } } });
    const found = custom(run(OKRS, [rules], 'okr').findings);
    assert.equal(found.length, 1);
    assert.equal(found[0].message, 'This document has 3 objectives; this team allows at most 2 objectives.');
    assert.deepEqual(found[0].related?.map((r) => r.line), [11]);
    assert.ok(!run(OKRS, [rules], 'okr').findings.some((f) => f.ruleId === 'custom/two-objectives' && f.severity === 'hint'), 'no item hints: no one objective is at fault');
  });

  test('at least N; within the range, nothing', () => {
    const atLeast = layer({ customRules: { 'kr-count': { kind: 'occurrence', types: ['okr'], of: 'key-results', min: 4, message: 'Only {{count}} here; we ask for {{range}}.' } } });
    assert.deepEqual(custom(run(OKRS, [atLeast], 'okr').findings).map((f) => f.message), ['Only 3 key results here; we ask for at least 4 key results.']);
    const fine = layer({ customRules: { 'kr-count': { kind: 'occurrence', types: ['okr'], of: 'key-results', min: 1, max: 3 } } });
    assert.deepEqual(custom(run(OKRS, [fine], 'okr').findings), []);
  });
});

describe('custom rules: validation', () => {
  test('each problem names the key; a broken rule is dropped, the others and the rest of the file are kept', () => {
    const { layer: parsed, problems } = validateConfig({
      customRules: {
        good: { kind: 'existence', terms: ['synergy'] },
        'Bad Name': { kind: 'existence', terms: ['x'] },
        typo: { kind: 'existance', terms: ['x'] },
        empty: { kind: 'existence', terms: [] },
        extra: { kind: 'substitution', swap: { a: 'b' }, terms: ['x'], severity: 'loud', url: 'javascript:alert(1)' },
        section: { kind: 'required-section', heading: 'Rollback plan' },
        count: { kind: 'occurrence', types: ['okr'], of: 'objectives', min: 5, max: 2 },
        constructor: { kind: 'existence', terms: ['x'], types: ['memo'] },
      },
      rules: { 'custom/good': { severity: 'error', options: { words: [] } }, 'bad-strategy/fluff': 'off' },
    }, '/repo/.strategy-lint.json');
    assert.deepEqual(problems.map((p) => [p.file, p.key]), [
      ['/repo/.strategy-lint.json', 'rules.custom/good'],
      ['/repo/.strategy-lint.json', 'customRules.Bad Name'],
      ['/repo/.strategy-lint.json', 'customRules.typo.kind'],
      ['/repo/.strategy-lint.json', 'customRules.empty.terms'],
      ['/repo/.strategy-lint.json', 'customRules.extra.terms'],
      ['/repo/.strategy-lint.json', 'customRules.extra.severity'],
      ['/repo/.strategy-lint.json', 'customRules.extra.url'],
      ['/repo/.strategy-lint.json', 'customRules.section.types'],
      ['/repo/.strategy-lint.json', 'customRules.count.min'],
      ['/repo/.strategy-lint.json', 'customRules.constructor.types[0]'],
    ]);
    assert.deepEqual(Object.keys(parsed.customRules!), ['good', 'extra', 'constructor']);
    assert.equal(parsed.customRules!.extra.severity, 'warning', 'a bad severity falls back to the default');
    assert.equal((parsed.customRules!.extra as { url?: string }).url, undefined, 'only http(s) links');
    assert.deepEqual(parsed.rules, { 'bad-strategy/fluff': { severity: 'off' } });
    assert.ok(problems.every((p) => !p.message.includes('alert')), 'values are described, never quoted');
  });

  test('a later layer replaces a rule of the same name', () => {
    const settings = layer({ customRules: { words: { kind: 'existence', terms: ['synergy'] } } }, 'settings');
    const file = layer({ customRules: { words: { kind: 'existence', terms: ['paradigm'], severity: 'hint' } } });
    const text = '# Growth strategy\n\n## Diagnosis\n\nSynergy and a paradigm.\n';
    assert.deepEqual(custom(run(text, [settings, file]).findings).map((f) => [f.message, f.severity]), [['"paradigm" is on this team\'s list of terms to avoid.', 'hint']]);
  });
});

describe('custom rules in the language server', () => {
  test('from the settings: a diagnostic with the rule\'s link, a hover, its fix and a disable action', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-custom-'));
    const customRules = { 'say-customer': { kind: 'substitution', swap: { client: 'customer' }, url: 'https://example.com/words' } };
    const client = await LspTestClient.start({ workspaceFolders: [dir], settings: () => ({ ...TEST_SETTINGS, customRules }) });
    try {
      const uri = fileUri(path.join(dir, 'strategy.md'));
      await client.open(uri, '# Growth strategy\n\n## Diagnosis\n\nEvery client leaves after a month.\n');
      const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'custom/say-customer'));
      const diagnostic = diagnostics.find((d) => d.code === 'custom/say-customer')!;
      assert.equal(diagnostic.message, 'Use "customer" instead of "client".');
      assert.equal(diagnostic.codeDescription?.href, 'https://example.com/words');
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: diagnostic.range.start });
      assert.match((hover!.contents as MarkupContent).value, /`custom\/say-customer` · \[docs\]\(https:\/\/example\.com\/words\)/);
      const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] } }) as CodeAction[];
      assert.deepEqual(actions.map((a) => a.title), [
        'Replace "client" with "customer"', 'Disable custom/say-customer for this line', 'Disable custom/say-customer for this file', 'Open documentation for custom/say-customer',
      ]);
      assert.deepEqual(actions[3].command?.arguments, ['custom/say-customer', 'https://example.com/words']);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
