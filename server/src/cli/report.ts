import type { ConfigProblem, DocType, Finding } from '../engine/index.js';

/** What the CLI learned about one file. */
export interface FileReport {
  /** Path as shown to the user: relative to the working folder, with forward slashes. */
  file: string;
  docType: DocType;
  /** How the type was decided ("folder strategy/ and title “Platform strategy”"). */
  docTypeReason?: string;
  findings: Finding[];
  configProblems: ConfigProblem[];
  /** Set when the file could not be read, or `--fix` could not write it (exit 2). */
  error?: string;
  /** Warnings about the file: not linted (not Markdown, not UTF-8), or not fixed (a link out of the folder, changed meanwhile). */
  notes?: string[];
  /** Not linted at all (the reason is in `notes`): not counted among the files linted. */
  skipped?: boolean;
}
