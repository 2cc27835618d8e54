import { defineRule } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import { INTERNAL_WORD, entryName, entryRange, inCategory, isDeveloperChangelog, withoutScope } from './_entries.js';

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
const NOTICE = /^[^\p{L}]*(?:removed?|removes|dropped|drops?|deprecated?|deprecates|destabili[sz]ed|discontinued|retired)\b|\bwill\s+(?:remove|drop|deprecate|stop\s+supporting|no\s+longer)\b|\b(?:removes|removed|drops|dropped|ends|ended)\s+support\b|\bno\s+longer\s+supports?\b|\brequires?\s+(?:a\s+)?(?:minimum|at\s+least)\b/iu;
/**
 * A consequence clause after a comma: "…, keeping redirected output clean", "…, making it
 * straightforward to …", "…, avoiding repeated disk reads". The clause is the benefit.
 */
const CONSEQUENCE = /,\s(?:so\s|which\s(?:means|lets|makes|helps|saves|keeps|avoids|prevents)\b|keeping|making|allowing|letting|enabling|preventing|avoiding|reducing|improving|fixing|saving|helping|giving|ensuring|removing\s+the\s+need)\b/i;
/** "`POST /v1/resolve` is now `POST /v0/resolve`": a rename says where a thing went, and its "now" is no benefit. */
const RENAMED_NOW = /\b(?:is|are)\s+now\s(?=\uFFFC)/gi;
/** "The full list can be found in …", "details can be read on …": a pointer to more, whose "can" is no benefit. */
const POINTER_CAN = /\bcan\s+(?:also\s+)?be\s+(?:found|seen|read|viewed|consulted)\b/gi;

/**
 * What a change is for, said after it: a purpose ("… to generate Kubernetes YAML", "… to prevent
 * unwanted refreshes", "… for creating and managing named volumes", "…, so that …") or what the
 * change brings ("…, which introduces accent colours, small-screen support …"). The object after
 * the verb is what the reader gets; "to fix several bugs", "to allow future releases" or "which
 * introduces many bug fixes and other changes" name no more than that something changed.
 */
const PURPOSE_TO = /\b(?:in\s+order\s+(?:to\s+)?|to\s+)(?:(?:\p{L}+ly|better|not|also|further)\s+)?([a-z]{2,20})\b([^\n]{0,120})/gu;
const PURPOSE_FOR = /\bfor\s+([a-z]{3,20}ing)\b([^\n]{0,120})/gu;
const BRINGS = /\b(?:which|that)\s+(?:\p{L}+ly\s+)?(?:introduces|brings|adds|includes|offers|features)\s+([^\n]{1,120})/gu;
const SO_THAT = /\bso(?:\s+that)?\s+(?!far\b|much\b|many\b|called\b|on\b)([^\n]{3,120})/giu;
/** Verbs before "to" that join another verb rather than state a purpose: "planned to add", "continue to improve". */
const CATENATIVE = /\b(?:plan(?:s|ned)?|want(?:s|ed)?|going|need(?:s|ed)?|continu(?:e|es|ed)|tr(?:y|ies|ied)|aim(?:s|ed)?|hop(?:e|es|ed)|intend(?:s|ed)?|has|have|had|used|due|expected|likely|about|start(?:s|ed)?|began|begin)\s+$/i;
/**
 * Verbs that state what a change is for after "to" ("to generate", "to prevent", "to show"): a
 * noun after "to" ("to multiple files", "to issue selection", "to version 19") is where a thing
 * went, not why.
 */
