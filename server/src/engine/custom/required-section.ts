/** `required-section`: a section every document of a type must have ("Rollback plan" in every decision). */
import type { Rule } from '../types.js';
import { normalizeHeading } from '../model/roles.js';
import { insertSectionFix } from '../text/sections.js';
import { customMeta } from './meta.js';
import { fill } from './matches.js';
import type { RequiredSectionSpec } from './types.js';

/**
 * "Rollback plan", "Rollback plan (draft)", "Rollback plan: how we undo it" all name the section:
 * normalizeHeading has turned their punctuation into spaces, so a name followed by a space (or a
 * hyphen, which it keeps) starts the heading.
 */
function names(title: string, wanted: readonly string[]): boolean {
  const normalized = normalizeHeading(title);
  return wanted.some((name) => normalized === name || (normalized.startsWith(name) && /^[\s-]/.test(normalized.slice(name.length))));
}

export function requiredSectionRule(name: string, spec: RequiredSectionSpec): Rule {
  const message = spec.message ?? 'This document has no "{{heading}}" section.';
  const wanted = [spec.heading, ...spec.synonyms].map(normalizeHeading).filter(Boolean);
  return {
    meta: customMeta(name, spec, { documentLevel: true, fixable: true, description: spec.description ?? `Every ${spec.types.join(', ')} document has a "${spec.heading}" section.` }),
    check({ doc, reportDocument }) {
      if (spec.role && doc.sectionsWithRole(spec.role).length > 0) return;
      if (doc.sections.some((section) => section !== doc.titleSection && names(section.title, wanted))) return;
      reportDocument(
        fill(message, { heading: spec.heading }),
        insertSectionFix(doc, spec.heading, spec.prompt ?? `What belongs under "${spec.heading}"?`, spec.before),
      );
    },
  };
}
