// harper.js has no command line: this is the smallest one, so its cold start can be timed like
// the other linters' CLIs. It lints one Markdown file in Node with the LocalLinter (the
// WorkerLinter needs a browser's Web Workers) and prints the findings, one a line.
//
//   node bench/harper-lint.mjs FILE
import * as fs from 'node:fs';
import { Dialect, LocalLinter } from 'harper.js';
import { binary } from 'harper.js/binary';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/harper-lint.mjs FILE');
  process.exit(2);
}
const started = performance.now();
const text = fs.readFileSync(file, 'utf8');
const linter = new LocalLinter({ binary, dialect: Dialect.American });
await linter.setup();
const ready = performance.now();
const lints = await linter.lint(text, { language: 'markdown' });
// Where the time went (the bench reads this line from stderr).
console.error(`harper.js timing: setup ${Math.round(ready - started)} ms, lint ${Math.round(performance.now() - ready)} ms`);
for (const lint of lints) {
  const span = lint.span();
  console.log(`${file}:${span.start}-${span.end} ${lint.lint_kind()} ${lint.message()}`);
}
console.log(`${lints.length} problems`);
process.exitCode = lints.length > 0 ? 1 : 0;
