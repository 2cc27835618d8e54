/**
 * Section roles: what a heading is for (diagnosis, guiding policy, …), found from heading text by
 * synonyms. Matching is case-, punctuation- and emoji-insensitive, and any heading level counts.
 */
import type { SectionRole } from '../vocabulary.js';

export const DEFAULT_ROLE_SYNONYMS: Readonly<Record<SectionRole, readonly string[]>> = {
  'diagnosis': ['diagnosis', 'the challenge', 'challenge', 'challenges', 'problem', 'problem statement', "what's going on", 'situation', 'where we are', 'why now'],
  'guiding-policy': ['guiding policy', 'guiding policies', 'policy', 'our approach', 'approach', 'strategy', 'how we will win', 'where to play', 'principles', 'tenets'],
  'coherent-actions': ['coherent actions', 'actions', 'action plan', 'plan', 'initiatives', 'what we will do', 'next steps', 'execution',
    'coherent set of actions', 'set of coherent actions'],
  // "Bottom line" is BLUF written out; "Decision outcome" is the MADR template's decision heading; design docs open with an "Abstract".
  'summary': ['summary', 'tl;dr', 'tldr', 'executive summary', 'bluf', 'bottom line', 'bottom line up front', 'recommendation', 'the ask', 'decision', 'decision outcome',
    'abstract', 'synopsis'],
  'non-goals': ['non-goals', 'out of scope', "what we won't do", 'what we will not do', 'trade-offs', 'tradeoffs'],
  'risks': ['risks', 'pre-mortem', 'premortem', 'what could go wrong', 'risks and mitigations'],
  'metrics': ['success metrics', 'metrics', 'measures', 'okrs', 'objectives and key results', 'key results', 'goals',
    'success measures', 'measures of success', 'how we will know', "how we'll know", 'how we will measure success', 'how we measure success',
    // A project proposal's section (grant and docs-season applications): "Measuring your project's success".
    'measuring success', 'measuring project success', "measuring the project's success", "measuring your project's success", "measuring our project's success",
    'success criteria', 'success indicators'],
  // ADR and RFC templates word it every way round ("Considered Options" in MADR, "Alternatives considered" in RFCs).
  'options': ['options', 'alternatives', 'options considered', 'considered options', 'options we considered', 'alternatives considered',
    'considered alternatives', 'alternatives we considered'],
  'audience': ['audience', 'who this is for', 'readers'],
};

