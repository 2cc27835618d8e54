/**
 * Data safety of the CLI (issue 15): `--fix` never loses a byte (atomic replacement, edits made
 * while it runs, links, files that are not Markdown or not UTF-8), folders honour every
 * .gitignore up to the repository root, special and huge files are refused by name, and what
 * reaches a terminal or a code-scanning upload cannot be turned against its reader.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run, type CliIo } from '../src/cli/main.js';
import { fixturesDir, repoRoot } from './helpers/paths.js';
import { WEAK_MEMO } from './helpers/documents.js';
import { tempTree } from './helpers/temp-tree.js';

const CLI = path.join(repoRoot, 'server', 'out', 'cli.js');

const FIXED_LINE = 'We will use our platform to unlock new segments.';
/** The memo typed by its front matter, so that a file of any name gets its fixes. */
const TYPED_MEMO = `---\nstrategy-lint:\n  type: strategy\n---\n${WEAK_MEMO}`;

/** Release notes whose preferred fixes (ticket keys moved into comments) make them larger. */
function releaseNotes(size: number): string {
  let text = '# Release notes\n\n## 2.4.0 — 2026-11-02\n\n';
  for (let i = 0; text.length < size; i++) text += `- You can now export reports to CSV, so you save an hour a week (PAY-${100 + i}).\n`;
  return text;
}

function cli(args: string[], cwd: string, timeout = 60_000) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout, killSignal: 'SIGKILL' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined || result.signal === 'SIGKILL' };
}

/** The CLI in this process, with a hook between reading a file and replacing it. */
async function cliInProcess(args: string[], cwd: string, beforeReplace?: (file: string) => void) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, isTTY: false, env: { NO_COLOR: '1' }, beforeReplace };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const mounts: string[] = [];
after(() => {
  for (const mount of mounts) spawnSync('umount', [mount]);
});

/** A tmpfs of `size` mounted on a new folder, or null when this process may not mount one. */
function smallTmpfs(size: string): string | null {
  if (!isRoot || process.platform !== 'linux') return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-full-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return null;
  mounts.push(dir);
  return dir;
}

function fillDisk(dir: string): void {
  const block = Buffer.alloc(4096, 0x61);
  const fd = fs.openSync(path.join(dir, 'fill'), 'w');
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
  } finally {
    fs.closeSync(fd);
  }
}

