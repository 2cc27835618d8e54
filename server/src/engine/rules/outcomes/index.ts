/** The outcomes/* rules, in catalog order. */
import type { Rule } from '../../types.js';

export const outcomesRules: Rule<any>[] = [];
