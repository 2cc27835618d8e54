import { defineRule } from '../../types.js';
import type { StrategyDocument } from '../../model/document.js';
import type { TextBlock } from '../../model/text-block.js';
import { foldTypography, phraseMatcher } from '../../text/phrases.js';
import { offsetHasRole, roleOwner, roleSections } from '../../text/kernel.js';
import { splitSentences } from '../../text/sentence-split.js';

/** "to be", "will become", "we'll be", "must be", or an imperative "Be …" opening the sentence: what makes "the leader" an aim rather than a fact. */
const AIM_LEAD = /(?:(?:\bto|\bwill|'ll|\bmust|\bshall|\bshould|\bcan)\s+|^[^\p{L}\p{N}]*|[:;—–]\s*)(?:be|become|remain|stay)\s+(?:(?:the|a|an|our)\s+)?$/iu;
/** Up to three words after an ambition, stopping at punctuation or a preposition ("leader in payments" → "leader"). */
const AMBITION_TAIL = /^(?:\s+(?!(?:in|for|of|by|across|among|and|or|with|on|at|to|within|from|that|who|which|when|while|as|so|because|through|via|than)\b)[\p{L}\p{N}#][\p{L}\p{N}#'’-]*){0,3}/iu;
/** A number that makes a target: "20%", "$10M", "1M users", "3x", "10,000". */
const TARGET_NUMBER = /^(?:[$€£¥]\s?)?\d[\d,.]*(?:\s?(?:%|percent|x|k|m|mm|bn|b|million|billion|thousand))?$/i;
/** "by" followed by a gerund names a means: "by selling to mid-market first". */
const BY_GERUND = /\bby\s+(?!during\b|spring\b|morning\b|evening\b)[\p{L}]+ing\b/iu;

/** Targets that need no number: "double revenue". */
const NO_NUMBER_NEEDED = new Set(['double', 'triple', 'quadruple', '10x']);
/** What you spend is a means, not a goal: "increase prices 10%", "double the sales team". */
const INPUTS = /^(?:prices?|pricing|fees?|spend|spending|budgets?|investments?|headcount|hiring|hires|staff|staffing|team|teams|capacity|engineers|salespeople|reps|sales\s?force|marketing)$/i;
const UNITS = /^(?:ARR|MRR|GMV|NRR|revenue|users|customers|accounts|merchants|subscribers|members|installs|percent|points|pp)$/i;

/** Words that make the number after them part of a name: "SOC 2", "Level 3", "Series B", "WCAG 2.1". */
const NAMED_NUMBER = /^(?:soc|iso|pci|dss|wcag|hipaa|level|tier|phase|stage|series|version|v|gen|step|round|article|section|chapter|page|ios|android|windows|python|node)$/i;

interface Match { from: number; to: number; text: string }

/** A list item that states a target: a comparison or a number with a unit ("> 35", "under 15%", "1–24 hours"). */
const TARGET_IN_ITEM = /[<>≤≥]\s?\d|\d\s?%|\b\d[\d,.]{0,12}\]?\s?(?:hours?|days?|minutes?|weeks?|ms|seconds?)\b|\b(?:under|below|above|over|at least|at most)\s+\d/i;

/** End of the quoted clause: up to `max` words after token `at`, stopping at punctuation. */
function clauseEnd(tokens: Array<{ index: number; word: string }>, at: number, max: number): number {
  let end = tokens[at].index + tokens[at].word.length;
  for (let k = at + 1; k < tokens.length && k <= at + max; k++) {
    const word = tokens[k].word.replace(/[.,;:!?)"'”’]+$/, '');
    end = tokens[k].index + word.length;
    if (word.length < tokens[k].word.length) break;
  }
  return end;
}

function words(text: string): Array<{ index: number; word: string }> {
  const result: Array<{ index: number; word: string }> = [];
  const regex = /[^\s]+/g;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) result.push({ index: match.index, word: match[0] });
  return result;
}

export default defineRule({
  meta: {
    id: 'bad-strategy/goals-as-strategy',
    family: 'bad-strategy',
    description: 'A guiding-policy sentence that states only an ambition or a target, with no means of getting there.',
    defaultSeverity: 'warning',
    types: ['strategy', 'okr', 'roadmap', 'decision', 'update'],
    documentLevel: false,
    fixable: false,
    options: {
      ambitions: {
        type: 'string[]',
        default: [
          '#1', 'number one', 'number 1', 'the best', 'the leader', 'a leader', 'the market leader', 'the category leader',
          'the industry leader', 'the global leader', 'the world leader', 'the clear leader', 'the leading provider',
          'the leading platform', 'the leading company', 'the leading brand', 'the go-to', 'the dominant', 'the premier',
          'the undisputed', 'world-class', 'best-in-class', 'the first choice', 'the top player',
        ],
        description: 'What follows "to be" / "will become" in an ambition ("to be the market leader", "will become #1").',
      },
      ambitionPhrases: {
        type: 'string[]',
        default: ['dominate the market', 'dominate the category', 'dominate the industry', 'lead the market', 'lead the industry', 'lead the category', 'win the market', 'win the category', 'own the market', 'own the category', 'market leadership', 'category leadership'],
        description: 'Phrases that state an ambition on their own.',
      },
      targetVerbs: {
        type: 'string[]',
        default: ['grow', 'increase', 'reach', 'achieve', 'hit', 'exceed', 'surpass', 'attain', 'get to', 'double', 'triple', 'quadruple', '10x'],
        description: 'Verbs that state a target when a number follows within a few words ("grow revenue 20%", "reach $10M ARR"); double, triple and 10x need no number.',
      },
      means: {
        type: 'string[]',
        default: [
          'through', 'via', 'because', 'so that', 'instead of', 'rather than', 'in place of', 'not', 'only', "won't", "don't",
          'to get there', 'to do that', 'to do so', 'to do this', 'we will do this by', 'which means', 'this means', 'focus on',
          'by focusing', 'by building', 'by selling', 'with a focus on', 'using', 'leveraging', 'the way we', 'our approach',
        ],
        description: 'Words that give an ambition its means (a "by …ing" phrase also counts); one of them in the sentence, its paragraph or the next paragraph keeps the sentence quiet.',
      },
      targetWindow: {
        type: 'number',
        default: 6,
        minimum: 1,
        description: 'How many words after a target verb a number may come ("grow net revenue in Europe 20%").',
      },
    },
    rationale:
      'Mistaking goals for strategy is one of Rumelt\'s four hallmarks of bad strategy. "Be the #1 payments platform" or "grow revenue 20%" says where you want to be, not how you will get there; a strategy is the approach that makes the goal reachable against the obstacle. Goals belong in the success metrics — the guiding policy must say the means.',
    howToFix:
      'Keep the target in your metrics, and in the policy say how you will reach it: the choice, the advantage you will use and what you give up ("grow revenue 20% by selling the reporting add-on to existing mid-market accounts instead of chasing enterprise").',
    seeds: [
      { source: '004', quote: 'fluff, failure to face the challenge, mistaking goals for strategy, and bad strategic objectives' },
    ],
    examples: {
      bad: '# Growth strategy\n\n## Guiding policy\n\nOur strategy is to become the market leader in European payments.\n\nWe will grow revenue 20% next year.\n',
      good: '# Growth strategy\n\n## Guiding policy\n\nWe will grow revenue 20% next year by selling the reporting add-on to existing mid-market accounts, instead of chasing new enterprise logos.\n',
    },
  },
  check({ doc, options, report }) {
    const blocks = scope(doc);
    if (blocks.length === 0) return;
    const ambitionAfterLead = phraseMatcher(options.ambitions, { inflect: false });
    const ambitionPhrases = phraseMatcher(options.ambitionPhrases);
    const targetVerbs = phraseMatcher(options.targetVerbs, { inflect: false });
    const means = phraseMatcher(options.means, { inflect: false });
    const hasMeans = (text: string): boolean => means.test(text) || BY_GERUND.test(foldTypography(text));

    blocks.forEach((block, i) => {
      if (hasMeans(block.text)) return;
      const next = blocks[i + 1];
      if (next && next.start - block.end < 400 && hasMeans(next.text)) return;
      for (const span of splitSentences(block.text)) {
        const sentence = block.text.slice(span.from, span.to);
        if (sentence.trimEnd().endsWith('?')) continue;
        const found: Match | null = findAmbition(sentence) ?? findTarget(sentence) ?? findTargetList(sentence, blocks[i + 1]);
        if (!found) continue;
        const { start, end } = block.sourceRange(span.from, span.to);
        report({
          message: `"${found.text}" is a goal, not a strategy: say how you will get there — the choice you make and what it rules out ("by …", "instead of …"), and keep the target in your metrics.`,
          start,
          end,
        });
      }
    });

    /** "… to help us achieve the following:" over a list of numbers ("Lead time < 24 hours"): the policy is a list of targets. */
    function findTargetList(sentence: string, next: TextBlock | undefined): Match | null {
      if (!/:\s*$/.test(sentence) || !next || !doc.items.some((item) => item.start === next.start)) return null;
      const verb = targetVerbs.matchAll(sentence).find((m) => /^(?:reach|achieve|hit|attain|exceed|surpass|get to)$/i.test(m.phrase));
      if (!verb) return null;
      const list = blocks.slice(blocks.indexOf(next), blocks.indexOf(next) + 6).filter((block) => doc.items.some((item) => item.start === block.start));
      if (list.length < 2 || list.filter((block) => TARGET_IN_ITEM.test(block.text)).length * 2 < list.length) return null;
      const text = sentence.slice(verb.index).replace(/:\s*$/, '');
      return { from: verb.index, to: verb.index + text.length, text };
    }

    function findAmbition(sentence: string): Match | null {
      for (const match of ambitionAfterLead.matchAll(sentence)) {
        const before = foldTypography(sentence.slice(Math.max(0, match.index - 30), match.index));
        const lead = AIM_LEAD.exec(before);
        if (!lead) continue;
        const from = match.index - (before.length - lead.index);
        // Quote up to the noun: "to become the world-class leader", not "to become the world-class".
        const to = match.index + match.length + (AMBITION_TAIL.exec(sentence.slice(match.index + match.length))?.[0].length ?? 0);
        return { from, to, text: sentence.slice(from, to).replace(/^[^\p{L}\p{N}]+/u, '').trim() };
      }
      const phrase = ambitionPhrases.matchAll(sentence)[0];
      return phrase ? { from: phrase.index, to: phrase.index + phrase.length, text: phrase.text } : null;
    }

    function findTarget(sentence: string): Match | null {
      const tokens = words(sentence);
      const tokenAt = new Map(tokens.map((t, i) => [t.index, i]));
      const clean = (word: string): string => word.replace(/^[("'“‘]+/, '').replace(/[.,;:!?)"'”’]+$/, '');
      for (const verb of targetVerbs.matchAll(sentence)) {
        // The verb must start a word, and not be a noun after a number or an article ("a 20% increase").
        const at = tokenAt.get(verb.index);
        if (at === undefined) continue;
        const previous = clean(tokens[at - 1]?.word ?? '').toLowerCase();
        if (/^(?:a|an|the|this|that|its|their|our)$|\d/u.test(previous)) continue;
        if (NO_NUMBER_NEEDED.has(verb.phrase.toLowerCase())) {
          const object = tokens[at + 1] ? clean(tokens[at + 1].word) : '';
          if (!/^[\p{L}$]/u.test(object) || /^down$/i.test(object)) continue;
          // "double the sales team": an input, not a goal.
          if (tokens.slice(at + 1, at + 4).some((t) => INPUTS.test(clean(t.word)))) continue;
          const end = clauseEnd(tokens, at, 4);
          return { from: verb.index, to: end, text: sentence.slice(verb.index, end) };
        }
        for (let k = at + 1; k < tokens.length && k <= at + options.targetWindow; k++) {
          const word = clean(tokens[k].word);
          // "grow in 2027", "reach by Q3": a date is not a target.
          if (/^(?:by|in|before|until|during)$/i.test(clean(tokens[k - 1].word)) && /^(?:20\d{2}|Q[1-4]|H[12]|FY\d+)/i.test(word)) break;
          // Inputs are means, not goals: "increase prices 10%", "double the sales team".
          if (INPUTS.test(word)) break;
          // "achieve SOC 2", "reach level 3": a name with a number, not a target.
          if (TARGET_NUMBER.test(word) && NAMED_NUMBER.test(clean(tokens[k - 1].word))) continue;
          if (TARGET_NUMBER.test(word)) {
            let end = tokens[k].index + tokens[k].word.indexOf(word) + word.length;
            const unit = tokens[k + 1];
            if (unit && UNITS.test(clean(unit.word))) end = unit.index + clean(unit.word).length;
            return { from: verb.index, to: end, text: sentence.slice(verb.index, end) };
          }
          if (/[.;:!?]$/.test(tokens[k].word)) break;
        }
      }
      return null;
    }
  },
});

/**
 * Where a strategy states its policy: the guiding-policy sections; a strategy without one is
 * judged by its summary and the prose before its first section instead. Metrics, goals and OKR
 * sections are where targets belong, so they are never in scope.
 */
function scope(doc: StrategyDocument): TextBlock[] {
  const policies = roleSections(doc, 'guiding-policy');
  if (policies.length > 0) {
    const seen = new Set<TextBlock>();
    for (const section of policies) {
      for (const block of doc.sectionBlocks(section)) {
        if (block.kind !== 'heading' && offsetHasRole(doc, block.start, 'guiding-policy')) seen.add(block);
      }
    }
    return [...seen].sort((a, b) => a.start - b.start);
  }
  if (doc.type !== 'strategy') return [];
  return doc.textBlocks.filter((block) => {
    if (block.kind === 'heading') return false;
    const section = doc.sectionAt(block.start);
    const owner = roleOwner(doc, section);
    if (owner) return owner.roles.includes('summary') && !owner.roles.includes('metrics');
    // Prose under the title only (the introduction), not under other role-less sections.
    return section === null || section === doc.titleSection;
  });
}
