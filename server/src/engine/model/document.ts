/**
 * The document model every rule reads: parsed tree, front matter, type, sections with roles,
 * prose blocks, items (key results, objectives, roadmap items, release entries, actions), dates
 * and, lazily, sentences. Built once per lint; the expensive parts are computed on first use.
 */
import type { Nodes, Parents, Root } from 'mdast';
import type { Root as NlcstRoot } from 'nlcst';
import type { DocType, SectionRole } from '../types.js';
import { LineIndex } from './line-index.js';
import { parseMarkdown, readFrontMatter, type FrontMatter } from './parse.js';
import { RoleMatcher, type RoleSynonyms } from './roles.js';
import { buildSections, sectionAt, withinRole, type Section } from './sections.js';
import { TextBlock, textBlockOf } from './text-block.js';
import { collectItems, KEY_RESULT_LABEL, OBJECTIVE_LABEL, type Item } from './items.js';
import { docTypeFromFileName, docTypeFromGlobs, inferDocType, parseDocType, type DocTypeDecision } from './doctype.js';
import { findDates, horizonOf, parseDateValue, type DateMention, type DateOptions } from './dates.js';
import { buildNlcst, sentencesOf, type Sentence } from './sentences.js';

export interface DocumentOptions {
  filePath?: string;
  /** Path relative to the folder globs are resolved against. */
  relativePath?: string;
  forcedType?: DocType;
  typeGlobs?: Record<string, DocType>;
  roleSynonyms: RoleSynonyms;
  /** Reference date from settings ("2026-11-21"); front matter `updated:`/`date:` wins over it. */
  referenceDate?: string;
  /** Today, injectable for tests. */
  today?: Date;
  fiscalYearStartMonth: number;
}

export interface Objective {
  kind: 'item' | 'heading';
  text: string;
  start: number;
  end: number;
  item: Item | null;
  section: Section | null;
  keyResults: KeyResult[];
}

export interface KeyResult {
  item: Item;
  objective: Objective | null;
  /** "KR1", "Key result", … when the line carries a label. */
  label: string | null;
}

export interface RoadmapItem {
  item: Item;
  /** When the item is planned: its own date, else its section's horizon or period. */
  when: DateMention | null;
}

export interface Release {
  section: Section;
  version: string | null;
  date: DateMention | null;
}

export interface ReleaseEntry {
  item: Item;
  release: Release;
}

