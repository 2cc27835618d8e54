/** Bundle entry for the CLI: runs main() when executed. */
import { main } from './main.js';

main();
