/**
 * The browser build of the language server (server/out/browser-server.js) in Node, as a browser
 * would run it: in a worker_threads Worker, inside a fresh V8 context whose only globals are a web
 * worker's — `self`, `postMessage`, `onmessage`, `addEventListener`, timers, `queueMicrotask`,
 * `TextEncoder`/`TextDecoder`, `URL`, `MessageChannel`, `performance`, `crypto`, `atob`/`btoa`,
 * `structuredClone`, `console`. No `require`, `process`, `Buffer`, `setImmediate` or `global`: a
 * bundle that reaches for Node fails here as it would in vscode.dev.
 *
 * The client side answers `strategyLint/readFiles` from disk the way the VS Code client answers it
 * with vscode.workspace.fs (client/src/read-files.ts): regular files of at most `limit` bytes,
 * UTF-8, anything else says why it was not read.
 */
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ReadFileEntry } from '../../src/lsp/protocol.js';

export type { ReadFileEntry };

/** The modules a bundle loads with require() (a web worker has none to give). */
export function requiredModules(bundle: string): string[] {
  return [...new Set([...fs.readFileSync(bundle, 'utf8').matchAll(/\brequire\(\s*["'`]([^"'`]+)/g)].map((m) => m[1]))];
}

/** Runs inside the Worker (stringified: it may only use what it requires itself). */
function webWorkerMain(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const vm = require('node:vm') as typeof import('node:vm');
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const listeners = new Map<string, Array<(event: unknown) => void>>();
  const dispatch = (type: string, event: unknown): void => {
    for (const listener of listeners.get(type) ?? []) listener(event);
  };
  let onmessage: ((event: { data: unknown }) => void) | null = null;
  const scope: Record<string, unknown> = {
    postMessage: (message: unknown) => parentPort!.postMessage(message),
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    removeEventListener: () => undefined,
    close: () => parentPort!.close(),
    setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone,
    console, TextEncoder, TextDecoder, URL, URLSearchParams, MessageChannel, performance, crypto, atob, btoa,
  };
  Object.defineProperty(scope, 'onmessage', { get: () => onmessage, set: (handler) => { onmessage = handler; }, enumerable: true });
  scope.self = scope;
  const context = vm.createContext(scope);
  parentPort!.on('message', (data: unknown) => onmessage?.({ data }));
  // What a worker's global scope reports as `unhandledrejection` events.
  process.on('unhandledRejection', (reason) => dispatch('unhandledrejection', { reason }));
  vm.runInContext(readFileSync(workerData.bundle as string, 'utf8'), context, { filename: workerData.bundle as string });
}

/** A Worker running `bundle` as a web worker would. */
export function startWebWorker(bundle: string): Worker {
  return new Worker(`(${webWorkerMain.toString()})()`, { eval: true, workerData: { bundle }, stdout: false, stderr: true });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What is at a path (null: nothing), as client/src/read-files.ts reports it. */
export function readFileEntry(file: string | null, limit: number): ReadFileEntry {
  let stat: fs.Stats;
  try {
    if (file === null) return { kind: 'missing' };
    stat = fs.statSync(file);
  } catch {
    return { kind: 'missing' };
  }
  if (stat.isDirectory()) return { kind: 'directory' };
  if (!stat.isFile()) return { kind: 'other' };
  if (stat.size > limit) return { kind: 'file', failure: 'too-large', size: stat.size };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { kind: 'file', failure: 'unreadable', error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  try {
    return { kind: 'file', text: utf8.decode(bytes) };
  } catch {
    return { kind: 'file', failure: 'not-utf8' };
  }
}
