/**
 * Documents in other languages (model/languages): the language is read from front matter, config
 * or the prose; section names, title words and dates of German, French, Spanish, Portuguese,
 * Italian, Dutch, Japanese and Chinese are recognised; rules that read English phrases are
 * skipped with one information finding; English documents are read exactly as before.
 *
 * Fixtures in test/fixtures/languages are named <language>.<case>.md and written like rule
 * fixtures (helpers/fixtures.ts): a good memo clean of structural findings, a weak memo with its
 * missing sections expected, and near misses.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, allRules } from '../src/engine/index.js';
import { findDates, hasTimeframe, type DateMention, type DateOptions } from '../src/engine/model/dates.js';
import { detectLanguage } from '../src/engine/model/languages/detect.js';
import { proseSample } from '../src/engine/model/languages/document-language.js';
import { ENGLISH_PHRASE_RULES, LANGUAGE_CHECKS_ID } from '../src/engine/model/languages/rules.js';
import { LANGUAGES, headingFold, parseLanguage } from '../src/engine/model/languages/index.js';
import { validateConfig } from '../src/engine/config/validate.js';
import { kernelLensTitle } from '../src/lsp/code-lens.js';
import { buildReview } from '../src/review/review.js';
import { fixturesDir, repoRoot } from './helpers/paths.js';
import { actualKeys, FIXTURE_TODAY, inScope, lintFixture, listFixtures, readFixture } from './helpers/fixtures.js';

const languageFixtures = listFixtures(path.join(fixturesDir, 'languages')).map(readFixture);
const codeOf = (name: string): string => path.basename(name).split('.')[0];

describe('language fixtures', () => {
  for (const fixture of languageFixtures) {
    test(fixture.name, () => {
      const result = lintFixture(fixture);
      const findings = inScope(fixture, result.findings);
      const listing = `${fixture.name} (type ${result.docType}, ${result.document.language.reason}):\n${result.findings.map((f) => `  ${f.line} ${f.severity} ${f.ruleId} ${f.message.slice(0, 120)}`).join('\n')}`;
      assert.equal(result.document.language.code, codeOf(fixture.name), listing);
      assert.equal(result.docType, 'strategy', listing);
      assert.deepEqual(actualKeys(findings), fixture.expected, listing);
      const notes = result.findings.filter((f) => f.ruleId === LANGUAGE_CHECKS_ID);
      if (codeOf(fixture.name) === 'en') {
        assert.equal(notes.length, 0, listing);
        return;
      }
      assert.equal(notes.length, 1, `one language-checks finding: ${listing}`);
      assert.equal(notes[0].severity, 'information');
      assert.ok(result.findings.every((f) => !ENGLISH_PHRASE_RULES.has(f.ruleId)), `no English-phrase rule ran: ${listing}`);
      assert.match(result.document.typeDecision.reason, /written in /);
    });
  }

  test('every supported language has a good memo, a weak memo, and the weak memo misses its diagnosis and actions', () => {
    for (const language of LANGUAGES) {
      const good = languageFixtures.find((f) => path.basename(f.name) === `${language.code}.good.md`);
      const weak = languageFixtures.find((f) => path.basename(f.name) === `${language.code}.weak.md`);
      assert.ok(good && weak, language.code);
      assert.deepEqual(good.expected, [], `${language.code}: the good memo expects nothing`);
      assert.ok(weak.expected.some((key) => key.endsWith(':kernel/diagnosis-missing')) && weak.expected.some((key) => key.endsWith(':kernel/coherent-actions-missing')), language.code);
    }
  });
});

const GERMAN_MEMO = fs.readFileSync(path.join(fixturesDir, 'languages', 'de.good.md'), 'utf8');
const JAPANESE_MEMO = fs.readFileSync(path.join(fixturesDir, 'languages', 'ja.good.md'), 'utf8');

describe('the German and Japanese memos of the issue', () => {
  for (const [name, text] of [['German', GERMAN_MEMO], ['Japanese', JAPANESE_MEMO]] as const) {
    test(`${name}: no kernel findings, a strategy memo`, () => {
      const result = lint(text, { filePath: 'memo.md', today: FIXTURE_TODAY });
      assert.equal(result.docType, 'strategy');
      assert.deepEqual(result.findings.filter((f) => f.ruleId.startsWith('kernel/')).map((f) => f.message), []);
    });
  }

  test('the code lens and the review read in the document\'s own section names', () => {
    const german = lint(GERMAN_MEMO, { filePath: 'memo.md', today: FIXTURE_TODAY });
    assert.equal(kernelLensTitle(german), 'Diagnose ✓ · Leitlinie ✓ · Maßnahmen ✓');
    const japanese = lint(JAPANESE_MEMO, { filePath: 'memo.md', today: FIXTURE_TODAY });
    assert.equal(kernelLensTitle(japanese), '診断 ✓ · 基本方針 ✓ · 行動計画 ✓');
    const review = buildReview(german);
    assert.deepEqual(review.kernel.sections.slice(0, 3).map((s) => [s.label, s.status]), [['Diagnose', 'present'], ['Leitlinie', 'present'], ['Maßnahmen', 'present']]);
    assert.ok(review.notes.some((note) => /German/.test(note)), 'the language-checks note is in the review');
    const weak = lint(fs.readFileSync(path.join(fixturesDir, 'languages', 'de.weak.md'), 'utf8'), { filePath: 'memo.md', today: FIXTURE_TODAY });
    assert.equal(kernelLensTitle(weak), 'Diagnose ✗ · Leitlinie ✓ · Maßnahmen ✗');
  });

  test('an English document keeps its English labels', () => {
    const english = lint('# Payments strategy\n\n## Diagnosis\n\nMerchants churn.\n\n## Guiding policy\n\nMid-market first.\n', { filePath: 'memo.md', today: FIXTURE_TODAY });
    assert.equal(kernelLensTitle(english), 'Diagnosis ✓ · Guiding policy ✓ · Coherent actions ✗');
    assert.equal(english.document.language.code, 'en');
  });

  test('the quick fix inserts the missing section under its name in the language', () => {
    const weak = lint(fs.readFileSync(path.join(fixturesDir, 'languages', 'de.weak.md'), 'utf8'), { filePath: 'memo.md', today: FIXTURE_TODAY });
    const fix = weak.findings.find((f) => f.ruleId === 'kernel/diagnosis-missing')?.fix;
    assert.match(fix?.edits[0].newText ?? '', /## Diagnose\b/);
  });
});

describe('the language of a document', () => {
  const body = '# Plan\n\n## Diagnose\n\nZu kurz.\n';
  test('front matter lang: or language: names it; too little prose is English', () => {
    assert.equal(lint(body, { filePath: 'a.md' }).document.language.code, 'en');
    assert.equal(lint(`---\nlang: de-CH\n---\n${body}`, { filePath: 'a.md' }).document.language.code, 'de');
    assert.equal(lint(`---\nlanguage: Deutsch\n---\n${body}`, { filePath: 'a.md' }).document.language.code, 'de');
    assert.deepEqual(lint(`---\nstrategy-lint:\n  language: ja\n---\n${body}`, { filePath: 'a.md' }).problems, [], 'no unknown-key problem');
  });

  test('config names it, for every document or per glob; front matter wins', () => {
    const layers = [{ source: 'config', language: { 'docs/de/**': 'de', 'docs/ja/*.md': 'ja' } }];
    assert.equal(lint(body, { filePath: 'x.md', relativePath: 'docs/de/x.md', layers }).document.language.code, 'de');
    assert.equal(lint(body, { filePath: 'x.md', relativePath: 'docs/ja/x.md', layers }).document.language.code, 'ja');
    assert.equal(lint(body, { filePath: 'x.md', relativePath: 'docs/x.md', layers }).document.language.code, 'en');
    assert.equal(lint(body, { filePath: 'x.md', layers: [{ language: 'fr' }] }).document.language.reason, 'French, from config');
    assert.equal(lint(`---\nlang: en\n---\n${GERMAN_MEMO}`, { filePath: 'x.md', layers: [{ language: 'fr' }] }).document.language.code, 'en');
    // "en" in config turns detection off.
    assert.equal(lint(GERMAN_MEMO, { filePath: 'x.md', layers: [{ language: 'en' }] }).document.language.code, 'en');
  });

  test('a configured language section name counts, and a rule given word lists for the language runs', () => {
    const text = '---\nlang: de\n---\n# Strategie\n\n## Befund\n\nDie Einrichtung dauert drei Wochen, trotz aller Synergien.\n\n## Leitlinie\n\nNur Selbstbedienung.\n\n## Maßnahmen\n\n- Neu bauen (@anna, 1. Quartal 2027)\n';
    const plain = lint(text, { filePath: 'a.md', today: FIXTURE_TODAY });
    assert.ok(plain.findings.some((f) => f.ruleId === 'kernel/diagnosis-missing'));
    const layers = [{ source: 'config', languages: { de: { sections: { diagnosis: { add: ['Befund'] } }, rules: { 'bad-strategy/fluff': { options: { words: ['Synergien'] } } } } } }];
    const configured = lint(text, { filePath: 'a.md', today: FIXTURE_TODAY, layers });
    assert.ok(!configured.findings.some((f) => f.ruleId === 'kernel/diagnosis-missing'));
    assert.ok(configured.findings.some((f) => f.ruleId === 'bad-strategy/fluff' && /Synergien/.test(f.message)), 'bad-strategy/fluff runs with German buzzwords');
    const note = configured.findings.find((f) => f.ruleId === LANGUAGE_CHECKS_ID)!;
    assert.doesNotMatch(note.message.split('Structural checks ran')[0], /\bbad-strategy\/fluff\b/);
    assert.match(plain.findings.find((f) => f.ruleId === LANGUAGE_CHECKS_ID)!.message, /"languages": \{ "de": \{ "rules": \{ "[\w/-]+": \{ "options": \{ "\w+": \[/);
  });

  test('config keys are validated', () => {
    const { layer, problems } = validateConfig({
      language: { 'docs/de/**': 'de', 'x/**': 'klingon' },
      languages: { de: { sections: { diagnosis: ['Befund'], nope: ['x'] }, titles: { strategy: { add: ['Konzept'] } }, rules: { 'bad-strategy/fluff': { words: ['Synergien'] } }, other: 1 }, zz9: {} },
    }, 'cfg');
    assert.deepEqual(layer.language, { 'docs/de/**': 'de' });
    assert.deepEqual(layer.languages?.de?.sections, { diagnosis: ['Befund'] });
    assert.deepEqual(layer.languages?.de?.rules, { 'bad-strategy/fluff': { options: { words: ['Synergien'] } } });
    assert.deepEqual(problems.map((p) => p.key).sort(), ['language.x/**', 'languages.de.other', 'languages.de.sections.nope', 'languages.zz9'].sort());
  });

  test('parseLanguage reads codes, regional codes, ISO 639-3 codes and names', () => {
    assert.equal(parseLanguage('pt_BR'), 'pt');
    assert.equal(parseLanguage('zh-Hans'), 'zh');
    assert.equal(parseLanguage('deu'), 'de');
    assert.equal(parseLanguage('Français'), 'fr');
    assert.equal(parseLanguage('日本語'), 'ja');
    assert.equal(parseLanguage('nonsense words'), null);
  });

  test('detection: English prose stays English, even with quoted foreign words or foreign headings', () => {
    for (const file of fs.readdirSync(path.join(repoRoot, 'examples')).filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(fixturesDir, '..', '..', '..', 'examples', file), 'utf8');
      assert.equal(lint(text, { filePath: file }).document.language.code, 'en', file);
    }
    const quoted = 'We met our customers in Berlin. They told us: „Die Einrichtung dauert zu lange.“ We heard the same in Paris and Madrid, and the numbers say it too: onboarding takes three weeks and most merchants who leave do so in their first month with us.';
    assert.equal(detectLanguage(quoted).code, 'en');
  });

  test('every English rule fixture reads as English', () => {
    for (const file of listFixtures()) {
      const text = fs.readFileSync(file, 'utf8');
      const result = lint(text, { filePath: path.basename(file) });
      assert.equal(result.document.language.code, 'en', `${file}: ${result.document.language.reason}`);
    }
  });

  test('detection: each language from its prose', () => {
    for (const fixture of languageFixtures.filter((f) => /\.(?:good|weak)\.md$/.test(f.name))) {
      const root = lint(fixture.text, { filePath: 'x.md' }).document.root;
      assert.equal(detectLanguage(proseSample(root)).code, codeOf(fixture.name), fixture.name);
    }
  });
});

describe('headings in other languages', () => {
  test('case, width, accents and letters written two ways', () => {
    assert.equal(headingFold('de')!('## MASSNAHMEN'), headingFold('de')!('Maßnahmen'));
    assert.equal(headingFold('de')!('Unsere Leitlinie'), headingFold('de')!('Leitlinie'));
    assert.equal(headingFold('fr')!('Résumé'), headingFold('fr')!('resume'));
    assert.equal(headingFold('fr')!("L'approche"), headingFold('fr')!('approche'));
    assert.equal(headingFold('ja')!('１．診断'), headingFold('ja')!('診断'));
    assert.equal(headingFold('ja')!('第1章 診断'), headingFold('ja')!('診断'));
  });

  test('a section name with a subtitle or a joined second part', () => {
    const roles = (code: string, heading: string): string[] => {
      const result = lint(`---\nlang: ${code}\n---\n# T\n\n## ${heading}\n\nText.\n`, { filePath: 'a.md' });
      return result.document.sections.find((s) => s.title === heading)?.roles ?? [];
    };
    assert.deepEqual(roles('de', 'Risiken und Gegenmaßnahmen'), ['risks']);
    assert.deepEqual(roles('de', 'Diagnose: warum jetzt'), ['diagnosis']);
    assert.deepEqual(roles('ja', '基本方針：中堅に集中する'), ['guiding-policy']);
    assert.deepEqual(roles('fr', 'Diagnostic — pourquoi maintenant'), ['diagnosis']);
    assert.deepEqual(roles('es', 'Diagnostico'), ['diagnosis']);
    // English names count in every language (an English template filled in German).
    assert.deepEqual(roles('de', 'Guiding policy'), ['guiding-policy']);
  });
});

describe('dates in other languages', () => {
  const options = (language?: string): DateOptions => ({ referenceDate: FIXTURE_TODAY, fiscalYearStartMonth: 1, ...(language ? { language } : {}) });
  const day = (d: Date): string => d.toISOString().slice(0, 10);
  const read = (text: string, language?: string): Array<[string, DateMention['kind'], string, string]> =>
    findDates(text, options(language)).map((m) => [m.text, m.kind, day(m.start), day(m.end)]);
  const Q1 = ['quarter', '2027-01-01', '2027-04-01'] as const;
  const Q2 = ['quarter', '2027-04-01', '2027-07-01'] as const;

  test('German', () => {
    assert.deepEqual(read('im 1. Quartal 2027', 'de'), [['1. Quartal 2027', ...Q1]]);
    assert.deepEqual(read('zweites Quartal 2027', 'de'), [['zweites Quartal 2027', ...Q2]]);
    assert.deepEqual(read('erstes Halbjahr 2027', 'de'), [['erstes Halbjahr 2027', 'half', '2027-01-01', '2027-07-01']]);
    assert.deepEqual(read('am 15. März 2027', 'de'), [['15. März 2027', 'day', '2027-03-15', '2027-03-16']]);
    assert.deepEqual(read('bis März 2027', 'de'), [['März 2027', 'month', '2027-03-01', '2027-04-01']]);
    assert.deepEqual(read('bis 2028', 'de'), [['bis 2028', 'year', '2028-01-01', '2029-01-01']]);
    assert.deepEqual(read('Q1 2027', 'de'), [['Q1 2027', ...Q1]]);
    assert.ok(hasTimeframe('innerhalb von 6 Monaten', options('de')));
    assert.deepEqual(read('um 15 % steigern, 2028 Kunden', 'de'), []);
  });
  test('French', () => {
    assert.deepEqual(read('T1 2027', 'fr'), [['T1 2027', ...Q1]]);
    assert.deepEqual(read('au premier trimestre 2027', 'fr'), [['premier trimestre 2027', ...Q1]]);
    assert.deepEqual(read('2e trimestre 2027', 'fr'), [['2e trimestre 2027', ...Q2]]);
    assert.deepEqual(read('le 15 mars 2027', 'fr'), [['15 mars 2027', 'day', '2027-03-15', '2027-03-16']]);
    assert.deepEqual(read('S2 2027', 'fr'), [['S2 2027', 'half', '2027-07-01', '2028-01-01']]);
    assert.deepEqual(read('le 15/03/2027', 'fr'), [['15/03/2027', 'day', '2027-03-15', '2027-03-16']]);
  });
  test('Spanish', () => {
    assert.deepEqual(read('primer trimestre de 2027', 'es'), [['primer trimestre de 2027', ...Q1]]);
    assert.deepEqual(read('T2 2027', 'es'), [['T2 2027', ...Q2]]);
    assert.deepEqual(read('15 de marzo de 2027', 'es'), [['15 de marzo de 2027', 'day', '2027-03-15', '2027-03-16']]);
  });
  test('Portuguese', () => {
    assert.deepEqual(read('1º trimestre de 2027', 'pt'), [['1º trimestre de 2027', ...Q1]]);
    assert.deepEqual(read('15 de março de 2027', 'pt'), [['15 de março de 2027', 'day', '2027-03-15', '2027-03-16']]);
  });
  test('Italian', () => {
    assert.deepEqual(read('primo trimestre 2027', 'it'), [['primo trimestre 2027', ...Q1]]);
    assert.deepEqual(read('entro marzo 2027', 'it'), [['marzo 2027', 'month', '2027-03-01', '2027-04-01']]);
  });
  test('Dutch', () => {
    assert.deepEqual(read('eerste kwartaal 2027', 'nl'), [['eerste kwartaal 2027', ...Q1]]);
    assert.deepEqual(read('K2 2027', 'nl'), [['K2 2027', ...Q2]]);
    assert.deepEqual(read('15 maart 2027', 'nl'), [['15 maart 2027', 'day', '2027-03-15', '2027-03-16']]);
  });
  test('Japanese', () => {
    assert.deepEqual(read('2027年第1四半期', 'ja'), [['2027年第1四半期', ...Q1]]);
    assert.deepEqual(read('2027年上半期', 'ja'), [['2027年上半期', 'half', '2027-01-01', '2027-07-01']]);
    assert.deepEqual(read('2027年3月15日まで', 'ja'), [['2027年3月15日', 'day', '2027-03-15', '2027-03-16']]);
    assert.deepEqual(read('第2四半期', 'ja'), [['第2四半期', ...Q2]]);
    assert.ok(hasTimeframe('3か月以内に', options('ja')));
  });
  test('Chinese', () => {
    assert.deepEqual(read('2027年第一季度', 'zh'), [['2027年第一季度', ...Q1]]);
    assert.deepEqual(read('2027年下半年', 'zh'), [['2027年下半年', 'half', '2027-07-01', '2028-01-01']]);
  });
  test('English documents read none of them', () => {
    assert.deepEqual(read('1. Quartal 2027, T1 2027, 2027年第1四半期'), []);
  });
});

test('the English-phrase rules are rule ids', () => {
  const ids = new Set(allRules.map((rule) => rule.meta.id));
  for (const id of ENGLISH_PHRASE_RULES) assert.ok(ids.has(id), id);
});
