import { defineRule } from '../../types.js';
import { insertSectionFix } from '../../text/sections.js';
import { phraseMatcher } from '../../text/phrases.js';
import { facesChallenge } from './_prose.js';

/** "Lowlights:", "**Challenges** —", "Blocker:" at the start of a paragraph or item. */
const LOWLIGHT_LABEL = /^\W*(?:low-?lights?|challenges?|blockers?|blocked|setbacks?|misses|missed|concerns?|risks?|issues?|problems?|gaps|shortfalls|what went wrong|what didn'?t go well|the bad|bad news|off track|at risk|red)\s*(?:(?:\*\*|__)\s*)?[:—–-]/i;
const HIGHLIGHTS = /\b(?:highlights?|wins?|what went well|progress|good news|achievements?|accomplishments?)\b/i;

export default defineRule({
  meta: {
    id: 'update/no-lowlights',
    family: 'update',
    description: 'A status or investor update with no lowlights or challenges.',
    defaultSeverity: 'information',
    types: ['update'],
    documentLevel: true,
    fixable: true,
    options: {
      headings: {
        type: 'string[]',
        default: ['lowlights', 'lowlight', 'low-lights', 'challenges', 'challenge', 'what went wrong', "what didn't go well", 'what did not go well', 'not going well', "what's not working", 'misses', 'setbacks', 'blockers', 'risks', 'concerns', 'issues', 'problems', 'headwinds', 'the bad', 'bad news', 'struggles', 'at risk', 'off track', 'watch items', 'red flags', 'lessons learned', 'learnings', 'mistakes', 'gaps', 'shortfalls', 'limitations'],
        description: 'Headings that mark a lowlights section (matched anywhere in the heading).',
      },
    },
    rationale:
      'Updates that report only wins teach readers to discount them. Being transparent about challenges — what slipped, why, and what you are doing about it — builds trust, and it is often where readers can help most. A good investor update has a "Challenges and lowlights" section.',
    howToFix:
      'Add a "Lowlights" section: what slipped or went wrong, why, and what you are doing about it. The quick fix inserts the heading after the highlights.',
    seeds: [
      { source: '004', quote: 'Challenges and Lowlights' },
      { source: '004', quote: 'Be transparent about challenges, fostering an environment of trust and collaboration.' },
    ],
    examples: {
      bad: '# Payments team: October update\n\n## Highlights\n\n- Activation rose from 59% to 66%.\n\n## What we need\n\n- Ten customer spreadsheets from the CS team by November 15.\n',
      good: '# Payments team: October update\n\n## Highlights\n\n- Activation rose from 59% to 66%.\n\n## Lowlights\n\n- The importer slipped two weeks because formats vary more than expected.\n\n## What we need\n\n- Ten customer spreadsheets from the CS team by November 15.\n',
    },
  },
  check({ doc, options, reportDocument }) {
    const headings = phraseMatcher(options.headings);
    if (doc.sections.some((section) => section !== doc.titleSection && (headings.test(section.title) || section.roles.includes('risks') || section.roles.includes('diagnosis')))) return;
    if (doc.items.some((item) => LOWLIGHT_LABEL.test(item.text))) return;
    if (doc.textBlocks.some((block) => block.kind === 'paragraph' && LOWLIGHT_LABEL.test(block.text))) return;
    // No section, but the prose faces what is hard ("we have struggled with…", "a bottleneck of approvers").
    if (doc.textBlocks.some((block) => block.kind !== 'heading' && facesChallenge(block.text))) return;
    // Insert right after the highlights, where readers expect the other side of the ledger.
    const highlights = doc.sections.find((section) => section !== doc.titleSection && HIGHLIGHTS.test(section.title));
    const next = highlights ? doc.sections.find((section) => section.start >= highlights.end && section.depth <= highlights.depth) : undefined;
    const prompt = 'What slipped or went wrong, why, and what are we doing about it?';
    const fix = highlights && next
      ? { title: 'Insert a "Lowlights" section', edits: [{ start: next.start, end: next.start, newText: `${'#'.repeat(highlights.depth)} Lowlights${doc.lines.eol}${doc.lines.eol}<!-- ${prompt} -->${doc.lines.eol}${doc.lines.eol}` }] }
      : insertSectionFix(doc, 'Lowlights', prompt, ['metrics']);
    reportDocument('No lowlights: say what slipped or went wrong, why, and what you are doing about it. Updates that report only wins teach readers to discount them.', fix);
  },
});
