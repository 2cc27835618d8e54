/**
 * The "Review my strategy" report: kernel map, key-result table, scores, top fixes, and the
 * Markdown and HTML renderings, on realistic fixture documents (test/fixtures/review). Rules are
 * still landing, so assertions about findings are phrased as properties of whatever the registry
 * produces, and assertions about specific rules only apply when those rules are registered.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, rulesById, RULE_FAMILIES, type DocType, type Finding, type LintResult } from '../src/engine/index.js';
import { buildReview, type Review, type KeyResultRow } from '../src/review/review.js';
import { renderReviewMarkdown, escapeMarkdownInline } from '../src/review/render-markdown.js';
import { renderReviewHtml } from '../src/review/render-html.js';
import { escapeHtml, inlineMarkdown } from '../src/review/html-text.js';
import { columnsOf } from '../src/engine/model/key-results.js';
import { scoreArea, overallScore, SCORE_AREAS, type AreaScore } from '../src/review/scoring.js';
import { fixturesDir } from './helpers/paths.js';
import { FIXTURE_TODAY } from './helpers/fixtures.js';

const reviewDir = path.join(fixturesDir, 'review');

function reviewOf(name: string, options: { filePath?: string; type?: DocType } = {}): { review: Review; text: string; result: LintResult } {
  const text = fs.readFileSync(path.join(reviewDir, name), 'utf8');
  const result = lint(text, { filePath: options.filePath ?? name, type: options.type, today: FIXTURE_TODAY });
  return { review: buildReview(result, { fileName: name }), text, result };
}

/** 1-based line of the first line of `text` that starts with `prefix`. */
function lineStarting(text: string, prefix: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => line.startsWith(prefix));
  assert.ok(index >= 0, `no line starts with ${prefix}`);
  return index + 1;
}

function section(review: Review, role: string) {
  const found = review.kernel.sections.find((s) => s.role === role);
  assert.ok(found, `no ${role} in the kernel map`);
  return found;
}

function kr(review: Review, startsWith: string): KeyResultRow {
  const row = review.keyResults.find((r) => r.text.startsWith(startsWith));
  assert.ok(row, `no key result starting "${startsWith}" in ${review.keyResults.map((r) => r.text).join(' / ')}`);
  return row;
}


