/**
 * Transcripts: the stretches of a document that record what people said (interview and podcast
 * transcripts, meeting minutes) rather than what the writer wrote. Spoken words hedge ("sort of",
 * "really", "maybe") and run on; that is how people talk, and it is not the writer's to edit, so
 * the clarity rules leave transcripts alone as they leave block quotes alone.
 *
 * A transcript is told by its marks, never by its words: the stretch between two headings (of any
 * level) is one when a paragraph in it carries a timestamp, or when at least four of its
 * paragraphs open with a speaker's name, from at least two speakers. Meeting minutes name their
 * speakers in a list of who was present; there, a stretch with two turns ("James, even with 9000
 * followers…", "Matteo - reminder…") opened by a person on that list is a record of what was said.
 */
import type { StrategyDocument } from '../../model/document.js';
import type { Range } from '../../model/ranges.js';
import { KEY_RESULT_LABEL, OBJECTIVE_LABEL, TASK_LABEL } from '../../model/items.js';
import { normalizeHeading } from '../../model/roles.js';

/** "[00:03:00]" or "[12:30]" anywhere, "(00:12:31)" with seconds, or "00:03:15" opening the paragraph. */
const TIMESTAMP = /\[\d{1,2}:\d{2}(?::\d{2})?\]|\(\d{1,2}:\d{2}:\d{2}\)|^\d{1,2}:\d{2}:\d{2}\b/;
/** "Maria:", "Bruce Wang:", "Dr. Okafor:" opening a paragraph: one to three capitalised words and a colon. */
const SPEAKER = /^(\p{Lu}[\p{L}'’.-]{0,20}(?: \p{Lu}[\p{L}'’.-]{0,20}){0,2}):\s/u;
/** Labels that open a written paragraph, not a speaker's turn. */
const WRITTEN_LABELS = new Set([
  'a', 'q', 'answer', 'question', 'note', 'notes', 'nb', 'ps', 'tip', 'warning', 'caveat', 'important', 'example', 'examples',
  'owner', 'owners', 'dri', 'status', 'date', 'due', 'deadline', 'timeline', 'when', 'who', 'what', 'why', 'how', 'where',
  'context', 'background', 'scope', 'update', 'result', 'results', 'impact', 'outcome', 'outcomes', 'target', 'baseline',
  'metric', 'version', 'release', 'released', 'fixed', 'added', 'changed', 'removed', 'deprecated', 'security', 'breaking',
  'pros', 'cons', 'pro', 'con', 'mitigation', 'assumption', 'assumptions', 'hypothesis', 'evidence', 'proposal', 'rationale',
  'reason', 'highlights', 'lowlights', 'wins', 'blockers', 'ask', 'asks', 'next', 'now', 'later', 'today', 'solution',
  'customer', 'customers', 'users', 'team', 'idea', 'learning', 'learnings', 'finding', 'findings', 'takeaway', 'takeaways',
  'source', 'sources', 'see', 'attendees', 'agenda', 'author', 'authors', 'reviewers', 'approvers', 'stakeholders', 'purpose',
  'step', 'phase', 'option', 'bet', 'risk', 'cost', 'benefit', 'benefits', 'dependency', 'dependencies', 'milestone',
]);

/** A minutes line opened by a first name: "James, …", "Matteo - …", "Joyee: …". */
const MINUTES_TURN = /^(\p{Lu}[\p{L}'’-]{1,20})(?:,|:|\s+[-–—]\s)/u;
/** Headings of the list of people at a meeting. */
const ATTENDANCE = new Set(['present', 'attendees', 'attendance', 'in attendance', 'participants', 'people present', 'members present', 'who was there']);
const MIN_MINUTES_TURNS = 2;

const MIN_SPEAKER_TURNS = 4;
const MIN_SPEAKERS = 2;

const cache = new WeakMap<StrategyDocument, Range[]>();

/** Source ranges of the document's transcripts, in document order. */
export function transcriptRanges(doc: StrategyDocument): Range[] {
  let ranges = cache.get(doc);
  if (ranges) return ranges;
  // Stretches between consecutive headings of any level (the first one from the top).
  const bounds = [...new Set([0, ...doc.sections.map((section) => section.start), doc.text.length])].sort((a, b) => a - b);
  const stretches = bounds.slice(0, -1).map((start, i) => ({ start, end: bounds[i + 1], timestamp: false, turns: 0, minutesTurns: 0, speakers: new Set<string>() }));
  const attendees = attendeesOf(doc);
  let at = 0;
  for (const block of doc.textBlocks) {
    if (block.kind !== 'paragraph') continue;
    while (at + 1 < stretches.length && stretches[at + 1].start <= block.start) at++;
    const stretch = stretches[at];
    if (TIMESTAMP.test(block.text)) stretch.timestamp = true;
    const speaker = SPEAKER.exec(block.text)?.[1];
    if (speaker && isSpeaker(doc, speaker)) {
      stretch.turns++;
      stretch.speakers.add(speaker);
    }
    const turn = attendees.size > 0 ? MINUTES_TURN.exec(block.text)?.[1] : undefined;
    if (turn && attendees.has(turn)) stretch.minutesTurns++;
  }
  ranges = stretches
    .filter((s) => s.timestamp || (s.turns >= MIN_SPEAKER_TURNS && s.speakers.size >= MIN_SPEAKERS) || s.minutesTurns >= MIN_MINUTES_TURNS)
    .map(({ start, end }) => ({ start, end }));
  cache.set(doc, ranges);
  return ranges;
}

/** First names of the people listed under a "Present" / "Attendees" heading ("* James Snell @jasnell"). */
function attendeesOf(doc: StrategyDocument): Set<string> {
  const names = new Set<string>();
  for (const section of doc.sections) {
    if (!ATTENDANCE.has(normalizeHeading(section.title))) continue;
    const end = section.children[0]?.start ?? section.end;
    for (const block of doc.textBlocks) {
      if (block.kind !== 'paragraph' || block.start < section.start || block.start >= end) continue;
      // One name per list item, or several on a line: "Ana Lima, Ben Ode".
      for (const match of block.text.matchAll(/(?:^|[,;\n][ \t]*)(\p{Lu}[\p{L}'’-]{1,20})\s+\p{Lu}/gu)) names.add(match[1]);
    }
  }
  return names;
}

/** A name rather than a label of written structure ("Risk:", "KR1:", "Diagnosis:"). */
function isSpeaker(doc: StrategyDocument, label: string): boolean {
  const normalized = normalizeHeading(label);
  if (!normalized || WRITTEN_LABELS.has(normalized) || WRITTEN_LABELS.has(normalized.split(' ')[0])) return false;
  const asLabel = `${label}:`;
  if (KEY_RESULT_LABEL.test(asLabel) || OBJECTIVE_LABEL.test(asLabel) || TASK_LABEL.test(asLabel)) return false;
  return doc.roleMatcher.rolesOf(label).length === 0;
}
