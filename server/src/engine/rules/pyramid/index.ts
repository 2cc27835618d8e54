/** The pyramid/* rules, in catalog order. */
import type { Rule } from '../../types.js';
import answerFirst from './answer-first.js';
import missingSummary from './missing-summary.js';
import buriedConclusion from './buried-conclusion.js';
import tooManySiblings from './too-many-siblings.js';
import singleChild from './single-child.js';

export const pyramidRules: Rule<any>[] = [answerFirst, missingSummary, buriedConclusion, tooManySiblings, singleChild];
