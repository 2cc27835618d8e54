/** `occurrence`: how many of something a document has ("at most 3 objectives", "at least 1 key result"). */
import type { StrategyDocument } from '../model/document.js';
import type { RelatedItem, Rule } from '../types.js';
import { customMeta } from './meta.js';
import { fill } from './matches.js';
import { shortened } from '../text/measures.js';
import type { OccurrenceSpec, OccurrenceTarget } from './types.js';

const NOUNS: Record<OccurrenceTarget, [string, string]> = {
  objectives: ['objective', 'objectives'],
  'key-results': ['key result', 'key results'],
  'roadmap-items': ['roadmap item', 'roadmap items'],
  actions: ['action', 'actions'],
  sections: ['section', 'sections'],
};

/** The places counted, in document order: each of the model's readings, as rules see them. */
function placesOf(doc: StrategyDocument, of: OccurrenceTarget): Array<{ start: number; end: number; text: string }> {
  switch (of) {
    case 'objectives': return doc.objectives.map((o) => ({ start: o.start, end: o.end, text: o.text }));
    case 'key-results': return doc.keyResults.map((kr) => ({ start: kr.item.start, end: kr.item.end, text: kr.item.text }));
    case 'roadmap-items': return doc.roadmapItems.map((ri) => ({ start: ri.item.start, end: ri.item.end, text: ri.item.text }));
    case 'actions': return doc.actionItems.map((item) => ({ start: item.start, end: item.end, text: item.text }));
    case 'sections': {
      // The document's main sections: the level below the title.
      const title = doc.titleSection;
      const main = title && title.depth === 1 ? title.children : doc.sections.filter((s) => s.parent === null);
      return main.map((s) => ({ start: s.titleStart, end: s.titleEnd, text: s.title }));
    }
  }
}

export function occurrenceRule(name: string, spec: OccurrenceSpec): Rule {
  const [one, many] = NOUNS[spec.of];
  const range = spec.min !== undefined && spec.max !== undefined ? `${spec.min} to ${spec.max}` : spec.max !== undefined ? `at most ${spec.max}` : `at least ${spec.min}`;
  return {
    meta: customMeta(name, spec, { documentLevel: true, fixable: false, description: spec.description ?? `A ${spec.types.join(', ')} document has ${range} ${many}.` }),
    check({ doc, reportDocument }) {
      const places = placesOf(doc, spec.of);
      const n = places.length;
      const counted = `${n} ${n === 1 ? one : many}`;
      if (spec.max !== undefined && n > spec.max) {
        // The places past the limit are where a reader looks first; no single one of them is at fault, so no item hints.
        const related: RelatedItem[] = places.slice(spec.max).map((place) => ({ start: place.start, end: place.end, message: `"${shortened(place.text)}" is past the limit of ${spec.max}` }));
        reportDocument(fill(spec.message ?? 'This document has {{count}}; this team allows {{range}}.', { count: counted, range: `${range} ${many}` }), undefined, related);
      } else if (spec.min !== undefined && n < spec.min) {
        reportDocument(fill(spec.message ?? 'This document has {{count}}; this team asks for {{range}}.', { count: counted, range: `${range} ${many}` }));
      }
    },
  };
}
