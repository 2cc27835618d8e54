/**
 * The Markdown injection grammar (syntaxes/strategy-lint.injection.tmLanguage.json), loaded the way
 * VS Code loads it: vscode-textmate + the Oniguruma wasm, injected into `text.html.markdown`.
 * A small stand-in for the Markdown grammar provides the scopes the injection selector excludes
 * (fenced code, inline code, indented code), a heading whose text is tokenized through captures,
 * bold text and HTML comments.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './helpers/paths.js';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate') as typeof import('vscode-textmate');
const oniguruma = require('vscode-oniguruma') as typeof import('vscode-oniguruma');

const INJECTION_SCOPE = 'markdown.strategy-lint.injection';
const grammarPath = path.join(repoRoot, 'syntaxes', 'strategy-lint.injection.tmLanguage.json');
const grammarSource = readFileSync(grammarPath, 'utf8');

/** Just enough of VS Code's Markdown grammar to host the injection. */
const markdownStandIn = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#fenced' }, { include: '#indented' }, { include: '#heading' }, { include: '#inline' }],
  repository: {
    fenced: {
      name: 'markup.fenced_code.block.markdown',
      begin: '^(`{3,})(.*)$',
      end: '^(\\1)[ \\t]*$',
      patterns: [],
    },
    indented: { name: 'markup.raw.block.markdown', begin: '^(?: {4}|\\t)', end: '$', patterns: [] },
    heading: {
      match: '^(#{1,6})[ \\t]+(.*)$',
      name: 'markup.heading.markdown',
      captures: {
        1: { name: 'punctuation.definition.heading.markdown' },
        2: { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] },
      },
    },
    inline: { patterns: [{ include: '#raw' }, { include: '#comment' }, { include: '#bold' }] },
    raw: { name: 'markup.inline.raw.string.markdown', begin: '`', end: '`', patterns: [] },
    comment: { name: 'comment.block.html', begin: '<!--', end: '-->', patterns: [] },
    bold: { name: 'markup.bold.markdown', begin: '\\*\\*', end: '\\*\\*', patterns: [{ include: '#inline' }] },
  },
};

let grammar: import('vscode-textmate').IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === 'text.html.markdown') return vsctm.parseRawGrammar(JSON.stringify(markdownStandIn), 'markdown.json');
      if (scopeName === INJECTION_SCOPE) return vsctm.parseRawGrammar(grammarSource, grammarPath);
      return null;
    },
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
  const loaded = await registry.loadGrammar('text.html.markdown');
  assert.ok(loaded, 'the stand-in Markdown grammar loads');
  grammar = loaded;
});

interface Line { text: string; scopes: string[][] }

/** Tokenize a document; for each line, the scopes of every character. */
function tokenize(document: string): Line[] {
  let state = vsctm.INITIAL;
  return document.split('\n').map((text) => {
    const result = grammar.tokenizeLine(text, state);
    state = result.ruleStack;
    const scopes: string[][] = [];
    for (const token of result.tokens) {
      for (let i = token.startIndex; i < Math.min(token.endIndex, text.length); i++) scopes[i] = token.scopes;
    }
    return { text, scopes };
  });
}

const OURS = /\.strategy-lint$/;

/**
 * Assert that `needle` (the `occurrence`-th time it appears in the one-line `text`) carries `scope`
 * on every character, and that the characters just outside it do not (exact boundaries).
 */
function assertScope(text: string, needle: string, scope: string, occurrence = 0): void {
  const [line] = tokenize(text);
  assert.ok(line);
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `"${needle}" occurs in "${text}"`);
  const end = start + needle.length;
  for (let i = start; i < end; i++) {
    assert.ok(line.scopes[i]?.includes(scope), `"${text}": "${needle}" char ${i - start} ("${text[i]}") has ${scope}; got ${JSON.stringify(line.scopes[i])}`);
  }
  if (start > 0) assert.ok(!line.scopes[start - 1]?.includes(scope), `"${text}": the character before "${needle}" has no ${scope}`);
  if (end < text.length) assert.ok(!line.scopes[end]?.includes(scope), `"${text}": the character after "${needle}" has no ${scope}`);
}

/** Assert that no character of `needle` in the one-line `text` carries `scope`. */
function assertLacks(text: string, needle: string, scope: string): void {
  const [line] = tokenize(text);
  assert.ok(line);
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `"${needle}" occurs in "${text}"`);
  for (let i = start; i < start + needle.length; i++) {
    assert.ok(!line.scopes[i]?.includes(scope), `"${text}": "${needle}" char ${i - start} ("${text[i]}") lacks ${scope}`);
  }
}

