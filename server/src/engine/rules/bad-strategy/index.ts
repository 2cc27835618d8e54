/** The bad-strategy/* rules, in catalog order. */
import type { Rule } from '../../types.js';
import fluff from './fluff.js';
import goalsAsStrategy from './goals-as-strategy.js';
import unfacedChallenge from './unfaced-challenge.js';
import tooManyPriorities from './too-many-priorities.js';

export const badStrategyRules: Rule<any>[] = [fluff, goalsAsStrategy, unfacedChallenge, tooManyPriorities];
