/** The bad-strategy/* rules, in catalog order. */
import type { Rule } from '../../types.js';
import fluff from './fluff.js';

export const badStrategyRules: Rule<any>[] = [fluff];
