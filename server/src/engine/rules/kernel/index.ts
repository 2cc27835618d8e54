/** The kernel/* rules, in catalog order. */
import type { Rule } from '../../types.js';
import diagnosisMissing from './diagnosis-missing.js';

export const kernelRules: Rule<any>[] = [diagnosisMissing];
