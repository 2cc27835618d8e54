// The protocol side of the same scenarios through a second real client: Neovim 0.7's built-in
// LSP client, headless, talking over stdio to `strategy-lint-language-server --stdio` as a user of
// another editor runs it: from the strategy-lint npm package (npm run pack:cli), installed offline
// into a temporary project (nvim-client.lua). One nvim
// session opens the fixtures, waits on what the server sends (vim.wait, no sleeps) and writes
// what it saw as JSON (kept as test-results/e2e/neovim-result.json); the tests assert on it.
//
//   node --test scripts/e2e/neovim.e2e.test.mjs      (after npm run build / npm run package)
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ensureInstalled, paths } from './env.mjs';
import { fixture, REFERENCE_DATE, runEditorProcess, STRATEGY_FAMILIES, words } from './lib.mjs';

const repo = paths().repoRoot;
const packCli = path.join(repo, 'scripts/pack-cli.mjs');
const resultFile = path.join(paths().resultsDir, 'neovim-result.json');
const TYPED = ' We will leverage partners.';

let result;

/** Run nvim headless with the plan; resolves with its exit code and output. Killed after timeoutMs. */
function runNvim(planFile, { timeoutMs = 90_000 } = {}) {
  return runEditorProcess('nvim', paths().nvim, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${path.join(import.meta.dirname, 'nvim-client.lua')}`], {
    env: { ...process.env, SL_PLAN: planFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  }, { timeoutMs, outputOnTimeout: true });
}

const lineOf = (d) => `${d.line}:${d.col} ${d.code}`;
const list = (ds) => ds.map((d) => `    ${lineOf(d)} — ${d.message}`).join('\n') || '    (none)';

describe('Strategy Lint in Neovim (built-in LSP client, headless)', () => {
  before(async () => {
    await ensureInstalled({ log: (m) => process.stderr.write(`[e2e] ${m}\n`) });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-e2e-nvim-'));
    try {
      // The npm package, installed as a user installs it (offline: it has no dependencies).
      const project = path.join(dir, 'project');
      execFileSync(process.execPath, [packCli, '--install', project], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], timeout: 240_000 });
      const server = path.join(project, 'node_modules', '.bin', 'strategy-lint-language-server');
      assert.ok(fs.existsSync(server), `${server} was not installed`);
      const files = { weak: 'weak-memo.md', clean: 'clean-memo.md', fixes: 'fixes-memo.md', readme: 'README.md' };
      const plan = {
        cmd: [server, '--stdio'],
        root: dir,
        out: path.join(dir, 'result.json'),
        timeoutMs: 30_000,
        settings: { strategyLint: { referenceDate: REFERENCE_DATE } },
        hover: { line: 15, col: 3 }, // "leverage" in weak-memo.md
        typing: { line: 17, text: TYPED },
      };
      for (const [key, name] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), fixture(name));
        plan[key] = path.join(dir, name);
      }
      fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
      const run = await runNvim(path.join(dir, 'plan.json'));
      assert.ok(fs.existsSync(plan.out), `nvim wrote no result (exit ${run.code}); output:\n${run.output}`);
      result = JSON.parse(fs.readFileSync(plan.out, 'utf8'));
      fs.mkdirSync(path.dirname(resultFile), { recursive: true });
      fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
      assert.ok(result.ok, `the Neovim script failed: ${result.error}\n  log:\n    ${(result.log ?? []).join('\n    ')}`);
    } finally {
      if (!process.env.E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
    }
  }, { timeout: 180_000 });

  test('nvim 01 weak memo: vim.diagnostic.get() has the expected rule ids at the expected lines', () => {
    const { diagnostics, status } = result.steps.weak;
    const got = diagnostics.map(lineOf);
    for (const want of ['8:3 kernel/coherent-actions-missing', '15:1 bad-strategy/fluff', '24:8 outcomes/output-as-outcome']) {
      assert.ok(got.includes(want), `expected ${want}; Neovim has:\n${list(diagnostics)}`);
    }
    assert.ok(diagnostics.every((d) => d.source === 'strategy-lint'), 'source is strategy-lint');
    assert.equal(diagnostics.find((d) => d.code === 'bad-strategy/fluff').severity, 2, 'fluff is a warning (vim.diagnostic.severity.WARN)');
    assert.equal(status.label, 'Strategy memo', 'strategyLint/status: the memo is typed as a strategy memo');
    assert.equal(status.findings, diagnostics.length, 'strategyLint/status counts what Neovim holds');
  });

  test('nvim 02 typing "leverage" into a clean memo adds a fluff diagnostic; deleting it removes it', () => {
    const t = result.steps.typing;
    const line17 = fixture('clean-memo.md').split('\n')[16];
    assert.deepEqual(t.before, [], `the clean memo starts clean:\n${list(t.before)}`);
    assert.equal(t.typedLine, line17 + TYPED);
    assert.deepEqual(t.typed.map(lineOf), [`17:${line17.length + TYPED.indexOf('leverage') + 1} bad-strategy/fluff`], `after typing:\n${list(t.typed)}`);
    assert.equal(t.deletedLine, line17);
    assert.deepEqual(t.deleted, [], `after deleting:\n${list(t.deleted)}`);
  });

  test('nvim 03 hover on a flagged word explains the rule', async () => {
    const { rulesById } = await import(pathToFileURL(path.join(repo, 'server/dist/src/engine/index.js')).href);
    const meta = rulesById.get('bad-strategy/fluff').meta;
    const contents = result.steps.hover.contents;
    assert.equal(contents?.kind, 'markdown', `a Markdown hover: ${JSON.stringify(contents)}`);
    for (const want of [meta.description, 'bad-strategy/fluff', '"leverage" is fluff', 'Why it matters', 'How to fix']) {
      assert.ok(words(contents.value).includes(words(want)), `the hover contains "${want}":\n${contents.value}`);
    }
  });

  test('nvim 04 code actions: the quick fix is offered, and Fix all (source.fixAll) fixes the document', () => {
    const titles = result.steps.quickFixes.actions.map((a) => a.title);
    assert.equal(titles[0], 'Replace "leverage" with "use"', `the rule's fix first: ${JSON.stringify(titles)}`);
    assert.ok(result.steps.quickFixes.actions[0].preferred, 'and it is the preferred fix');
    assert.ok(titles.includes('Disable bad-strategy/fluff for this line'), JSON.stringify(titles));
    const f = result.steps.fixAll;
    assert.equal(f.before.length, 4, `before:\n${list(f.before)}`);
    assert.deepEqual(f.actions.map((a) => a.kind), ['source.fixAll.strategyLint']);
    assert.match(f.actions[0].title, /^Fix all auto-fixable Strategy Lint problems \(3\)$/);
    const expected = fixture('fixes-memo.md').replace('We will leverage a world-class support team and utilize partners.', 'We will use a support team and use partners.');
    assert.equal(f.lines.join('\n'), expected.replace(/\n$/, ''), 'the buffer after applying the Fix all edit');
    assert.deepEqual(f.after, [], `after Fix all:\n${list(f.after)}`);
    assert.equal(f.afterStatus.findings, 0, 'strategyLint/status after Fix all');
  });

  test('nvim 08 a README (generic document) gets no strategy findings', () => {
    const { diagnostics, status } = result.steps.readme;
    assert.equal(status.docType, 'generic', `README.md is a general document (strategyLint/status says ${status.label})`);
    assert.deepEqual(diagnostics.filter((d) => STRATEGY_FAMILIES.test(String(d.code))).map(lineOf), []);
    assert.deepEqual(diagnostics.map(lineOf), [], `no findings at all:\n${list(diagnostics)}`);
  });

  test('nvim 15 the README\'s Neovim configurations are Lua that Neovim compiles', () => {
    const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
    const editors = readme.slice(readme.indexOf('\n## Other editors\n'), readme.indexOf('\n## ', readme.indexOf('\n## Other editors\n') + 1));
    const blocks = [...editors.matchAll(/^```lua\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
    assert.equal(blocks.length, 3, 'Neovim 0.11, 0.8–0.10 and nvim-lspconfig');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-e2e-lua-'));
    try {
      blocks.forEach((code, i) => {
        const file = path.join(dir, `block-${i}.lua`);
        fs.writeFileSync(file, code);
        // loadstring compiles without running (0.7 has neither vim.lsp.config nor vim.lsp.start).
        const check = spawnSync(paths().nvim, ['--headless', '--clean', '-n', '-i', 'NONE', '-c',
          `lua local chunk, err = loadstring(io.open(${JSON.stringify(file)}):read('*a')); if not chunk then io.stderr:write(err .. '\\n'); vim.cmd('cquit 3') end`, '-c', 'qa!'], { encoding: 'utf8', timeout: 30_000 });
        assert.equal(check.status, 0, `block ${i + 1} does not compile: ${check.stderr}\n${code}`);
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
