/**
 * Which rules run on a document in another language. Rules that read English phrases (hedges,
 * buzzwords, passive voice, output verbs, benefit words, …) run only where they have word lists:
 * in English, and in a language whose `languages.<code>.rules` in config gives the rule options.
 * Structural rules (kernel sections and order, empty sections, options, risks, owners, key-result
 * numbers, baselines, dates, roadmap horizons) run in every language; they read the language's
 * heading names, dates and owner labels, and the word lists the language's data adds to them.
 */
import type { ConfigLayer, RuleSettings } from '../../config/types.js';
import { ENGLISH, languageData, languageName } from './index.js';
import type { ResolvedLanguageSettings } from './document-language.js';

/** Rules that read English words or phrases, and so run on another language only with word lists given for it. */
export const ENGLISH_PHRASE_RULES: ReadonlySet<string> = new Set([
  'prose/hedge', 'prose/passive', 'prose/vague-time', 'prose/readability', 'prose/undefined-acronym',
  'bad-strategy/fluff', 'bad-strategy/goals-as-strategy', 'bad-strategy/unfaced-challenge',
  'kernel/policy-without-tradeoff', 'kernel/action-untraced',
  'decision/reversibility',
  'release-notes/we-centric', 'release-notes/internal-jargon', 'release-notes/no-customer-value',
  'roadmap/no-outcome', 'roadmap/no-customer-problem', 'roadmap/long-range-not-tentative', 'roadmap/no-strategy-link',
  'outcomes/objective-is-task', 'outcomes/vanity-metric', 'outcomes/lagging-only', 'outcomes/output-as-outcome',
  'pyramid/answer-first', 'pyramid/buried-conclusion',
  'update/no-ask', 'update/no-lowlights',
]);

/** Finding id of the one information finding on a document in another language: which checks ran. */
export const LANGUAGE_CHECKS_ID = 'strategy-lint/language-checks';

/** Does the rule run on a document in this language (with this language's config)? */
export function runsInLanguage(ruleId: string, code: string, settings: ResolvedLanguageSettings | undefined): boolean {
  if (code === ENGLISH || !ENGLISH_PHRASE_RULES.has(ruleId)) return true;
  const given = (key: string): boolean => {
    const own = settings?.rules?.[key] as RuleSettings | undefined;
    return own?.options !== undefined && Object.keys(own.options).length > 0;
  };
  return given(ruleId) || given(`${ruleId.slice(0, ruleId.indexOf('/'))}/*`);
}

/**
 * The config layers a document in this language adds: below the user's layers, the word lists
 * its built-in data adds to structural rules' options ("Verantwortlich", "laufend"); above them,
 * the config's `languages.<code>.rules`. None for English.
 */
export function languageLayers(code: string, settings: ResolvedLanguageSettings | undefined): { below: ConfigLayer[]; above: ConfigLayer[] } {
  if (code === ENGLISH) return { below: [], above: [] };
  const below: ConfigLayer[] = [];
  const builtIn = languageData(code)?.ruleOptions;
  if (builtIn) {
    const rules: Record<string, RuleSettings> = {};
    for (const [id, options] of Object.entries(builtIn)) {
      rules[id] = { options: Object.fromEntries(Object.entries(options).map(([name, words]) => [name, { add: words }])) };
    }
    below.push({ source: `built-in ${languageName(code)} word lists`, rules });
  }
  const above: ConfigLayer[] = settings?.rules && Object.keys(settings.rules).length > 0
    ? [{ source: `languages.${code}`, rules: settings.rules }] : [];
  return { below, above };
}

/** The information finding's message: the language, which checks ran, which did not, and how to add word lists. */
export function languageChecksMessage(languageReason: string, code: string, ran: readonly string[], skipped: readonly string[], example?: { ruleId: string; option: string }): string {
  const name = languageName(code);
  const shown = example ?? { ruleId: 'bad-strategy/fluff', option: 'words' };
  const list = (ids: readonly string[]): string => (ids.length > 0 ? ids.join(', ') : 'none');
  return `This document is in ${languageReason}. Checks that read English phrases did not run on it (${skipped.length}): ${list(skipped)}. `
    + `Structural checks ran (${ran.length}): ${list(ran)}. `
    + `To run a skipped check in ${name}, give it word lists for the language in .strategy-lint.json: `
    + `"languages": { "${code}": { "rules": { "${shown.ruleId}": { "options": { "${shown.option}": ["…"] } } } } } (docs/rules/<rule>.md lists each rule's options).`;
}
