/**
 * Incremental linting: a LintSession lints successive versions of one document and reuses, from
 * one version to the next, everything an edit cannot have changed:
 *
 *   - the Markdown parse, by chunk (cut before column-0 headings and before paragraphs that
 *     follow a blank line; see chunks.ts): only the chunks the edit touched are parsed again, the
 *     others keep their nodes, shifted in place when they moved (session-parser.ts);
 *   - the sentence layer (nlcst), by prose block: unchanged blocks keep their trees, shifted in
 *     place when they moved (nlcst.ts);
 *   - through those nodes and trees, what the model and the rules keep per node, paragraph or
 *     sentence (text blocks, retext plugin messages, readability counts, passive-voice scans),
 *     and per text (phrase matches, word counts, stems).
 *
 * The nodes and trees belong to the session: a result of an earlier version shares them, and
 * sees the positions of the latest version once a later lint has started.
 *
 * The document model (sections, items, type…) and the rules then run over the whole document as
 * lint() does, so the findings are exactly lint()'s for the same text and options (property
 * tests in test/incremental-*.test.ts check this after random edits).
 */
import { documentOptions, lintSteps, type LintOptions, type LintResult } from '../lint.js';
import { buildNlcst } from '../model/sentences.js';
import { StrategyDocument } from '../model/document.js';
import { SessionParser } from './session-parser.js';
import { NlcstPlacements } from './nlcst.js';

interface SessionStats {
  /** Chunks of Markdown parsed (the others were reused). */
  parsedChunks: number;
  /** Prose blocks whose sentence trees were parsed (the others were reused). */
  parsedBlocks: number;
}

export class LintSession {
  private readonly parser = new SessionParser();
  private readonly placements = new NlcstPlacements();
  /** Counts the lints started: a document of an older lint does not touch the session's trees. */
  private generation = 0;

  constructor(private options: LintOptions = {}) {}

  /** Options for the next lints (configuration changed). The caches do not depend on them. */
  setOptions(options: LintOptions): void {
    this.options = options;
  }

  get lintOptions(): LintOptions {
    return this.options;
  }

  /** Lint this version of the document: the same result as `lint(text, options)`. */
  lint(text: string): LintResult {
    const steps = this.lintSteps(text);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The lint as steps (see lintSteps in lint.ts): yields a rule id before each rule. Only the
   * latest lint started updates the session; an abandoned one can be dropped at any step.
   */
  lintSteps(text: string): Generator<string, LintResult, void> {
    const generation = ++this.generation;
    const { root, limits } = this.parser.parse(text);
    const nlcst = (document: StrategyDocument) =>
      generation === this.generation
        ? this.placements.build(document)
        : buildNlcst(document.root, document.text, document.textBlocks, document.lines);
    return lintSteps(text, this.options, { root, nlcst, limits });
  }

  /**
   * The document model of a version without running the rules (outline, code lens): parsed
   * through the session's chunks, so it costs little more than the edit.
   */
  model(text: string): StrategyDocument {
    return new StrategyDocument(text, { ...documentOptions(this.options), root: this.parser.parse(text).root });
  }

  /** What the latest lint parsed: chunks of Markdown, and blocks for the sentence layer (when it needed them). */
  get stats(): SessionStats {
    return { parsedChunks: this.parser.parsedChunks, parsedBlocks: this.placements.parsedBlocks };
  }

  /** Release the trees (the document was closed). */
  dispose(): void {
    this.parser.clear();
    this.placements.clear();
  }
}
