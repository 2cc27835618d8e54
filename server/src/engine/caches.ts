/**
 * The engine keeps what it parsed (Markdown chunks, sentence trees of prose blocks) across lints,
 * so a text linted again, or one sharing paragraphs with it, costs little. A caller that lints
 * many unrelated documents (the CLI over a folder) releases them now and then to bound its memory.
 */
import { sharedParser } from './incremental/parse-cache.js';
import { clearBlockCache } from './model/sentences.js';

export function releaseCaches(): void {
  sharedParser.clear();
  clearBlockCache();
}
