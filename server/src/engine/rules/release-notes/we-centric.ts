import { defineRule } from '../../types.js';
import type { TextBlock } from '../../model/text-block.js';
import { foldTypography } from '../../text/phrases.js';
import { RangeSet } from '../../model/ranges.js';

/** What a team says it did. */
const TEAM_VERBS = 'built|rebuilt|shipped|refactored|rewrote|rewritten|re-?architected|migrated|added|implemented|released|launched|introduced|improved|updated|upgraded|changed|made|created|fixed|reworked|redesigned|moved|completed|finished|delivered|worked|working|spent|invested|focused|decided|listened|heard|rolled\\s+out|cleaned\\s+up|overhauled|optimi[sz]ed|tweaked|polished|tuned|revamped|dedicated|been\\s+working|been\\s+busy'
  // What the team switched or replaced, and what it is doing now ("we are shipping", "we're adding").
  + '|merged|switched|replaced|ported|shipping|building|adding|introducing|launching|rolling\\s+out|rewriting|refactoring|migrating';
/** The team as the subject of the change: "we built", "we've shipped", "our engineers refactored", "we're excited to announce". */
const WE_FRAMING_SOURCE = `\\b(?:we(?:'ve|'re|'d| have| had| are| were)?\\s+(?:(?:now|finally|also|just|recently|successfully|completely|fully|quietly|been)\\s+)?(?:${TEAM_VERBS}|excited|thrilled|happy|proud|pleased|delighted)|(?:our|the)\\s+(?:team|engineers|engineering\\s+team|developers|designers|product\\s+team|devs)\\s+(?:has\\s+|have\\s+)?(?:${TEAM_VERBS})|\\bour\\s+(?:main\\s+)?focus\\b)\\b`;
const WE_FRAMING = new RegExp(WE_FRAMING_SOURCE, 'gi');
/** The reader in the frame: "you", "your", or customers as the subject ("admins can now …"). */
const READER_FRAMING = /\b(?:you|your|yours|you'll|you're|you've)\b|\b(?:customers?|users?|admins?|teams?|members?|developers?|everyone|anyone)\s+(?:can|now|will|no\s+longer|get|gets|see|sees)\b|\b(?:customers?|users?|people|developers?|community)\s+(?:have\s+|has\s+)?(?:asked|requested|expressed|reported|told)\b|\b(?:by|after|on)\s+(?:popular|community|user)\s+requests?\b|\b(?:community|users?|customers?)['’]s?\s+requests?\b/i;
/** The customary opening of an announcement: "We are pleased to announce the release of …", "we're excited to present …". */
const ANNOUNCEMENT = /^(?:we(?:'re| are)?\s+(?:\w+\s+)?(?:excited|thrilled|happy|proud|pleased|delighted|glad)\s+to\s+(?:announce|present|share|introduce|release|bring)|we(?:'re| are)\s+(?:announcing|releasing))\b/i;
/** A section that gives the team's reasons ("Why we added two new options"): its "we" explains, it does not boast. */
const RATIONALE = /^[^\p{L}]*why\b/iu;
/** The team named inside a clause about something else: "This is a new property we've added that …", "Here are the features we shipped". */
const RELATIVE = /\b(?:is|are|was|were|here's|here\s+is|here\s+are)\b/gi;

/** Is there a finite "is"/"are"/"here are" earlier in the match's sentence (the team is in a clause about something else)? */
function inRelativeClause(text: string, index: number): boolean {
  const sentence = text.slice(0, index);
  const start = Math.max(sentence.lastIndexOf('.'), sentence.lastIndexOf('!'), sentence.lastIndexOf('?'), sentence.lastIndexOf(':'), sentence.lastIndexOf(';')) + 1;
  RELATIVE.lastIndex = 0;
  return RELATIVE.test(sentence.slice(start));
}

export default defineRule({
  meta: {
    id: 'release-notes/we-centric',
    family: 'release-notes',
    description: 'A release-note entry or paragraph framed around the team ("we built", "we refactored") that never addresses the reader.',
    defaultSeverity: 'information',
    types: ['release-notes'],
    documentLevel: false,
    fixable: false,
    options: {},
    rationale:
      'Release notes written from the team\'s side ("We refactored the import pipeline", "We\'re excited to announce") start with what was built, not with what customers can now achieve. Readers scan for what changes for *them*; an entry that never says "you" makes them translate, and most will not bother.',
    howToFix:
      'Make the reader the subject: "We rebuilt the import pipeline" → "Imports of 50,000 rows now finish in two minutes, so you can keep working". Keep the team\'s effort for the changelog or the blog post.',
    seeds: [
      { source: '003', quote: 'starts with what we built, not what customers must achieve' },
    ],
    examples: {
      bad: '# Release notes\n\n## 2.4.0 — 2026-11-21\n\n- We refactored the import pipeline and shipped background imports.\n',
      good: '# Release notes\n\n## 2.4.0 — 2026-11-21\n\n- Imports now run in the background: you can keep working while a 50,000-row file loads.\n',
    },
  },
  check({ doc, report }) {
    // Units: each list or table entry with its sub-bullets, and each paragraph outside lists and tables
    // (release intros, the document intro, the paragraphs of an entry written as a subsection: each says its own thing).
    const units: Array<{ text: string; block: TextBlock }> = [];
    const listEntries = doc.releaseEntries.filter((entry) => entry.kind !== 'section');
    for (const entry of listEntries) {
      const texts = [entry.item.text, ...entry.item.children.map((child) => child.text)];
      units.push({ text: texts.join(' '), block: entry.item.block });
    }
    const entries = new RangeSet(listEntries.map((entry) => entry.item));
    const items = new RangeSet(doc.items);
    for (const block of doc.textBlocks) {
      if (block.kind !== 'paragraph') continue;
      if (entries.covers(block.start, { inclusiveEnd: true }) || items.covers(block.start)) continue;
      units.push({ text: block.text, block });
    }
    for (const unit of units) {
      const folded = foldTypography(unit.text);
      if (READER_FRAMING.test(folded)) continue;
      const ownText = foldTypography(unit.block.text);
      if (RATIONALE.test(doc.sectionAt(unit.block.start)?.title ?? '')) continue;
      const matches = [...ownText.matchAll(WE_FRAMING)].filter((found) => !inRelativeClause(ownText, found.index ?? 0));
      if (matches.length === 0) continue;
      // An announcement's opening is customary; it is team talk only when the paragraph goes on about the team.
      const announces = (found: RegExpMatchArray): boolean => ANNOUNCEMENT.test(ownText.slice(found.index));
      const match = matches.find((found) => !announces(found));
      if (!match) continue;
      // After an opening, the finding spans the team talk from the opening on: the paragraph is the problem.
      const { start, end } = unit.block.sourceRange(matches[0].index ?? match.index, match.index + match[0].length);
      report({
        message: `"${unit.block.text.slice(match.index, match.index + match[0].length)}" frames the change around the team, and the reader is never addressed: lead with what they get ("You can now …", "Imports now finish in two minutes").`,
        start,
        end,
      });
    }
  },
});