const PURPOSE_VERB = new RegExp(`^(?:${[
  'accept', 'access', 'add', 'address', 'allow', 'avoid', 'back', 'bring', 'browse', 'build', 'catch', 'change', 'check', 'choose', 'clarify',
  'combine', 'compare', 'configure', 'connect', 'control', 'copy', 'create', 'customi[sz]e', 'debug', 'decide', 'define', 'detect', 'differentiate',
  'disable', 'display', 'distinguish', 'download', 'drop', 'edit', 'enable', 'enforce', 'ensure', 'exclude', 'export', 'extend', 'filter', 'find',
  'fit', 'fix', 'follow', 'force', 'generate', 'get', 'give', 'handle', 'help', 'hide', 'highlight', 'identify', 'import', 'improve', 'include',
  'increase', 'indicate', 'inspect', 'install', 'keep', 'know', 'let', 'limit', 'list', 'load', 'locate', 'lock', 'log', 'lower', 'make', 'manage',
  'mark', 'match', 'measure', 'migrate', 'minimi[sz]e', 'monitor', 'move', 'open', 'organi[sz]e', 'override', 'pass', 'pause', 'pick', 'preserve',
  'prevent', 'preview', 'print', 'produce', 'protect', 'provide', 'prune', 'raise', 'read', 'recover', 'reduce', 'reflect', 'reload', 'remove',
  'rename', 'reorder', 'replace', 'report', 'request', 'reset', 'resolve', 'restore', 'restrict', 'resume', 'retry', 'return', 'reuse', 'review',
  'run', 'save', 'scan', 'schedule', 'search', 'see', 'select', 'send', 'set', 'share', 'show', 'simplify', 'skip', 'sort', 'speed', 'split',
  'start', 'stay', 'stop', 'store', 'stream', 'submit', 'support', 'switch', 'sync', 'tell', 'test', 'toggle', 'track', 'troubleshoot', 'trigger',
  'try', 'turn', 'undo', 'update', 'upgrade', 'upload', 'use', 'validate', 'verify', 'view', 'wait', 'watch', 'work', 'write',
].join('|')})$`);
/** Nouns and words of quantity that say only that something changed: "several bugs", "many bug fixes and other changes". */
const GENERIC_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'many', 'several', 'various', 'numerous', 'some', 'number', 'lot', 'lots', 'other', 'more', 'minor', 'small', 'few', 'future', 'new', 'newer', 'latest', 'recent', 'upstream', 'reported', 'known', 'additional', 'general', 'overall', 'better', 'improved', 'its', 'their', 'bug', 'bugs', 'fix', 'fixes', 'fixed', 'change', 'changes', 'improvement', 'improvements', 'enhancement', 'enhancements', 'update', 'updates', 'issue', 'issues', 'tweak', 'tweaks', 'release', 'releases', 'version', 'versions', 'feature', 'features', 'support', 'things', 'stuff']);
/** Where the object of a purpose ends: punctuation, or a preposition or clause that qualifies it. */
const OBJECT_END = /[,.;:()!?]|\s(?:for|in|on|into|onto|with|across|when|where|if|by|from|that|which|so|to|at|under|over|within|without|via)\s/;

/** An object that names nothing but change ("several bugs reported upstream"), or nothing at all. */
function generic(object: string): boolean {
  // "to check for a container", "to show if Podman runs rootless": the object follows the preposition.
  const rest = ` ${object.replace(/^\s*(?:(?:for|in|on|into|with|across|from|at|by|about|through|if|whether|when|where|how|what|which|who)\s+)+/i, '')}`;
  const end = OBJECT_END.exec(rest);
  const words = (end ? rest.slice(0, end.index) : rest).toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.every((word) => GENERIC_WORDS.has(word));
}

