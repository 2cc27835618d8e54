/**
 * One reading of each key result, shared by the outcomes/* rules and the "Review my strategy"
 * table, so the table never disagrees with the squiggles.
 *
 * A key result is read from:
 * - its *statement*: the line without its label ("KR2:"), task box and owner; for a table row,
 *   the key-result cell. Deliverables and vanity metrics are judged on the statement only, so a
 *   child item ("Initiative: build the checklist") never makes its key result an output.
 * - its *detail*: the statement plus the row's other cells and the item's children. Numbers,
 *   baselines and dates are looked for in the detail, so a key result that spreads metric,
 *   baseline, target and date over table columns or sub-bullets is read as a whole.
 * - its table *columns*, found from the header cells (baseline, target, date, owner, metric);
 * - its objective, enclosing headings, lead-in prose, title and front matter, for the timeframe
 *   and owner it inherits.
 *
 * The reading holds the fields (metric, baseline, target, date and where it came from, owner),
 * the judgements (outcome or output, measurable, the verdict and why) and what the rules ask
 * (does it need a baseline, does it carry its own timeframe). The judgements depend on word lists
 * the user can configure per rule (output verbs, outcome metrics, deliverable nouns, artefacts):
 * a reading is built for one vocabulary and kept per document and vocabulary, so every rule gets
 * the reading of its own options and the review the one of outcomes/output-as-outcome's.
 */
import type { OptionSpecs } from '../types.js';
import type { KeyResult, StrategyDocument } from './document.js';
import { EMPTY_CELL, KEY_RESULT_LABEL, OBJECTIVE_LABEL, TASK_LABEL, type Item } from './items.js';
import { findDates, hasTimeframe, lastTimeframe, yearHeadingOf, type DateMention } from './dates.js';
import type { Nodes, Parents } from 'mdast';
import { CODE_PLACEHOLDER, plainText, readable, textBlockOf, type TextBlock } from './text-block.js';
import { isMetricsSection, okrTitleOf } from './okr-structure.js';
import {
  carriesOutcome, changeVerbLead, compoundOutputLead, customersLead, DEFAULT_ARTIFACTS, DEFAULT_DELIVERABLE_NOUNS,
  DEFAULT_OUTCOME_METRICS, DEFAULT_OUTPUT_VERBS, deliverableNounLead, firstTarget, hasQuantity, isRelativeOrHolding,
  metricMentions, metricPhrase, outputPassive, outputVerbLead, scrub, statesBaseline, statesTarget, verbAlternation,
} from '../text/measures.js';
import { findOwner, isNamedMetric, readFields, tidyMetric } from '../text/key-result-fields.js';
import { DEFAULT_VOCABULARY, type ReadingVocabulary } from './key-result-vocabulary.js';
import { cellText, columnsOf, PROGRESS_COLUMN } from './key-result-columns.js';

export { DELIVERABLE_OPTIONS, VOCABULARY_OPTIONS, type ReadingVocabulary } from './key-result-vocabulary.js';
export { columnsOf, type Columns } from './key-result-columns.js';

// ---------------------------------------------------------------------------------------------
// The reading.

export type KeyResultKind = 'outcome' | 'output';
/**
 * The verdict, in the outcomes rules' terms: an outcome with a quantity; an output
 * (outcomes/output-as-outcome); an outcome that names a metric but sets no target, or one with no
 * number or named metric (both outcomes/unmeasurable); a qualitative goal (a line of a "Goals"
 * section, or a plan item of a goal document, which may stay qualitative).
 */
export type KeyResultVerdict = 'outcome' | 'output' | 'no-target' | 'no-metric' | 'goal';
/** Where a key result's date comes from. */
export type DateSource = 'key result' | 'column' | 'objective' | 'heading' | 'lead-in' | 'document';

/** How a key result names a deliverable. */
interface Deliverable {
  /** An output verb ("Launch …"), a compound of verbs ("Plan and implement …"), a noun ("Implementation of …", "An updated … page"), done ("Portal live"), a task ("[ ] Record the video"). */
  how: 'verb' | 'compound' | 'noun' | 'done' | 'task';
  /** The words that name it ("launch", "implementation of", "an updated handbook page"). */
  words: string;
}

/** Where the timeframe of a key result comes from, when it is not on the line itself. */
interface InheritedTimeframe {
  /** The date as written ("Q3 2027", "next 6 months"). */
  text: string;
  source: Exclude<DateSource, 'key result' | 'column'>;
  /** A whole year ("2027") is coarse: siblings with their own dates show the line needs one too. */
  coarse: boolean;
}

