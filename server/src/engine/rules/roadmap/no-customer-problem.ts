import { defineRule } from '../../types.js';
import { phraseMatcher } from '../../text/phrases.js';
import { cellsUnder, planText, reportMissing, themeText } from './_plan.js';
import { detailOf, goalsFor } from './_context.js';
import { namesCustomer, statesPurpose } from './_reasons.js';

/** Columns that hold the why of a row. */
const WHY_COLUMN = /\b(?:problem|pain|why|customer|customers|user|users|who|for whom|persona|segment|need|job|opportunity|insight|evidence|rationale)\b/i;

export default defineRule({
  meta: {
    id: 'roadmap/no-customer-problem',
    family: 'roadmap',
    description: 'A roadmap item that names no customer, user, pain or problem — no "why".',
    defaultSeverity: 'information',
    types: ['roadmap'],
    documentLevel: false,
    summarises: true,
    fixable: false,
    options: {
      customerWords: {
        type: 'string[]',
        default: ['customer', 'user', 'client', 'buyer', 'admin', 'administrator', 'developer', 'merchant', 'shopper', 'member', 'subscriber', 'partner', 'seller', 'patient', 'student', 'teacher', 'operator', 'agent', 'manager', 'people', 'persona', 'enterprise', 'SMB', 'mid-market', 'team', 'account', 'organization', 'organisation', 'company', 'companies', 'analyst', 'engineer', 'designer', 'marketer', 'recruiter', 'clinician', 'rider', 'guest', 'tenant', 'reader', 'creator', 'vendor', 'supplier', 'head', 'executive', 'leader', 'staff', 'employee', 'worker', 'technician', 'dispatcher', 'inspector', 'driver', 'courier', 'nurse', 'doctor', 'physician', 'learner', 'instructor', 'reviewer', 'on-call', 'host', 'traveler', 'traveller', 'visitor', 'applicant', 'candidate', 'consumer', 'household', 'parent', 'publisher', 'advertiser', 'editor', 'accountant', 'bookkeeper', 'contractor', 'freelancer', 'agency', 'clinic', 'hospital', 'school', 'restaurant', 'store', 'shop', 'brand', 'you', 'your'],
        description: 'Words that name who an item is for (matched as nouns, with plurals; "operator", "client", "account" and a few others only after "the", "each", "our"…, since alone they usually name software).',
      },
      problemWords: {
        type: 'string[]',
        default: ['problem', 'pain', 'pain point', 'why', 'because', 'so that', 'so they', 'need', 'needs', 'struggle', 'friction', 'complain', 'complaint', 'ask for', 'asked for', 'request', 'requested', 'churn', 'blocked', 'blocker', "can't", 'cannot', 'unable', 'hard to', 'slow', 'manual', 'manually', 'error-prone', 'lose', 'losing', 'lost', 'waste', 'wasted', 'frustrating', 'frustrated', 'confusing', 'confused', 'workaround', 'risk', 'compliance', 'outage', 'incident', 'bug', 'broken', 'too long', 'takes', 'miss', 'missing', 'fail', 'fails', 'drop off', 'drop-off', 'abandon', 'opportunity', 'job to be done', 'spend', 'spends', 'spent', 'by hand', 'every week', 'every day', 'every morning', 'every month', 'rebuild', 'redo', 're-enter', 'retype', 'wait', 'waiting', 'delay', 'delayed', 'stuck', 'failure', 'error', 'cost', 'expensive', 'downtime', 'overhead', 'bottleneck', 'weakness', 'vulnerability', 'vulnerable', 'limitation', 'flaky', 'fragile', 'tech debt', 'technical debt', 'poor', 'substandard', 'unreliable', 'insufficient', 'inadequate', 'lack', 'lacking', 'degraded', 'intermittent',
          // What the item prevents is the problem it answers: "…and avoid experiments going out of control".
          'avoid', 'prevent', 'protect against', 'out of control', 'runaway'],
        description: 'Words that state a pain or a reason (matched with inflections).',
      },
      maxFindings: {
        type: 'number',
        default: 5,
        minimum: 1,
        description: 'Report each item up to this many; above it, one finding on the title summarizes them (a roadmap written as a bare feature list is one problem, not twenty). A section of three or more items that all miss it gets one finding on its heading. A summary lists its items (related locations) and marks each with a hint.',
      },
    },
    rationale:
      'A roadmap item that only names a feature invites the question nobody then asks: who hurts today, and why does it matter? Starting from customers and their pain points is what makes a roadmap a strategy instead of a backlog — and it lets stakeholders challenge the reasoning, not just the dates.',
    howToFix:
      'Add who has the problem and what it costs them, in a clause or a column: "SSO — enterprise admins cannot enforce login policy, which blocks 12 security reviews a quarter." A theme heading or the paragraph under it can state the problem once for the items it groups.',
    seeds: [
      { source: '000', quote: 'Start with the customers. What are their pain points? Why are those painful? Why do those exist? Why do they matter?' },
    ],
    examples: {
      bad: '# Northwind roadmap\n\n## Now\n\n- **Spreadsheet import** (Q1 2027)\n',
      good: '# Northwind roadmap\n\n## Now\n\n- **Spreadsheet import** (Q1 2027): admins at new accounts spend six hours on manual setup.\n',
    },
  },
  check({ doc, options, report, reportDocument, isSuppressed }) {
    const customers = phraseMatcher(options.customerWords);
    const problems = phraseMatcher(options.problemWords);
    const names = (text: string): boolean => problems.test(text) || namesCustomer(customers, text);
    const items = doc.roadmapItems.map((entry) => entry.item);
    const missing = items.filter((item) => {
      if (cellsUnder(item, WHY_COLUMN).length > 0) return false;
      const own = `${planText(item)} \u2029 ${detailOf(doc, item)}`;
      // A purpose after the item's head ("… to improve resource efficiency") or its milestone's goal is its why.
      if (names(own) || statesPurpose(own) || goalsFor(doc, item).length > 0) return false;
      return !names(themeText(doc, item));
    });
    reportMissing(doc, items, missing, options.maxFindings, {
      item: (name) => `"${name}" names no customer or problem: say who hurts today and why it matters (e.g. "admins spend six hours on manual setup").`,
      related: (name) => `"${name}" names no customer or problem`,
      section: (title, count) => `None of the ${count} items under "${title}" names a customer or problem: for each, say who hurts today and why it matters.`,
      document: (count, total, names) => `${count} of ${total} roadmap items name no customer or problem (${names}): for each, say who hurts today and why it matters, so readers can challenge the reasoning, not just the dates.`,
    }, { report, reportDocument, isSuppressed });
  },
});