/** Assert that no character of the document carries a strategy-lint scope. */
function assertPlain(document: string): void {
  for (const line of tokenize(document)) {
    line.scopes.forEach((scopes, i) => {
      const ours = scopes.filter((s) => OURS.test(s));
      assert.deepEqual(ours, [], `"${line.text}": char ${i} ("${line.text[i]}") has no strategy-lint scope`);
    });
  }
}

/** Assert that `needle` in `text` carries no strategy-lint scope. */
function assertNoScopeOn(text: string, needle: string): void {
  const [line] = tokenize(text);
  assert.ok(line);
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `"${needle}" occurs in "${text}"`);
  for (let i = start; i < start + needle.length; i++) {
    const ours = (line.scopes[i] ?? []).filter((s) => OURS.test(s));
    assert.deepEqual(ours, [], `"${text}": "${needle}" char ${i - start} ("${text[i]}") has no strategy-lint scope`);
  }
}

const KR = 'keyword.other.key-result.strategy-lint';
const OBJECTIVE = 'keyword.other.objective.strategy-lint';
const OWNER = 'variable.other.owner.strategy-lint';
const OWNER_LABEL = 'keyword.other.owner.strategy-lint';
const DATE = 'constant.numeric.date.strategy-lint';
const BASELINE = 'constant.numeric.metric.baseline.strategy-lint';
const TARGET = 'constant.numeric.metric.target.strategy-lint';
const METRIC = 'meta.metric.change.strategy-lint';
const ARROW = 'keyword.operator.arrow.strategy-lint';
const DIRECTIVE_COMMENT = 'comment.block.directive.strategy-lint';
const DIRECTIVE = 'keyword.control.directive.strategy-lint';
const RULE_ID = 'constant.other.rule-id.strategy-lint';
const REASON = 'comment.block.documentation.reason.strategy-lint';