describe('review: weak strategy memo', () => {
  const { review, text, result } = reviewOf('weak-memo.md');

  test('type and how it was detected', () => {
    assert.equal(review.docType, 'strategy');
    assert.equal(review.docTypeLabel, 'Strategy memo');
    assert.equal(review.typeSource, 'front-matter');
    assert.match(review.typeReason, /front matter/);
    assert.equal(review.title, 'Growth strategy 2027');
    assert.equal(review.file, 'weak-memo.md');
    assert.ok(review.wordCount > 80 && review.wordCount < 140, `word count ${review.wordCount}`);
  });

  test('kernel map: diagnosis and policy present at their lines, coherent actions missing', () => {
    assert.equal(review.kernel.kernelApplies, true);
    const diagnosis = section(review, 'diagnosis');
    assert.equal(diagnosis.status, 'present');
    assert.equal(diagnosis.heading, 'The challenge');
    assert.equal(diagnosis.line, lineStarting(text, '## The challenge'));
    const policy = section(review, 'guiding-policy');
    assert.equal(policy.status, 'present');
    assert.equal(policy.line, lineStarting(text, '## Our approach'));
    const actions = section(review, 'coherent-actions');
    assert.equal(actions.status, 'missing');
    assert.equal(actions.line, null);
    assert.equal(actions.expectation, 'required');
    assert.equal(section(review, 'non-goals').status, 'missing');
    assert.equal(section(review, 'non-goals').expectation, 'recommended');
    assert.equal(section(review, 'metrics').heading, 'Goals');
    assert.equal(review.kernel.inOrder, null);
    assert.match(review.headline, /no coherent actions/);
  });

  test('key results: deliverables are outputs, "Improve customer happiness" has no metric', () => {
    assert.equal(review.keyResults.length, 4);
    const app = kr(review, 'Launch the new mobile app');
    assert.equal(app.kind, 'output');
    assert.equal(app.verdict, 'output');
    assert.equal(app.line, lineStarting(text, '- Launch the new mobile app'));
    assert.equal(kr(review, 'Ship SSO').verdict, 'output');
    // Lines of a "Goals" section are goals (Goal = Objective): outcomes/unmeasurable leaves them qualitative, and so does the table.
    const happiness = kr(review, 'Improve customer happiness');
    assert.equal(happiness.kind, 'outcome');
    assert.equal(happiness.verdict, 'goal');
    assert.equal(happiness.measurable, false);
    const revenue = kr(review, 'Grow revenue');
    assert.equal(revenue.verdict, 'goal');
    assert.equal(revenue.metric, 'revenue');
    assert.equal(revenue.measurable, true);
    assert.equal(review.keyResultSummary?.outputs, 2);
    assert.equal(review.keyResultSummary?.outcomes, 0);
    assert.match(review.keyResultSummary!.text, /2 outputs/);
  });

  test('top fixes: most important first, one entry per rule, at most 7', () => {
    assert.ok(review.topFixes.length > 0 && review.topFixes.length <= 7);
    assertTopFixOrder(review);
    for (const fix of review.topFixes) {
      assert.ok(fix.otherLineCount >= fix.otherLines.length && fix.occurrences - 1 >= fix.otherLineCount, fix.ruleId);
      assert.ok(!fix.otherLines.includes(fix.line));
    }
    const ids = review.topFixes.map((f) => f.ruleId);
    assert.equal(new Set(ids).size, ids.length, 'one entry per rule');
    if (rulesById.has('kernel/coherent-actions-missing')) {
      const first = review.topFixes[0];
      assert.equal(first.ruleId, 'kernel/coherent-actions-missing');
      assert.equal(first.documentLevel, true);
      assert.equal(first.quickFix !== null, rulesById.get('kernel/coherent-actions-missing')!.meta.fixable);
    }
    if (rulesById.has('bad-strategy/fluff')) {
      const fluff = review.topFixes.find((f) => f.ruleId === 'bad-strategy/fluff');
      assert.ok(fluff && fluff.occurrences > 3, 'fluff findings collapse into one entry');
    }
    const covered = review.topFixes.reduce((sum, f) => sum + f.occurrences, 0);
    const ruleFindings = result.findings.filter((f) => (RULE_FAMILIES as readonly string[]).includes(f.ruleId.split('/')[0])).length;
    assert.equal(covered + review.moreFindings, ruleFindings);
  });

  test('counts by severity add up', () => {
    const c = review.counts;
    assert.equal(c.error + c.warning + c.information + c.hint, c.total);
  });
});

const SEVERITY_RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;
const FAMILY_ORDER = ['kernel', 'bad-strategy', 'outcomes', 'pyramid', 'roadmap', 'decision', 'prose'];
const familyRank = (family: string | null): number =>
  family === 'release-notes' ? 4 : family === 'update' ? 5 : FAMILY_ORDER.indexOf(family ?? '');

function assertTopFixOrder(review: Review): void {
  review.topFixes.forEach((fix, i) => assert.equal(fix.rank, i + 1));
  for (let i = 1; i < review.topFixes.length; i++) {
    const a = review.topFixes[i - 1];
    const b = review.topFixes[i];
    const key = (f: typeof a): [number, number] => [SEVERITY_RANK[f.severity], familyRank(f.family)];
    const [sa, fa] = key(a);
    const [sb, fb] = key(b);
    assert.ok(sa < sb || (sa === sb && fa <= fb), `fix ${a.ruleId} (${a.severity}) before ${b.ruleId} (${b.severity})`);
  }
}