describe('--fix never loses a byte', () => {
  const fullDisk = smallTmpfs('64k');
  test('item 1: on a full disk the original is left whole, the error names the file, the other files are fixed, exit 2', { skip: fullDisk ? false : 'needs root on Linux to mount a 64 KB tmpfs' }, () => {
    const dir = fullDisk!;
    const notes = releaseNotes(20_000);
    fs.writeFileSync(path.join(dir, 'RELEASE_NOTES.md'), notes);
    fillDisk(dir);
    const other = tempTree('sl-full-other-', { 'STRATEGY.md': WEAK_MEMO });
    const { code, stdout, stderr, timedOut } = cli(['--fix', path.join(dir, 'RELEASE_NOTES.md'), path.join(other, 'STRATEGY.md')], other);
    assert.equal(timedOut, false);
    assert.equal(fs.readFileSync(path.join(dir, 'RELEASE_NOTES.md'), 'utf8'), notes, 'the original is untouched');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['RELEASE_NOTES.md', 'fill'], 'no temporary file is left behind');
    assert.match(stdout + stderr, /RELEASE_NOTES\.md: error not fixed: .*no space left on the device/);
    assert.doesNotMatch(stderr, /internal error|\n\s+at /, 'no stack trace');
    assert.match(fs.readFileSync(path.join(other, 'STRATEGY.md'), 'utf8'), new RegExp(FIXED_LINE), 'the next file is still fixed');
    assert.equal(code, 2);
  });

  test('item 1: the fixed file replaces the original atomically and keeps its mode', () => {
    const dir = tempTree('sl-fix-mode-', { 'STRATEGY.md': WEAK_MEMO });
    const file = path.join(dir, 'STRATEGY.md');
    fs.chmodSync(file, 0o640);
    const inode = fs.statSync(file).ino;
    assert.equal(cli(['--fix', 'STRATEGY.md'], dir).code, 0);
    assert.match(fs.readFileSync(file, 'utf8'), new RegExp(FIXED_LINE));
    assert.equal(fs.statSync(file).mode & 0o7777, 0o640);
    assert.notEqual(fs.statSync(file).ino, inode, 'a new file was renamed over the original, not rewritten in place');
    assert.deepEqual(fs.readdirSync(dir), ['STRATEGY.md']);
  });

  test('item 2: a file edited after it was read is not replaced, and the run says so', async () => {
    const dir = tempTree('sl-fix-race-', { 'STRATEGY.md': WEAK_MEMO, 'OTHER.strategy.md': WEAK_MEMO });
    const edited = `${WEAK_MEMO}\nA line typed while the linter ran.\n`;
    const { code, stdout } = await cliInProcess(['--fix', '.'], dir, (file) => {
      if (path.basename(file) === 'STRATEGY.md') fs.writeFileSync(file, edited);
    });
    assert.equal(fs.readFileSync(path.join(dir, 'STRATEGY.md'), 'utf8'), edited, 'the edit survives');
    assert.match(stdout, /STRATEGY\.md: warning not fixed: it changed after it was read/);
    assert.match(fs.readFileSync(path.join(dir, 'OTHER.strategy.md'), 'utf8'), new RegExp(FIXED_LINE), 'the other file is fixed');
    assert.equal(code, 0);
  });

  test('item 3: links to files outside the folder are linted but never written; linked folders are not followed', () => {
    const outside = tempTree('sl-outside-', { 'target.md': TYPED_MEMO, 'folder/STRATEGY.md': WEAK_MEMO });
    const dir = tempTree('sl-links-', { 'docs/STRATEGY.md': WEAK_MEMO, 'docs/inside-target.md': TYPED_MEMO });
    fs.symlinkSync(path.join(outside, 'target.md'), path.join(dir, 'docs', 'notes.md'));
    fs.symlinkSync(path.join(outside, 'folder'), path.join(dir, 'docs', 'linked'));
    fs.symlinkSync('inside-target.md', path.join(dir, 'docs', 'inside-link.md'));
    const { stdout } = cli(['--fix', 'docs'], dir);
    assert.equal(fs.readFileSync(path.join(outside, 'target.md'), 'utf8'), TYPED_MEMO, 'the target outside is untouched');
    assert.equal(fs.readFileSync(path.join(outside, 'folder', 'STRATEGY.md'), 'utf8'), WEAK_MEMO, 'the linked folder is untouched');
    assert.ok(fs.lstatSync(path.join(dir, 'docs', 'notes.md')).isSymbolicLink(), 'the link is still a link');
    assert.match(stdout, /docs\/notes\.md: warning not fixed: it is a symbolic link to a file outside docs/);
    assert.doesNotMatch(stdout, /linked/, 'nothing under the linked folder was linted');
    assert.match(fs.readFileSync(path.join(dir, 'docs', 'STRATEGY.md'), 'utf8'), new RegExp(FIXED_LINE));
    // A link to a file inside the folder is written through: the target changes, the link stays.
    assert.ok(fs.lstatSync(path.join(dir, 'docs', 'inside-link.md')).isSymbolicLink());
    assert.match(fs.readFileSync(path.join(dir, 'docs', 'inside-target.md'), 'utf8'), new RegExp(FIXED_LINE));
    const linted = cli(['--format', 'json', 'docs'], dir);
    const files = new Set((JSON.parse(linted.stdout) as { file: string }[]).map((f) => f.file));
    assert.ok(files.has('docs/notes.md'), 'a linked file is still linted');
    assert.ok(![...files].some((f) => f.startsWith('docs/linked/')));
  });

  test('item 4: files named on the command line that are not Markdown or not UTF-8 are skipped with a warning, never written', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x80]);
    const latin1 = Buffer.concat([Buffer.from(TYPED_MEMO, 'latin1'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]);
    const dir = tempTree('sl-not-md-', { 'docs/STRATEGY.md': WEAK_MEMO, 'docs/notes.txt': TYPED_MEMO });
    fs.writeFileSync(path.join(dir, 'docs', 'image.png'), png);
    fs.writeFileSync(path.join(dir, 'docs', 'latin1.md'), latin1);
    const names = ['image.png', 'latin1.md', 'notes.txt', 'STRATEGY.md'].map((name) => `docs/${name}`);
    const { code, stdout } = cli(['--fix', ...names], dir);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'docs', 'image.png')), png);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'docs', 'latin1.md')), latin1);
    assert.equal(fs.readFileSync(path.join(dir, 'docs', 'notes.txt'), 'utf8'), TYPED_MEMO);
    assert.match(stdout, /docs\/image\.png: warning skipped: not a Markdown file/);
    assert.match(stdout, /docs\/notes\.txt: warning skipped: not a Markdown file/);
    assert.match(stdout, /docs\/latin1\.md: warning skipped: .*not valid UTF-8/);
    assert.match(fs.readFileSync(path.join(dir, 'docs', 'STRATEGY.md'), 'utf8'), new RegExp(FIXED_LINE));
    assert.equal(code, 0);
  });

  test('item 5: every .gitignore from the repository root applies when linting a subfolder', () => {
    const dir = tempTree('sl-gitignore-root-', {
      '.gitignore': 'docs/generated/\n',
      'docs/STRATEGY.md': WEAK_MEMO,
      'docs/generated/gen.md': TYPED_MEMO,
      'docs/drafts/.gitignore': 'old.md\n',
      'docs/drafts/old.md': TYPED_MEMO,
      'docs/drafts/new.md': TYPED_MEMO,
    });
    fs.mkdirSync(path.join(dir, '.git'));
    const docs = path.join(dir, 'docs');
    cli(['--fix', '.'], docs);
    assert.equal(fs.readFileSync(path.join(docs, 'generated', 'gen.md'), 'utf8'), TYPED_MEMO, 'ignored by the root .gitignore');
    assert.equal(fs.readFileSync(path.join(docs, 'drafts', 'old.md'), 'utf8'), TYPED_MEMO, 'ignored by the nested .gitignore');
    assert.match(fs.readFileSync(path.join(docs, 'drafts', 'new.md'), 'utf8'), new RegExp(FIXED_LINE));
    assert.match(fs.readFileSync(path.join(docs, 'STRATEGY.md'), 'utf8'), new RegExp(FIXED_LINE));
    const files = new Set((JSON.parse(cli(['--format', 'json', '**/*.md'], docs).stdout) as { file: string }[]).map((f) => f.file));
    assert.ok(!files.has('generated/gen.md') && !files.has('drafts/old.md'), [...files].join(', '));
  });
});

