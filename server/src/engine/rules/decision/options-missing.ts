import { defineRule } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import type { Section } from '../../model/sections.js';
import { countWords } from '../../model/document.js';
import { phraseMatcher } from '../../text/phrases.js';
import { isContainer } from '../../text/kernel.js';

/** A title that sets two choices against each other: "RoutePattern vs. URLPattern", "Postgres versus DynamoDB for events". */
const VERSUS_TITLE = /\S\s+(?:vs\.?|versus)\s+\S/i;

/** "Option A: …", "Option 2 —", "Alternative 1", "Approach B" as a heading or at the start of a line. */
const OPTION_LABEL = /^\W*(?:option|alternative|approach|choice|path|scenario)\s*(?:#\s*)?(?:[A-H]|\d{1,2}|one|two|three|four)\b/i;

interface Count { count: number; section: Section | null; uncountable: boolean; first?: string }

export default defineRule({
  meta: {
    id: 'decision/options-missing',
    family: 'decision',
    description: 'A decision doc that lays out fewer than two options.',
    defaultSeverity: 'warning',
    types: ['decision'],
    documentLevel: true,
    fixable: false,
    options: {
      minOptions: {
        type: 'number',
        default: 2,
        minimum: 1,
        description: 'Fewest options a decision doc should lay out (doing nothing counts as one).',
      },
      optionHeadings: {
        type: 'string[]',
        default: ['options', 'alternatives', 'choices', 'approaches considered', 'paths considered', 'what we considered', 'considered', 'rejected ideas', 'rejected approaches', 'other approaches'],
        description: 'Words that mark a heading as the options section ("Options considered", "Alternatives we rejected"), besides the options role.',
      },
      proseAlternatives: {
        type: 'string[]',
        default: ['rejected alternative', 'rejected alternatives', 'alternative was rejected', 'alternatives were rejected', 'we considered', 'we also considered',
          'original plan was', 'our original plan', 'another option', 'the other option', 'an alternative would be', 'alternatively we could', 'we could instead',
          'we evaluated', 'we also evaluated', 'instead, we will', 'we decided against', 'we chose not to'],
        description: 'Phrases that weigh an alternative in prose ("the rejected alternative — a two-phase API", "our original plan was…", "we evaluated X … Instead, we will…"): the alternative and the choice make two options.',
      },
      minProseWords: {
        type: 'number',
        default: 40,
        minimum: 1,
        description: 'An options section written as prose (no list, table or subsections) with at least this many words is taken to discuss its options.',
      },
    },
    rationale:
      'A decision is only as good as the alternatives it beat. When a doc shows one path, readers cannot tell whether it was chosen or merely the first idea; making several paths visible — and ranking them by impact, effort and risk — is what turns a proposal into a decision others can trust and revisit.',
    howToFix:
      'Add an "Options" section with at least two real choices — doing nothing counts — each with what it involves and its trade-off, and say why the chosen one wins.',
    seeds: [
      { source: '001', quote: 'My job as a product leader is to make multiple paths visible before we choose.' },
      { source: '003', quote: 'ranking options by impact, effort, and risk so decisions are transparent and fair' },
    ],
    examples: {
      bad: '# Build the spreadsheet importer in-house\n\n## Decision\n\nWe will build the importer ourselves on our import API.\n\n## Problem\n\nAdmins spend six hours on manual setup, and 41% of new accounts never invite a second team.\n',
      good: '# Build the spreadsheet importer in-house\n\n## Decision\n\nWe will build the importer ourselves on our import API.\n\n## Options\n\n### Build on our import API\n\nSix engineer-weeks; files stay in our region.\n\n### License a vendor widget\n\nTwo engineer-weeks and $18,000 a year; no projects or permissions.\n',
    },
  },
  check({ doc, options, reportDocument }) {
    const headingWords = phraseMatcher(options.optionHeadings);
    const counts: Count[] = [];
    for (const section of doc.sections) {
      if (isContainer(doc, section)) continue;
      const isOptions = section.roles.includes('options') || (headingWords.test(section.title) && section.roles.length === 0);
      if (isOptions) counts.push(countIn(doc, section, options.minProseWords));
    }
    // Labelled options anywhere: "### Option A: build", "**Option 2:** buy", "- Option B — wait".
    const labelled = new Set<string>();
    const label = (text: string): void => {
      const match = OPTION_LABEL.exec(text);
      if (match) labelled.add(match[0].replace(/^\W+/, '').replace(/\s+/g, ' ').toLowerCase());
    };
    for (const section of doc.sections) label(section.title);
    for (const item of doc.items) label(item.text);
    for (const block of doc.textBlocks) if (block.kind === 'paragraph') label(block.text);
    counts.push({ count: labelled.size, section: null, uncountable: false });
    if (doc.titleText && VERSUS_TITLE.test(doc.titleText)) counts.push({ count: 2, section: null, uncountable: false });
    // An alternative weighed in prose, against the choice the document makes: two options.
    const prose = phraseMatcher(options.proseAlternatives);
    if (doc.textBlocks.some((block) => block.kind !== 'heading' && prose.test(block.text))) counts.push({ count: 2, section: null, uncountable: false });

    if (counts.some((c) => c.uncountable)) return;
    const best = counts.reduce((a, b) => (b.count > a.count ? b : a));
    if (best.count >= options.minOptions) return;
    if (best.count === 0) {
      reportDocument(`No options laid out: show at least ${options.minOptions} real choices (doing nothing counts) with their trade-offs, so readers can see what you rejected and why.`);
      return;
    }
    const where = best.section ? ` under "${best.section.title}"` : '';
    reportDocument(`Only ${best.count} option${best.count === 1 ? ' is' : 's are'} laid out${where}: add at least ${options.minOptions - best.count} real alternative${options.minOptions - best.count === 1 ? '' : 's'} (doing nothing counts) with ${options.minOptions - best.count === 1 ? 'its' : 'their'} trade-off, so readers can see what you rejected and why.`);
  },
});

/** Options in a section: its subsections, or the items of its lists and tables, whichever is more. */
function countIn(doc: StrategyDocument, section: Section, minProseWords: number): Count {
  const children = section.children.filter((child) => child.roles.length === 0 || child.roles.includes('options')).length;
  const items = doc.items.filter((item) => item.section === section && item.kind !== 'line' && (item.kind === 'table-row' || item.depth === 0) && item.text.trim()).length;
  const count = Math.max(children, items);
  if (count > 0) return { count, section, uncountable: false };
  const words = doc.sectionBlocks(section).reduce((sum, block) => sum + countWords(block.text), 0);
  return { count: 0, section, uncountable: words >= minProseWords };
}
