/** The update/* rules, in catalog order. */
import type { Rule } from '../../types.js';

export const updateRules: Rule<any>[] = [];
