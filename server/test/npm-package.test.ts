/**
 * The `strategy-lint` npm package as a new user gets it: `scripts/pack-cli.mjs` packs the
 * tarball, which is installed OFFLINE (`npm install --offline ./strategy-lint-x.y.z.tgz`: it has no
 * dependencies) into an empty temporary project. There `npx strategy-lint` lints a document, prints
 * its version and the review; `strategy-lint-language-server --stdio` answers initialize, didOpen
 * and publishes diagnostics; `require` and `import` give the API and TypeScript finds its types.
 * The same project runs the GitHub Action's step (action.yml) and the pre-commit hook
 * (.pre-commit-hooks.yaml) as their files say.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { allRules, DOCS_BASE_URL } from '../src/engine/index.js';
import { VERSION } from '../src/version.js';
import { repoRoot } from './helpers/paths.js';
import { WEAK_MEMO } from './helpers/documents.js';
import { fileUri, LspTestClient } from './helpers/lsp-client.js';

const ROADMAP = `# Roadmap

## Now

- Spreadsheet import
`;

let tmp: string;
let project: string;
let tarball: string;
let env: NodeJS.ProcessEnv;

/** The environment of a user's shell: no npm variables of the outer `npm test`, no repository bins on PATH, npm offline with its own cache. */
function userEnvironment(): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== 'INIT_CWD') clean[key] = value;
  clean.PATH = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.includes(`node_modules${path.sep}.bin`)).join(path.delimiter);
  return { ...clean, npm_config_offline: 'true', npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1' };
}