export interface KeyResultReading {
  kr: KeyResult;
  item: Item;
  /**
   * A goal rather than a key result: an unlabelled line of a "Goals" or "Objectives" section
   * (Goal = Objective), or a plan item of a goal document. Goals are judged for outputs and
   * timeframes, not for numbers or baselines.
   */
  isGoal: boolean;
  /** A plan item ("The next 6 months", "Milestones") standing in for the key results of a goal document that has none. */
  standIn: boolean;
  /** The statement: label, task box and owner removed; for a row, the key-result cell. */
  statement: string;
  /** The statement as written, inline code included, for messages. */
  display: string;
  /** The line as written without its label and task box (the owner kept), for tables: "Launch X, moving activation … (@maria)". */
  written: string;
  /** Source range of the statement's first line, where findings go. */
  start: number;
  end: number;
  /** The statement's block and the index where the statement starts in it (for sub-ranges). */
  block: TextBlock;
  offset: number;
  /** Statement, other cells (owner excluded) and child items: where numbers and dates are looked for. */
  detail: string;
  /** `detail` with dates, versions, handles and labels blanked out. */
  scrubbed: string;
  dates: DateMention[];
  /** For table rows: the cells by column, null when the column is missing or the cell empty. */
  cells: { baseline: string | null; target: string | null; date: string | null; metric: string | null; owner: string | null; hasBaselineColumn: boolean; hasDateColumn: boolean } | null;

  /** A number, percentage, amount, spelled number or relative change ("double") anywhere in the detail. */
  quantified: boolean;
  /** A target level or count (not only a relative word or a date). */
  hasTarget: boolean;
  /** The deliverable the statement names, whether or not an outcome in the detail outweighs it. */
  deliverable: Deliverable | null;
  kind: KeyResultKind;
  verdict: KeyResultVerdict;
  /** Carries a number, percentage, currency, unit or a named metric. */
  measurable: boolean;
  /** Why it was classified so, in a few words ("moves activation 22% → 35%"). */
  why: string;
  metric: string | null;
  baseline: string | null;
  target: string | null;
  /** Says where the metric starts, or needs not: a baseline, or a relative, holding or new-count target. */
  baselineStated: boolean;
  /** An outcome with an absolute target and no starting value: outcomes/no-baseline. */
  lacksBaseline: boolean;
  /** A date, period or duration of its own (text, children or a date column). */
  ownTimeframe: boolean;
  /** The timeframe it inherits when it has none of its own. */
  inherited: InheritedTimeframe | null;
  /**
   * A goal with no number that states a quality or a standing aim ("Stable by default"): it holds
   * as long as the strategy does and needs no date. One that states a change to reach ("Grow the
   * catalogue") does.
   */
  timeless: boolean;
  date: string | null;
  dateSource: DateSource | null;
  /** The date is a whole year only, inherited from the title, a heading or front matter. */
  dateCoarse: boolean;
  owner: string | null;
}

const TASK_BOX = /^\s*\[[ xX]\]\s+/;
/** A short name or owner before a colon that opens a line: "Finance:", "VP Engineering:", "Workshop for users [COMMITTED]:". */
const LEAD_LABEL = /^[^:\n\r]{1,80}?:\s+(?=\S)/u;
/** A priority tag ("P0", "[p1]", a code span standing for one), then an owner handle, each closed by a dash, a colon or a bar. */
const PRIORITY_LEAD = /^(?:(?:\uFFFC|\[?P[0-3]\]?)[ \t]*[-–—:|][ \t]*)(?:@[\p{L}\p{N}_.-]+[ \t]*[-–—:|][ \t]*)?/iu;

/** The statement after a short lead label, when what follows is a sentence of its own (else the statement). */
export function withoutLeadLabel(statement: string): string {
  const label = LEAD_LABEL.exec(statement);
  // A label is a name, not a sentence: "Dir. of Ops:" may hold an abbreviation, not a full stop before a new sentence.
  if (!label || label[0].split(/\s+/).filter(Boolean).length > 12 || /[.!?]\s+\p{Lu}/u.test(label[0])
    || (label[0].split('(').length !== label[0].split(')').length)) return statement;
  const rest = statement.slice(label[0].length);
  return rest.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= 2 ? rest : statement;
}

/**
 * Verbs that open a line of work under a key result ("Create the workshop material", "Find three
 * candidate tools"): an initiative, whose numbers and dates are not the key result's.
 */