describe('review: strong strategy memo', () => {
  const { review, text } = reviewOf('strong-memo.md');
  const weak = reviewOf('weak-memo.md').review;

  test('kernel complete, in order, with lines', () => {
    for (const [role, heading] of [['diagnosis', 'Diagnosis'], ['guiding-policy', 'Guiding policy'], ['coherent-actions', 'Coherent actions'], ['non-goals', 'Non-goals'], ['risks', 'Risks'], ['summary', 'Summary']] as const) {
      const s = section(review, role);
      assert.equal(s.status, 'present', role);
      assert.equal(s.line, lineStarting(text, `## ${heading}`), role);
    }
    assert.equal(review.kernel.inOrder, true);
    assert.match(review.headline, /kernel is complete/);
  });

  test('the launch-with-a-metric key result is an outcome with baseline, target, date and owner', () => {
    const row = kr(review, 'Launch self-serve onboarding');
    assert.equal(row.label, 'KR1');
    assert.equal(row.kind, 'outcome');
    assert.equal(row.verdict, 'outcome');
    assert.equal(row.metric, 'activation');
    assert.equal(row.baseline, '22%');
    assert.equal(row.target, '35%');
    assert.equal(row.date, 'Q2 2027');
    assert.equal(row.dateSource, 'key result');
    assert.equal(row.owner, '@maria');
    assert.equal(row.line, lineStarting(text, '- KR1:'));
    const ttv = kr(review, 'Cut median time-to-first-value');
    assert.deepEqual([ttv.metric, ttv.baseline, ttv.target, ttv.date, ttv.owner], ['median time-to-first-value', '9 days', '2 days', 'Q2 2027', '@li']);
    assert.equal(review.keyResultSummary?.outcomes, 3);
    assert.equal(review.keyResultSummary?.outputs, 0);
  });

  test('scores: the strong memo beats the weak one overall and on the kernel', () => {
    assert.ok(review.overall.score !== null && weak.overall.score !== null);
    assert.ok(weak.overall.score! < review.overall.score!, `weak ${weak.overall.score} < strong ${review.overall.score}`);
    const kernelOf = (r: Review): AreaScore => r.scores.find((s) => s.id === 'kernel')!;
    assert.ok(kernelOf(weak).score! <= kernelOf(review).score!);
    for (const score of review.scores) {
      if (score.applicable) {
        assert.ok(score.score! >= 0 && score.score! <= 100);
        assert.ok(score.explanation.endsWith('.') && score.explanation.length > 10, score.explanation);
      } else {
        assert.equal(score.score, null);
        assert.match(score.explanation, /^Not applicable/);
      }
    }
  });

  test('is JSON-serialisable without loss', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(review)), review);
  });
});

