/** `existence`: terms a team does not want in its documents ("north star", "synergy"). */
import type { Rule } from '../types.js';
import { customMeta } from './meta.js';
import { fill, findTerms } from './matches.js';
import type { ExistenceSpec } from './types.js';

export function existenceRule(name: string, spec: ExistenceSpec): Rule {
  const message = spec.message ?? '"{{term}}" is on this team\'s list of terms to avoid.';
  return {
    meta: customMeta(name, spec, { documentLevel: false, fixable: false, description: spec.description ?? `Avoid: ${spec.terms.slice(0, 5).join(', ')}${spec.terms.length > 5 ? ', …' : ''}.` }),
    check({ doc, report }) {
      for (const match of findTerms(doc, spec.terms, { inflect: spec.inflect, sections: spec.sections })) {
        report({ message: fill(message, { term: match.written }), start: match.start, end: match.end });
      }
    },
  };
}
