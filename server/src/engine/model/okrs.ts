/**
 * Objectives and key results: which items, rows and paragraphs of a document are key results, and
 * which objective each belongs to. Real OKR pages lay them out in many ways, all read here:
 *
 * - labelled lines and items: "Objective: …", "KR2: …", "Measure: …" (Goal = Objective, Measure =
 *   Key Result; "Task:", "Initiative:" lines are work, never results);
 * - objective headings: "## Objective 1: …"; in an OKR document, a heading that holds a list under
 *   a period ("2027 Q1") or an OKRs heading, below a title naming OKRs (not an explaining heading such
 *   as "Scoring" or "Links"; a team heading over nested objective items is read as nested
 *   objectives); and any heading with a "Key results" subsection;
 * - key-result headings ("#### KR 1.2: …"), their section's items and paragraphs as details;
 * - key-results sections: their items, or — in an OKR document with no items there — their
 *   paragraphs, or one key result per subsection (its first paragraph, the heading naming it);
 * - a "Key results:" label paragraph over a list, or prose announcing targets over a list of
 *   numbers ("… achieve the following:"): the list's items belong to the objective above;
 * - short group labels ("Security", "Adoption:") over nested key results: the children are the key results;
 * - nested lists in an OKR document: an objective item with its key results as children, where
 *   the list sits under a period, OKRs or goals heading (not in the design principles or timeline
 *   of a goal proposal);
 * - tables with a key-result column (an objective column groups the rows);
 * - items of a metrics section ("Success metrics", "Goals").
 *
 * Never read: tables of contents (lists of links into the page), items of work, risk, non-goal
 * and option sections, lists under a "Not included" or "Initiatives" label, the context bullets
 * of an objective that has a key-results subsection, and a key-result label in an initiative
 * ("KR: Update"), which names the result the work serves.
 *
 * A goal document with no key results at all (a project-goal proposal) is judged by its goal
 * statement: the first paragraph of its "Summary" or "Goal" section stands in for a key result.
 */
import type { ListItem, Paragraph } from 'mdast';
import { KEY_RESULT_LABEL, OBJECTIVE_LABEL, TASK_LABEL, type Item } from './items.js';
import { withinRole, type Section } from './sections.js';
import { textBlockOf } from './text-block.js';
import { countWords } from './word-count.js';
import { KEY_RESULT_COLUMN, NOT_KEY_RESULT_SECTION, inWorkSection, isBoldName, isContentsEntry, isContentsSection, isGroupLabel, isKeyResultsLead, isKeyResultsSection, isLabelOnly, isLabelWithOwners, isMetricsSection, isNestedObjective, isOkrSet, isOkrSetTitle, isTrackingRow, isWorkLabel, isWorkLabelText, isWorkSection, labelName, leadIns, okrTitleOf, paragraphItem, paragraphKeyResults, paragraphsOf, parentOf, type OkrSource } from './okr-structure.js';

export interface Objective {
  kind: 'item' | 'heading';
  text: string;
  start: number;
  end: number;
  item: Item | null;
  section: Section | null;
  keyResults: KeyResult[];
  /** The objective this one serves: a team's objective listed under a company objective heading. */
  parent?: Objective;
}

export interface KeyResult {
  item: Item;
  objective: Objective | null;
  /** "KR1", "Key result", … when the line carries a label. */
  label: string | null;
  /** A plan item ("The next 6 months", "Milestones") standing in for the key results of a goal document that has none. */
  standIn?: boolean;
}

/** In a roadmap, a "Measure" column beside no objective column is each plan item's outcome, not a key result. */
export const LABELLED_KEY_RESULT_COLUMN = /^[^\p{L}]*(?:key\s+results?|krs?)[^\p{L}]*$/iu;

export const OBJECTIVE_COLUMN = /^[^\p{L}]*(?:objectives?|goals?)[^\p{L}]*$/iu;

/** Headings that explain an OKR page rather than state an objective: "Scoring", "How we grade", "Timeline", "Links". */
const EXPLAINING_TITLE = /^[^\p{L}\p{N}]*(?:about|overview|introduction|intro|summary|purpose|scope|how\b|process|scoring|scores?|grading|grades?|timeline|schedule|cadence|calendar|meetings?|faq|questions|glossary|definitions|terms|links|resources|references|further\s+reading|see\s+also|appendix|history|archive|previous|past|changelog|legend|people|contacts|tools|templates?|examples?|status|progress|retrospective|lessons|principles|values|guidelines|rules|tips|best\s+practices|assumptions|open\s+questions|what\s+(?:are|is)|when\b|who\b)\b/iu;

