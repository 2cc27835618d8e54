/**
 * The rule registry: every rule of the v1 catalog, family by family, in catalog order.
 * Each rule lives in its own file named by its id (rules/kernel/diagnosis-missing.ts is
 * `kernel/diagnosis-missing`), with its metadata and docs beside its check.
 */
import type { Rule } from '../types.js';
import { VERSION } from '../../version.js';
import { kernelRules } from './kernel/index.js';
import { badStrategyRules } from './bad-strategy/index.js';
import { outcomesRules } from './outcomes/index.js';
import { pyramidRules } from './pyramid/index.js';
import { roadmapRules } from './roadmap/index.js';
import { releaseNotesRules } from './release-notes/index.js';
import { decisionRules } from './decision/index.js';
import { updateRules } from './update/index.js';
import { proseRules } from './prose/index.js';
import { traceRules } from './trace/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allRules: readonly Rule<any>[] = [
  ...kernelRules, ...badStrategyRules, ...outcomesRules, ...pyramidRules, ...roadmapRules,
  ...releaseNotesRules, ...decisionRules, ...updateRules, ...proseRules, ...traceRules,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const rulesById: ReadonlyMap<string, Rule<any>> = new Map(allRules.map((rule) => [rule.meta.id, rule]));

/**
 * Base of every rule's documentation page: the `docs/rules/<id>.md` pages of this version of the
 * `strategy-lint` npm package, as unpkg serves every published package. The VS Code extension
 * opens the same pages bundled in it (offline); `strategyLint.docsUrl` points the links elsewhere.
 */
export const DOCS_BASE_URL = `https://unpkg.com/strategy-lint@${VERSION}/docs/rules/`;

/** A rule's documentation page under `base` (a URL ending in "/", DOCS_BASE_URL by default). */
export function ruleDocUrl(ruleId: string, base: string = DOCS_BASE_URL): string {
  return `${base}${ruleId}.md`;
}
