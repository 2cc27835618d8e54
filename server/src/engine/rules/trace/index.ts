/** The trace/* rules, in catalog order: rules over the documents of a folder, run by lintWorkspace. */
import type { Rule } from '../../types.js';
import orphanItem from './orphan-item.js';
import unplannedAction from './unplanned-action.js';
import contradictsPolicy from './contradicts-policy.js';
import staleAfterStrategy from './stale-after-strategy.js';
import brokenLink from './broken-link.js';

export const traceRules: Rule<any>[] = [orphanItem, unplannedAction, contradictsPolicy, staleAfterStrategy, brokenLink];
