/** The pyramid/* rules, in catalog order. */
import type { Rule } from '../../types.js';

export const pyramidRules: Rule<any>[] = [];