test('grammar file: scope name, injection selector, and every rule reachable', () => {
  const raw = JSON.parse(grammarSource) as { scopeName: string; injectionSelector: string; patterns: { include: string }[]; repository: Record<string, unknown> };
  assert.equal(raw.scopeName, INJECTION_SCOPE);
  assert.equal(raw.injectionSelector, 'L:text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw');
  const included = raw.patterns.map((p) => p.include.replace(/^#/, '')).sort();
  assert.deepEqual(included, Object.keys(raw.repository).sort());
});

const KR_LINE = '- KR1: Raise first-week activation from 59% to 80% by Q2 2027 (owner @maria)';

/** [line, text on it, scope that text must carry], by what the grammar highlights. */
const SCOPE_CASES: Record<string, Array<[string, string, string]>> = {
  'key-result labels': [
    [KR_LINE, 'KR1:', KR],
    ['KR 1.2: Cut churn from 9% to 5%', 'KR 1.2:', KR],
    ['KR2.1: Cut churn', 'KR2.1:', KR],
    ['KR: Cut churn', 'KR:', KR],
    ['Key result: weekly active members', 'Key result:', KR],
    ['key results: two', 'key results:', KR],
    ['Measure: setup time', 'Measure:', KR],
    ['- **KR3:** Raise retention', 'KR3:', KR],
  ],
  'objective labels, in prose and in headings': [
    ['Objective: New teams get productive in week one', 'Objective:', OBJECTIVE],
    ['O1: New teams get productive', 'O1:', OBJECTIVE],
    ['## Objective 1: New teams get productive', 'Objective 1:', OBJECTIVE],
    ['Goal: fewer stalled accounts', 'Goal:', OBJECTIVE],
  ],
  'owners: @name, @org/team, Owner:, DRI:': [
    [KR_LINE, '@maria', OWNER],
    ['Owner: @priya, by Q1 2027.', 'Owner:', OWNER_LABEL],
    ['Owner: @priya, by Q1 2027.', '@priya', OWNER],
    ['DRI: @tomas', 'DRI:', OWNER_LABEL],
    ['**Owner:** @dana', 'Owner:', OWNER_LABEL],
    ['Ask @acme/onboarding-team.', '@acme/onboarding-team', OWNER],
    ['## Owner @kenji', '@kenji', OWNER],
  ],
  'dates, quarters, halves, fiscal years and months': [
    ['Ships on 2027-03-31.', '2027-03-31', DATE],
    ['by Q3 2027 at the latest', 'Q3 2027', DATE],
    ['in H2 2027', 'H2 2027', DATE],
    ['in FY27 Q1', 'FY27 Q1', DATE],
    ['in FY2027', 'FY2027', DATE],
    ['Q3 FY27 plan', 'Q3 FY27', DATE],
    ["Q1 '27 plan", "Q1 '27", DATE],
    ['by Q3, then', 'Q3', DATE],
    ['from Sep 2027 on', 'Sep 2027', DATE],
    ['due September 30, 2027.', 'September 30, 2027', DATE],
    ['due 30 September 2027.', '30 September 2027', DATE],
    ['by November 28 at noon', 'November 28', DATE],
  ],
  'metrics with a baseline and a target': [
    [KR_LINE, 'from 59% to 80%', METRIC],
    [KR_LINE, '59%', BASELINE],
    [KR_LINE, '80%', TARGET],
    [KR_LINE, 'Q2 2027', DATE],
    ['Churn: 12% → 20%', '12% → 20%', METRIC],
    ['Churn: 12% → 20%', '→', ARROW],
    ['Churn: 12% -> 20%', '12%', BASELINE],
    ['Churn: 12% -> 20%', '->', ARROW],
    ['Churn: 12% -> 20%', '20%', TARGET],
    ['Cut setup time from 6 hours to 90 minutes.', '6 hours', BASELINE],
    ['Cut setup time from 6 hours to 90 minutes.', '90 minutes', TARGET],
    ['Revenue: from $2.25M in September to $2.38M', '$2.25M', BASELINE],
    ['Revenue: from $2.25M in September to $2.38M', '$2.38M', TARGET],
    ['Seats from 1,200 to 1,500.', '1,200', BASELINE],
    ['Seats from 1,200 to 1,500.', '1,500', TARGET],
  ],
};

for (const [title, cases] of Object.entries(SCOPE_CASES)) {
  test(title, () => {
    for (const [line, text, scope] of cases) assertScope(line, text, scope);
  });
}

test('suppression comments', () => {
  const disable = '<!-- strategy-lint-disable prose/passive, kernel/order -->';
  assertScope(disable, disable, DIRECTIVE_COMMENT);
  assertScope(disable, 'strategy-lint-disable', DIRECTIVE);
  assertScope(disable, 'prose/passive', RULE_ID);
  assertScope(disable, 'kernel/order', RULE_ID);
  const nextLine = '<!-- strategy-lint-disable-next-line roadmap/stale -- reviewed on November 28 -->';
  assertScope(nextLine, 'strategy-lint-disable-next-line', DIRECTIVE);
  assertScope(nextLine, 'roadmap/stale', RULE_ID);
  assertScope(nextLine, '-- reviewed on November 28 ', REASON);
  assertLacks(nextLine, 'November 28', DATE); // part of the reason, not a date to highlight
  assertScope('<!-- strategy-lint-enable -->', 'strategy-lint-enable', DIRECTIVE);
  assertScope('Text <!-- strategy-lint-disable-line prose/hedge --> more', 'prose/hedge', RULE_ID);
  // A directive may span lines.
  const [first, second] = tokenize('<!-- strategy-lint-disable\n  kernel/order -->');
  assert.ok(first?.scopes[5]?.includes(DIRECTIVE));
  assert.ok(second?.scopes[2]?.includes(RULE_ID), JSON.stringify(second?.scopes[2]));
  // An ordinary comment stays an ordinary comment.
  const [plain] = tokenize('<!-- a note for reviewers -->');
  assert.ok(plain?.scopes[5]?.includes('comment.block.html'));
  assertPlain('<!-- a note for reviewers -->');
});

test('ordinary prose and near misses get no strategy-lint scope', () => {
  assertPlain('Mid-market admins lose two hours a week on setup, and we will fix it.');
  assertPlain('Write to maria@example.com or ops@acme.io today.');
  assertPlain('Follow @example.com for news.');
  assertPlain('The FAQ3 page, SQ3L and Q3x are not quarters; neither is Q5 or Q3-ish.');
  assertPlain('Version 2.4.0 replaces 2.3.1, and 2.4.0 → 2.5.0 is an upgrade path.');
  assertPlain('Upgrade from 2.4.0 to 2.5.0 next.');
  assertPlain('Use an H2 heading here.');
  assertPlain('The KR1 label needs a colon, and so does Owner.');
  assertPlain('The Mayor 2027 report, in March, and May we?');
  assertPlain('See section 12.3 and page 2026.');
  assertPlain('Call +1-555-0100 at 10:30.');
});

test('no highlighting inside fenced, indented or inline code', () => {
  assertPlain(['```markdown', 'KR1: Raise activation from 12% to 20% by Q3 2027 (owner @maria)', '<!-- strategy-lint-disable kernel/order -->', '```'].join('\n'));
  assertPlain('    KR1: from 12% to 20% by Q3 2027 @maria');
  assertNoScopeOn('Type `KR1: from 12% to 20% by Q3 2027 @maria` here', 'KR1: from 12% to 20% by Q3 2027 @maria');
  // The same text outside code is highlighted.
  assertScope('Type KR1: from 12% to 20% by Q3 2027 @maria here', '@maria', OWNER);
});

// ---------------------------------------------------------------------------------------------
// Linear regexes

/** Every regex in the grammar, with where it lives. */
function grammarRegexes(): { where: string; source: string }[] {
  const found: { where: string; source: string }[] = [];
  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) node.forEach((child, i) => visit(child, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') found.push({ where: `${where}.${key}`, source: value });
        else visit(value, `${where}.${key}`);
      }
    }
  };
  visit(JSON.parse(grammarSource), '$');
  return found;
}