let initiativeVerbs: readonly string[] | undefined;

/** A sub-bullet that is work: it opens with an imperative verb of work, not with a change to a metric or with customers. */
function isInitiative(text: string): boolean {
  initiativeVerbs ??= [...new Set([
    ...DEFAULT_OUTPUT_VERBS, ...TASK_VERBS, 'make', 'find', 'ask', 'list', 'discuss', 'study', 'talk', 'analyse', 'analyze', 'assess',
    'coordinate', 'start', 'begin', 'continue', 'look into', 'write up', 'follow up',
  ])];
  const statement = text.replace(/^[\s*_]+/, '');
  return outputVerbLead(statement, initiativeVerbs) !== null && !changeVerbLead(statement) && !customersLead(statement);
}

/** A grade written after a key result ("… => 78%", "… - 100%"): how it went, not its target. */
const SCORE_TAIL = /(?<![\s\d%])\s+(?:=>|[-–—])\s*\d{1,3}(?:\.\d{1,2})?\s?%\s*$/u;
/** A goal that opens with a change to reach: "Increase adoption", "Expanded cloud coverage", "Become the default". */
const GOAL_CHANGE = /^(?:increas|rais|grow|grew|lift|boost|improv|doubl|tripl|halv|cut|reduc|decreas|lower|drop|shrink|shorten|eliminat|minimi[sz]|maximi[sz]|expand|extend|accelerat|reach|achiev|become|attract|gain|broaden|deepen|strengthen|speed)/i;
/** A percentage, or a number under a bound: a measure, not a count of work. */
const SHARE_OR_BOUND = /%|\bpercent\b|[<>≤≥]\s?\d|\b(?:above|below|under|over|at\s+least|at\s+most|within|less\s+than|more\s+than|fewer\s+than)\s+[$€£¥]?\d/i;
const OWNER_TAIL = /(?<!\s)\s*(?:[(\[]\s*(?:(?:owner|owners|dri|lead)\s*)?(?:[:=—–-]\s*)?@[\p{L}\p{N}_.-]+[^)\]]{0,40}[)\]]|[—–-]\s*@[\p{L}\p{N}_.-]+|\s(?:owner|dri)\s*[:=]\s*[^,;]{1,40})\s*$/iu;
/** Sections of goals, not measures: "Goals", "Our goals", "Objectives", "2027 goals". */
const GOAL_SECTION = /^[^\p{L}]*(?:(?:our|team|company|product|strategic|\d{4}|q[1-4]|h[12])\s+)*(?:goals?|objectives?|aims?|ambitions?)\b(?!\s+and\s+key\s+results)/iu;
/** Sections of an update that report numbers ("Metrics", "KPIs"): their lines are results, not targets. */
const REPORT_SECTION = /^[^\p{L}\p{N}]*(?:metrics|kpis?|numbers|by\s+the\s+numbers|dashboard|results|scorecard|financials|health)\b/iu;
/**
 * Imperative verbs of a task list: under a task box, or as a plan item standing in for key results,
 * a line they open is a task ("[ ] Record the walkthrough video", "Stabilize the feature").
 */
const TASK_VERBS = [
  'update', 'fix', 'record', 'schedule', 'send', 'file', 'merge', 'review', 'test', 'move', 'remove', 'rename', 'clean up',
  'configure', 'install', 'enable', 'disable', 'automate', 'prepare', 'book', 'collect', 'gather', 'interview', 'survey',
  'present', 'train', 'translate', 'post', 'email', 'contact', 'meet', 'decide', 'investigate', 'research',
  'evaluate', 'prototype', 'explore', 'spike', 'stabilize', 'stabilise', 'port', 'propose', 'open', 'close out',
  'plan', 'define', 'identify', 'scope', 'audit', 'pilot', 'validate', 'agree', 'select', 'choose', 'organize', 'organise',
];

/**
 * A goal with no number that states a quality or a standing aim. A goal written as an emphasised
 * head and its explanation ("**Edit anything.** Whether it is a 200 MB file …") is judged by its
 * head: the explanation's numbers are examples, not targets, unless a sentence of it sets a change
 * ("**Open in a blink.** Cut cold start from 900 ms to 200 ms.").
 */
