// Server: didOpen → first diagnostics on a fresh server, the first keystroke after opening, the
// later keystrokes, and the server's peak memory, over the real protocol.
//
// For each document, fresh servers are started exactly as the VS Code client starts them
// (vscode-languageclient with TransportKind.ipc: `child_process.fork(server/out/server.js,
// ['--node-ipc', '--clientProcessId=<pid>'], { execArgv: SERVER_NODE_FLAGS, silent: true })`, and
// JSON-RPC over Node's IPC channel) and driven as an editor would: initialize (pull configuration
// on, answered with debounceMs: 0 so no debounce delay is measured), didOpen, then one-character
// incremental didChange edits in the middle of a prose line, alternating insert and delete so the
// document does not grow. didOpen is timed from sending it to the publishDiagnostics of version 1;
// each edit from sending its didChange to the publishDiagnostics of that version, and the next
// edit waits for it. The first edit of each server is the "first keystroke"; the ones after it are
// "later keystrokes" (pooled over the servers). The peak RSS is the server's VmHWM from
// /proc/<pid>/status after the edits (the largest over the servers).
//
//   node bench/server.mjs            prints the figures as JSON
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT, SERVER_NODE_FLAGS, CORPUS_DIR, DOCUMENTS, REFERENCE_DATE, ROOT, exists, log, summarize } from './common.mjs';
import { LspClient } from './lsp-client.mjs';

/** Fresh servers per document (each gives one didOpen and one first keystroke) and edits per server after the first. */
export const SERVER_PLAN = {
  memo: { servers: 7, laterEdits: 20 },
  handbook: { servers: 5, laterEdits: 20 },
};
const TIMEOUT_MS = 60_000;

/** What the bench answers to `workspace/configuration` for the `strategyLint` section. */
export const SETTINGS = { enable: true, run: 'onType', debounceMs: 0, referenceDate: REFERENCE_DATE };

/** A position in the middle of the document, inside a prose line (at the end of a word). */
export function editPosition(text) {
  const lines = text.split(/\r?\n/);
  const isProse = (line) => line.length >= 40 && !/^\s*([#|>`*+-]|\d+[.)]|<!--)/.test(line);
  for (let offset = 0; offset < lines.length; offset++) {
    for (const line of [Math.floor(lines.length / 2) + offset, Math.floor(lines.length / 2) - offset]) {
      if (line < 0 || line >= lines.length || !isProse(lines[line])) continue;
      const space = lines[line].indexOf(' ', Math.floor(lines[line].length / 2));
      return { line, character: space > 0 ? space : Math.floor(lines[line].length / 2) };
    }
  }
  return { line: 0, character: 0 };
}

/** VmHWM (peak resident set size) of a process, in MB; null where /proc is not available. */
function peakRssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The server process as vscode-languageclient forks it for TransportKind.ipc (client/src/language-client.ts). */
export function startServer() {
  return fork(BUILT.server, ['--node-ipc', `--clientProcessId=${process.pid}`], { cwd: ROOT, execArgv: [...SERVER_NODE_FLAGS], silent: true });
}

async function benchServerOnce(doc, laterEdits) {
  const child = startServer();
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  child.stdout.on('data', () => {});
  const client = new LspClient(child, { ipc: true });
  const uri = pathToFileURL(doc.file).href;
  const waiters = [];
  const fail = (reason) => { for (const waiter of waiters.splice(0)) waiter.reject(new Error(reason)); };
  child.on('exit', (code) => fail(`server exited (code ${code})${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`));
  child.on('error', (error) => fail(`server failed to start: ${error.message}`));
  client.onNotification('textDocument/publishDiagnostics', (params) => {
    if (params.uri !== uri) return;
    for (const waiter of [...waiters]) {
      if (params.version === undefined || params.version === null || params.version >= waiter.version) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve({ at: performance.now(), count: params.diagnostics.length });
      }
    }
  });
  client.onRequest('workspace/configuration', (params) =>
    params.items.map((item) => (item.section === 'strategyLint' ? SETTINGS : item.section ? null : { strategyLint: SETTINGS })));

  /** Resolves with the time publishDiagnostics for `version` (or later) arrived. */
  const diagnosticsFor = (version) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no publishDiagnostics within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    waiters.push({
      version,
      resolve: (value) => { clearTimeout(timer); resolve(value); },
      reject: (error) => { clearTimeout(timer); reject(error); },
    });
  });

  try {
    const text = fs.readFileSync(doc.file, 'utf8');
    await client.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'strategy-lint-bench' },
      rootUri: pathToFileURL(CORPUS_DIR).href,
      workspaceFolders: [{ uri: pathToFileURL(CORPUS_DIR).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    client.notify('initialized', {});

    let version = 1;
    const opened = diagnosticsFor(version);
    const openStart = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    const first = await opened;
    const openMs = first.at - openStart;

    const at = editPosition(text);
    const samples = [];
    let firstKeystrokeMs = NaN;
    let diagnostics = first.count;
    for (let edit = 0; edit < 1 + laterEdits; edit++) {
      const insert = edit % 2 === 0;
      const range = insert
        ? { start: at, end: at }
        : { start: at, end: { line: at.line, character: at.character + 1 } };
      version += 1;
      const published = diagnosticsFor(version);
      const start = performance.now();
      client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: insert ? 'x' : '' }],
      });
      const result = await published;
      if (edit === 0) firstKeystrokeMs = result.at - start;
      else samples.push(result.at - start);
      diagnostics = result.count;
    }
    const rssMb = peakRssMb(child.pid);
    await Promise.race([client.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 5000))]);
    client.notify('exit', null);
    return { samples, firstKeystrokeMs, openMs, rssMb, diagnostics, edit: at };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    const exited = new Promise((resolve) => child.once('close', resolve));
    if (child.exitCode === null) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** Several fresh servers on one document: medians of didOpen and of the first keystroke, later keystrokes pooled. */
async function benchDocument(doc, plan = SERVER_PLAN[doc.key]) {
  const runs = [];
  for (let i = 0; i < plan.servers; i++) {
    const run = await benchServerOnce(doc, plan.laterEdits);
    if (run.error) return runs.length ? { ...combine(runs), error: run.error } : { error: run.error };
    runs.push(run);
  }
  return combine(runs);
}

function combine(runs) {
  const rss = runs.map((run) => run.rssMb).filter((value) => value !== null);
  return {
    servers: runs.length,
    open: summarize(runs.map((run) => run.openMs)),
    firstKeystroke: summarize(runs.map((run) => run.firstKeystrokeMs)),
    keystroke: summarize(runs.flatMap((run) => run.samples)),
    openMs: summarize(runs.map((run) => run.openMs)).median,
    rssMb: rss.length ? Math.max(...rss) : null,
    diagnostics: runs.at(-1).diagnostics,
    edit: runs.at(-1).edit,
  };
}

export async function benchServer() {
  if (!exists(BUILT.server)) return { error: `server not built (${path.relative(ROOT, BUILT.server)} missing: run node scripts/bundle.mjs)` };
  const results = {};
  for (const doc of Object.values(DOCUMENTS)) {
    const plan = SERVER_PLAN[doc.key];
    log(`server: ${doc.key} (${plan.servers} fresh servers: open, first keystroke, ${plan.laterEdits} later edits)`);
    results[doc.key] = await benchDocument(doc);
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchServer();
  const strip = (key, value) => (key === 'samples' ? undefined : value);
  console.log(JSON.stringify(results, strip, 2));
}