describe('special and huge files are refused by name', () => {
  const fifo = (file: string) => spawnSync('mkfifo', [file]).status === 0;
  test('item 6: a document that is /dev/zero, a FIFO or too large is an error naming it; the others are linted', { skip: process.platform === 'win32' ? 'no /dev/zero or FIFOs on Windows' : false }, () => {
    const dir = tempTree('sl-special-docs-', { 'STRATEGY.md': WEAK_MEMO, 'big.md': `# Big\n\n${'word '.repeat(4_000_000)}\n` });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    assert.ok(fifo(path.join(dir, 'pipe.md')));
    fs.writeFileSync(path.join(dir, '.strategy-lint.json'), JSON.stringify({ maxDocumentLength: 1000 }));
    const { code, stdout, timedOut } = cli(['.'], dir, 30_000);
    assert.equal(timedOut, false, 'the run ends');
    assert.match(stdout, /zero\.md: error is a character device, not a regular file/);
    assert.match(stdout, /pipe\.md: error is a named pipe, not a regular file/);
    assert.match(stdout, /big\.md: error is 19\.1 MB, more than the 15\.3 MB Strategy Lint reads/);
    assert.match(stdout, /^STRATEGY\.md \(strategy\)$/m, 'the other document is linted');
    assert.equal(code, 2);
  });

  test('item 6: extends naming a FIFO, a huge file or a device is a problem naming the file; linting goes on', { skip: process.platform === 'win32' ? 'no FIFOs on Windows' : false }, () => {
    const dir = tempTree('sl-special-config-', { 'STRATEGY.md': WEAK_MEMO, 'huge.json': `{"rules": {}, "pad": "${'x'.repeat(5 * 1024 * 1024)}"}` });
    fs.mkdirSync(path.join(dir, '.git'));
    assert.ok(fifo(path.join(dir, 'pipe.json')));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
    fs.writeFileSync(path.join(dir, '.strategy-lint.json'), JSON.stringify({ extends: ['./pipe.json', './huge.json', './zero.json'] }));
    const { code, stdout, stderr, timedOut } = cli(['--format', 'json', 'STRATEGY.md'], dir, 30_000);
    assert.equal(timedOut, false, 'the run ends');
    assert.match(stderr, /pipe\.json: config error \(file\): is a named pipe, not a regular file/);
    assert.match(stderr, /huge\.json: config error \(file\): is 5\.0 MB, more than the 4\.0 MB Strategy Lint reads/);
    assert.match(stderr, /\.strategy-lint\.json: config error extends: "\.\/zero\.json" leads outside the repository/);
    assert.ok((JSON.parse(stdout) as unknown[]).length > 0, 'the document is linted with the defaults');
    assert.equal(code, 2);
  });
});

