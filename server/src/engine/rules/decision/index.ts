/** The decision/* rules, in catalog order. */
import type { Rule } from '../../types.js';
import optionsMissing from './options-missing.js';
import noRisks from './no-risks.js';
import noOwner from './no-owner.js';
import reversibility from './reversibility.js';

export const decisionRules: Rule<any>[] = [optionsMissing, noRisks, noOwner, reversibility];