/**
 * Find a group that is repeated without bound (`*`, `+`, `{n,}`) while containing an unbounded
 * quantifier itself — the shape of catastrophic backtracking, e.g. `(a+)+` or `(\w+\s?)*`.
 * Returns a description of the first offending group, or null.
 */
function nestedUnboundedQuantifier(source: string): string | null {
  const stack: { start: number; unbounded: boolean }[] = [];
  /** Length of an unbounded quantifier (with a possessive or lazy suffix) at i, or 0. */
  const unboundedAt = (i: number): number => {
    const m = /^(?:\*|\+|\{\d*,\})[+?]?/.exec(source.slice(i));
    return m ? m[0].length : 0;
  };
  const markParent = (): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.unbounded = true;
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '[') {
      i += 1;
      if (source[i] === '^') i += 1;
      if (source[i] === ']') i += 1;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (c === '(') {
      stack.push({ start: i, unbounded: false });
      i += 1;
    } else if (c === ')') {
      const group = stack.pop();
      i += 1;
      if (!group) return `unbalanced ")" at ${i - 1}`;
      const quantifier = unboundedAt(i);
      if (quantifier && group.unbounded) {
        return `group at ${group.start} ("${source.slice(group.start, i)}") is repeated by "${source.slice(i, i + quantifier)}" and contains an unbounded quantifier`;
      }
      if (quantifier || group.unbounded) markParent();
      i += quantifier;
    } else {
      const quantifier = unboundedAt(i);
      if (quantifier) markParent();
      i += quantifier || 1;
    }
  }
  return stack.length ? `unbalanced "(" at ${stack[0]?.start}` : null;
}

test('the nested-quantifier detector itself', () => {
  assert.match(nestedUnboundedQuantifier('(a+)+') ?? '', /repeated/);
  assert.match(nestedUnboundedQuantifier('(?:\\w+\\s?)*x') ?? '', /repeated/);
  assert.match(nestedUnboundedQuantifier('((?:ab)*c)+') ?? '', /repeated/);
  assert.match(nestedUnboundedQuantifier('(?:x(?:y+))*') ?? '', /repeated/);
  assert.equal(nestedUnboundedQuantifier('(?: [^\\s\\d]+){0,3}'), null);
  assert.equal(nestedUnboundedQuantifier('(?:,\\d{3}){1,4}'), null);
  assert.equal(nestedUnboundedQuantifier('[(+)]+(a)*'), null);
  assert.equal(nestedUnboundedQuantifier('\\(a+\\)+'), null);
});

test('every regex in the grammar is linear (no nested unbounded quantifiers)', () => {
  const regexes = grammarRegexes();
  assert.ok(regexes.length >= 8);
  for (const { where, source } of regexes) {
    assert.equal(nestedUnboundedQuantifier(source), null, `${where}: ${source}`);
  }
});

test('adversarial lines tokenize quickly', () => {
  const adversarial = [
    'from 1 '.repeat(3000),
    'from 1 a b c d '.repeat(1500),
    '1,000,000,000,000'.repeat(500),
    '12% -> 12% -> '.repeat(1500),
    '@a.'.repeat(5000),
    '@a/b/c'.repeat(3000),
    'KR 1.1.1.1'.repeat(2000),
    'Q1-Q2 FY27 '.repeat(2000),
    'September 3, September 3, '.repeat(1000),
    '2027-01-01-01'.repeat(1500),
    `<!-- strategy-lint-disable ${'a/b, -- '.repeat(3000)}`,
    'x'.repeat(20000),
    ' '.repeat(20000),
  ];
  for (const line of adversarial) {
    const started = performance.now();
    grammar.tokenizeLine(line, vsctm.INITIAL);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `"${line.slice(0, 30)}…" (${line.length} chars) took ${Math.round(elapsed)} ms`);
  }
});
