/** Placeholders a template leaves behind (TODO, `<the obstacle?>`, `${1:owner}`), and the prose words of blocks once they are set aside. */
import type { StrategyDocument } from '../model/document.js';
import { countWords } from '../model/word-count.js';
import { writesWithoutSpaces } from '../model/languages/index.js';
import { phraseMatcher } from './phrases.js';

/** Default placeholder words and phrases: what a template leaves behind. */
export const DEFAULT_PLACEHOLDERS: readonly string[] = [
  'TODO', 'TBD', 'TBC', 'TK', 'FIXME', 'XXX', 'N/A', 'WIP', 'lorem ipsum', 'dolor sit amet', 'fill in', 'fill this in',
  'to be written', 'to be defined', 'to be determined', 'to be decided', 'to be confirmed', 'coming soon',
  'details to follow', 'more to come', 'work in progress', 'placeholder', 'see below', 'see above', 'insert here',
];

/** Template tokens: `<the obstacle?>`, `${1:owner}`, `[fill in]`, `{{name}}`. Flat patterns, linear. */
const TEMPLATE_TOKEN = /<[\p{L}][^<>\n]{0,300}>|\$\{[^{}\n]{0,300}\}|\{\{[^{}\n]{0,300}\}\}|\[(?:insert|add|fill|describe|your|todo|tbd)[^[\]\n]{0,200}\]/giu;

/** True when the text still holds an unfilled template token (`<the obstacle?>`, `${1:owner}`). */
export function hasTemplateToken(text: string): boolean {
  TEMPLATE_TOKEN.lastIndex = 0;
  const found = TEMPLATE_TOKEN.test(text);
  TEMPLATE_TOKEN.lastIndex = 0;
  return found;
}

/** Prose with placeholders and template tokens blanked out (same length). */
export function withoutPlaceholders(text: string, placeholders: readonly string[]): { text: string; placeholders: number } {
  let count = 0;
  let result = text.replace(TEMPLATE_TOKEN, (token) => {
    count++;
    return ' '.repeat(token.length);
  });
  const matches = phraseMatcher(placeholders, { inflect: false }).matchAll(result);
  if (matches.length > 0) {
    count += matches.length;
    let rebuilt = '';
    let from = 0;
    for (const match of matches) {
      rebuilt += result.slice(from, match.index) + ' '.repeat(match.length);
      from = match.index + match.length;
    }
    result = rebuilt + result.slice(from);
  }
  return { text: result, placeholders: count };
}

/** Words of real prose in some blocks, placeholders aside. */
export function proseWords(blocks: readonly { text: string }[], placeholders: readonly string[]): { words: number; placeholders: number } {
  let words = 0;
  let found = 0;
  for (const block of blocks) {
    const cleaned = withoutPlaceholders(block.text, placeholders);
    words += countWords(cleaned.text);
    found += cleaned.placeholders;
  }
  return { words, placeholders: found };
}

/**
 * Words of real prose in a section's blocks, placeholders aside, as the kernel's empty-section
 * check and the review's kernel map both count them. Japanese and Chinese write no spaces: their
 * words are counted by characters (document.countWords).
 */
export function sectionProseWords(doc: StrategyDocument, blocks: readonly { text: string }[], placeholders: readonly string[]): { words: number; placeholders: number } {
  const counted = proseWords(blocks, placeholders);
  if (counted.words === 0 || !writesWithoutSpaces(doc.language.code)) return counted;
  return { words: Math.max(counted.words, doc.countWords(blocks.map((block) => block.text).join(' ')) - counted.placeholders), placeholders: counted.placeholders };
}
