/**
 * Text for a terminal: document text, file names and config keys can hold control characters,
 * and printed raw they are commands to the terminal — set the window title, clear the screen,
 * recolour, or write to the clipboard (OSC 52) — with or without --no-color. Every C0 and C1
 * control character but the tab is replaced by a visible stand-in: C0 ones and DEL by their
 * Unicode control pictures (␛ for ESC), C1 ones by U+FFFD. JSON and SARIF output keep the text
 * as it is: JSON escapes it, and tools read it.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function standIn(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** One field (a message, a file name, a key): every control character but the tab replaced. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, standIn);
}

/** A whole block of lines (the review, stderr lines): line feeds kept, every other control character replaced. */
export function terminalSafeLines(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, standIn);
}
