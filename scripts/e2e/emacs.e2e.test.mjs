// The README's Emacs configuration, proven in a real Emacs: Debian's Emacs with eglot and
// markdown-mode (installed by env.mjs ensureInstalled(), as Neovim is), run interactively
// (`emacs -nw` in a pseudo-terminal made by `script`) with a fresh HOME whose
// ~/.emacs.d/init.el is the README's ```elisp block, read out of README.md here, so the README
// and this test cannot drift. strategy-lint-language-server comes from the npm package installed
// into a temporary project (npm run pack:cli), on PATH as after `npm install -g strategy-lint`.
//
// Emacs visits weak-memo.md; markdown-mode's hook (the README's) runs eglot-ensure, eglot starts
// the server; emacs-client.el waits on flymake's diagnostics, asks for the code actions at
// "leverage", types M-x eglot-code-actions RET RET, waits for the fix, and writes what it saw as
// JSON (kept as test-results/e2e/emacs-result.json; the terminal as emacs-terminal.log).
//
// Skipped, with the reason, only when Emacs with eglot and markdown-mode cannot be installed.
//
//   node --test scripts/e2e/emacs.e2e.test.mjs      (after npm run build)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { emacsUnavailable, ensureInstalled, paths } from './env.mjs';
import { fixture, REFERENCE_DATE, runEditorProcess } from './lib.mjs';

const repo = paths().repoRoot;
const packCli = path.join(repo, 'scripts/pack-cli.mjs');
const resultFile = path.join(paths().resultsDir, 'emacs-result.json');
const terminalLog = path.join(paths().resultsDir, 'emacs-terminal.log');
const MEMO = 'weak-memo.md';
const ACTION = { line: 15, col: 1, word: 'leverage' }; // "leverage spreadsheets …" in weak-memo.md

/** The README's ```elisp blocks of "## Other editors". */
export function readmeElisp() {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Other editors\n');
  assert.ok(start >= 0, 'README.md has a "## Other editors" section');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^```elisp\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

await ensureInstalled({ log: (m) => process.stderr.write(`[e2e] ${m}\n`) });
const unavailable = emacsUnavailable();
const skip = unavailable
  ? `Emacs could not be installed: ${fs.existsSync(paths().emacsInstallError) ? fs.readFileSync(paths().emacsInstallError, 'utf8').trim() : unavailable}`
  : false;
if (skip) process.stderr.write(`[e2e] SKIP Emacs scenario: ${skip}\n`);

/** `emacs -nw` in a pty; resolves with its exit code and the terminal output. Killed after timeoutMs. */
function runEmacs({ cwd, env, args, timeoutMs = 120_000 }) {
  // script gives Emacs a terminal (it runs the command with $SHELL -c); stdin stays an open pipe
  // that nobody writes to (at EOF, script would send ^D, which Emacs would take as a key). The
  // terminal's size is set inside the pty.
  const quote = (s) => `'${s.replace(/'/g, "'\\''")}'`;
  const command = `stty rows 40 cols 120; exec ${[paths().emacs, '-nw', ...args].map(quote).join(' ')}`;
  // Its own process group (runEditorProcess): Emacs and the server it starts go with it.
  return runEditorProcess('emacs', 'script', ['-q', '-e', '-f', '-c', command, '/dev/null'], {
    cwd,
    env: { ...env, SHELL: '/bin/sh' },
    stdio: ['pipe', 'pipe', 'pipe'],
  }, { timeoutMs });
}

let result;
const diagLine = (d) => `${d.line}:${d.col} ${d.type} ${d.text}`;
const list = (ds) => ds.map((d) => `    ${diagLine(d)}`).join('\n') || '    (none)';