describe('review: OKR set', () => {
  const { review, text } = reviewOf('okr-set.md');

  test('detected from headings; objectives listed, the empty one too', () => {
    assert.equal(review.docType, 'okr');
    assert.equal(review.typeSource, 'headings');
    assert.equal(review.kernel.kernelApplies, false);
    assert.deepEqual(review.objectives.map((o) => [o.text, o.keyResultCount]), [
      ['Make deploys boring (@sam)', 3], ['Developers find answers without asking', 2], ['Grow the platform team', 0],
    ]);
    assert.equal(review.objectives[2].line, lineStarting(text, '## Objective 3'));
  });

  test('list key results inherit the date from the heading and the owner from the objective', () => {
    const deploys = kr(review, 'Raise deploy frequency');
    assert.equal(deploys.objective, 'Make deploys boring (@sam)');
    assert.equal(deploys.baseline, '3');
    assert.equal(deploys.target, '10 per team per week');
    assert.equal(deploys.date, 'Q3 2027');
    assert.equal(deploys.dateSource, 'heading');
    assert.equal(deploys.owner, '@sam');
    assert.equal(kr(review, 'Cut change failure rate').owner, '@priya');
    assert.equal(kr(review, 'Migrate all services').verdict, 'output');
  });

  test('table key results read the metric, baseline, target, date and owner columns', () => {
    const portal = kr(review, 'Publish the developer portal');
    // The statement names the work, but its metric, baseline and target columns state the result: as outcomes/output-as-outcome reads it, an outcome.
    assert.equal(portal.verdict, 'outcome');
    assert.match(portal.reason, /"Publish" names the work, but it moves Weekly active developers on the portal 0 → 400/);
    assert.equal(portal.metric, 'Weekly active developers on the portal');
    assert.equal(portal.baseline, '0');
    assert.equal(portal.target, '400');
    assert.equal(portal.date, 'Sep 2027');
    assert.equal(portal.dateSource, 'column');
    assert.equal(portal.owner, '@dx');
    const questions = kr(review, 'Halve internal support questions');
    assert.equal(questions.date, 'Q3 2027', 'an empty date cell falls back to the heading');
    assert.equal(questions.owner, '@ana');
    assert.equal(questions.line, lineStarting(text, '| Halve'));
  });

  test('Markdown groups key results by objective and names the objective without key results', () => {
    const md = renderReviewMarkdown(review);
    assert.match(md, /\| Line \| Objective \| Key result \| Type \| Metric \| Baseline \| Target \| Date \| Owner \|/);
    assert.match(md, /Q3 2027 \(heading\)/);
    assert.match(md, /objective “Grow the platform team” has no key results/);
    assert.match(md, /^## Structure$/m);
    assert.match(md, /\*\*Context\*\* — missing/);
  });
});

describe('review: roadmap and generic documents', () => {
  test('a roadmap gets no kernel, and kernel scoring does not apply', () => {
    const { review } = reviewOf('roadmap.md', { filePath: 'ROADMAP.md' });
    assert.equal(review.docType, 'roadmap');
    assert.match(review.typeReason, /ROADMAP\.md/);
    assert.equal(review.kernel.kernelApplies, false);
    assert.ok(!review.kernel.sections.some((s) => s.role === 'diagnosis'));
    const kernel = review.scores.find((s) => s.id === 'kernel')!;
    assert.equal(kernel.applicable, false);
    assert.equal(review.keyResultSummary, null);
  });

  test('a README is generic: no structure checklist, only prose can be scored', () => {
    const { review } = reviewOf('readme.md', { filePath: 'README.md' });
    assert.equal(review.docType, 'generic');
    assert.equal(review.typeSource, 'default');
    assert.deepEqual(review.kernel.sections, []);
    assert.equal(review.keyResults.length, 0);
    for (const score of review.scores) {
      if (score.id !== 'prose') assert.equal(score.applicable, false, score.id);
    }
    const md = renderReviewMarkdown(review);
    assert.doesNotMatch(md, /## Kernel|## Structure|## Key results/);
  });
});

describe('review: the kernel map agrees with the kernel rules', () => {
  function reviewOfRuleFixture(name: string, type: DocType): Review {
    const text = fs.readFileSync(path.join(fixturesDir, 'rules', name), 'utf8');
    return buildReview(lint(text, { filePath: 'doc.md', type, today: FIXTURE_TODAY }), { fileName: 'doc.md' });
  }

  // A short ADR has no action plan: its decision, when it says what will be done, is the action.
  test('an ADR\'s Context and Decision fill the kernel, as the rules accept them', () => {
    const review = reviewOfRuleFixture('kernel/coherent-actions-missing.adr.pass.md', 'decision');
    assert.equal(section(review, 'diagnosis').heading, 'Context');
    assert.equal(section(review, 'guiding-policy').heading, 'Decision');
    assert.equal(section(review, 'coherent-actions').heading, 'Decision');
    for (const role of ['diagnosis', 'guiding-policy', 'coherent-actions']) assert.equal(section(review, role).status, 'present', role);
  });

  test('a one-page memo\'s bold labels count as its sections, with the words that follow them', () => {
    const review = reviewOfRuleFixture('kernel/diagnosis-missing.labelled.pass.md', 'strategy');
    assert.equal(section(review, 'diagnosis').heading, 'Diagnosis');
    assert.equal(section(review, 'risks').status, 'present');
    const actions = section(review, 'coherent-actions');
    assert.equal(actions.status, 'present');
    assert.ok(actions.words > 10, `the list after "Coherent actions." counts (${actions.words} words)`);
  });
});

describe('review: rendering untrusted text', () => {
  const { review } = reviewOf('hostile.md');
  const html = renderReviewHtml(review, { nonce: 'n0nce+/=', cspSource: 'vscode-webview://abc' });

  test('document text carrying HTML is escaped in the page', () => {
    assert.match(review.kernel.sections.find((s) => s.role === 'diagnosis')!.heading!, /<script>/, 'the fixture really carries markup');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;diag&quot;)&lt;/script&gt;'), 'heading text is escaped');
    assert.ok(!/<script>alert/i.test(html), 'no raw script from the document');
    assert.ok(!/<img/i.test(html), 'no raw img from the document');
    assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'), 'inline code is escaped too');
    assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'exactly one script element: ours');
    assert.equal((html.match(/<style\b/g) ?? []).length, 1, 'exactly one style element');
  });

  test('strict CSP with the nonce, no inline styles, no external resources', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    assert.ok(csp, 'CSP meta present');
    assert.equal(csp[1], "default-src 'none'; style-src vscode-webview://abc 'nonce-n0nce+/='; script-src 'nonce-n0nce+/=';".replace(/'/g, '&#39;'));
    assert.match(html, /<style nonce="n0nce\+\/=">/);
    assert.match(html, /<script nonce="n0nce\+\/=">/);
    assert.doesNotMatch(html, /\sstyle="/, 'inline style attributes would be blocked by the CSP');
    assert.doesNotMatch(html, /<link\b|<(?:img|script|iframe|audio|video|source|object|embed)\b[^>]*\ssrc=|@import|url\(/i, 'no external resources');
    assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+=/i, 'no inline event handlers');
  });

  test('line links and the export button post messages', () => {
    assert.match(html, /<a href="#" class="line" data-line="\d+"/);
    assert.match(html, /id="export"/);
    assert.match(html, /Export to Markdown/);
    assert.match(html, /acquireVsCodeApi/);
    assert.match(html, /command: 'reveal', line: line/);
    assert.match(html, /command: 'export'/);
  });

  test('rule links carry the rule id, so the extension opens its bundled page', () => {
    assert.match(html, /<a class="rule" href="https:\/\/[^"]+\/docs\/rules\/[a-z-]+\/[a-z-]+\.md" data-rule="[a-z-]+\/[a-z-]+"/);
    assert.match(html, /command: 'openRule', ruleId: rule\.getAttribute\('data-rule'\)/);
  });

  test('Markdown output cannot be broken by the document: pipes and tags are escaped', () => {
    const md = renderReviewMarkdown(review);
    assert.doesNotMatch(md, /(?<!\\)<script>/);
    assert.match(md, /\\<script>/);
    const row = md.split('\n').find((line) => line.includes('Cut checkout failures'));
    assert.ok(row, 'key result row present');
    assert.ok(row.includes('failures \\| mobile'), row);
    assert.equal(escapeMarkdownInline('a|b <i>x</i> *y*'), 'a\\|b \\<i>x\\</i> \\*y\\*');
    assert.equal(escapeHtml(`<a href="x" title='y'>&`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
    assert.equal(inlineMarkdown('Say *why*, use `<b>` and **one** [doc](http://x) <i>'),
      'Say <em>why</em>, use <code>&lt;b&gt;</code> and <strong>one</strong> doc &lt;i&gt;');
  });
});

describe('review: Markdown report of the strong memo', () => {
  const { review } = reviewOf('strong-memo.md');
  const md = renderReviewMarkdown(review);

  test('key lines are present', () => {
    assert.match(md, /^# Strategy review: Self-serve growth strategy 2027$/m);
    assert.match(md, /^\*\*Overall \d+\/100 — [a-z ]+\.\*\*/m);
    assert.match(md, /`strong-memo\.md` · Strategy memo \(declared in front matter\) · \d+ words/);
    assert.match(md, /^## Kernel$/m);
    assert.match(md, /^- \[x\] \*\*Diagnosis\*\* — “Diagnosis”, line 13 \(\d+ words\)/m);
    assert.match(md, /^- \[x\] \*\*Coherent actions\*\* — “Coherent actions”, line 21/m);
    assert.match(md, /^## Scores$/m);
    assert.match(md, /^\| \*\*Overall\*\* \| \*\*\d+\*\* \| `[█░]{10}` \|/m);
    assert.match(md, /^\| Kernel \| \d+ \| `[█░]{10}` \| /m);
    assert.match(md, /^## Key results$/m);
    assert.match(md, /^\| 38 \| KR1: Launch self-serve onboarding, moving activation from 22% to 35% by Q2 2027 \(@maria\) \| outcome \| activation \| 22% \| 35% \| Q2 2027 \| @maria \|$/m);
    assert.match(md, /^## Top fixes$/m);
    assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'));
  });

  test('the weak memo lists its missing kernel section and numbered fixes', () => {
    const weakMd = renderReviewMarkdown(reviewOf('weak-memo.md').review);
    assert.match(weakMd, /^- \[ \] \*\*Coherent actions\*\* — missing: /m);
    assert.match(weakMd, /^1\. \*\*.+\*\*$/m);
    assert.match(weakMd, /^ {3}(error|warning|information|hint) · line \d+/m);
    assert.match(weakMd, /\| Launch the new mobile app \| \*\*output\*\* \|/);
  });
});

describe('review: key-result extraction', () => {
  const cases: Array<[string, Partial<Record<'kind' | 'verdict' | 'metric' | 'baseline' | 'target' | 'date' | 'owner', string | null>>]> = [
    ['Launch self-serve onboarding, moving activation from 22% to 35% by Q2 2027 (@maria)', { kind: 'outcome', metric: 'activation', baseline: '22%', target: '35%', date: 'Q2 2027', owner: '@maria' }],
    ['Activation rate 22% → 35% by end of Q3', { kind: 'outcome', metric: 'Activation rate', baseline: '22%', target: '35%', date: 'Q3' }],
    ['Grow ARR to $5M by Q4 2027 — Owner: Dana Lee', { kind: 'outcome', metric: 'ARR', baseline: null, target: '$5M', owner: 'Dana Lee' }],
    ['Increase NPS by 10 points this quarter', { kind: 'outcome', metric: 'NPS', target: '+10 points', date: 'this quarter' }],
    ['Reduce p95 checkout latency to under 300 ms by H1 2027 (@ops)', { kind: 'outcome', metric: 'p95 checkout latency', target: '< 300 ms', date: 'H1 2027', owner: '@ops' }],
    ['Ship SSO for enterprise accounts by March 2027', { kind: 'output', metric: null, target: null, date: 'March 2027' }],
    ['Hire 5 senior engineers by Q2', { kind: 'output', metric: null, target: null }],
    ['Complete the SOC 2 audit', { kind: 'output', target: null }],
    ['80% of new workspaces invite a teammate within 7 days (currently 41%)', { kind: 'outcome', baseline: '41%', target: '80%' }],
    ['Keep monthly churn below 2%', { kind: 'outcome', metric: 'monthly churn', target: '< 2%', date: null }],
    ['NPS ≥ 45 by Q4 (baseline 31)', { kind: 'outcome', metric: 'NPS', baseline: '31', target: '≥ 45' }],
    ['Baseline: 12% trial-to-paid conversion; target 20% by Q3 2027', { kind: 'outcome', metric: 'trial-to-paid conversion', baseline: '12%', target: '20%', date: 'Q3 2027' }],
    ['Support tickets per 1,000 users down from 42 to 25 by 2027-09-30 @support-lead', { metric: 'Support tickets per 1,000 users', baseline: '42', target: '25', date: '2027-09-30', owner: '@support-lead' }],
    ['Release the mobile app, so that 30% of weekly active users use it by Q3 2027', { kind: 'outcome', target: '30%' }],
    ['Migrate all customers to the v2 billing API', { kind: 'output' }],
    ['We will launch in 3 new markets', { kind: 'output' }],
    ['Improve developer satisfaction', { kind: 'outcome', verdict: 'no-target', metric: 'developer satisfaction', target: null }],
    ['Improve customer happiness', { kind: 'outcome', verdict: 'no-metric', metric: null, target: null }],
    ['Cut time-to-first-value from 14 days to 3 days, DRI: @li', { metric: 'time-to-first-value', baseline: '14 days', target: '3 days', owner: '@li' }],
  ];
  /** The review row of a key result, read in a one-objective OKR set (no date or owner to inherit). */
  const rowOf = (text: string): KeyResultRow => {
    const doc = `# OKRs\n\n## Objective 1: Things get better\n\n- KR1: ${text}\n`;
    const review = buildReview(lint(doc, { type: 'okr', today: FIXTURE_TODAY }));
    assert.equal(review.keyResults.length, 1, text);
    return review.keyResults[0];
  };
  for (const [text, expected] of cases) {
    test(text, () => {
      const fields = rowOf(text);
      for (const [key, value] of Object.entries(expected)) {
        assert.equal(fields[key as keyof typeof fields], value, `${key} of "${text}"`);
      }
    });
  }

  test('emails are not owners, and dates are not baselines', () => {
    const fields = rowOf('Reply to ana@example.com within 2 days in Q3 2027');
    assert.equal(fields.owner, null);
    assert.notEqual(fields.baseline, '2027');
    assert.notEqual(fields.target, '3');
  });

  test('table headers map to columns; the key result is the first unclaimed column', () => {
    assert.deepEqual(columnsOf(['key result', 'metric', 'baseline', 'target', 'date', 'owner']), { statement: 0, objective: -1, metric: 1, baseline: 2, target: 3, date: 4, owner: 5 });
    assert.deepEqual(columnsOf(['objective', 'measure', 'current', 'goal value', 'target date', 'dri']), { statement: 1, objective: 0, metric: -1, baseline: 2, target: 3, date: 4, owner: 5 });
  });
});

describe('review: scoring formula', () => {
  const area = (id: string) => SCORE_AREAS.find((a) => a.id === id)!;
  const finding = (ruleId: string, severity: Finding['severity'], documentLevel = false, start = 0): Finding => ({
    ruleId, severity, message: 'x', start, end: start + 1, line: 1, column: 1, endLine: 1, endColumn: 2, documentLevel,
  });

  test('points per severity, whole-document findings double, and the arithmetic is spelled out', () => {
    const result = scoreArea(area('kernel'), [
      finding('kernel/diagnosis-missing', 'warning', true),
      finding('kernel/action-no-owner', 'information', false, 10),
      finding('kernel/order', 'hint', false, 20),
    ], 'strategy', 400);
    assert.equal(result.score, 100 - 30 - 5 - 2);
    assert.equal(result.explanation, '100 − (1 whole-document warning × 30 + 1 information × 5 + 1 hint × 2) = 63.');
    assert.equal(result.band, 'fair');
  });

  test('a rule counts at most three times; the floor is 0', () => {
    const many = Array.from({ length: 10 }, (_, i) => finding('bad-strategy/fluff', 'warning', false, i));
    const capped = scoreArea(area('bad-strategy'), many, 'strategy', 400);
    assert.equal(capped.score, 55);
    assert.match(capped.explanation, /fluff counted 3 of 10 times/);
    const errors = ['a', 'b', 'c', 'd'].map((s, i) => finding(`bad-strategy/${s}`, 'error', false, i));
    const floored = scoreArea(area('bad-strategy'), errors, 'strategy', 400);
    assert.equal(floored.score, 0);
    assert.match(floored.explanation, /= −20, floored at 0/);
  });

  test('prose is scaled to a 1,000-word page, so long documents are not punished for length', () => {
    const findings = Array.from({ length: 6 }, (_, i) => finding(`prose/r${i}`, 'information', false, i));
    const short = scoreArea(area('prose'), findings, 'strategy', 300);
    const long = scoreArea(area('prose'), findings, 'strategy', 3000);
    assert.equal(short.score, 70);
    assert.equal(long.score, 90);
    assert.match(long.explanation, /× 1,000\/3,000 words = 90\./);
    // No per-rule cap in prose: 30 findings of one rule on 3,000 words is a density of 10 per page.
    const noisy = Array.from({ length: 30 }, (_, i) => finding('prose/hedge', 'information', false, i));
    assert.equal(scoreArea(area('prose'), noisy, 'strategy', 3000).score, 50);
  });

  test('areas whose rules never run on the type are not applicable; overall is the weighted mean', () => {
    assert.equal(scoreArea(area('kernel'), [], 'generic', 100).applicable, false);
    const overall = overallScore([
      { ...scoreArea(area('kernel'), [], 'strategy', 100), score: 40 },
      { ...scoreArea(area('prose'), [], 'strategy', 100), score: 100 },
    ]);
    assert.equal(overall.score, Math.round((40 * 3 + 100) / 4));
    assert.match(overall.explanation, /\(40×3 \+ 100\) \/ 4/);
  });
});

describe('review: the 2,500-word benchmark memo', () => {
  test('builds and renders', () => {
    const file = path.resolve(fixturesDir, '..', '..', '..', '..', 'shared', 'corpus', 'bench', 'memo-2500w.md');
    if (!fs.existsSync(file)) return;
    const text = fs.readFileSync(file, 'utf8');
    const review = buildReview(lint(text, { filePath: 'memo-2500w.md', today: FIXTURE_TODAY }));
    assert.equal(review.docType, 'strategy');
    assert.equal(section(review, 'coherent-actions').status, 'present');
    assert.match(section(review, 'summary').note ?? '', /too long for a summary/);
    assert.equal(kr(review, 'Launch the new developer portal').verdict, 'output');
    assert.equal(kr(review, 'Raise weekly deploy frequency').date, '2027-06-30');
    assert.equal(kr(review, 'Improve developer satisfaction').verdict, 'no-target');
    assert.ok(renderReviewMarkdown(review).length > 1000);
    assert.ok(renderReviewHtml(review, { nonce: 'x', cspSource: 'y' }).length > 5000);
  });
});
