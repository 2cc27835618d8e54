import { defineRule } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import { entryName, entryRange, inCategory, isDeveloperChangelog } from './_entries.js';

/** Table columns that hold the benefit: "What it means for you", "Why it matters", "Benefit". */
const BENEFIT_COLUMN = /\b(?:what\s+it\s+means|why\s+it\s+matters|why\s+you|for\s+you|benefits?|value|what\s+you\s+get|impact)\b/i;
/**
 * A sentence after the entry's name that tells the reader what to do: "**Slack per board.** Choose
 * which boards post where", "New `preview` command: spin up an environment …". The reader is the
 * subject, which is the benefit stated as an action. The first clause is not read: "Add dark mode"
 * there is a commit message, not an instruction.
 */
const READER_ACTION = /^(?:choose|pick|select|search|filter|sort|share|invite|track|pay|reorder|schedule|upload|drag|find|see|view|browse|preview|compare|tap|click|forward|spin\s+up|switch|turn\s+(?:on|off)|try|start|set|use|require|get|keep|connect|import|export|download|customi[sz]e|pin|assign|reply|book|press|open|edit|jump|skip|send|plan|review|approve|sign\s+in|log\s+in|create|add|enable|disable|configure|run|check|visit|manage|organi[sz]e|group|tag|label|duplicate|copy|print|scan|record|watch|join|follow|subscribe|mute|snooze|rename|move|star|mark|ask|circle|annotate|highlight|lock|hide|show|restrict|limit|give|grant|go\s+to|head\s+to|build|draw|write|design|hover|snap|take|paste|drop|type|swipe|scroll|zoom|speak|say|talk|chat|call|sync|back\s+up|restore|undo|merge|split|bookmark|translate|summari[sz]e|invite)\b/i;
/** A regression undone: "Windows: paths with spaces work again", "This has been fixed". A fix needs no pitch, with or without a "Fixed" heading. */
const FIX_STATEMENT = /\bagain\b|^\s*(?:restored|resolved)\b|\b(?:has|have|is|are|was|were|now)\s+(?:been\s+)?(?:fixed|resolved)\b/i;
/**
 * A removal, a deprecation or a new requirement: it needs no pitch either ("Destabilized JSON
 * target specs", "Rust 1.95 removes support for …", "Requires a minimum PHP version of 8.3").
 */
const NOTICE = /^[^\p{L}]*(?:removed?|removes|dropped|drops?|deprecated?|deprecates|destabili[sz]ed|discontinued|retired)\b|\b(?:removes|removed|drops|dropped|ends|ended)\s+support\b|\bno\s+longer\s+supports?\b|\brequires?\s+(?:a\s+)?(?:minimum|at\s+least)\b/iu;
/**
 * A consequence clause after a comma: "…, keeping redirected output clean", "…, making it
 * straightforward to …", "…, avoiding repeated disk reads". The clause is the benefit.
 */
const CONSEQUENCE = /,\s(?:so\s|which\s(?:means|lets|makes|helps|saves|keeps|avoids|prevents)\b|keeping|making|allowing|letting|enabling|preventing|avoiding|reducing|improving|fixing|saving|helping|giving|ensuring|removing\s+the\s+need)\b/i;
/** "`POST /v1/resolve` is now `POST /v0/resolve`": a rename says where a thing went, and its "now" is no benefit. */
const RENAMED_NOW = /\b(?:is|are)\s+now\s(?=\uFFFC)/gi;

function addressesReader(text: string): boolean {
  const clauses = text.split(/(?<=[.!?:])\s+|\s[—–]\s/);
  return clauses.slice(1).some((clause) => READER_ACTION.test(clause.replace(/^[^\p{L}`]+/u, '')));
}

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
        default: ['you', 'you can', "you'll", 'you will', 'you now', 'you no longer', 'you get', 'your', 'lets you', 'let you', 'allows you', 'enables you', 'helps you', 'so you', 'so that', 'for you', 'now', 'no longer', 'no more', 'no need', 'faster', 'quicker', 'easier', 'simpler', 'save', 'saves', 'without', 'instead of', 'one click', 'automatically', 'at once', 'fewer', 'less', 'reduce', 'reduces', 'cut', 'cuts', 'in seconds', 'in minutes', 'in under', 'more reliable', 'reliably', 'safer', 'clearer', 'never', 'anywhere', 'any time', 'anytime', 'can now', 'can', 'able to', 'as fast', 'instant', 'instantly', 'in one view', 'in one place', 'in one go', 'at a glance', 'no code', 'ability to', 'option to', 'options to', 'setting to', 'flag to', 'way to', 'allow', 'allowing', 'lets', 'useful for', 'useful when', 'helpful', 'supports', 'to control', 'for controlling'],
        description: 'Phrases that state a customer benefit ("you can", "now", "faster", "saves", "no longer", …); an entry with one of them passes.',
      },
      developerChangelogs: {
        type: 'boolean',
        default: false,
        description: 'Also judge developer changelogs (a CHANGELOG.md, CHANGES.md or HISTORY.md in Keep a Changelog categories, or one that links keepachangelog.com or semver.org), whose readers expect terse entries.',
      },
      exemptCategories: {
        type: 'string[]',
        default: ['fixed', 'fixes', 'fix', 'bug fixes', 'bugfixes', 'bug fix', 'bugs', 'security', 'removed', 'removals', 'deprecated', 'deprecations', 'breaking changes', 'breaking', 'known issues', 'upgrade notes', 'upgrading', 'migration', 'dependencies', 'deps', 'internal', 'chore', 'chores', 'maintenance', 'build', 'ci', 'refactor', 'refactoring', 'docs', 'documentation', 'tests', 'testing', 'contributors', 'thanks', 'acknowledgements', 'acknowledgments'],
        description: 'Entries under these headings or category bullets, or starting with these words ("Fixed …", "chore(deps): …"), are not judged: a fix, a removal or an internal change needs no sales pitch. Internal words (refactor, chore, build, docs, tests…) count as a heading, a bullet or a "refactor: …" prefix, not as a sentence\'s first verb: "Refactor the parser" listed among enhancements is judged.',
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
      if (inCategory(doc, entry, options.exemptCategories)) continue;
      const text = entry.item.text.replace(RENAMED_NOW, (match) => ' '.repeat(match.length));
      if (benefit.test(text) || FIX_STATEMENT.test(text) || NOTICE.test(text) || CONSEQUENCE.test(text) || addressesReader(text)) continue;
      // A subsection that shows the change in a code example shows the reader how to use it.
      if (entry.kind === 'section' && entry.item.section?.ownBlocks.some((node) => node.type === 'code')) continue;
      if (entry.item.header?.some((name, i) => BENEFIT_COLUMN.test(name) && (entry.item.cells?.[i]?.text.trim() ?? '') !== '')) continue;
      // Children carry the explanation as often as the line itself does.
      if (entry.item.children.some((child) => benefit.test(child.text))) continue;
      report({
        message: `"${entryName(doc, entry)}" says what changed but not why a customer should care: add what the reader gains ("you can now …", "saves …", "no longer …").`,
        ...entryRange(doc, entry),
      });
    }
  },
});
