import { defineRule } from '../../types.js';
import { insertSectionFix } from '../../text/sections.js';
import { phraseMatcher } from '../../text/phrases.js';

/** "Risks:", "**Pre-mortem:**", "Key risk —", "**Risks.** If…" at the start of a paragraph or item: risks written inline. */
const RISK_LABEL = /^\W*(?:key\s+|main\s+|top\s+|biggest\s+)?(?:risks?|pre-?mortem|what could go wrong|failure modes?|downsides?|drawbacks?|mitigations?)\s*(?:(?:\*\*|__)\s*)?(?:[:—–-]|\.(?=\s))/i;

export default defineRule({
  meta: {
    id: 'decision/no-risks',
    family: 'decision',
    description: 'A decision doc or strategy with no risks or pre-mortem section.',
    defaultSeverity: 'information',
    types: ['decision', 'strategy'],
    documentLevel: true,
    fixable: true,
    options: {
      riskHeadings: {
        type: 'string[]',
        default: ['risk', 'risks', 'pre-mortem', 'premortem', 'what could go wrong', 'failure modes', 'mitigations', 'downsides', 'threats', 'what might go wrong', 'how this fails', 'how this could fail', 'consequences', 'cons', 'concerns', 'caveats', 'assumptions', 'drawbacks',
          'security implications', 'security considerations', 'backwards compatibility', 'backward compatibility', 'limitations', 'trade-offs', 'tradeoffs'],
        description: 'Words that mark a heading as a risks section wherever they appear in it ("Key risks", "Assumptions and risks"), besides the risks role.',
      },
    },
    rationale:
      'Every meaningful bet carries risk; the leadership work is to name the risks explicitly and de-risk early. A lightweight pre-mortem — "it is a year from now and this failed: why?" — surfaces the assumptions a plan rests on, and tells readers which early signals to watch.',
    howToFix:
      'Add a "Risks" section: two or three ways this could fail, the early signal for each, and how you will limit the damage. The quick fix inserts the heading.',
    seeds: [
      { source: '001', quote: 'I’ve learned to pair intuition with a data backstop and a lightweight pre-mortem: what would have to be true for this to fail?' },
      { source: '004', quote: 'The real leadership work is to name the risks explicitly and then de-risk early and continuously.' },
    ],
    examples: {
      bad: '# Build the spreadsheet importer in-house\n\n## Decision\n\nWe will build the importer ourselves on our import API.\n\n## Next steps\n\n1. Write the mapping spec. Owner: @priya, by 2027-01-15.\n',
      good: '# Build the spreadsheet importer in-house\n\n## Decision\n\nWe will build the importer ourselves on our import API.\n\n## Risks\n\n- Spreadsheet formats vary more than our samples show; we test files from ten customers by January 15.\n',
    },
  },
  check({ doc, options, reportDocument }) {
    if (doc.sectionsWithRole('risks').length > 0) return;
    const headings = phraseMatcher(options.riskHeadings);
    if (doc.sections.some((section) => section !== doc.titleSection && headings.test(section.title))) return;
    if (doc.items.some((item) => RISK_LABEL.test(item.text))) return;
    if (doc.textBlocks.some((block) => block.kind === 'paragraph' && RISK_LABEL.test(block.text))) return;
    const later = doc.type === 'decision' ? (['coherent-actions', 'metrics'] as const) : (['metrics'] as const);
    reportDocument(
      'No risks or pre-mortem: name two or three ways this could fail, the early signal for each, and how you would limit the damage.',
      insertSectionFix(doc, doc.roleLabel('risks') ?? 'Risks', 'How could this fail? For each risk: the early signal we watch, and how we limit the damage.', later),
    );
  },
});