/** Status marks a heading may open with: "!WIP!", "[DRAFT]", ":construction_worker:", emoji. */
const STATUS_MARKS = /^(?:\s*(?:[!\[(]\s*[A-Z]{2,8}\s*[!\])]|:[\w+-]{1,40}:|[^\p{L}\p{N}\s]+))+\s*/u;

/** A title that names OKRs: "Package manager OKRs", "Quarterly objectives and key results". */
const OKR_TITLE = /\b(?:okrs?|key\s+results?|objectives)\b/i;

/**
 * A paragraph that opens by saying how success will show: "We will know this is working when …",
 * "Success looks like …". "Success means …" is left out: it as often defines the word ("Success
 * means different things to each community").
 */
const SUCCESS_CRITERION = /^(?:we(?:'|’|\s+wi)ll\s+know\s+(?:this|it|we)\b[^.:\n]{0,40}?\bwhen\b|success\s+(?:looks\s+like|is\s+when)\b|we(?:'|’|\s+wi)ll\s+(?:have\s+)?succeed(?:ed)?\s+(?:when|if)\b)/iu;

/** The section of a goal document that states its goal in a paragraph. */
const GOAL_STATEMENT_TITLE = /^[^\p{L}\p{N}]*(?:summary|goal|the\s+goal|abstract|tl;?dr)[^\p{L}\p{N}]*$/iu;

