/** Bundle entry for the CLI: runs main() when executed (and serves lint jobs in a worker thread: parallel.ts). */
import { main } from './main.js';
import { isLintWorker } from './parallel.js';

if (!isLintWorker) main();
