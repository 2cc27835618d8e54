import { defineRule, type Fix } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import { GOVERNING_SIGNALS, readingOrder, statesAnswer, wordsBefore } from './shared.js';
import { normalizeHeading } from '../../model/roles.js';
import type { Section } from '../../model/sections.js';

/** A paragraph that opens with a summary label: "TL;DR:", "**Summary** —", "Bottom line:". */
const SUMMARY_LABEL = /^[ \t]*(?:(?:\*\*|__)[ \t]*)?(?:tl;?\s?dr|summary|executive summary|bluf|bottom line|in short|in brief|the short version|key takeaways?|at a glance)(?:[ \t]*(?:\*\*|__))?[ \t]*[:—–.-]/i;
/** Front-matter fields that hold a summary, including the teaser or excerpt a blog shows above the post. */
const FRONT_MATTER_KEYS = ['summary', 'tldr', 'tl;dr', 'abstract', 'teaser', 'excerpt', 'description'];

/**
 * Headings of a section that sums up what follows, in reports and updates: "Overview" (of the
 * year's achievements), "Highlights", "At a glance", "Key points", "Year in review", and the
 * "Foreword" or "Preface" an annual report opens with (the year in a page, from its chair). Not
 * roles for every rule (a roadmap's "Overview" may only introduce it), but a summary when it opens
 * the document.
 */
const OVERVIEW_HEADINGS = new Set(['foreword', 'preface', 'overview', 'executive overview', 'highlights', 'key highlights', 'at a glance', 'key points', 'key takeaways', 'in brief', 'year in review', 'the year in review']);

/** Prose between the title and the first section after it: a lead paragraph that may itself be the summary. */
function leadText(doc: StrategyDocument): { text: string; words: number } {
  const title = doc.titleSection;
  // With no H1 (the title is in the front matter), the lead is the prose above the first heading.
  const untitled = title !== null && title.depth !== 1 && doc.textBlocks.some((block) => block.end <= title.start);
  const next = untitled ? title : doc.sections.find((section) => section !== title && section.start > (title?.start ?? -1));
  const end = next ? next.start : doc.text.length;
  const blocks = doc.textBlocks.filter((block) => block.end <= end && block.node !== title?.heading);
  const text = blocks.map((block) => block.text).join('\n');
  return { text, words: text.split(/\s+/).filter(Boolean).length };
}

/**
 * A list in the first quarter whose items name the sections that follow ("- Building on Redox"
 * over a later "## Building on Redox"): the document previews its points, as a summary does. A
 * table of contents (items that are links) does not count: it lists the headings, not the points.
 */
function opensWithOverview(doc: StrategyDocument, limit: number): boolean {
  // Per section of the opening: how many of its top-level items name a section that comes later.
  const bySection = new Map<Section | null, { named: number; items: number }>();
  for (const item of doc.items) {
    if (item.kind !== 'list-item' || item.depth !== 0) continue;
    if (wordsBefore(doc, item.start) > limit) break;
    const first = item.node.children[0];
    if (first?.type === 'paragraph' && first.children.some((child) => child.type === 'link')) continue;
    const entry = bySection.get(item.section) ?? { named: 0, items: 0 };
    entry.items++;
    const name = normalizeHeading(item.text);
    if (name && doc.sections.some((section) => section.start > item.start && normalizeHeading(section.title) === name)) entry.named++;
    bySection.set(item.section, entry);
  }
  return [...bySection.values()].some((entry) => entry.named >= 3 && entry.named * 2 >= entry.items);
}

/** Insert "## Summary" before the first main section, when that point is within the first quarter. */
function summaryFix(doc: StrategyDocument, limit: number): Fix | undefined {
  const title = doc.titleSection;
  // Under an H1 title, before its first section; in a document without one, before the first heading.
  const first = title && title.depth === 1 ? title.children[0] : title;
  if (!first || wordsBefore(doc, first.start) > limit) return undefined;
  const eol = doc.lines.eol;
  const hashes = '#'.repeat(first.depth);
  return {
    title: 'Insert a "Summary" section',
    edits: [{
      start: first.start,
      end: first.start,
      newText: `${hashes} Summary${eol}${eol}<!-- The answer in two or three sentences: what you recommend or decided, why, and what you need from the reader. -->${eol}${eol}`,
    }],
  };
}

