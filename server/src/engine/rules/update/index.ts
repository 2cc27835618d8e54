/** The update/* rules, in catalog order. */
import type { Rule } from '../../types.js';
import noAsk from './no-ask.js';
import noLowlights from './no-lowlights.js';

export const updateRules: Rule<any>[] = [noAsk, noLowlights];