function isTimeless(doc: StrategyDocument, base: Base): boolean {
  const head = emphasisedHead(base.item);
  if (head === null) return !base.quantified && !GOAL_CHANGE.test(base.statement.replace(/^[\s*_]+/, ''));
  const at = base.statement.indexOf(head);
  const explanation = at >= 0 ? base.statement.slice(at + head.length) : '';
  const setsChange = explanation.split(/[.!?;:]\s/).some((sentence) => GOAL_CHANGE.test(sentence.replace(/^[^\p{L}\p{N}]+/u, '')));
  return !hasQuantity(scrub(head, findDates(head, doc.dateOptions))) && !GOAL_CHANGE.test(head) && !setsChange;
}

/** The emphasised words a list item opens with, when more text follows them ("**Modal.** Vim is a great idea."). */
function emphasisedHead(item: Item): string | null {
  if (item.node.type !== 'listItem') return null;
  const paragraph = item.node.children[0];
  if (paragraph?.type !== 'paragraph') return null;
  const [first, ...rest] = paragraph.children;
  if (!first || (first.type !== 'strong' && first.type !== 'emphasis')) return null;
  const after = rest.map((node) => ('value' in node ? node.value : 'children' in node ? 'x' : '')).join('');
  if (!/[\p{L}\p{N}]/u.test(after)) return null;
  return plainText(first).trim() || null;
}

/** The code of a line written as one code span ("`Launch with 3 content types.`"), else null. */
function codeStatement(item: Item, text: string): string | null {
  if (!text.includes(CODE_PLACEHOLDER) || text.replace(/[\s\p{P}*_]/gu, '') !== CODE_PLACEHOLDER) return null;
  const blocks: Nodes[] = item.node.type === 'listItem' ? item.node.children.filter((child) => child.type === 'paragraph' || child.type === 'heading') : [item.node];
  const find = (node: Nodes): string | null => {
    if (node.type === 'inlineCode') return node.value;
    if (!('children' in node)) return null;
    for (const child of (node as Parents).children as Nodes[]) {
      const found = find(child);
      if (found !== null) return found;
    }
    return null;
  };
  for (const block of blocks) {
    const found = find(block);
    if (found !== null) return found.trim() || null;
  }
  return null;
}

function isGoalLine(doc: StrategyDocument, kr: KeyResult): boolean {
  if (kr.label !== null || kr.objective !== null) return false;
  for (let s = kr.item.section; s; s = s.parent) {
    if (isMetricsSection(doc, s)) return GOAL_SECTION.test(s.title);
  }
  return false;
}

function inReportSection(item: Item): boolean {
  for (let s = item.section; s; s = s.parent) if (REPORT_SECTION.test(s.title)) return true;
  return false;
}

/** What a key result says before any vocabulary applies: statement, detail, cells, dates. Kept per key result. */
type Base = Pick<KeyResultReading, 'kr' | 'item' | 'isGoal' | 'standIn' | 'statement' | 'display' | 'written' | 'start' | 'end' | 'block' | 'offset' | 'detail' | 'scrubbed' | 'dates' | 'cells' | 'quantified'>
  & { raw: string; fields: ReturnType<typeof readFields> & { metricFromChild: boolean } };