export function classifyOkrs(doc: OkrSource): { objectives: Objective[]; keyResults: KeyResult[] } {
  const objectives: Objective[] = [];
  const keyResults: KeyResult[] = [];
  const objectiveOfItem = new Map<Item, Objective>();
  const headingObjectives = new Map<Section, Objective>();
  const isOkr = doc.type === 'okr';
  const { leads, lists: listOf } = leadIns(doc);
  const leadOf = (item: Item): Paragraph | undefined => {
    let top: Item = item;
    while (top.parent) top = top.parent;
    return top.kind === 'list-item' ? leads.get(top.node as ListItem) : undefined;
  };

  // Objective headings: labelled ("Objective 2: …"), over a key-results subsection, or — in an OKR
  // document — under a set of OKRs ("## 2019 Q1" › "### Connectivity") and holding a list.
  const itemsBySection = new Map<Section, Item[]>();
  for (const item of doc.items) {
    if (!item.section) continue;
    const list = itemsBySection.get(item.section);
    if (list) list.push(item);
    else itemsBySection.set(item.section, [item]);
  }
  const headingObjectiveSections = new Set<Section>();
  const title = okrTitleOf(doc);
  /** Under no heading but a table of contents, a heading's set is the document's title ("FY27-Q3 OKRs" in front matter). */
  const belowSet = (section: Section): boolean => {
    const parent = parentOf(section);
    if (parent) return isOkrSet(doc, parent);
    return section.depth > 1 && section !== doc.titleSection && isOkrSetTitle(doc, title);
  };
  /** A heading right under a set of OKRs that holds a list and does not explain the page ("Scoring", "Timeline", "Links"). */
  const isAreaOfSet = (section: Section): boolean => belowSet(section) && !isOkrSet(doc, section) && !isContentsSection(section)
    && section.roles.length === 0 && !inWorkSection(section) && !EXPLAINING_TITLE.test(section.title) && section.ownBlocks.some((node) => node.type === 'list')
    && underOkrTitle(section);
  /** Below a heading (or a title) that names OKRs or key results: under "Goals", a list holds goals, not key results. */
  const underOkrTitle = (section: Section): boolean => {
    for (let s = parentOf(section); s; s = parentOf(s)) if (OKR_TITLE.test(s.title)) return true;
    return OKR_TITLE.test(title);
  };
  /**
   * Its list nests: a team or area heading over objective items with their key results. An item
   * with a number of its own and sub-bullets is a key result with details, not an objective.
   */
  const nests = new Map<Section, boolean>();
  const holdsNested = (section: Section): boolean => {
    let found = nests.get(section);
    if (found === undefined) {
      found = (itemsBySection.get(section) ?? []).some(isNestedObjective);
      nests.set(section, found);
    }
    return found;
  };
  // A heading whose own lines name their objectives ("**Objective:** …") only frames them.
  const framing = new Set<Section>();
  for (const item of doc.items) {
    if (item.section && OBJECTIVE_LABEL.test(item.text)) for (let s: Section | null = item.section; s; s = s.parent) framing.add(s);
  }
  const labelledHeading = (section: Section): boolean => {
    // "!WIP! :construction_worker: Objective: …": status marks before the label do not hide it.
    const title = section.title.replace(STATUS_MARKS, '');
    return OBJECTIVE_LABEL.test(title) || (/^\W*objective\b/i.test(title) && !withinRole(section.parent, 'non-goals'));
  };
  // A document that labels its objectives ("## Objective 2: …", "**Objective:** …") says which they are: its other headings are not objectives by position.
  const labelsObjectives = doc.items.some((item) => OBJECTIVE_LABEL.test(item.text)) || doc.sections.some(labelledHeading);
  /** Top-level items of an area with no sub-bullets: beside nested objective items, the heading's own key results. */
  const looseItems = (section: Section): boolean => (itemsBySection.get(section) ?? [])
    .some((item) => item.kind === 'list-item' && item.depth === 0 && item.children.length === 0 && item.text.trim().length > 0 && !isContentsEntry(item.node as ListItem));
  /** Areas whose list nests: each item with sub-bullets is an objective, even below an objective heading. */
  const nestedAreas = new Set<Section>();
  for (const section of doc.sections) {
    const labelled = labelledHeading(section);
    const overKeyResults = !labelled && section.children.some(isKeyResultsSection) && !isKeyResultsSection(section)
      && !isOkrSet(doc, section) && section !== doc.titleSection && !inWorkSection(section) && !framing.has(section);
    const area = !labelled && !labelsObjectives && isOkr && isAreaOfSet(section);
    if (area && holdsNested(section)) nestedAreas.add(section);
    // A heading over nested objective items is a team heading; with loose items beside them it is an objective of its own too.
    const inSet = area && (!holdsNested(section) || looseItems(section));
    if (labelled || overKeyResults || inSet) headingObjectiveSections.add(section);
  }
  for (const section of headingObjectiveSections) {
    const objective: Objective = { kind: 'heading', text: section.title, start: section.titleStart, end: section.titleEnd, item: null, section, keyResults: [] };
    objectives.push(objective);
    headingObjectives.set(section, objective);
  }

  /** The objective heading above a section, unless a work section ("Initiatives", "Risks") lies between them. */
  const headingObjectiveAt = (section: Section | null, strict: boolean): Objective | null => {
    for (let s = section; s; s = s.parent) {
      const objective = headingObjectives.get(s);
      if (objective) return objective;
      if (strict && isWorkSection(s)) return null;
    }
    return null;
  };
  /** Inside a key-results section below its objective heading, when that heading has one: its other items are context. */
  const outsideKeyResults = (section: Section | null, objective: Objective): boolean => {
    if (!objective.section?.children.some(isKeyResultsSection)) return false;
    for (let s = section; s && s !== objective.section; s = s.parent) if (isKeyResultsSection(s)) return false;
    return true;
  };
  /** Inside a metrics section, with no work section between the item and it. */
  const inMetricsSection = (section: Section | null): boolean => {
    for (let s = section; s; s = s.parent) {
      if (s.roles.includes('non-goals') || isWorkSection(s)) return false;
      if (isMetricsSection(doc, s)) return true;
    }
    return false;
  };
  const inKeyResultsSection = (section: Section | null): boolean => {
    for (let s = section; s; s = s.parent) {
      if (isWorkSection(s)) return false;
      if (isKeyResultsSection(s)) return true;
    }
    return false;
  };
  /** Inside a section of work below the title ("Initiatives", "Tasks", "Actions"). */
  const inInitiative = (section: Section | null): boolean => {
    for (let s = section; s && s !== doc.titleSection; s = s.parent) {
      if (NOT_KEY_RESULT_SECTION.test(s.title) || s.roles.includes('coherent-actions')) return true;
    }
    return false;
  };
  /** Where nested objectives are written: under the title, a set of OKRs, a metrics section, or a team heading of a set. */
  const holdsNestedObjectives = (section: Section | null): boolean => {
    if (!section || section === doc.titleSection) return true;
    return isOkrSet(doc, section) || section.roles.includes('metrics') || (isAreaOfSet(section) && holdsNested(section));
  };

  // Key-result headings ("#### KR 1.2: Cut churn from 5% to 3%"): the heading is the key result, and
  // its section's own items and paragraphs are its details.
  const headingKeyResults: Array<{ section: Section; item: Item }> = [];
  const skipped = new Set<Item>();
  for (const section of doc.sections) {
    const label = KEY_RESULT_LABEL.exec(section.title);
    if (!label || !section.title.slice(label[0].length).trim() || inWorkSection(section)) continue;
    const block = textBlockOf('heading', section.heading);
    const children = [
      ...paragraphsOf(section.ownBlocks).map((paragraph) => paragraphItem(doc, paragraph)),
      ...(itemsBySection.get(section) ?? []).filter((item) => item.parent === null && item.kind !== 'line'),
    ];
    for (const child of itemsBySection.get(section) ?? []) skipped.add(child);
    headingKeyResults.push({
      section,
      item: { kind: 'line', node: section.heading, block, text: block.text, start: block.start, end: block.end, depth: 0, parent: null, children, checked: null, section },
    });
  }
  const groups = new Set<Item>();
  /** Items that are only a key-results label ("**Key results:**") over sub-bullets. */
  const labelGroups = new Set<Item>();
  /** Objective headings that say where their key results are (a label, a lead-in, a subsection): nothing else under them is one. */
  const contained = new Set<Objective>();
  const keyResultLists = new Set<Item>();
  const leading = new Map<Paragraph, boolean>();
  const leadsKeyResults = (lead: Paragraph, item: Item): boolean => {
    let found = leading.get(lead);
    if (found === undefined) leading.set(lead, found = isKeyResultsLead(textBlockOf('paragraph', lead).text.trim(), listOf.get(item.node as ListItem) ?? []));
    return found;
  };
  /** Bold names over lists, read as objectives, by their paragraph. */
  const boldObjectives = new Map<Paragraph, Objective>();
  /** A bold name over a list directly in a set of OKRs ("2018 Q3", "Q1 OKRs") or an objective-free OKR page, outside work sections. */
  const boldObjectiveLead = (lead: Paragraph, item: Item): boolean => isBoldName(lead) && !isWorkLabel(lead) && !labelsObjectives
    && item.section !== null && !inWorkSection(item.section) && headingObjectiveAt(item.section, true) === null
    && (isOkrSet(doc, item.section) || (item.section === doc.titleSection && OKR_TITLE.test(title)));
  for (const item of doc.items) {
    if (skipped.has(item)) continue;
    const parentSkipped = item.parent !== null && skipped.has(item.parent);
    const lead = item.depth === 0 ? leadOf(item) : undefined;
    // A "**Notes**" or "Initiatives:" bullet over sub-bullets labels them as work or notes, as such a paragraph labels a list.
    const workGroup = item.kind === 'list-item' && item.children.length > 0 && isWorkLabelText(item.text);
    if (parentSkipped || workGroup || (item.kind === 'list-item' && isContentsEntry(item.node as ListItem)) || (lead && isWorkLabel(lead)) || isTrackingRow(item)) {
      skipped.add(item);
      continue;
    }
    if (item.depth === 0 && lead && leadsKeyResults(lead, item)) {
      keyResultLists.add(item);
      const objective = headingObjectiveAt(item.section, true);
      if (objective) contained.add(objective);
    } else if (item.depth === 0 && lead && isOkr && boldObjectiveLead(lead, item)) {
      // "## 2018 Q3" › "**Daemon is as reliable as it can be**" over a list: a bold name over a list in a set of OKRs is an objective and its key results.
      keyResultLists.add(item);
      if (!boldObjectives.has(lead)) {
        const line = paragraphItem(doc, lead);
        const objective: Objective = { kind: 'item', text: line.text, start: line.start, end: line.end, item: line, section: item.section, keyResults: [] };
        boldObjectives.set(lead, objective);
        objectives.push(objective);
      }
    }
    // "- **Key results:**" over sub-bullets: the sub-bullets are the key results, and the objective's other lines are context.
    if (item.kind === 'list-item' && item.children.length > 0 && (isLabelOnly(item.text) || isLabelWithOwners(item.text))) {
      labelGroups.add(item);
      const objective = headingObjectiveAt(item.section, true);
      if (objective) contained.add(objective);
      continue;
    }
    if (TASK_LABEL.test(item.text) || KEY_RESULT_LABEL.test(item.text)) continue;
    const underHeading = headingObjectiveAt(item.section, true) !== null;
    const inKeyResults = keyResultLists.has(item) || underHeading || inKeyResultsSection(item.section);
    if (item.depth === 0 && inKeyResults && isGroupLabel(item)) {
      groups.add(item);
      continue;
    }
    const labelledObjective = OBJECTIVE_LABEL.test(item.text);
    // An empty bullet that only holds sub-bullets states no objective (and has no text to flag).
    const okrParent = isOkr && item.depth === 0 && item.kind === 'list-item' && item.children.length > 0 && item.text.trim().length > 0
      && (!underHeading || (item.section !== null && nestedAreas.has(item.section))) && !keyResultLists.has(item) && !inWorkSection(item.section)
      && (item.section !== null && nestedAreas.has(item.section) ? isNestedObjective(item) : holdsNestedObjectives(item.section));
    if (labelledObjective || okrParent) {
      const objective: Objective = { kind: 'item', text: item.text, start: item.start, end: item.end, item, section: item.section, keyResults: [] };
      // Below an objective heading (a company objective over its teams' ones), the item's objective serves the heading's.
      const above = headingObjectiveAt(item.section, true);
      if (above) objective.parent = above;
      objectives.push(objective);
      objectiveOfItem.set(item, objective);
    }
  }

  // Key-result tables: a "Key result" (or "KR", "Measure") column makes every row a key result, and an
  // "Objective" (or "Goal") column groups the rows; an empty objective cell continues the one above.
  const tableKeyResults = new Map<Item, Objective | null>();
  const tableObjectives = new Map<readonly string[], Map<string, Objective>>();
  const lastObjective = new Map<readonly string[], Objective | null>();
  for (const item of doc.items) {
    if (item.kind !== 'table-row' || !item.header || !item.cells || skipped.has(item)) continue;
    const objectiveColumn = item.header.findIndex((h) => OBJECTIVE_COLUMN.test(h));
    const krPattern = doc.type === 'roadmap' && objectiveColumn < 0 ? LABELLED_KEY_RESULT_COLUMN : KEY_RESULT_COLUMN;
    const krColumn = item.header.findIndex((h) => krPattern.test(h));
    if (krColumn < 0 || !item.cells[krColumn]?.text.trim() || inWorkSection(item.section)) continue;
    const cell = objectiveColumn >= 0 ? item.cells[objectiveColumn] : undefined;
    const name = cell?.text.trim() ?? '';
    let objective: Objective | null = lastObjective.get(item.header) ?? null;
    if (cell && name) {
      const byName = tableObjectives.get(item.header) ?? new Map<string, Objective>();
      tableObjectives.set(item.header, byName);
      objective = byName.get(name) ?? null;
      if (!objective) {
        objective = { kind: 'item', text: name, start: cell.start, end: cell.end, item, section: item.section, keyResults: [] };
        byName.set(name, objective);
        objectives.push(objective);
      }
    }
    lastObjective.set(item.header, objective);
    tableKeyResults.set(item, objective);
  }
  objectives.sort((a, b) => a.start - b.start);
  /** The objective line or item above a point in the same section (a "Key results:" list belongs to it). */
  const objectiveAbove = (item: Item): Objective | null => {
    for (let i = objectives.length - 1; i >= 0; i--) {
      const o = objectives[i];
      if (o.start < item.start && o.kind === 'item' && o.section === item.section) return o;
    }
    return null;
  };

  const add = (keyResult: KeyResult): void => {
    keyResults.push(keyResult);
    keyResult.objective?.keyResults.push(keyResult);
  };
  for (const { section, item } of headingKeyResults) {
    const label = KEY_RESULT_LABEL.exec(item.text);
    add({ item, objective: headingObjectiveAt(section.parent, false), label: labelName(label) });
  }
  const proseSections = new Set<Section>();
  for (const section of doc.sections) {
    if (!isOkr || !isKeyResultsSection(section) || inWorkSection(section) || !headingObjectiveAt(section, true)) continue;
    const paragraphs = paragraphKeyResults(doc, section);
    if (paragraphs.length === 0) continue;
    proseSections.add(section);
    for (const paragraph of paragraphs) {
      const item = paragraphItem(doc, paragraph);
      add({ item, objective: headingObjectiveAt(section, false), label: null });
    }
  }
  // A success criterion stated in prose ("**We will know this is working when** our team spends 80% …"): the section's key result.
  for (const section of doc.sections) {
    if (inProseSection(section) || inWorkSection(section)) continue;
    for (const paragraph of paragraphsOf(section.ownBlocks)) {
      const text = textBlockOf('paragraph', paragraph).text;
      const criterion = SUCCESS_CRITERION.exec(text.replace(/^[\s*_]+/, ''));
      if (!criterion || countWords(text) - countWords(criterion[0]) < 3) continue;
      add({ item: paragraphItem(doc, paragraph), objective: headingObjectiveAt(section, false), label: null });
    }
  }
  function inProseSection(section: Section | null): boolean {
    for (let s = section; s; s = s.parent) if (proseSections.has(s)) return true;
    return false;
  }

  for (const item of doc.items) {
    if (skipped.has(item) || groups.has(item) || labelGroups.has(item) || objectiveOfItem.has(item) || TASK_LABEL.test(item.text) || item.text.trim().length === 0) continue;
    const label = KEY_RESULT_LABEL.exec(item.text);
    // "KR: Update" in an initiative names the key result the work serves.
    if (label && inInitiative(item.section)) continue;
    const parentObjective = item.parent ? objectiveOfItem.get(item.parent) ?? null : null;
    const inGroup = item.parent !== null && groups.has(item.parent);
    const topLevel = item.depth === 0 || item.kind === 'table-row';
    // Labelled lines inside an objective's paragraph belong to the nearest objective line above them.
    const lineObjective = item.kind === 'line' ? [...objectives].reverse().find((o) => o.kind === 'item' && o.item?.node === item.node && o.start < item.start) ?? null : null;
    let objective: Objective | null = parentObjective ?? lineObjective ?? tableKeyResults.get(item) ?? null;
    let isKeyResult = label !== null || parentObjective !== null || tableKeyResults.has(item);
    const group = item.parent;
    if (!isKeyResult && group && labelGroups.has(group)) {
      // The sub-bullets of a key-results label belong to the objective the label sits in.
      objective = (group.parent ? objectiveOfItem.get(group.parent) ?? null : null) ?? objectiveAbove(group) ?? headingObjectiveAt(item.section, false);
      isKeyResult = true;
    } else if (!isKeyResult && (topLevel || inGroup) && item.kind !== 'line' && !inProseSection(item.section)) {
      const listed = keyResultLists.has(item) || (inGroup && keyResultLists.has(item.parent!));
      const headingObjective = headingObjectiveAt(item.section, true);
      if (listed) {
        objective = objectiveAbove(item.parent ?? item) ?? headingObjectiveAt(item.section, false);
        isKeyResult = true;
      } else if (headingObjective) {
        if (contained.has(headingObjective) || outsideKeyResults(item.section, headingObjective)) continue;
        objective = headingObjective;
        isKeyResult = true;
      } else if (inMetricsSection(item.section)) {
        isKeyResult = item.parent === null || inGroup;
      }
    }
    if (!isKeyResult) continue;
    objective ??= headingObjectiveAt(item.section, false);
    add({ item, objective, label: labelName(label) });
  }
  keyResults.sort((a, b) => a.item.start - b.item.start);
  for (const objective of objectives) objective.keyResults.sort((a, b) => a.item.start - b.item.start);

  // A goal document with no key results (a project-goal proposal) is judged by its goal statement:
  // its plan ("The next 6 months", "Deliverables") is the work, where deliverables belong.
  if (keyResults.length === 0 && isOkr) {
    const section = doc.sections.find((s) => GOAL_STATEMENT_TITLE.test(s.title));
    const paragraph = section ? paragraphsOf(section.ownBlocks)[0] : undefined;
    if (paragraph) keyResults.push({ item: paragraphItem(doc, paragraph), objective: null, label: null, standIn: true });
  }
  return { objectives, keyResults };
}
