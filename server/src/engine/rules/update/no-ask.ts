import { defineRule } from '../../types.js';
import { insertSectionFix } from '../../text/sections.js';
import { phraseMatcher } from '../../text/phrases.js';
import { asksForHelp } from './_prose.js';

/** "**Asks:** …", "Help wanted —" at the start of a paragraph or item. */
const ASK_LABEL = /^[^\p{L}]*(?:asks?|help\s+(?:wanted|needed)|what\s+we\s+need|needs|call\s+to\s+action)\s*(?:(?:\*\*|__)\s*)?[:—–-]/iu;
/** Words the ask phrases inflect into that ask nothing: "we are pleased to", "it was approved", "we requested". */
const NOT_ASKING = /^(?:pleased|approved|requested|reached\s+out)$/i;
/** "Please note", "please see the notes": a pointer for the reader, not a request. */
const POINTER_AFTER_PLEASE = /^\s+(?:note|see|refer|read|find|visit|check\s+out)\b/i;
/** A phrase the team itself did: "we did reach out to the Cargo team", "they sign off". */
const OWN_ACTION = /\b(?:we|i|they|the\s+team)\s+(?:did\s+|also\s+|then\s+|have\s+|had\s+)?$/i;
/** Requests the team handles, not requests of the reader: "Support requests", "Pull requests merged". */
const HANDLED_REQUESTS = /\b(?:pull|merge|feature|support|user|account|recovery|change|review|data|access|retention|api)\s+requests?\b/gi;
/** "No asks this week", "Asks: none": the writer considered asking and has nothing to ask. */
/**
 * An invitation is an ask: "we welcome early adopters to try it and report issues", "we encourage
 * users to test the beta", "we welcome feedback". Not "we welcome our new maintainer" (news).
 */
const INVITATION = /\bwe\s+(?:welcome|invite|encourage)\s+(?:[\w’'-]+\s+){0,5}?to\s+(?:try|test|report|contribute|join|share|give|send|file|help)\b|\bwe\s+(?:welcome|invite)\s+(?:[\w’'-]+\s+){0,3}?(?:feedback|contributions|involvement|help|testing|reports|input)\b/i;
const NO_ASKS = /\bno\s+(?:asks?|requests?)\b|\bnothing\s+to\s+ask\b|\basks?\s*[:—–-]\s*none\b/i;

export default defineRule({
  meta: {
    id: 'update/no-ask',
    family: 'update',
    description: 'A status or investor update that asks readers for nothing.',
    defaultSeverity: 'information',
    types: ['update'],
    documentLevel: true,
    fixable: true,
    options: {
      askHeadings: {
        type: 'string[]',
        default: ['ask', 'asks', 'the ask', 'our ask', 'what we need', 'what i need', 'how you can help', 'ways to help', 'where we need help', 'where you can help', 'help wanted', 'help needed', 'requests', 'call to action', 'calls to action', 'needs', 'support needed', 'decisions needed', 'decision needed', 'input needed', 'feedback wanted', 'can help', 'need help', 'needs help', 'how to help', 'want to help', 'get involved', 'getting involved'],
        description: 'Headings that mark an ask section (matched anywhere in the heading).',
      },
      askPhrases: {
        type: 'string[]',
        default: ['the ask', 'our ask', 'my ask', 'we need', 'i need', 'we would love', "we'd love", 'please', 'can you', 'could you', 'would you', 'help us', 'we are looking for', "we're looking for", 'looking for introductions', 'introduce us', 'intro to', 'introductions to', 'if you know', 'reach out', 'we are hiring', "we're hiring", 'need your', 'we need your', 'would appreciate', 'we ask', 'we request', 'requesting', 'approve', 'sign off', 'sign-off', 'decision needed', 'your input', 'your feedback', 'let us know', 'let me know'],
        description: 'Phrases that make a request of readers, anywhere in the prose.',
      },
    },
    rationale:
      'An update is a chance to get help, not just to report. Readers — executives, investors — want to know what changed, why it changed, and what you need from them; a specific ask ("an intro to two heads of payments at mid-market retailers by March") turns goodwill into action.',
    howToFix:
      'Add a "What we need" section (or a line in the summary) with one to three specific asks: from whom, what, and by when. The quick fix inserts the heading at the end.',
    seeds: [
      { source: '002', quote: 'I coach toward “what changed, why it changed, and what you need.”' },
      { source: '004', quote: 'Make specific requests of your investors, and include at least three actionable items, varying in commitment level.' },
    ],
    examples: {
      bad: '# Payments team: October update\n\n## Highlights\n\n- Activation rose from 59% to 66%.\n\n## Lowlights\n\n- The importer slipped two weeks because formats vary more than expected.\n',
      good: '# Payments team: October update\n\n## Highlights\n\n- Activation rose from 59% to 66%.\n\n## Lowlights\n\n- The importer slipped two weeks because formats vary more than expected.\n\n## What we need\n\n- Ten customer spreadsheets from the CS team by November 15.\n',
    },
  },
  check({ doc, options, reportDocument }) {
    const headings = phraseMatcher(options.askHeadings);
    if (doc.sections.some((section) => section !== doc.titleSection && headings.test(section.title.replace(HANDLED_REQUESTS, ' ')))) return;
    const phrases = phraseMatcher(options.askPhrases);
    // "We need your help" asks; "we need to test more files" is the team's own to-do.
    const asks = (text: string): boolean => phrases.matchAll(text).some((m) => !(/\bneed$/i.test(m.text) && /^\s+to\b/i.test(text.slice(m.index + m.length)))
      && !NOT_ASKING.test(m.text) && !OWN_ACTION.test(text.slice(Math.max(0, m.index - 30), m.index))
      && !(/^please$/i.test(m.text) && POINTER_AFTER_PLEASE.test(text.slice(m.index + m.length))));
    if (doc.textBlocks.some((block) => block.kind !== 'heading' && (asks(block.text) || NO_ASKS.test(block.text) || INVITATION.test(block.text) || asksForHelp(block.text)))) return;
    if (doc.items.some((item) => ASK_LABEL.test(item.text)) || doc.textBlocks.some((block) => block.kind === 'paragraph' && ASK_LABEL.test(block.text))) return;
    reportDocument(
      'No ask: say what you need from readers — from whom, what, and by when — so the update turns into help, not just information.',
      insertSectionFix(doc, 'What we need', 'One to three specific asks: from whom, what, and by when?', []),
    );
  },
});