function baseOf(doc: StrategyDocument, kr: KeyResult): Base {
  const item = kr.item;
  let block = item.block;
  let statement = item.text;
  let offset = 0;
  const parts: string[] = [];
  let cells: Base['cells'] = null;

  if (item.kind === 'table-row' && item.cells && item.header) {
    const columns = columnsOf(item.header);
    const index = Math.min(columns.statement, item.cells.length - 1);
    block = item.cells[Math.max(0, index)];
    statement = block.text;
    item.cells.forEach((cell, i) => {
      if (i !== index && i !== columns.owner && i !== columns.objective && !PROGRESS_COLUMN.test(item.header![i] ?? '')) parts.push(cell.text);
    });
    cells = {
      baseline: cellText(item.cells, columns.baseline),
      target: cellText(item.cells, columns.target),
      date: cellText(item.cells, columns.date),
      metric: cellText(item.cells, columns.metric),
      owner: cellText(item.cells, columns.owner),
      hasBaselineColumn: columns.baseline >= 0,
      hasDateColumn: columns.date >= 0,
    };
  }
  const box = TASK_BOX.exec(statement);
  if (box) offset += box[0].length;
  const label = (kr.standIn ? TASK_LABEL : KEY_RESULT_LABEL).exec(statement.slice(offset));
  if (label) offset += label[0].length;
  while (offset < statement.length && /\s/.test(statement[offset])) offset++;
  // A priority and an owner before the result ("`P0` - @ana - The DHT is on by default", "**P1** - Alerts are actionable") govern nothing.
  const marks = PRIORITY_LEAD.exec(statement.slice(offset));
  if (marks && /\p{L}/u.test(statement.slice(offset + marks[0].length))) offset += marks[0].length;
  // A key result written as one code span ("`Launch with 3 content types.`") is read as its text.
  const code = codeStatement(item, statement.slice(offset));
  const raw = code ?? statement.slice(offset);
  const own = raw.replace(OWNER_TAIL, '').replace(SCORE_TAIL, '');
  const descendants: string[] = [];
  const visit = (child: Item): void => {
    // Work under a key result ("Create the workshop material", "Find 3 possible tools") is an initiative: it does not measure it.
    if (isInitiative(child.text)) return;
    descendants.push(codeStatement(child, child.text) ?? child.text);
    child.children.forEach(visit);
  };
  item.children.forEach(visit);
  const detail = [own, ...parts, ...descendants].join(' \u2029 ');
  const dates = findDates(detail, doc.dateOptions);
  const scrubbed = scrub(detail, dates);
  // The first line, without its line end (\r\n and a lone \r included).
  const lineBreak = code ? -1 : own.search(/\r\n|\r|\n/);
  const firstLineEnd = code ? statement.length : lineBreak >= 0 ? offset + lineBreak : offset + own.length;
  const range = block.sourceRange(offset, Math.max(offset + 1, firstLineEnd));

  // Fields from the line itself; a child that states the numbers ("Target: 60% by Q2") fills what the line leaves out.
  let fields = { ...fieldsOf(doc, raw), metricFromChild: false };
  for (const child of descendants) {
    if (fields.target) break;
    const found = fieldsOf(doc, child);
    if (found.target) fields = { metric: fields.metric ?? found.metric, baseline: fields.baseline ?? found.baseline, target: found.target, owner: fields.owner ?? found.owner, metricFromChild: !fields.metric };
  }
  return {
    kr, item, isGoal: isGoalLine(doc, kr) || kr.standIn === true, standIn: kr.standIn === true, statement: own.trim(),
    display: code ? readable(doc, block, offset).trim() : readable(doc, block, offset, offset + own.length).trim(), written: readable(doc, block, offset).replace(/\s+/g, ' ').trim(),
    start: range.start, end: range.end,
    block, offset, detail, scrubbed, dates, cells, quantified: hasQuantity(scrubbed), raw, fields,
  };
}

/** Metric, baseline, target and owner of one text, its dates (and its relative timeframe) blanked out first. */
function fieldsOf(doc: StrategyDocument, text: string): ReturnType<typeof readFields> {
  const spans: Array<{ index: number; length: number }> = findDates(text, doc.dateOptions);
  const timeframe = lastTimeframe(text, doc.dateOptions);
  if (timeframe) spans.push(timeframe);
  return readFields(text, spans);
}

/** The deliverable a statement names: an output verb or compound, a noun, a done state; under a task box or in a plan, a task verb. */
function deliverableOf(base: Base, vocabulary: ReadingVocabulary, inTaskList: boolean): Deliverable | null {
  if (!base.statement) return null;
  // "Finance: Complete the valuation model", "**Workshop [COMMITTED]:** Plan a workshop": the owner or name before the colon governs nothing.
  // A goal's name is the goal ("**Apps are just apps:** building one is …"): only a key result is read past its label.
  for (const statement of new Set([base.statement, base.isGoal ? base.statement : withoutLeadLabel(base.statement)])) {
    const found = deliverableIn(base, statement, vocabulary, inTaskList);
    if (found) return found;
  }
  return null;
}

function deliverableIn(base: Base, statement: string, vocabulary: ReadingVocabulary, inTaskList: boolean): Deliverable | null {
  const lead = outputVerbLead(statement, vocabulary.outputVerbs);
  if (lead) return { how: 'verb', words: lead[1] };
  const compound = compoundOutputLead(statement, vocabulary.outputVerbs);
  if (compound) return { how: 'compound', words: compound };
  const noun = deliverableNounLead(statement, vocabulary.deliverableNouns, vocabulary.artifacts);
  if (noun) return { how: 'noun', words: noun };
  const passive = outputPassive(statement);
  if (passive) return { how: 'done', words: passive[2].replace(/\s+/g, ' ') };
  // A task list: a checkbox, a plan item of a goal document, or a line of a list of work, opened by an imperative verb of work.
  if (base.item.checked !== null || base.standIn || inTaskList) return taskLead(statement);
  return null;
}