export default defineRule({
  meta: {
    id: 'pyramid/missing-summary',
    family: 'pyramid',
    description: 'A document over ~500 words with no summary or TL;DR in its first quarter.',
    defaultSeverity: 'information',
    types: ['strategy', 'decision', 'update'],
    documentLevel: true,
    fixable: true,
    options: {
      minWords: {
        type: 'number',
        default: 500,
        minimum: 100,
        description: 'Only documents longer than this many words need a summary.',
      },
      withinFraction: {
        type: 'number',
        default: 0.25,
        minimum: 0.05,
        maximum: 1,
        description: 'The summary must start within this fraction of the document (0.25 = the first quarter).',
      },
      maxLeadWords: {
        type: 'number',
        default: 150,
        minimum: 20,
        description: 'A lead paragraph under the title this short that states the answer counts as the summary.',
      },
    },
    rationale:
      'A long document earns its length only if readers can get the point without reading all of it. A summary at the top — the answer, the reasons, the ask — lets an executive "understand the why, what, and how in one sitting" and decide where to read in depth.',
    howToFix:
      'Add a "Summary" (or "TL;DR") section right after the title: the answer in two or three sentences, the main reasons, and what you need from the reader. The quick fix inserts the heading with a prompt.',
    seeds: [
      { source: '002', quote: 'I structure it so anyone can understand the why, what, and how in one sitting' },
    ],
    examples: {
      bad: `# Checkout redesign decision\n\n## Context\n\n${'Checkout conversion on mobile has fallen for three quarters while desktop held steady, and support tickets about failed payments doubled. '.repeat(15)}\n\n## Options\n\n${'We compared a rebuild on the new payments service, an incremental fix of the current flow, and buying a hosted checkout. '.repeat(15)}\n`,
      good: `# Checkout redesign decision\n\n## TL;DR\n\nWe will rebuild mobile checkout on the new payments service in Q2 2027. It fixes the failed-payment bug at its root and costs one quarter of the payments team.\n\n## Context\n\n${'Checkout conversion on mobile has fallen for three quarters while desktop held steady, and support tickets about failed payments doubled. '.repeat(15)}\n\n## Options\n\n${'We compared a rebuild on the new payments service, an incremental fix of the current flow, and buying a hosted checkout. '.repeat(15)}\n`,
    },
  },
  check({ doc, options, reportDocument }) {
    const total = readingOrder(doc).total;
    if (total <= options.minWords) return;
    const limit = total * options.withinFraction;
    if (doc.sectionsWithRole('summary').some((section) => wordsBefore(doc, section.start) <= limit)) return;
    if (doc.sections.some((section) => section !== doc.titleSection && OVERVIEW_HEADINGS.has(normalizeHeading(section.title)) && wordsBefore(doc, section.start) <= limit)) return;
    for (const key of FRONT_MATTER_KEYS) {
      const value = doc.frontMatterValue(key);
      if (typeof value === 'string' && value.trim().split(/\s+/).length >= 5) return;
    }
    for (const block of doc.textBlocks) {
      if (wordsBefore(doc, block.start) > limit) break;
      if (SUMMARY_LABEL.test(block.text)) return;
    }
    if (opensWithOverview(doc, limit)) return;

    const lead = leadText(doc);
    if (lead.words > 0 && lead.words <= options.maxLeadWords && statesAnswer(lead.text, GOVERNING_SIGNALS)) return;
    reportDocument(
      `No summary: this document runs ${total.toLocaleString('en-US')} words and nothing in its first quarter sums it up. Add a short "Summary" or "TL;DR" after the title — the answer, the main reasons, and what you need — so readers get the point in one sitting.`,
      summaryFix(doc, limit),
    );
  },
});
