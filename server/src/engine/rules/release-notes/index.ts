/** The release-notes/* rules, in catalog order. */
import type { Rule } from '../../types.js';
import noCustomerValue from './no-customer-value.js';
import internalJargon from './internal-jargon.js';
import weCentric from './we-centric.js';
import missingVersionOrDate from './missing-version-or-date.js';

export const releaseNotesRules: Rule<any>[] = [noCustomerValue, internalJargon, weCentric, missingVersionOrDate];