/** An imperative verb of work opening the line ("Record the walkthrough video"), not a noun ("Review of …") nor a change ("Improve …"). */
function taskLead(statement: string): Deliverable | null {
  const task = outputVerbLead(statement, TASK_VERBS);
  if (!task || /^\s+of\b/i.test(task.input.slice(task[0].length)) || changeVerbLead(statement) || customersLead(statement)) return null;
  return { how: 'task', words: task[1] };
}

/**
 * Key results of one objective (or one section) that are mostly work — deliverables, and lines an
 * imperative verb of work opens ("Record …", "Update …") — with at least one deliverable among
 * them: a task list, whose work lines are all tasks. Returns the indexes of the groups' readings.
 */
function taskLists(readings: readonly KeyResultReading[]): Set<number> {
  const groups = new Map<unknown, number[]>();
  readings.forEach((reading, i) => {
    const key = reading.kr.objective ?? reading.item.section;
    let group = groups.get(key);
    if (!group) groups.set(key, group = []);
    group.push(i);
  });
  const found = new Set<number>();
  for (const group of groups.values()) {
    const outputs = group.filter((i) => readings[i].kind === 'output').length;
    const work = group.filter((i) => readings[i].kind === 'output' || (readings[i].deliverable === null && taskLead(withoutLeadLabel(readings[i].statement)) !== null)).length;
    if (outputs >= 1 && work >= 2 && work * 2 > group.length) group.forEach((i) => found.add(i));
  }
  return found;
}

/** Timeframe a key result inherits: its objective, enclosing headings and their lead-in prose, the title, front matter. */
function inheritedTimeframe(doc: StrategyDocument, kr: KeyResult): InheritedTimeframe | null {
  const objective = kr.objective;
  const coarseIn = (text: string): boolean => {
    const dates = findDates(text, doc.dateOptions);
    return dates.length > 0 && dates.every((d) => d.kind === 'year');
  };
  if (objective) {
    const text = objective.text.replace(OBJECTIVE_LABEL, '');
    const found = lastTimeframe(text, doc.dateOptions);
    if (found) return { text: found.text, source: 'objective', coarse: coarseIn(text) };
  }
  let best: InheritedTimeframe | null = null;
  const consider = (found: InheritedTimeframe | null): boolean => {
    if (!found) return false;
    if (!found.coarse) {
      best = found;
      return true;
    }
    best ??= found;
    return false;
  };
  const headingTimeframe = (title: string, source: InheritedTimeframe['source']): InheritedTimeframe | null => {
    const dates = findDates(title, doc.dateOptions);
    if (dates.length > 0) return { text: dates[dates.length - 1].text.trim(), source, coarse: dates.every((d) => d.kind === 'year') };
    const year = yearHeadingOf(title) ?? /(?<![\d.,/-])\b(20\d{2})\b(?![\d.,/%-])/.exec(title);
    if (year) return { text: 'text' in year ? year.text : year[1], source, coarse: true };
    return null;
  };
  const item = kr.item;
  // An update's title, opening prose and front matter give the period it reports on, not when its goals are due.
  const reported = doc.type === 'update';
  for (let s = item.section; s; s = s.parent) {
    if (reported && s === doc.titleSection) break;
    if (consider(headingTimeframe(s.title, 'heading'))) return best;
    // Lead-in prose above the item in an enclosing section ("By the end of Q2 2027 we will:").
    for (const node of s.ownBlocks) {
      if (node.type !== 'paragraph') continue;
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      if (start >= item.start) continue;
      for (const block of doc.blocksIn(start, end)) {
        const dates = findDates(block.text, doc.dateOptions);
        if (dates.length > 0 && consider({ text: dates[dates.length - 1].text.trim(), source: 'lead-in', coarse: dates.every((d) => d.kind === 'year') })) return best;
      }
    }
  }
  if (reported) return best;
  const title = okrTitleOf(doc);
  if (title && consider(headingTimeframe(title, doc.titleSection && title === doc.titleText ? 'heading' : 'document'))) return best;
  // The lead before the first heading ("This quarter runs from 1 August to 31 October 2027.") states the period for the whole page.
  for (const node of doc.root.children) {
    if (node.type === 'heading') break;
    if (node.type !== 'paragraph') continue;
    const dates = findDates(textBlockOf('paragraph', node).text, doc.dateOptions);
    if (dates.length > 0 && consider({ text: dates[dates.length - 1].text.trim(), source: 'lead-in', coarse: dates.every((d) => d.kind === 'year') })) return best;
  }
  for (const key of TIMEFRAME_KEYS) {
    const value = doc.frontMatterValue(key);
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    if (text && (hasTimeframe(text, doc.dateOptions) || /^\s*(?:20\d{2}|\d{4}-\d{2}(?:-\d{2})?)\s*$/.test(text) || /\b(?:Q[1-4]|H[12])\b/i.test(text))) {
      if (consider({ text: text.trim(), source: 'document', coarse: /^\s*20\d{2}\s*$/.test(text) })) return best;
    }
  }
  return best;
}

