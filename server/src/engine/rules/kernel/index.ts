/** The kernel/* rules, in catalog order. */
import type { Rule } from '../../types.js';
import diagnosisMissing from './diagnosis-missing.js';
import guidingPolicyMissing from './guiding-policy-missing.js';
import coherentActionsMissing from './coherent-actions-missing.js';
import order from './order.js';
import emptySection from './empty-section.js';
import policyWithoutTradeoff from './policy-without-tradeoff.js';
import actionUntraced from './action-untraced.js';
import actionNoOwner from './action-no-owner.js';

export const kernelRules: Rule<any>[] = [
  diagnosisMissing, guidingPolicyMissing, coherentActionsMissing, order, emptySection, policyWithoutTradeoff, actionUntraced, actionNoOwner,
];