function sh(command: string, args: string[], options: { cwd?: string; input?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: options.cwd ?? project, env, encoding: 'utf8', input: options.input, timeout: 120_000 });
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-npm-'));
  env = userEnvironment();
  project = path.join(tmp, 'new-project');
  fs.mkdirSync(path.join(project, 'strategy'), { recursive: true });
  fs.mkdirSync(path.join(project, '.git'));
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "new-project", "private": true }\n');
  fs.writeFileSync(path.join(project, 'strategy', 'growth.md'), WEAK_MEMO);
  fs.writeFileSync(path.join(project, 'ROADMAP.md'), ROADMAP);
  // Packs into tmp and runs `npm install --offline ./strategy-lint-<version>.tgz` in the project.
  const packed = execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'pack-cli.mjs'), '--out', tmp, '--install', project], { cwd: repoRoot, env, encoding: 'utf8', timeout: 240_000 });
  tarball = packed.trim().split('\n').pop()!;
  assert.equal(path.basename(tarball), `strategy-lint-${VERSION}.tgz`);
  assert.ok(fs.existsSync(path.join(project, 'node_modules', '.bin', 'strategy-lint')), 'installed, with its bins');
}, { timeout: 300_000 });

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the strategy-lint npm package', () => {
  test('holds exactly its allow-list: bundles, types, schema, rule pages, README, LICENSE — and no dependencies', () => {
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((name) => name.replace(/^package\//, '')).sort();
    const expected = [
      'LICENSE', 'README.md', 'package.json',
      'bin/strategy-lint-language-server.cjs', 'bin/strategy-lint.cjs',
      'out/api.d.ts', 'out/api.js', 'out/cli.js', 'out/server.js',
      'schemas/strategy-lint.schema.json',
      'docs/rules/README.md', ...allRules.map((rule) => `docs/rules/${rule.meta.id}.md`),
    ].sort();
    assert.deepEqual(listing, expected);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'strategy-lint', 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.name, 'strategy-lint');
    assert.equal(manifest.version, VERSION);
    assert.equal(manifest.private, undefined, 'publishable');
    assert.equal(manifest.dependencies, undefined, 'no runtime dependencies: everything is bundled');
    assert.deepEqual(manifest.bin, { 'strategy-lint': 'bin/strategy-lint.cjs', 'strategy-lint-language-server': 'bin/strategy-lint-language-server.cjs' });
    assert.deepEqual(manifest.engines, { node: '>=20' });
    assert.ok(Array.isArray(manifest.files));
  });

  test('every rule link (DOCS_BASE_URL) names a page the package holds', () => {
    const prefix = `https://unpkg.com/strategy-lint@${VERSION}/`;
    assert.ok(DOCS_BASE_URL.startsWith(prefix), DOCS_BASE_URL);
    const installed = path.join(project, 'node_modules', 'strategy-lint');
    for (const rule of allRules) assert.ok(fs.existsSync(path.join(installed, DOCS_BASE_URL.slice(prefix.length), `${rule.meta.id}.md`)), rule.meta.id);
  });

  test('the README\'s $schema path is the installed package\'s schema', () => {
    for (const readme of [path.join(repoRoot, 'README.md'), path.join(repoRoot, 'packages', 'strategy-lint', 'README.md')]) {
      const schemas = [...fs.readFileSync(readme, 'utf8').matchAll(/"\$schema": "([^"]+)"/g)].map((m) => m[1]);
      assert.ok(schemas.length > 0, readme);
      for (const schema of schemas) assert.ok(fs.existsSync(path.join(project, schema)), `${schema} (in ${path.relative(repoRoot, readme)})`);
    }
  });

  test('npx strategy-lint lints a document, prints its version and the review', () => {
    const lint = sh('npx', ['strategy-lint', 'strategy/growth.md', 'ROADMAP.md']);
    assert.equal(lint.status, 0, lint.stderr);
    assert.match(lint.stdout, /^strategy\/growth\.md:5:9 warning bad-strategy\/fluff "leverage" is fluff/m);
    assert.match(lint.stdout, /^ROADMAP\.md \(roadmap\)$/m);
    assert.equal(sh('npx', ['strategy-lint', '--version']).stdout.trim(), VERSION);
    const review = sh('npx', ['strategy-lint', 'review', 'strategy/growth.md']);
    assert.equal(review.status, 0, review.stderr);
    assert.match(review.stdout, /Diagnosis/);
    assert.match(review.stdout, /Guiding policy/);
  });

  test('--format github annotates the findings', () => {
    const { stdout, status } = sh('npx', ['strategy-lint', '--format', 'github', 'strategy/']);
    assert.equal(status, 0);
    assert.match(stdout, /^::warning file=strategy\/growth\.md,line=5,col=9,endLine=5,endColumn=17,title=bad-strategy\/fluff::"leverage" is fluff/m);
  });

  test('strategy-lint-language-server --stdio: initialize, didOpen, publishDiagnostics', async () => {
    const bin = path.join(project, 'node_modules', '.bin', 'strategy-lint-language-server');
    const client = await LspTestClient.start({ command: [bin, '--stdio'], workspaceFolders: [project] });
    try {
      assert.equal(client.initializeResult.serverInfo?.name, 'strategy-lint');
      assert.equal(client.initializeResult.serverInfo?.version, VERSION);
      const uri = fileUri(path.join(project, 'strategy', 'growth.md'));
      await client.open(uri, WEAK_MEMO);
      const diagnostics = await client.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'bad-strategy/fluff'));
      const fluff = diagnostics.find((d) => d.code === 'bad-strategy/fluff' && d.range.start.line === 4)!;
      assert.deepEqual(fluff.range.start, { line: 4, character: 8 });
      assert.equal(fluff.codeDescription?.href, `${DOCS_BASE_URL}bad-strategy/fluff.md`);
    } finally {
      await client.stop();
    }
  });

  test('the API: require and import give lint and lintFiles, and TypeScript finds the types', () => {
    fs.writeFileSync(path.join(project, 'use.cjs'), `const { lint, lintFiles, rules, version } = require('strategy-lint');
const result = lint(${JSON.stringify(WEAK_MEMO)}, { filePath: 'strategy/growth.md' });
lintFiles(['.']).then((files) => console.log(JSON.stringify({ version, rules: rules.length, docType: result.docType, ids: result.findings.map((f) => f.ruleId), files: files.map((f) => [f.file, f.docType, f.findings.length > 0]) })));
`);
    const required = JSON.parse(sh(process.execPath, ['use.cjs']).stdout) as { version: string; rules: number; docType: string; ids: string[]; files: Array<[string, string, boolean]> };
    assert.equal(required.version, VERSION);
    assert.equal(required.rules, allRules.length);
    assert.equal(required.docType, 'strategy');
    assert.ok(required.ids.includes('bad-strategy/fluff'));
    assert.deepEqual(required.files, [['ROADMAP.md', 'roadmap', true], ['strategy/growth.md', 'strategy', true]]);
    fs.writeFileSync(path.join(project, 'use.mjs'), "import { lint } from 'strategy-lint';\nconsole.log(lint('# Roadmap\\n\\n## Now\\n\\n- Import\\n', { filePath: 'ROADMAP.md' }).docType);\n");
    assert.equal(sh(process.execPath, ['use.mjs']).stdout.trim(), 'roadmap');
    fs.writeFileSync(path.join(project, 'use.ts'), `import { lint, lintFiles, type Finding, type FileResult } from 'strategy-lint';
const findings: Finding[] = lint('# Plan', { type: 'roadmap', config: { rules: { 'prose/*': 'off' } } }).findings;
const files: Promise<FileResult[]> = lintFiles('docs/', { ignorePatterns: ['drafts/**'] });
const line: number = findings[0]?.line ?? 0;
void files; void line;
// @ts-expect-error: not a document type
lint('', { type: 'poem' });
`);
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [] }, files: ['use.ts'] }));
    const tsc = sh(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    assert.equal(tsc.status, 0, `tsc: ${tsc.stdout}${tsc.stderr}`);
  });
});

