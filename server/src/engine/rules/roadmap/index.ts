/** The roadmap/* rules, in catalog order. */
import type { Rule } from '../../types.js';

export const roadmapRules: Rule<any>[] = [];
