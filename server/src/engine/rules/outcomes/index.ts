/** The outcomes/* rules, in catalog order. */
import type { Rule } from '../../types.js';
import outputAsOutcome from './output-as-outcome.js';
import unmeasurable from './unmeasurable.js';
import noBaseline from './no-baseline.js';
import noTimeframe from './no-timeframe.js';
import vanityMetric from './vanity-metric.js';
import tooManyKeyResults from './too-many-key-results.js';
import objectiveIsTask from './objective-is-task.js';
import laggingOnly from './lagging-only.js';

export const outcomesRules: Rule<any>[] = [
  outputAsOutcome, unmeasurable, noBaseline, noTimeframe, vanityMetric, tooManyKeyResults, objectiveIsTask, laggingOnly,
];