describe('the GitHub Action (action.yml)', () => {
  interface Step { shell: string; run: string; env: Record<string, string>; 'working-directory'?: string }
  const action = parseYaml(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };

  /** Runs the action's steps as the runner would: `${{ inputs.x }}` replaced by the given input or its default. */
  function runAction(inputs: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
    const value = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? '';
    const substitute = (text: string) => text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => value(name));
    let result = { status: 0 as number | null, stdout: '', stderr: '' };
    for (const step of action.runs.steps) {
      assert.equal(step.shell, 'bash');
      assert.doesNotMatch(step.run, /\$\{\{/, 'inputs reach the script through env, never pasted into it');
      const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, text]) => [key, substitute(String(text))]));
      const cwd = path.resolve(project, substitute(step['working-directory'] ?? '.'));
      const run = spawnSync('bash', ['-e', '-c', step.run], { cwd, env: { ...env, ...stepEnv }, encoding: 'utf8', timeout: 120_000 });
      result = { status: run.status, stdout: result.stdout + run.stdout, stderr: result.stderr + run.stderr };
      if (run.status !== 0) break;
    }
    return result;
  }

  test('a composite action whose inputs are paths, config, max-severity, format, sarif-file, version', () => {
    assert.equal(action.runs.using, 'composite');
    for (const input of ['paths', 'config', 'max-severity', 'format', 'sarif-file', 'version', 'working-directory']) assert.ok(action.inputs[input], input);
    assert.equal(action.inputs.version.default, VERSION, 'the Action runs the version it ships with');
    assert.equal(action.inputs.format.default, 'github');
  });

  test('its step annotates the findings of a folder, and fails at --max-severity', () => {
    const ok = runAction({ paths: 'strategy/\nROADMAP.md' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^::warning file=strategy\/growth\.md,line=5,col=9,endLine=5,endColumn=17,title=bad-strategy\/fluff::/m);
    assert.match(ok.stdout, /^::notice file=ROADMAP\.md,/m);
    const failed = runAction({ paths: 'strategy', 'max-severity': 'warning' });
    assert.equal(failed.status, 1);
  });

  test('with sarif-file it also writes SARIF; with config it uses that file', () => {
    fs.writeFileSync(path.join(project, 'quiet.json'), '{ "rules": { "bad-strategy/*": "off" } }\n');
    const result = runAction({ paths: 'strategy', 'sarif-file': 'strategy-lint.sarif', config: 'quiet.json' });
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /bad-strategy\//);
    const sarif = JSON.parse(fs.readFileSync(path.join(project, 'strategy-lint.sarif'), 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
    assert.ok(sarif.runs[0].results.every((r) => !r.ruleId.startsWith('bad-strategy/')));
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const [hook] = parseYaml(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; types: string[] }>;

  test('is named strategy-lint, runs on Markdown, and pins this version', () => {
    assert.equal(hook.id, 'strategy-lint');
    assert.deepEqual(hook.types, ['markdown']);
    assert.equal(hook.language, 'system');
    assert.match(hook.entry, new RegExp(`strategy-lint@${VERSION.replace(/\./g, '\\.')}$`));
  });

  test('its entry, given the staged files as pre-commit gives them, lints them (the local install, offline)', () => {
    const [command, ...args] = hook.entry.split(' ');
    const staged = ['strategy/growth.md', 'ROADMAP.md'];
    const result = sh(command, [...args, ...staged]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^strategy\/growth\.md:5:9 warning bad-strategy\/fluff/m);
    fs.writeFileSync(path.join(project, '.strategy-lint.json'), '{ "ignores": ["ROADMAP.md"] }\n');
    try {
      const ignored = sh(command, [...args, ...staged]);
      assert.doesNotMatch(ignored.stdout, /ROADMAP\.md/, 'ignores apply to the files pre-commit names');
      assert.match(ignored.stdout, /strategy\/growth\.md/);
    } finally {
      fs.rmSync(path.join(project, '.strategy-lint.json'));
    }
  });
});