/** Lower-case, drop emoji, punctuation, leading numbering and articles: "2. 🩺 The Diagnosis:" → "diagnosis". */
export function normalizeHeading(text: string): string {
  let normalized = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}\s'-]+/gu, ' ')
    .replace(/'/g, '')
    .replace(/(^|\s)-+|-+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Leading numbering ("1", "2 1", "iv", "part 2", "step 3") and articles.
  normalized = normalized.replace(/^(?:(?:part|step|section)\s+)?(?:\d+\s+)*(?:[ivx]{1,4}\s+(?=\S))?/, '');
  normalized = normalized.replace(/^(?:the|our|my)\s+/, '');
  return normalized;
}

export type RoleSynonyms = Record<SectionRole, readonly string[]>;

/** Words that make a heading a clause, a question or a phrase about something else, not a noun phrase: closed classes only. */
const CLAUSE_WORDS = new Set(['how', 'why', 'what', 'whats', 'when', 'where', 'who', 'which', 'whose', 'we', 'you', 'they', 'it', 'i', 'is', 'are',
  'was', 'were', 'be', 'been', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'do', 'does', 'did', 'has', 'have', 'not',
  'no', 'non', 'never', 'without', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with',
  'from', 'about', 'into', 'against', 'beyond', 'after', 'before', 'than', 'vs', 'versus', 'if', 'or']);
/** Qualifiers that put the head on a path not taken. */
const OTHER_PATH = new Set(['alternative', 'alternatives', 'other', 'possible', 'potential', 'rejected', 'considered', 'example', 'sample']);
/** Qualifiers that make a policy or a plan the one in place today, not the one chosen. */
const STATUS_QUO = new Set(['current', 'existing', 'old', 'previous', 'former', 'past', 'legacy', 'original']);

/** A closing "for 2026", "in Q3 2027", "for the next year". */
const TIME_COMPLEMENT = /\s(?:for|in|during|through)\s(?:fy\s?\d{2,4}|\d{4}(?:\s\d{2,4})?|[qh][1-4](?:\s(?:fy\s?)?\d{2,4})?|(?:the\s)?(?:next|coming|this)\s(?:year|quarter|half|month))$/;

/**
 * The head noun of a heading that is a short noun phrase, the words before it only qualifying it:
 * "Our big challenge" → challenge, "Data platform FY23 initiatives" → initiatives. English noun
 * phrases end in their head. Null for one word, for more than five, and for a clause, a question
 * or a path not taken ("How we plan", "Solving the problem", "Alternative approaches");
 * `statusQuo` when a qualifier makes it the one in place today ("Current strategy").
 */
export function headNounOf(headingText: string): { noun: string; statusQuo: boolean } | null {
  // A time complement does not change the head: "Key challenge for 2026" is a challenge, "Our bets in Q3" are bets.
  const words = normalizeHeading(headingText).replace(TIME_COMPLEMENT, '').split(' ').filter(Boolean);
  if (words.length < 2 || words.length > 5) return null;
  const qualifiers = words.slice(0, -1);
  if (qualifiers.some((word) => CLAUSE_WORDS.has(word) || OTHER_PATH.has(word))) return null;
  return { noun: words[words.length - 1], statusQuo: qualifiers.some((word) => STATUS_QUO.has(word)) };
}

/** A noun and its plural or singular form: "plan" → plan, plans; "priorities" → priorities, priority. */
export function nounForms(word: string): string[] {
  const forms = new Set([word, /(?:s|x|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`]);
  if (/ies$/.test(word)) forms.add(`${word.slice(0, -3)}y`);
  else if (/[^s]s$/.test(word)) forms.add(word.slice(0, -1));
  return [...forms];
}

const matchers = new Map<string, RoleMatcher>();

/**
 * How a document's language compares headings (model/languages: accents, articles, "ß"/"ss", …):
 * `fold` replaces normalizeHeading for headings and synonyms alike, `joiners` splits a heading
 * after its section name ("Risiken und Gegenmaßnahmen"). None for English.
 */
interface HeadingFolding {
  language: string;
  fold: (heading: string) => string;
  joiners: RegExp | null;
}

/** The matcher for these synonyms (built once per list of synonyms: documents are linted again and again). */
export function roleMatcherFor(synonyms: RoleSynonyms, folding: HeadingFolding | null = null): RoleMatcher {
  const key = folding ? `${folding.language}\u0000${JSON.stringify(synonyms)}` : JSON.stringify(synonyms);
  let matcher = matchers.get(key);
  if (!matcher) {
    if (matchers.size > 20) matchers.clear();
    matcher = new RoleMatcher(synonyms, folding);
    matchers.set(key, matcher);
  }
  return matcher;
}

export class RoleMatcher {
  private readonly exact = new Map<string, SectionRole[]>();
  private readonly prefixes: Array<{ prefix: string; role: SectionRole }> = [];

  private readonly key: (text: string) => string;

  constructor(synonyms: RoleSynonyms, private readonly folding: HeadingFolding | null = null) {
    this.key = folding ? folding.fold : normalizeHeading;
    for (const [role, words] of Object.entries(synonyms) as Array<[SectionRole, readonly string[]]>) {
      for (const word of words) {
        for (const key of new Set([this.key(word), this.key(word).replace(/^(?:the|our|my)\s+/, '')])) {
          if (!key) continue;
          const roles = this.exact.get(key) ?? [];
          if (!roles.includes(role)) roles.push(role);
          this.exact.set(key, roles);
          this.prefixes.push({ prefix: key, role });
        }
      }
    }
    // Longest synonym first, so "problem statement" wins over "problem".
    this.prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
    for (const { prefix, role } of this.prefixes) if (/^[a-z]{3,}$/.test(prefix)) this.addHead(prefix, role);
  }

  /**
   * Roles of a heading. Exact synonym, or a synonym followed by a subtitle separator
   * ("Diagnosis: churn is rising", "Risks and mitigations", "Strategy & plans"), never a mere word prefix
   * ("Planning" is not "plan").
   */
  rolesOf(headingText: string): SectionRole[] {
    // Remembered per heading text (a copy is returned: callers may change it).
    let roles = this.byHeading.get(headingText);
    if (!roles) {
      if (this.byHeading.size > 5000) this.byHeading.clear();
      roles = this.match(headingText);
      this.byHeading.set(headingText, roles);
    }
    return [...roles];
  }

  private readonly byHeading = new Map<string, SectionRole[]>();

  /** Roles a heading names by its head noun (headNounOf): "Our big challenge", "Funding plans". */
  headRolesOf(headingText: string): SectionRole[] {
    const head = headNounOf(headingText);
    const roles = head ? this.heads.get(head.noun) : undefined;
    if (!head || !roles) return [];
    return roles.filter((role) => !(head.statusQuo && (role === 'guiding-policy' || role === 'coherent-actions')));
  }

  /** One-word synonyms and their plural or singular forms, by role. */
  private readonly heads = new Map<string, SectionRole[]>();

  private addHead(word: string, role: SectionRole): void {
    for (const form of nounForms(word)) {
      const roles = this.heads.get(form) ?? [];
      if (!roles.includes(role)) roles.push(role);
      this.heads.set(form, roles);
    }
  }

  private match(headingText: string): SectionRole[] {
    const normalized = this.key(headingText);
    if (!normalized) return [];
    const exact = this.exact.get(normalized);
    if (exact) return [...exact];
    // In another language, full-width colons and parentheses ("診断：なぜ今か") are read as theirs.
    const text = this.folding ? headingText.normalize('NFKC').trim() : headingText.trim();
    // The head ends on a non-blank and the blanks after it are read once: linear, even on a long run of spaces.
    const subtitle = /^(.+?)(?<!\s)\s*(?::|(?<=\s)[—–-]\s|\(|(?<=\s)(?:and|&)\s)/u.exec(text) ?? this.folding?.joiners?.exec(text);
    if (subtitle) {
      const head = this.exact.get(this.key(subtitle[1]));
      if (head) return [...head];
    }
    return [];
  }
}
