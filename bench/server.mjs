// Server: keystroke → diagnostics over the real protocol, and the server's peak memory.
//
// For each document, a fresh `node --max-semi-space-size=4 server/out/server.js --stdio` is
// spawned (with the Node flags the VS Code client uses) and driven as an editor would:
// initialize (pull configuration on, answered with debounceMs: 0 so no debounce delay is
// measured), didOpen, then one-character incremental didChange edits in the middle of
// a prose line, alternating insert and delete so the document does not grow. Each edit is timed
// from writing the didChange to reading the publishDiagnostics for that version; the next edit
// waits for it. The peak RSS is the server's VmHWM from /proc/<pid>/status after the edits.
//
//   node bench/server.mjs            prints the figures as JSON
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT, SERVER_NODE_FLAGS, CORPUS_DIR, DOCUMENTS, REFERENCE_DATE, ROOT, exists, log, summarize } from './common.mjs';
import { LspClient } from './lsp-client.mjs';

const WARMUP_EDITS = 2;
const MEASURED_EDITS = 20;
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

async function benchDocument(doc) {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, BUILT.server, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const client = new LspClient(child);
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
    let diagnostics = first.count;
    for (let edit = 0; edit < WARMUP_EDITS + MEASURED_EDITS; edit++) {
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
      if (edit >= WARMUP_EDITS) samples.push(result.at - start);
      diagnostics = result.count;
    }
    const rssMb = peakRssMb(child.pid);
    await Promise.race([client.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 5000))]);
    client.notify('exit', null);
    return { keystroke: summarize(samples), openMs, rssMb, diagnostics, edit: at };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    const exited = new Promise((resolve) => child.once('close', resolve));
    if (child.exitCode === null) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

export async function benchServer() {
  if (!exists(BUILT.server)) return { error: `server not built (${path.relative(ROOT, BUILT.server)} missing: run node scripts/bundle.mjs)` };
  const results = {};
  for (const doc of Object.values(DOCUMENTS)) {
    log(`server: ${doc.key} (open, ${WARMUP_EDITS} warm-up + ${MEASURED_EDITS} edits)`);
    results[doc.key] = await benchDocument(doc);
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchServer();
  const strip = (key, value) => (key === 'samples' ? undefined : value);
  console.log(JSON.stringify(results, strip, 2));
}
