/**
 * The vocabulary every part of Strategy Lint speaks: the document types and the section roles,
 * with the names people read (status bar, outline, code lens, review, messages). Defined once,
 * here; the heading synonyms that recognise each role are in model/roles.ts.
 */
export const DOC_TYPES = ['strategy', 'okr', 'roadmap', 'release-notes', 'decision', 'update', 'generic'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export interface DocTypeInfo {
  /** "Strategy memo": a name on its own (status bar, outline root, review badge). */
  label: string;
  /** "a strategy memo": for sentences. */
  phrase: string;
  /** "strategy memos". */
  plural: string;
}

export const DOC_TYPE_INFO: Readonly<Record<DocType, DocTypeInfo>> = {
  strategy: { label: 'Strategy memo', phrase: 'a strategy memo', plural: 'strategy memos' },
  okr: { label: 'OKR set', phrase: 'an OKR set', plural: 'OKR sets' },
  roadmap: { label: 'Roadmap', phrase: 'a roadmap', plural: 'roadmaps' },
  'release-notes': { label: 'Release notes', phrase: 'release notes', plural: 'release notes' },
  decision: { label: 'Decision doc', phrase: 'a decision doc', plural: 'decision docs' },
  update: { label: 'Status update', phrase: 'a status update', plural: 'status updates' },
  generic: { label: 'General document', phrase: 'a general document', plural: 'general documents' },
};

const pick = <K extends keyof DocTypeInfo>(key: K): Readonly<Record<DocType, string>> =>
  Object.fromEntries(DOC_TYPES.map((type) => [type, DOC_TYPE_INFO[type][key]])) as Record<DocType, string>;
/** "Strategy memo", "OKR set", … */
export const DOC_TYPE_LABELS = pick('label');
/** "a strategy memo", "an OKR set", … */
export const DOC_TYPE_PHRASES = pick('phrase');
/** "strategy memos", "OKR sets", … */
export const DOC_TYPE_PLURALS = pick('plural');

export const SECTION_ROLES = [
  'diagnosis', 'guiding-policy', 'coherent-actions', 'summary', 'non-goals', 'risks', 'metrics', 'options', 'audience',
] as const;
export type SectionRole = (typeof SECTION_ROLES)[number];

export interface RoleInfo {
  /** "Guiding policy": the role's name in the outline, the code lens and the review. */
  label: string;
  /** What a section with the role does ("the approach, and what it rules out"). */
  purpose: string;
}

export const ROLE_INFO: Readonly<Record<SectionRole, RoleInfo>> = {
  diagnosis: { label: 'Diagnosis', purpose: 'names the challenge and what makes it hard' },
  'guiding-policy': { label: 'Guiding policy', purpose: 'the approach, and what it rules out' },
  'coherent-actions': { label: 'Coherent actions', purpose: 'the steps, with owners and dates' },
  summary: { label: 'Summary', purpose: 'the answer up front' },
  'non-goals': { label: 'Non-goals', purpose: 'what you will deliberately not do' },
  risks: { label: 'Risks', purpose: 'what could go wrong, and the mitigation' },
  metrics: { label: 'Success metrics', purpose: 'how you will know it worked' },
  options: { label: 'Options considered', purpose: 'the alternatives you weighed' },
  audience: { label: 'Audience', purpose: 'who this is for' },
};

/** Names that read better in some types ("Context" rather than "Diagnosis" in an OKR set). */
export const ROLE_INFO_BY_TYPE: Readonly<Partial<Record<DocType, Partial<Record<SectionRole, RoleInfo>>>>> = {
  okr: { diagnosis: { label: 'Context', purpose: 'why these objectives, and why now' } },
  update: { risks: { label: 'Risks and lowlights', purpose: 'what went wrong or could' } },
};

/** The role's name and purpose in a document of this type. */
export function roleInfo(role: SectionRole, type?: DocType): RoleInfo {
  return (type ? ROLE_INFO_BY_TYPE[type]?.[role] : undefined) ?? ROLE_INFO[role];
}

/** Rumelt's kernel, in its order. */
export const KERNEL_ROLES: readonly SectionRole[] = ['diagnosis', 'guiding-policy', 'coherent-actions'];

export type SectionExpectation = 'required' | 'recommended';

/** The sections each type needs (a kernel gap when missing) or is better with. */
export const SECTION_PLAN: Readonly<Record<DocType, ReadonlyArray<readonly [SectionRole, SectionExpectation]>>> = {
  strategy: [['diagnosis', 'required'], ['guiding-policy', 'required'], ['coherent-actions', 'required'],
    ['summary', 'recommended'], ['non-goals', 'recommended'], ['risks', 'recommended'], ['metrics', 'recommended']],
  decision: [['diagnosis', 'required'], ['guiding-policy', 'required'], ['coherent-actions', 'required'],
    ['options', 'required'], ['summary', 'recommended'], ['risks', 'recommended'], ['non-goals', 'recommended']],
  okr: [['diagnosis', 'recommended'], ['non-goals', 'recommended']],
  roadmap: [['summary', 'recommended'], ['non-goals', 'recommended'], ['metrics', 'recommended']],
  update: [['summary', 'recommended'], ['metrics', 'recommended'], ['risks', 'recommended']],
  'release-notes': [],
  generic: [],
};