const VERSION = /\bv?\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?\b/i;
const RELEASE_SECTION = /\b(?:what'?s new|what’s new|unreleased|release)\b/i;
const NON_ITEM_ROLES: readonly SectionRole[] = ['summary', 'non-goals', 'risks', 'audience', 'diagnosis', 'guiding-policy'];
const WHY_SECTION = /^\W*(?:why|strategy|context|background|how to read|about|changelog|legend|principles)\b/i;

export class StrategyDocument {
  readonly text: string;
  readonly filePath: string | undefined;
  readonly root: Root;
  readonly lines: LineIndex;
  readonly frontMatter: FrontMatter | null;
  readonly sections: Section[];
  readonly roleMatcher: RoleMatcher;
  readonly typeDecision: DocTypeDecision;
  readonly referenceDate: Date;
  readonly dateOptions: DateOptions;
  /** The first level-1 heading, else the first heading. */
  readonly titleSection: Section | null;

  private cachedItems?: Item[];
  private cachedBlocks?: TextBlock[];
  private cachedObjectives?: Objective[];
  private cachedKeyResults?: KeyResult[];
  private cachedNlcst?: NlcstRoot;
  private cachedSentences?: Sentence[];
  private cachedWordCount?: number;

  constructor(text: string, options: DocumentOptions) {
    this.text = text;
    this.filePath = options.filePath;
    this.lines = new LineIndex(text);
    this.root = parseMarkdown(text);
    this.frontMatter = readFrontMatter(this.root);
    this.roleMatcher = new RoleMatcher(options.roleSynonyms);
    this.sections = buildSections(this.root, text.length, this.roleMatcher);
    this.titleSection = this.sections.find((s) => s.depth === 1) ?? this.sections[0] ?? null;

    const reference = parseDateValue(this.frontMatterValue('updated')) ?? parseDateValue(this.frontMatterValue('date'))
      ?? parseDateValue(this.frontMatterValue('last_updated')) ?? parseDateValue(options.referenceDate)
      ?? parseDateValue((options.today ?? new Date()).toISOString().slice(0, 10))!;
    this.referenceDate = reference;
    this.dateOptions = { referenceDate: reference, fiscalYearStartMonth: options.fiscalYearStartMonth };
    this.typeDecision = this.decideType(options);
  }

  get type(): DocType {
    return this.typeDecision.type;
  }

  /** A front matter value, also looked up under the `strategy-lint:` key. */
  frontMatterValue(key: string): unknown {
    const data = this.frontMatter?.data;
    if (!data) return undefined;
    const own = data['strategy-lint'];
    if (own && typeof own === 'object' && key in (own as Record<string, unknown>)) return (own as Record<string, unknown>)[key];
    return data[key];
  }

  private decideType(options: DocumentOptions): DocTypeDecision {
    if (options.forcedType) return { type: options.forcedType, source: 'forced', reason: 'forced by the caller' };
    const declared = parseDocType(this.frontMatterValue('type')) ?? parseDocType(this.frontMatter?.data?.['doctype']);
    if (declared) return { type: declared, source: 'front-matter', reason: 'declared in front matter' };
    if (options.relativePath && options.typeGlobs) {
      const match = docTypeFromGlobs(options.relativePath, options.typeGlobs);
      if (match) return { type: match.type, source: 'config', reason: `configured glob "${match.glob}"` };
    }
    if (options.filePath) {
      const byName = docTypeFromFileName(options.filePath);
      if (byName) return { type: byName, source: 'file-name', reason: `file name ${options.filePath.split(/[\\/]/).pop()}` };
    }
    const keyResultLines = this.items.filter((item) => KEY_RESULT_LABEL.test(item.text)).length;
    const inferred = inferDocType(this.sections, this.titleText, keyResultLines);
    return inferred ?? { type: 'generic', source: 'default', reason: 'no strategy structure found' };
  }

  get titleText(): string | null {
    const fromFrontMatter = this.frontMatterValue('title');
    if (this.titleSection) return this.titleSection.title;
    return typeof fromFrontMatter === 'string' ? fromFrontMatter : null;
  }

  /** Where document-level findings go: the title's text, else the first line. */
  get titleRange(): { start: number; end: number } {
    if (this.titleSection) return { start: this.titleSection.titleStart, end: this.titleSection.titleEnd };
    return { start: 0, end: this.lines.lineEnd(0) };
  }

  sectionsWithRole(role: SectionRole): Section[] {
    return this.sections.filter((section) => section.roles.includes(role));
  }

  sectionAt(offset: number): Section | null {
    return sectionAt(this.sections, offset);
  }

  /** Every prose block (paragraphs anywhere, headings, table cells) in document order. */
  get textBlocks(): TextBlock[] {
    if (!this.cachedBlocks) {
      const blocks: TextBlock[] = [];
      const visit = (node: Nodes): void => {
        if (node.type === 'paragraph') blocks.push(textBlockOf('paragraph', node));
        else if (node.type === 'heading') blocks.push(textBlockOf('heading', node));
        else if (node.type === 'tableCell') blocks.push(textBlockOf('tableCell', node));
        else if (node.type !== 'code' && node.type !== 'html' && node.type !== 'yaml' && 'children' in node) {
          for (const child of (node as Parents).children as Nodes[]) visit(child);
        }
      };
      visit(this.root);
      this.cachedBlocks = blocks;
    }
    return this.cachedBlocks;
  }

  /** Prose blocks within a source range (a section's span). */
  blocksIn(start: number, end: number): TextBlock[] {
    return this.textBlocks.filter((block) => block.start >= start && block.end <= end);
  }

  /** Prose blocks of a section, its subsections included, without its heading. */
  sectionBlocks(section: Section): TextBlock[] {
    return this.blocksIn(section.start, section.end).filter((block) => block.node !== section.heading);
  }

  get wordCount(): number {
    if (this.cachedWordCount === undefined) {
      this.cachedWordCount = this.textBlocks.reduce((sum, block) => sum + countWords(block.text), 0);
    }
    return this.cachedWordCount;
  }

  get items(): Item[] {
    this.cachedItems ??= collectItems(this.root, this.sections);
    return this.cachedItems;
  }

  get objectives(): Objective[] {
    if (!this.cachedObjectives) this.classifyOkrs();
    return this.cachedObjectives!;
  }

  /** Key-result lines: labelled lines, items under a metrics section, children of objectives. */
  get keyResults(): KeyResult[] {
    if (!this.cachedKeyResults) this.classifyOkrs();
    return this.cachedKeyResults!;
  }

  private classifyOkrs(): void {
    const objectives: Objective[] = [];
    const keyResults: KeyResult[] = [];
    const objectiveOfItem = new Map<Item, Objective>();

    for (const section of this.sections) {
      if (OBJECTIVE_LABEL.test(section.title) || (/^\W*objective\b/i.test(section.title) && !withinRole(section.parent, 'non-goals'))) {
        objectives.push({ kind: 'heading', text: section.title, start: section.titleStart, end: section.titleEnd, item: null, section, keyResults: [] });
      }
    }
    for (const item of this.items) {
      const labelledObjective = OBJECTIVE_LABEL.test(item.text);
      const okrParent = this.type === 'okr' && item.depth === 0 && item.kind === 'list-item' && item.children.length > 0
        && !KEY_RESULT_LABEL.test(item.text);
      if ((labelledObjective || okrParent) && !KEY_RESULT_LABEL.test(item.text)) {
        const objective: Objective = { kind: 'item', text: item.text, start: item.start, end: item.end, item, section: item.section, keyResults: [] };
        objectives.push(objective);
        objectiveOfItem.set(item, objective);
      }
    }
    objectives.sort((a, b) => a.start - b.start);

    const headingObjectiveOf = (item: Item): Objective | null => {
      for (let s = item.section; s; s = s.parent) {
        const objective = objectives.find((o) => o.kind === 'heading' && o.section === s);
        if (objective) return objective;
      }
      return null;
    };

    for (const item of this.items) {
      if (objectiveOfItem.has(item)) continue;
      const label = KEY_RESULT_LABEL.exec(item.text);
      const parentObjective = item.parent ? objectiveOfItem.get(item.parent) ?? null : null;
      const topLevel = item.depth === 0 || item.kind === 'table-row';
      // Labelled lines inside an objective's paragraph belong to the nearest objective line above them.
      const lineObjective = item.kind === 'line' ? [...objectives].reverse().find((o) => o.kind === 'item' && o.item?.node === item.node && o.start < item.start) ?? null : null;
      let objective: Objective | null = parentObjective ?? lineObjective;
      let isKeyResult = label !== null || parentObjective !== null;
      if (!isKeyResult && topLevel && item.kind !== 'line') {
        const headingObjective = headingObjectiveOf(item);
        if (headingObjective) {
          objective = headingObjective;
          isKeyResult = true;
        } else if (withinRole(item.section, 'metrics') && !withinRole(item.section, 'non-goals')) {
          isKeyResult = !(item.parent && !objectiveOfItem.has(item.parent));
        }
      }
      if (!isKeyResult) continue;
      objective ??= headingObjectiveOf(item);
      const keyResult: KeyResult = { item, objective, label: label ? label[0].replace(/[*_:.)—–-]+\s*$/, '').replace(/^[\s*_]+/, '').trim() : null };
      keyResults.push(keyResult);
      objective?.keyResults.push(keyResult);
    }
    this.cachedObjectives = objectives;
    this.cachedKeyResults = keyResults;
  }

  /** Items of a roadmap: list items and rows of the plan, each with when it is planned. */
  get roadmapItems(): RoadmapItem[] {
    const result: RoadmapItem[] = [];
    for (const item of this.items) {
      if (item.kind === 'line' || (item.kind === 'list-item' && item.depth > 0)) continue;
      if (item.text.trim().length === 0) continue;
      if (NON_ITEM_ROLES.some((role) => withinRole(item.section, role))) continue;
      if (this.inWhySection(item.section)) continue;
      result.push({ item, when: this.whenOf(item) });
    }
    return result;
  }

  private inWhySection(section: Section | null): boolean {
    for (let s = section; s; s = s.parent) if (WHY_SECTION.test(s.title)) return true;
    return false;
  }

  private whenOf(item: Item): DateMention | null {
    const own = findDates(item.text, this.dateOptions);
    if (own.length > 0) return own.reduce((latest, d) => (d.end > latest.end ? d : latest));
    for (let s = item.section; s; s = s.parent) {
      const horizon = horizonOf(s.title, this.referenceDate);
      if (horizon) return horizon;
      const dates = findDates(s.title, this.dateOptions);
      if (dates.length > 0) return dates[0];
    }
    return null;
  }

  /** Release sections: headings with a version or a date, or "What's new" / "Unreleased". */
  get releases(): Release[] {
    const releases: Release[] = [];
    for (const section of this.sections) {
      if (section === this.titleSection && section.depth === 1 && this.sections.length > 1) continue;
      const version = VERSION.exec(section.title)?.[0] ?? null;
      const date = findDates(section.title, this.dateOptions)[0] ?? null;
      const inRelease = releases.some((r) => section.start >= r.section.start && section.end <= r.section.end);
      if (inRelease) continue;
      if (version || date || RELEASE_SECTION.test(section.title)) releases.push({ section, version, date });
    }
    return releases;
  }

  get releaseEntries(): ReleaseEntry[] {
    const entries: ReleaseEntry[] = [];
    const releases = this.releases;
    for (const item of this.items) {
      if (item.kind === 'line' || (item.kind === 'list-item' && item.depth > 0)) continue;
      const release = releases.find((r) => item.start >= r.section.start && item.start < r.section.end);
      if (release && item.text.trim()) entries.push({ item, release });
    }
    return entries;
  }

  /** Top-level items (and table rows) of the coherent-actions sections. */
  get actionItems(): Item[] {
    return this.items.filter((item) => withinRole(item.section, 'coherent-actions') && item.kind !== 'line'
      && (item.kind === 'table-row' || item.depth === 0) && item.text.trim().length > 0);
  }

  /** nlcst tree of the whole document (code, HTML and front matter excluded), built on first use. */
  get nlcst(): NlcstRoot {
    this.cachedNlcst ??= buildNlcst(this.root, this.text);
    return this.cachedNlcst;
  }

  get sentences(): Sentence[] {
    this.cachedSentences ??= sentencesOf(this.nlcst);
    return this.cachedSentences;
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}