/** Does the entry say what the change is for, or what it brings, naming more than "bugs" or "changes"? */
export function statesPurpose(text: string): boolean {
  const clean = text.replace(/`([^`\n]*)`/g, '$1');
  for (const match of clean.matchAll(PURPOSE_TO)) {
    if (!PURPOSE_VERB.test(match[1]) || CATENATIVE.test(clean.slice(Math.max(0, match.index - 12), match.index))) continue;
    if (!generic(match[2])) return true;
  }
  for (const match of clean.matchAll(PURPOSE_FOR)) if (!/thing$/.test(match[1]) && !generic(match[2])) return true;
  for (const match of clean.matchAll(BRINGS)) if (!generic(match[1])) return true;
  for (const match of clean.matchAll(SO_THAT)) if (!generic(match[1])) return true;
  return false;
}

/**
 * A version bump of a component: "Updated X to version 19", "Upgrade `jsdom` to v16", "Vendored an
 * updated version of X", "Plasma has been updated to version 6.2", "Version constraint on X
 * relaxed". A new version says nothing by itself; only what it brings for the reader does, so the
 * benefit words ("now", "automatically", "allow") do not excuse it.
 */
const VERSION_BUMP = /^[^\p{L}]*(?:(?:updat(?:e|es|ed)|upgrad(?:e|es|ed)|bump(?:s|ed)?)\b[^.;\n]{0,80}?\bto\s+(?:version\s+|v(?=\d))?\d|(?:re-?)?vendor(?:s|ed)?\b|updated\s+(?:the\s+)?vendored\b|(?:the\s+)?version\s+constraints?\b)|^[^.;\n]{0,60}?\b(?:has|have|was|were)\s+been\s+(?:updated|upgraded|bumped)\s+to\s+(?:version\s+|v(?=\d))?\d|^[^.;\n]{0,60}?\bversion\s+constraints?\b[^.;\n]{0,60}\b(?:relaxed|loosened|tightened|raised|bumped)\b/iu;

/**
 * Items that catalogue rather than announce: a component and its version ("GCC 8.3.0", "Linux 5.4
 * kernel (linux-lts)") in a distribution's list of updates, a new package and what it is ("ceph, a
 * distributed object store"), and an attribute of the entry above ("Affected versions: …", "For
 * more details, see …"). They say what the release contains, as a package list does.
 */
const COMPONENT_VERSION = /^[^\s,;:]{1,30}(?:\s[^\s\d,;:][^\s,;:]{0,29}){0,2}\s+v?\d+(?:\.\d+)+[a-z]?\d*(?:\s[a-z]{2,10})?(?:\s*\([^()]{1,40}\))?[.\s]*$/u;
const APPOSITIVE = /^[^\s,;:]{1,30}(?:\s[^\s,;:]{1,30})?,\s+(?:a|an|the)\s/iu;
const ATTRIBUTE = /^\s*(?:(?:affected|patched|fixed)\s+(?:versions?|in)|severity|cvss(?:\s+score)?|cve|reported\s+by|credits?|workaround|more\s+details|details|see\s+also)\s*:|^\s*(?:for\s+(?:more\s+)?details|more\s+details),?\s+see\b/iu;

/**
 * A capability named by what it supports or makes available ("Support for Vulkan", "Initial GNOME
 * and KDE support", "Rust is available on all architectures"): the reader's platform, format or
 * tool now works, which is the benefit. Only as the entry's head: "… to bring better support for
 * Darwin" in a sentence about the team names no platform that now works. And a contrast with how
 * it was ("Previously, …", "Until now, …"): the old pain is stated, and the change is its end.
 */
const CAPABILITY = /^[^\p{L}]*(?:(?:add(?:s|ed)?|new|initial|experimental|native|full|basic|preliminary)\s+)?support\s+for\b|\bsupport[.\s]*$|\b(?:is|are)\s+(?:now\s+)?available\b|(?:^|[.!?]\s+)(?:previously|until\s+now|before(?:\s+this\s+release)?),/iu;

/** The text without a closing parenthesis ("Support for Vulkan (aarch64 only)" → "Support for Vulkan"). */
function withoutTrailingGroup(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return trimmed;
  const open = trimmed.lastIndexOf('(');
  return open >= 0 && !trimmed.slice(open + 1, -1).includes(')') ? trimmed.slice(0, open).trimEnd() : trimmed;
}

function catalogues(text: string): boolean {
  const plain = text.replace(/`([^`\n]*)`/g, '$1').trim();
  return COMPONENT_VERSION.test(plain) || APPOSITIVE.test(plain) || ATTRIBUTE.test(plain);
}

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
        description: 'Entries under these headings or category bullets, or starting with these words ("Fixed …", "chore(deps): …"), are not judged: a fix, a removal or an internal change needs no sales pitch. Internal words (refactor, chore, build, docs, tests…) count as a heading, a bullet or a "refactor: …" prefix, not as a sentence\'s first verb: "Refactor the parser" listed among enhancements is judged. A version bump ("Updated X to version 19") is judged under any heading but an internal one: a new version listed as a fix still says nothing about what it fixes.',
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
    // A bump is judged under any heading but an internal one ("Dependencies", "Chores"): a new version
    // listed as a fix or a breaking change still says nothing about what fixes or breaks.
    const internal = options.exemptCategories.filter((category) => INTERNAL_WORD.test(category.toLowerCase().trim()));
    for (const entry of doc.releaseEntries) {
      const text = withoutScope(entry.item.text.replace(RENAMED_NOW, (match) => ' '.repeat(match.length)).replace(POINTER_CAN, (match) => ' '.repeat(match.length)));
      // A subsection entry's change is in its prose, after the heading.
      const title = entry.kind === 'section' ? entry.item.section?.title ?? '' : '';
      const prose = title && text.startsWith(title) ? text.slice(title.length).replace(/^[.\s]+/, '') : text;
      if (entry.kind !== 'section' && catalogues(text)) continue;
      const bump = VERSION_BUMP.test(prose);
      if (inCategory(doc, entry, bump ? internal : options.exemptCategories)) continue;
      if (bump) {
        if (/\byou(?:r|'ll|'re)?\b/i.test(text) || statesPurpose(text) || CONSEQUENCE.test(text) || NOTICE.test(prose)) continue;
        if (entry.item.children.some((child) => /\byou(?:r)?\b/i.test(child.text) || statesPurpose(child.text))) continue;
        report({
          message: `"${entryName(doc, entry)}" only says a component has a new version: add what the new version brings the reader ("… which adds …", "so you can …").`,
          ...entryRange(doc, entry),
        });
        continue;
      }
      if (benefit.test(text) || FIX_STATEMENT.test(text) || NOTICE.test(prose) || CONSEQUENCE.test(text) || addressesReader(text) || statesPurpose(text) || CAPABILITY.test(withoutTrailingGroup(prose))) continue;
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
