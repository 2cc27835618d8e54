/** The decision/* rules, in catalog order. */
import type { Rule } from '../../types.js';

export const decisionRules: Rule<any>[] = [];
