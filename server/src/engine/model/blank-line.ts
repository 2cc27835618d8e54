/**
 * micromark's blank-line check without its cost in deep containers.
 *
 * Every open list item asks, on every line, whether the rest of the line is blank
 * (`effects.check(blankLine, …)` in micromark-core-commonmark's list continuation), and the check
 * consumes all the line's leading blanks before it is rewound. With d list items open and a line
 * indented by L blanks that is d × L steps a line: a list nested 2,000 levels deep by indentation
 * (each level two more blanks) took 24 s to lint, quadratic in the depth.
 *
 * While parseMarkdown runs, the source it parses is known, and micromark's offsets are offsets in
 * it (a tab's virtual spaces share the offset after the tab). So the construct answers "not
 * blank" at once when the source shows a character other than a blank before the line ends —
 * the answer the original gives after consuming the blanks, which a check or failed attempt
 * rewinds anyway. The first non-blank character after a run is found once per run (the open
 * items all ask inside the same run), so a line costs its length plus its depth. Otherwise (a
 * blank rest of line, or no known source) the original tokenizer runs unchanged.
 */
import { blankLine } from 'micromark-core-commonmark';
import type { Code, Effects, State, TokenizeContext } from 'micromark-util-types';

type Tokenize = (this: TokenizeContext, effects: Effects, ok: State, nok: State) => State;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
/** micromark codes for a tab and its virtual spaces. */
const HORIZONTAL_TAB = -2;
const VIRTUAL_SPACE = -1;

/** The text parseMarkdown is parsing, and the last run of blanks found in it. */
let source: string | null = null;
let generation = 0;
let enabled = true;
const run = { generation: -1, from: -1, to: -1 };

/** Offset of the first character at or after `offset` that is not a space or a tab. */
function firstNonBlank(text: string, offset: number): number {
  if (run.generation === generation && run.from <= offset && offset <= run.to) return run.to;
  let at = offset;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code !== SPACE && code !== TAB) break;
    at++;
  }
  run.generation = generation;
  run.from = offset;
  run.to = at;
  return at;
}

const original = blankLine.tokenize as Tokenize;

const fast: Tokenize = function tokenizeBlankLine(effects, ok, nok) {
  const start = original.call(this, effects, ok, nok);
  const text = enabled ? source : null;
  if (text === null) return start;
  const context = this;
  return function startOfBlankLine(code: Code): State | undefined {
    if (code === SPACE || code === TAB || code === HORIZONTAL_TAB || code === VIRTUAL_SPACE) {
      const end = firstNonBlank(text, context.now().offset);
      const next = text.charCodeAt(end);
      if (end < text.length && next !== LF && next !== CR) return nok(code);
    }
    return start(code);
  };
};

/** Whether the fast check is installed (false if micromark changed shape: parsing works, only slower in deep lists). */
export const fastBlankLine = typeof original === 'function' && blankLine.partial === true;
if (fastBlankLine) (blankLine as { tokenize: Tokenize }).tokenize = fast;

/** Parse `text` with the fast check reading it (parsing is not re-entrant, but nesting is restored anyway). */
export function withBlankLineSource<T>(text: string, parse: () => T): T {
  const outer = source;
  source = text;
  generation++;
  try {
    return parse();
  } finally {
    source = outer;
    generation++;
  }
}

/** Turn the fast check off or on (tests compare both); returns the previous state. */
export function setFastBlankLine(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}
