/** A temporary folder holding the given files (paths relative to it, folders created as needed). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function tempTree(prefix: string, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
