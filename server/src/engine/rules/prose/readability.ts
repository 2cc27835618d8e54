import { syllable } from 'syllable';
import { daleChall } from 'dale-chall';
import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { gunningFog } from 'gunning-fog';
import { smogFormula } from 'smog-formula';
import { toString } from 'nlcst-to-string';
import { defineRule } from '../../types.js';
import { contentIdentity, type Sentence } from '../../model/sentences.js';
import { inQuotedBlock, SKIPS_QUOTED_BLOCKS } from './shared.js';

/**
 * Readability per paragraph, with the formulas retext-readability uses (Automated Readability,
 * Coleman–Liau, Dale–Chall, Flesch, Gunning fog, SMOG; Spache is left out: it is made for texts
 * for grades 1–3). retext-readability scores each sentence on its own, which is noisy (the
 * formulas are made for passages: one long word swings a short sentence) and slow on long
 * documents (word lists searched as arrays). Here the counts of a whole paragraph go into each
 * formula and the paragraph is flagged once when the median grade is over the limit.
 */

const FAMILIAR = new Set(daleChall);
const syllables = new Map<string, number>();

function syllablesOf(word: string): number {
  let count = syllables.get(word);
  if (count === undefined) {
    if (syllables.size > 50_000) syllables.clear();
    count = syllable(word);
    syllables.set(word, count);
  }
  return count;
}

interface Counts {
  [key: string]: number;
  sentence: number; word: number; syllable: number; polysillabicWord: number; complexPolysillabicWord: number;
  letter: number; character: number; difficultWord: number;
}

function emptyCounts(): Counts {
  return { sentence: 0, word: 0, syllable: 0, polysillabicWord: 0, complexPolysillabicWord: 0, letter: 0, character: 0, difficultWord: 0 };
}

/**
 * Add a sentence's words. Returns how dense the sentence is in long words (the share of words of
 * three or more syllables), to point the writer at the hardest sentence; length is long-sentence's job.
 */
function addSentence(counts: Counts, sentence: Sentence): number {
  // A sentence's own counts depend on its words alone: kept per sentence content across lints.
  const identity = contentIdentity(sentence.node);
  let own = sentenceCounts.get(identity);
  if (!own) {
    const ownCounts = emptyCounts();
    own = { counts: ownCounts, score: countSentence(ownCounts, sentence) };
    sentenceCounts.set(identity, own);
  }
  for (const key in own.counts) counts[key] += own.counts[key];
  return own.score;
}

const sentenceCounts = new WeakMap<object, { counts: Counts; score: number }>();

function countSentence(counts: Counts, sentence: Sentence): number {
  let words = 0;
  let long = 0;
  for (const node of sentence.node.children) {
    if (node.type !== 'WordNode') continue;
    const value = node.children.length === 1 && node.children[0].type === 'TextNode' ? node.children[0].value : toString(node);
    if (!/\p{L}/u.test(value)) continue; // numbers are not hard words
    const lower = value.toLowerCase();
    const count = syllablesOf(lower);
    words++;
    counts.word++;
    counts.syllable += count;
    counts.letter += value.length;
    counts.character += value.length;
    if (count >= 3) {
      long++;
      counts.polysillabicWord++;
      if (value[0] === lower[0]) counts.complexPolysillabicWord++;
    }
    if (!FAMILIAR.has(lower)) counts.difficultWord++;
  }
  if (words > 0) counts.sentence++;
  return words >= 8 ? long / words : 0;
}

/** US school grade by each formula. */
function grades(counts: Counts): number[] {
  return [
    automatedReadability(counts),
    colemanLiau(counts),
    daleChallGradeLevel(daleChallFormula(counts))[0],
    // Flesch reading ease → grade, as retext-readability converts it (via age − 5).
    15 - Math.floor(flesch(counts) / 10),
    gunningFog(counts),
    smogFormula(counts),
  ].filter((grade) => Number.isFinite(grade));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function gradeName(grade: number): string {
  if (grade >= 17) return 'postgraduate level';
  if (grade >= 13) return 'college level';
  return `grade ${Math.round(grade)}`;
}

export default defineRule({
  meta: {
    id: 'prose/readability',
    family: 'prose',
    description: 'Paragraphs that are hard to read: long sentences full of long words, by the median of six readability formulas.',
    defaultSeverity: 'information',
    types: ['strategy', 'okr', 'roadmap', 'release-notes', 'decision', 'update', 'generic'],
    documentLevel: false,
    fixable: false,
    expensive: true,
    options: {
      maxGrade: {
        type: 'number',
        default: 17,
        minimum: 6,
        maximum: 30,
        description: 'Highest acceptable US school grade (12 = end of high school, 16 = college graduate; reading age is about grade + 5). A paragraph is flagged when the median of the formulas is above it.',
      },
      minWords: {
        type: 'number',
        default: 40,
        minimum: 10,
        description: 'Only paragraphs of at least this many words (and two sentences) are scored: the formulas mean little on less.',
      },
    },
    rationale:
      `Strategy documents compete for the attention of busy readers. A paragraph that scores at postgraduate level on most readability formulas makes every reader work hard, and the ones you most need — executives, other teams — stop reading. The formulas are crude (they count words per sentence and syllables per word), so this rule looks at whole paragraphs and only flags those most formulas agree on.\n\n${SKIPS_QUOTED_BLOCKS}`,
    howToFix:
      'Shorten the sentences (one idea each) and swap long abstract words for short concrete ones: "operationalize cross-functional alignment" → "agree who does what". The finding points at the hardest sentence of the paragraph.',
    seeds: [
      { source: '002', quote: 'I structure it so anyone can understand the why, what, and how in one sitting' },
    ],
    examples: {
      bad: '# Platform strategy\n\nOur institutionalized prioritization methodology systematically operationalizes cross-functional organizational alignment across interdependent infrastructural investments. Consequently, organizational accountability necessitates comprehensive documentation of architectural considerations, operational responsibilities and quantitative performance indicators. Additionally, heterogeneous environments require standardized, automated verification capabilities and continuous institutional governance.\n',
      good: '# Platform strategy\n\nWe will run one CI system instead of three. The payments, identity and growth teams each built their own, and keeping all three alive costs us two engineers a quarter. The platform team will own the new one and move the other teams onto it by June.\n',
    },
  },
  check({ doc, options, report }) {
    const sentences = doc.sentences;
    let next = 0;
    for (const block of doc.textBlocks) {
      if (block.kind !== 'paragraph') continue;
      while (next < sentences.length && sentences[next].start < block.start) next++;
      if (inQuotedBlock(doc, block.start)) continue;
      const counts = emptyCounts();
      let hardest: Sentence | null = null;
      let hardestScore = -1;
      for (let i = next; i < sentences.length && sentences[i].start < block.end; i++) {
        const score = addSentence(counts, sentences[i]);
        if (score > hardestScore) {
          hardestScore = score;
          hardest = sentences[i];
        }
      }
      if (!hardest || counts.word < options.minWords || counts.sentence < 2) continue;
      const grade = Math.round(median(grades(counts)));
      if (grade <= options.maxGrade) continue;
      const perSentence = Math.round(counts.word / counts.sentence);
      const longShare = Math.round((100 * counts.polysillabicWord) / counts.word);
      report({
        message: `Hard to read: this paragraph scores about grade ${grade} (${gradeName(grade)}; limit ${options.maxGrade}), with ${perSentence} words per sentence and ${longShare}% of words of three or more syllables. Start with this sentence, the densest in long words: shorter sentences, shorter words.`,
        start: hardest.start,
        end: hardest.end,
      });
    }
  },
});
