import { defineRule } from '../../types.js';
import { findDates } from '../../model/dates.js';
import type { Section } from '../../model/sections.js';
import { RangeSet } from '../../model/ranges.js';

/** Headings that are not releases even among release headings. */
const NOT_A_RELEASE = /^[^\p{L}\p{N}]*(?:\[?unreleased\]?|upcoming|coming\s+soon|next\s+release|about|contents|table\s+of\s+contents|legend|archive|older|previous|earlier|past\s+releases|feedback|support|help|links|how\s+to|upgrad|installation|install|getting\s+started|overview|introduction|intro|summary|highlights|known\s+issues|subscribe|contact|faq|notes|versioning|format|conventions|license)/iu;
/** A version an entry names: "(**5.17.0**, …)", "v2.16.0". */
const ENTRY_VERSION = /(?<![\w.])v?\d+\.\d+\.\d+(?![\w])/;
const VERSION_OR_DATE_KEYS = ['version', 'release', 'released', 'date', 'published', 'updated'];

export default defineRule({
  meta: {
    id: 'release-notes/missing-version-or-date',
    family: 'release-notes',
    description: 'A release heading with neither a version nor a date.',
    defaultSeverity: 'information',
    types: ['release-notes'],
    documentLevel: false,
    fixable: false,
    options: {},
    rationale:
      'Readers come to release notes to answer "do I have this yet?" and "when did this change?". A heading like "What\'s new" answers neither; six months later nobody can tell which release it described, and support cannot match a customer\'s version to the notes.',
    howToFix:
      'Put the version and the release date in the heading: "## 2.4.0 — 2026-11-21". For notes collected before a release, use "Unreleased".',
    seeds: [],
    examples: {
      bad: '# Release notes\n\n## What\'s new\n\n- Imports now run in the background, so you can keep working.\n\n## 2.3.0 — 2026-10-02\n\n- Boards open twice as fast, so you wait less.\n',
      good: '# Release notes\n\n## 2.4.0 — 2026-11-21\n\n- Imports now run in the background, so you can keep working.\n\n## 2.3.0 — 2026-10-02\n\n- Boards open twice as fast, so you wait less.\n',
    },
  },
  check({ doc, report }) {
    const flagged = new Set<Section>();
    const frontMatterCovers = VERSION_OR_DATE_KEYS.some((key) => {
      const value = doc.frontMatterValue(key);
      return value instanceof Date || (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
    });
    for (const { section, version, date } of doc.releases) {
      if (!section || version || date || NOT_A_RELEASE.test(section.title)) continue;
      // A single release described by the whole document may carry its version or date in front matter.
      if (section === doc.titleSection && frontMatterCovers) continue;
      flagged.add(section);
    }
    // Headings at the level of the dated/versioned releases, under the same parent, that hold entries but name neither.
    const named = doc.releases.flatMap((r) => (r.section && (r.version || r.date) ? [r.section] : []));
    if (named.length >= 2) {
      const releaseSections = new Set(doc.releases.map((r) => r.section));
      /** Named releases by parent section and depth: a heading's peers. */
      const peerCount = new Map<Section | null, Map<number, number>>();
      for (const section of named) {
        const byDepth = peerCount.get(section.parent) ?? new Map<number, number>();
        byDepth.set(section.depth, (byDepth.get(section.depth) ?? 0) + 1);
        peerCount.set(section.parent, byDepth);
      }
      const items = new RangeSet(doc.items);
      for (const section of doc.sections) {
        if (flagged.has(section) || releaseSections.has(section)) continue;
        const peers = peerCount.get(section.parent)?.get(section.depth) ?? 0;
        if (peers < 2 || NOT_A_RELEASE.test(section.title) || findDates(section.title, doc.dateOptions).length > 0) continue;
        if (items.startsWithin(section.start, section.end)) flagged.add(section);
      }
    }
    // A section of a digest whose entries each name the version they came in ("… now allowed (**5.18.0**)") tells readers which release has each change.
    const entriesVersioned = (section: Section): boolean => {
      const entries = doc.items.filter((item) => item.kind === 'list-item' && item.depth === 0 && item.start >= section.start && item.start < section.end);
      return entries.length >= 2 && entries.filter((item) => ENTRY_VERSION.test(item.text)).length * 2 > entries.length;
    };
    for (const section of flagged) if (entriesVersioned(section)) flagged.delete(section);
    for (const section of [...flagged].sort((a, b) => a.start - b.start)) {
      report({
        message: `Release heading "${section.title}" has no version and no date: readers cannot tell whether they have this release or when it shipped. Add both ("2.4.0 — 2026-11-21").`,
        start: section.titleStart,
        end: section.titleEnd,
      });
    }
  },
});
