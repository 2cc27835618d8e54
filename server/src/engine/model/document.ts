/**
 * The document model every rule reads: parsed tree, front matter, type, sections with roles,
 * prose blocks, items (key results, objectives, roadmap items, release entries, actions), dates
 * and, lazily, sentences. Built once per lint; the expensive parts are computed on first use.
 */
import type { List, Nodes, Parents, Root } from 'mdast';
import type { Root as NlcstRoot } from 'nlcst';
import type { DocType, SectionRole } from '../vocabulary.js';
import { LineIndex } from './line-index.js';
import { parseMarkdown, readFrontMatter, type FrontMatter } from './parse.js';
import { RoleMatcher, roleMatcherFor, type RoleSynonyms } from './roles.js';
import { buildSections, sectionAt, type Section } from './sections.js';
import { TextBlock, textBlockOf } from './text-block.js';
import { collectItems, HORIZON_COLUMN, KEY_RESULT_LABEL, type Item } from './items.js';
import { decideInferredType, docTypeFromGlobs, inferStructure, parseDocType, type DocTypeDecision, type TypeEvidence } from './doctype.js';
import { typeSignals } from './type-signals.js';
import { classifyOkrs, LABELLED_KEY_RESULT_COLUMN, OBJECTIVE_COLUMN } from './okrs.js';
import { KEY_RESULT_COLUMN } from './okr-structure.js';
import { findDates, parseDateValue, startOfDay, UPDATED_KEYS, yearHeadingOf, type DateOptions } from './dates.js';
import { buildNlcst, sentencesOf, type Sentence } from './sentences.js';
import { countWords } from './word-count.js';
import { readReleaseEntries, readReleases, type Release, type ReleaseEntry } from './releases.js';
import { readRoadmapItems, type RoadmapItem } from './roadmap-reading.js';

export { countWords } from './word-count.js';
export type { Release, ReleaseEntry } from './releases.js';
export type { RoadmapItem } from './roadmap-reading.js';
import { decideLanguage, DEFAULT_LANGUAGE, type DocumentLanguage, type LanguageConfig } from './languages/document-language.js';
import { cjkWordCount, ENGLISH, headingFold, writesWithoutSpaces, headingJoiners, roleLabel, synonymsForLanguage } from './languages/index.js';
import { titleWordSignals, titleWordsFor } from './languages/titles.js';

export interface DocumentOptions {
  filePath?: string;
  /** Path relative to the folder globs are resolved against. */
  relativePath?: string;
  /** Path inside the repository or workspace folder, for the type's folder signals (defaults to relativePath). */
  projectPath?: string;
  forcedType?: DocType;
  typeGlobs?: Record<string, DocType>;
  roleSynonyms: RoleSynonyms;
  /** Reference date from settings ("2026-11-21"); front matter `updated:`/`date:` wins over it. */
  referenceDate?: string;
  /** Today, injectable for tests. */
  today?: Date;
  fiscalYearStartMonth: number;
  /** The parse of `text`, when the caller has it (an incremental parser); else it is parsed here. */
  root?: Root;
  /** Builds the sentence layer (an incremental session reuses the trees of unchanged blocks); default `buildNlcst`. */
  nlcst?: (document: StrategyDocument) => NlcstRoot;
  /** The configured language of the document and each language's lists (model/languages/resolve.ts); without it, front matter or detection decides. */
  languageConfig?: LanguageConfig;
}

import type { Objective, KeyResult } from './okrs.js';
export type { Objective, KeyResult };

