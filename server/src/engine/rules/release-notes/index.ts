/** The release-notes/* rules, in catalog order. */
import type { Rule } from '../../types.js';

export const releaseNotesRules: Rule<any>[] = [];
