/** Types for scripts/snippet-grammar.mjs (VS Code snippet body → plain text). */

/** The date used for deterministic output: pass `{ date: FIXED_DATE }`. */
export declare const FIXED_DATE: '2026-11-21';

export interface Transform {
  regex: string;
  format: string;
  options: string;
}

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children: SnippetNode[] | null; choices: string[] | null; transform: Transform | null }
  | { type: 'variable'; name: string; children: SnippetNode[] | null; transform: Transform | null };

export interface FillOptions {
  /** Date for CURRENT_YEAR, CURRENT_MONTH, …: a Date, or `YYYY-MM-DD` read as local midnight. Default: now. */
  date?: Date | string;
  /** Values for other variables (TM_FILENAME, …); they win over the date variables. */
  variables?: Record<string, string>;
}

/** Parse a snippet body (string, or a `.code-snippets` body array of lines). */
export declare function parseSnippet(body: string | readonly string[]): SnippetNode[];

/** Tab stop numbers used in a body, ascending, without duplicates (0 included when present). */
export declare function tabStopsOf(body: string | readonly string[]): number[];

/**
 * Replace each tab stop with `samples[N]` (else its default / first choice / ''), resolve variables,
 * apply transforms and unescape `\$`, `\}`, `\\`.
 */
export declare function fillWithSamples(
  body: string | readonly string[],
  samples?: Readonly<Record<string, string>>,
  options?: FillOptions,
): string;

/** The date and time variables VS Code resolves, for one moment (local time). */
export declare function dateVariables(date: Date): Record<string, string>;