/** A relative link to a Markdown page ("./who.md", "../plans/q3.md#goals"), not a web address or an anchor in the page. */
const LOCAL_PAGE_LINK = /^(?![a-z][a-z0-9+.-]*:|\/\/|#)[^\s?#]*\.mdx?(?:#[^\s]*)?$/i;

/** Table columns that say when a roadmap item is planned. */
/** A status column of a report ("Status", "Health", "RAG"), and the values a status report gives: on track, at risk, blocked, red/amber/green. */
const STATUS_COLUMN = /^[^\p{L}]*(?:status|health|rag|state)[^\p{L}]*$/iu;
const REPORTED_STATUS = /^[^\p{L}]*(?:on[\s-]track|at[\s-]risk|off[\s-]track|blocked|delayed|behind(?:\s+schedule)?|ahead(?:\s+of\s+schedule)?|green|amber|yellow|red)\b/iu;
/** "Current status: …", "Status: at risk": a status reported for one piece of work. */
const STATUS_LABEL = /^[^\p{L}]*(?:current\s+status[\s*_]*[:—–-]|status[\s*_]*[:—–-][\s*_]*(?:on[\s-]track|at[\s-]risk|off[\s-]track|blocked|delayed|behind|ahead|green|amber|yellow|red)\b)/iu;
const WHEN_COLUMN = /^[^\p{L}]*(?:quarter|horizon|when|timeline|timeframe|eta|half|period|target\s+(?:date|quarter))[^\p{L}]*$/iu;

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
  /** When the front matter says the document was last revised (the first of UPDATED_KEYS that holds a date), or null. */
  readonly frontMatterUpdated: { key: string; date: Date } | null;
  /** The document's own date: when it was last revised, else its front-matter `date:`; null when it has neither. */
  readonly frontMatterDate: Date | null;
  /**
   * The real "today" (the `referenceDate` setting when set, else the injected or system date).
   * Unlike `referenceDate`, never taken from front matter: staleness compares `updated:` with it.
   */
  readonly today: Date;
  readonly dateOptions: DateOptions;
  /** The language of the document's prose, and how it was decided (model/languages). */
  readonly language: DocumentLanguage;
  private readonly languageConfig: LanguageConfig | undefined;
  /** The first level-1 heading, else the first heading. */
  readonly titleSection: Section | null;

  private cachedItems?: Item[];
  private cachedBlocks?: TextBlock[];
  private blocksSorted?: boolean;
  private cachedObjectives?: Objective[];
  private cachedKeyResults?: KeyResult[];
  private cachedNlcst?: NlcstRoot;
  private cachedSentences?: Sentence[];
  private cachedWordCount?: number;
  private cachedRoadmapItems?: RoadmapItem[];
  private cachedReleases?: Release[];
  private cachedReleaseEntries?: ReleaseEntry[];
  /** Headings that name a release (a version, a date, "What's new"), those a release post takes in included. */
  private releaseHeadings = new Set<Section>();
  private readonly nlcstBuilder?: (document: StrategyDocument) => NlcstRoot;

  constructor(text: string, options: DocumentOptions) {
    this.text = text;
    this.filePath = options.filePath;
    this.lines = new LineIndex(text);
    this.root = options.root ?? parseMarkdown(text);
    this.nlcstBuilder = options.nlcst;
    this.frontMatter = readFrontMatter(this.root);
    this.languageConfig = options.languageConfig;
    this.language = this.readLanguage(options);
    this.roleMatcher = this.language.code === ENGLISH ? roleMatcherFor(options.roleSynonyms) : roleMatcherFor(
      synonymsForLanguage(this.language.code, options.roleSynonyms, this.languageConfig?.languages[this.language.code]?.sections),
      { language: this.language.code, fold: headingFold(this.language.code)!, joiners: headingJoiners(this.language.code) },
    );
    this.sections = buildSections(this.root, text.length, this.roleMatcher);
    this.titleSection = this.sections.find((s) => s.depth === 1) ?? this.sections[0] ?? null;

    this.today = parseDateValue(options.referenceDate) ?? startOfDay(options.today ?? new Date());
    this.frontMatterUpdated = null;
    for (const key of UPDATED_KEYS) {
      const date = parseDateValue(this.frontMatterValue(key));
      if (date) {
        this.frontMatterUpdated = { key, date };
        break;
      }
    }
    this.frontMatterDate = this.frontMatterUpdated?.date ?? parseDateValue(this.frontMatterValue('date'));
    const reference = this.frontMatterDate ?? this.today;
    this.referenceDate = reference;
    this.dateOptions = { referenceDate: reference, fiscalYearStartMonth: options.fiscalYearStartMonth, ...(this.language.code !== ENGLISH ? { language: this.language.code } : {}) };
    this.typeDecision = this.withLanguage(this.decideType(options));
  }

  /** The document's language; a document that cannot be read (no tree) is English. */
  private readLanguage(options: DocumentOptions): DocumentLanguage {
    if (this.root.children.length === 0) return DEFAULT_LANGUAGE;
    return decideLanguage(this.root, (key) => this.frontMatterValue(key), options.languageConfig);
  }

  /** A document in another language says so in its type reason ("…; written in German, from front matter"). */
  private withLanguage(decision: DocTypeDecision): DocTypeDecision {
    if (this.language.code === ENGLISH) return decision;
    return { ...decision, reason: `${decision.reason}; written in ${this.language.reason}` };
  }

  /**
   * The name of a section role in the document's language ("Diagnose", "診断"), for the review,
   * the code lens and inserted headings; null in English and in languages without names for it.
   */
  roleLabel(role: SectionRole): string | null {
    return roleLabel(this.language.code, role, this.languageConfig?.languages[this.language.code]?.sections);
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
    const keyResultLines = this.items.filter((item) => KEY_RESULT_LABEL.test(item.text)).length;
    const structure = inferStructure(this.sections, this.titleText, keyResultLines, this.typeEvidence());
    // Folders are read from the path inside the project; a path that leaves it says nothing of the document.
    const projectPath = options.projectPath ?? options.relativePath;
    const inside = projectPath && !projectPath.startsWith('..') ? projectPath : undefined;
    const signals = typeSignals({
      path: inside ?? options.filePath,
      title: this.typeTitle,
      sections: this.sections,
      structure,
      taskItems: this.items.filter((item) => item.checked !== null).length,
      tags: this.frontMatterTags,
      description: this.frontMatterDescription,
      dated: parseDateValue(this.frontMatterValue('date')) !== null,
      localLinkItems: this.localLinkItems(),
      kernelRoles: (['diagnosis', 'guiding-policy', 'coherent-actions'] as const).filter((role) => this.sections.some((section) => section.roles.includes(role))),
    });
    if (this.language.code !== ENGLISH) {
      // Title words of the document's language ("Produktstrategie 2027", "製品戦略"), for types the English title patterns did not name.
      const named = new Set(signals.filter((s) => s.kind === 'title' && s.type).map((s) => s.type as string));
      const words = titleWordsFor(this.language.code, this.languageConfig?.languages[this.language.code]?.titles);
      for (const own of titleWordSignals(this.typeTitle, words, named)) {
        signals.push({ type: own.type, weight: own.weight, kind: own.type ? 'title' : 'guide', reason: own.reason });
      }
    }
    return decideInferredType(signals);
  }

  /** Front-matter `tags`, `categories` or `category` (a list or one string), lower-cased. */
  private get frontMatterTags(): string[] {
    const data = this.frontMatter?.data;
    if (!data) return [];
    return ['tags', 'categories', 'category'].flatMap((key) => {
      const value = data[key];
      const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
      return values.filter((v): v is string => typeof v === 'string').map((v) => v.trim().toLowerCase()).slice(0, 50);
    });
  }

  /** Front-matter `description`, `summary` or `subtitle`: the line a listing shows under the title. */
  private get frontMatterDescription(): string | null {
    const data = this.frontMatter?.data;
    if (!data) return null;
    for (const key of ['description', 'summary', 'subtitle']) {
      const value = data[key];
      if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 300);
    }
    return null;
  }

  /** List items that are a link to another Markdown page of the project ("[Our audience](./who.md)"): an index lists its pages. */
  private localLinkItems(): number {
    let count = 0;
    const visit = (node: Nodes): void => {
      if (count >= 20) return;
      if (node.type === 'listItem') {
        const first = node.children[0];
        const lead = first?.type === 'paragraph' ? first.children.find((child) => child.type !== 'text' || child.value.trim() !== '') : undefined;
        if (lead?.type === 'link' && LOCAL_PAGE_LINK.test(lead.url)) count += 1;
      }
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(this.root);
    return count;
  }

  /** The title a reader sees first: front matter `title:`, else the title heading. */
  private get typeTitle(): string | null {
    const fromFrontMatter = this.frontMatter?.data?.['title'];
    return typeof fromFrontMatter === 'string' && fromFrontMatter.trim() ? fromFrontMatter.trim() : this.titleText;
  }

  /** Tables, nested lists and dates that tell OKRs, roadmaps and release notes apart when headings alone do not. */
  private typeEvidence(): TypeEvidence {
    const headers = new Set<readonly string[]>();
    let nestedList = false;
    for (const item of this.items) {
      if (item.header) headers.add(item.header);
      else if (item.kind === 'list-item' && item.depth === 0 && item.children.length > 0) nestedList = true;
    }
    const hasColumn = (header: readonly string[], pattern: RegExp): boolean => header.some((cell) => pattern.test(cell));
    const tables = [...headers];
    const title = this.titleText ?? '';
    const dated = (text: string): boolean => findDates(text, this.dateOptions).length > 0 || yearHeadingOf(text) !== null;
    const sections = this.sections;
    const items = this.items;
    const titleSection = this.titleSection;
    const dateOptions = this.dateOptions;
    // Dates in every heading and item are read only when a title asks for them (most documents are inferred without).
    let datedHeadings: number | undefined;
    let datedItems: number | undefined;
    let statusReports: number | undefined;
    return {
      keyResultTable: tables.some((h) => hasColumn(h, LABELLED_KEY_RESULT_COLUMN)),
      objectiveTable: tables.some((h) => hasColumn(h, OBJECTIVE_COLUMN) && hasColumn(h, KEY_RESULT_COLUMN)),
      nestedList,
      // A when column, or horizons as columns ("Theme | Now | Next | Later", "Q1 2027 | Q2 2027").
      timedTable: tables.some((h) => hasColumn(h, WHEN_COLUMN) || h.filter((cell) => HORIZON_COLUMN.test(cell)).length >= 2),
      titleDated: dated(title) || /\b20\d{2}\b|\b[QH][1-4]\b/.test(title) || /\bv?\d+\.\d+\b/.test(title),
      get datedHeadings(): number {
        return datedHeadings ??= sections.filter((s) => s !== titleSection && dated(s.title)).length;
      },
      get statusReports(): number {
        if (statusReports === undefined) {
          statusReports = 0;
          for (const item of items) {
            const column = item.header?.findIndex((cell) => STATUS_COLUMN.test(cell)) ?? -1;
            const reported = column >= 0 ? REPORTED_STATUS.test(item.cells?.[column]?.text ?? '') : STATUS_LABEL.test(item.text);
            if (reported && ++statusReports >= 2) break;
          }
        }
        return statusReports;
      },
      get datedItems(): number {
        if (datedItems === undefined) {
          datedItems = 0;
          for (const item of items) if (item.kind !== 'line' && findDates(item.text, dateOptions).length > 0 && ++datedItems >= 2) break;
        }
        return datedItems;
      },
    };
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
    const blocks = this.textBlocks;
    // Blocks are in document order, so their starts never decrease: a binary search finds the
    // first one, instead of a scan of the whole document for every section a rule asks about.
    this.blocksSorted ??= blocks.every((block, i) => i === 0 || blocks[i - 1].start <= block.start);
    if (!this.blocksSorted) return blocks.filter((block) => block.start >= start && block.end <= end);
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (blocks[mid].start < start) low = mid + 1;
      else high = mid;
    }
    const found: TextBlock[] = [];
    for (let i = low; i < blocks.length && blocks[i].start <= end; i++) if (blocks[i].end <= end) found.push(blocks[i]);
    return found;
  }

  /** Prose blocks of a section, its subsections included, without its heading. */
  sectionBlocks(section: Section): TextBlock[] {
    return this.blocksIn(section.start, section.end).filter((block) => block.node !== section.heading);
  }

  get wordCount(): number {
    if (this.cachedWordCount === undefined) {
      this.cachedWordCount = this.textBlocks.reduce((sum, block) => sum + this.countWords(block.text), 0);
    }
    return this.cachedWordCount;
  }

  /** Words of a text of this document: as countWords, and in Japanese and Chinese a word for every two characters. */
  countWords(text: string): number {
    const words = countWords(text);
    return this.language.code !== ENGLISH && writesWithoutSpaces(this.language.code) ? cjkWordCount(text, words) : words;
  }

  get items(): Item[] {
    this.cachedItems ??= collectItems(this.root, this.sections);
    return this.cachedItems;
  }

  get objectives(): Objective[] {
    if (!this.cachedObjectives) this.classifyOkrs();
    return this.cachedObjectives!;
  }

  /** Key results and the objectives they belong to, in the layouts model/okrs.ts reads. */
  get keyResults(): KeyResult[] {
    if (!this.cachedKeyResults) this.classifyOkrs();
    return this.cachedKeyResults!;
  }

  private classifyOkrs(): void {
    const { objectives, keyResults } = classifyOkrs(this);
    this.cachedObjectives = objectives;
    this.cachedKeyResults = keyResults;
  }

  /**
   * Items of a roadmap: top-level list items and table rows of the plan, each with when it is
   * planned. A short top-level item with children and no date is a theme: its children are the
   * items. In a swimlane table (horizons as columns) each filled cell under a horizon is an item;
   * under a horizon or period heading, a subsection of prose alone is an item. Done work (checked
   * tasks, "Shipped" sections, rows marked Done) and the sections that explain the roadmap (why,
   * summary, risks, non-goals, metrics, legend…) are not plan items.
   */
  get roadmapItems(): RoadmapItem[] {
    this.cachedRoadmapItems ??= readRoadmapItems(this);
    return this.cachedRoadmapItems;
  }

  /**
   * Release sections: headings with a version or a date, or "What's new" / "Latest release" /
   * "Unreleased". A release post (a blog announcement, a per-version page) whose title names one
   * version is one release, the whole document: its headings are the changes and the parts of the
   * post, even a heading that repeats the version ("What's in 1.5.0") or names another product's.
   */
  get releases(): Release[] {
    if (!this.cachedReleases) ({ releases: this.cachedReleases, releaseHeadings: this.releaseHeadings } = readReleases(this));
    return this.cachedReleases;
  }

  /**
   * Entries of the releases: top-level list items and table rows, the sub-bullets of a category
   * bullet ("* BUGFIXES"), and — for releases written as one subsection per change (a heading and
   * a paragraph or two) — the subsection itself, whose lists and tables (option values, settings,
   * benchmarks) are its details. Sections about the notes (links, downloads, thanks,
   * contributors), link and name lists ("- [`Vec::push_mut`](…)") and lists under a "Links:"
   * label are not entries.
   */
  get releaseEntries(): ReleaseEntry[] {
    this.cachedReleaseEntries ??= readReleaseEntries(this, this.releases, this.releaseHeadings);
    return this.cachedReleaseEntries;
  }

  /**
   * Top-level items (and table rows) of the coherent-actions sections. The nearest section that
   * names a role decides: items of a "### Risks" or "### Success metrics" inside "## Plan" are not
   * actions, items of "### Q1 2027" inside "## Plan" are.
   */
  get actionItems(): Item[] {
    return this.items.filter((item) => {
      if (item.kind === 'line' || (item.kind === 'list-item' && item.depth > 0) || item.text.trim().length === 0) return false;
      let owner = item.section;
      while (owner && owner.roles.length === 0) owner = owner.parent;
      return owner !== null && owner.roles.includes('coherent-actions');
    });
  }

  /** nlcst tree of the whole document (code, HTML and front matter excluded), built on first use. */
  get nlcst(): NlcstRoot {
    this.cachedNlcst ??= this.nlcstBuilder ? this.nlcstBuilder(this) : buildNlcst(this.root, this.text, this.textBlocks, this.lines);
    return this.cachedNlcst;
  }

  get sentences(): Sentence[] {
    this.cachedSentences ??= sentencesOf(this.nlcst);
    return this.cachedSentences;
  }
}