const TIMEFRAME_KEYS = ['period', 'quarter', 'half', 'timeframe', 'cycle', 'horizon', 'due', 'deadline', 'target_date', 'targetDate', 'okr_period', 'year'];

function cleanWords(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function readingOf(doc: StrategyDocument, base: Base, vocabulary: ReadingVocabulary, inTaskList = false): KeyResultReading {
  const { statement, cells, scrubbed, quantified, kr } = base;
  const deliverable = deliverableOf(base, vocabulary, inTaskList);
  // A deliverable, unless an outcome shows anywhere in it: the line, its sub-bullets, its columns
  // (a metric column with a baseline or target makes a "Launch …" row an outcome). After a noun or
  // a verb of work, a share or a bound measures what it follows ("Delivery of 95% of orders within
  // 2 days", "Test coverage above 90%").
  const isOutput = deliverable !== null
    && !(cells?.metric && (cells.target || cells.baseline))
    && !carriesOutcome(base.detail, scrubbed, vocabulary.outcomeMetrics)
    && !((deliverable.how === 'noun' || deliverable.how === 'task') && SHARE_OR_BOUND.test(scrubbed));
  const hasTarget = cells?.target ? true : statesTarget(scrubbed);
  const hasBaseline = cells?.hasBaselineColumn ? cells.baseline !== null : statesBaseline(scrubbed, doc.dateOptions.language);
  const baselineStated = hasBaseline || isRelativeOrHolding(base.detail, withoutLeadLabel(statement), scrubbed, doc.dateOptions.language);

  // Fields: table columns win over the text; a deliverable moves no metric, so numbers in its text
  // are counts of work ("Hire 5 engineers", "SOC 2"); its columns are kept, they show what it could move.
  const found = base.fields;
  const mention = metricMentions(statement, vocabulary.outcomeMetrics)[0];
  const named = mention ? metricPhrase(statement, mention) : null;
  let metric = cells?.metric ?? found.metric;
  // "trial-to-paid conversion" rather than "conversion" when the metric phrase extends the extracted word.
  if (metric && !cells?.metric && !found.metricFromChild && /^[\p{L}-]+$/u.test(metric)) {
    const index = statement.toLowerCase().indexOf(metric.toLowerCase());
    if (index >= 0) metric = metricPhrase(statement, { index, length: metric.length });
  }
  let baseline = cells?.baseline ?? found.baseline;
  let target = cells?.target ?? found.target;

  let verdict: KeyResultVerdict;
  let why: string;
  const verbText = deliverable ? cleanWords(deliverable.words) : '';
  const change = baseline && target ? `${baseline} → ${target}` : target ? (/^[+−×<>≤≥]/.test(target) ? target : `to ${target}`) : '';
  if (isOutput) {
    verdict = 'output';
    metric = cells?.metric ?? null;
    baseline = cells?.baseline ?? null;
    target = cells?.target ?? null;
    const columnsSay = [cells?.metric, cells?.baseline && cells?.target ? `${cells.baseline} → ${cells.target}` : cells?.target ? `to ${cells.target}` : null].filter(Boolean).join(' ');
    const what = deliverable!.how === 'task' ? `a task ("${verbText}")` : `a deliverable ("${verbText}")`;
    why = columnsSay ? `the statement is ${what}; make the result in its columns the key result: ${columnsSay}` : `${what} that moves no metric`;
  } else if (quantified) {
    verdict = 'outcome';
    const movement = [metric && tidyMetric(metric), change].filter(Boolean).join(' ');
    why = deliverable ? `"${verbText}" names the work, but it moves ${movement || 'a metric'}` : movement ? `moves ${movement}` : 'a measurable result';
  } else if (base.isGoal) {
    verdict = 'goal';
    metric = named ?? metric;
    why = base.standIn ? 'a plan item of a goal document, standing in for a key result' : 'a goal (Goal = Objective): it may stay qualitative';
  } else if (named || metric) {
    verdict = 'no-target';
    metric = named ?? metric;
    why = `names ${metric} but sets no target`;
  } else {
    verdict = 'no-metric';
    why = 'no number or named metric: nobody can tell whether it was met';
  }
  if (metric) {
    metric = tidyMetric(metric);
    if (!/\p{L}/u.test(metric) || metric.length > 80) metric = null;
  }
  const measurable = quantified || named !== null || (metric !== null && isNamedMetric(metric));

  // Timeframe: a date column, the line's last date, a date in its detail; else what it inherits.
  const ownTimeframe = cells?.date ? true : base.dates.length > 0 || hasTimeframe(base.detail, doc.dateOptions);
  const inherited = ownTimeframe ? null : inheritedTimeframe(doc, kr);
  let date: string | null = cells?.date ?? null;
  let dateSource: DateSource | null = date ? 'column' : null;
  if (!date && ownTimeframe) {
    const own = lastTimeframe(base.raw, doc.dateOptions) ?? lastTimeframe(base.detail, doc.dateOptions);
    if (own) {
      date = own.text;
      dateSource = 'key result';
    }
  }
  if (!date && inherited) {
    date = inherited.text;
    dateSource = inherited.source;
  }
  const objectiveOwner = kr.objective ? findOwner(kr.objective.text.replace(OBJECTIVE_LABEL, ''))?.text ?? null : null;

  return {
    ...base,
    hasTarget,
    deliverable,
    kind: isOutput ? 'output' : 'outcome',
    verdict,
    measurable,
    why,
    metric,
    baseline,
    target,
    baselineStated,
    lacksBaseline: verdict === 'outcome' && !base.isGoal && hasTarget && !baselineStated,
    ownTimeframe,
    inherited,
    timeless: base.isGoal && isTimeless(doc, base),
    date,
    dateSource,
    dateCoarse: !ownTimeframe && inherited !== null && inherited.coarse,
    owner: cells?.owner ?? found.owner ?? objectiveOwner,
  };
}

// ---------------------------------------------------------------------------------------------
// Memo: one base per key result, one reading per key result and vocabulary.

interface Memo {
  bases: Map<KeyResult, Base>;
  byVocabulary: Map<string, KeyResultReading[]>;
}
const memos = new WeakMap<StrategyDocument, Memo>();
const listKeys = new WeakMap<readonly string[], string>();

function listKey(list: readonly string[]): string {
  let key = listKeys.get(list);
  if (key === undefined) {
    key = list.join('\u0001');
    listKeys.set(list, key);
  }
  return key;
}

function vocabularyKey(vocabulary: ReadingVocabulary): string {
  return [vocabulary.outputVerbs, vocabulary.outcomeMetrics, vocabulary.deliverableNouns, vocabulary.artifacts].map(listKey).join('\u0000');
}

/**
 * The readings of a document's key results under a vocabulary (a rule's options, or the
 * defaults), in document order. Left out: key results with no statement ("KR2:" alone) and, in a
 * status or investor update, the unlabelled lines of a "Metrics" section, which report where a
 * number stands rather than set a target.
 */
export function readKeyResults(doc: StrategyDocument, vocabulary: ReadingVocabulary = DEFAULT_VOCABULARY): KeyResultReading[] {
  let memo = memos.get(doc);
  if (!memo) memos.set(doc, memo = { bases: new Map(), byVocabulary: new Map() });
  const key = vocabularyKey(vocabulary);
  let readings = memo.byVocabulary.get(key);
  if (!readings) {
    // Warm the verb patterns once per list, not once per key result.
    verbAlternation(vocabulary.outputVerbs);
    const bases: Base[] = [];
    for (const kr of doc.keyResults) {
      if (doc.type === 'update' && kr.label === null && kr.objective === null && inReportSection(kr.item)) continue;
      let base = memo.bases.get(kr);
      if (!base) memo.bases.set(kr, base = baseOf(doc, kr));
      if (base.statement) bases.push(base);
    }
    readings = bases.map((base) => readingOf(doc, base, vocabulary));
    // In a task list, the lines a verb of work opens are tasks too.
    for (const i of taskLists(readings)) {
      if (readings[i].deliverable === null) readings[i] = readingOf(doc, bases[i], vocabulary, true);
    }
    memo.byVocabulary.set(key, readings);
  }
  return readings;
}

/** The first target value of a reading, for messages ("60%"). */
export function targetOf(reading: KeyResultReading): string | null {
  return reading.target ?? firstTarget(reading.scrubbed);
}
