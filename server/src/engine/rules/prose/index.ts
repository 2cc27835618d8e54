/** The prose/* rules, in catalog order. */
import type { Rule } from '../../types.js';

export const proseRules: Rule<any>[] = [];
