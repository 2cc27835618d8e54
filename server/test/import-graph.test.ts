/**
 * The shape of the code, checked: server/src has no import cycles (type imports included: a cycle
 * of types is still two modules that cannot be read apart); the engine stays pure (no Node
 * built-ins, no vscode, no language server), so it runs in a browser worker and in tests alike;
 * and a rule family uses only its own helpers and the shared readings (model/, text/), never
 * another family's, so a family can be read, changed or removed on its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { serverRoot } from './helpers/paths.js';

const SRC = path.join(serverRoot, 'src');

interface ImportEdge { from: string; specifier: string; to: string | null }

/** Every import and re-export of every source file: `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')`. */
function importsOf(file: string): ImportEdge[] {
  const source = fs.readFileSync(file, 'utf8');
  const edges: ImportEdge[] = [];
  const patterns = [/^\s*(?:import|export)\s[^;'"]*?\sfrom\s+'([^']+)'/gm, /^\s*import\s+'([^']+)'/gm, /\bimport\(\s*'([^']+)'\s*\)/g];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1];
      const to = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')) : null;
      edges.push({ from: file, specifier, to });
    }
  }
  return edges;
}

const files = (fs.readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
  .map((name) => path.join(SRC, name));
const edges = new Map(files.map((file) => [file, importsOf(file)]));
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

test('the import graph is read: every relative import names a source file', () => {
  assert.ok(files.length > 100, `found ${files.length} source files`);
  const broken = [...edges.values()].flat().filter((edge) => edge.to !== null && !edges.has(edge.to)).map((edge) => `${rel(edge.from)} → ${edge.specifier}`);
  assert.deepEqual(broken, []);
});

test('no import cycles in server/src, type imports included', () => {
  // Tarjan's strongly connected components: every component of more than one file is a cycle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const { to } of edges.get(file) ?? []) {
      if (to === null || !edges.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(rel(member));
      } while (member !== file);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  assert.deepEqual(cycles, []);
});

test('the engine is pure: no Node built-ins, no vscode, no language server', () => {
  const impure = files.filter((file) => rel(file).startsWith('engine/')).flatMap((file) => edges.get(file)!)
    .filter((edge) => /^(?:node:|vscode(?:$|-languageserver|-languageclient))/.test(edge.specifier) || ['fs', 'path', 'os', 'child_process', 'url', 'worker_threads'].includes(edge.specifier))
    .map((edge) => `${rel(edge.from)} → ${edge.specifier}`);
  assert.deepEqual(impure, []);
});

test('a rule family imports no other family\'s files', () => {
  const familyOf = (file: string): string | null => /^engine\/rules\/([^/]+)\//.exec(rel(file))?.[1] ?? null;
  const crossing = files.filter((file) => familyOf(file) !== null).flatMap((file) => edges.get(file)!)
    .filter((edge) => edge.to !== null && familyOf(edge.to) !== null && familyOf(edge.to) !== familyOf(edge.from))
    .map((edge) => `${rel(edge.from)} → ${rel(edge.to!)}`);
  assert.deepEqual(crossing, []);
});

test('outside the engine, rule families are reached through the registry, never by their files', () => {
  const reaching = files.filter((file) => !rel(file).startsWith('engine/rules/')).flatMap((file) => edges.get(file)!)
    .filter((edge) => edge.to !== null && /^engine\/rules\/[^/]+\//.test(rel(edge.to)))
    .map((edge) => `${rel(edge.from)} → ${rel(edge.to!)}`);
  assert.deepEqual(reaching, []);
});

/** Files whose exports are the package's API (server/src/api, the engine's entry point and its types): used from outside the repository. */
const PUBLIC_API = new Set(['api/index.ts', 'engine/index.ts', 'engine/types.ts']);

test('every export is used outside its file (or is the public API): an export only its own file reads says a wrong thing about the module', () => {
  const repoRoot = path.join(serverRoot, '..');
  const readers: string[] = [];
  const collect = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]) {
      if (/(?:^|[\\/])(?:node_modules|dist|out)(?:[\\/]|$)/.test(name) || !/\.(?:ts|mts|mjs|cjs|js)$/.test(name)) continue;
      readers.push(path.join(dir, name));
    }
  };
  for (const dir of ['server/src', 'server/test', 'server/bin', 'client/src', 'scripts', 'bench']) collect(path.join(repoRoot, dir));
  const texts = new Map(readers.map((file) => [file, fs.readFileSync(file, 'utf8')]));
  const onlyOwn: string[] = [];
  for (const file of files) {
    if (PUBLIC_API.has(rel(file))) continue;
    const own = texts.get(file) ?? fs.readFileSync(file, 'utf8');
    for (const match of own.matchAll(/^export (?:declare )?(?:async )?(?:function\*?|const|let|class|interface|type|enum) ([A-Za-z_$][\w$]*)/gm)) {
      const word = new RegExp(`\\b${match[1].replace(/\$/g, '\\$')}\\b`);
      const elsewhere = [...texts].some(([reader, text]) => reader !== file && word.test(text));
      if (!elsewhere) onlyOwn.push(`${rel(file)}: ${match[1]}`);
    }
  }
  assert.deepEqual(onlyOwn, []);
});
