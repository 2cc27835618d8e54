import { defineRule } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import { entryName, entryRange, inCategory, isDeveloperChangelog } from './_entries.js';

export default defineRule({
  meta: {
    id: 'release-notes/no-customer-value',
    family: 'release-notes',
    description: 'A release-note entry that says what changed but not why a customer should care.',
    defaultSeverity: 'warning',
    types: ['release-notes'],
    documentLevel: false,
    fixable: false,
    options: {
      benefitPhrases: {
        type: 'string[]',
        default: ['you can', "you'll", 'you will', 'you now', 'you no longer', 'you get', 'your', 'lets you', 'let you', 'allows you', 'enables you', 'helps you', 'so you', 'so that', 'for you', 'now', 'no longer', 'no more', 'no need', 'faster', 'quicker', 'easier', 'simpler', 'save', 'saves', 'without', 'instead of', 'one click', 'automatically', 'at once', 'fewer', 'less', 'reduce', 'reduces', 'cut', 'cuts', 'in seconds', 'in minutes', 'in under', 'more reliable', 'reliably', 'safer', 'clearer', 'never', 'anywhere', 'any time', 'anytime', 'can now', 'can', 'able to'],
        description: 'Phrases that state a customer benefit ("you can", "now", "faster", "saves", "no longer", …); an entry with one of them passes.',
      },
      developerChangelogs: {
        type: 'boolean',
        default: false,
        description: 'Also judge developer changelogs (a CHANGELOG.md in Keep a Changelog categories, or one that links keepachangelog.com or semver.org), whose readers expect terse entries.',
      },
      exemptCategories: {
        type: 'string[]',
        default: ['fixed', 'fixes', 'fix', 'bug fixes', 'bugfixes', 'bug fix', 'bugs', 'security', 'removed', 'removals', 'deprecated', 'deprecations', 'breaking changes', 'breaking', 'known issues', 'upgrade notes', 'upgrading', 'migration', 'dependencies', 'deps', 'internal', 'chore', 'chores', 'maintenance', 'build', 'ci', 'refactor', 'refactoring', 'docs', 'documentation', 'tests', 'contributors', 'thanks', 'acknowledgements', 'acknowledgments'],
        description: 'Entries under these headings, or starting with these words ("Fixed …", "chore(deps): …"), are not judged: a fix, a removal or an internal change needs no sales pitch.',
      },
    },
    rationale:
      'A release note is read by customers deciding whether to care. "Added bulk edit" tells them what the team did; "You can now edit 500 cards at once instead of one by one" tells them why it matters to them. Entries that only name the change leave the reader to work out the value — and most will not.',
    howToFix:
      'Add one clause on what the reader gains: "… so you can …", "… saves you …", "… no longer …", "… in one click instead of fourteen". Name the change by what customers get, not by what was built.',
    seeds: [
      { source: '000', quote: 'Your release note should answer why your customers should care about it. Are the value propositions clear?' },
    ],
    examples: {
      bad: '# Release notes\n\n## 2.4.0 — 2026-11-21\n\n- Added bulk edit to boards.\n',
      good: '# Release notes\n\n## 2.4.0 — 2026-11-21\n\n- Bulk edit on boards: you can now change 500 cards at once instead of one by one.\n',
    },
  },
  check({ doc, options, report }) {
    if (!options.developerChangelogs && isDeveloperChangelog(doc)) return;
    const benefit = phraseMatcher(options.benefitPhrases);
    for (const entry of doc.releaseEntries) {
      if (inCategory(entry, options.exemptCategories)) continue;
      if (benefit.test(entry.item.text)) continue;
      // Children carry the explanation as often as the line itself does.
      if (entry.item.children.some((child) => benefit.test(child.text))) continue;
      report({
        message: `"${entryName(doc, entry)}" says what changed but not why a customer should care: add what the reader gains ("you can now …", "saves …", "no longer …").`,
        ...entryRange(doc, entry),
      });
    }
  },
});
