/** `substitution`: a term the team replaces by another ("utilize" → "use"), with a quick fix. */
import type { Rule } from '../types.js';
import { customMeta } from './meta.js';
import { fill, findTerms } from './matches.js';
import type { SubstitutionSpec } from './types.js';

/** The preferred term in the case the writer used: "Customer" for "Client", "use" for "utilize". */
function inCaseOf(written: string, preferred: string): string {
  if (written.length > 1 && written === written.toUpperCase() && /\p{L}/u.test(written)) return preferred.toUpperCase();
  if (/^\p{Lu}/u.test(written) && /^\p{Ll}/u.test(preferred)) return preferred[0].toUpperCase() + preferred.slice(1);
  return preferred;
}

export function substitutionRule(name: string, spec: SubstitutionSpec): Rule {
  const message = spec.message ?? 'Use "{{replacement}}" instead of "{{term}}".';
  const preferredOf = new Map(Object.entries(spec.swap).map(([term, preferred]) => [term.toLowerCase(), preferred]));
  const pairs = Object.entries(spec.swap).slice(0, 3).map(([term, preferred]) => `"${term}" → "${preferred}"`);
  return {
    meta: customMeta(name, spec, { documentLevel: false, fixable: true, description: spec.description ?? `Preferred terms: ${pairs.join(', ')}${Object.keys(spec.swap).length > 3 ? ', …' : ''}.` }),
    check({ doc, report }) {
      // Not inflected: "utilized" → "use" would be wrong, so only the forms the team listed are replaced.
      for (const match of findTerms(doc, Object.keys(spec.swap), { inflect: false, sections: spec.sections })) {
        const preferred = preferredOf.get(match.term.toLowerCase());
        if (!preferred || preferred.toLowerCase() === match.written.toLowerCase()) continue;
        const replacement = inCaseOf(match.written, preferred);
        // Markup inside the match ("north **star**") would be lost by the replacement: no fix then.
        const fix = match.plain
          ? { title: `Replace "${match.written}" with "${replacement}"`, edits: [{ start: match.start, end: match.end, newText: replacement }], preferred: true }
          : undefined;
        report({ message: fill(message, { term: match.written, replacement }), start: match.start, end: match.end, fix });
      }
    },
  };
}