describe('output that reaches a terminal or another tool', () => {
  const hostile = '\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007\u009b31m';
  test('item 9: control characters from documents, file names and config keys never reach the terminal; JSON keeps them', () => {
    const name = 'we\u001b[2Jird.strategy.md';
    const memo = `# Growth ${hostile} strategy\n\n## Guiding policy\n\nWe will leverage "${hostile}" our world-class platform.\n`;
    const dir = tempTree('sl-escapes-', { [name]: memo, '.strategy-lint.json': JSON.stringify({ [`key${hostile}`]: 1 }) });
    for (const args of [['.'], ['--no-color', '.'], ['--color', '.'], ['review', name]]) {
      const { stdout, stderr } = cli(args, dir);
      const printed = stdout + stderr;
      assert.ok(printed.length > 0);
      for (const sequence of ['\u001b]', '\u001b[2J', '\u0007', '\u009b', '\u001b[31mred']) assert.ok(!printed.includes(sequence), `${args.join(' ')}: ${JSON.stringify(sequence)} reached the terminal`);
    }
    const json = cli(['--format', 'json', '.'], dir);
    const findings = JSON.parse(json.stdout) as { file: string; message: string }[];
    assert.ok(findings.some((f) => f.file === name), 'JSON keeps the file name as it is');
    assert.ok(!json.stderr.includes('\u001b'), 'config problems on stderr are cleaned too');
  });

  test('item 10: SARIF validates against the 2.1.0 schema; each URI segment is encoded; files outside the root get file: URIs', () => {
    const outside = tempTree('sl-sarif-outside-', { 'b.strategy.md': WEAK_MEMO });
    const dir = tempTree('sl-sarif-', { 'we#ird?dir/a 100%.strategy.md': WEAK_MEMO });
    const { stdout } = cli(['--format', 'sarif', '.', path.join(outside, 'b.strategy.md')], dir);
    const sarif = JSON.parse(stdout);
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv-draft-04') as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
    const addFormats = require('ajv-formats') as (ajv: object) => void;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(fixturesDir, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')));
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const root = pathToFileURL(`${fs.realpathSync(dir)}/`);
    const locations = (sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[])
      .map((r) => r.locations[0].physicalLocation.artifactLocation);
    const resolved = new Set(locations.map((l) => fileURLToPath(l.uriBaseId === '%SRCROOT%' ? new URL(l.uri, root) : new URL(l.uri))));
    assert.deepEqual([...resolved].sort(), [path.join(fs.realpathSync(dir), 'we#ird?dir', 'a 100%.strategy.md'), path.join(fs.realpathSync(outside), 'b.strategy.md')].sort());
    for (const location of locations) {
      if (location.uriBaseId) assert.ok(!location.uri.startsWith('../'), `${location.uri} leaves %SRCROOT%`);
      else assert.match(location.uri, /^file:\/\//);
    }
  });
});
