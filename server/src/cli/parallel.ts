/**
 * Linting many documents on the machine's cores: worker threads, each running the engine on the
 * documents it is handed one at a time (a queue, so a long document does not hold up the rest),
 * and the results put back in the order of the documents, so the report is the same as a lint
 * on one thread, whatever finishes first.
 *
 * A worker is this module loaded again in a worker thread (in the bundle, the bundle itself):
 * it answers { index, text, options } with the index and what the report needs of the lint.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { lint, releaseCaches, type ConfigProblem, type DocType, type Finding, type LintOptions } from '../engine/index.js';

/** What the CLI's report needs of a lint (a LintResult without its document model). */
export interface LintSummary {
  docType: DocType;
  typeReason: string;
  findings: Finding[];
  problems: ConfigProblem[];
}

export interface LintJob {
  index: number;
  text: string;
  options: LintOptions;
}

const WORKER_FLAG = 'strategyLintWorker';
/** A worker releases the engine's caches when its heap grows past this (unrelated documents rarely share paragraphs). */
const WORKER_HEAP_LIMIT = 192 * 2 ** 20;

export function summarize(text: string, options: LintOptions): LintSummary {
  const result = lint(text, options);
  return { docType: result.docType, typeReason: result.document.typeDecision.reason, findings: result.findings, problems: result.problems };
}

/**
 * How many workers for `documents` jobs: as many as STRATEGY_LINT_WORKERS asks (0 or unset: the
 * main thread). Not yet the default: on the bench's 2-core machine the workers spent 1.5–2.6× the
 * CPU of one thread (each loads the engine and fills its own caches) and were no faster under load.
 */
export function workerCount(documents: number, requested: string | undefined): number {
  if (requested === undefined || !/^\d+$/.test(requested) || documents < 2) return 0;
  return Math.min(Number(requested), documents);
}

/** The file a worker starts from: the bundle (or, unbundled, this module). */
function workerEntry(): URL {
  return new URL(import.meta.url);
}

/** Lint the jobs on `workers` threads (`onStart` is told of each job handed out); resolves with the summaries by job index. */
export async function lintInWorkers(jobs: readonly LintJob[], workers: number, onStart?: (index: number) => void): Promise<Map<number, LintSummary>> {
  const results = new Map<number, LintSummary>();
  if (jobs.length === 0) return results;
  let next = 0;
  const threads = Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, () =>
    new Worker(workerEntry(), { workerData: { [WORKER_FLAG]: true } }));
  try {
    await Promise.all(threads.map((thread) => new Promise<void>((resolve, reject) => {
      const feed = (): void => {
        if (next >= jobs.length) {
          resolve();
          return;
        }
        onStart?.(jobs[next].index);
        thread.postMessage(jobs[next++]);
      };
      thread.on('message', (message: { index: number; summary?: LintSummary; error?: string }) => {
        if (message.error !== undefined) {
          reject(new Error(message.error));
          return;
        }
        results.set(message.index, message.summary!);
        feed();
      });
      thread.on('error', reject);
      thread.on('exit', (code) => {
        if (next < jobs.length || code !== 0) reject(new Error(`a lint worker stopped (exit code ${code})`));
      });
      feed();
    })));
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return results;
}

/** In a worker thread started by lintInWorkers: answer jobs until terminated. */
function serveJobs(): void {
  // Each job's options arrive as a copy: the same layers are given the same objects again, since
  // the engine keeps what it derives from a configuration (resolved options, matchers) by identity.
  const layersByKey = new Map<string, LintOptions['layers']>();
  parentPort!.on('message', (job: LintJob) => {
    try {
      const key = JSON.stringify(job.options.layers ?? []);
      let layers = layersByKey.get(key);
      if (!layers) {
        if (layersByKey.size > 100) layersByKey.clear();
        layers = job.options.layers;
        layersByKey.set(key, layers);
      }
      const summary = summarize(job.text, { ...job.options, layers });
      parentPort!.postMessage({ index: job.index, summary });
    } catch (error) {
      parentPort!.postMessage({ index: job.index, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
    if (process.memoryUsage().heapUsed > WORKER_HEAP_LIMIT) releaseCaches();
  });
}

/** True in a worker thread started by lintInWorkers (the CLI's entry point then does not run main()). */
export const isLintWorker = !isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true;

if (isLintWorker) serveJobs();
