/** The word lists a key-result reading depends on (output verbs, outcome metrics, deliverable nouns, artifacts), and the rule options that set them. */
import type { OptionSpecs } from '../types.js';
import { DEFAULT_ARTIFACTS, DEFAULT_DELIVERABLE_NOUNS, DEFAULT_OUTCOME_METRICS, DEFAULT_OUTPUT_VERBS } from '../text/measures.js';

/** The word lists that decide whether a key result is a deliverable and which metric it names. */
export interface ReadingVocabulary {
  readonly outputVerbs: readonly string[];
  readonly outcomeMetrics: readonly string[];
  readonly deliverableNouns: readonly string[];
  readonly artifacts: readonly string[];
}

export const DEFAULT_VOCABULARY: ReadingVocabulary = {
  outputVerbs: DEFAULT_OUTPUT_VERBS,
  outcomeMetrics: DEFAULT_OUTCOME_METRICS,
  deliverableNouns: DEFAULT_DELIVERABLE_NOUNS,
  artifacts: DEFAULT_ARTIFACTS,
};

/** The options of the vocabulary, as outcomes/output-as-outcome declares them. */
export const VOCABULARY_OPTIONS = {
  outputVerbs: {
    type: 'string[]',
    default: DEFAULT_OUTPUT_VERBS,
    description: 'Verbs that name a deliverable when they govern a key result ("ship", "launch", "migrate", "hire", …), alone or in a compound ("Plan and implement"); inflections are matched too.',
  },
  outcomeMetrics: {
    type: 'string[]',
    default: DEFAULT_OUTCOME_METRICS,
    description: 'Metrics whose movement makes a line an outcome even when it names a deliverable ("Launch self-serve onboarding to raise activation from 40% to 60%").',
  },
  deliverableNouns: {
    type: 'string[]',
    default: DEFAULT_DELIVERABLE_NOUNS,
    description: 'Nouns of delivered work that make a key result a deliverable when they open it with an object ("Implementation of …", "Migration to …", "Support for …").',
  },
  artifacts: {
    type: 'string[]',
    default: DEFAULT_ARTIFACTS,
    description: 'Things that get made: a key result that opens with a new or updated one ("An updated handbook page", "A new onboarding guide") is a deliverable.',
  },
} as const satisfies OptionSpecs;

/**
 * The vocabulary options of a rule that leaves deliverables to outcomes/output-as-outcome: it
 * recognises them with the same lists, so a user who edits them there should edit them here too
 * (or set them once for `outcomes/*`).
 */
export const DELIVERABLE_OPTIONS = {
  outputVerbs: { ...VOCABULARY_OPTIONS.outputVerbs, description: 'Verbs of deliverables: a key result that is only a deliverable ("Hire 5 engineers") is left to outcomes/output-as-outcome, which asks for the metric, the target and the date together. Set the word lists once under `outcomes/*` to keep the rules in step.' },
  outcomeMetrics: { ...VOCABULARY_OPTIONS.outcomeMetrics, description: 'Metrics whose movement makes a line that names a deliverable an outcome (and so judged by this rule too).' },
  deliverableNouns: { ...VOCABULARY_OPTIONS.deliverableNouns, description: 'Nouns of delivered work ("Implementation of …"): such a key result is left to outcomes/output-as-outcome.' },
  artifacts: { ...VOCABULARY_OPTIONS.artifacts, description: 'Things that get made ("An updated handbook page"): such a key result is left to outcomes/output-as-outcome.' },
} as const satisfies OptionSpecs;
