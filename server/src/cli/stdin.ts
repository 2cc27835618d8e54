/**
 * `--stdin`: the document comes on standard input, as editors (efm-langserver, none-ls, ALE) and
 * pipelines send it. Read up to the same bound as a file, and only as UTF-8 text.
 */
import { decodeUtf8, formatBytes } from '../config/read-file.js';

export class StdinError extends Error {}

export async function readStdinText(stdin: AsyncIterable<Uint8Array> | undefined, limit: number): Promise<string> {
  if (!stdin) throw new StdinError('standard input cannot be read here');
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    total += chunk.length;
    if (total > limit) throw new StdinError(`standard input is more than the ${formatBytes(limit)} Strategy Lint reads, so it was not linted`);
    chunks.push(chunk);
  }
  const text = decodeUtf8(Buffer.concat(chunks, total));
  if (text === null) throw new StdinError('standard input is not valid UTF-8 text, so it was not linted');
  return text;
}
