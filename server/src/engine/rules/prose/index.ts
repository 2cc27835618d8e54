/** The prose/* rules, in catalog order. */
import type { Rule } from '../../types.js';
import hedge from './hedge.js';
import passive from './passive.js';
import longSentence from './long-sentence.js';
import readability from './readability.js';
import vagueTime from './vague-time.js';
import undefinedAcronym from './undefined-acronym.js';
import placeholder from './placeholder.js';

export const proseRules: Rule<any>[] = [hedge, passive, longSentence, readability, vagueTime, undefinedAcronym, placeholder];
