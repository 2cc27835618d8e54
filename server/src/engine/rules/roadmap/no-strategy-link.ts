import { defineRule, type Fix } from '../../types.js';
import type { Nodes, Parents } from 'mdast';
import type { StrategyDocument } from '../../model/document.js';
import type { Section } from '../../model/sections.js';

/** Link targets and texts that point at the strategy a roadmap serves. */
const STRATEGY_LINK = /strateg|vision|okrs?\b|objectives|north[\s_-]?star|mission|thesis|narrative|principles|bets\b|why\b|guiding[\s_-]?polic|(?:^|[/\\])(?:strategy|vision|okrs?)(?:\.[\w-]+)?\.md\b/i;
/** Sections that carry the why of a roadmap. */
const WHY_HEADING = /^[^\p{L}\p{N}]*(?:why\b|strategy|strategic|context|vision|mission|north\s+star|goals|objectives|okrs|themes?\b|bets\b|principles|problem|opportunit|thesis|how\s+this\s+roadmap)/iu;
/**
 * Intro prose that names the strategy ("This roadmap serves our 2027 strategy") or the motivation
 * behind the plan ("This was one of the motivations behind the survey", "the reasons for this plan").
 */
const WHY_PROSE = /\b(?:strateg(?:y|ic)|vision|okrs?|north\s+star|mission|objectives?|guiding\s+polic(?:y|ies)|motivations?|the\s+reasons?\s+(?:for|behind|why))\b/i;
/**
 * Intro prose that names the period's one theme, the choice the items serve: "The main focus of
 * this year is to achieve spec compliance", "the theme in 2023 should be polished completeness".
 * A verb ("we will focus on technical debt") names work, not the theme the roadmap is built on.
 */
const THEME_PROSE = /\b(?:focus|theme|goal|aim|priority)\s+(?:of|for|in)\s+(?:(?:this|the|next|our)\s+)?(?:year|quarter|half|release|roadmap|period|cycle|\d{4})\b/i;
/** Front matter keys that link a strategy. */
const LINK_KEYS = ['strategy', 'vision', 'okrs', 'okr', 'parent', 'serves', 'related', 'links', 'see-also', 'see_also'];

function links(root: Nodes): Array<{ url: string; text: string }> {
  const found: Array<{ url: string; text: string }> = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'definition') {
      const text = 'children' in node ? plain(node) : (node.label ?? '');
      found.push({ url: node.url, text });
    } else if (node.type === 'linkReference') {
      found.push({ url: node.identifier, text: plain(node) });
    }
    if ('children' in node) for (const child of (node as Parents).children as Nodes[]) visit(child);
  };
  visit(root);
  return found;
}

function plain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return ((node as Parents).children as Nodes[]).map(plain).join('');
  return '';
}

function isWhySection(section: Section): boolean {
  return WHY_HEADING.test(section.title) || section.roles.some((role) => role === 'guiding-policy' || role === 'diagnosis');
}

/** The heading of an opening section that introduces the roadmap. */
const INTRO_HEADING = /^[^\p{L}\p{N}]*(?:overview|introduction|intro|about|summary|preface|purpose)\b/iu;

/**
 * Intro paragraphs: the title's own blocks (before the first subsection), or everything before the
 * first heading, and an opening "Overview" / "Introduction" / "About" section; with no H1, the
 * prose above the first heading too.
 */
function introMentionsStrategy(doc: StrategyDocument): boolean {
  const title = doc.titleSection;
  const firstSubsection = doc.sections.find((s) => s !== title && (!title || s.start > title.start));
  const end = firstSubsection?.start ?? doc.text.length;
  const start = title ? title.titleEnd : 0;
  const opening = firstSubsection && INTRO_HEADING.test(firstSubsection.title) ? doc.blocksIn(firstSubsection.titleEnd, firstSubsection.end) : [];
  // With no H1 (the title is in the front matter), the intro is the prose above the first heading.
  const above = title && title.depth !== 1 ? doc.blocksIn(doc.frontMatter?.end ?? 0, title.start) : [];
  return [...above, ...doc.blocksIn(start, end), ...opening].some((block) => block.kind === 'paragraph' && (WHY_PROSE.test(block.text) || THEME_PROSE.test(block.text)));
}

function frontMatterLinks(doc: StrategyDocument): boolean {
  return LINK_KEYS.some((key) => {
    const value = doc.frontMatterValue(key);
    if (typeof value === 'string') return value.trim().length > 0;
    if (Array.isArray(value)) return value.some((v) => typeof v === 'string' && STRATEGY_LINK.test(v));
    return false;
  });
}

function insertWhyFix(doc: StrategyDocument): Fix {
  const eol = doc.lines.eol;
  const title = doc.titleSection;
  const first = doc.sections.find((s) => s !== title && s.depth > (title?.depth ?? 0));
  const depth = first?.depth ?? (title ? Math.min(6, title.depth + 1) : 2);
  const block = `${'#'.repeat(depth)} Why${eol}${eol}<!-- Which strategy does this roadmap serve? Link it, and say in one sentence what it rules out. -->${eol}${eol}`;
  if (first) return { title: 'Insert a "Why" section that links the strategy', edits: [{ start: first.start, end: first.start, newText: block }] };
  const trimmedEnd = doc.text.trimEnd().length; // not /\s+$/: quadratic on a long run of blanks inside the text
  return {
    title: 'Insert a "Why" section that links the strategy',
    edits: [{ start: trimmedEnd, end: doc.text.length, newText: `${trimmedEnd === 0 ? '' : `${eol}${eol}`}${block.replace(/(\r?\n)+$/, '')}${eol}` }],
  };
}

export default defineRule({
  meta: {
    id: 'roadmap/no-strategy-link',
    family: 'roadmap',
    description: 'A roadmap that neither links the strategy it serves nor has a "Why" or strategy section.',
    defaultSeverity: 'information',
    types: ['roadmap'],
    documentLevel: true,
    fixable: true,
    options: {},
    rationale:
      '"Roadmaps without strategy" are an early sign of a team that ships a lot and achieves little: without the why, every item looks equally important, trade-offs cannot be argued, and the roadmap drifts toward whoever asks loudest. A link to the strategy (or a short "Why" section) lets readers check each item against the choice it serves.',
    howToFix:
      'Add a "Why" section near the top that links the strategy or OKRs the roadmap serves and says what it rules out, or link them from the intro ("This roadmap serves [our 2027 strategy](./STRATEGY.md)"). The quick fix inserts the section skeleton.',
    seeds: [
      { source: '002', quote: 'I avoid management anti-patterns by watching for early signals: policies without principles, roadmaps without strategy' },
    ],
    examples: {
      bad: '# Northwind roadmap\n\n## Now\n\n- **Spreadsheet import** (Q1 2027)\n',
      good: '# Northwind roadmap\n\nThis roadmap serves [our 2027 strategy](./STRATEGY.md): win mid-market teams in their first week.\n\n## Now\n\n- **Spreadsheet import** (Q1 2027)\n',
    },
  },
  check({ doc, reportDocument }) {
    if (links(doc.root).some((link) => STRATEGY_LINK.test(link.url) || STRATEGY_LINK.test(link.text))) return;
    if (/\[\[[^\]\n]{0,80}(?:strateg|vision|okr)/i.test(doc.text)) return;
    if (doc.sections.some(isWhySection)) return;
    if (introMentionsStrategy(doc) || frontMatterLinks(doc)) return;
    reportDocument(
      'This roadmap never says which strategy it serves: link the strategy or OKRs, or add a short "Why" section, so each item can be checked against the choice it carries out.',
      insertWhyFix(doc),
    );
  },
});
