/**
 * Imported first by the server: makes V8 keep the heap close to what is live. A language server
 * holds a few documents' trees and creates much short-lived garbage on every keystroke; with V8's
 * default growth, the heap of a 50,000-word document grows past 180 MB of garbage between
 * collections. `--optimize-for-size` (read while running, unlike the heap-size flags) makes the
 * young generation smaller and old-generation collections earlier: about 40 MB less at peak for a
 * few percent more time in the collector. STRATEGY_LINT_OPTIMIZE_FOR_SPEED=1 turns it off.
 */
import { setFlagsFromString } from 'node:v8';

if (process.env.STRATEGY_LINT_OPTIMIZE_FOR_SPEED !== '1') setFlagsFromString('--optimize-for-size');
