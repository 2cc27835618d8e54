/**
 * Byte-order marks at the start of a text. micromark drops one at the start of whatever it
 * parses, so the parser, the chunker and the markup limits must agree on where the text proper
 * begins: after all of them (editors and concatenated files can leave more than one).
 */
export function leadingByteOrderMarks(text: string): number {
  let count = 0;
  while (text.charCodeAt(count) === 0xfeff) count++;
  return count;
}
