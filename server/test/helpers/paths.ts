import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

/** Tests run from server/dist/test/**; the repository root is found from this file's location. */
const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..', '..', '..');
export const serverRoot = path.join(repoRoot, 'server');
export const fixturesDir = path.join(serverRoot, 'test', 'fixtures');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
