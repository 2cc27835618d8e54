import type { Nodes, Parents } from 'mdast';
import { defineRule } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import type { Section } from '../../model/sections.js';
import type { TextBlock } from '../../model/text-block.js';
import { DEFAULT_PLACEHOLDERS, KERNEL_ROLES, quoteTitle, roleSections, sectionProseWords, type KernelRole } from '../../text/kernel.js';

const WHAT_TO_WRITE: Record<KernelRole, string> = {
  'diagnosis': 'say what is going on and which obstacle makes it hard',
  'guiding-policy': 'say how you will deal with the obstacle, and what that rules out',
  'coherent-actions': 'list the concrete steps that carry out the policy, each with an owner and a date',
};

/**
 * Content that is not prose but is not nothing either: a code block, a link to the details. A
 * picture is not: a plan that is only a diagram cannot be read aloud, searched or checked, and a
 * link around nothing but a picture is the picture.
 */
const NON_PROSE_CONTENT = new Set(['code', 'link', 'linkReference', 'math']);
/** Site-generator tags that pull content in at build time: `{% include table.html %}`, `{{< figure >}}`. */
const GENERATOR_TAG = /\{%[^%\n]{0,300}%\}/g;

function onlyPictures(node: Nodes): boolean {
  if (node.type === 'image' || node.type === 'imageReference') return true;
  if (node.type === 'text') return node.value.trim() === '';
  return 'children' in node && (node as Parents).children.length > 0 && ((node as Parents).children as Nodes[]).every(onlyPictures);
}

function hasNonProseContent(doc: StrategyDocument, section: Section): boolean {
  const from = section.heading.position?.end.offset ?? section.start;
  let found = false;
  const visit = (node: Nodes): void => {
    if (found) return;
    const start = node.position?.start.offset ?? -1;
    const end = node.position?.end.offset ?? -1;
    if (end <= from || start >= section.end) return;
    if (start >= from && NON_PROSE_CONTENT.has(node.type) && !onlyPictures(node)) {
      found = true;
      return;
    }
    if ('children' in node) for (const child of (node as Parents).children as Nodes[]) visit(child);
  };
  visit(doc.root);
  return found;
}

/** The block's text with its site-generator tags left out: an include is not prose the writer wrote here. */
function withoutGeneratorTags(block: TextBlock): { text: string } {
  return { text: block.text.includes('{%') ? block.text.replace(GENERATOR_TAG, ' ') : block.text };
}

export default defineRule({
  meta: {
    id: 'kernel/empty-section',
    family: 'kernel',
    description: 'A diagnosis, guiding policy or coherent-actions section that holds no real prose yet.',
    defaultSeverity: 'warning',
    types: ['strategy', 'decision'],
    documentLevel: false,
    fixable: false,
    options: {
      minWords: {
        type: 'number',
        default: 4,
        minimum: 1,
        description: 'Flag a kernel section with fewer than this many words of prose (placeholders, HTML comments and code not counted).',
      },
      placeholders: {
        type: 'string[]',
        default: DEFAULT_PLACEHOLDERS,
        description: 'Words and phrases that stand in for prose not yet written; they do not count as words. `<…>`, `${…}` and `{{…}}` tokens never count either.',
      },
    },
    rationale:
      'A heading is a promise. A kernel section that holds only "TBD", a template prompt or a single phrase makes the document look complete while the hard thinking — naming the obstacle, choosing an approach, committing to actions — has not been done. Readers skim past the heading and assume it has.',
    howToFix:
      'Write the section: for a diagnosis, the obstacle and the evidence for it; for a guiding policy, the approach and what it rules out; for coherent actions, the steps with owners and dates. If the document does not need the section, delete the heading.',
    seeds: [
      { source: '002', quote: 'a sharp problem definition, a few guiding policies, and a concise set of coherent actions' },
    ],
    examples: {
      bad: '# Payments strategy\n\n## Diagnosis\n\nTBD\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n',
      good: '# Payments strategy\n\n## Diagnosis\n\nMid-market merchants churn in their first 90 days because onboarding takes three weeks.\n\n## Guiding policy\n\nWe will serve mid-market merchants first rather than enterprise.\n',
    },
  },
  check({ doc, options, report }) {
    for (const role of KERNEL_ROLES) {
      for (const section of roleSections(doc, role)) {
        // Subsection headings count: "### Rebuild onboarding" under "## Plan" is content.
        const blocks = doc.sectionBlocks(section).map((block) => withoutGeneratorTags(block));
        const { words, placeholders } = sectionProseWords(doc, blocks, options.placeholders);
        if (words >= options.minWords || hasNonProseContent(doc, section)) continue;
        const state = words === 0
          ? placeholders > 0 ? 'holds only placeholders' : 'is empty'
          : `has only ${words} word${words === 1 ? '' : 's'}${placeholders > 0 ? ' besides placeholders' : ''}`;
        report({
          message: `The ${quoteTitle(section)} section ${state}: ${WHAT_TO_WRITE[role]} — or delete the heading.`,
          start: section.titleStart,
          end: section.titleEnd,
        });
      }
    }
  },
});