describe('Strategy Lint in Emacs (eglot, configured as the README says)', { skip }, () => {
  before(async () => {
    const blocks = readmeElisp();
    assert.equal(blocks.length, 1, `one Emacs configuration in the README's "Other editors" (found ${blocks.length})`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-e2e-emacs-'));
    try {
      // The npm package, installed as a user installs it (offline: it has no dependencies).
      const project = path.join(dir, 'project');
      execFileSync(process.execPath, [packCli, '--install', project], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], timeout: 240_000 });
      const bin = path.join(project, 'node_modules', '.bin');
      assert.ok(fs.existsSync(path.join(bin, 'strategy-lint-language-server')), 'strategy-lint-language-server was installed');
      // A user's Emacs: nothing but the README's configuration in its init file.
      const home = path.join(dir, 'home');
      fs.mkdirSync(path.join(home, '.emacs.d'), { recursive: true });
      fs.writeFileSync(path.join(home, '.emacs.d', 'init.el'), blocks[0]);
      // The documents: the memo, and a .strategy-lint.json so date rules measure from a fixed day.
      const docs = path.join(dir, 'docs');
      fs.mkdirSync(docs);
      fs.writeFileSync(path.join(docs, MEMO), fixture(MEMO));
      fs.writeFileSync(path.join(docs, '.strategy-lint.json'), JSON.stringify({ referenceDate: REFERENCE_DATE }) + '\n');
      const plan = { file: path.join(docs, MEMO), out: path.join(dir, 'result.json'), timeoutMs: 60_000, action: ACTION };
      fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
      const env = {
        ...process.env,
        HOME: home,
        TERM: 'xterm-256color',
        PATH: `${bin}${path.delimiter}${process.env.PATH}`,
        SL_PLAN: path.join(dir, 'plan.json'),
      };
      delete env.XDG_CONFIG_HOME; // Emacs 29+ would look for an init file there too
      const run = await runEmacs({ cwd: docs, env, args: ['-l', path.join(import.meta.dirname, 'emacs-client.el'), MEMO] });
      fs.mkdirSync(path.dirname(terminalLog), { recursive: true });
      fs.writeFileSync(terminalLog, run.output);
      assert.ok(fs.existsSync(plan.out), `Emacs wrote no result (exit ${run.code}); terminal: ${path.relative(repo, terminalLog)}`);
      result = JSON.parse(fs.readFileSync(plan.out, 'utf8'));
      fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
      const versions = result.steps.versions;
      process.stderr.write(`[e2e] Emacs ${versions?.emacs}, eglot ${versions?.eglot?.version} (${versions?.eglot?.file}), markdown-mode ${versions?.markdownMode?.version}\n`);
      assert.ok(result.ok, `the Emacs session failed: ${result.error}\n  log:\n    ${(result.log ?? []).join('\n    ')}\n  *Messages* (tail):\n${result.messages ?? ''}\n  eglot events (tail):\n${result.events ?? ''}`);
    } finally {
      if (!process.env.E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
    }
  }, { timeout: 360_000 });

  test('emacs 01 the README\'s init.el makes markdown-mode start strategy-lint-language-server --stdio through eglot', () => {
    const { buffer, server } = result.steps;
    assert.equal(buffer.majorMode, 'markdown-mode', 'the memo opens in markdown-mode');
    assert.match(buffer.initFile, /[/\\]\.emacs\.d[/\\]init\.el$/, 'Emacs loaded the init file with the README\'s configuration');
    assert.deepEqual(server.command, ['strategy-lint-language-server', '--stdio'], 'eglot ran the command the README names');
    assert.equal(server.name, 'strategy-lint', 'serverInfo.name of the initialize response');
    assert.equal(server.flymake, true, 'eglot turned on flymake in the buffer');
  });

  test('emacs 02 flymake shows the expected rule ids at the expected lines', () => {
    const diags = result.steps.diagnostics;
    const want = [
      { line: 8, col: 3, type: 'eglot-warning', code: 'kernel/coherent-actions-missing', message: 'No coherent actions' },
      { line: 15, col: 1, type: 'eglot-warning', code: 'bad-strategy/fluff', message: '"leverage" is fluff' },
      { line: 24, col: 8, type: 'eglot-warning', code: 'outcomes/output-as-outcome', message: '"Launch the new analytics dashboard" is a deliverable' },
      { line: 8, col: 3, type: 'eglot-note', code: 'decision/no-risks', message: 'No risks or pre-mortem' },
    ];
    for (const w of want) {
      // eglot shows "<source> [<code>]: <message>"
      const found = diags.find((d) => d.line === w.line && d.col === w.col && d.text.startsWith(`strategy-lint [${w.code}]: ${w.message}`));
      assert.ok(found, `expected ${w.line}:${w.col} ${w.code} (${w.message}); flymake has:\n${list(diags)}`);
      assert.equal(found.type, w.type, `${w.code} is a ${w.type}`);
    }
    assert.ok(diags.every((d) => d.text.startsWith('strategy-lint [')), `every diagnostic is Strategy Lint's:\n${list(diags)}`);
  });

  test('emacs 03 eglot offers the quick fix at the flagged word, and M-x eglot-code-actions RET applies it', () => {
    const { codeActions, applied } = result.steps;
    assert.equal(codeActions.at, ACTION.word, 'point is on the flagged word');
    const titles = codeActions.actions.map((a) => a.title);
    assert.equal(titles[0], 'Replace "leverage" with "use"', `the rule's fix first: ${JSON.stringify(titles)}`);
    assert.equal(codeActions.actions[0].kind, 'quickfix');
    assert.equal(codeActions.actions[0].preferred, true, 'and it is the preferred fix (eglot\'s default choice)');
    assert.ok(titles.includes('Disable bad-strategy/fluff for this line'), JSON.stringify(titles));
    const line15 = fixture(MEMO).split('\n')[ACTION.line - 1];
    assert.equal(applied.line, line15.replace('leverage', 'use'), 'the buffer after RET took the default action');
    assert.equal(applied.modified, true, 'the buffer is modified (not saved)');
    assert.ok(!applied.diagnostics.some((d) => /\[bad-strategy\/fluff\]/.test(d.text)), `the fluff diagnostic is gone:\n${list(applied.diagnostics)}`);
    assert.ok(applied.diagnostics.some((d) => d.line === 24 && /\[outcomes\/output-as-outcome\]/.test(d.text)), `the others stay:\n${list(applied.diagnostics)}`);
  });
});
