/** Words of a text (letters or digits, with inner apostrophes and hyphens), counted once per text. */
import { TextMemo } from '../text/memo.js';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Word counts by text: rules count the same blocks on every lint. */
const wordCounts = new TextMemo<number>();

export function countWords(text: string): number {
  return text.length < 32 ? countWordsOf(text) : wordCounts.get(text, countWordsOf);
}

function countWordsOf(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}
