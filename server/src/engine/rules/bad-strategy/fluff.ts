import { defineRule, type Fix, type RelatedItem } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import type { StrategyDocument } from '../../model/document.js';
import type { TextBlock } from '../../model/text-block.js';

/** Buzzwords that only decorate: removing them loses nothing, so the fix is safe. */
const REMOVABLE = ['world-class', 'best-in-class', 'cutting-edge', 'game-changing', 'next-generation', 'best-of-breed', 'state-of-the-art', 'seamless', 'holistic', 'robust', 'innovative', 'revolutionary', 'disruptive', 'transformational', 'mission-critical'];
/** "leverage" is a buzzword as a verb ("leverage our platform"), a real concept as a noun ("managerial leverage", "builds leverage"). */
const VERB_LEAD = /(?:^|[.!?:;—–(]\s*|\b(?:to|will|'ll|can|could|should|must|would|might|may|we|you|they|i|and|or|let's|us|also|then|better|fully|further|not|n't|help|helps|helped|how)\s+)$/i;
/** Degree words before a participle make it an adjective: "the most leveraged role". */
const ADJECTIVE_LEAD = /\b(?:most|more|less|least|highly|heavily|very|over|too|so|pretty|quite|rather|fairly|less)\s+$/i;

/** A match that is the noun or adjective use of a word the list means as a buzzword. */
function isLiteralUse(text: string, index: number, written: string): boolean {
  const word = written.toLowerCase();
  const before = text.slice(Math.max(0, index - 24), index);
  if (/^leverage$/.test(word)) {
    const after = text.slice(index + written.length, index + written.length + 16);
    return !VERB_LEAD.test(before) && !/^\s+(?:our|the|this|that|these|those|their|its|his|her|my|your|existing|a|an|every|all|what|AI|data|[\p{L}]+['’]s)\b/iu.test(after);
  }
  if (word === 'leveraged') return ADJECTIVE_LEAD.test(before);
  // "disruptive to the teams" is literal; "a disruptive platform" is the buzzword.
  if (word === 'disruptive') return /^\s+(?:to|for)\b/i.test(text.slice(index + written.length, index + written.length + 5));
  const after = text.slice(index + written.length, index + written.length + 60);
  // "advance the state of the art": the noun, the current frontier of a field, not an adjective of praise.
  if (/^state[\s-]+of[\s-]+the[\s-]+art$/.test(word)) return /\bthe\s+$/i.test(before) && STATE_OF_THE_ART_NOUN.test(text.slice(index + written.length, index + written.length + 20));
  // "robust error handling", "robust to outliers": a named engineering property, not praise; so is
  // "robust" followed at once by what it means ("more robust (e.g. …", "A robust system …: fail fast, …").
  if (word === 'robust') return ROBUST_LITERAL.test(after) || DEFINED_NEXT.test(sentenceAfter(text, index + written.length));
  // "empowered to make the call", "empower the teams, giving them more autonomy": the power is named.
  if (/^empower/.test(word)) return EMPOWERED_TO.test(after) || EMPOWER_GIVING.test(after);
  return false;
}

/** What follows the noun "the state of the art": the end of the phrase, not a noun it would qualify ("the state of the art tooling"). */
const STATE_OF_THE_ART_NOUN = /^(?:\s*$|\s*[.,;:!?)—–]|\s+(?:in|of|for|on|at|and|or|is|was|has|today|now|by|with|as|to|when|where|that|which)\b)/i;
/** Examples or a definition right after the word: "(e.g. …", "such as", "for example", a colon that opens a list. */
const DEFINED_NEXT = /^[^.!?;]{0,50}?(?:\(\s*e\.g\.|\be\.g\.|\bsuch\s+as\b|\bfor\s+(?:example|instance)\b|:\s*[^,.;]{2,40},[^,.;]{2,40},)/i;

/** The rest of the sentence after an offset (up to 200 characters). */
function sentenceAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 200);
  const end = rest.search(/[.!?](?:\s|$)/);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

const ROBUST_LITERAL = /^\s+(?:to|against)\b|^\s+(?:error|errors|exception|exceptions|handling|parsing|parser|validation|checks?|checking|tests?|testing|recovery|retries|retry|fallback|locking|detection|estimators?|statistics?|regression|(?:dynamic\s+)?memory|allocation|allocators?)\b/i;
/** "… to <verb>" within a few words: "empowered to make decisions on the final design". */
const EMPOWERED_TO = /^\s+(?:[\p{L}'’]+\s+){0,3}to\s+["“]?(?!(?:the|a|an|our|their|its|this|that|be|become|do|succeed|thrive|grow|win|innovate)\b)\p{L}/u;
const EMPOWER_GIVING = /^\s+[^,.;]{0,40},\s+(?:giving|letting|allowing)\s/;

/** Plain words that say the same thing. */
const REPLACEMENTS: Record<string, string> = { leverage: 'use', utilize: 'use', utilise: 'use' };

function fixFor(doc: StrategyDocument, block: TextBlock, index: number, length: number, phrase: string): Fix | undefined {
  const { start, end } = block.sourceRange(index, index + length);
  const written = doc.text.slice(start, end);
  const key = phrase.toLowerCase();
  if (REPLACEMENTS[key] && written.toLowerCase() === key) {
    const replacement = /^[A-Z]/.test(written) ? REPLACEMENTS[key][0].toUpperCase() + REPLACEMENTS[key].slice(1) : REPLACEMENTS[key];
    return { title: `Replace "${written}" with "${replacement}"`, edits: [{ start, end, newText: replacement }], preferred: true };
  }
  if (!REMOVABLE.includes(key) || written.length !== length) return undefined;
  // Only an adjective followed by one space and a lower-case word can go without leaving a gap: "a world-class team" → "a team".
  // Checked in the source, not the prose text: link text ("[world-class](url) team") is followed by markup there.
  const after = doc.text.slice(end, end + 2);
  if (!/^ [a-z]/.test(after)) return undefined;
  return { title: `Remove "${written}"`, edits: [{ start, end: end + 1, newText: '' }], preferred: true };
}

export default defineRule({
  meta: {
    id: 'bad-strategy/fluff',
    family: 'bad-strategy',
    description: 'Buzzwords and filler that sound strategic but say nothing a reader can act on.',
    defaultSeverity: 'warning',
    types: ['strategy', 'okr', 'roadmap', 'decision', 'update'],
    documentLevel: false,
    summarises: true,
    fixable: true,
    options: {
      words: {
        type: 'string[]',
        default: ['leverage', 'synergy', 'synergies', 'world-class', 'best-in-class', 'holistic', 'paradigm', 'paradigm shift', 'seamless', 'robust', 'cutting-edge', 'game-changing', 'game changer', 'move the needle', 'unlock', 'empower', 'best-of-breed', 'next-generation', 'state-of-the-art', 'value-add', 'value-added', 'thought leadership', 'disruptive', 'revolutionary', 'transformational', 'north star vision', 'low-hanging fruit', 'boil the ocean', 'circle back', 'double down', 'utilize', 'innovative', 'mission-critical', 'customer-centric', 'data-driven culture', 'win-win', 'scalable solution', 'drive alignment', 'ecosystem play'],
        description: 'Buzzwords and filler phrases to flag (matched case-insensitively, with inflections, through curly quotes and non-breaking hyphens).',
      },
      allow: {
        type: 'string[]',
        default: ['empowered product team', 'empowered product teams', 'empowered teams', 'empowered team', 'operating leverage', 'financial leverage', 'managerial leverage', 'robustness check', 'holistic review'],
        description: 'Terms of art that contain a listed word but mean something precise ("empowered product teams", "operating leverage"); matches inside them are not flagged.',
      },
      maxDensity: {
        type: 'number',
        default: 150,
        minimum: 10,
        description: 'Also flag the whole document when there is more than one buzzword per this many words.',
      },
    },
    rationale:
      'Fluff is the first hallmark of bad strategy in Rumelt\'s account: "a form of gibberish masquerading as strategic concepts or arguments". Buzzwords let a writer skip the hard part — saying exactly what will change and how — and they make readers stop reading carefully. Munger called it twaddle.',
    howToFix:
      'Replace the word with the concrete claim behind it: who, what changes, by how much. "Leverage our platform" becomes "reuse the billing service we already run". The quick fix removes purely decorative adjectives and swaps "leverage" for "use".',
    seeds: [
      { source: '004', quote: 'Rumelt’s identification of bad strategy through its hallmarks – fluff, failure to face the challenge, mistaking goals for strategy, and bad strategic objectives' },
      { source: '004', quote: 'Twaddle Tendency … Humans have a tendency to focus on irrelevant information or engage in meaningless chatter, distracting from important decisions.' },
    ],
    examples: {
      bad: '# Growth strategy\n\n## Guiding policy\n\nWe will leverage our world-class platform to unlock synergies across the ecosystem.\n',
      good: '# Growth strategy\n\n## Guiding policy\n\nWe will sell the reporting add-on to existing mid-market accounts before we court new enterprise logos.\n',
    },
  },
  check({ doc, options, report, reportDocument }) {
    const matcher = phraseMatcher(options.words);
    const allowed = phraseMatcher(options.allow, { inflect: false });
    const found: RelatedItem[] = [];
    for (const block of doc.textBlocks) {
      // An em or en dash ends a phrase ("empowered product teams—that"); same length, so indices hold.
      const safe = allowed.matchAll(block.text.replace(/[\u2013\u2014]/g, ' '));
      // A heading that is the word alone ("#### Leverage") names a section of a template, defined by what it asks.
      const bareHeading = block.kind === 'heading' ? block.text.replace(/[^\p{L}\p{N}\s-]/gu, '').trim().toLowerCase() : null;
      for (const match of matcher.matchAll(block.text)) {
        if (safe.some((a) => match.index >= a.index && match.index + match.length <= a.index + a.length)) continue;
        if (bareHeading !== null && bareHeading === match.text.toLowerCase()) continue;
        if (isLiteralUse(block.text, match.index, match.text)) continue;
        const { start, end } = block.sourceRange(match.index, match.index + match.length);
        found.push({ start, end, message: `"${match.text}" is a buzzword` });
        report({
          message: `"${match.text}" is fluff: say what concretely changes, for whom, and by how much.`,
          start,
          end,
          fix: fixFor(doc, block, match.index, match.length, match.phrase),
        });
      }
    }
    const words = doc.wordCount;
    const count = found.length;
    if (count >= 3 && words > 0 && count / words > 1 / options.maxDensity) {
      // Each buzzword is reported on its own already: the summary lists them, with no item hints.
      reportDocument(`Buzzword density is high: ${count} buzzwords in ${words} words (more than one per ${options.maxDensity}). Readers will skim past the strategy.`, undefined, found);
    }
  },
});
