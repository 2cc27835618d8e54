/**
 * A progress line on stderr while a long run lints (`Linting 120/480 docs/rfcs/0120-…md`),
 * only when stderr is a terminal and there are enough files to wait for; redrawn in place
 * (carriage return, erase line) at most every 100 ms, and erased before the results are printed.
 * Piped, in CI or with few files, nothing is written.
 */
import { terminalSafe } from './terminal.js';

/** Fewer files than this finish before a progress line would help. */
export const PROGRESS_MIN_FILES = 20;
const REDRAW_MS = 100;
const ERASE = '\r\u001b[K';

export class Progress {
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void,
    private readonly columns = 80,
    private readonly now: () => number = Date.now,
  ) {}

  static for(total: number, stderr: (text: string) => void, isTTY: boolean, columns?: number): Progress | null {
    return isTTY && total >= PROGRESS_MIN_FILES ? new Progress(total, stderr, columns) : null;
  }

  /** Before linting the `index`th file (0-based). */
  update(index: number, file: string): void {
    const time = this.now();
    if (this.drawn && time - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = time;
    this.drawn = true;
    const head = `Linting ${index + 1}/${this.total} `;
    const room = Math.max(0, this.columns - 1 - head.length);
    const name = terminalSafe(file);
    const shown = name.length > room ? `…${name.slice(name.length - room + 1)}` : name;
    this.write(`${ERASE}${head}${room > 0 ? shown : ''}`);
  }

  /** Erase the line, so the results start on a clean one. */
  done(): void {
    if (this.drawn) this.write(ERASE);
    this.drawn = false;
  }
}
