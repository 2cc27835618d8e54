/** The roadmap/* rules, in catalog order. */
import type { Rule } from '../../types.js';
import beyondHorizon from './beyond-horizon.js';
import longRangeNotTentative from './long-range-not-tentative.js';
import noCustomerProblem from './no-customer-problem.js';
import noOutcome from './no-outcome.js';
import stale from './stale.js';
import noStrategyLink from './no-strategy-link.js';

export const roadmapRules: Rule<any>[] = [beyondHorizon, longRangeNotTentative, noCustomerProblem, noOutcome, stale, noStrategyLink];
